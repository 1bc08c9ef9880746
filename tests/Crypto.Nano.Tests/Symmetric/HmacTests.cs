using System;
using System.Security.Cryptography;
using System.Text;
using NanoMikey.Crypto.Mac;

namespace NanoMikey.Crypto.Tests.Symmetric
{
    public class HmacTests
    {
        private static byte[] Rep(byte b, int n)
        {
            var a = new byte[n];
            for (int i = 0; i < n; i++) a[i] = b;
            return a;
        }

        private static byte[] Seq(int n)
        {
            var a = new byte[n];
            for (int i = 0; i < n; i++) a[i] = (byte)(i + 1);
            return a;
        }

        private static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);

        public static TheoryData<byte[], byte[], string> Rfc2202 => new TheoryData<byte[], byte[], string>
        {
            // RFC 2202 §3, test cases 1-7.
            { Rep(0x0b, 20), Ascii("Hi There"), "b617318655057264e28bc0b6fb378c8ef146be00" },
            { Ascii("Jefe"), Ascii("what do ya want for nothing?"), "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79" },
            { Rep(0xaa, 20), Rep(0xdd, 50), "125d7342b9ac11cd91a39af48aa17b4f63f175d3" },
            { Seq(25), Rep(0xcd, 50), "4c9007f4026250c6bc8414f9bf50c86c2d7235da" },
            { Rep(0x0c, 20), Ascii("Test With Truncation"), "4c1a03424b55e07fe7f27be1" },
            { Rep(0xaa, 80), Ascii("Test Using Larger Than Block-Size Key - Hash Key First"), "aa4ae5e15272d00e95705637ce8a3b55ed402112" },
            { Rep(0xaa, 80), Ascii("Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data"), "e8e99d0f45237d786d6bbaa7965c7808bbff1a91" },
        };

        public static TheoryData<byte[], byte[], string> Rfc4231 => new TheoryData<byte[], byte[], string>
        {
            // RFC 4231 §4.2-4.8 (HMAC-SHA-256 column); case 5 is truncated to 128 bits.
            { Rep(0x0b, 20), Ascii("Hi There"), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7" },
            { Ascii("Jefe"), Ascii("what do ya want for nothing?"), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" },
            { Rep(0xaa, 20), Rep(0xdd, 50), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe" },
            { Seq(25), Rep(0xcd, 50), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b" },
            { Rep(0x0c, 20), Ascii("Test With Truncation"), "a3b6167473100ee06e0c796c2955552b" },
            { Rep(0xaa, 131), Ascii("Test Using Larger Than Block-Size Key - Hash Key First"), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54" },
            { Rep(0xaa, 131), Ascii("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."), "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2" },
        };

        [Theory]
        [MemberData(nameof(Rfc2202))]
        public void HmacSha1_Rfc2202(byte[] key, byte[] data, string mac)
        {
            var expected = TestData.Hex(mac);
            var h = new HmacSha1(key, 0, key.Length);
            var o = new byte[expected.Length];
            h.Compute(data, 0, data.Length, o, 0, o.Length);
            Assert.Equal(expected, o);
            Assert.True(h.Verify(data, 0, data.Length, expected, 0, expected.Length));
            expected[0] ^= 1;
            Assert.False(h.Verify(data, 0, data.Length, expected, 0, expected.Length));
        }

        [Theory]
        [MemberData(nameof(Rfc4231))]
        public void HmacSha256_Rfc4231(byte[] key, byte[] data, string mac)
        {
            var expected = TestData.Hex(mac);
            var h = new HmacSha256(key, 0, key.Length);
            var o = new byte[expected.Length];
            h.Compute(data, 0, data.Length, o, 0, o.Length);
            Assert.Equal(expected, o);
            // Same MAC again from the keyed state, fed byte by byte.
            for (int i = 0; i < data.Length; i++) h.Update(data, i, 1);
            Array.Clear(o);
            h.Final(o, 0, o.Length);
            Assert.Equal(expected, o);
        }

        [Fact]
        public void RandomLengths_SplitUpdates_MatchDotNet()
        {
            var rng = new System.Random(99);
            var o1 = new byte[20];
            var o2 = new byte[32];
            for (int len = 0; len <= 2000; len += 1)
            {
                var key = RandomNumberGenerator.GetBytes(rng.Next(0, 150));
                var m = RandomNumberGenerator.GetBytes(len);
                var h1 = new HmacSha1(key, 0, key.Length);
                var h2 = new HmacSha256();
                h2.SetKey(key, 0, key.Length);
                for (int round = 0; round < 2; round++)
                {
                    int pos = 0;
                    while (pos < len)
                    {
                        int n = Math.Min(rng.Next(0, 200), len - pos);
                        h1.Update(m, pos, n);
                        h2.Update(m, pos, n);
                        pos += n;
                    }
                    h1.Final(o1, 0, 20);
                    h2.Final(o2, 0, 32);
                    Assert.Equal(HMACSHA1.HashData(key, m), o1);
                    Assert.Equal(HMACSHA256.HashData(key, m), o2);
                }
            }
        }

        [Fact]
        public void Reset_DropsData_KeepsKey()
        {
            var key = Rep(0x0b, 20);
            var h = new HmacSha1(key, 0, 20);
            h.Update(Ascii("junk"), 0, 4);
            h.Reset();
            var data = Ascii("Hi There");
            h.Update(data, 0, data.Length);
            var o = new byte[20];
            h.Final(o, 0, 20);
            Assert.Equal(TestData.Hex("b617318655057264e28bc0b6fb378c8ef146be00"), o);
        }

        [Fact]
        public void BadInput_Throws_NoPartialWrite()
        {
            var key = Rep(1, 16);
            var h = new HmacSha1(key, 0, 16);
            var h2 = new HmacSha256(key, 0, 16);
            var outBuf = Rep(0x77, 20);
            Assert.Throws<ArgumentOutOfRangeException>(() => h.Final(outBuf, 1, 20));
            Assert.Throws<ArgumentOutOfRangeException>(() => h.Final(outBuf, 0, 21));
            Assert.Throws<ArgumentOutOfRangeException>(() => h.Final(outBuf, 0, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => h2.Final(outBuf, 0, 32));
            Assert.Throws<ArgumentOutOfRangeException>(() => h.Compute(key, 10, 7, outBuf, 0, 10));
            Assert.Throws<ArgumentNullException>(() => h.SetKey(null!, 0, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => h.SetKey(key, 8, 9));
            Assert.Equal(Rep(0x77, 20), outBuf);
            var fresh = new HmacSha1();
            Assert.Throws<InvalidOperationException>(() => fresh.Update(key, 0, 1));
            h.Clear();
            Assert.Throws<InvalidOperationException>(() => h.Final(outBuf, 0, 20));
            Assert.Equal(Rep(0x77, 20), outBuf);
        }
    }
}
