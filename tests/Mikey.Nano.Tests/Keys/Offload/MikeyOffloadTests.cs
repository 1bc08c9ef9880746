using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Tests.Modes;
using NanoMikey.Mikey.Time;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Tests.Keys.Offload
{
    /// <summary>
    /// With an engine selected (issue 15), the MIKEY PRF and the KEMAC / V MAC go to it and a PSK exchange gives the managed
    /// bytes (messages, keys); an engine that declines leaves everything to the managed code with the same results.
    /// </summary>
    [Collection("Mikey offload")]
    public class MikeyOffloadTests
    {
        private const ulong T = 0xe6a9c0d800000000;
        private static readonly byte[] Psk = TestData.Hex("404142434445464748494a4b4c4d4e4f50515253");
        private static readonly byte[] Alice = "sip:alice@example.com"u8.ToArray();
        private static readonly byte[] Bob = "sip:bob@example.com"u8.ToArray();

        private static T With<T>(IMikeyOffload? engine, Func<T> run)
        {
            MikeyOffload.Engine = engine;
            try
            {
                return run();
            }
            finally
            {
                MikeyOffload.Engine = null;
            }
        }

        [Theory]
        [InlineData(PrfFunction.Mikey1)]
        [InlineData(PrfFunction.PrfHmacSha256)]
        public void PrfGivesTheManagedBytes(PrfFunction function)
        {
            var rnd = new Random((int)function + 5);
            foreach (int inkeyLength in new[] { 1, 16, 20, 32, 33, 64, 70 })
            {
                byte[] inkey = new byte[inkeyLength + 3], label = new byte[9 + 16 + 2];
                rnd.NextBytes(inkey);
                rnd.NextBytes(label);
                foreach (int outLength in new[] { 1, 16, 20, 30, 32, 46, 70 })
                {
                    byte[] managed = Enumerable.Repeat((byte)0x5A, outLength + 4).ToArray();
                    byte[] offloaded = (byte[])managed.Clone();
                    new MikeyPrf().Derive(function, inkey, 3, inkeyLength, label, 2, label.Length - 2, managed, 2, outLength);
                    var engine = new DotNetMikeyOffload();
                    With(engine, () =>
                    {
                        new MikeyPrf().Derive(function, inkey, 3, inkeyLength, label, 2, label.Length - 2, offloaded, 2, outLength);
                        return 0;
                    });
                    Assert.Equal(managed, offloaded);
                    Assert.Equal(1, engine.Derivations);
                }
            }
        }

        private sealed class PskRun
        {
            public byte[] Offer = new byte[512], Answer = new byte[512];
            public int OfferLength, AnswerLength;
            public string Keys = "";
        }

        private static PskRun Psk1(MacAlgorithm mac, PrfFunction prf)
        {
            var clock = new TestClock { NtpNow = T };
            var i = new PskInitiator(new HostAesEngineFactory(), PskModeTests.Drbg(3), clock);
            i.SetPreSharedKey(Psk, 0, Psk.Length);
            i.SetIdentities(IdType.Uri, Alice, Alice.Length, Bob, Bob.Length);
            i.RequestVerification = true;
            i.Mac = mac;
            i.Prf = prf;
            i.AddCryptoSession(0x11111111, 0, SrtpPolicy.AesCm128HmacSha1_80());
            i.AddCryptoSession(0x22222222, 7, SrtpPolicy.AesCm256HmacSha1_80());
            var r = new PskResponder(new HostAesEngineFactory(), clock, new ReplayCache(16, clock, new FreshnessPolicy()));
            r.SetPreSharedKey(Psk, 0, Psk.Length);
            var x = new PskRun();
            Assert.Equal(MikeyExchangeStatus.Ok, i.WriteOffer(x.Offer, 0, x.Offer.Length));
            x.OfferLength = i.OfferLength;
            Assert.Equal(MikeyExchangeStatus.Ok, r.Respond(x.Offer, 0, x.OfferLength, x.Answer, 0, x.Answer.Length));
            x.AnswerLength = r.AnswerLength;
            Assert.Equal(MikeyExchangeStatus.Ok, i.ReadAnswer(x.Answer, 0, x.AnswerLength));
            for (int n = 0; n < 2; n++)
            {
                SrtpMasterKeyEntry a = i.Bundle.Get(n).GetMasterKey(0), b = r.Bundle.Get(n).GetMasterKey(0);
                Assert.Equal(Convert.ToHexString(a.Key, 0, a.KeyLength), Convert.ToHexString(b.Key, 0, b.KeyLength));
                x.Keys += Convert.ToHexString(a.Key, 0, a.KeyLength) + Convert.ToHexString(a.Salt, 0, a.SaltLength) + "/";
            }

            return x;
        }

        [Theory]
        [InlineData(MacAlgorithm.HmacSha1160, PrfFunction.Mikey1)]
        [InlineData(MacAlgorithm.HmacSha256256, PrfFunction.PrfHmacSha256)]
        public void PskExchangeGivesTheManagedMessagesAndKeys(MacAlgorithm mac, PrfFunction prf)
        {
            PskRun managed = Psk1(mac, prf);
            var engine = new DotNetMikeyOffload();
            PskRun offloaded = With(engine, () => Psk1(mac, prf));
            Assert.Equal(managed.Offer.AsSpan(0, managed.OfferLength).ToArray(), offloaded.Offer.AsSpan(0, offloaded.OfferLength).ToArray());
            Assert.Equal(managed.Answer.AsSpan(0, managed.AnswerLength).ToArray(), offloaded.Answer.AsSpan(0, offloaded.AnswerLength).ToArray());
            Assert.Equal(managed.Keys, offloaded.Keys);
            // encr_key, salt_key, auth_key on each side (§4.1.4) and a TEK per crypto session (§4.1.3): every PRF went to the
            // engine; the KEMAC MAC (written, checked) and the V MAC (written, checked) too.
            Assert.True(engine.Derivations >= 6 + 4, "PRF calls: " + engine.Derivations);
            Assert.Equal(4, engine.Macs);

            var declining = new DotNetMikeyOffload { Declining = true };
            PskRun fallback = With(declining, () => Psk1(mac, prf));
            Assert.Equal(managed.Keys, fallback.Keys);
            Assert.Equal(managed.Answer.AsSpan(0, managed.AnswerLength).ToArray(), fallback.Answer.AsSpan(0, fallback.AnswerLength).ToArray());
            Assert.Equal(engine.Derivations, declining.Derivations);
        }
    }
}
