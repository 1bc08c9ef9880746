using System;
using System.Security.Cryptography;
using System.Text;
using NanoMikey.Crypto.Hash;

namespace NanoMikey.Crypto.Tests.Symmetric
{
    public class ShaTests
    {
        private static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);

        private static byte[] Sha1Of(byte[] m)
        {
            var o = new byte[20];
            Sha1.Hash(m, 0, m.Length, o, 0);
            return o;
        }

        private static byte[] Sha256Of(byte[] m)
        {
            var o = new byte[32];
            Sha256.Hash(m, 0, m.Length, o, 0);
            return o;
        }

        // FIPS 180-4 examples (NIST CSRC "Examples with Intermediate Values": SHA1.pdf, SHA256.pdf).
        [Theory]
        [InlineData("", "da39a3ee5e6b4b0d3255bfef95601890afd80709")]
        [InlineData("abc", "a9993e364706816aba3e25717850c26c9cd0d89d")]
        [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1")]
        public void Sha1_Fips180_Examples(string msg, string digest)
        {
            Assert.Equal(TestData.Hex(digest), Sha1Of(Ascii(msg)));
        }

        [Theory]
        [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
        [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
        [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
        public void Sha256_Fips180_Examples(string msg, string digest)
        {
            Assert.Equal(TestData.Hex(digest), Sha256Of(Ascii(msg)));
        }

        // FIPS 180-2 Appendix A.3 / B.3: one million repetitions of 'a', fed in uneven chunks.
        [Fact]
        public void MillionA_BothHashes()
        {
            var chunk = new byte[1000];
            for (int i = 0; i < chunk.Length; i++) chunk[i] = (byte)'a';
            var s1 = new Sha1();
            var s256 = new Sha256();
            int left = 1000000;
            int step = 1;
            while (left > 0)
            {
                int n = Math.Min(Math.Min(step, left), chunk.Length);
                s1.Update(chunk, 0, n);
                s256.Update(chunk, 0, n);
                left -= n;
                step = step * 7 % 997 + 1;
            }
            var d1 = new byte[20];
            var d2 = new byte[32];
            s1.Final(d1, 0);
            s256.Final(d2, 0);
            Assert.Equal(TestData.Hex("34aa973cd4c4daa4f61eeb2bdbad27316534016f"), d1);
            Assert.Equal(TestData.Hex("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"), d2);
        }

        [Fact]
        public void RandomLengths_SplitUpdates_MatchDotNet()
        {
            var rng = new System.Random(1234);
            var s1 = new Sha1();
            var s256 = new Sha256();
            var d1 = new byte[24];
            var d2 = new byte[36];
            for (int len = 0; len <= 2000; len++)
            {
                var m = new byte[len + 3];
                RandomNumberGenerator.Fill(m);
                int pos = 3;
                int end = 3 + len;
                while (pos < end)
                {
                    int n = Math.Min(rng.Next(0, 150), end - pos);
                    s1.Update(m, pos, n);
                    s256.Update(m, pos, n);
                    pos += n;
                }
                s1.Final(d1, 4);
                s256.Final(d2, 4);
                Assert.Equal(SHA1.HashData(m.AsSpan(3, len)), d1.AsSpan(4, 20).ToArray());
                Assert.Equal(SHA256.HashData(m.AsSpan(3, len)), d2.AsSpan(4, 32).ToArray());
            }
        }

        [Fact]
        public void FinalResets()
        {
            var s = new Sha256();
            var a = new byte[32];
            s.Update(Ascii("garbage"), 0, 7);
            s.Final(a, 0);
            s.Update(Ascii("abc"), 0, 3);
            s.Final(a, 0);
            Assert.Equal(TestData.Hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"), a);
        }

        [Fact]
        public void BadRanges_Throw_AndOutputUntouched()
        {
            var s1 = new Sha1();
            var s2 = new Sha256();
            var buf = new byte[10];
            Assert.Throws<ArgumentNullException>(() => s1.Update(null!, 0, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => s1.Update(buf, 5, 6));
            Assert.Throws<ArgumentOutOfRangeException>(() => s1.Update(buf, -1, 2));
            Assert.Throws<ArgumentOutOfRangeException>(() => s2.Update(buf, 0, -1));
            var small = new byte[31];
            for (int i = 0; i < small.Length; i++) small[i] = 0x5A;
            Assert.Throws<ArgumentOutOfRangeException>(() => s2.Final(small, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => s1.Final(small, 12));
            foreach (byte b in small) Assert.Equal(0x5A, b);
            // The state survived the failed calls.
            s2.Update(Ascii("abc"), 0, 3);
            var d = new byte[32];
            s2.Final(d, 0);
            Assert.Equal(TestData.Hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"), d);
        }
    }
}
