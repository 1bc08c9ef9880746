using NanoMikey.Media.G711;
using NanoMikey.Media.Jitter;
using NanoMikey.Media.Rtcp;
using NanoMikey.Media.Rtp;

namespace NanoMikey.Media.Tests
{
    /// <summary>The steady state allocates nothing: send, receive, jitter buffer, statistics and RTCP, frame after frame.</summary>
    public class AllocationTests
    {
        private readonly short[] _pcm = new short[160];
        private readonly byte[] _encoded = new byte[160];
        private readonly byte[] _packet = new byte[200];
        private readonly byte[] _rtcp = new byte[200];
        private readonly byte[] _frame = new byte[160];
        private readonly byte[] _cname = new byte[20];
        private readonly byte[] _random = new byte[8];
        private readonly RtpPacketizer _packetizer = new RtpPacketizer(0, 0x1234, 65000, 0xFFFF0000, 160);
        private readonly RtpHeader _header = new RtpHeader();
        private readonly JitterBuffer _jitter = new JitterBuffer(16, 160, 160, 3);
        private readonly ReceptionStatistics _stats = new ReceptionStatistics(2);
        private readonly RtcpWriter _writer = new RtcpWriter();
        private readonly RtcpReader _reader = new RtcpReader();
        private readonly SsrcCollision _collision = new SsrcCollision(0x7F000001, 5004, 5005, 4, 10000);
        private long _checksum;

        private void RunFrames(int start, int count)
        {
            for (int i = start; i < start + count; i++)
            {
                for (int k = 0; k < 160; k++) _pcm[k] = (short)((i * 37 + k * 101) & 0x7FFF);
                if ((i & 1) == 0) MuLaw.Encode(_pcm, 0, _encoded, 0, 160);
                else ALaw.Encode(_pcm, 0, _encoded, 0, 160);
                MuLaw.Decode(_encoded, 0, _pcm, 0, 160);
                ALaw.Decode(_encoded, 0, _pcm, 0, 160);
                if (i % 50 == 7) _packetizer.SkipFrame();
                int n = _packetizer.WriteFrame(_packet, 0, _packet.Length, _encoded, 0, 160, i % 100 == 0);
                // Receive: ~7 % loss, some duplicates, a long outage every 700 frames (concealment, restart).
                if (i % 13 == 3 || (i % 700) > 650) { _checksum += (int)_jitter.Next(_frame, 0); continue; }
                if (_header.TryRead(_packet, 0, n))
                {
                    _collision.Check(0x9999, _header.Ssrc, 0x7F000002, 5004, i);
                    _stats.OnPacket(_header.SequenceNumber, _header.Timestamp, (uint)(i * 160 + (i % 5)));
                    _jitter.Insert(_header.SequenceNumber, _header.Timestamp, _packet, _header.PayloadOffset, _header.PayloadLength);
                    if (i % 17 == 0) _jitter.Insert(_header.SequenceNumber, _header.Timestamp, _packet, _header.PayloadOffset, _header.PayloadLength);
                }
                _checksum += (int)_jitter.Next(_frame, 0) + _frame[0];
                if (i % 250 == 0)
                {
                    int m = _writer.WriteSenderReport(_rtcp, 0, _rtcp.Length, _packetizer.Ssrc, (ulong)i << 32, _packetizer.LastTimestamp,
                        _packetizer.PacketCount, _packetizer.OctetCount, _stats, 0x5678, _cname, 0, _cname.Length, i * 20000L);
                    m += _writer.WriteBye(_rtcp, m, _rtcp.Length - m, _packetizer.Ssrc);
                    if (_reader.TryRead(_rtcp, 0, m)) _stats.OnSenderReport(_reader.NtpTimestamp, i * 20000L);
                    m = _writer.WriteReceiverReport(_rtcp, 0, _rtcp.Length, 0x5678, _stats, 0x1234, _cname, 0, _cname.Length);
                    _checksum += _reader.TryRead(_rtcp, 0, m) ? _reader.CumulativeLost : 0;
                    _checksum += SsrcCollision.TryChooseSsrc(_random, 0, 8, 1, 2, out uint ssrc) ? ssrc : 0;
                }
            }
        }

        [Fact]
        public void SteadyStateAllocatesNothing()
        {
            RunFrames(0, 800); // warm-up: JIT, static tables
            long before = GC.GetAllocatedBytesForCurrentThread();
            RunFrames(800, 5000);
            long after = GC.GetAllocatedBytesForCurrentThread();
            Assert.Equal(0, after - before);
            Assert.True(_jitter.Played > 4000);
            Assert.True(_jitter.Concealed > 300);
            Assert.True(_jitter.Duplicates > 200);
            Assert.True(_stats.CumulativeLost > 300);
            Assert.NotEqual(0, _checksum);
        }
    }
}
