using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Transport;

namespace NanoMikey.Fuzz.Targets
{
    /// <summary>
    /// The RTSP <c>KeyMgmt</c> header (RFC 4567 §3.2). Contract: Parse returns true exactly when Status is Ok; then the ranges
    /// lie in the text, the data is non-empty strict base64 that DecodeData turns into .NET's bytes and never fails (the
    /// contract break the first fuzzing found: data not checked as base64), and formatting the result parses back.
    /// </summary>
    public sealed class RtspKeyMgmtTarget : FuzzTarget
    {
        private readonly RtspKeyMgmtHeader _header = new RtspKeyMgmtHeader();
        private readonly MikeyReader _reader = new MikeyReader();

        /// <inheritdoc />
        public override string Name => "rtsp-keymgmt";

        /// <inheritdoc />
        protected override void Check(byte[] input)
        {
            string text = Latin1(input);
            bool ok = _header.Parse(text);
            RequireDefined(_header.Status);
            Require(ok == (_header.Status == KeyMgmtStatus.Ok), "Parse result and Status disagree");
            if (!ok)
            {
                return;
            }

            RequireRange(_header.ProtocolStart, _header.ProtocolLength, 0, text.Length, "prot");
            RequireRange(_header.DataStart, _header.DataLength, 0, text.Length, "data");
            Require(_header.DataLength > 0, "empty data accepted");
            if (_header.UriStart >= 0) RequireRange(_header.UriStart, _header.UriLength, 0, text.Length, "uri");
            KeyMgmtText.CheckData(text, _header.DataStart, _header.DataLength, (o, at) => _header.DecodeData(o, at), _header.IsMikey ? _reader : null, false);
            if (_header.IsMikey)
            {
                byte[] m = Convert.FromBase64String(text.Substring(_header.DataStart, _header.DataLength));
                string? uri = _header.UriStart >= 0 ? text.Substring(_header.UriStart, _header.UriLength) : null;
                if (uri != null && uri.IndexOf('"') >= 0) return;
                string again = RtspKeyMgmtHeader.Format(uri, m, 0, m.Length, compact: true);
                Require(_header.Parse(again), "own formatting does not parse: " + again);
            }
        }
    }
}
