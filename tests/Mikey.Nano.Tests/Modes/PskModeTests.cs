using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Random;
using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Srtp;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Tests.Modes
{
    /// <summary>PSK and NULL modes (RFC 3830 §3.1, §4.2.3) end to end, against the worked exchange of tests/vectors/mikey/samples.md §8.2.</summary>
    public class PskModeTests
    {
        private const ulong T = 0xe6a9c0d800000000; // samples.md §8.2
        private static readonly byte[] Psk = TestData.Hex("404142434445464748494a4b4c4d4e4f50515253");
        private static readonly byte[] Bob = System.Text.Encoding.ASCII.GetBytes("sip:bob@example.com");
        private static readonly byte[] Alice = System.Text.Encoding.ASCII.GetBytes("sip:alice@example.com");

        // samples.md §8.2 I_MESSAGE (179 bytes) and R_MESSAGE (74 bytes).
        private const string SampleIMessage =
            "01000580123456780100" + "00deadbeef00000000" + "0b00e6a9c0d800000000" + "0610a0a1a2a3a4a5a6a7a8a9aaabacadaeaf" +
            "06010015" + "7369703a616c696365406578616d706c652e636f6d" + "0a010013" + "7369703a626f62406578616d706c652e636f6d" +
            "0100000012000101010110020101030114" + "04010e0b010a" +
            "00010024f97b9aada72aef75f224bfa66becb38ca42278a4ca046853bfee3ec8c203df081edcad5b01" + "99eb2bcbde1efd0b107f3c2c9ba753c22f209522";
        private const string SampleRMessage =
            "01010500123456780100" + "00deadbeef00000000" + "0600e6a9c0d800000000" + "09010013" + "7369703a626f62406578616d706c652e636f6d" +
            "0001d71205f12cc68182f2e894f7f6d01932a70f086c";

        internal static HmacDrbg Drbg(int seed)
        {
            var entropy = new byte[32];
            new Random(seed).NextBytes(entropy);
            return new HmacDrbg(entropy, new byte[16], null, 1 << 16);
        }

        private static PskResponder Responder(TestClock clock, int cacheSize = 16, bool softwareAes = false)
        {
            NanoMikey.Crypto.Hal.IAesEngineFactory aes = softwareAes ? new SoftwareAesFactory() : new HostAesEngineFactory();
            var r = new PskResponder(aes, clock, new ReplayCache(cacheSize, clock, new FreshnessPolicy()));
            r.SetPreSharedKey(Psk, 0, Psk.Length);
            return r;
        }

        private static PskInitiator Initiator(TestClock clock, bool verify, int seed = 1, bool softwareAes = false)
        {
            NanoMikey.Crypto.Hal.IAesEngineFactory aes = softwareAes ? new SoftwareAesFactory() : new HostAesEngineFactory();
            var i = new PskInitiator(aes, Drbg(seed), clock);
            i.SetPreSharedKey(Psk, 0, Psk.Length);
            i.SetIdentities(IdType.Uri, Alice, Alice.Length, Bob, Bob.Length);
            i.RequestVerification = verify;
            return i;
        }

        private static string Hex(byte[] b, int n) => Convert.ToHexString(b, 0, n).ToLowerInvariant();

        [Fact]
        public void ResponderTakesTheWorkedExampleAndAnswersByteExactly()
        {
            var clock = new TestClock { NtpNow = T };
            var r = Responder(clock);
            r.SetIdentity(IdType.Uri, Bob, 0, Bob.Length);
            byte[] msg = TestData.Hex(SampleIMessage);
            byte[] answer = new byte[256];
            Assert.Equal(MikeyExchangeStatus.Ok, r.Respond(msg, 0, msg.Length, answer, 0, answer.Length));
            Assert.Equal(SampleRMessage, Hex(answer, r.AnswerLength));
            CryptoSession cs = r.Bundle.Get(0);
            Assert.Equal(0xDEADBEEFu, cs.Ssrc);
            SrtpMasterKeyEntry k = cs.GetMasterKey(0);
            Assert.Equal("9ba4f67e6a85e7e7e9aa57681ca1f27d", Hex(k.Key, k.KeyLength));
            Assert.Equal("303132333435363738393a3b3c3d", Hex(k.Salt, k.SaltLength)); // transported salt wins
            Assert.Equal(0, k.MkiLength);
        }

        [Fact]
        public void InitiatorAndResponderAgreeAndProtectMediaBothWays()
        {
            var clock = new TestClock { NtpNow = T };
            var ini = Initiator(clock, verify: true);
            SrtpPolicy audio = SrtpPolicy.AesCm128HmacSha1_80();
            SrtpPolicy video = SrtpPolicy.AesCm256HmacSha1_80();
            ini.AddCryptoSession(0x11111111, 0, audio);
            ini.AddCryptoSession(0x22222222, 7, video);
            var r = Responder(clock);
            byte[] offer = new byte[512], answer = new byte[512];
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(offer, 0, offer.Length));
            Assert.False(ini.IsComplete);
            Assert.Equal(MikeyExchangeStatus.Ok, r.Respond(offer, 0, ini.OfferLength, answer, 0, answer.Length));
            Assert.Equal(MikeyExchangeStatus.Ok, ini.ReadAnswer(answer, 0, r.AnswerLength));
            Assert.True(ini.IsComplete);

            Assert.Equal(2, r.Bundle.Count);
            for (int i = 0; i < 2; i++)
            {
                CryptoSession a = ini.Bundle.Get(i), b = r.Bundle.Get(i);
                Assert.Equal(a.Ssrc, b.Ssrc);
                Assert.Equal(a.Roc, b.Roc);
                Assert.Equal(a.Policy.SessionEncryptionKeyLength, b.Policy.SessionEncryptionKeyLength);
                Assert.Equal(Hex(a.GetMasterKey(0).Key, a.GetMasterKey(0).KeyLength), Hex(b.GetMasterKey(0).Key, b.GetMasterKey(0).KeyLength));
                Assert.Equal(Hex(a.GetMasterKey(0).Salt, 14), Hex(b.GetMasterKey(0).Salt, 14));
                Assert.Equal(i == 0 ? 16 : 32, b.GetMasterKey(0).KeyLength);
                SrtpRoundTrip(a, b);
            }
        }

        /// <summary>An SRTP packet and an SRTCP packet protected with one side's keys unprotect with the other's.</summary>
        internal static void SrtpRoundTrip(CryptoSession sender, CryptoSession receiver)
        {
            var tx = sender.CreateSrtpContext(SrtpDirection.Outbound, new HostAesEngineFactory(), SrtpMinimumPolicy.Strict);
            var rx = receiver.CreateSrtpContext(SrtpDirection.Inbound, new HostAesEngineFactory(), SrtpMinimumPolicy.Strict);
            Assert.Equal(sender.Roc, tx.RolloverCounter);
            Assert.Equal(receiver.Roc, rx.RolloverCounter);
            byte[] pkt = new byte[200];
            pkt[0] = 0x80; pkt[1] = 0; pkt[3] = 1;
            pkt[8] = (byte)(sender.Ssrc >> 24); pkt[9] = (byte)(sender.Ssrc >> 16); pkt[10] = (byte)(sender.Ssrc >> 8); pkt[11] = (byte)sender.Ssrc;
            for (int i = 12; i < 172; i++) pkt[i] = (byte)i;
            int len = 172;
            Assert.Equal(SrtpStatus.Ok, tx.Protect(pkt, 0, ref len, pkt.Length));
            Assert.Equal(SrtpStatus.Ok, rx.Unprotect(pkt, 0, ref len));
            Assert.Equal(172, len);
            Assert.Equal(0x20, pkt[0x20]);

            byte[] rtcp = new byte[100];
            rtcp[0] = 0x80; rtcp[1] = 200; rtcp[3] = 6;
            rtcp[4] = pkt[8]; rtcp[5] = pkt[9]; rtcp[6] = pkt[10]; rtcp[7] = pkt[11];
            int rl = 28;
            Assert.Equal(SrtpStatus.Ok, tx.ProtectRtcp(rtcp, 0, ref rl, rtcp.Length));
            Assert.Equal(SrtpStatus.Ok, rx.UnprotectRtcp(rtcp, 0, ref rl));
            Assert.Equal(28, rl);
        }

        [Fact]
        public void WithoutVerificationTheOfferCompletesAtOnce()
        {
            var clock = new TestClock { NtpNow = T };
            var ini = Initiator(clock, verify: false);
            ini.AddCryptoSession(0x01020304, 0, SrtpPolicy.AesCm128HmacSha1_80());
            var r = Responder(clock);
            byte[] offer = new byte[512], answer = new byte[512];
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(offer, 0, offer.Length));
            Assert.True(ini.IsComplete);
            Assert.Equal(MikeyExchangeStatus.Ok, r.Respond(offer, 0, ini.OfferLength, answer, 0, answer.Length));
            Assert.Equal(0, r.AnswerLength);
            SrtpRoundTrip(ini.Bundle.Get(0), r.Bundle.Get(0));
        }

        [Fact]
        public void ReplayIsRejectedAndKeysStay()
        {
            var clock = new TestClock { NtpNow = T };
            var r = Responder(clock);
            byte[] msg = TestData.Hex(SampleIMessage);
            byte[] answer = new byte[256];
            Assert.Equal(MikeyExchangeStatus.Ok, r.Respond(msg, 0, msg.Length, answer, 0, answer.Length));
            string key = Hex(r.Bundle.Get(0).GetMasterKey(0).Key, 16);
            Assert.Equal(MikeyExchangeStatus.Replayed, r.Respond(msg, 0, msg.Length, answer, 0, answer.Length));
            Assert.Equal(ErrorCode.InvalidTs, r.ErrorCode);
            Assert.Equal(key, Hex(r.Bundle.Get(0).GetMasterKey(0).Key, 16));
        }

        [Fact]
        public void OutsideSkewIsRejectedThenAcceptedOnceTheClockIsCorrected()
        {
            var clock = new TestClock { NtpNow = T + (3600UL << 32) };
            var r = Responder(clock);
            byte[] msg = TestData.Hex(SampleIMessage);
            byte[] answer = new byte[256];
            Assert.Equal(MikeyExchangeStatus.OutsideSkew, r.Respond(msg, 0, msg.Length, answer, 0, answer.Length));
            Assert.Equal(0, r.Bundle.Count);
            Assert.True(r.AnswerLength > 0); // an error message (ERR Invalid TS)
            clock.NtpNow = T + (10UL << 32);
            Assert.Equal(MikeyExchangeStatus.Ok, r.Respond(msg, 0, msg.Length, answer, 0, answer.Length));
        }

        [Fact]
        public void FullReplayCacheRefuses()
        {
            var clock = new TestClock { NtpNow = T };
            var r = Responder(clock, cacheSize: 1);
            byte[] answer = new byte[512], offer = new byte[512];
            for (int n = 0; n < 2; n++)
            {
                var ini = Initiator(clock, verify: false, seed: 10 + n);
                ini.AddCryptoSession(1, 0, SrtpPolicy.AesCm128HmacSha1_80());
                ini.WriteOffer(offer, 0, offer.Length);
                var expected = n == 0 ? MikeyExchangeStatus.Ok : MikeyExchangeStatus.ReplayCacheFull;
                Assert.Equal(expected, r.Respond(offer, 0, ini.OfferLength, answer, 0, answer.Length));
            }
        }

        [Fact]
        public void EveryByteOfTheOfferIsProtected()
        {
            // Flip each byte of the sample I_MESSAGE in turn: never accepted, keys and cache untouched.
            var clock = new TestClock { NtpNow = T };
            byte[] msg = TestData.Hex(SampleIMessage);
            byte[] answer = new byte[256];
            var r = Responder(clock);
            for (int i = 0; i < msg.Length; i++)
            {
                msg[i] ^= 0x01;
                MikeyExchangeStatus s = r.Respond(msg, 0, msg.Length, answer, 0, answer.Length);
                Assert.True(s != MikeyExchangeStatus.Ok, "byte " + i + " accepted");
                Assert.Equal(0, r.Bundle.Count);
                msg[i] ^= 0x01;
            }
            // The genuine message still goes through afterwards: nothing was cached by the forgeries.
            Assert.Equal(MikeyExchangeStatus.Ok, r.Respond(msg, 0, msg.Length, answer, 0, answer.Length));
        }

        [Fact]
        public void EveryByteOfTheAnswerIsProtected()
        {
            var clock = new TestClock { NtpNow = T };
            byte[] offer = new byte[512], answer = new byte[512];
            var ini = Initiator(clock, verify: true);
            ini.AddCryptoSession(0x0A0B0C0D, 0, SrtpPolicy.AesCm128HmacSha1_80());
            ini.WriteOffer(offer, 0, offer.Length);
            var r = Responder(clock);
            r.SetIdentity(IdType.Uri, Bob, 0, Bob.Length);
            Assert.Equal(MikeyExchangeStatus.Ok, r.Respond(offer, 0, ini.OfferLength, answer, 0, answer.Length));
            for (int i = 0; i < r.AnswerLength; i++)
            {
                answer[i] ^= 0x40;
                Assert.NotEqual(MikeyExchangeStatus.Ok, ini.ReadAnswer(answer, 0, r.AnswerLength));
                Assert.False(ini.IsComplete);
                answer[i] ^= 0x40;
            }
            Assert.Equal(MikeyExchangeStatus.Ok, ini.ReadAnswer(answer, 0, r.AnswerLength));
        }

        [Fact]
        public void NullMacInPskModeIsRejected()
        {
            // The sample with its KEMAC MAC alg set to NULL and the MAC removed: a PSK message without integrity.
            var clock = new TestClock { NtpNow = T };
            byte[] full = TestData.Hex(SampleIMessage);
            byte[] msg = full.AsSpan(0, 159).ToArray();
            msg[158] = 0; // MAC alg NULL
            var r = Responder(clock);
            byte[] answer = new byte[256];
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, r.Respond(msg, 0, msg.Length, answer, 0, answer.Length));
            Assert.Equal(ErrorCode.InvalidMac, r.ErrorCode);
        }

        [Fact]
        public void NullModeOnlyWhenAllowed()
        {
            var clock = new TestClock { NtpNow = T };
            var ini = new PskInitiator(new HostAesEngineFactory(), Drbg(3), clock) { UseNullMode = true };
            ini.AddCryptoSession(0x55667788, 0, SrtpPolicy.AesCm128HmacSha1_80());
            byte[] offer = new byte[512], answer = new byte[512];
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(offer, 0, offer.Length));
            var r = new PskResponder(new HostAesEngineFactory(), clock, new ReplayCache(4, clock, new FreshnessPolicy()));
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, r.Respond(offer, 0, ini.OfferLength, answer, 0, answer.Length));
            r.AcceptNullMode = true;
            Assert.Equal(MikeyExchangeStatus.Ok, r.Respond(offer, 0, ini.OfferLength, answer, 0, answer.Length));
            SrtpRoundTrip(ini.Bundle.Get(0), r.Bundle.Get(0));
        }

        [Fact]
        public void PolicyBelowTheMinimumIsAnsweredWithInvalidSp()
        {
            var clock = new TestClock { NtpNow = T };
            var ini = Initiator(clock, verify: false);
            SrtpPolicy weak = SrtpPolicy.AesCm128HmacSha1_80();
            weak.SrtpAuthentication = false;
            ini.AddCryptoSession(9, 0, weak);
            byte[] offer = new byte[512], answer = new byte[512];
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(offer, 0, offer.Length));
            var r = Responder(clock);
            Assert.Equal(MikeyExchangeStatus.PolicyRefused, r.Respond(offer, 0, ini.OfferLength, answer, 0, answer.Length));
            Assert.Equal(ErrorCode.InvalidSp, r.ErrorCode);
            Assert.Equal(0, r.Bundle.Count);
            // The answer is an error message the initiator reads as such.
            Assert.Equal((byte)DataType.Error, answer[1]);
        }

        [Fact]
        public void WrongPskFailsAuthentication()
        {
            var clock = new TestClock { NtpNow = T };
            var r = Responder(clock);
            byte[] other = (byte[])Psk.Clone();
            other[0] ^= 1;
            r.SetPreSharedKey(other, 0, other.Length);
            byte[] msg = TestData.Hex(SampleIMessage);
            byte[] answer = new byte[256];
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, r.Respond(msg, 0, msg.Length, answer, 0, answer.Length));
            Assert.Equal(ErrorCode.AuthFailure, r.ErrorCode);
        }

        [Fact]
        public void ACompleteExchangeAllocatesNothingAfterWarmUp()
        {
            var clock = new TestClock { NtpNow = T };
            // The device's code path: software AES (the host twin's engine is .NET's, not ours).
            var ini = Initiator(clock, verify: true, softwareAes: true);
            ini.AddCryptoSession(0x01020304, 0, SrtpPolicy.AesCm128HmacSha1_80());
            var r = Responder(clock, cacheSize: 64, softwareAes: true);
            byte[] offer = new byte[512], answer = new byte[512];
            for (int round = 0; round < 3; round++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                MikeyExchangeStatus a = ini.WriteOffer(offer, 0, offer.Length);
                MikeyExchangeStatus b = r.Respond(offer, 0, ini.OfferLength, answer, 0, answer.Length);
                MikeyExchangeStatus c = ini.ReadAnswer(answer, 0, r.AnswerLength);
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                Assert.Equal(MikeyExchangeStatus.Ok, a);
                Assert.Equal(MikeyExchangeStatus.Ok, b);
                Assert.Equal(MikeyExchangeStatus.Ok, c);
                if (round > 0) Assert.Equal(0, allocated);
                clock.NtpNow += 1UL << 32;
            }
        }

        [Fact]
        public void CsbUpdateRekeysWithoutLosingAPacketInFlightAndAddsACryptoSession()
        {
            var clock = new TestClock { NtpNow = T };
            var ini = Initiator(clock, verify: true);
            ini.MkiLength = 1;
            ini.AddCryptoSession(0x11111111, 0, SrtpPolicy.AesCm128HmacSha1_80());
            var r = Responder(clock);
            byte[] msg = new byte[512], answer = new byte[512];
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(msg, 0, msg.Length));
            Assert.Equal(MikeyExchangeStatus.Ok, r.Respond(msg, 0, ini.OfferLength, answer, 0, answer.Length));
            Assert.Equal(MikeyExchangeStatus.Ok, ini.ReadAnswer(answer, 0, r.AnswerLength));
            var host = new HostAesEngineFactory();
            SrtpCryptoContext tx = ini.Bundle.Get(0).CreateSrtpContext(SrtpDirection.Outbound, host, SrtpMinimumPolicy.Strict);
            SrtpCryptoContext rx = r.Bundle.Get(0).CreateSrtpContext(SrtpDirection.Inbound, host, SrtpMinimumPolicy.Strict);
            string oldKey = Hex(r.Bundle.Get(0).GetMasterKey(0).Key, 16);

            // A packet protected under generation 0 is still in flight when the update lands.
            byte[] inFlight = new byte[256];
            int inFlightLength = Rtp(inFlight, 1, 0x11111111);
            Assert.Equal(SrtpStatus.Ok, tx.Protect(inFlight, 0, ref inFlightLength, inFlight.Length));

            // The update (RFC 3830 §4.5): no RAND, same CSB ID, new T, new TGK with MKI 1, plus a new crypto session.
            clock.NtpNow += 5UL << 32;
            ini.AddCryptoSession(0x22222222, 0, SrtpPolicy.AesCm128HmacSha1_80());
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteUpdate(msg, 0, msg.Length));
            Assert.Equal(0, CountPayloads(msg, ini.OfferLength, 11)); // no RAND
            Assert.Equal(MikeyExchangeStatus.Ok, r.Respond(msg, 0, ini.OfferLength, answer, 0, answer.Length));
            Assert.Equal(MikeyExchangeStatus.Ok, ini.ReadAnswer(answer, 0, r.AnswerLength));
            Assert.Equal(2, r.Bundle.Count);
            CryptoSession audio = r.Bundle.Get(0);
            Assert.Equal(2, audio.MasterKeyCount);
            Assert.Equal(oldKey, Hex(audio.GetMasterKey(0).Key, 16));
            Assert.NotEqual(oldKey, Hex(audio.GetMasterKey(1).Key, 16));
            Assert.Equal(Hex(ini.Bundle.Get(0).GetMasterKey(1).Key, 16), Hex(audio.GetMasterKey(1).Key, 16));
            Assert.Equal("01", Hex(audio.GetMasterKey(1).Mki, 1));

            ini.Bundle.Get(0).AddNewKeysTo(tx, 1);
            audio.AddNewKeysTo(rx, 1);
            byte[] fresh = new byte[256];
            int freshLength = Rtp(fresh, 2, 0x11111111);
            Assert.Equal(SrtpStatus.Ok, tx.Protect(fresh, 0, ref freshLength, fresh.Length));
            Assert.Equal(SrtpStatus.Ok, rx.Unprotect(fresh, 0, ref freshLength));
            Assert.Equal(SrtpStatus.Ok, rx.Unprotect(inFlight, 0, ref inFlightLength)); // old MKI still accepted

            // The crypto session the update added works from its first packet.
            SrtpRoundTrip(ini.Bundle.Get(1), r.Bundle.Get(1));

            // A replayed update changes nothing; an update for another CSB is refused.
            Assert.Equal(MikeyExchangeStatus.Replayed, r.Respond(msg, 0, ini.OfferLength, answer, 0, answer.Length));
            Assert.Equal(2, r.Bundle.Get(0).MasterKeyCount);
            msg[4] ^= 1; // CSB ID
            Assert.NotEqual(MikeyExchangeStatus.Ok, r.Respond(msg, 0, ini.OfferLength, answer, 0, answer.Length));
            Assert.Equal(2, r.Bundle.Get(0).MasterKeyCount);
        }

        [Theory]
        [InlineData(TimestampType.NtpUtc)]
        [InlineData(TimestampType.NtpUtc32)]
        [InlineData(TimestampType.Counter)]
        public void EveryTimestampTypeCompletesAnExchange(TimestampType type)
        {
            var clock = new TestClock { NtpNow = T };
            var ini = Initiator(clock, verify: true);
            ini.TimestampType = type;
            ini.AddCryptoSession(0x31313131, 0, SrtpPolicy.AesCm128HmacSha1_80());
            var r = Responder(clock);
            byte[] offer = new byte[512], answer = new byte[512];
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(offer, 0, offer.Length));
            Assert.Equal((byte)type, offer[20]); // T payload: next, TS type
            Assert.Equal(MikeyExchangeStatus.Ok, r.Respond(offer, 0, ini.OfferLength, answer, 0, answer.Length));
            Assert.Equal(MikeyExchangeStatus.Ok, ini.ReadAnswer(answer, 0, r.AnswerLength));
            SrtpRoundTrip(ini.Bundle.Get(0), r.Bundle.Get(0));
        }

        [Fact]
        public void CounterMustGrowAndNeedsNoClock()
        {
            // An unsynchronised responder clock refuses every NTP timestamp, but COUNTER does not depend on it.
            var clock = new TestClock { NtpNow = T, OffsetBoundSeconds = MikeyClockQuality.Unsynchronised };
            var ini = Initiator(clock, verify: false);
            ini.TimestampType = TimestampType.Counter;
            ini.Counter = 41;
            ini.AddCryptoSession(0x41414141, 0, SrtpPolicy.AesCm128HmacSha1_80());
            var r = Responder(clock);
            byte[] first = new byte[512], second = new byte[512], answer = new byte[512];
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(first, 0, first.Length));
            int firstLength = ini.OfferLength;
            Assert.Equal(42u, ini.Counter);
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(second, 0, second.Length));
            Assert.Equal(MikeyExchangeStatus.Ok, r.Respond(second, 0, ini.OfferLength, answer, 0, answer.Length));
            string key = Hex(r.Bundle.Get(0).GetMasterKey(0).Key, 16);
            // The older message (counter 42 < 43) and the same one again are refused; keys stay.
            Assert.Equal(MikeyExchangeStatus.Replayed, r.Respond(first, 0, firstLength, answer, 0, answer.Length));
            Assert.Equal(MikeyExchangeStatus.Replayed, r.Respond(second, 0, ini.OfferLength, answer, 0, answer.Length));
            Assert.Equal(key, Hex(r.Bundle.Get(0).GetMasterKey(0).Key, 16));
        }

        [Fact]
        public void ResponderFillsInItsOwnSsrc()
        {
            // RFC 3830 §4.2.1: the initiator leaves the responder's stream SSRC 0; the answer carries it.
            var clock = new TestClock { NtpNow = T };
            var ini = Initiator(clock, verify: true);
            ini.AddCryptoSession(0xAAAA0001, 0, SrtpPolicy.AesCm128HmacSha1_80());
            ini.AddCryptoSession(0, 0, SrtpPolicy.AesCm128HmacSha1_80());
            var r = Responder(clock);
            r.SetOwnStream(2, 0xBBBB0002, 3);
            byte[] offer = new byte[512], answer = new byte[512];
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(offer, 0, offer.Length));
            Assert.Equal(MikeyExchangeStatus.Ok, r.Respond(offer, 0, ini.OfferLength, answer, 0, answer.Length));
            Assert.Equal(MikeyExchangeStatus.Ok, ini.ReadAnswer(answer, 0, r.AnswerLength));
            Assert.Equal(0xBBBB0002u, r.Bundle.Get(1).Ssrc);
            Assert.Equal(0xBBBB0002u, ini.Bundle.Get(1).Ssrc);
            Assert.Equal(3u, ini.Bundle.Get(1).Roc);
            SrtpRoundTrip(r.Bundle.Get(1), ini.Bundle.Get(1)); // the responder sends on it
            SrtpRoundTrip(ini.Bundle.Get(0), r.Bundle.Get(0));
        }

        [Fact]
        public void AnAnswerWithAnOversizedIdentityIsRefusedNotThrown()
        {
            // An answer's IDr goes into the V MAC input; one longer than that buffer must be a refusal, not an exception.
            var clock = new TestClock { NtpNow = T };
            var ini = Initiator(clock, verify: true);
            ini.AddCryptoSession(0x51515151, 0, SrtpPolicy.AesCm128HmacSha1_80());
            byte[] offer = new byte[512];
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(offer, 0, offer.Length));
            uint csb = ((uint)offer[4] << 24) | ((uint)offer[5] << 16) | ((uint)offer[6] << 8) | offer[7];
            var w = new NanoMikey.Mikey.Codec.MikeyWriter();
            byte[] answer = new byte[2048];
            w.Reset(answer, 0, answer.Length);
            w.WriteHeader(DataType.PskVerification, false, PrfFunction.Mikey1, csb, CsIdMapType.SrtpId);
            w.AddSrtpIdEntry(0, 0x51515151, 0);
            w.WriteTimestamp(TimestampType.NtpUtc, T);
            w.WriteId(IdType.Uri, new byte[1000], 0, 1000);
            w.WriteVerification(MacAlgorithm.HmacSha1160);
            Assert.Equal(NanoMikey.Mikey.Codec.MikeyStatus.Ok, w.Finish());
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, ini.ReadAnswer(answer, 0, w.Length));
            Assert.False(ini.IsComplete);
        }

        [Fact]
        public void KeyValidityIntervalReachesSrtpAcceptedInsideRefusedOutside()
        {
            // RFC 3830 §6.14 interval KV: the TGK's keys are valid for SRTP indices ROC 1 ‖ SEQ 10 .. ROC 1 ‖ SEQ 20 (RFC 3711 §8.1.1).
            var clock = new TestClock { NtpNow = T };
            var ini = Initiator(clock, verify: false);
            ini.AddCryptoSession(0x11111111, 1, SrtpPolicy.AesCm128HmacSha1_80());
            ini.SetKeyValidity(0x1000A, 0x10014);
            var r = Responder(clock);
            byte[] msg = new byte[512], answer = new byte[512];
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(msg, 0, msg.Length));
            Assert.Equal(MikeyExchangeStatus.Ok, r.Respond(msg, 0, ini.OfferLength, answer, 0, answer.Length));
            SrtpMasterKeyEntry k = r.Bundle.Get(0).GetMasterKey(0);
            Assert.True(k.HasInterval);
            Assert.Equal(0x1000AUL, k.ValidFrom);
            Assert.Equal(0x10014UL, k.ValidTo);

            var host = new HostAesEngineFactory();
            SrtpCryptoContext tx = ini.Bundle.Get(0).CreateSrtpContext(SrtpDirection.Outbound, host, SrtpMinimumPolicy.Strict);
            SrtpCryptoContext rx = r.Bundle.Get(0).CreateSrtpContext(SrtpDirection.Inbound, host, SrtpMinimumPolicy.Strict);
            byte[] pkt = new byte[256];
            foreach (int seq in new[] { 10, 15, 20 })
            {
                int n = Rtp(pkt, seq, 0x11111111);
                Assert.Equal(SrtpStatus.Ok, tx.Protect(pkt, 0, ref n, pkt.Length));
                Assert.Equal(SrtpStatus.Ok, rx.Unprotect(pkt, 0, ref n));
            }

            int m = Rtp(pkt, 21, 0x11111111);
            Assert.Equal(SrtpStatus.OutsideKeyInterval, tx.Protect(pkt, 0, ref m, pkt.Length));

            // The same key used outside its interval by a sender that ignores the KV: the receiver refuses, nothing changes.
            var rogue = new SrtpCryptoContext(ini.Bundle.Get(0).Policy, 0x11111111, SrtpDirection.Outbound, host, SrtpMinimumPolicy.Strict);
            SrtpMasterKeyEntry ik = ini.Bundle.Get(0).GetMasterKey(0);
            rogue.AddMasterKey(ik.Key, 0, ik.Salt, 0, null, 0);
            rogue.SetRolloverCounter(1);
            ulong highest = rx.HighestIndex;
            foreach (int seq in new[] { 9, 25 })
            {
                int n = Rtp(pkt, seq, 0x11111111);
                Assert.Equal(SrtpStatus.Ok, rogue.Protect(pkt, 0, ref n, pkt.Length));
                Assert.Equal(SrtpStatus.OutsideKeyInterval, rx.Unprotect(pkt, 0, ref n));
                Assert.Equal(highest, rx.HighestIndex);
            }

            // An interval excludes an MKI (one KV per Key data, RFC 3830 §6.13).
            ini.MkiLength = 1;
            Assert.Equal(MikeyExchangeStatus.InvalidState, ini.WriteOffer(msg, 0, msg.Length));
        }

        private static int Rtp(byte[] buf, int seq, uint ssrc)
        {
            buf[0] = 0x80; buf[1] = 0; buf[2] = (byte)(seq >> 8); buf[3] = (byte)seq;
            buf[8] = (byte)(ssrc >> 24); buf[9] = (byte)(ssrc >> 16); buf[10] = (byte)(ssrc >> 8); buf[11] = (byte)ssrc;
            for (int i = 12; i < 172; i++) buf[i] = (byte)i;
            return 172;
        }

        private static int CountPayloads(byte[] msg, int length, int type)
        {
            var reader = new NanoMikey.Mikey.Codec.MikeyReader { IsCsbUpdate = true };
            reader.Reset(msg, 0, length);
            int n = 0;
            while (reader.Read() == NanoMikey.Mikey.Codec.MikeyStatus.Ok)
            {
                if ((int)reader.PayloadType == type) n++;
            }
            return n;
        }
    }
}
