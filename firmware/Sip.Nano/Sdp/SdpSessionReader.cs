using System;
using NanoMikey.Mikey.Transport;
using NanoMikey.Sip.Auth;

namespace NanoMikey.Sip.Sdp
{
    /// <summary>
    /// Reads an SDP offer or answer (RFC 4566, RFC 3264) for an intercom call: the first <c>m=audio</c> stream's port,
    /// profile, payload types, direction and IPv4 connection address (media level over session level, RFC 4566 §5.7), and
    /// the MIKEY <c>a=key-mgmt</c> that keys it (RFC 4567 §3.1: media level over session level), found with
    /// <see cref="SdpKeyMgmt"/>. It also tells whether another key exchange is present (SDES <c>a=crypto</c>, RFC 4568, or a
    /// key-mgmt of another protocol), so the caller can refuse a peer that would leave the media unkeyed by MIKEY.
    /// </summary>
    /// <remarks>
    /// Bounded: <see cref="MaxLength"/> characters, <see cref="MaxLines"/> lines, <see cref="MaxPayloadTypes"/> formats kept.
    /// A failed read leaves every property as the last successful read set it.
    /// </remarks>
    public sealed class SdpSessionReader
    {
        /// <summary>Longest SDP text read (a SIP datagram is at most 4 KB, and the body less).</summary>
        public const int MaxLength = 4096;

        /// <summary>Most lines read.</summary>
        public const int MaxLines = 96;

        /// <summary>Most payload types kept from the audio m= line (the rest are ignored).</summary>
        public const int MaxPayloadTypes = 16;

        private readonly SdpKeyMgmt _keyMgmt = new SdpKeyMgmt();
        private readonly int[] _payloadTypes = new int[MaxPayloadTypes];
        private readonly int[] _pt = new int[MaxPayloadTypes];

        /// <summary>The audio stream's port (0: the answerer rejected the stream, RFC 3264 §6).</summary>
        public int AudioPort { get; private set; }

        /// <summary>The audio stream's transport profile.</summary>
        public SdpMediaProfile Profile { get; private set; }

        /// <summary>The audio stream's IPv4 connection address (big-endian).</summary>
        public uint ConnectionAddress { get; private set; }

        /// <summary>The audio stream's direction (session-level attribute unless the stream has its own).</summary>
        public SdpDirection Direction { get; private set; }

        /// <summary>Number of payload types kept from the audio m= line.</summary>
        public int PayloadTypeCount { get; private set; }

        /// <summary>The <paramref name="index"/>-th payload type of the audio m= line, in the order written.</summary>
        /// <param name="index">0 to <see cref="PayloadTypeCount"/> - 1.</param>
        /// <returns>The payload type number.</returns>
        public int PayloadType(int index)
        {
            if (index < 0 || index >= PayloadTypeCount) throw new ArgumentOutOfRangeException();
            return _payloadTypes[index];
        }

        /// <summary>The first of PCMU (0) and PCMA (8) in the audio m= line's order, or -1 when neither is listed.</summary>
        public int PreferredG711
        {
            get
            {
                for (int i = 0; i < PayloadTypeCount; i++)
                {
                    if (_payloadTypes[i] == 0 || _payloadTypes[i] == 8) return _payloadTypes[i];
                }

                return -1;
            }
        }

        /// <summary>The index of the audio m= section among all m= sections (0-based).</summary>
        public int AudioMediaIndex { get; private set; }

        /// <summary>A well-formed <c>a=key-mgmt:mikey</c> keys the audio stream.</summary>
        public bool HasMikey { get; private set; }

        /// <summary>The MIKEY key-mgmt found was at media level (else session level).</summary>
        public bool MikeyAtMediaLevel { get; private set; }

        /// <summary>The key-mgmt data (strict base64) of the MIKEY attribute that keys the audio stream, or null.</summary>
        public string? MikeyData { get; private set; }

        /// <summary>The description carries SDES (<c>a=crypto</c>, RFC 4568) at session level or in the audio stream.</summary>
        public bool HasCrypto { get; private set; }

        /// <summary>A key-mgmt attribute for another protocol than MIKEY applies to the audio stream.</summary>
        public bool HasOtherKeyManagement { get; private set; }

        /// <summary>Reads a session description (CRLF or LF line ends).</summary>
        /// <param name="sdp">The SDP text (a SIP message body).</param>
        /// <returns>The outcome.</returns>
        public SdpReadStatus Read(string sdp)
        {
            if (sdp == null) throw new ArgumentNullException();
            if (sdp.Length > MaxLength) return SdpReadStatus.TooLarge;
            int p = 0, lines = 0, media = -1, audio = -1, port = 0, ptCount = 0;
            SdpMediaProfile profile = SdpMediaProfile.None;
            uint sessionAddress = 0, mediaAddress = 0;
            bool sessionC = false, mediaC = false, crypto = false;
            SdpDirection sessionDir = SdpDirection.SendRecv, mediaDir = SdpDirection.SendRecv;
            bool mediaDirSet = false;
            while (p < sdp.Length)
            {
                int end = sdp.IndexOf('\n', p);
                if (end < 0) end = sdp.Length;
                int stop = end > p && sdp[end - 1] == '\r' ? end - 1 : end;
                int start = p;
                p = end + 1;
                if (stop == start) continue; // tolerate a blank line (a trailing CRLF)
                if (++lines > MaxLines) return SdpReadStatus.TooLarge;
                // RFC 4566 §5: <type>=<value>, and v=0 first.
                if (stop - start < 2 || sdp[start + 1] != '=') return SdpReadStatus.Malformed;
                char type = sdp[start];
                if (lines == 1 && !TokenText.Equal(sdp, start, stop - start, "v=0", false)) return SdpReadStatus.Malformed;
                bool inAudio = audio >= 0 && media == audio;
                if (type == 'm')
                {
                    media++;
                    if (audio >= 0) continue;
                    int f = start + 2;
                    int w = Word(sdp, f, stop);
                    if (!TokenText.Equal(sdp, f, w - f, "audio", false)) continue;
                    audio = media;
                    f = w + 1;
                    w = Word(sdp, f, stop);
                    // <port>[/<number of ports>] (RFC 4566 §5.14).
                    int slash = f;
                    while (slash < w && sdp[slash] != '/') slash++;
                    port = Number(sdp, f, slash, 65535);
                    if (port < 0 || w >= stop) return SdpReadStatus.Malformed;
                    f = w + 1;
                    w = Word(sdp, f, stop);
                    profile = TokenText.Equal(sdp, f, w - f, "RTP/SAVP", false) ? SdpMediaProfile.RtpSavp
                        : TokenText.Equal(sdp, f, w - f, "RTP/AVP", false) ? SdpMediaProfile.RtpAvp : SdpMediaProfile.Other;
                    while (w < stop)
                    {
                        f = w + 1;
                        w = Word(sdp, f, stop);
                        if (w == f) continue;
                        int pt = Number(sdp, f, w, 127);
                        if (pt < 0 && profile != SdpMediaProfile.Other) return SdpReadStatus.Malformed;
                        if (pt >= 0 && ptCount < MaxPayloadTypes) _pt[ptCount++] = pt;
                    }
                }
                else if (type == 'c' && (media < 0 || inAudio))
                {
                    // c=IN IP4 <address>[/<ttl>] (RFC 4566 §5.7); IP6 leaves the stream without an IPv4 address.
                    uint a;
                    bool ip4 = Starts(sdp, start, stop, "c=IN IP4 ") ? Address(sdp, start + 9, stop, out a) : Fail(out a);
                    if (!ip4 && !Starts(sdp, start, stop, "c=IN IP6 ")) return SdpReadStatus.Malformed;
                    if (media < 0)
                    {
                        sessionC = ip4;
                        sessionAddress = a;
                    }
                    else
                    {
                        mediaC = ip4;
                        mediaAddress = a;
                    }
                }
                else if (type == 'a' && (media < 0 || inAudio))
                {
                    SdpDirection d;
                    if (DirectionOf(sdp, start, stop, out d))
                    {
                        if (media < 0) sessionDir = d;
                        else
                        {
                            mediaDir = d;
                            mediaDirSet = true;
                        }
                    }
                    else if (Starts(sdp, start, stop, "a=crypto:"))
                    {
                        crypto = true;
                    }
                }
            }

            if (audio < 0) return SdpReadStatus.NoAudio;
            if (!(mediaC || (sessionC && !HasMediaConnection(sdp, audio)))) return SdpReadStatus.NoConnection;

            // RFC 4567 §3.1: a media-level key-mgmt overrides the session-level one.
            string? mikey = null;
            bool atMedia = false, other = false;
            SdpKeyMgmt k = _keyMgmt;
            k.Reset(sdp);
            while (k.FindNext())
            {
                if (k.MediaIndex != -1 && k.MediaIndex != audio) continue;
                if (!k.IsMikey)
                {
                    other = true;
                    continue;
                }

                if (mikey == null || (k.MediaIndex == audio && !atMedia))
                {
                    mikey = sdp.Substring(k.DataStart, k.DataLength);
                    atMedia = k.MediaIndex == audio;
                }
            }

            for (int i = 0; i < ptCount; i++) _payloadTypes[i] = _pt[i];
            PayloadTypeCount = ptCount;
            AudioPort = port;
            Profile = profile;
            AudioMediaIndex = audio;
            ConnectionAddress = mediaC ? mediaAddress : sessionAddress;
            Direction = mediaDirSet ? mediaDir : sessionDir;
            HasCrypto = crypto;
            HasOtherKeyManagement = other;
            HasMikey = mikey != null;
            MikeyData = mikey;
            MikeyAtMediaLevel = atMedia;
            return SdpReadStatus.Ok;
        }

        // A c= line inside media section `index` (an IP6 one there overrides a session IPv4 address).
        private static bool HasMediaConnection(string s, int index)
        {
            int p = 0, media = -1;
            while (p < s.Length)
            {
                int end = s.IndexOf('\n', p);
                if (end < 0) end = s.Length;
                if (end - p >= 2 && s[p + 1] == '=')
                {
                    if (s[p] == 'm') media++;
                    else if (s[p] == 'c' && media == index) return true;
                }

                p = end + 1;
            }

            return false;
        }

        private static bool Starts(string s, int start, int stop, string word)
        {
            return stop - start >= word.Length && TokenText.Equal(s, start, word.Length, word, false);
        }

        private static bool Fail(out uint a)
        {
            a = 0;
            return false;
        }

        private static bool DirectionOf(string s, int start, int stop, out SdpDirection d)
        {
            int n = stop - start;
            d = SdpDirection.SendRecv;
            if (TokenText.Equal(s, start, n, "a=sendrecv", false)) return true;
            d = SdpDirection.SendOnly;
            if (TokenText.Equal(s, start, n, "a=sendonly", false)) return true;
            d = SdpDirection.RecvOnly;
            if (TokenText.Equal(s, start, n, "a=recvonly", false)) return true;
            d = SdpDirection.Inactive;
            return TokenText.Equal(s, start, n, "a=inactive", false);
        }

        // End of the space-delimited word starting at p.
        private static int Word(string s, int p, int stop)
        {
            while (p < stop && s[p] != ' ') p++;
            return p;
        }

        // A decimal number 0..max from [p, stop), or -1.
        private static int Number(string s, int p, int stop, int max)
        {
            if (stop <= p || stop - p > 5) return -1;
            int v = 0;
            for (int i = p; i < stop; i++)
            {
                char c = s[i];
                if (c < '0' || c > '9') return -1;
                v = v * 10 + (c - '0');
            }

            return v <= max ? v : -1;
        }

        // a.b.c.d, optionally followed by /ttl (multicast, RFC 4566 §5.7).
        private static bool Address(string s, int p, int stop, out uint address)
        {
            address = 0;
            for (int i = 0; i < 4; i++)
            {
                int e = p;
                while (e < stop && s[e] >= '0' && s[e] <= '9') e++;
                int octet = Number(s, p, e, 255);
                if (octet < 0 || e - p > 3) return false;
                address = (address << 8) | (uint)octet;
                if (i < 3)
                {
                    if (e >= stop || s[e] != '.') return false;
                    p = e + 1;
                }
                else if (e < stop && s[e] != '/')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
