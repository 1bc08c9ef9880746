using NanoMikey.Sip.Message;
using NanoMikey.Sip.Sdp;

namespace NanoMikey.Fuzz.Targets
{
    /// <summary>
    /// The device's SIP message reader (RFC 3261 §7) and, for a body, its SDP reader (the a=key-mgmt it looks for, RFC 4567).
    /// Contract: every status is defined; on Ok every header the user agent reads is readable, the body lies inside the
    /// message, URIs parse without an exception, and for a request the response the device would send (RFC 3261 §8.2.6)
    /// reads back as a valid message; the received bytes are never written.
    /// </summary>
    public sealed class SipMessageTarget : FuzzTarget
    {
        private readonly SipMessageReader _reader = new SipMessageReader();
        private readonly SipMessageReader _again = new SipMessageReader();
        private readonly SipMessageWriter _writer = new SipMessageWriter(SipLimits.MaxDatagram);
        private readonly SipUri _uri = new SipUri();
        private readonly SdpSessionReader _sdp = new SdpSessionReader();

        /// <inheritdoc />
        public override string Name => "sip-message";

        /// <inheritdoc />
        protected override void Check(byte[] input)
        {
            byte[] b = Guarded(input);
            SipMessageReader r = _reader;
            SipReadStatus s = r.Read(b, Guard, input.Length);
            RequireDefined(s);
            RequireFoldingOnly(b, input);
            if (s != SipReadStatus.Ok)
            {
                return;
            }

            _ = r.MethodText; _ = r.ReasonPhrase; _ = r.RequestUri; _ = r.CallId; _ = r.ToUri; _ = r.FromTag;
            _ = r.ToTag; _ = r.CSeqMethodText; _ = r.TopViaBranch; _ = r.TopViaHost; _ = r.TopViaReceived; _ = r.TopViaTransport;
            _ = r.ContactUri; _ = r.ContentType; _ = r.ChallengeHeader; _ = r.HeaderValue("Subject"); _ = r.HasHeader("x");
            _ = r.HeaderValue("Via", 1);
            RequireDefined(r.Method);
            Require(r.ViaCount >= 1 && r.ViaCount <= SipLimits.MaxVia, "Via count " + r.ViaCount);
            for (int i = 0; i < r.ViaCount; i++) _ = r.ViaHeaderValue(i);
            Require(r.RecordRouteCount >= 0, "Record-Route count " + r.RecordRouteCount);
            for (int i = 0; i < r.RecordRouteCount; i++) _ = r.RecordRoute(i);
            RequireRange(r.BodyOffset, r.BodyLength, Guard, Guard + input.Length, "body");
            Require(r.TopViaPort >= 0 && r.TopViaPort <= 65535, "Via port " + r.TopViaPort);
            string? from = r.FromUri;
            Require(from != null, "Ok without From");
            _uri.Parse(from!);
            if (r.ContactUri != null) _uri.Parse(r.ContactUri);
            if (r.RequestUri != null) _uri.Parse(r.RequestUri);
            Require(_uri.Port >= 0 && _uri.Port <= 65535, "URI port " + _uri.Port);
            if (r.BodyLength > 0)
            {
                RequireDefined(_sdp.Read(r.Body));
                if (_sdp.HasMikey) Require(_sdp.MikeyData != null, "HasMikey without data");
            }

            if (r.IsRequest)
            {
                SipResponseTemplate.Write(_writer, r, 400, "Bad Request", "t");
                SipResponseTemplate.WriteRecordRoute(_writer, r);
                int n = _writer.EndNoBody();
                if (n > 0)
                {
                    SipReadStatus a = _again.Read(_writer.Buffer, 0, n);
                    Require(a == SipReadStatus.Ok, "the response to a valid request reads as " + a);
                }
            }
        }

        // The reader writes to the datagram only to unfold: the CR, LF or HT of a folded line's LWS becomes SP (RFC 3261 §7.3.1,
        // §25.1: LWS = [*WSP CRLF] 1*WSP is equivalent to one SP).
        private static void RequireFoldingOnly(byte[] b, byte[] input)
        {
            RequireGuards(b, input.Length, "SipMessageReader");
            for (int i = 0; i < input.Length; i++)
            {
                byte now = b[Guard + i], was = input[i];
                Require(now == was || (now == (byte)' ' && (was == (byte)'\r' || was == (byte)'\n' || was == (byte)'\t')),
                    "SipMessageReader changed input byte " + i + " from " + was + " to " + now);
            }
        }
    }
}
