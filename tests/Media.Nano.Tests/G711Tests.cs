using NanoMikey.Media.G711;

namespace NanoMikey.Media.Tests
{
    /// <summary>G.711 against known values and the classic Sun Microsystems g711.c written out independently below.</summary>
    public class G711Tests
    {
        // ---- Reference: Sun Microsystems g711.c (public domain), transcribed. ----
        private static readonly int[] SegUEnd = { 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF };
        private static readonly int[] SegAEnd = { 0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF };

        private static int Search(int val, int[] table)
        {
            for (int i = 0; i < table.Length; i++) if (val <= table[i]) return i;
            return table.Length;
        }

        private static byte SunLinear2Ulaw(short pcm)
        {
            int pcmVal = pcm >> 2, mask;
            if (pcmVal < 0) { pcmVal = -pcmVal; mask = 0x7F; } else mask = 0xFF;
            if (pcmVal > 8159) pcmVal = 8159;
            pcmVal += 0x84 >> 2;
            int seg = Search(pcmVal, SegUEnd);
            if (seg >= 8) return (byte)(0x7F ^ mask);
            int uval = (seg << 4) | ((pcmVal >> (seg + 1)) & 0xF);
            return (byte)(uval ^ mask);
        }

        private static short SunUlaw2Linear(byte u)
        {
            int uVal = ~u & 0xFF;
            int t = ((uVal & 0x0F) << 3) + 0x84;
            t <<= (uVal & 0x70) >> 4;
            return (short)((uVal & 0x80) != 0 ? 0x84 - t : t - 0x84);
        }

        private static byte SunLinear2Alaw(short pcm)
        {
            int pcmVal = pcm >> 3, mask;
            if (pcmVal >= 0) mask = 0xD5; else { mask = 0x55; pcmVal = -pcmVal - 1; }
            int seg = Search(pcmVal, SegAEnd);
            if (seg >= 8) return (byte)(0x7F ^ mask);
            int aval = seg << 4;
            if (seg < 2) aval |= (pcmVal >> 1) & 0x0F; else aval |= (pcmVal >> seg) & 0x0F;
            return (byte)(aval ^ mask);
        }

        private static short SunAlaw2Linear(byte a)
        {
            int aVal = a ^ 0x55;
            int t = (aVal & 0x0F) << 4;
            int seg = (aVal & 0x70) >> 4;
            switch (seg)
            {
                case 0: t += 8; break;
                case 1: t += 0x108; break;
                default: t += 0x108; t <<= seg - 1; break;
            }
            return (short)((aVal & 0x80) != 0 ? t : -t);
        }

        [Fact]
        public void MuLawKnownValues()
        {
            Assert.Equal(0, MuLaw.Decode(0xFF));
            Assert.Equal(0, MuLaw.Decode(0x7F)); // negative zero
            Assert.Equal(-32124, MuLaw.Decode(0x00));
            Assert.Equal(32124, MuLaw.Decode(0x80));
            Assert.Equal(0xFF, MuLaw.Encode(0));
            Assert.Equal(0x00, MuLaw.Encode(-32124));
            Assert.Equal(0x00, MuLaw.Encode(short.MinValue));
            Assert.Equal(0x80, MuLaw.Encode(short.MaxValue));
            Assert.Equal(MuLaw.Silence, MuLaw.Encode(0));
        }

        [Fact]
        public void ALawKnownValues()
        {
            Assert.Equal(8, ALaw.Decode(0xD5));
            Assert.Equal(-8, ALaw.Decode(0x55));
            Assert.Equal(32256, ALaw.Decode(0xAA));
            Assert.Equal(-32256, ALaw.Decode(0x2A));
            Assert.Equal(0xD5, ALaw.Encode(0));
            Assert.Equal(0x55, ALaw.Encode(-1));
            Assert.Equal(0xAA, ALaw.Encode(short.MaxValue));
            Assert.Equal(0x2A, ALaw.Encode(short.MinValue));
        }

        [Fact]
        public void EveryCodeSurvivesDecodeThenEncode()
        {
            for (int code = 0; code < 256; code++)
            {
                byte u = (byte)code;
                byte back = MuLaw.Encode(MuLaw.Decode(u));
                // 0x7F (-0) decodes to 0, which encodes as +0 (0xFF): the one µ-law code with a twin.
                Assert.Equal(code == 0x7F ? (byte)0xFF : u, back);
                Assert.Equal(u, ALaw.Encode(ALaw.Decode(u)));
            }
        }

        [Fact]
        public void MatchesSunReferenceOnAllInputs()
        {
            for (int code = 0; code < 256; code++)
            {
                Assert.Equal(SunUlaw2Linear((byte)code), MuLaw.Decode((byte)code));
                Assert.Equal(SunAlaw2Linear((byte)code), ALaw.Decode((byte)code));
            }
            for (int s = short.MinValue; s <= short.MaxValue; s++)
            {
                short sample = (short)s;
                if (SunLinear2Ulaw(sample) != MuLaw.Encode(sample)) Assert.Fail("µ-law differs at " + s);
                if (SunLinear2Alaw(sample) != ALaw.Encode(sample)) Assert.Fail("A-law differs at " + s);
            }
        }

        [Fact]
        public void BulkMatchesSingleAndChecksRanges()
        {
            short[] pcm = new short[400];
            for (int i = 0; i < pcm.Length; i++) pcm[i] = (short)(i * 163 - 32000);
            byte[] u = new byte[410];
            byte[] a = new byte[410];
            MuLaw.Encode(pcm, 10, u, 5, 390);
            ALaw.Encode(pcm, 10, a, 5, 390);
            short[] back = new short[400];
            for (int i = 0; i < 390; i++)
            {
                Assert.Equal(MuLaw.Encode(pcm[10 + i]), u[5 + i]);
                Assert.Equal(ALaw.Encode(pcm[10 + i]), a[5 + i]);
            }
            MuLaw.Decode(u, 5, back, 0, 390);
            for (int i = 0; i < 390; i++) Assert.Equal(MuLaw.Decode(u[5 + i]), back[i]);
            ALaw.Decode(a, 5, back, 0, 390);
            for (int i = 0; i < 390; i++) Assert.Equal(ALaw.Decode(a[5 + i]), back[i]);
            Assert.Throws<ArgumentException>(() => MuLaw.Encode(pcm, 10, u, 21, 390));
            Assert.Throws<ArgumentException>(() => ALaw.Decode(a, 0, back, 11, 390));
            Assert.Throws<ArgumentException>(() => MuLaw.Decode(u, -1, back, 0, 1));
            Assert.Throws<ArgumentException>(() => ALaw.Encode(pcm, 0, a, 0, -1));
            Assert.Throws<ArgumentException>(() => MuLaw.Encode(pcm, int.MaxValue, u, 0, 2));
        }
    }
}
