using System.Diagnostics;
using NanoMikey.Media.G711;
using NanoMikey.Media.Rtcp;
using NanoMikey.Media.Rtp;

namespace NanoMikey.Media.Tests
{
    /// <summary>
    /// What we write is what Wireshark decodes: RTP on UDP 5004 and compound RTCP on 5005, in a pcap dissected by
    /// tshark. Fails (does not skip) when tshark is missing: it is installed with the test tools.
    /// </summary>
    public class TsharkTests
    {
        /// <summary>Classic pcap (microsecond timestamps, LINKTYPE_ETHERNET) of IPv4/UDP datagrams from 10.0.0.1 to 10.0.0.2.</summary>
        private sealed class PcapWriter
        {
            private readonly BinaryWriter _w;
            private ushort _ipId;

            public PcapWriter(Stream s)
            {
                _w = new BinaryWriter(s);
                _w.Write(0xA1B2C3D4u);
                _w.Write((ushort)2);
                _w.Write((ushort)4);
                _w.Write(0);
                _w.Write(0u);
                _w.Write(65535u);
                _w.Write(1u); // Ethernet
            }

            private static void Be16(byte[] b, int o, int v) { b[o] = (byte)(v >> 8); b[o + 1] = (byte)v; }

            public void Udp(long micros, int srcPort, int dstPort, byte[] payload, int length)
            {
                byte[] f = new byte[14 + 20 + 8 + length];
                f[5] = 1; f[11] = 2;                   // MACs 00..01 -> 00..02 (destination first)
                Be16(f, 12, 0x0800);                   // IPv4
                f[14] = 0x45;                           // version 4, IHL 5
                Be16(f, 16, 20 + 8 + length);
                Be16(f, 18, _ipId++);
                f[22] = 64; f[23] = 17;                 // TTL, UDP
                f[26] = 10; f[29] = 1; f[30] = 10; f[33] = 2;
                int sum = 0;
                for (int i = 14; i < 34; i += 2) sum += (f[i] << 8) | f[i + 1];
                while (sum > 0xFFFF) sum = (sum & 0xFFFF) + (sum >> 16);
                Be16(f, 24, ~sum & 0xFFFF);
                Be16(f, 34, srcPort);
                Be16(f, 36, dstPort);
                Be16(f, 38, 8 + length);                // checksum 0: none (RFC 768)
                Array.Copy(payload, 0, f, 42, length);
                _w.Write((uint)(micros / 1000000));
                _w.Write((uint)(micros % 1000000));
                _w.Write((uint)f.Length);
                _w.Write((uint)f.Length);
                _w.Write(f);
            }

            public void Flush() => _w.Flush();
        }

        private static (string stdout, string stderr, int exit) Tshark(params string[] args)
        {
            var psi = new ProcessStartInfo("tshark") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string a in args) psi.ArgumentList.Add(a);
            Process? started;
            try
            {
                started = Process.Start(psi);
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                // Required tool: fail, never skip (the README's test command installs it with apt-get).
                throw new InvalidOperationException("tshark is not installed (apt-get install tshark): " + ex.Message, ex);
            }
            using var p = started ?? throw new InvalidOperationException("tshark did not start");
            string o = p.StandardOutput.ReadToEnd();
            string e = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return (o, e, p.ExitCode);
        }

        [Fact]
        public void TsharkDecodesOurRtpAndRtcp()
        {
            string file = Path.Combine(Path.GetTempPath(), "nanomikey-media-" + Guid.NewGuid().ToString("N") + ".pcap");
            try
            {
                var packetizer = new RtpPacketizer(0, 0x1CE5EED5, 65530, 123456, 160);
                var stats = new ReceptionStatistics();
                var writer = new RtcpWriter();
                byte[] cname = "sensor@10.0.0.1"u8.ToArray();
                short[] pcm = new short[160];
                byte[] frame = new byte[160];
                byte[] buf = new byte[256];
                var expectedSeq = new List<string>();
                using (var fs = File.Create(file))
                {
                    var pcap = new PcapWriter(fs);
                    long t = 1_700_000_000_000_000;
                    for (int i = 0; i < 20; i++)
                    {
                        for (int k = 0; k < 160; k++) pcm[k] = (short)(10000 * Math.Sin((i * 160 + k) * 2 * Math.PI * 440 / 8000));
                        MuLaw.Encode(pcm, 0, frame, 0, 160);
                        expectedSeq.Add(packetizer.NextSequence.ToString());
                        int n = packetizer.WriteFrame(buf, 0, buf.Length, frame, 0, 160, i == 0);
                        pcap.Udp(t + i * 20000, 5004, 5004, buf, n);
                        stats.OnPacket((ushort)(65530 + i), (uint)(123456 + 160 * i), (uint)(i * 160 + 9));
                    }
                    int m = writer.WriteSenderReport(buf, 0, buf.Length, packetizer.Ssrc, 0xE8F0123480000000UL, packetizer.LastTimestamp,
                        packetizer.PacketCount, packetizer.OctetCount, stats, 0x0BADF00D, cname, 0, cname.Length);
                    pcap.Udp(t + 400000, 5005, 5005, buf, m);
                    stats.OnSenderReport(0xE8F0123480000000UL, 0);
                    m = writer.WriteReceiverReport(buf, 0, buf.Length, 0x0BADF00D, stats, packetizer.Ssrc, cname, 0, cname.Length, 250000);
                    m += writer.WriteBye(buf, m, buf.Length - m, 0x0BADF00D);
                    pcap.Udp(t + 420000, 5005, 5005, buf, m);
                    pcap.Flush();
                }

                var (stdout, stderr, exit) = Tshark("-r", file, "-d", "udp.port==5004,rtp", "-d", "udp.port==5005,rtcp",
                    "-T", "fields", "-e", "rtp.seq", "-e", "rtcp.pt", "-e", "_ws.malformed", "-e", "rtcp.length_check", "-E", "separator=|");
                Assert.True(exit == 0, "tshark failed: " + stderr);
                string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal(22, lines.Length);
                for (int i = 0; i < 20; i++)
                {
                    string[] f = lines[i].Split('|');
                    Assert.Equal(expectedSeq[i], f[0]);
                    Assert.Equal("", f[2]);
                }
                string[] sr = lines[20].Split('|');
                Assert.Equal("200,202", sr[1]);
                Assert.Equal("", sr[2]);
                Assert.Contains(sr[3], new[] { "1", "True" }); // "RTCP frame length check: OK"
                string[] rr = lines[21].Split('|');
                Assert.Equal("201,202,203", rr[1]);
                Assert.Equal("", rr[2]);
                Assert.Contains(rr[3], new[] { "1", "True" });

                // Nothing malformed and no expert error anywhere (e.g. a wrong length field or SDES padding).
                var (bad, _, badExit) = Tshark("-r", file, "-d", "udp.port==5004,rtp", "-d", "udp.port==5005,rtcp",
                    "-Y", "_ws.malformed || _ws.expert.severity >= \"Error\"");
                Assert.Equal(0, badExit);
                Assert.Equal("", bad.Trim());

                // The report block as Wireshark reads it: fraction 0, nothing lost, highest = 65530 + 19 (one wrap).
                var (blocks, _, _) = Tshark("-r", file, "-d", "udp.port==5005,rtcp", "-Y", "rtcp.pt == 201",
                    "-T", "fields", "-e", "rtcp.ssrc.cum_nr", "-e", "rtcp.ssrc.ext_high", "-e", "rtcp.sdes.text", "-e", "rtcp.ssrc.dlsr");
                string[] b = blocks.Trim().Split('\t');
                Assert.Equal("0", b[0]);
                Assert.Equal((65530 + 19).ToString(), b[1]);
                Assert.Equal("sensor@10.0.0.1", b[2]);
            }
            finally
            {
                File.Delete(file);
            }
        }
    }
}
