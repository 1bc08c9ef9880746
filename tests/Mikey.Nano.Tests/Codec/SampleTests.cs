using NanoMikey.Srtp.Policy;
using System;
using System.Text;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Tests.Codec
{
    /// <summary>Every message of mikey-samples.md decodes to its documented fields and re-encodes to the same bytes.</summary>
    public class SampleTests
    {
        private static MikeyReader Open(byte[] msg, MikeyQuirks quirks = MikeyQuirks.None, bool update = false)
        {
            var r = new MikeyReader(quirks) { IsCsbUpdate = update };
            Assert.Equal(MikeyStatus.Ok, r.Reset(msg, 0, msg.Length));
            return r;
        }

        private static void Next(MikeyReader r, PayloadType expected)
        {
            Assert.Equal(MikeyStatus.Ok, r.Read());
            Assert.Equal(expected, r.PayloadType);
        }

        private static string Ascii(byte[] b, int o, int n) => Encoding.ASCII.GetString(b, o, n);

        private static string HexOf(byte[] b, int o, int n) => Convert.ToHexString(b, o, n).ToLowerInvariant();

        private static void AssertRoundTrip(byte[] msg, MikeyQuirks quirks = MikeyQuirks.None, bool update = false)
        {
            byte[]? again = Reencoder.Reencode(msg, quirks, out MikeyStatus s, update);
            Assert.True(again != null, "status " + s);
            Assert.Equal(Convert.ToHexString(msg), Convert.ToHexString(again!));
        }

        [Fact]
        public void Rfc4567_IMessage_DecodesAsDocumented()
        {
            // mikey-samples.md §1 (RFC 4567 §5.1 Example 1).
            byte[] m = Samples.B64(Samples.Rfc4567IMessageBase64);
            Assert.Equal(132, m.Length);
            MikeyReader r = Open(m);
            CommonHeader h = r.Header;
            Assert.Equal(1, h.Version);
            Assert.Equal(DataType.PreShared, h.DataType);
            Assert.Equal(PayloadType.Timestamp, h.NextPayload);
            Assert.True(h.V);
            Assert.Equal(PrfFunction.Mikey1, h.PrfFunction);
            Assert.Equal(0xCD177E50u, h.CsbId);
            Assert.Equal(1, h.CsCount);
            Assert.Equal(CsIdMapType.SrtpId, h.CsIdMapType);
            Assert.Equal(0, h.GetPolicyNo(0));
            Assert.Equal(0u, h.GetSsrc(0));
            Assert.Equal(0u, h.GetRoc(0));
            Assert.Equal(19, h.Length);

            Next(r, PayloadType.Timestamp);
            Assert.Equal(19, r.PayloadOffset);
            Assert.Equal(TimestampType.NtpUtc, r.Timestamp.TimestampType);
            Assert.Equal(0xC8E350EA00000000UL, r.Timestamp.Value);
            Assert.Equal(PayloadType.Rand, r.Timestamp.NextPayload);

            Next(r, PayloadType.Rand);
            Assert.Equal(16, r.Rand.RandLength);
            Assert.Equal("4a28da979ee21a7651a0d7f19136d98c", HexOf(m, r.Rand.RandOffset, 16));

            Next(r, PayloadType.Id);
            Assert.Equal(47, r.PayloadOffset);
            Assert.Equal(IdType.Nai, r.Id.IdType);
            Assert.Equal("donald@duck.com", Ascii(m, r.Id.DataOffset, r.Id.DataLength));

            Next(r, PayloadType.SecurityPolicy);
            Assert.Equal(66, r.PayloadOffset);
            Assert.Equal(0, r.SecurityPolicy.PolicyNo);
            Assert.Equal(ProtocolType.Srtp, r.SecurityPolicy.ProtocolType);
            Assert.Equal(0, r.SecurityPolicy.ParametersLength);
            Assert.Equal(-1, r.SecurityPolicy.FirstParameter());

            Next(r, PayloadType.Kemac);
            Assert.Equal(71, r.PayloadOffset);
            Assert.Equal(PayloadType.Last, r.Kemac.NextPayload);
            Assert.Equal(EncryptionAlgorithm.AesCm128, r.Kemac.EncryptionAlgorithm);
            Assert.Equal(36, r.Kemac.EncrDataLength);
            Assert.Equal(MacAlgorithm.HmacSha1160, r.Kemac.MacAlgorithm);
            Assert.Equal("5f627a69c6508675f5f59050e4abcca4c0bfdcd5", HexOf(m, r.Kemac.MacOffset, r.Kemac.MacLength));

            // RFC 3830 §5.2: the PSK MAC covers everything up to the MAC field.
            Assert.Equal(112, r.IntegrityFieldOffset);
            Assert.Equal(20, r.IntegrityFieldLength);
            Assert.Equal(112, r.CoveredLength);
            Assert.Equal(MikeyStatus.End, r.Read());
            AssertRoundTrip(m);
        }

        [Fact]
        public void Rfc4567_RMessage_DecodesAsDocumented()
        {
            // mikey-samples.md §2.
            byte[] m = Samples.B64(Samples.Rfc4567RMessageBase64);
            Assert.Equal(71, m.Length);
            MikeyReader r = Open(m);
            Assert.Equal(DataType.PskVerification, r.Header.DataType);
            Assert.Equal(0xCD177E50u, r.Header.CsbId);
            Next(r, PayloadType.Timestamp);
            Assert.Equal(0xC8E350EA00000000UL, r.Timestamp.Value);
            Next(r, PayloadType.Id);
            Assert.Equal("mickey@mouse.com", Ascii(m, r.Id.DataOffset, r.Id.DataLength));
            Next(r, PayloadType.Verification);
            Assert.Equal(49, r.PayloadOffset);
            Assert.Equal(MacAlgorithm.HmacSha1160, r.Verification.AuthAlgorithm);
            Assert.Equal(20, r.Verification.VerDataLength);
            Assert.Equal(51, r.IntegrityFieldOffset);
            Assert.Equal(MikeyStatus.End, r.Read());
            AssertRoundTrip(m);
        }

        [Fact]
        public void GStreamer_Fragments_DecodeAsCsbUpdates()
        {
            // mikey-samples.md §4.1–4.3: no RAND, so read as update messages (RFC 3830 §4.5).
            byte[] m1 = TestData.Hex(Samples.GstHeaderOnlyHex);
            MikeyReader r = Open(m1, update: true);
            Assert.Equal(0x12345678u, r.Header.CsbId);
            Assert.Equal(0, r.Header.CsCount);
            Assert.Equal(MikeyStatus.End, r.Read());
            AssertRoundTrip(m1, update: true);

            byte[] m2 = TestData.Hex(Samples.GstHeaderTwoCsHex);
            Assert.Equal(28, m2.Length);
            r = Open(m2, update: true);
            Assert.Equal(2, r.Header.CsCount);
            Assert.Equal(1, r.Header.GetPolicyNo(0));
            Assert.Equal(0x12345678u, r.Header.GetSsrc(0));
            Assert.Equal(2, r.Header.GetPolicyNo(1));
            Assert.Equal(0x23456789u, r.Header.GetSsrc(1));
            Assert.Equal(1u, r.Header.GetRoc(1));
            Assert.Equal(MikeyStatus.End, r.Read());
            AssertRoundTrip(m2, update: true);

            byte[] m3 = TestData.Hex(Samples.GstPayloadsHex);
            Assert.Equal(45, m3.Length);
            r = Open(m3, update: true);
            Next(r, PayloadType.Timestamp);
            Assert.Equal(TimestampType.Ntp, r.Timestamp.TimestampType);
            Assert.Equal(0x0102030405060708UL, r.Timestamp.Value);
            Next(r, PayloadType.Kemac);
            Assert.Equal(EncryptionAlgorithm.Null, r.Kemac.EncryptionAlgorithm);
            Assert.Equal(MacAlgorithm.Null, r.Kemac.MacAlgorithm);
            var sub = new MikeyReader();
            sub.ResetChain(m3, r.Kemac.EncrDataOffset, r.Kemac.EncrDataLength, PayloadType.KeyData, DataType.PreShared);
            Next(sub, PayloadType.KeyData);
            Assert.Equal(KeyDataType.Tek, sub.KeyData.KeyType);
            Assert.Equal(KvType.Null, sub.KeyData.Kv);
            Assert.Equal("102030405060708090a0b0c0d0e0f010", HexOf(m3, sub.KeyData.KeyDataOffset, sub.KeyData.KeyDataLength));
            Assert.Equal(MikeyStatus.End, sub.Read());
            Assert.Equal(MikeyStatus.End, r.Read());
            AssertRoundTrip(m3, update: true);

            // Strict by default: without the update flag the missing RAND is reported.
            var strict = new MikeyReader();
            strict.Reset(m3, 0, m3.Length);
            Assert.Equal(MikeyStatus.MissingRand, strict.Validate());
        }

        [Theory]
        [InlineData("a", 0xE69D51F8u, 0x30685760u, "9091783dfce8ddcd443a53508b64509f35bd8a86bc4d8b7637a502493daf")]
        [InlineData("b", 0xFEAF9752u, 0xCC836237u, "991b0f148f094b4e5b8b3053cd6276877fcced1866f141772adddde7064b")]
        [InlineData("k", 0x7A23295Eu, 0x958C2327u, "5fc5ef382cc8321d094ce5a2bd62f111f953512a757e38f68bcc46ec3f43")]
        public void Gortsplib_Messages_DecodeAsDocumented(string which, uint csbId, uint ssrc, string tek)
        {
            // mikey-samples.md §5 cases "a", "b" and §5.1 (GStreamer shape).
            byte[] m = which == "a" ? Samples.B64(Samples.GortsplibABase64)
                : which == "b" ? TestData.Hex(Samples.GortsplibBHex) : TestData.Hex(Samples.GortsplibKeyMgmtHex);
            Assert.Equal(112, m.Length);
            MikeyReader r = Open(m);
            Assert.False(r.Header.V);
            Assert.Equal(csbId, r.Header.CsbId);
            Assert.Equal(ssrc, r.Header.GetSsrc(0));
            Next(r, PayloadType.Timestamp);
            Next(r, PayloadType.Rand);
            Assert.Equal(16, r.Rand.RandLength);
            Next(r, PayloadType.SecurityPolicy);
            SecurityPolicyPayload sp = r.SecurityPolicy;
            Assert.Equal(21, sp.ParametersLength);
            int[] types = { 0, 1, 2, 3, 7, 8, 10 };
            int[] values = { 1, 16, 1, 10, 1, 1, 1 };
            int i = 0;
            for (int p = sp.FirstParameter(); p >= 0; p = sp.NextParameter(p), i++)
            {
                Assert.Equal(types[i], sp.GetParameterType(p));
                Assert.Equal((uint)values[i], sp.GetParameterValue(p));
            }

            Assert.Equal(7, i);
            Next(r, PayloadType.Kemac);
            Assert.Equal(34, r.Kemac.EncrDataLength);
            var sub = new MikeyReader();
            sub.ResetChain(m, r.Kemac.EncrDataOffset, r.Kemac.EncrDataLength, PayloadType.KeyData, DataType.PreShared);
            Next(sub, PayloadType.KeyData);
            Assert.Equal(KeyDataType.Tek, sub.KeyData.KeyType);
            Assert.Equal(30, sub.KeyData.KeyDataLength);
            Assert.Equal(tek, HexOf(m, sub.KeyData.KeyDataOffset, 30));
            Assert.Equal(MikeyStatus.End, r.Read());
            AssertRoundTrip(m);
        }

        [Fact]
        public void Gortsplib_TwoCryptoSessions()
        {
            // mikey-samples.md §5 case "c".
            byte[] m = TestData.Hex(Samples.GortsplibCHex);
            Assert.Equal(121, m.Length);
            MikeyReader r = Open(m);
            Assert.Equal(2, r.Header.CsCount);
            Assert.Equal(0xCC836237u, r.Header.GetSsrc(0));
            Assert.Equal(0xB5CC3BF2u, r.Header.GetSsrc(1));
            Assert.Equal(0, r.Header.GetPolicyNo(1));
            Assert.Equal(MikeyStatus.End, r.Validate());
            AssertRoundTrip(m);
        }

        [Fact]
        public void JavaFixture_TekWithMki()
        {
            // mikey-samples.md §6.
            byte[] m = Samples.B64(Samples.JavaMkiBase64);
            Assert.Equal(126, m.Length);
            MikeyReader r = Open(m);
            Assert.Equal(0x496AE122u, r.Header.CsbId);
            Next(r, PayloadType.Timestamp);
            Next(r, PayloadType.Rand);
            Next(r, PayloadType.SecurityPolicy);
            Assert.Equal(30, r.SecurityPolicy.ParametersLength);
            int at = r.SecurityPolicy.FindParameter((int)SrtpPolicyParameterType.SessionAuthenticationKeyLength);
            Assert.Equal(20u, r.SecurityPolicy.GetParameterValue(at));
            at = r.SecurityPolicy.FindParameter((int)SrtpPolicyParameterType.AuthenticationTagLength);
            Assert.Equal(10u, r.SecurityPolicy.GetParameterValue(at));
            Next(r, PayloadType.Kemac);
            var sub = new MikeyReader();
            sub.ResetChain(m, r.Kemac.EncrDataOffset, r.Kemac.EncrDataLength, PayloadType.KeyData, DataType.PreShared);
            Next(sub, PayloadType.KeyData);
            Assert.Equal(KeyDataType.Tek, sub.KeyData.KeyType);
            Assert.Equal(KvType.Spi, sub.KeyData.Kv);
            Assert.Equal(4, sub.KeyData.SpiLength);
            Assert.Equal("00000001", HexOf(m, sub.KeyData.SpiOffset, 4));
            Assert.Equal(MikeyStatus.End, r.Read());
            AssertRoundTrip(m);
        }

        [Fact]
        public void Live555Template_Decodes()
        {
            // mikey-samples.md §7 with the random fields zeroed.
            byte[] m = TestData.Hex(Samples.Live555TemplateHex);
            Assert.Equal(123, m.Length);
            Assert.Equal(MikeyStatus.End, Open(m).Validate());
            AssertRoundTrip(m);
        }

        [Fact]
        public void PskExchange_IMessage_DecodesAsDocumented()
        {
            // mikey-samples.md §8.2.
            byte[] m = Samples.B64(Samples.PskIMessageBase64);
            Assert.Equal(179, m.Length);
            MikeyReader r = Open(m);
            Assert.Equal(0x12345678u, r.Header.CsbId);
            Assert.Equal(0xDEADBEEFu, r.Header.GetSsrc(0));
            Next(r, PayloadType.Timestamp);
            Assert.Equal(0xE6A9C0D800000000UL, r.Timestamp.Value);
            Next(r, PayloadType.Rand);
            Assert.Equal("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf", HexOf(m, r.Rand.RandOffset, 16));
            Next(r, PayloadType.Id);
            Assert.Equal(IdType.Uri, r.Id.IdType);
            Assert.Equal("sip:alice@example.com", Ascii(m, r.Id.DataOffset, r.Id.DataLength));
            Next(r, PayloadType.Id);
            Assert.Equal("sip:bob@example.com", Ascii(m, r.Id.DataOffset, r.Id.DataLength));
            Next(r, PayloadType.SecurityPolicy);
            Assert.Equal(18, r.SecurityPolicy.ParametersLength);
            Next(r, PayloadType.Kemac);
            Assert.Equal(EncryptionAlgorithm.AesCm128, r.Kemac.EncryptionAlgorithm);
            Assert.Equal(36, r.Kemac.EncrDataLength);
            Assert.Equal("f97b9aada72aef75f224bfa66becb38ca42278a4ca046853bfee3ec8c203df081edcad5b", HexOf(m, r.Kemac.EncrDataOffset, 36));
            Assert.Equal("99eb2bcbde1efd0b107f3c2c9ba753c22f209522", HexOf(m, r.Kemac.MacOffset, 20));

            // §8.2: "HMAC-SHA1(auth_key, bytes 0..158 of the I_MESSAGE)".
            Assert.Equal(159, r.CoveredLength);
            Assert.Equal(MikeyStatus.End, r.Read());
            AssertRoundTrip(m);

            // The decrypted Key data plaintext given in §8.2 parses as TGK+SALT.
            byte[] plain = TestData.Hex("001000100001020304050607" + "08090a0b0c0d0e0f000e303132333435363738393a3b3c3d");
            var sub = new MikeyReader();
            sub.ResetChain(plain, 0, plain.Length, PayloadType.KeyData, DataType.PreShared);
            Next(sub, PayloadType.KeyData);
            Assert.Equal(KeyDataType.TgkSalt, sub.KeyData.KeyType);
            Assert.Equal(16, sub.KeyData.KeyDataLength);
            Assert.True(sub.KeyData.HasSalt);
            Assert.Equal("303132333435363738393a3b3c3d", HexOf(plain, sub.KeyData.SaltOffset, sub.KeyData.SaltLength));
            Assert.Equal(MikeyStatus.End, sub.Read());
        }

        [Fact]
        public void PskExchange_RMessage_DecodesAsDocumented()
        {
            byte[] m = Samples.B64(Samples.PskRMessageBase64);
            Assert.Equal(74, m.Length);
            MikeyReader r = Open(m);
            Assert.Equal(DataType.PskVerification, r.Header.DataType);
            Assert.False(r.Header.V);
            Next(r, PayloadType.Timestamp);
            Next(r, PayloadType.Id);
            Assert.Equal("sip:bob@example.com", Ascii(m, r.Id.DataOffset, r.Id.DataLength));
            Next(r, PayloadType.Verification);
            Assert.Equal("d71205f12cc68182f2e894f7f6d01932a70f086c", HexOf(m, r.Verification.VerDataOffset, 20));
            Assert.Equal(54, r.CoveredLength);
            Assert.Equal(MikeyStatus.End, r.Read());
            AssertRoundTrip(m);
        }
    }
}
