using System;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Hal;
using NanoMikey.Crypto.Hash;
using NanoMikey.Crypto.Random;
using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Time;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Cli.Bench
{
    /// <summary>Complete MIKEY exchanges (offer, answer, verification) timed by `bench modes`, with their work counted.</summary>
    public sealed class ModesBench
    {
        private sealed class BenchClock : IMikeyClock
        {
            public ulong NtpNow { get; set; } = 0xE6A9C0D800000000;
            public uint OffsetBoundSeconds => 1;
        }

        private readonly BenchClock _clock = new BenchClock();
        private readonly PskInitiator _initiator;
        private readonly PskResponder _responder;
        private readonly CountingAesEngineFactory _aes;
        private readonly byte[] _offer = new byte[512];
        private readonly byte[] _answer = new byte[512];
        private long _sink;

        /// <summary>Creates a PSK initiator/responder pair (V requested, one AES_CM_128_HMAC_SHA1_80 stream, identities).</summary>
        /// <param name="softwareAes">Software constant-time AES (the device's code path) instead of the host engine.</param>
        public ModesBench(bool softwareAes)
        {
            IAesEngineFactory inner = softwareAes ? new SoftwareAesFactory() : new HostAesEngineFactory();
            _aes = new CountingAesEngineFactory(inner);
            var entropy = new byte[HmacDrbg.EntropyLength];
            new Random(7).NextBytes(entropy);
            var drbg = new HmacDrbg(entropy, new byte[HmacDrbg.NonceLength], null, HmacDrbg.DefaultReseedInterval);
            byte[] psk = new byte[20];
            byte[] idi = System.Text.Encoding.ASCII.GetBytes("sip:alice@example.com");
            byte[] idr = System.Text.Encoding.ASCII.GetBytes("sip:bob@example.com");
            _initiator = new PskInitiator(_aes, drbg, _clock) { RequestVerification = true };
            _initiator.SetPreSharedKey(psk, 0, psk.Length);
            _initiator.SetIdentities(IdType.Uri, idi, idi.Length, idr, idr.Length);
            _initiator.AddCryptoSession(0x01020304, 0, SrtpPolicy.AesCm128HmacSha1_80());
            // A device-sized cache (256 entries): the bench clock moves 1/64 s per exchange, so with a 2 s window about 128
            // entries are live and older ones are forgotten as they leave it.
            _responder = new PskResponder(_aes, _clock, new ReplayCache(256, _clock, new FreshnessPolicy { BaseSkewSeconds = 1 }));
            _responder.SetPreSharedKey(psk, 0, psk.Length);
            _responder.SetIdentity(IdType.Uri, idr, 0, idr.Length);
            Exchange();
        }

        /// <summary>Keeps results observable.</summary>
        public long Sink => _sink;

        /// <summary>Offer bytes on the wire.</summary>
        public int OfferBytes { get; private set; }

        /// <summary>Answer bytes on the wire.</summary>
        public int AnswerBytes { get; private set; }

        /// <summary>Runs complete exchanges.</summary>
        public void ExchangeLoop(int iterations)
        {
            for (int i = 0; i < iterations; i++) _sink += Exchange();
        }

        /// <summary>Counts the work of one exchange per side: hash compressions and AES blocks.</summary>
        /// <returns>initiator compressions, initiator AES blocks, responder compressions, responder AES blocks.</returns>
        public long[] CountOneExchange()
        {
            var r = new long[4];
            HashCompressionCounter.Reset();
            _aes.Blocks = 0;
            Tick();
            Check(_initiator.WriteOffer(_offer, 0, _offer.Length));
            long ih = HashCompressionCounter.Count, ia = _aes.Blocks;
            HashCompressionCounter.Reset();
            _aes.Blocks = 0;
            Check(_responder.Respond(_offer, 0, _initiator.OfferLength, _answer, 0, _answer.Length));
            r[2] = HashCompressionCounter.Count;
            r[3] = _aes.Blocks;
            HashCompressionCounter.Reset();
            _aes.Blocks = 0;
            Check(_initiator.ReadAnswer(_answer, 0, _responder.AnswerLength));
            r[0] = ih + HashCompressionCounter.Count;
            r[1] = ia + _aes.Blocks;
            return r;
        }

        private int Exchange()
        {
            Tick();
            Check(_initiator.WriteOffer(_offer, 0, _offer.Length));
            Check(_responder.Respond(_offer, 0, _initiator.OfferLength, _answer, 0, _answer.Length));
            Check(_initiator.ReadAnswer(_answer, 0, _responder.AnswerLength));
            OfferBytes = _initiator.OfferLength;
            AnswerBytes = _responder.AnswerLength;
            return _answer[_responder.AnswerLength - 1];
        }

        private void Tick()
        {
            // A new timestamp per exchange (RFC 3830 §5.2: every initiator message has a unique T).
            _clock.NtpNow += 1UL << 26;
        }

        private static void Check(MikeyExchangeStatus s)
        {
            if (s != MikeyExchangeStatus.Ok) throw new InvalidOperationException("exchange failed: " + s);
        }
    }
}
