using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Transport;

namespace NanoMikey.Fuzz.Targets
{
    /// <summary>
    /// SDP <c>a=key-mgmt</c> (RFC 4567 §3.1) over a whole SDP text. Contract: the scan ends, every found attribute's ranges
    /// lie in the text, its data decodes exactly like .NET's decoder or is refused as a whole (-1), the decoded MIKEY message
    /// reads without an exception, and nothing is written around the caller's buffer.
    /// </summary>
    public sealed class SdpKeyMgmtTarget : FuzzTarget
    {
        private readonly SdpKeyMgmt _sdp = new SdpKeyMgmt();
        private readonly MikeyReader _reader = new MikeyReader();

        /// <inheritdoc />
        public override string Name => "sdp-keymgmt";

        /// <inheritdoc />
        protected override void Check(byte[] input)
        {
            string text = Latin1(input);
            _sdp.Reset(text);
            int found = 0, lastLine = -1;
            while (_sdp.FindNext())
            {
                Require(++found <= text.Length, "FindNext does not end");
                Require(_sdp.LineStart > lastLine, "FindNext went backwards");
                lastLine = _sdp.LineStart;
                Require(_sdp.MediaIndex >= -1, "media index " + _sdp.MediaIndex);
                RequireRange(_sdp.ProtocolStart, _sdp.ProtocolLength, 0, text.Length, "protocol");
                RequireRange(_sdp.DataStart, _sdp.DataLength, 0, text.Length, "data");
                Require(_sdp.ProtocolLength > 0, "empty protocol id");
                KeyMgmtText.CheckData(text, _sdp.DataStart, _sdp.DataLength, (o, at) => _sdp.DecodeData(o, at), _sdp.IsMikey ? _reader : null, true);
            }
        }
    }
}
