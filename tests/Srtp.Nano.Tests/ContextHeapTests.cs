using System;
using System.Reflection;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;
using NanoMikey.Srtp.Replay;
using static NanoMikey.Srtp.Tests.TestKit;

namespace NanoMikey.Srtp.Tests
{
    /// <summary>
    /// Issue 10 §2 (heap): what a context holds on the interpreter. With KDR 0 the KDF runs on the session's own cipher engine
    /// (keyed with the master key until the session key is loaded last), so no second AES engine exists while keys are made,
    /// for SRTP nor for the lazy SRTCP keys; the context keeps the policy values it needs, not a copy of the policy; an
    /// outbound context has no SRTCP replay window. The keys themselves are checked by the RFC 3711/7714 vectors and libsrtp.
    /// </summary>
    public class ContextHeapTests
    {
        private const BindingFlags Any = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        private const uint Ssrc = 0x01020304;

        private static void RoundTrip(SrtpCryptoContext tx, SrtpCryptoContext rx, Random rng, int seq, bool rtcp)
        {
            byte[] buf = new byte[256];
            int len = rtcp ? BuildRtcp(buf, 0, Ssrc, 28, rng) : BuildRtp(buf, 0, seq, Ssrc, 160, rng);
            byte[] sent = buf.AsSpan(0, len).ToArray();
            Assert.Equal(SrtpStatus.Ok, rtcp ? tx.ProtectRtcp(buf, 0, ref len, buf.Length) : tx.Protect(buf, 0, ref len, buf.Length));
            Assert.Equal(SrtpStatus.Ok, rtcp ? rx.UnprotectRtcp(buf, 0, ref len) : rx.Unprotect(buf, 0, ref len));
            Assert.Equal(sent, buf.AsSpan(0, len).ToArray());
        }

        [Theory]
        [InlineData("cm80")]
        [InlineData("gcm")]
        public void WithKdrZero_TheKdfRunsOnTheSessionEngine(string profile)
        {
            SrtpPolicy p = profile == "gcm" ? SrtpPolicy.AeadAes128Gcm() : SrtpPolicy.AesCm128HmacSha1_80();
            var rng = new Random(11);
            byte[] key = Random(rng, p.MasterKeyLength), salt = Random(rng, p.MasterSaltLength);
            var txEngines = new RecordingAesFactory();
            var tx = NewContext(p, Ssrc, SrtpDirection.Outbound, key, salt, null, txEngines);
            var rx = NewContext(p, Ssrc, SrtpDirection.Inbound, key, salt, null, new RecordingAesFactory());
            // One engine: the master key, then the SRTP session key, both loaded into it.
            Assert.Equal(1, txEngines.Created);
            Assert.Equal(2, txEngines.KeyLoads);
            RoundTrip(tx, rx, rng, 1, false);
            RoundTrip(tx, rx, rng, 0, true);
            // The first RTCP packet: one more engine, the SRTCP session's own, which ran the KDF too.
            Assert.Equal(2, txEngines.Created);
            Assert.Equal(4, txEngines.KeyLoads);
            RoundTrip(tx, rx, rng, 2, false);
            RoundTrip(tx, rx, rng, 0, true);
            Assert.Equal(2, txEngines.Created);
        }

        [Fact]
        public void WithoutASessionCipher_OrWithKdr_TheKdfHasItsOwnEngine()
        {
            var rng = new Random(12);
            SrtpPolicy nul = SrtpPolicy.NullHmacSha1_80();
            var engines = new RecordingAesFactory();
            NewContext(nul, Ssrc, SrtpDirection.Outbound, Random(rng, nul.MasterKeyLength), Random(rng, nul.MasterSaltLength), null, engines);
            Assert.Equal(1, engines.Created); // the KDF's, dropped after the derivation

            SrtpPolicy kdr = SrtpPolicy.AesCm128HmacSha1_80();
            kdr.KeyDerivationRate = 1u << 16;
            byte[] key = Random(rng, 16), salt = Random(rng, 14);
            engines = new RecordingAesFactory();
            var tx = NewContext(kdr, Ssrc, SrtpDirection.Outbound, key, salt, null, engines);
            var rx = NewContext(kdr, Ssrc, SrtpDirection.Inbound, key, salt, null, new RecordingAesFactory());
            // KDR != 0 re-derives later: the KDF keeps an engine of its own next to the session engines.
            Assert.Equal(5, engines.Created); // KDF, SRTP current and spare, SRTCP current and spare
            RoundTrip(tx, rx, rng, 1, false);
            RoundTrip(tx, rx, rng, 0, true);
        }

        [Fact]
        public void TheContextKeepsNoCopyOfThePolicy()
        {
            foreach (FieldInfo f in typeof(SrtpCryptoContext).GetFields(Any))
            {
                Assert.NotEqual(typeof(SrtpPolicy), f.FieldType);
            }

            // A change to the caller's policy after the context exists does not reach it: the keys added later still use
            // the lengths the context was created with.
            SrtpPolicy p = SrtpPolicy.AesCm128HmacSha1_80();
            var rng = new Random(13);
            byte[] key = Random(rng, 16), salt = Random(rng, 14);
            var tx = new SrtpCryptoContext(p, Ssrc, SrtpDirection.Outbound, Host);
            var rx = new SrtpCryptoContext(p, Ssrc, SrtpDirection.Inbound, Host);
            p.SessionEncryptionKeyLength = 32;
            p.SessionAuthenticationKeyLength = 32;
            p.SessionSaltKeyLength = 12;
            tx.AddMasterKey(key, 0, salt, 0, null, 0);
            rx.AddMasterKey(key, 0, salt, 0, null, 0);
            var reference = NewContext(SrtpPolicy.AesCm128HmacSha1_80(), Ssrc, SrtpDirection.Outbound, key, salt);
            byte[] a = new byte[256], b = new byte[256];
            int la = BuildRtp(a, 0, 5, Ssrc, 160, new Random(1)), lb = BuildRtp(b, 0, 5, Ssrc, 160, new Random(1));
            Assert.Equal(SrtpStatus.Ok, tx.Protect(a, 0, ref la, a.Length));
            Assert.Equal(SrtpStatus.Ok, reference.Protect(b, 0, ref lb, b.Length));
            Assert.Equal(b.AsSpan(0, lb).ToArray(), a.AsSpan(0, la).ToArray());
            Assert.Equal(SrtpStatus.Ok, rx.Unprotect(a, 0, ref la));
        }

        [Fact]
        public void OnlyAnInboundContextHasAnSrtcpReplayWindow()
        {
            FieldInfo f = typeof(SrtpCryptoContext).GetField("_srtcpReplay", Any)!;
            SrtpPolicy p = SrtpPolicy.AesCm128HmacSha1_80();
            Assert.Null(f.GetValue(new SrtpCryptoContext(p, Ssrc, SrtpDirection.Outbound, Host)));
            Assert.IsType<ReplayWindow>(f.GetValue(new SrtpCryptoContext(p, Ssrc, SrtpDirection.Inbound, Host)));
        }
    }
}
