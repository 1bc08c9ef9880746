using NanoMikey.Media.G711;
using NanoMikey.Media.Jitter;

namespace NanoMikey.Media.Tests
{
    public class JitterBufferTests
    {
        private const int FrameBytes = 160;
        private readonly byte[] _payload = new byte[FrameBytes];
        private readonly byte[] _out = new byte[FrameBytes];

        /// <summary>Inserts frame <paramref name="seq"/>: every byte tagged with the sequence number (low byte; never 0xFF).</summary>
        private JitterInsertStatus Put(JitterBuffer jb, int seq, int length = FrameBytes)
        {
            byte tag = Tag(seq);
            for (int i = 0; i < length; i++) _payload[i] = tag;
            return jb.Insert((ushort)seq, (uint)(seq * 160), _payload, 0, length);
        }

        private static byte Tag(int seq) => (byte)(seq & 0x7F); // 0x00..0x7F: never µ-law silence (0xFF)

        /// <summary>Plays one tick; returns the tag played, -1 for concealment, -2 for waiting.</summary>
        private int Tick(JitterBuffer jb)
        {
            JitterPlayout r = jb.Next(_out, 0);
            if (r == JitterPlayout.Waiting) return -2;
            if (r == JitterPlayout.Concealed) return -1;
            Assert.Equal(FrameBytes, jb.LastFrameLength);
            return _out[0];
        }

        [Fact]
        public void WaitsForTargetDelayThenPlaysInOrder()
        {
            var jb = new JitterBuffer(8, FrameBytes, 160, 3);
            Assert.Equal(-2, Tick(jb)); // nothing yet
            Assert.Equal(JitterInsertStatus.Inserted, Put(jb, 100));
            Assert.Equal(-2, Tick(jb));
            Put(jb, 101);
            Assert.Equal(-2, Tick(jb));
            Put(jb, 102);
            Assert.Equal(Tag(100), Tick(jb));
            Put(jb, 103);
            Assert.Equal(Tag(101), Tick(jb));
            Assert.Equal(Tag(102), Tick(jb));
            Assert.Equal(Tag(103), Tick(jb));
            Assert.Equal(4, jb.Played);
            Assert.Equal(100u * 160 + 3 * 160, jb.LastTimestamp);
        }

        [Fact]
        public void ReordersWithinTheWindowAndAtTheStart()
        {
            var jb = new JitterBuffer(8, FrameBytes, 160, 3);
            Put(jb, 11); // arrives before 10
            Put(jb, 10);
            Assert.Equal(-2, Tick(jb));
            Put(jb, 13);
            Put(jb, 12);
            Put(jb, 15);
            Put(jb, 14);
            for (int s = 10; s <= 15; s++) Assert.Equal(Tag(s), Tick(jb));
            Assert.Equal(0, jb.Concealed);
            Assert.Equal(6, jb.Inserted);
        }

        [Fact]
        public void DropsDuplicatesAndLatePackets()
        {
            var jb = new JitterBuffer(8, FrameBytes, 160, 2);
            Put(jb, 5);
            Assert.Equal(JitterInsertStatus.Duplicate, Put(jb, 5));
            Put(jb, 6);
            Assert.Equal(Tag(5), Tick(jb));
            Assert.Equal(JitterInsertStatus.Late, Put(jb, 5)); // already played
            Assert.Equal(JitterInsertStatus.Duplicate, Put(jb, 6));
            Assert.Equal(Tag(6), Tick(jb));
            Assert.Equal(-1, Tick(jb)); // 7 lost
            Assert.Equal(JitterInsertStatus.Late, Put(jb, 7)); // arrives after its tick was concealed
            Put(jb, 8);
            Assert.Equal(Tag(8), Tick(jb));
            Assert.Equal(2, jb.Duplicates);
            Assert.Equal(2, jb.Late);
            Assert.Equal(3, jb.Played);
            Assert.Equal(1, jb.Concealed);
        }

        [Fact]
        public void ConcealsLossByRepetitionFadingToSilence()
        {
            var jb = new JitterBuffer(8, FrameBytes, 160, 1);
            byte[] frame = new byte[FrameBytes];
            for (int i = 0; i < FrameBytes; i++) frame[i] = MuLaw.Encode((short)(8000 * Math.Sin(i * 0.3)));
            jb.Insert(1, 160, frame, 0, FrameBytes);
            Assert.Equal(JitterPlayout.Played, jb.Next(_out, 0));
            Assert.Equal(frame, _out);
            for (int loss = 1; loss <= 5; loss++)
            {
                Assert.Equal(JitterPlayout.Concealed, jb.Next(_out, 0));
                Assert.Equal(FrameBytes, jb.LastFrameLength);
                for (int i = 0; i < FrameBytes; i++)
                {
                    byte expected = loss > jb.MaxRepeats ? MuLaw.Silence
                        : loss == 1 ? frame[i] : MuLaw.Encode((short)(MuLaw.Decode(frame[i]) >> (loss - 1)));
                    Assert.Equal(expected, _out[i]);
                }
            }
            Assert.Equal(5, jb.Concealed);
            // The next frame received plays and ends the loss run.
            Put(jb, 7);
            Assert.Equal(Tag(7), Tick(jb));
        }

        [Fact]
        public void PcmaConcealmentFadesToALawSilence()
        {
            var jb = new JitterBuffer(4, FrameBytes, 160, 1, 8);
            byte[] frame = new byte[FrameBytes];
            for (int i = 0; i < FrameBytes; i++) frame[i] = ALaw.Encode((short)(12000 - 150 * i));
            jb.Insert(40, 0, frame, 0, FrameBytes);
            jb.Next(_out, 0);
            jb.Next(_out, 0);
            Assert.Equal(frame, _out);
            jb.Next(_out, 0);
            Assert.Equal(ALaw.Encode((short)(ALaw.Decode(frame[0]) >> 1)), _out[0]);
            jb.Next(_out, 0);
            jb.Next(_out, 0);
            Assert.All(_out, b => Assert.Equal(ALaw.Silence, b));
        }

        [Fact]
        public void HandlesSequenceWrapAround()
        {
            var jb = new JitterBuffer(8, FrameBytes, 160, 3);
            Put(jb, 65533);
            Put(jb, 65535);
            Put(jb, 65534);
            Put(jb, 1);
            Put(jb, 0);
            Put(jb, 2);
            int[] expected = { 65533, 65534, 65535, 0, 1, 2 };
            foreach (int s in expected) Assert.Equal(Tag(s), Tick(jb));
            Assert.Equal(3, jb.NextSequence);
            Assert.Equal(JitterInsertStatus.Late, Put(jb, 65535));
            Assert.Equal(JitterInsertStatus.Inserted, Put(jb, 4));
        }

        [Fact]
        public void JustBeyondTheWindowDiscardsTheOldest()
        {
            var jb = new JitterBuffer(4, FrameBytes, 160, 2);
            for (int s = 0; s < 4; s++) Put(jb, s);
            Assert.Equal(JitterInsertStatus.Overflow, Put(jb, 5)); // window 0..3 slides to 2..5
            Assert.Equal(2, jb.Discarded);
            Assert.Equal(Tag(2), Tick(jb));
            Assert.Equal(Tag(3), Tick(jb));
            Assert.Equal(-1, Tick(jb)); // 4 never came
            Assert.Equal(Tag(5), Tick(jb));
        }

        [Fact]
        public void FarAheadIsDroppedUntilTheJumpIsConfirmed()
        {
            var jb = new JitterBuffer(8, FrameBytes, 160, 2);
            Put(jb, 10);
            Put(jb, 11);
            Assert.Equal(Tag(10), Tick(jb));
            Assert.Equal(JitterInsertStatus.Ahead, Put(jb, 5000));
            Assert.Equal(JitterInsertStatus.Ahead, Put(jb, 7000)); // not in sequence with 5000
            Assert.Equal(JitterInsertStatus.Inserted, Put(jb, 7001)); // confirmed: resynchronise
            Assert.Equal(1, jb.Resyncs);
            Assert.Equal(2, jb.Ahead);
            Assert.Equal(-2, Tick(jb)); // new playout waits for the target delay
            Put(jb, 7002);
            Assert.Equal(Tag(7001), Tick(jb));
            Assert.Equal(Tag(7002), Tick(jb));
        }

        [Fact]
        public void SenderBehindWithEmptyBufferResynchronises()
        {
            var jb = new JitterBuffer(8, FrameBytes, 160, 1);
            Put(jb, 100);
            Assert.Equal(Tag(100), Tick(jb));
            Assert.Equal(-1, Tick(jb));
            Assert.Equal(-1, Tick(jb)); // next is 103; the sender stalled at 101
            Assert.Equal(JitterInsertStatus.Late, Put(jb, 101));
            Assert.Equal(JitterInsertStatus.Inserted, Put(jb, 102)); // second late in sequence, buffer empty
            Assert.Equal(1, jb.Resyncs);
            Assert.Equal(1, jb.Late);
            Assert.Equal(Tag(102), Tick(jb));
        }

        [Fact]
        public void LongSilenceRestartsPlayout()
        {
            var jb = new JitterBuffer(4, FrameBytes, 160, 2);
            Put(jb, 1);
            Put(jb, 2);
            Tick(jb);
            Tick(jb);
            for (int i = 0; i < 4; i++) Assert.Equal(-1, Tick(jb));
            Assert.False(jb.IsPlaying);
            Assert.Equal(-2, Tick(jb));
            Put(jb, 30);
            Assert.Equal(-2, Tick(jb));
            Put(jb, 31);
            Assert.Equal(Tag(30), Tick(jb));
        }

        [Fact]
        public void ResetForgetsTheStream()
        {
            var jb = new JitterBuffer(8, FrameBytes, 160, 1);
            Put(jb, 500);
            Put(jb, 501);
            jb.Reset(); // e.g. the peer changed SSRC
            Assert.Equal(0, jb.BufferedFrames);
            Assert.Equal(-2, Tick(jb));
            Put(jb, 20);
            Assert.Equal(Tag(20), Tick(jb));
        }

        [Fact]
        public void RejectsTooLargeAndBadRanges()
        {
            var jb = new JitterBuffer(4, 10, 160, 1);
            Assert.Equal(JitterInsertStatus.TooLarge, jb.Insert(1, 0, new byte[11], 0, 11));
            Assert.Equal(1, jb.TooLarge);
            Assert.Equal(0, jb.BufferedFrames);
            Assert.Throws<ArgumentException>(() => jb.Insert(1, 0, new byte[4], 2, 3));
            Assert.Throws<ArgumentException>(() => jb.Next(new byte[9], 0));
            Assert.Throws<ArgumentException>(() => new JitterBuffer(1, 10, 160, 1));
            Assert.Throws<ArgumentException>(() => new JitterBuffer(4, 10, 160, 5));
            Assert.Throws<ArgumentException>(() => new JitterBuffer(4, 0, 160, 1));
        }

        [Fact]
        public void RandomReorderWithinTheTargetDelayLosesNothing()
        {
            // Packets sent one per tick starting at 65500 (crossing the wrap), each delayed 0..3 ticks:
            // with a 4-frame target delay every frame plays, in order.
            var rng = new Random(3);
            var jb = new JitterBuffer(16, FrameBytes, 160, 4);
            var pending = new List<(int due, int seq)>();
            var played = new List<int>();
            int sent = 0;
            for (int tick = 0; tick < 200; tick++)
            {
                if (sent < 150) pending.Add((tick + rng.Next(0, 4), 65500 + sent++));
                foreach (var p in pending.Where(p => p.due == tick).OrderBy(_ => rng.Next()).ToList())
                {
                    Assert.Equal(JitterInsertStatus.Inserted, Put(jb, p.seq));
                    pending.Remove(p);
                }
                int r = Tick(jb);
                if (r >= 0) played.Add(r);
            }
            Assert.Equal(150, jb.Played);
            Assert.Equal(Enumerable.Range(65500, 150).Select(Tag).Select(b => (int)b), played);
        }
    }
}
