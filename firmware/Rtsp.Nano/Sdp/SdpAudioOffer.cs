using System;
using NanoMikey.Mikey.Transport;
using NanoMikey.Rtsp.Message;

namespace NanoMikey.Rtsp.Sdp
{
    /// <summary>
    /// The session description a DESCRIBE answer carries (RFC 2326 App. C, RFC 4566): one G.711 audio stream over
    /// <c>RTP/SAVP</c> (RFC 3711 §7) with its control URL and a media-level <c>a=key-mgmt:mikey</c> (RFC 4567 §3.1), the
    /// level gst-rtsp-server uses and rtspsrc reads. Written into a caller buffer; allocation-free after construction.
    /// </summary>
    public sealed class SdpAudioOffer
    {
        /// <summary>The media-level control attribute value: the stream's URL relative to Content-Base (RFC 2326 §C.1.1).</summary>
        public static readonly string StreamControl = "stream=0";

        private static readonly string V = "v=0";
        private static readonly string O = "o=- ";
        private static readonly string OTail = " 1 IN IP4 ";
        private static readonly string S = "s=nanoMikey sensor";
        private static readonly string C = "c=IN IP4 0.0.0.0";
        private static readonly string T = "t=0 0";
        private static readonly string AggregateControl = "a=control:*";
        private static readonly string M = "m=audio 0 RTP/SAVP ";
        private static readonly string Rtpmap = "a=rtpmap:";
        private static readonly string Pcmu = " PCMU/8000";
        private static readonly string Pcma = " PCMA/8000";
        private static readonly string Control = "a=control:";
        private static readonly string KeyMgmt = "a=key-mgmt:mikey ";
        private static readonly string Dot = ".";

        private readonly RtspMessageWriter _w = new RtspMessageWriter();
        private readonly char[] _base64;

        /// <summary>Creates a writer for MIKEY messages up to <paramref name="maxMikeyLength"/> bytes.</summary>
        /// <param name="maxMikeyLength">Longest MIKEY message carried.</param>
        public SdpAudioOffer(int maxMikeyLength)
        {
            if (maxMikeyLength < 1) throw new ArgumentOutOfRangeException();
            _base64 = new char[Base64.GetEncodedLength(maxMikeyLength)];
        }

        /// <summary>Writes the description.</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Offset of the text.</param>
        /// <param name="capacity">Room from <paramref name="offset"/>.</param>
        /// <param name="sessionId">The o= session id (RFC 4566 §5.2).</param>
        /// <param name="address">The server's IPv4 address (o= line).</param>
        /// <param name="payloadType">0 (PCMU) or 8 (PCMA), RFC 3551 §6.</param>
        /// <param name="mikey">The MIKEY message.</param>
        /// <param name="mikeyOffset">Its offset.</param>
        /// <param name="mikeyLength">Its length.</param>
        /// <returns>The length written, or -1 when it does not fit.</returns>
        public int Write(byte[] buffer, int offset, int capacity, uint sessionId, uint address, int payloadType, byte[] mikey, int mikeyOffset, int mikeyLength)
        {
            if (payloadType != 0 && payloadType != 8) throw new ArgumentOutOfRangeException();
            if (mikey == null) throw new ArgumentNullException();
            if (Base64.GetEncodedLength(mikeyLength) > _base64.Length) throw new ArgumentOutOfRangeException();
            RtspMessageWriter w = _w;
            w.StartText(buffer, offset, capacity);
            Line(w, V);
            w.Append(O);
            w.AppendDecimal(sessionId);
            w.Append(OTail);
            for (int i = 3; i >= 0; i--)
            {
                w.AppendDecimal((address >> (8 * i)) & 0xFF);
                if (i > 0) w.Append(Dot);
            }

            w.AppendLineEnd();
            Line(w, S);
            Line(w, C);
            Line(w, T);
            Line(w, AggregateControl);
            w.Append(M);
            w.AppendDecimal(payloadType);
            w.AppendLineEnd();
            w.Append(Rtpmap);
            w.AppendDecimal(payloadType);
            Line(w, payloadType == 0 ? Pcmu : Pcma);
            w.Append(Control);
            Line(w, StreamControl);
            int n = Base64.Encode(mikey, mikeyOffset, mikeyLength, _base64, 0);
            w.Append(KeyMgmt);
            w.AppendChars(_base64, 0, n);
            w.AppendLineEnd();
            return w.Overflow ? -1 : w.Length;
        }

        private static void Line(RtspMessageWriter w, string text)
        {
            w.Append(text);
            w.AppendLineEnd();
        }
    }
}
