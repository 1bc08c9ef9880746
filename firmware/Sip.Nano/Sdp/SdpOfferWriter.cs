using System;
using NanoMikey.Mikey.Transport;
using NanoMikey.Net.Sockets;

namespace NanoMikey.Sip.Sdp
{
    /// <summary>
    /// Writes the SDP offer or answer of an intercom call (RFC 4566, RFC 3264): one <c>m=audio</c> line over <c>RTP/SAVP</c>
    /// (RFC 3711 §7) with PCMU 0 and/or PCMA 8 (RFC 3551 §6), <c>c=IN IP4</c>, a direction attribute, and the MIKEY message
    /// in <c>a=key-mgmt:mikey</c> (RFC 4567 §3.1) at session level (the default: it then keys every stream) or media level.
    /// The profile is always RTP/SAVP: this side never offers media in clear.
    /// </summary>
    /// <remarks>Signalling, not a per-packet path: the text is returned as a string for the SIP message body.</remarks>
    public sealed class SdpOfferWriter
    {
        /// <summary>PCMU, RFC 3551 §6.</summary>
        public const int Pcmu = 0;

        /// <summary>PCMA, RFC 3551 §6.</summary>
        public const int Pcma = 8;

        /// <summary>Creates a writer: session-level key-mgmt, sendrecv, PCMU then PCMA, user name "-".</summary>
        public SdpOfferWriter()
        {
            UserName = "-";
            SessionName = "-";
            OfferPcmu = true;
            OfferPcma = true;
            KeyMgmtAtSessionLevel = true;
        }

        /// <summary>The o= user name (RFC 4566 §5.2; "-" when the host has none).</summary>
        public string UserName { get; set; }

        /// <summary>The s= session name (RFC 4566 §5.3: "-" for none).</summary>
        public string SessionName { get; set; }

        /// <summary>List payload type 0 (PCMU).</summary>
        public bool OfferPcmu { get; set; }

        /// <summary>List payload type 8 (PCMA).</summary>
        public bool OfferPcma { get; set; }

        /// <summary>Put PCMA before PCMU in the format list (the answerer's order tells the preferred one, RFC 3264 §6.1).</summary>
        public bool PreferPcma { get; set; }

        /// <summary>The direction attribute of the audio stream.</summary>
        public SdpDirection Direction { get; set; }

        /// <summary>Write <c>a=key-mgmt</c> at session level (true, default) or inside the audio section (RFC 4567 §3.1 allows both).</summary>
        public bool KeyMgmtAtSessionLevel { get; set; }

        /// <summary>Writes the description.</summary>
        /// <param name="sessionId">o= sess-id (RFC 4566 §5.2).</param>
        /// <param name="sessionVersion">o= sess-version: increase it for every new offer in the dialog (RFC 3264 §8).</param>
        /// <param name="address">This side's IPv4 address (big-endian, as <c>NanoMikey.Net.Sockets.IPv4</c>).</param>
        /// <param name="audioPort">The RTP port (1 to 65535; 0 rejects the stream in an answer, RFC 3264 §6).</param>
        /// <param name="mikeyBase64">The MIKEY message in strict base64 (RFC 4567 §3.1 keymgmt-data).</param>
        /// <returns>The SDP text, lines ending with CRLF.</returns>
        /// <exception cref="ArgumentNullException">The key-mgmt data is null.</exception>
        /// <exception cref="ArgumentException">No payload type is selected, the port is out of range or the data is not strict base64.</exception>
        public string Write(uint sessionId, uint sessionVersion, uint address, int audioPort, string mikeyBase64)
        {
            if (mikeyBase64 == null) throw new ArgumentNullException();
            if ((!OfferPcmu && !OfferPcma) || audioPort < 0 || audioPort > 65535 || mikeyBase64.Length == 0
                || Base64.GetDecodedLength(mikeyBase64, 0, mikeyBase64.Length) < 0)
            {
                throw new ArgumentException();
            }

            string crlf = "\r\n";
            string ip = IPv4.ToText(address);
            string keyMgmt = "a=key-mgmt:mikey " + mikeyBase64 + crlf;
            string formats = string.Empty;
            string maps = string.Empty;
            bool pcmuFirst = !PreferPcma || !OfferPcma;
            for (int pass = 0; pass < 2; pass++)
            {
                bool pcmu = (pass == 0) == pcmuFirst;
                if (pcmu && OfferPcmu)
                {
                    formats = formats + " 0";
                    maps = maps + "a=rtpmap:0 PCMU/8000" + crlf;
                }
                else if (!pcmu && OfferPcma)
                {
                    formats = formats + " 8";
                    maps = maps + "a=rtpmap:8 PCMA/8000" + crlf;
                }
            }

            string s = "v=0" + crlf
                + "o=" + UserName + " " + sessionId.ToString() + " " + sessionVersion.ToString() + " IN IP4 " + ip + crlf
                + "s=" + SessionName + crlf
                + "c=IN IP4 " + ip + crlf
                + "t=0 0" + crlf;
            if (KeyMgmtAtSessionLevel) s = s + keyMgmt;
            s = s + "m=audio " + audioPort.ToString() + " RTP/SAVP" + formats + crlf + maps + "a=" + DirectionName(Direction) + crlf;
            if (!KeyMgmtAtSessionLevel) s = s + keyMgmt;
            return s;
        }

        private static string DirectionName(SdpDirection d)
        {
            switch (d)
            {
                case SdpDirection.SendOnly: return "sendonly";
                case SdpDirection.RecvOnly: return "recvonly";
                case SdpDirection.Inactive: return "inactive";
                default: return "sendrecv";
            }
        }
    }
}
