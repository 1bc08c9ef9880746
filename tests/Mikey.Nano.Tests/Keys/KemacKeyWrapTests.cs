using System.Security.Cryptography;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Random;
using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Tests.Modes;
using NanoMikey.Mikey.Time;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Tests.Keys
{
    /// <summary>
    /// KEMAC Encr alg AES-KW-128 (RFC 3830 §4.2.3): RFC 3394 key wrap with KEK = encr_key and the initial value = the first
    /// 64 bits of salt_key; no padding (chains of 8-byte multiples).
    /// </summary>
    public class KemacKeyWrapTests
    {
        private static readonly byte[] Psk = TestData.Hex("404142434445464748494a4b4c4d4e4f50515253");
        private static readonly byte[] Rand = TestData.Hex("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf");
        private const uint CsbId = 0x12345678;
        private const ulong T = 0xe6a9c0d800000000;

        private static KemacProtection Keyed()
        {
            var p = new KemacProtection(new SoftwareAesFactory(), new MikeyKeyDerivation());
            Assert.True(p.DeriveKeys(PrfFunction.Mikey1, Psk, 0, Psk.Length, CsbId, Rand, 0, Rand.Length, EncryptionAlgorithm.AesKw128, MacAlgorithm.HmacSha1160));
            return p;
        }

        private static byte[] MessageKey(uint constant, int length)
        {
            byte[] k = new byte[length];
            new MikeyKeyDerivation().Derive(PrfFunction.Mikey1, Psk, 0, Psk.Length, constant, MikeyKeyDerivation.MessageKeyCsId, CsbId, Rand, 0, Rand.Length, k, 0, length);
            return k;
        }

        /// <summary>RFC 3394 §2.2.1 written from the RFC text over .NET's AES-ECB (a second implementation), with a given IV.</summary>
        private static byte[] ReferenceWrap(byte[] kek, byte[] iv, byte[] p)
        {
            using var aes = Aes.Create();
            aes.Key = kek;
            int n = p.Length / 8;
            byte[] a = (byte[])iv.Clone();
            byte[][] r = new byte[n][];
            for (int i = 0; i < n; i++) r[i] = p.AsSpan(8 * i, 8).ToArray();
            for (int j = 0; j <= 5; j++)
            {
                for (int i = 1; i <= n; i++)
                {
                    byte[] b = aes.EncryptEcb([.. a, .. r[i - 1]], PaddingMode.None);
                    ulong t = (ulong)(n * j + i);
                    a = b.AsSpan(0, 8).ToArray();
                    for (int k = 0; k < 8; k++) a[7 - k] ^= (byte)(t >> (8 * k));
                    r[i - 1] = b.AsSpan(8, 8).ToArray();
                }
            }
            byte[] c = new byte[8 * (n + 1)];
            a.CopyTo(c, 0);
            for (int i = 0; i < n; i++) r[i].CopyTo(c, 8 * (i + 1));
            return c;
        }

        [Fact]
        public void WrapIsRfc3394WithTheSaltKeyAsInitialValue()
        {
            byte[] encrKey = MessageKey(MikeyKeyDerivation.MessageEncryptionKeyConstant, 16);
            byte[] salt = MessageKey(MikeyKeyDerivation.MessageSaltKeyConstant, 14);
            var rng = new Random(7);
            foreach (int n in new[] { 16, 24, 40, 64 })
            {
                byte[] chain = new byte[n];
                rng.NextBytes(chain);
                byte[] data = new byte[n + 8];
                chain.CopyTo(data, 0);
                var p = Keyed();
                Assert.True(p.Encrypt(CsbId, T, data, 0, data.Length));
                Assert.Equal(Convert.ToHexString(ReferenceWrap(encrKey, salt[..8], chain)), Convert.ToHexString(data));

                byte[] plain = new byte[n];
                Assert.Equal(n, p.Decrypt(CsbId, T, data, 0, data.Length, plain, 0));
                Assert.Equal(chain, plain);

                // Any changed byte fails the integrity check and writes nothing.
                data[rng.Next(data.Length)] ^= 0x01;
                byte[] untouched = new byte[n];
                Assert.Equal(KemacProtection.WrapIntegrityFailed, p.Decrypt(CsbId, T, data, 0, data.Length, untouched, 0));
                Assert.Equal(new byte[n], untouched);
            }
        }

        [Fact]
        public void TheDefaultIvIsNotAccepted()
        {
            // A wrap with RFC 3394's default IV (A6...) is not MIKEY's AES-KW-128: refused as an integrity failure.
            byte[] encrKey = MessageKey(MikeyKeyDerivation.MessageEncryptionKeyConstant, 16);
            byte[] chain = new byte[24];
            byte[] wrapped = ReferenceWrap(encrKey, [0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6], chain);
            Assert.Equal(KemacProtection.WrapIntegrityFailed, Keyed().Decrypt(CsbId, T, wrapped, 0, wrapped.Length, new byte[24], 0));
        }

        [Fact]
        public void LengthsKeyWrapCannotProduceAreRefused()
        {
            var p = Keyed();
            foreach (int n in new[] { 0, 8, 16, 23, 25, 31 })
            {
                Assert.Equal(KemacProtection.WrapLengthInvalid, p.Decrypt(CsbId, T, new byte[40], 0, n, new byte[64], 0));
            }

            Assert.False(p.Encrypt(CsbId, T, new byte[40], 0, 28)); // a 20-byte chain: not a multiple of 8
            Assert.Throws<InvalidOperationException>(() => p.Transform(CsbId, T, new byte[24], 0, 24));
        }

        private static (PskInitiator, PskResponder, TestClock) Pair(int mki, bool interval)
        {
            var clock = new TestClock { NtpNow = T };
            var entropy = new byte[32];
            new Random(mki * 2 + (interval ? 1 : 0)).NextBytes(entropy);
            var ini = new PskInitiator(new HostAesEngineFactory(), new HmacDrbg(entropy, new byte[16], null, 1 << 16), clock)
            {
                Encryption = EncryptionAlgorithm.AesKw128, RequestVerification = true, MkiLength = mki,
            };
            ini.SetPreSharedKey(Psk, 0, Psk.Length);
            if (interval) ini.SetKeyValidity(0, 0xFFFFFF);
            var r = new PskResponder(new HostAesEngineFactory(), clock, new ReplayCache(8, clock, new FreshnessPolicy()));
            r.SetPreSharedKey(Psk, 0, Psk.Length);
            return (ini, r, clock);
        }

        [Theory]
        [InlineData(0, false)]
        [InlineData(1, false)]
        [InlineData(3, false)]
        [InlineData(0, true)]
        public void PskExchangeWithAesKwAgreesAndCarriesMedia(int mki, bool interval)
        {
            var (ini, r, _) = Pair(mki, interval);
            ini.AddCryptoSession(0x11111111, 0, SrtpPolicy.AesCm128HmacSha1_80());
            ini.AddCryptoSession(0x22222222, 0, SrtpPolicy.AesCm256HmacSha1_80());
            byte[] offer = new byte[512], answer = new byte[512];
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(offer, 0, offer.Length));
            Assert.Equal(MikeyExchangeStatus.Ok, r.Respond(offer, 0, ini.OfferLength, answer, 0, answer.Length));
            Assert.Equal(MikeyExchangeStatus.Ok, ini.ReadAnswer(answer, 0, r.AnswerLength));
            for (int i = 0; i < 2; i++)
            {
                CryptoSession a = ini.Bundle.Get(i), b = r.Bundle.Get(i);
                Assert.Equal(Convert.ToHexString(a.GetMasterKey(0).Key), Convert.ToHexString(b.GetMasterKey(0).Key));
                Assert.Equal(mki, b.GetMasterKey(0).MkiLength);
                Assert.Equal(interval, b.GetMasterKey(0).HasInterval);
                PskModeTests.SrtpRoundTrip(a, b);
            }
        }

        [Fact]
        public void AWrapThatFailsItsIntegrityCheckIsAnAuthFailureEvenUnderAValidMac()
        {
            // A sender whose MAC is right but whose wrap is not (a changed wrapped byte, MAC recomputed with the message keys):
            // the unwrap's own check refuses it (ERR Auth failure), nothing changes and an error message is written.
            var (ini, r, _) = Pair(0, false);
            ini.AddCryptoSession(0x11111111, 0, SrtpPolicy.AesCm128HmacSha1_80());
            byte[] offer = new byte[512], answer = new byte[512];
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(offer, 0, offer.Length));
            int len = ini.OfferLength;
            offer[len - 22] ^= 0x80; // last byte of Encr data (then MAC alg, 20-byte MAC)
            uint csb = (uint)(offer[4] << 24 | offer[5] << 16 | offer[6] << 8 | offer[7]);
            int randAt = 10 + 9 + 10; // HDR with one SRTP-ID map entry, then T (NTP-UTC), then RAND
            Assert.Equal(11, offer[19]); // T's Next payload: RAND
            byte[] rand = offer.AsSpan(randAt + 2, offer[randAt + 1]).ToArray();
            var keys = new KemacProtection(new SoftwareAesFactory(), new MikeyKeyDerivation());
            Assert.True(keys.DeriveKeys(PrfFunction.Mikey1, Psk, 0, Psk.Length, csb, rand, 0, rand.Length, EncryptionAlgorithm.AesKw128, MacAlgorithm.HmacSha1160));
            keys.ComputeMac(offer, 0, len - 20, null, 0, 0, offer, len - 20);
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, r.Respond(offer, 0, len, answer, 0, answer.Length));
            Assert.Equal(ErrorCode.AuthFailure, r.ErrorCode);
            Assert.Equal(0, r.Bundle.Count);
            Assert.True(r.AnswerLength > 0);

            // Any single byte changed without a new MAC: the MAC check refuses it first.
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(offer, 0, offer.Length));
            offer[ini.OfferLength - 30] ^= 1;
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, r.Respond(offer, 0, ini.OfferLength, answer, 0, answer.Length));
            Assert.Equal(0, r.Bundle.Count);
        }
    }
}
