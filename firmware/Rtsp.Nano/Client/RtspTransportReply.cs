namespace NanoMikey.Rtsp.Client
{
    /// <summary>
    /// What a client needs from the Transport header of a SETUP answer (RFC 2326 §12.39): the profile (RTP/SAVP, RFC 3711
    /// §2 as RFC 4567 §3.2 uses it), the server's RTP and RTCP ports (<c>server_port=a-b</c>) and the server's SSRC when it
    /// names one (<c>ssrc=</c>, 8 hex digits). Reads the bytes in place; the first transport-spec only.
    /// </summary>
    public sealed class RtspTransportReply
    {
        /// <summary>True when the transport-spec starts with <c>RTP/SAVP</c>.</summary>
        public bool IsSavp { get; private set; }

        /// <summary>The server's RTP port; 0 when absent.</summary>
        public int ServerRtpPort { get; private set; }

        /// <summary>The server's RTCP port (the second of server_port; RTP + 1 when only one is given).</summary>
        public int ServerRtcpPort { get; private set; }

        /// <summary>True when an ssrc parameter was there.</summary>
        public bool HasSsrc { get; private set; }

        /// <summary>The ssrc parameter's value.</summary>
        public uint Ssrc { get; private set; }

        /// <summary>Reads a Transport value.</summary>
        /// <param name="b">Buffer holding it.</param>
        /// <param name="offset">Start of the value.</param>
        /// <param name="length">Its length.</param>
        /// <returns>False when a parameter this reader knows is malformed (a bad port or SSRC), or the value is empty.</returns>
        public bool Read(byte[] b, int offset, int length)
        {
            if (b == null) throw new System.ArgumentNullException();
            if (offset < 0 || length < 0 || offset > b.Length - length) throw new System.ArgumentOutOfRangeException();
            IsSavp = false;
            ServerRtpPort = 0;
            ServerRtcpPort = 0;
            HasSsrc = false;
            Ssrc = 0;
            int end = offset + length;
            // Only the first transport-spec (RFC 2326 §12.39: a comma separates alternatives).
            for (int i = offset; i < end; i++)
            {
                if (b[i] == (byte)',')
                {
                    end = i;
                    break;
                }
            }

            if (end == offset) return false;
            IsSavp = end - offset >= 8 && RtspResponseReader.Is(b, offset, 8, "RTP/SAVP") && (end - offset == 8 || b[offset + 8] == (byte)';' || b[offset + 8] == (byte)'/');
            int p = offset;
            while (p < end)
            {
                int s = p;
                while (p < end && b[p] != (byte)';') p++;
                int e = p;
                p++;
                while (s < e && b[s] == (byte)' ') s++;
                if (e - s > 12 && RtspResponseReader.Is(b, s, 12, "server_port="))
                {
                    if (!ReadPorts(b, s + 12, e)) return false;
                }
                else if (e - s > 5 && RtspResponseReader.Is(b, s, 5, "ssrc="))
                {
                    uint v = 0;
                    int digits = 0;
                    for (int i = s + 5; i < e; i++)
                    {
                        int h = Hex(b[i]);
                        if (h < 0 || digits == 8) return false;
                        v = (v << 4) | (uint)h;
                        digits++;
                    }

                    Ssrc = v;
                    HasSsrc = true;
                }
            }

            return true;
        }

        private bool ReadPorts(byte[] b, int s, int e)
        {
            int dash = s;
            while (dash < e && b[dash] != (byte)'-') dash++;
            int first = Port(b, s, dash);
            if (first <= 0) return false;
            int second = dash < e ? Port(b, dash + 1, e) : first + 1;
            if (second <= 0 || second > 65535) return false;
            ServerRtpPort = first;
            ServerRtcpPort = second;
            return true;
        }

        private static int Port(byte[] b, int s, int e)
        {
            if (s >= e || e - s > 5) return -1;
            int v = 0;
            for (int i = s; i < e; i++)
            {
                int d = b[i] - '0';
                if (d < 0 || d > 9) return -1;
                v = v * 10 + d;
            }

            return v >= 1 && v <= 65535 ? v : -1;
        }

        private static int Hex(byte c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }
    }
}
