using System.Buffers.Binary;
using System.Diagnostics;
using System.Text.RegularExpressions;
using NanoMikey.Emulator.Capture;
using NanoMikey.Emulator.Network;
using NanoMikey.Emulator.Scheduling;
using NanoMikey.Net.Sockets;

using static NanoMikey.Emulator.Tests.Hosts;

namespace NanoMikey.Emulator.Tests
{
    public class PcapTests
    {

        /// <summary>The hex block following <paramref name="title"/> in tests/vectors/mikey/samples.md (§8.2: the complete PSK exchange).</summary>
        internal static byte[] Sample(string title)
        {
            string text = File.ReadAllText(TestData.VectorPath("mikey", "samples.md"));
            int at = text.IndexOf("## 8.2", StringComparison.Ordinal);
            at = text.IndexOf(title, at, StringComparison.Ordinal);
            Assert.True(at >= 0, title + " not found in samples.md");
            int start = text.IndexOf("```", at, StringComparison.Ordinal) + 3;
            int end = text.IndexOf("```", start, StringComparison.Ordinal);
            string block = text.Substring(start, end - start);
            return Convert.FromHexString(Regex.Replace(block, "\\s", ""));
        }

        [Fact]
        public void SampleMessagesAreTheDocumentedLengths()
        {
            Assert.Equal(179, Sample("I_MESSAGE (179 bytes):").Length);
            Assert.Equal(74, Sample("R_MESSAGE (74 bytes)").Length);
        }

        [Fact]
        public void WritesHeadersAndChecksumsThatVerify()
        {
            var stream = new MemoryStream();
            var pcap = new PcapWriter(stream, new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc));
            byte[] payload = { 1, 2, 3, 4, 5 }; // odd length: checksum pads with a zero byte
            pcap.Write(1500001, A, 40000, B, 2269, payload);
            byte[] f = stream.ToArray();
            Assert.Equal(0xA1B2C3D4u, BinaryPrimitives.ReadUInt32LittleEndian(f));
            Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(f.AsSpan(20))); // LINKTYPE_ETHERNET
            long unix = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
            Assert.Equal((uint)(unix + 1), BinaryPrimitives.ReadUInt32LittleEndian(f.AsSpan(24)));
            Assert.Equal(500001u, BinaryPrimitives.ReadUInt32LittleEndian(f.AsSpan(28)));
            Assert.Equal(47u, BinaryPrimitives.ReadUInt32LittleEndian(f.AsSpan(32)));
            Span<byte> frame = f.AsSpan(40);
            Assert.Equal(47, frame.Length);
            Assert.Equal(0x0800, BinaryPrimitives.ReadUInt16BigEndian(frame.Slice(12)));
            // RFC 1071: a correct header sums to 0xFFFF; UDP likewise with its pseudo-header.
            Assert.Equal(0xFFFF, Fold(Sum(frame.Slice(14, 20), 0)));
            Span<byte> udp = frame.Slice(34);
            uint pseudo = (A >> 16) + (A & 0xFFFF) + (B >> 16) + (B & 0xFFFF) + 17 + (uint)udp.Length;
            Assert.Equal(0xFFFF, Fold(Sum(udp, pseudo)));
            Assert.Equal(payload, udp.Slice(8).ToArray());
        }

        private static uint Sum(ReadOnlySpan<byte> d, uint s)
        {
            for (int i = 0; i < d.Length; i += 2) s += (uint)((d[i] << 8) | (i + 1 < d.Length ? d[i + 1] : 0));
            return s;
        }

        private static int Fold(uint s)
        {
            while (s > 0xFFFF) s = (s & 0xFFFF) + (s >> 16);
            return (int)s;
        }

        internal static string Tshark(params string[] args)
        {
            var psi = new ProcessStartInfo("tshark") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string a in args) psi.ArgumentList.Add(a);
            Process p;
            try
            {
                p = Process.Start(psi)!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException("tshark is required for this test (apt-get install -y tshark): " + e.Message);
            }
            Task<string> stdout = p.StandardOutput.ReadToEndAsync();
            Task<string> stderr = p.StandardError.ReadToEndAsync();
            Assert.True(p.WaitForExit(60000), "tshark did not finish");
            Assert.True(p.ExitCode == 0, "tshark failed: " + stderr.Result);
            return stdout.Result;
        }

        /// <summary>
        /// A PSK exchange (RFC 3830 §A: UDP 2269; the I_MESSAGE and R_MESSAGE of samples.md §8.2) and RTP-looking media over
        /// the virtual network with loss on the media port, captured and read back by tshark: MIKEY decoded, nothing
        /// malformed, every checksum good, no expert info.
        /// </summary>
        [Fact]
        public void TsharkDecodesMikeyAndFindsNothingMalformed()
        {
            string path = Path.Combine(Path.GetTempPath(), "emulator-" + Guid.NewGuid().ToString("N") + ".pcap");
            try
            {
                var scheduler = new VirtualScheduler();
                var pcap = PcapWriter.Create(path);
                var net = new VirtualNetwork(scheduler, 5, pcap);
                net.SetImpairments(5004, new Impairments { LossPercent = 10, JitterMs = 5 });
                IDatagramSocket ia = net.CreateInterface(A).CreateUdpSocket();
                IDatagramSocket ib = net.CreateInterface(B).CreateUdpSocket();
                Assert.Equal(DatagramStatus.Ok, ia.Bind(IPv4.Any, 2269));
                Assert.Equal(DatagramStatus.Ok, ib.Bind(IPv4.Any, 2269));
                byte[] i = Sample("I_MESSAGE (179 bytes):");
                byte[] r = Sample("R_MESSAGE (74 bytes)");
                ia.SendTo(i, 0, i.Length, B, 2269);
                scheduler.RunUntil(3000);
                ib.SendTo(r, 0, r.Length, A, 2269);
                scheduler.RunUntil(6000);

                IDatagramSocket media = net.CreateInterface(IPv4.FromOctets(10, 0, 0, 3)).CreateUdpSocket();
                media.Bind(IPv4.Any, 5004);
                var tx = new PacedSender(media, B, 5004, 20000, 20, payload: seq =>
                {
                    var p = new byte[172];
                    p[0] = 0x80;
                    BinaryPrimitives.WriteUInt16BigEndian(p.AsSpan(2), (ushort)seq);
                    BinaryPrimitives.WriteUInt32BigEndian(p.AsSpan(4), (uint)(seq * 160));
                    BinaryPrimitives.WriteUInt32BigEndian(p.AsSpan(8), 0xCAFEF00D);
                    return p;
                });
                scheduler.Add(tx);
                scheduler.RunUntil(1000000);
                pcap.Dispose();
                Assert.Equal(22, pcap.Count);

                string output = Tshark("-r", path, "-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE",
                    "-d", "udp.port==5004,rtp", "-T", "fields", "-E", "separator=|",
                    "-e", "frame.number", "-e", "udp.dstport", "-e", "mikey.version", "-e", "mikey.type", "-e", "_ws.malformed",
                    "-e", "ip.checksum.status", "-e", "udp.checksum.status", "-e", "rtp.seq", "-e", "_ws.expert.severity");
                string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal(22, lines.Length);
                string[][] rows = lines.Select(l => l.Split('|')).ToArray();
                Assert.All(rows, row => Assert.Equal("", row[4])); // _ws.malformed
                Assert.All(rows, row => Assert.Equal("", row[8])); // no expert info at all (bad lengths, checksums, ...)
                Assert.All(rows, row => Assert.Equal("1", row[5])); // ip checksum good
                Assert.All(rows, row => Assert.Equal("1", row[6])); // udp checksum good
                string[][] mikey = rows.Where(row => row[1] == "2269").ToArray();
                Assert.Equal(2, mikey.Length);
                Assert.All(mikey, row => Assert.Equal("1", row[2])); // MIKEY version 1 decoded
                Assert.Equal(new[] { "0", "1" }, mikey.Select(row => row[3])); // PSK init, PSK response (RFC 3830 §6.1)
                Assert.Equal(Enumerable.Range(0, 20).Select(n => n.ToString()), rows.Where(row => row[1] == "5004").Select(row => row[7]));
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
