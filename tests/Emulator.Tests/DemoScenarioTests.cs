using NanoMikey.Emulator.Network;
using NanoMikey.Emulator.Scenarios;
using NanoMikey.Mikey.Modes;
using Xunit.Abstractions;

namespace NanoMikey.Emulator.Tests
{
    /// <summary>The demo scenarios end to end: firmware on emulated devices over the seeded virtual network.</summary>
    public class DemoScenarioTests
    {
        private readonly ITestOutputHelper _out;

        public DemoScenarioTests(ITestOutputHelper output)
        {
            _out = output;
        }

        private DemoReport Run(DemoOptions o, DemoScenario? s = null)
        {
            s ??= new DemoScenario(o);
            DemoReport r = s.Run();
            _out.WriteLine($"mode {r.Mode} keyed {r.Keyed} handshake {r.HandshakeMilliseconds:F1} ms, {r.HandshakeMessages} msgs, {r.Retransmissions} rtx; rejected {r.MikeyRejected}, dup {r.MikeyDuplicates}; {r.BytesPerPacket:F1} B/pkt {r.MicrosecondsPerPacket:F1} us/pkt; {r.VirtualSeconds:F1} s virtual, {r.HostSeconds:F2} s host; {r.NetworkSummary}");
            foreach (var d in r.Directions)
                _out.WriteLine($"  {d.Name}: sent {d.Sent} recv {d.Received} lost {d.Lost} concealed {d.Concealed} auth {d.AuthenticationFailures} replay {d.ReplaysDropped} reports {d.Reports} SNR {d.SnrDecibels:F1} dB lag {d.LagMilliseconds:F1} ms");
            foreach (var f in r.Failures) _out.WriteLine("  FAIL " + f);
            return r;
        }

        [Fact]
        public void CleanIntercomCall()
        {
            DemoReport r = Run(new DemoOptions());
            Assert.True(r.Passed, string.Join("; ", r.Failures));
            Assert.Equal(MikeyMode.EcdhSign, r.Mode);
        }
    }
}
