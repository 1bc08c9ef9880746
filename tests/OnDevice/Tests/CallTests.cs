using nanoFramework.TestFramework;
using NanoMikey.Firmware.Call;
using NanoMikey.Mikey.Modes;
using NanoMikey.OnDevice.Emulated;

namespace NanoMikey.OnDevice
{
    /// <summary>
    /// The firmware on the interpreter: two emulated devices (Emulated/) key a PSK call over MIKEY/UDP 2269 and run their
    /// MediaChannel both ways, G.711 over SRTP with SRTCP reports (the probe's call-g711-srtp region, shorter).
    /// </summary>
    [TestClass]
    public class CallTests
    {
        // 5.2 s: past the first SRTCP report each way (5 s after the start, RFC 3550 §6.2).
        private const int Frames = 260;

        [TestMethod]
        public void PskCallCarriesG711BothWays()
        {
            var call = new EmulatedCall();
            Assert.IsTrue(call.Key() == MikeyExchangeStatus.Ok, "PSK keying over UDP");
            Assert.AreEqual(1, call.A.Initiator.MessagesSent, "I_MESSAGE sent once (no retransmission on a lossless network)");
            Assert.AreEqual(1, call.B.Responder.AnswersSent, "one verification message");
            call.Frames(Frames);
            call.Drain();
            MediaStatistics a = call.A.Media.Statistics, b = call.B.Media.Statistics;
            Assert.AreEqual(Frames, a.PacketsSent, "A sent a frame every 20 ms");
            Assert.AreEqual(Frames, b.PacketsSent, "B sent a frame every 20 ms");
            Assert.AreEqual(a.PacketsSent, b.PacketsReceived, "B received all of A's packets");
            Assert.AreEqual(b.PacketsSent, a.PacketsReceived, "A received all of B's packets");
            Assert.AreEqual(0, a.AuthenticationFailures + b.AuthenticationFailures, "authentication failures");
            Assert.AreEqual(0, a.ReplaysDropped + b.ReplaysDropped + a.Malformed + b.Malformed, "replays or malformed");
            Assert.AreEqual(1, a.ReportsSent, "A's SRTCP report");
            Assert.AreEqual(1, b.ReportsSent, "B's SRTCP report");
            Assert.AreEqual(1, a.ReportsReceived, "A received B's report");
            Assert.AreEqual(1, b.ReportsReceived, "B received A's report");
            Assert.IsTrue(a.FramesPlayed > Frames - 10 && b.FramesPlayed > Frames - 10, "frames played");
            Assert.IsTrue(call.A.Speaker.Energy > 0 && call.B.Speaker.Energy > 0, "the tone reached both speakers");
            Assert.IsTrue(call.Clean(), "counters consistent");
        }
    }
}
