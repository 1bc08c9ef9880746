using NanoMikey.Rtsp.Message;

namespace NanoMikey.Rtsp.Tests
{
    public class RtspMethodTests
    {
        [Fact]
        public void UnknownIsTheDefault() => Assert.Equal(RtspMethod.Unknown, default(RtspMethod));
    }
}
