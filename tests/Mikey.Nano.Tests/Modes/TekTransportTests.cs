using System.Reflection;
using NanoMikey.Crypto.Random;
using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Tests.Modes
{
    /// <summary>
    /// <see cref="PskInitiator.KeyTransport"/> = TEK: the GStreamer / ONVIF shape (HDR, T, RAND, SP, KEMAC with one TEK =
    /// master key ‖ master salt, NULL/NULL), and the same TEK transport under a PSK for our device to our device.
    /// </summary>
    public class TekTransportTests
    {
        private const ulong T = 0xe6a9c0d800000000;
        private static readonly byte[] Psk = TestData.Hex("404142434445464748494a4b4c4d4e4f50515253");

        public static IEnumerable<object[]> Policies() => new[]
        {
            new object[] { "AES_CM_128_HMAC_SHA1_80", 30 },
            new object[] { "AES_CM_128_HMAC_SHA1_32", 30 },
            new object[] { "AES_256_CM_HMAC_SHA1_80", 46 },
            new object[] { "AEAD_AES_128_GCM", 28 },
            new object[] { "AEAD_AES_256_GCM", 44 },
        };

        internal static SrtpPolicy Policy(string name) => name switch
        {
            "AES_CM_128_HMAC_SHA1_80" => SrtpPolicy.AesCm128HmacSha1_80(),
            "AES_CM_128_HMAC_SHA1_32" => SrtpPolicy.AesCm128HmacSha1_32(),
            "AES_256_CM_HMAC_SHA1_80" => SrtpPolicy.AesCm256HmacSha1_80(),
            "AES_256_CM_HMAC_SHA1_32" => SrtpPolicy.AesCm256HmacSha1_32(),
            "AEAD_AES_128_GCM" => SrtpPolicy.AeadAes128Gcm(),
            "AEAD_AES_256_GCM" => SrtpPolicy.AeadAes256Gcm(),
            _ => throw new ArgumentException(name),
        };

        internal static HmacDrbg Drbg(int seed)
        {
            var entropy = new byte[32];
            new Random(seed).NextBytes(entropy);
            return new HmacDrbg(entropy, new byte[16], null, 1 << 16);
        }

        /// <summary>A NULL-mode TEK initiator: what an RTSP server or client on the device uses towards GStreamer.</summary>
        internal static PskInitiator NullTekInitiator(IMikeyClock clock, int seed = 1)
        {
            return new PskInitiator(new HostAesEngineFactory(), Drbg(seed), clock) { UseNullMode = true, KeyTransport = KeyDataType.Tek };
        }

        private static PskResponder Responder(TestClock clock, bool nullMode)
        {
            var r = new PskResponder(new HostAesEngineFactory(), clock, new ReplayCache(16, clock, new FreshnessPolicy()))
            {
                AcceptNullMode = nullMode,
                Quirks = MikeyQuirks.GStreamerTagLengthInAuthKeyLength | MikeyQuirks.GStreamerAesGcmDefaults,
            };
            if (!nullMode) r.SetPreSharedKey(Psk, 0, Psk.Length);
            return r;
        }

        private static string Hex(byte[] b, int offset, int n) => Convert.ToHexString(b, offset, n).ToLowerInvariant();

        private static string KeyAndSalt(CryptoSession cs, int slot = 0)
        {
            SrtpMasterKeyEntry k = cs.GetMasterKey(slot);
            return Hex(k.Key, 0, k.KeyLength) + Hex(k.Salt, 0, k.SaltLength);
        }

        [Theory]
        [MemberData(nameof(Policies))]
        public void NullTekOfferIsExactlyHdrTRandSpKemacWithOneTekHoldingTheBundleKeys(string policy, int tekLength)
        {
            var clock = new TestClock { NtpNow = T };
            PskInitiator ini = NullTekInitiator(clock);
            ini.AddCryptoSession(0x30685760, 0, Policy(policy));
            byte[] msg = new byte[256];
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(msg, 0, msg.Length));
            Assert.True(ini.IsComplete);

            var reader = new MikeyReader();
            Assert.Equal(MikeyStatus.Ok, reader.Reset(msg, 0, ini.OfferLength));
            Assert.Equal(DataType.PreShared, reader.Header.DataType);
            Assert.False(reader.Header.V);
            var types = new List<PayloadType>();
            string? tek = null;
            MikeyStatus s;
            while ((s = reader.Read()) == MikeyStatus.Ok)
            {
                types.Add(reader.PayloadType);
                if (reader.PayloadType == PayloadType.Kemac)
                {
                    KemacPayload kemac = reader.Kemac;
                    Assert.Equal(EncryptionAlgorithm.Null, kemac.EncryptionAlgorithm);
                    Assert.Equal(MacAlgorithm.Null, kemac.MacAlgorithm);
                    // The Encr data is one Key data sub-payload: next 0, type TEK (2) with KV NULL, length, key ‖ salt.
                    Assert.Equal(4 + tekLength, kemac.EncrDataLength);
                    int p = kemac.EncrDataOffset;
                    Assert.Equal(0, msg[p]);
                    Assert.Equal(0x20, msg[p + 1]);
                    Assert.Equal(tekLength, (msg[p + 2] << 8) | msg[p + 3]);
                    tek = Hex(msg, p + 4, tekLength);
                }
            }

            Assert.Equal(MikeyStatus.End, s);
            Assert.Equal(new[] { PayloadType.Timestamp, PayloadType.Rand, PayloadType.SecurityPolicy, PayloadType.Kemac }, types);
            Assert.Equal(KeyAndSalt(ini.Bundle.Get(0)), tek);
            Assert.Equal(0, ini.Bundle.TgkLength);
            Assert.Equal(1, ini.Bundle.Get(0).MasterKeyCount);
            Assert.Equal(0, ini.Bundle.Get(0).GetMasterKey(0).MkiLength);
        }

        [Theory]
        [MemberData(nameof(Policies))]
        public void OurNullModeResponderGetsTheKeysSentAndMediaFlows(string policy, int tekLength)
        {
            var clock = new TestClock { NtpNow = T };
            PskInitiator ini = NullTekInitiator(clock);
            ini.AddCryptoSession(0x11223344, 5, Policy(policy));
            byte[] msg = new byte[256], answer = new byte[256];
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(msg, 0, msg.Length));
            PskResponder r = Responder(clock, nullMode: true);
            Assert.Equal(MikeyExchangeStatus.Ok, r.Respond(msg, 0, ini.OfferLength, answer, 0, answer.Length));
            CryptoSession a = ini.Bundle.Get(0), b = r.Bundle.Get(0);
            Assert.Equal(tekLength * 2, KeyAndSalt(b).Length);
            Assert.Equal(KeyAndSalt(a), KeyAndSalt(b));
            Assert.Equal(0x11223344u, b.Ssrc);
            Assert.Equal(5u, b.Roc);
            PskModeTests.SrtpRoundTrip(a, b);
        }

        [Fact]
        public void EveryOfferDrawsAFreshTekUnlessOneIsSet()
        {
            var clock = new TestClock { NtpNow = T };
            PskInitiator ini = NullTekInitiator(clock);
            ini.AddCryptoSession(1, 0, SrtpPolicy.AesCm128HmacSha1_80());
            byte[] msg = new byte[256];
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(msg, 0, msg.Length));
            string first = KeyAndSalt(ini.Bundle.Get(0));
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(msg, 0, msg.Length));
            string second = KeyAndSalt(ini.Bundle.Get(0));
            Assert.NotEqual(first, second);

            // An RTSP client's SETUP repeats the key its ANNOUNCE sent.
            byte[] tek = TestData.Hex(second);
            ini.SetTek(tek, 0, tek.Length);
            clock.NtpNow += 1UL << 32;
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(msg, 0, msg.Length));
            Assert.Equal(second, KeyAndSalt(ini.Bundle.Get(0)));
            Assert.Contains(second, Hex(msg, 0, ini.OfferLength));

            // A TEK of the wrong length for the policy is refused, nothing written.
            ini.SetTek(tek, 0, 16);
            Assert.Equal(MikeyExchangeStatus.InvalidState, ini.WriteOffer(msg, 0, msg.Length));
            Assert.Equal(0, ini.OfferLength);
            ini.ClearTek();
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(msg, 0, msg.Length));
            Assert.NotEqual(second, KeyAndSalt(ini.Bundle.Get(0)));
        }

        [Fact]
        public void TwoCryptoSessionsShareTheOneTekSent()
        {
            // Like GStreamer's RECORD SETUP message listing two SSRCs with one key.
            var clock = new TestClock { NtpNow = T };
            PskInitiator ini = NullTekInitiator(clock);
            SrtpPolicy p = SrtpPolicy.AesCm128HmacSha1_80();
            ini.AddCryptoSession(0xAAAA0001, 0, p);
            ini.AddCryptoSession(0xAAAA0002, 0, p);
            byte[] msg = new byte[256], answer = new byte[256];
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(msg, 0, msg.Length));
            Assert.Equal(KeyAndSalt(ini.Bundle.Get(0)), KeyAndSalt(ini.Bundle.Get(1)));
            PskResponder r = Responder(clock, nullMode: true);
            Assert.Equal(MikeyExchangeStatus.Ok, r.Respond(msg, 0, ini.OfferLength, answer, 0, answer.Length));
            Assert.Equal(2, r.Bundle.Count);
            for (int i = 0; i < 2; i++)
            {
                Assert.Equal(KeyAndSalt(ini.Bundle.Get(i)), KeyAndSalt(r.Bundle.Get(i)));
                Assert.Equal(1, r.Bundle.Get(i).MasterKeyCount);
                PskModeTests.SrtpRoundTrip(ini.Bundle.Get(i), r.Bundle.Get(i));
            }
        }

        [Fact]
        public void ShapesGStreamerCannotParseAreRefused()
        {
            var clock = new TestClock { NtpNow = T };
            byte[] msg = new byte[256];
            byte[] id = System.Text.Encoding.ASCII.GetBytes("sip:alice@example.com");

            // An ID payload makes GStreamer's parser spin (peers.md): a TEK offer never writes one.
            PskInitiator ini = NullTekInitiator(clock);
            ini.AddCryptoSession(1, 0, SrtpPolicy.AesCm128HmacSha1_80());
            ini.SetIdentities(IdType.Uri, id, id.Length, null, 0);
            Assert.Equal(MikeyExchangeStatus.InvalidState, ini.WriteOffer(msg, 0, msg.Length));
            Assert.Equal(0, ini.OfferLength);
            ini.SetIdentities(IdType.Uri, null, 0, null, 0);
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(msg, 0, msg.Length));

            // One TEK cannot serve sessions of different key lengths.
            PskInitiator mixed = NullTekInitiator(clock);
            mixed.AddCryptoSession(1, 0, SrtpPolicy.AesCm128HmacSha1_80());
            mixed.AddCryptoSession(2, 0, SrtpPolicy.AesCm256HmacSha1_80());
            Assert.Equal(MikeyExchangeStatus.InvalidState, mixed.WriteOffer(msg, 0, msg.Length));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void PskProtectsTheSameTekTransportBetweenOurDevices(bool verify)
        {
            var clock = new TestClock { NtpNow = T };
            var ini = new PskInitiator(new HostAesEngineFactory(), Drbg(3), clock) { KeyTransport = KeyDataType.Tek, RequestVerification = verify };
            ini.SetPreSharedKey(Psk, 0, Psk.Length);
            ini.AddCryptoSession(0x01020304, 0, SrtpPolicy.AesCm128HmacSha1_80());
            byte[] msg = new byte[256], answer = new byte[256];
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(msg, 0, msg.Length));
            string keys = KeyAndSalt(ini.Bundle.Get(0));
            Assert.DoesNotContain(keys, Hex(msg, 0, ini.OfferLength)); // encrypted

            // NULL mode does not accept it; a wrong PSK fails authentication; the right one gets the keys.
            Assert.Equal(MikeyExchangeStatus.UnknownPeer, Responder(clock, nullMode: true).Respond(msg, 0, ini.OfferLength, answer, 0, answer.Length));
            var wrong = Responder(clock, nullMode: false);
            byte[] otherPsk = (byte[])Psk.Clone();
            otherPsk[0] ^= 1;
            wrong.SetPreSharedKey(otherPsk, 0, otherPsk.Length);
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, wrong.Respond(msg, 0, ini.OfferLength, answer, 0, answer.Length));

            PskResponder r = Responder(clock, nullMode: false);
            Assert.Equal(MikeyExchangeStatus.Ok, r.Respond(msg, 0, ini.OfferLength, answer, 0, answer.Length));
            if (verify) Assert.Equal(MikeyExchangeStatus.Ok, ini.ReadAnswer(answer, 0, r.AnswerLength));
            Assert.True(ini.IsComplete);
            Assert.Equal(keys, KeyAndSalt(r.Bundle.Get(0)));
            PskModeTests.SrtpRoundTrip(ini.Bundle.Get(0), r.Bundle.Get(0));
        }

        [Fact]
        public void TekWithMkiIsTheOnvifShapeAndCarriesTheMki()
        {
            var clock = new TestClock { NtpNow = T };
            PskInitiator ini = NullTekInitiator(clock);
            ini.MkiLength = 4;
            ini.AddCryptoSession(7, 0, SrtpPolicy.AesCm128HmacSha1_80());
            byte[] msg = new byte[256], answer = new byte[256];
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(msg, 0, msg.Length));
            PskResponder r = Responder(clock, nullMode: true);
            Assert.Equal(MikeyExchangeStatus.Ok, r.Respond(msg, 0, ini.OfferLength, answer, 0, answer.Length));
            Assert.Equal(KeyAndSalt(ini.Bundle.Get(0)), KeyAndSalt(r.Bundle.Get(0)));
            Assert.Equal(4, r.Bundle.Get(0).GetMasterKey(0).MkiLength);
            PskModeTests.SrtpRoundTrip(ini.Bundle.Get(0), r.Bundle.Get(0));
        }

        [Fact]
        public void TekKeyMaterialIsWipedAfterTheOfferAndOnReset()
        {
            var clock = new TestClock { NtpNow = T };
            PskInitiator ini = NullTekInitiator(clock);
            ini.AddCryptoSession(1, 0, SrtpPolicy.AesCm256HmacSha1_80());
            byte[] tek = new byte[46];
            new Random(5).NextBytes(tek);
            ini.SetTek(tek, 0, tek.Length);
            byte[] msg = new byte[256];
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(msg, 0, msg.Length));
            Assert.All(Field(ini, "_tgk"), b => Assert.Equal(0, b));
            Assert.All(Field(ini, "_fresh"), b => Assert.Equal(0, b));
            Assert.Contains(Field(ini, "_fixedTek"), b => b != 0);
            ini.Reset();
            Assert.All(Field(ini, "_fixedTek"), b => Assert.Equal(0, b));
            Assert.Equal(0, ini.Bundle.Count);
        }

        [Fact]
        public void NullTekOffersAllocateNothingAfterTheFirst()
        {
            var clock = new TestClock { NtpNow = T };
            PskInitiator ini = NullTekInitiator(clock);
            ini.AddCryptoSession(0x01020304, 0, SrtpPolicy.AesCm128HmacSha1_80());
            byte[] msg = new byte[256];
            for (int round = 0; round < 3; round++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                MikeyExchangeStatus s = ini.WriteOffer(msg, 0, msg.Length);
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                Assert.Equal(MikeyExchangeStatus.Ok, s);
                if (round > 0) Assert.Equal(0, allocated);
                clock.NtpNow += 1UL << 32;
            }
        }

        private static byte[] Field(PskInitiator ini, string name)
        {
            return (byte[])typeof(PskInitiator).GetField(name, BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(ini)!;
        }
    }
}
