using System;

namespace NanoMikey.Rtsp.Message
{
    /// <summary>
    /// One transport specification of the Transport header (RFC 2326 §12.39):
    /// <c>RTP/AVP|RTP/SAVP[/UDP|/TCP];unicast|multicast;client_port=a-b;server_port=a-b;interleaved=a-b;ssrc=HEX;mode=...</c>.
    /// <see cref="Parse"/> reads one specification of a comma-separated list (the client's preferences in order) and says
    /// where the next one starts; <see cref="AppendTo"/> writes the server's answer. Parameters this codec does not know are
    /// ignored, as §12.39 asks. Allocation-free.
    /// </summary>
    public sealed class RtspTransport
    {
        private static readonly string Rtp = "RTP/";
        private static readonly string Avp = "AVP";
        private static readonly string Savp = "SAVP";
        private static readonly string Udp = "UDP";
        private static readonly string Tcp = "TCP";
        private static readonly string RtpAvp = "RTP/AVP";
        private static readonly string RtpSavp = "RTP/SAVP";
        private static readonly string SlashTcp = "/TCP";
        private static readonly string Unicast = "unicast";
        private static readonly string Multicast = "multicast";
        private static readonly string ClientPort = "client_port";
        private static readonly string ServerPort = "server_port";
        private static readonly string Interleaved = "interleaved";
        private static readonly string SsrcName = "ssrc";
        private static readonly string Mode = "mode";
        private static readonly string Record = "record";
        private static readonly string Play = "play";
        private static readonly string Semicolon = ";";
        private static readonly string Equal = "=";
        private static readonly string Dash = "-";

        /// <summary>The RTP profile (Unknown when the specification is not RTP/AVP or RTP/SAVP).</summary>
        public RtspTransportProfile Profile { get; set; }

        /// <summary>UDP (the default) or TCP (interleaved).</summary>
        public RtspLowerTransport LowerTransport { get; set; }

        /// <summary>True when the specification says <c>multicast</c> (not served here).</summary>
        public bool IsMulticast { get; set; }

        /// <summary>The client's RTP port, or -1 (RTCP on <see cref="ClientRtcpPort"/>).</summary>
        public int ClientRtpPort { get; set; }

        /// <summary>The client's RTCP port, or -1.</summary>
        public int ClientRtcpPort { get; set; }

        /// <summary>The server's RTP port, or -1.</summary>
        public int ServerRtpPort { get; set; }

        /// <summary>The server's RTCP port, or -1.</summary>
        public int ServerRtcpPort { get; set; }

        /// <summary>The interleaved channel of RTP, or -1 (RFC 2326 §10.12).</summary>
        public int InterleavedRtp { get; set; }

        /// <summary>The interleaved channel of RTCP, or -1.</summary>
        public int InterleavedRtcp { get; set; }

        /// <summary>True when an <c>ssrc=</c> parameter is present.</summary>
        public bool HasSsrc { get; set; }

        /// <summary>The SSRC (RFC 2326 §12.39: 8 hex digits).</summary>
        public uint Ssrc { get; set; }

        /// <summary>True for <c>mode=record</c> (RFC 2326 §12.39, any case, quoted or not); false for play or no mode.</summary>
        public bool IsRecord { get; set; }

        /// <summary>Where the next specification of the list starts after <see cref="Parse"/> (the end when there is none).</summary>
        public int NextOffset { get; private set; }

        /// <summary>Forgets everything: no profile, UDP, unicast, no ports, channels or SSRC, play mode.</summary>
        public void Clear()
        {
            Profile = RtspTransportProfile.Unknown;
            LowerTransport = RtspLowerTransport.Udp;
            IsMulticast = false;
            ClientRtpPort = ClientRtcpPort = ServerRtpPort = ServerRtcpPort = InterleavedRtp = InterleavedRtcp = -1;
            HasSsrc = false;
            Ssrc = 0;
            IsRecord = false;
        }

        /// <summary>Parses the specification at <paramref name="offset"/>, up to the next ',' or the end.</summary>
        /// <param name="buffer">The header value.</param>
        /// <param name="offset">Start of the specification.</param>
        /// <param name="length">Bytes from <paramref name="offset"/> to the end of the header value.</param>
        /// <returns>
        /// True when it is well formed (the profile may still be Unknown: another transport protocol); false when a known
        /// parameter is malformed. <see cref="NextOffset"/> is set either way.
        /// </returns>
        public bool Parse(byte[] buffer, int offset, int length)
        {
            if (buffer == null) throw new ArgumentNullException();
            if (offset < 0 || length < 0 || offset > buffer.Length - length) throw new ArgumentOutOfRangeException();
            Clear();
            int end = offset + length;
            int specEnd = offset;
            bool quoted = false;
            while (specEnd < end && (quoted || buffer[specEnd] != (byte)','))
            {
                if (buffer[specEnd] == (byte)'"') quoted = !quoted;
                specEnd++;
            }

            NextOffset = specEnd < end ? specEnd + 1 : end;
            int p = Skip(buffer, offset, specEnd);
            int q = p;
            while (q < specEnd && buffer[q] != (byte)';' && buffer[q] != (byte)' ' && buffer[q] != (byte)'\t') q++;

            // transport-protocol/profile[/lower-transport]
            if (q - p >= 7 && RtspRequestReader.Matches(buffer, p, Rtp, 0, 4))
            {
                int r = p + 4;
                int slash = r;
                while (slash < q && buffer[slash] != (byte)'/') slash++;
                if (IsWord(buffer, r, slash, Avp)) Profile = RtspTransportProfile.Avp;
                else if (IsWord(buffer, r, slash, Savp)) Profile = RtspTransportProfile.Savp;
                if (slash < q)
                {
                    if (IsWord(buffer, slash + 1, q, Tcp)) LowerTransport = RtspLowerTransport.Tcp;
                    else if (!IsWord(buffer, slash + 1, q, Udp)) Profile = RtspTransportProfile.Unknown;
                }
            }

            p = q;
            while (p < specEnd)
            {
                p = Skip(buffer, p, specEnd);
                if (p < specEnd && buffer[p] == (byte)';') p = Skip(buffer, p + 1, specEnd);
                if (p >= specEnd) break;
                int nameStart = p;
                while (p < specEnd && buffer[p] != (byte)'=' && buffer[p] != (byte)';') p++;
                int nameEnd = TrimEnd(buffer, nameStart, p);
                int valueStart = -1, valueEnd = -1;
                if (p < specEnd && buffer[p] == (byte)'=')
                {
                    valueStart = Skip(buffer, p + 1, specEnd);
                    p = valueStart;
                    bool inQuote = false;
                    while (p < specEnd && (inQuote || buffer[p] != (byte)';'))
                    {
                        if (buffer[p] == (byte)'"') inQuote = !inQuote;
                        p++;
                    }

                    valueEnd = TrimEnd(buffer, valueStart, p);
                    if (valueEnd - valueStart >= 2 && buffer[valueStart] == (byte)'"' && buffer[valueEnd - 1] == (byte)'"')
                    {
                        valueStart++;
                        valueEnd--;
                    }
                }

                if (!Apply(buffer, nameStart, nameEnd, valueStart, valueEnd)) return false;
            }

            return true;
        }

        /// <summary>Appends this specification as a header value (profile, unicast, ports or channels, ssrc, mode).</summary>
        /// <param name="writer">A writer inside a header (after <see cref="RtspMessageWriter.BeginHeader"/>).</param>
        public void AppendTo(RtspMessageWriter writer)
        {
            if (writer == null) throw new ArgumentNullException();
            if (Profile == RtspTransportProfile.Unknown) throw new InvalidOperationException();
            writer.Append(Profile == RtspTransportProfile.Savp ? RtpSavp : RtpAvp);
            if (LowerTransport == RtspLowerTransport.Tcp) writer.Append(SlashTcp);
            writer.Append(Semicolon);
            writer.Append(IsMulticast ? Multicast : Unicast);
            AppendPair(writer, ClientPort, ClientRtpPort, ClientRtcpPort);
            AppendPair(writer, ServerPort, ServerRtpPort, ServerRtcpPort);
            AppendPair(writer, Interleaved, InterleavedRtp, InterleavedRtcp);
            if (HasSsrc)
            {
                writer.Append(Semicolon);
                writer.Append(SsrcName);
                writer.Append(Equal);
                writer.AppendHex32(Ssrc);
            }

            if (IsRecord)
            {
                writer.Append(Semicolon);
                writer.Append(Mode);
                writer.Append(Equal);
                writer.Append(Record);
            }
        }

        private static void AppendPair(RtspMessageWriter w, string name, int first, int second)
        {
            if (first < 0) return;
            w.Append(Semicolon);
            w.Append(name);
            w.Append(Equal);
            w.AppendDecimal(first);
            if (second >= 0)
            {
                w.Append(Dash);
                w.AppendDecimal(second);
            }
        }

        private bool Apply(byte[] b, int n, int ne, int v, int ve)
        {
            if (IsWord(b, n, ne, Unicast))
            {
                IsMulticast = false;
                return true;
            }

            if (IsWord(b, n, ne, Multicast))
            {
                IsMulticast = true;
                return true;
            }

            int a, c;
            if (IsWord(b, n, ne, ClientPort))
            {
                if (!ReadRange(b, v, ve, 65535, out a, out c) || a == 0) return false;
                ClientRtpPort = a;
                ClientRtcpPort = c;
                return true;
            }

            if (IsWord(b, n, ne, ServerPort))
            {
                if (!ReadRange(b, v, ve, 65535, out a, out c) || a == 0) return false;
                ServerRtpPort = a;
                ServerRtcpPort = c;
                return true;
            }

            if (IsWord(b, n, ne, Interleaved))
            {
                if (!ReadRange(b, v, ve, 255, out a, out c)) return false;
                InterleavedRtp = a;
                InterleavedRtcp = c;
                return true;
            }

            if (IsWord(b, n, ne, SsrcName))
            {
                // ssrc = 8*8(HEX) (RFC 2326 §12.39); fewer digits are read too (some clients drop leading zeros).
                if (v < 0 || ve - v < 1 || ve - v > 8) return false;
                uint s = 0;
                for (int i = v; i < ve; i++)
                {
                    int d = HexValue(b[i]);
                    if (d < 0) return false;
                    s = (s << 4) | (uint)d;
                }

                Ssrc = s;
                HasSsrc = true;
                return true;
            }

            if (IsWord(b, n, ne, Mode))
            {
                if (v < 0) return false;
                IsRecord = IsWord(b, v, ve, Record);
                return IsRecord || IsWord(b, v, ve, Play);
            }

            return true; // unknown parameters are ignored (RFC 2326 §12.39)
        }

        // port [ "-" port ], each at most max; the second is -1 when absent.
        private static bool ReadRange(byte[] b, int v, int ve, int max, out int first, out int second)
        {
            first = second = -1;
            if (v < 0) return false;
            int dash = v;
            while (dash < ve && b[dash] != (byte)'-') dash++;
            first = RtspRequestReader.ParseDecimal(b, v, dash - v);
            if (first < 0 || first > max) return false;
            if (dash == ve) return true;
            second = RtspRequestReader.ParseDecimal(b, dash + 1, ve - dash - 1);
            return second >= 0 && second <= max;
        }

        private static bool IsWord(byte[] b, int p, int end, string word)
        {
            return end - p == word.Length && RtspRequestReader.Matches(b, p, word, 0, word.Length);
        }

        internal static int HexValue(byte c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }

        private static int Skip(byte[] b, int p, int end)
        {
            while (p < end && (b[p] == (byte)' ' || b[p] == (byte)'\t' || b[p] == (byte)'\r' || b[p] == (byte)'\n')) p++;
            return p;
        }

        private static int TrimEnd(byte[] b, int start, int end)
        {
            while (end > start && (b[end - 1] == (byte)' ' || b[end - 1] == (byte)'\t' || b[end - 1] == (byte)'\r' || b[end - 1] == (byte)'\n')) end--;
            return end;
        }
    }
}
