using NanoMikey.Crypto.Cipher;
using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Tests.Keys
{
    /// <summary>KEMAC encryption and MAC (RFC 3830 §4.1.4, §4.2.3, §5.2) against tests/vectors/mikey/samples.md §8.2.</summary>
    public class KemacProtectionTests
    {
        // samples.md §8.2: the complete PSK I_MESSAGE (179 bytes) and its inputs.
        private const string IMessageHex =
            "01000580123456780100" + "00deadbeef00000000" +
            "0b00e6a9c0d800000000" +
            "0610a0a1a2a3a4a5a6a7a8a9aaabacadaeaf" +
            "0601" + "0015" + "7369703a616c696365406578616d706c652e636f6d" +
            "0a01" + "0013" + "7369703a626f62406578616d706c652e636f6d" +
            "010000" + "0012" + "000101010110020101030114" + "04010e0b010a" +
            "0001" + "0024" + "f97b9aada72aef75f224bfa66becb38ca42278a4ca046853bfee3ec8c203df081edcad5b" + "01" + "99eb2bcbde1efd0b107f3c2c9ba753c22f209522";
        private static readonly byte[] Psk = TestData.Hex("404142434445464748494a4b4c4d4e4f50515253");
        private static readonly byte[] Rand = TestData.Hex("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf");
        private const uint CsbId = 0x12345678;
        private const ulong T = 0xe6a9c0d800000000;
        private const string Plain = "00100010000102030405060708090a0b0c0d0e0f000e303132333435363738393a3b3c3d";
        private const string Encrypted = "f97b9aada72aef75f224bfa66becb38ca42278a4ca046853bfee3ec8c203df081edcad5b";

        public static IEnumerable<object[]> Factories() => new[]
        {
            new object[] { new SoftwareAesFactory() },
            new object[] { new HostAesEngineFactory() },
        };

        private static KemacProtection Keyed(NanoMikey.Crypto.Hal.IAesEngineFactory f)
        {
            var p = new KemacProtection(f, new MikeyKeyDerivation());
            Assert.True(p.DeriveKeys(PrfFunction.Mikey1, Psk, 0, Psk.Length, CsbId, Rand, 0, Rand.Length, EncryptionAlgorithm.AesCm128, MacAlgorithm.HmacSha1160));
            return p;
        }

        [Theory]
        [MemberData(nameof(Factories))]
        public void AesCmMatchesTheWorkedExample(NanoMikey.Crypto.Hal.IAesEngineFactory f)
        {
            var p = Keyed(f);
            byte[] data = TestData.Hex(Plain);
            p.Transform(CsbId, T, data, 0, data.Length);
            Assert.Equal(Encrypted, Convert.ToHexString(data).ToLowerInvariant());
            p.Transform(CsbId, T, data, 0, data.Length);
            Assert.Equal(Plain, Convert.ToHexString(data).ToLowerInvariant());
        }

        [Fact]
        public void MacCoversBytes0To158()
        {
            var p = Keyed(new SoftwareAesFactory());
            byte[] msg = TestData.Hex(IMessageHex);
            Assert.Equal(179, msg.Length);
            byte[] mac = new byte[20];
            p.ComputeMac(msg, 0, 159, null, 0, 0, mac, 0);
            Assert.Equal("99eb2bcbde1efd0b107f3c2c9ba753c22f209522", Convert.ToHexString(mac).ToLowerInvariant());
            Assert.True(p.VerifyMac(msg, 0, 159, null, 0, 0, msg, 159, 20));
            msg[40] ^= 1;
            Assert.False(p.VerifyMac(msg, 0, 159, null, 0, 0, msg, 159, 20));
            msg[40] ^= 1;
            Assert.False(p.VerifyMac(msg, 0, 159, null, 0, 0, msg, 159, 19));
        }

        [Fact]
        public void VerificationMacCoversIdiIdrAndT()
        {
            // samples.md §8.2 R_MESSAGE: V = HMAC(auth_key, R_MESSAGE without Ver data || IDi || IDr || T), RFC 3830 §5.2.
            byte[] r = TestData.Hex("0101050012345678010000deadbeef00000000" + "0600e6a9c0d800000000" + "0901" + "0013" + "7369703a626f62406578616d706c652e636f6d" + "0001");
            byte[] extra = TestData.Hex("7369703a616c696365406578616d706c652e636f6d" + "7369703a626f62406578616d706c652e636f6d" + "e6a9c0d800000000");
            var p = Keyed(new SoftwareAesFactory());
            byte[] mac = new byte[20];
            p.ComputeMac(r, 0, r.Length, extra, 0, extra.Length, mac, 0);
            Assert.Equal("d71205f12cc68182f2e894f7f6d01932a70f086c", Convert.ToHexString(mac).ToLowerInvariant());
        }

        [Fact]
        public void NullMacNeverVerifies()
        {
            var p = new KemacProtection(new SoftwareAesFactory(), new MikeyKeyDerivation());
            Assert.True(p.DeriveKeys(PrfFunction.Mikey1, Psk, 0, Psk.Length, CsbId, Rand, 0, 16, EncryptionAlgorithm.Null, MacAlgorithm.Null));
            Assert.False(p.VerifyMac(new byte[4], 0, 4, null, 0, 0, new byte[0], 0, 0));
        }

        [Fact]
        public void UnknownAlgorithmsAreRefused()
        {
            var p = new KemacProtection(new SoftwareAesFactory(), new MikeyKeyDerivation());
            Assert.False(p.DeriveKeys(PrfFunction.Mikey1, Psk, 0, Psk.Length, CsbId, Rand, 0, 16, (EncryptionAlgorithm)9, MacAlgorithm.HmacSha1160));
            Assert.False(p.DeriveKeys(PrfFunction.Mikey1, Psk, 0, Psk.Length, CsbId, Rand, 0, 16, EncryptionAlgorithm.AesCm128, (MacAlgorithm)7));
        }

        [Fact]
        public void EncryptAndMacAllocateNothing()
        {
            var p = Keyed(new SoftwareAesFactory());
            byte[] msg = TestData.Hex(IMessageHex);
            byte[] mac = new byte[20];
            p.Transform(CsbId, T, msg, 123, 36);
            p.ComputeMac(msg, 0, 159, null, 0, 0, mac, 0);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 5; i++)
            {
                p.DeriveKeys(PrfFunction.Mikey1, Psk, 0, Psk.Length, CsbId, Rand, 0, Rand.Length, EncryptionAlgorithm.AesCm128, MacAlgorithm.HmacSha1160);
                p.Transform(CsbId, T, msg, 123, 36);
                p.ComputeMac(msg, 0, 159, null, 0, 0, mac, 0);
                p.VerifyMac(msg, 0, 159, null, 0, 0, mac, 0, 20);
            }
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }
}
