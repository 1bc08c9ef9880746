using System;
using System.Security.Cryptography;
using System.Text;
using NanoMikey.Crypto.Hash;

namespace NanoMikey.Crypto.Tests.Hash
{
    public class Md5Tests
    {
        private static byte[] Md5Of(byte[] m)
        {
            var o = new byte[16];
            Md5.Hash(m, 0, m.Length, o, 0);
            return o;
        }

        // RFC 1321 §A.5 test suite.
        [Theory]
        [InlineData("", "d41d8cd98f00b204e9800998ecf8427e")]
        [InlineData("a", "0cc175b9c0f1b6a831c399e269772661")]
        [InlineData("abc", "900150983cd24fb0d6963f7d28e17f72")]
        [InlineData("message digest", "f96b697d7cb7938d525a2f31aaf161d0")]
        [InlineData("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b")]
        [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f")]
        [InlineData("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a")]
        public void Rfc1321_TestSuite(string msg, string digest)
        {
            Assert.Equal(TestData.Hex(digest), Md5Of(Encoding.ASCII.GetBytes(msg)));
        }

        [Fact]
        public void RandomLengths_SplitUpdates_MatchDotNet()
        {
            var rng = new System.Random(1321);
            var h = new Md5();
            var d = new byte[20];
            for (int len = 0; len <= 1500; len++)
            {
                var m = new byte[len];
                rng.NextBytes(m);
                int split = len == 0 ? 0 : rng.Next(len + 1);
                h.Update(m, 0, split);
                h.Update(m, split, len - split);
                h.Final(d, 3);
                Assert.Equal(MD5.HashData(m), d.AsSpan(3, 16).ToArray());
            }
        }

        [Fact]
        public void UpdateFinal_AllocatesNothing()
        {
            var data = new byte[1000];
            var d = new byte[16];
            var h = new Md5();
            h.Update(data, 0, 100);
            h.Final(d, 0);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 200; i++)
            {
                h.Update(data, 0, 7);
                h.Update(data, 7, 993 - (i & 63));
                h.Final(d, 0);
            }
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [Fact]
        public void BadRanges_Throw_CallerBugs()
        {
            var h = new Md5();
            Assert.Throws<ArgumentNullException>(() => h.Update(null!, 0, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => h.Update(new byte[4], 2, 3));
            Assert.Throws<ArgumentOutOfRangeException>(() => h.Final(new byte[15], 0));
        }
    }
}
