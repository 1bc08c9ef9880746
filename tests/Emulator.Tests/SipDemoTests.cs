using NanoMikey.Emulator.Scenarios;
using NanoMikey.Emulator.Sip;
using NanoMikey.Firmware.Config;
using Xunit.Abstractions;

namespace NanoMikey.Emulator.Tests
{
    /// <summary>
    /// `demo --sip` end to end: four emulated boards running the firmware's SipIntercom on 127.0.0.2–5 (real UDP, real
    /// time) register with a real Kamailio on 127.0.0.1:19600 (ports 19600–19605); the door calls <c>flat</c>, Kamailio
    /// forks to the three indoor units, each keys its own early dialog (RFC 5197 §5.2), the fastest to pick up wins and
    /// audio flows both ways with its keys while the losers' keys are wiped. Fails (not skips) without kamailio.
    /// </summary>
    public class SipDemoTests
    {
        private readonly ITestOutputHelper _out;

        public SipDemoTests(ITestOutputHelper output)
        {
            _out = output;
        }

        [Fact]
        public void DoorCallsAFlatOfThreeIndoorUnitsThroughKamailio()
        {
            Assert.True(KamailioRunner.IsInstalled, KamailioRunner.NotInstalled);
            var scenario = new SipDemoScenario(new DemoOptions { Seconds = 3, Seed = 7, Profile = SrtpProfile.AesCm128HmacSha1_80 }, 19600)
            {
                Progress = _out.WriteLine,
            };
            SipDemoReport r = scenario.Run();
            _out.WriteLine($"registrations {r.Registrations}, rang {r.Rang}, forks {r.ForksSeen}, winner {r.Winner} ({r.Mode}), losers wiped {r.LosersWiped}, " +
                $"door→winner {r.DoorSent}/{r.WinnerReceived}, winner→door {r.WinnerSent}/{r.DoorReceived}, SNR {r.SnrDoorToWinner:F1}/{r.SnrWinnerToDoor:F1} dB");
            Assert.True(r.Passed, string.Join("\n", r.Failures));
            Assert.Equal(4, r.Registrations);
            Assert.Equal(3, r.ForksSeen);
            Assert.Equal("indoor2", r.Winner); // the shortest auto-answer delay
            Assert.Equal(2, r.LosersWiped);
            Assert.Equal("EcdhSign", r.Mode); // the demo boards hold certificates, no PSK
            Assert.True(r.WinnerReceived >= 120 && r.DoorReceived >= 120, r.WinnerReceived + " " + r.DoorReceived);
            Assert.True(r.SnrDoorToWinner >= DemoReport.SnrThresholdDecibels && r.SnrWinnerToDoor >= DemoReport.SnrThresholdDecibels);
        }
    }
}
