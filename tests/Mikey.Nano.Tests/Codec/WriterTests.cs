using System;
using System.Text;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Tests.Codec
{
    /// <summary>Writer: chaining, reserved integrity fields with covered ranges, and clean failure on small buffers.</summary>
    public class WriterTests
    {
        [Fact]
        public void BuildsThePskExchangeIMessage_ByteForByte()
        {
            // mikey-samples.md §8.2: the writer reproduces the published 179-byte I_MESSAGE.
            byte[] expected = Samples.B64(Samples.PskIMessageBase64);
            byte[] encr = TestData.Hex("f97b9aada72aef75f224bfa66becb38ca42278a4ca046853bfee3ec8c203df081edcad5b");
            byte[] idi = Encoding.ASCII.GetBytes("sip:alice@example.com");
            byte[] idr = Encoding.ASCII.GetBytes("sip:bob@example.com");
            byte[] rand = TestData.Hex("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf");
            var buf = new byte[400];
            var w = new MikeyWriter();
            w.Reset(buf, 7, 300);
            w.WriteHeader(DataType.PreShared, true, PrfFunction.Mikey1, 0x12345678, CsIdMapType.SrtpId);
            w.AddSrtpIdEntry(0, 0xDEADBEEF, 0);
            w.WriteTimestamp(TimestampType.NtpUtc, 0xE6A9C0D800000000UL);
            w.WriteRand(rand, 0, 16);
            w.WriteId(IdType.Uri, idi, 0, idi.Length);
            w.WriteId(IdType.Uri, idr, 0, idr.Length);
            w.BeginSecurityPolicy(0, ProtocolType.Srtp);
            w.WritePolicyParameter(0, 1);
            w.WritePolicyParameter(1, 16);
            w.WritePolicyParameter(2, 1);
            w.WritePolicyParameter(3, 20);
            w.WritePolicyParameter(4, 14);
            w.WritePolicyParameter(11, 10);
            w.EndSecurityPolicy();
            w.WriteKemac(EncryptionAlgorithm.AesCm128, encr, 0, encr.Length, MacAlgorithm.HmacSha1160);

            // The covered range is bytes 0..158 (§8.2); the mode fills the MAC there.
            Assert.Equal(7 + 159, w.IntegrityFieldOffset);
            Assert.Equal(159, w.CoveredLength);
            Assert.Equal(20, w.IntegrityFieldLength);
            TestData.Hex("99eb2bcbde1efd0b107f3c2c9ba753c22f209522").CopyTo(buf, w.IntegrityFieldOffset);
            Assert.Equal(MikeyStatus.Ok, w.Finish());
            Assert.Equal(179, w.Length);
            Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(buf, 7, 179));
        }

        [Fact]
        public void KemacSubPayloads_AreChainedInsideEncrData()
        {
            // mikey-samples.md §6: TEK + SPI inside a NULL KEMAC, written through BeginKemac/WriteKeyData/EndKemac.
            byte[] expected = Samples.B64(Samples.JavaMkiBase64);
            var r = new MikeyReader();
            r.Reset(expected, 0, expected.Length);
            var buf = new byte[200];
            var w = new MikeyWriter();
            w.Reset(buf, 0, buf.Length);
            Reencoder.Copy(r, w);
            Assert.Equal(MikeyStatus.Ok, w.Finish());
            Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(buf, 0, w.Length));
            Assert.Equal(expected.Length, w.IntegrityFieldOffset);
            Assert.Equal(0, w.IntegrityFieldLength);
            Assert.Equal(86, w.KemacEncrDataOffset);
            Assert.Equal(39, w.KemacEncrDataLength);
        }

        [Fact]
        public void TooSmallBuffer_FailsCleanlyAtEverySize()
        {
            var full = new byte[512];
            int len = AllocationTests.WritePskIMessage(new MikeyWriter(), full);
            for (int cap = 0; cap < len; cap++)
            {
                var small = new byte[cap];
                var w = new MikeyWriter();
                Assert.Equal(-1, AllocationTests.WritePskIMessageTolerant(w, small));
                Assert.Equal(MikeyStatus.BufferTooSmall, w.Status);
            }

            var exact = new byte[len];
            Assert.Equal(len, AllocationTests.WritePskIMessageTolerant(new MikeyWriter(), exact));
        }

        [Fact]
        public void SignIsLast_AndMisuseThrows()
        {
            var buf = new byte[100];
            var w = new MikeyWriter();
            w.Reset(buf, 0, buf.Length);
            Assert.Throws<InvalidOperationException>(() => w.WriteTimestamp(TimestampType.NtpUtc, 0));
            w.WriteHeader(DataType.DhInit, false, PrfFunction.Mikey1, 5, CsIdMapType.Empty);
            w.WriteTimestamp(TimestampType.Counter, 7);
            Assert.Throws<InvalidOperationException>(() => w.AddSrtpIdEntry(0, 0, 0));
            Assert.Throws<InvalidOperationException>(() => w.WriteKeyData(KeyDataType.Tgk, new byte[1], 0, 1, null, 0, 0, KvType.Null, null, 0, 0, null, 0, 0));
            w.WriteSign(SignatureType.RsaPkcs1, 3);
            Assert.Throws<InvalidOperationException>(() => w.WriteError(ErrorCode.AuthFailure));
            Assert.Equal(MikeyStatus.Ok, w.Finish());
            Assert.Equal("01040500000000050001" + "040200000007" + "0003000000", Convert.ToHexString(buf, 0, w.Length));
            Assert.Equal(18, w.IntegrityFieldOffset);
            Assert.Equal(18, w.CoveredLength);
        }
    }
}
