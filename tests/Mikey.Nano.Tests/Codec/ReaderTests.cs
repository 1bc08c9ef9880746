using System;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Tests.Codec
{
    /// <summary>Strictness, error codes and offsets, linear decoding and termination of the reader.</summary>
    public class ReaderTests
    {
        private static MikeyReader Run(byte[] m, MikeyQuirks q = MikeyQuirks.None)
        {
            var r = new MikeyReader(q);
            if (r.Reset(m, 0, m.Length) == MikeyStatus.Ok)
            {
                r.Validate();
            }

            return r;
        }

        private static byte[] BuildErrorChain(int payloads)
        {
            // HDR (Error message) + T + RAND + (payloads - 2) ERR payloads.
            var buf = new byte[64 + payloads * 4];
            var w = new MikeyWriter();
            w.Reset(buf, 0, buf.Length);
            w.WriteHeader(DataType.Error, false, PrfFunction.Mikey1, 1, CsIdMapType.SrtpId);
            w.WriteTimestamp(TimestampType.NtpUtc, 1);
            w.WriteRand(new byte[16], 0, 16);
            for (int i = 0; i < payloads - 2; i++)
            {
                w.WriteError((ErrorCode)(i % 16));
            }

            Assert.Equal(MikeyStatus.Ok, w.Finish());
            return buf.AsSpan(0, w.Length).ToArray();
        }

        [Fact]
        public void SixtyPayloadMessage_IsDecodedInOnePass()
        {
            byte[] m60 = BuildErrorChain(60);
            MikeyReader r = Run(m60);
            Assert.Equal(MikeyStatus.End, r.Status);

            // 60 payload steps plus the step that finds the end; every byte measured exactly once.
            Assert.Equal(61, r.StepCount);
            Assert.Equal(m60.Length, r.BytesExamined);

            byte[] m120 = BuildErrorChain(120);
            MikeyReader r2 = Run(m120);
            Assert.Equal(121, r2.StepCount);
            Assert.Equal(m120.Length, r2.BytesExamined);
        }

        [Fact]
        public void CycleOfUnknownNextPayloadTypes_StopsAtOnce()
        {
            // GStreamer spins on this (peers.md): every payload names an unknown type 0x63 as its successor.
            byte[] m = new byte[1000];
            Array.Fill(m, (byte)0x63);
            byte[] hdr = TestData.Hex("01000500123456780000" + "0b00c8e350ea00000000");
            Array.Copy(hdr, m, hdr.Length);
            m[10] = 0x63;
            MikeyReader r = Run(m);
            Assert.Equal(MikeyStatus.UnknownPayloadType, r.Status);
            Assert.Equal(ErrorCode.UnsupportedMessageType, r.ErrorCode);
            Assert.Equal(10, r.ErrorOffset);
            Assert.Equal(2, r.StepCount);
        }

        [Fact]
        public void KnownTypesPointingBackwards_CannotLoop()
        {
            // A chain of RAND payloads whose lengths cover the whole buffer: progress is forced by each payload's length.
            byte[] m = new byte[10 + 2 * 300];
            byte[] hdr = TestData.Hex("0100" + "0b" + "00123456780000");
            Array.Copy(hdr, m, hdr.Length);
            for (int p = 10; p < m.Length; p += 2)
            {
                m[p] = 0x0b;
                m[p + 1] = 0;
            }

            MikeyReader r = Run(m);
            Assert.Equal(MikeyStatus.InvalidValue, r.Status);
            Assert.True(r.StepCount <= 2);
        }

        [Theory]
        [InlineData("02000000123456780000", MikeyStatus.UnsupportedVersion, ErrorCode.UnsupportedMessageType, 0)]
        [InlineData("011b0000123456780000", MikeyStatus.UnsupportedDataType, ErrorCode.InvalidDt, 1)]
        [InlineData("01000002123456780000", MikeyStatus.UnsupportedPrf, ErrorCode.InvalidPrf, 3)]
        [InlineData("01000000123456780003", MikeyStatus.UnsupportedMapType, ErrorCode.UnsupportedMessageType, 9)]
        [InlineData("010000001234567801", MikeyStatus.Truncated, ErrorCode.UnsupportedMessageType, 0)]
        [InlineData("0100050012345678000000090000", MikeyStatus.InvalidValue, ErrorCode.InvalidTs, 11)]
        [InlineData("0100140012345678000000", MikeyStatus.PayloadNotAllowed, ErrorCode.UnsupportedMessageType, 2)]
        [InlineData("01060c00123456780000" + "000c0100", MikeyStatus.ReservedBitsSet, ErrorCode.UnsupportedMessageType, 12)]
        [InlineData("01060c00123456780000000000000000", MikeyStatus.TrailingBytes, ErrorCode.UnsupportedMessageType, 14)]
        [InlineData("01060100123456780000" + "00040000" + "00", MikeyStatus.InvalidValue, ErrorCode.InvalidEa, 11)]
        [InlineData("01060100123456780000" + "00000000" + "03", MikeyStatus.InvalidValue, ErrorCode.InvalidMac, 14)]
        [InlineData("01060a00123456780000" + "0000000003" + "150100", MikeyStatus.InvalidValue, ErrorCode.InvalidSpPar, 15)]
        [InlineData("01060a00123456780000" + "0000020000", MikeyStatus.InvalidValue, ErrorCode.InvalidSp, 12)]
        [InlineData("01060a00123456780001" + "0000000000", MikeyStatus.PayloadNotAllowed, ErrorCode.InvalidSp, 2)]
        [InlineData("01060300123456780000" + "0005", MikeyStatus.InvalidValue, ErrorCode.InvalidDh, 11)]
        [InlineData("01060800123456780000" + "0007", MikeyStatus.InvalidValue, ErrorCode.InvalidHa, 11)]
        [InlineData("01060600123456780000" + "00090000", MikeyStatus.InvalidValue, ErrorCode.InvalidId, 11)]
        [InlineData("01060700123456780000" + "00090000", MikeyStatus.InvalidValue, ErrorCode.InvalidCert, 11)]
        public void Failures_CarryStatusCodeAndOffset(string hex, MikeyStatus status, ErrorCode code, int offset)
        {
            MikeyReader r = Run(TestData.Hex(hex));
            Assert.Equal(status, r.Status);
            Assert.Equal(code, r.ErrorCode);
            Assert.Equal(offset, r.ErrorOffset);
        }

        [Fact]
        public void NullKemac_SubChainIsValidatedInPlace()
        {
            // gortsplib "a" with the Key data length one too large: the sub-chain no longer fits Encr data.
            byte[] m = Samples.B64(Samples.GortsplibABase64);
            Assert.Equal(MikeyStatus.End, Run(m).Status);
            m[80]++;
            MikeyReader r = Run(m);
            Assert.Equal(MikeyStatus.Truncated, r.Status);
        }

        [Fact]
        public void SignMustBeLast()
        {
            byte[] m = TestData.Hex("01060400123456780000" + "0003aabbcc" + "00");
            MikeyReader r = Run(m);
            Assert.Equal(MikeyStatus.TrailingBytes, r.Status);
            Assert.Equal(15, r.ErrorOffset);
            MikeyReader ok = Run(m.AsSpan(0, 15).ToArray());
            Assert.Equal(MikeyStatus.End, ok.Status);
            Assert.Equal(12, ok.IntegrityFieldOffset);
            Assert.Equal(3, ok.IntegrityFieldLength);
            Assert.Equal(12, ok.CoveredLength);
        }

        [Fact]
        public void ReaderIsReusable_AndRejectsBadRanges()
        {
            var r = new MikeyReader();
            Assert.Throws<ArgumentNullException>(() => r.Reset(null!, 0, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => r.Reset(new byte[4], 2, 3));
            byte[] bad = TestData.Hex("02000000123456780000");
            r.Reset(bad, 0, bad.Length);
            Assert.Equal(MikeyStatus.UnsupportedVersion, r.Read());
            byte[] good = Samples.B64(Samples.PskRMessageBase64);
            Assert.Equal(MikeyStatus.Ok, r.Reset(good, 0, good.Length));
            Assert.Equal(MikeyStatus.End, r.Validate());
        }
    }
}
