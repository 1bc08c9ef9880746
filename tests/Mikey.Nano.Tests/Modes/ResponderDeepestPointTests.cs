using System.Reflection;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Hal;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Time;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Tests.Modes
{
    /// <summary>
    /// Issue 10 §2 (heap): what a PSK responder holds while it decrypts the KEMAC, the exchange's deepest point on the
    /// interpreter. An engine that looks at the responder when it is asked for keystream finds no answer writer and no V MAC
    /// input yet (created with the answer), and, for a responder that releases its scratch, no policy views (dropped once
    /// the policies are loaded). The exchange still agrees with the initiator.
    /// </summary>
    public class ResponderDeepestPointTests
    {
        private const ulong T = 0xe6a9c0d800000000;
        private const BindingFlags Any = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        private static readonly byte[] Psk = TestData.Hex("404142434445464748494a4b4c4d4e4f50515253");
        private static readonly byte[] Alice = System.Text.Encoding.ASCII.GetBytes("sip:alice@example.com");
        private static readonly byte[] Bob = System.Text.Encoding.ASCII.GetBytes("sip:bob@example.com");

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

        private static object? Field(object o, string name)
        {
            for (Type? t = o.GetType(); t != null; t = t.BaseType)
            {
                FieldInfo? f = t.GetField(name, Any | BindingFlags.DeclaredOnly);
                if (f != null) return f.GetValue(o);
            }

            throw new MissingFieldException(o.GetType().Name, name);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void WhileTheKemacIsDecrypted_TheAnswerStateDoesNotExistYet(bool release)
        {
            var clock = new TestClock { NtpNow = T };
            var aes = new WatchingFactory();
            var r = new PskResponder(aes, clock, new ReplayCache(8, clock, new FreshnessPolicy()));
            r.SetPreSharedKey(Psk, 0, Psk.Length);
            r.SetIdentity(IdType.Uri, Bob, 0, Bob.Length);
            r.ReleaseExchangeScratch = release;

            var entropy = new byte[32];
            new Random(7).NextBytes(entropy);
            var ini = new PskInitiator(new SoftwareAesFactory(), new NanoMikey.Crypto.Random.HmacDrbg(entropy, new byte[16], null, 1 << 16), clock);
            ini.SetPreSharedKey(Psk, 0, Psk.Length);
            ini.SetIdentities(IdType.Uri, Alice, Alice.Length, Bob, Bob.Length);
            ini.RequestVerification = true;
            ini.AddCryptoSession(0x11111111, 0, SrtpPolicy.AesCm128HmacSha1_80());
            byte[] offer = new byte[512], answer = new byte[512];
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(offer, 0, offer.Length));

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
            Assert.Equal(MikeyExchangeStatus.Ok, r.Respond(offer, 0, ini.OfferLength, answer, 0, answer.Length));
            Assert.True(looks > 0); // the KEMAC was decrypted through the engine
            Assert.Equal(MikeyExchangeStatus.Ok, ini.ReadAnswer(answer, 0, r.AnswerLength)); // V MAC checks out: same keys
            Assert.Equal(ini.Bundle.Get(0).GetMasterKey(0).Key, r.Bundle.Get(0).GetMasterKey(0).Key);
        }
    }
}
