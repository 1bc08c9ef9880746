using NanoMikey.Crypto.Random;
using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Time;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Tests.Modes
{
    /// <summary>A DRBG from explicit entropy past its reseed interval: a status from the modes, never an exception.</summary>
    public class ReseedTests
    {
        private static readonly byte[] Psk = TestData.Hex("404142434445464748494a4b4c4d4e4f50515253");

        [Fact]
        public void CanGenerateCountsWhatIsLeftOfTheInterval()
        {
            var drbg = new HmacDrbg(new byte[32], new byte[16], null, 3);
            byte[] b = new byte[8];
            Assert.True(drbg.CanGenerate(3));
            Assert.False(drbg.CanGenerate(4));
            drbg.Generate(b, 0, 8);
            drbg.Generate(b, 0, 8);
            Assert.True(drbg.CanGenerate(1));
            Assert.False(drbg.CanGenerate(2));
            drbg.Generate(b, 0, 8);
            Assert.False(drbg.CanGenerate(1));
            Assert.Throws<InvalidOperationException>(() => drbg.Generate(b, 0, 8)); // direct callers still get the exception
            drbg.Reseed(new byte[32], 0, 32, null, 0, 0);
            Assert.True(drbg.CanGenerate(3));
            drbg.PredictionResistance = true; // needs a source on every call
            Assert.False(drbg.CanGenerate(1));
            drbg.PredictionResistance = false;
            drbg.Clear();
            Assert.False(drbg.CanGenerate(1));
        }

        [Fact]
        public void PskOfferPastTheReseedIntervalIsAStatusAndChangesNothing()
        {
            var clock = new TestClock { NtpNow = 0xe6a9c0d800000000 };
            var drbg = new HmacDrbg(new byte[32], new byte[16], null, 2);
            var ini = new PskInitiator(new HostAesEngineFactory(), drbg, clock);
            ini.SetPreSharedKey(Psk, 0, Psk.Length);
            ini.AddCryptoSession(0x11111111, 0, SrtpPolicy.AesCm128HmacSha1_80());
            byte[] offer = new byte[512];
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(offer, 0, offer.Length));
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(offer, 0, offer.Length));
            int lastLength = ini.OfferLength;
            string key = Convert.ToHexString(ini.Bundle.Get(0).GetMasterKey(0).Key);
            byte[] before = (byte[])offer.Clone();

            Assert.Equal(MikeyExchangeStatus.ReseedRequired, ini.WriteOffer(offer, 0, offer.Length));
            Assert.Equal(before, offer);
            Assert.Equal(0, ini.OfferLength);
            Assert.Equal(key, Convert.ToHexString(ini.Bundle.Get(0).GetMasterKey(0).Key));

            // Fresh entropy, and the offer goes out; it is accepted by a responder.
            drbg.Reseed(TestData.Hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"), 0, 32, null, 0, 0);
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(offer, 0, offer.Length));
            var r = new PskResponder(new HostAesEngineFactory(), clock, new ReplayCache(4, clock, new FreshnessPolicy()));
            r.SetPreSharedKey(Psk, 0, Psk.Length);
            byte[] answer = new byte[256];
            Assert.Equal(MikeyExchangeStatus.Ok, r.Respond(offer, 0, ini.OfferLength, answer, 0, answer.Length));
            Assert.True(lastLength > 0);
        }
    }
}
