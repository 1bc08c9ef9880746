namespace NanoMikey.Crypto.Tests.Residue
{
    /// <summary>The residue search itself: it must find what it is meant to find, or every residue test passes vacuously.</summary>
    public class KeyResidueTests
    {
        private sealed class Inner
        {
            private readonly uint[] _limbs = new uint[4];
            private ulong _word;

            public void Put(byte[] s)
            {
                // Little-endian limbs, as the field arithmetic keeps them.
                for (int i = 0; i < 4; i++) _limbs[i] = (uint)(s[15 - 4 * i] | s[14 - 4 * i] << 8 | s[13 - 4 * i] << 16 | s[12 - 4 * i] << 24);
            }

            public void PutWord(ulong w) => _word = w;

            public void Wipe()
            {
                Array.Clear(_limbs);
                _word = 0;
            }
        }

        private class Outer
        {
            private readonly Inner _inner = new Inner();
            private readonly object[] _cycle;
            protected byte[] Buffer = new byte[64];

            public Outer()
            {
                _cycle = new object[] { this, _inner };
            }

            public Inner Inner => _inner;

            public void Replace() => Buffer = new byte[64];
        }

        private sealed class Derived : Outer
        {
        }

        private static readonly byte[] Secret = Convert.FromHexString("0123456789abcdef1032547698badcfe");

        [Fact]
        public void FindsBytesLimbsWordsAndReplacedArrays()
        {
            var d = new Derived();
            KeyResidue.AssertNoTrace(d, Secret);

            // A base class's protected byte array.
            byte[] buffer = (byte[])typeof(Outer).GetField("Buffer", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!.GetValue(d)!;
            Array.Copy(Secret, 5, buffer, 30, 4);
            Assert.NotNull(KeyResidue.FindTrace(d, 4, Array.Empty<Array>(), Secret));
            Assert.Null(KeyResidue.FindTrace(d, 5, Array.Empty<Array>(), Secret));

            // Replaced instead of wiped: only the earlier snapshot still sees it.
            Array[] earlier = KeyResidue.Arrays(d);
            d.Replace();
            Assert.Null(KeyResidue.FindTrace(d, 4, Array.Empty<Array>(), Secret));
            Assert.NotNull(KeyResidue.FindTrace(d, 4, earlier, Secret));

            // Little-endian limbs in a private field of an owned object.
            d.Inner.Put(Secret);
            Assert.NotNull(KeyResidue.FindTrace(d, 4, Array.Empty<Array>(), Secret));
            d.Inner.Wipe();

            // An integer field.
            d.Inner.PutWord(0x89abcdef10325476UL);
            Assert.NotNull(KeyResidue.FindTrace(d, 4, Array.Empty<Array>(), Secret));
            Assert.Equal(Convert.FromHexString("89abcdef10325476"), KeyResidue.Capture(d, "_inner._word"));
            d.Inner.Wipe();
            KeyResidue.AssertNoTrace(d, Secret);
        }

        [Fact]
        public void RepeatedByteWindowsAreNotTraces()
        {
            var d = new Derived();
            // Zero fill and a padding run are everywhere; a secret's run of one byte value proves nothing.
            Assert.Null(KeyResidue.FindTrace(d, 4, Array.Empty<Array>(), new byte[] { 0, 0, 0, 0, 0, 0x5C, 0x5C, 0x5C, 0x5C }));
            Assert.Throws<ArgumentException>(() => KeyResidue.FindTrace(d, 4, Array.Empty<Array>(), new byte[8]));
        }
    }
}
