using NanoMikey.Mikey.Transport;
using NanoMikey.Rtsp.Message;

namespace NanoMikey.Fuzz.Targets
{
    /// <summary>
    /// The device's RTSP request reader (RFC 2326 §6, §10.12) with the server's limits, over a stream of requests and
    /// interleaved frames; each request's Transport (§12.39) and KeyMgmt (RFC 4567 §3.2) headers are parsed as the server
    /// does. Contract: every status is defined, every position lies inside what was consumed, Consumed advances, nothing
    /// is written to the received bytes, and any prefix of a complete request reads as Incomplete (never as another request).
    /// </summary>
    public sealed class RtspRequestTarget : FuzzTarget
    {
        private readonly RtspRequestReader _reader = new RtspRequestReader(24, 1024, 256, 512);
        private readonly RtspRequestReader _prefix = new RtspRequestReader(24, 1024, 256, 512);
        private readonly RtspTransport _transport = new RtspTransport();
        private readonly RtspKeyMgmtHeader _keyMgmt = new RtspKeyMgmtHeader();

        /// <inheritdoc />
        public override string Name => "rtsp-request";

        /// <inheritdoc />
        protected override void Check(byte[] input)
        {
            byte[] b = Guarded(input);
            int at = Guard, end = Guard + input.Length;
            for (int n = 0; at < end; n++)
            {
                Require(n <= input.Length, "reader loops");
                RtspReadStatus s = _reader.Read(b, at, end - at);
                RequireDefined(s);
                RequireUnchanged(b, input, "RtspRequestReader");
                if (s == RtspReadStatus.Complete)
                {
                    CheckRequest(b, at);
                }
                else if (s == RtspReadStatus.InterleavedFrame)
                {
                    Require(_reader.Consumed >= 4, "interleaved frame of " + _reader.Consumed + " bytes");
                    RequireRange(_reader.BodyOffset, _reader.BodyLength, at, at + _reader.Consumed, "interleaved data");
                    Require(_reader.Channel >= 0 && _reader.Channel <= 255, "channel " + _reader.Channel);
                }
                else
                {
                    return;
                }

                int consumed = _reader.Consumed;
                Require(consumed > 0 && consumed <= end - at, "consumed " + consumed + " of " + (end - at));
                if (s == RtspReadStatus.Complete && consumed > 1)
                {
                    RtspReadStatus p = _prefix.Read(b, at, consumed - 1);
                    Require(p != RtspReadStatus.Complete && p != RtspReadStatus.InterleavedFrame,
                        "a prefix of a complete request read as " + p);
                }

                at += consumed;
            }
        }

        private void CheckRequest(byte[] b, int at)
        {
            RtspRequestReader r = _reader;
            int stop = at + r.Consumed;
            RequireDefined(r.Method);
            RequireRange(r.MethodOffset, r.MethodLength, at, stop, "method");
            RequireRange(r.UriOffset, r.UriLength, at, stop, "Request-URI");
            Require(r.UriLength <= 256, "URI above the limit");
            RequireRange(r.BodyOffset, r.BodyLength, at, stop, "body");
            Require(r.BodyLength <= 512, "body above the limit");
            if (r.SessionLength > 0) RequireRange(r.SessionOffset, r.SessionLength, at, stop, "Session");
            Require(r.HeaderCount >= 0 && r.HeaderCount <= 24, "header count " + r.HeaderCount);
            for (int i = 0; i < r.HeaderCount; i++)
            {
                RequireRange(r.HeaderNameOffset(i), r.HeaderNameLength(i), at, stop, "header name");
                RequireRange(r.HeaderValueOffset(i), r.HeaderValueLength(i), at, stop, "header value");
                string value = r.HeaderValueText(i);
                Require(value != null, "null header value");
            }

            _ = r.UriEquals("rtsp://127.0.0.1/stream", 0);
            int t = r.FindHeader("Transport");
            if (t >= 0)
            {
                int off = r.HeaderValueOffset(t), len = r.HeaderValueLength(t);
                for (int k = 0; k < 8 && len > 0; k++)
                {
                    _transport.Clear();
                    bool ok = _transport.Parse(b, off, len);
                    int next = _transport.NextOffset;
                    if (!ok) break;
                    Require(next > off && next <= off + len + 1, "Transport NextOffset " + next);
                    len -= next - off;
                    off = next;
                }
            }

            int k2 = r.FindHeader("KeyMgmt");
            if (k2 >= 0 && _keyMgmt.Parse(r.HeaderValueText(k2)))
            {
                Require(_keyMgmt.DecodeData(new byte[_keyMgmt.DataLength], 0) > 0, "KeyMgmt data does not decode after Parse");
            }
        }
    }
}
