using System.Reflection;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Hal;
using NanoMikey.Crypto.Random;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Tests.Modes
{
    /// <summary>
    /// Issue 10 §2 (heap): PskResponder.ReleaseExchangeScratch drops what only an exchange needs once it ends (reader, writer,
    /// layout, KEMAC engines, HMAC, key data buffer, staging bundle) and the next exchange, a fresh offer or a CSB update,
    /// creates it again and agrees with the initiator as before. Off by default. Also what a responder holds at the
    /// exchange's deepest point (the KEMAC decryption).
    /// </summary>
    public class ResponderScratchReleaseTests
    {
        private const ulong T = 0xe6a9c0d800000000;
        private const BindingFlags Any = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        private static readonly byte[] Psk = TestData.Hex("404142434445464748494a4b4c4d4e4f50515253");
        private static readonly byte[] Alice = System.Text.Encoding.ASCII.GetBytes("sip:alice@example.com");
        private static readonly byte[] Bob = System.Text.Encoding.ASCII.GetBytes("sip:bob@example.com");

        private static PskResponder Responder(TestClock clock, bool release, IAesEngineFactory? aes = null)
        {
            var r = new PskResponder(aes ?? new SoftwareAesFactory(), clock, new ReplayCache(8, clock, new FreshnessPolicy()));
            r.SetPreSharedKey(Psk, 0, Psk.Length);
            r.SetIdentity(IdType.Uri, Bob, 0, Bob.Length);
            r.ReleaseExchangeScratch = release;
            return r;
        }

        private static PskInitiator Initiator(TestClock clock, int seed)
        {
            var entropy = new byte[32];
            new Random(seed).NextBytes(entropy);
            var i = new PskInitiator(new SoftwareAesFactory(), new HmacDrbg(entropy, new byte[16], null, 1 << 16), clock);
            i.SetPreSharedKey(Psk, 0, Psk.Length);
            i.SetIdentities(IdType.Uri, Alice, Alice.Length, Bob, Bob.Length);
            i.RequestVerification = true;
            i.MkiLength = 1;
            i.AddCryptoSession(0x11111111, 0, SrtpPolicy.AesCm128HmacSha1_80());
            return i;
        }

        private static object? Field(object o, string name) => FieldOf(o.GetType(), name).GetValue(o);

        private static FieldInfo FieldOf(Type t, string name)
        {
            for (Type? x = t; x != null; x = x.BaseType)
            {
                FieldInfo? f = x.GetField(name, Any | BindingFlags.DeclaredOnly);
                if (f != null) return f;
            }

            throw new MissingFieldException(t.Name, name);
        }

        private static void Exchange(PskInitiator ini, PskResponder r, bool update)
        {
            byte[] offer = new byte[512], answer = new byte[512];
            Assert.Equal(MikeyExchangeStatus.Ok, update ? ini.WriteUpdate(offer, 0, offer.Length) : ini.WriteOffer(offer, 0, offer.Length));
            Assert.Equal(MikeyExchangeStatus.Ok, r.Respond(offer, 0, ini.OfferLength, answer, 0, answer.Length));
            Assert.Equal(MikeyExchangeStatus.Ok, ini.ReadAnswer(answer, 0, r.AnswerLength)); // the V MAC checks out
            CryptoSession a = ini.Bundle.Get(0), b = r.Bundle.Get(0);
            Assert.Equal(a.MasterKeyCount, b.MasterKeyCount);
            for (int k = 0; k < a.MasterKeyCount; k++)
            {
                Assert.Equal(a.GetMasterKey(k).Key.AsSpan(0, 16).ToArray(), b.GetMasterKey(k).Key.AsSpan(0, 16).ToArray());
                Assert.Equal(a.GetMasterKey(k).Salt, b.GetMasterKey(k).Salt);
            }
        }

        private static void AssertReleased(PskResponder r)
        {
            Assert.Null(Field(r, "Reader"));
            Assert.Null(Field(r, "_writer"));
            Assert.Null(Field(r, "Layout"));
            Assert.Empty((byte[])Field(r, "_plain")!);
            object protection = Field(r, "_protection")!;
            Assert.Null(Field(protection, "_aes128"));
            Assert.Null(Field(protection, "_cm"));
            Assert.Equal(new byte[32], (byte[])Field(protection, "_authKey")!); // wiped
            object prf = Field(Field(r, "Kd")!, "_prf")!;
            Assert.Null(Field(prf, "_sha1"));
            object loader = Field(r, "Loader")!;
            Assert.Null(Field(loader, "_chain"));
            Assert.Null(Field(loader, "_sp"));
            Assert.Null(Field(r, "Staging")); // no bundle held (old keys wiped with it); the next exchange creates one
        }

        [Fact]
        public void ReleasedScratchIsDroppedAfterEachExchangeAndRebuiltByTheNext()
        {
            var clock = new TestClock { NtpNow = T };
            PskResponder r = Responder(clock, release: true);
            PskInitiator ini = Initiator(clock, 1);
            Exchange(ini, r, update: false);
            AssertReleased(r);

            // A CSB update (RFC 3830 §4.5) on the released responder: the keys carried over, the update's keys added.
            clock.NtpNow += 5UL << 32;
            Exchange(ini, r, update: true);
            Assert.Equal(2, r.Bundle.Get(0).MasterKeyCount);
            AssertReleased(r);

            // A new exchange from another initiator (fresh RAND and CSB ID).
            clock.NtpNow += 5UL << 32;
            Exchange(Initiator(clock, 2), r, update: false);
            AssertReleased(r);
        }

        [Fact]
        public void AFailedExchangeReleasesToo()
        {
            var clock = new TestClock { NtpNow = T };
            PskResponder r = Responder(clock, release: true);
            PskInitiator ini = Initiator(clock, 3);
            byte[] offer = new byte[512], answer = new byte[512];
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(offer, 0, offer.Length));
            offer[ini.OfferLength - 1] ^= 1; // MAC broken
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, r.Respond(offer, 0, ini.OfferLength, answer, 0, answer.Length));
            AssertReleased(r);
            offer[ini.OfferLength - 1] ^= 1;
            Assert.Equal(MikeyExchangeStatus.Ok, r.Respond(offer, 0, ini.OfferLength, answer, 0, answer.Length));
        }

        [Fact]
        public void ByDefaultTheScratchStays()
        {
            var clock = new TestClock { NtpNow = T };
            PskResponder r = Responder(clock, release: false);
            Exchange(Initiator(clock, 4), r, update: false);
            Assert.NotNull(Field(r, "Reader"));
            Assert.NotNull(Field(Field(r, "_protection")!, "_aes128"));
            Assert.NotNull(Field(Field(Field(r, "Kd")!, "_prf")!, "_sha1"));
        }

        // Software AES that runs a check before each keystream request.
        private sealed class WatchingFactory : IAesEngineFactory
        {
            public Action? OnEncrypt;

            public IAesEngine? Create(int keyLength) => new Engine(this);

            private sealed class Engine : IAesEngine
            {
                private readonly WatchingFactory _owner;
                private readonly SoftwareAes _aes = new SoftwareAes();

                public Engine(WatchingFactory owner) => _owner = owner;

                public bool SupportsKeyLength(int keyLength) => _aes.SupportsKeyLength(keyLength);

                public void SetKey(byte[] key, int offset, int length) => _aes.SetKey(key, offset, length);

                public void EncryptBlocks(byte[] input, int inputOffset, byte[] output, int outputOffset, int length)
                {
                    _owner.OnEncrypt?.Invoke();
                    _aes.EncryptBlocks(input, inputOffset, output, outputOffset, length);
                }

                public void DecryptBlocks(byte[] input, int inputOffset, byte[] output, int outputOffset, int length) =>
                    _aes.DecryptBlocks(input, inputOffset, output, outputOffset, length);

                public void ClearKey() => _aes.ClearKey();
            }
        }

        // The exchange's deepest point on the interpreter is the KEMAC decryption: an engine that looks at the responder when
        // asked for keystream finds no answer writer and no V MAC input yet (created with the answer) and, for a responder
        // that releases its scratch, no policy views (dropped once the policies are loaded).
        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void WhileTheKemacIsDecrypted_TheAnswerStateDoesNotExistYet(bool release)
        {
            var clock = new TestClock { NtpNow = T };
            var aes = new WatchingFactory();
            PskResponder r = Responder(clock, release, aes);
            int looks = 0;
            aes.OnEncrypt = () =>
            {
                looks++;
                Assert.Null(Field(r, "_writer"));
                Assert.Null(Field(r, "_vInput"));
                if (release)
                {
                    object loader = Field(r, "Loader")!;
                    Assert.Null(Field(loader, "_sp"));
                    Assert.Null(Field(loader, "_mapping"));
                }
            };
            Exchange(Initiator(clock, 7), r, update: false);
            Assert.True(looks > 0); // the KEMAC was decrypted through the engine
        }
    }
}
