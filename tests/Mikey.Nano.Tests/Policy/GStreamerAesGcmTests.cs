using System;
using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Tests.Codec;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Policy;
using NanoMikey.Srtp;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Tests.Policy
{
    /// <summary>
    /// Issue 8 §3: GStreamer's AES-GCM offers. Fixture bytes built by hand in the field order of GStreamer's source
    /// (GStreamer/gstreamer @4cdf9d9): gst-rtsp-server <c>rtsp-sdp.c</c> <c>gst_rtsp_sdp_make_media</c> calls
    /// gst-plugins-base <c>gstmikey.c</c> <c>gst_mikey_message_new_from_caps</c>, which for srtp-cipher aes-128-gcm /
    /// aes-256-gcm writes T (NTP-UTC), RAND(16), SP(policy 0, SRTP: type 0 = 6, 1 = 16|32, 2 = 0 (MAC_NULL for GCM),
    /// 3 = 0, 7 = 1, 8 = 1, 10 = 1; no type 4, no type 20) and KEMAC(NULL, NULL) with one Key data TEK, KV NULL, holding
    /// the srtp-key buffer = key ‖ 12-byte salt (28 or 44 bytes); <c>mikey_add_crypto_sessions</c> adds the SRTP-ID map
    /// (policy 0, SSRC, ROC) and <c>gst_mikey_message_to_bytes</c> serializes HDR, map, then the payloads.
    /// HDR/T/RAND values are those of mikey-samples.md §5 case "a" (a GStreamer-shaped message).
    /// </summary>
    public class GStreamerAesGcmTests
    {
        private const string Hdr = "01000500" + "e69d51f8" + "0100" + "00" + "30685760" + "00000000";
        private const string T = "0b00" + "ebfe6f2db1c13fd0";
        private const string Rand = "0a10" + "c2dde443a84930a5757a7ed9c3a417fb";
        private const string Key128 = "9091783dfce8ddcd443a53508b64509f";
        private const string Key256 = "9091783dfce8ddcd443a53508b64509f35bd8a86bc4d8b7637a502493daf4a6f";
        private const string Salt12 = "0c1d2e3f405162738495a6b7";

        private static string Sp(int keyLength) =>
            "01" + "00" + "00" + "0015" + "000106" + "0101" + keyLength.ToString("x2") + "020100" + "030100" + "070101" + "080101" + "0a0101";

        private static string Kemac(string tek) =>
            "00" + "00" + (4 + tek.Length / 2).ToString("x4") + "00" + "20" + (tek.Length / 2).ToString("x4") + tek + "00";

        internal static byte[] Message(int keyLength)
        {
            string tek = (keyLength == 16 ? Key128 : Key256) + Salt12;
            return TestData.Hex(Hdr + T + Rand + Sp(keyLength) + Kemac(tek));
        }

        [Theory]
        [InlineData(16, 28)]
        [InlineData(32, 44)]
        public void StrictRefuses_QuirkReadsSalt12Tag16(int keyLength, int tekLength)
        {
            byte[] m = Message(keyLength);
            var r = new MikeyReader();
            r.Reset(m, 0, m.Length);
            Assert.Equal(MikeyStatus.End, r.Validate());

            var map = new SrtpPolicyMapping();
            var strict = new SrtpPolicy();
            Assert.Equal(MikeyStatus.InvalidValue, map.Load(Policy(r, m), MikeyQuirks.None, strict));
            Assert.Equal(ErrorCode.InvalidSpPar, map.ErrorCode);
            Assert.False(strict.IsSupported(out string? reason));
            Assert.Equal("AES-GCM salt length must be 12 (RFC 7714 §12)", reason);
            Assert.False(map.UsedGStreamerAesGcmQuirk);

            var policy = new SrtpPolicy();
            Assert.Equal(MikeyStatus.Ok, map.Load(Policy(r, m), MikeyQuirks.GStreamerAesGcmDefaults, policy));
            Assert.True(map.UsedGStreamerAesGcmQuirk);
            Assert.True(policy.IsAead);
            Assert.Equal(keyLength, policy.MasterKeyLength);
            Assert.Equal(12, policy.MasterSaltLength);
            Assert.Equal(16, policy.AeadAuthenticationTagLength);
            Assert.Equal(SrtpPolicyWeakness.None, map.Weakness);

            // With both GStreamer quirks (how a GStreamer peer is configured) the type 3 = 0 is left alone.
            var both = new SrtpPolicy();
            Assert.Equal(MikeyStatus.Ok, map.Load(Policy(r, m), MikeyQuirks.GStreamerAesGcmDefaults | MikeyQuirks.GStreamerTagLengthInAuthKeyLength, both));
            Assert.False(map.UsedGStreamerQuirk);
            Assert.Equal(12, both.MasterSaltLength);

            // The TEK is key ‖ salt of exactly the lengths the quirk implies; it keys a working AEAD context pair.
            byte[] tek = Tek(m, r);
            Assert.Equal(tekLength, tek.Length);
            Assert.Equal(policy.MasterKeyLength + policy.MasterSaltLength, tek.Length);
            var tx = new SrtpCryptoContext(policy, 0x30685760, SrtpDirection.Outbound, new HostAesEngineFactory());
            var rx = new SrtpCryptoContext(policy, 0x30685760, SrtpDirection.Inbound, null);
            tx.AddMasterKey(tek, 0, tek, keyLength, null, 0);
            rx.AddMasterKey(tek, 0, tek, keyLength, null, 0);
            byte[] pkt = TestData.Hex("80600001" + "00000000" + "30685760" + "0102030405060708");
            byte[] buf = new byte[64];
            pkt.CopyTo(buf, 0);
            int len = pkt.Length;
            Assert.Equal(SrtpStatus.Ok, tx.Protect(buf, 0, ref len, buf.Length));
            Assert.Equal(pkt.Length + 16, len);
            Assert.Equal(SrtpStatus.Ok, rx.Unprotect(buf, 0, ref len));
            Assert.Equal(Convert.ToHexString(pkt), Convert.ToHexString(buf, 0, len));
        }

        [Fact]
        public void Quirk_LeavesExplicitSaltAndOtherCiphersAlone()
        {
            var map = new SrtpPolicyMapping();
            var r = new MikeyReader();

            // An explicit type 4 = 14 with AES-GCM is what the peer said: still refused.
            string sp = "01" + "00" + "00" + "0018" + "000106" + "010110" + "020100" + "030100" + "04010e" + "070101" + "080101" + "0a0101";
            byte[] m = TestData.Hex(Hdr + T + Rand + sp + Kemac(Key128 + Salt12));
            Assert.Equal(MikeyStatus.InvalidValue, map.Load(Policy(r, m), MikeyQuirks.GStreamerAesGcmDefaults, new SrtpPolicy()));
            Assert.False(map.UsedGStreamerAesGcmQuirk);

            // AES-CM (mikey-samples.md §5 case "a"): the GCM quirk does not apply.
            byte[] cm = Samples.B64(Samples.GortsplibABase64);
            var policy = new SrtpPolicy();
            Assert.Equal(MikeyStatus.Ok, map.Load(Policy(r, cm), MikeyQuirks.GStreamerAesGcmDefaults, policy));
            Assert.False(map.UsedGStreamerAesGcmQuirk);
            Assert.Equal(14, policy.MasterSaltLength);
        }

        private static SecurityPolicyPayload Policy(MikeyReader r, byte[] m) => QuirkTests.FirstPolicy(r, m);

        private static byte[] Tek(byte[] m, MikeyReader r)
        {
            r.Reset(m, 0, m.Length);
            while (r.Read() == MikeyStatus.Ok && r.PayloadType != PayloadType.Kemac)
            {
            }

            Assert.Equal(PayloadType.Kemac, r.PayloadType);
            var sub = new MikeyReader();
            sub.ResetChain(m, r.Kemac.EncrDataOffset, r.Kemac.EncrDataLength, PayloadType.KeyData, DataType.PreShared);
            Assert.Equal(MikeyStatus.Ok, sub.Read());
            Assert.Equal(KeyDataType.Tek, sub.KeyData.KeyType);
            Assert.Equal(KvType.Null, sub.KeyData.Kv);
            return m.AsSpan(sub.KeyData.KeyDataOffset, sub.KeyData.KeyDataLength).ToArray();
        }
    }
}
