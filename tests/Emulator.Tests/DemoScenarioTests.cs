using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using NanoMikey.Emulator.Network;
using NanoMikey.Emulator.Scenarios;
using NanoMikey.Firmware.Config;
using NanoMikey.Firmware.Roles;
using NanoMikey.Mikey.Modes;
using Xunit.Abstractions;

namespace NanoMikey.Emulator.Tests
{
    /// <summary>The demo scenarios end to end: the firmware on emulated devices over the seeded virtual network.</summary>
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
                _out.WriteLine($"  {d.Name}: sent {d.Sent} recv {d.Received} lost {d.Lost} concealed {d.Concealed} auth {d.AuthenticationFailures} replay {d.ReplaysDropped} reports {d.Reports} SNR {d.SnrDecibels:F1} dB");
            foreach (var f in r.Failures) _out.WriteLine("  FAIL " + f);
            return r;
        }

        [Fact]
        public void CleanIntercomCallIsEcdhSignAndAllocatesNothingPerPacket()
        {
            DemoReport r = Run(new DemoOptions());
            Assert.True(r.Passed, string.Join("; ", r.Failures));
            Assert.Equal(MikeyMode.EcdhSign, r.Mode);
            Assert.Equal(2, r.HandshakeMessages);
            foreach (var d in r.Directions)
            {
                Assert.Equal(0, d.Lost);
                Assert.True(d.SnrDecibels > 30, d.Name + " " + d.SnrDecibels);
                Assert.True(d.Received >= 495, d.Name + " " + d.Received);
            }

            // Steady state (after the first SRTCP report both ways): the firmware and the emulated sockets allocate nothing.
            Assert.True(r.MeasuredPackets > 500, "steady state measured over " + r.MeasuredPackets + " packets");
            Assert.Equal(0.0, r.BytesPerPacket);
        }

        [Fact]
        public void ACallTooShortForTheSteadyStateReportsNoCostFigures()
        {
            // Two seconds end before both sides have an SRTCP report: nothing was measured, so no "0 B over every packet".
            DemoReport r = Run(new DemoOptions { Seconds = 2 });
            Assert.True(r.Passed, string.Join("; ", r.Failures));
            Assert.Equal(0, r.MeasuredPackets);
            Assert.Equal(0.0, r.MicrosecondsPerPacket);
        }

        public static TheoryData<MikeyMode> Modes => new() { MikeyMode.Psk, MikeyMode.EcdhSign, MikeyMode.Ecies, MikeyMode.Ecmqv };

        [Theory]
        [MemberData(nameof(Modes))]
        public void EveryModeKeysThroughLossReorderingClockOffsetAndALostFirstOffer(MikeyMode mode)
        {
            var o = new DemoOptions
            {
                Mode = mode,
                Seed = 7,
                Network = new Impairments { LossPercent = 5, ReorderPercent = 5, DelayMs = 20, JitterMs = 5 },
                LoseFirstOffer = true,
                CallerClockOffsetMicros = 1000000,
                AnswererClockOffsetMicros = -1000000,
            };
            DemoReport r = Run(o);
            Assert.True(r.Passed, string.Join("; ", r.Failures));
            Assert.Equal(mode, r.Mode);
            Assert.True(r.Retransmissions >= 1);
            foreach (var d in r.Directions)
            {
                Assert.Equal(0, d.AuthenticationFailures);
                Assert.True(d.Lost > 0, "5 % loss shows as loss");
                Assert.True(d.SnrDecibels >= DemoReport.SnrThresholdDecibels);
            }
        }

        [Fact]
        public void SensorStreamsToItsCollectorWithPsk()
        {
            DemoReport r = Run(new DemoOptions { Scenario = DemoScenarioKind.Sensor, Network = new Impairments { LossPercent = 5, ReorderPercent = 5, DelayMs = 20, JitterMs = 5 } });
            Assert.True(r.Passed, string.Join("; ", r.Failures));
            Assert.Equal(MikeyMode.Psk, r.Mode);
            Assert.Single(r.Directions);
            Assert.True(r.Directions[0].Reports > 0);
        }

        [Fact]
        public void SensorWakesKeysStreamsAndSleepsEachCycleWithFreshKeys()
        {
            var s = new DemoScenario(new DemoOptions { Scenario = DemoScenarioKind.Sensor, Seconds = 2, SensorCycles = 3, SensorSleepSeconds = 4 });
            DemoReport r = Run(s.Options, s);
            Assert.True(r.Passed, string.Join("; ", r.Failures));
            Assert.Equal(3, s.Caller!.Sensor!.CyclesDone);
            Assert.True(s.Caller.Sensor.Finished);
            Assert.Equal(3, s.Answerer!.Collector!.Streams);
            Assert.Equal(3, s.Answerer.Stack.Responder.CompletedCount);
            Assert.True(r.Directions[0].Received >= 3 * 95, "three bursts of 2 s arrive");
            Assert.False(s.Caller.Stack.Media.Active);
        }

        [Fact]
        public void ReplayedOfferIsRefusedAndChangesNothing()
        {
            var s = new DemoScenario(new DemoOptions { Seconds = 3, ReplayOfferAfterSeconds = 70 });
            DemoReport r = Run(s.Options, s);
            Assert.True(r.Passed, string.Join("; ", r.Failures));
            Assert.Equal(1, s.Answerer!.Stack.Responder.CompletedCount);
            Assert.Equal(1, s.Answerer.Station!.Calls);
            Assert.Equal(1, r.MikeyRejected);
            Assert.Equal(1, s.Network!.Counters.Replayed);
        }

        [Fact]
        public void FlippedMediaBitsDropExactlyTheFlippedPackets()
        {
            var s = new DemoScenario(new DemoOptions { Seconds = 4, FlipEveryNthMediaPacket = 7 });
            DemoReport r = Run(s.Options, s);
            int flips = s.Network!.ManInTheMiddle.Flips.Count;
            Assert.True(flips > 20);
            DirectionReport tampered = r.Directions[0];
            Assert.Equal(flips, tampered.AuthenticationFailures);
            // Every packet not flipped arrives, but the sender's last one may land after the receiver has hung up (no BYE).
            Assert.InRange(tampered.Sent - flips - tampered.Received, 0, 1);
            Assert.Equal(0, tampered.ReplaysDropped);
            Assert.Equal(0, r.Directions[1].AuthenticationFailures);
        }

        [Fact]
        public void SameSeedSamePcapByteForByte()
        {
            var o = new DemoOptions { Seconds = 2, Seed = 11, Network = new Impairments { LossPercent = 5, ReorderPercent = 5, DuplicatePercent = 2, DelayMs = 20, JitterMs = 5 } };
            var a = new DemoScenario(o);
            var b = new DemoScenario(o);
            var c = new DemoScenario(new DemoOptions { Seconds = 2, Seed = 12, Network = o.Network });
            a.Run();
            b.Run();
            c.Run();
            Assert.True(a.Pcap.Length > 10000);
            Assert.Equal(Convert.ToHexString(SHA256.HashData(a.Pcap)), Convert.ToHexString(SHA256.HashData(b.Pcap)));
            Assert.NotEqual(Convert.ToHexString(SHA256.HashData(a.Pcap)), Convert.ToHexString(SHA256.HashData(c.Pcap)));
        }

        [Fact]
        public void TsharkDecodesTheDemoCaptureWithNothingMalformed()
        {
            string dir = Path.Combine(Path.GetTempPath(), "nanomikey-demo-" + Guid.NewGuid().ToString("N"));
            try
            {
                DemoReport r = Run(new DemoOptions { Seconds = 2, OutputDirectory = dir });
                string pcap = Path.Combine(dir, "demo.pcap");
                Assert.Contains(pcap, r.Files);
                string mikey = Tshark("-r", pcap, "-Y", "mikey", "-T", "fields", "-e", "mikey.type");
                Assert.True(mikey.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length >= 2, mikey);
                string ntp = Tshark("-r", pcap, "-Y", "ntp", "-T", "fields", "-e", "ntp.flags.mode");
                Assert.Contains("4", ntp);
                string malformed = Tshark("-r", pcap, "-d", "udp.port==5004,rtp", "-Y", "_ws.malformed || _ws.expert.severity == error");
                Assert.Equal("", malformed.Trim());
                Assert.True(File.Exists(Path.Combine(dir, "indoor-received.wav")));
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void ForgedOffersFromAnUntrustedDeviceOrAWrongPskNeverYieldKeys()
        {
            var world = new EmulatedWorld(5);
            DeviceConfig indoorConfig = DemoScenario.LoadConfig("indoor");
            indoorConfig.PreSharedKey = Encoding.ASCII.GetBytes("the indoor's psk");
            EmulatedDevice indoor = world.AddDevice(indoorConfig);

            // Mallory: a certificate with the door's identity from her own CA, then a PSK she does not share.
            DeviceConfig rogue = DemoScenario.LoadConfig("door");
            rogue.Name = "mallory";
            rogue.Address = 0x0A000063;
            byte[] key = RandomNumberGenerator.GetBytes(32);
            rogue.PrivateKey = key;
            var mallory = world.AddDevice(WithCertificate(rogue, key));
            var psk = DemoScenario.LoadConfig("door");
            psk.Name = "mallory-psk";
            psk.Address = 0x0A000064;
            psk.Mode = MikeyMode.Psk;
            psk.PreSharedKey = Encoding.ASCII.GetBytes("a guessed key!!!");
            var guesser = world.AddDevice(psk);

            mallory.Station!.PressCall();
            guesser.Station!.PressCall();
            world.Scheduler.RunUntil(60_000_000);
            Assert.Equal(StationState.Failed, mallory.Station.State);
            Assert.Equal(StationState.Failed, guesser.Station.State);
            Assert.Equal(0, indoor.Stack.Responder.CompletedCount);
            Assert.Equal(0, indoor.Station!.Calls);
            Assert.False(indoor.Stack.Media.Active);
            Assert.True(indoor.Stack.Responder.Rejected >= 2);
        }

        private static DeviceConfig WithCertificate(DeviceConfig c, byte[] scalar)
        {
            using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var caReq = new CertificateRequest("CN=nanoMikey Demo CA", caKey, HashAlgorithmName.SHA256);
            caReq.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            using X509Certificate2 ca = caReq.CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-5), DateTimeOffset.UtcNow.AddYears(20));
            var own = new NanoMikey.Ecc.P256PrivateKey();
            Assert.True(own.TryImport(scalar, 0));
            byte[] pub = new byte[65];
            own.PublicKey.ExportUncompressed(pub, 0);
            using var leafKey = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = scalar, Q = new ECPoint { X = pub[1..33], Y = pub[33..65] } });
            var req = new CertificateRequest("CN=door", leafKey, HashAlgorithmName.SHA256);
            var san = new SubjectAlternativeNameBuilder();
            san.AddUri(new Uri("sip:door@nanomikey.example"));
            req.CertificateExtensions.Add(san.Build());
            byte[] leaf = req.Create(ca.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey), DateTimeOffset.UtcNow.AddYears(-1), DateTimeOffset.UtcNow.AddYears(10), new byte[] { 7 }).RawData;
            var copy = new DeviceConfig { Role = c.Role, Name = c.Name, Address = c.Address, Peer = c.Peer, Identity = c.Identity, PeerIdentity = c.PeerIdentity, PrivateKey = scalar };
            copy.AddCertificate(leaf);
            copy.AddTrustAnchor(c.GetTrustAnchor(0));
            copy.AddTimeServer(c.GetTimeServerAddress(0), c.GetTimeServerPort(0));
            return copy;
        }

        private static string Tshark(params string[] args)
        {
            var psi = new ProcessStartInfo("tshark") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string a in args) psi.ArgumentList.Add(a);
            using Process p = Process.Start(psi) ?? throw new InvalidOperationException("tshark did not start");
            string output = p.StandardOutput.ReadToEnd();
            p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.Equal(0, p.ExitCode);
            return output;
        }
    }
}
