using System;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Tests.Codec
{
    /// <summary>Hand-assembled payloads checked field by field against the RFC figures they follow.</summary>
    public class PayloadLayoutTests
    {
        private static MikeyReader ReadOne(string hex, PayloadType type)
        {
            byte[] m = TestData.Hex(hex);
            var r = new MikeyReader { IsCsbUpdate = true };
            Assert.Equal(MikeyStatus.Ok, r.Reset(m, 0, m.Length));
            Assert.Equal(MikeyStatus.Ok, r.Read());
            Assert.Equal(type, r.PayloadType);
            byte[]? again = Reencoder.Reencode(m, MikeyQuirks.None, out MikeyStatus s, csbUpdate: true);
            Assert.True(again != null, s.ToString());
            Assert.Equal(Convert.ToHexString(m), Convert.ToHexString(again!));
            return r;
        }

        [Fact]
        public void GenericIdMap_Rfc6043Section6_1_1()
        {
            // CS ID 1, Prot SRTP, S = 1, #P = 1 (policy 5), Session Data = SSRC ‖ ROC ‖ SEQ, SPI 07; then a T payload.
            MikeyReader r = ReadOne("010e0500000000010102" + "0100810500" + "0a112233440000000102030107" + "000200000007", PayloadType.Timestamp);
            CommonHeader h = r.Header;
            Assert.Equal(DataType.TransferInit, h.DataType);
            Assert.Equal(CsIdMapType.GenericId, h.CsIdMapType);
            Assert.Equal(1, h.GetGenericCsId(0));
            Assert.True(h.GetGenericS(0));
            Assert.Equal(1, h.GetGenericPolicyCount(0));
            Assert.Equal(5, h.GetGenericPolicyNo(0, 0));
            Assert.Equal(10, h.GetGenericSessionDataLength(0));
            Assert.Equal(0x11, r.Buffer[h.GetGenericSessionDataOffset(0)]);
            Assert.Equal(1, h.GetGenericSpiLength(0));
            Assert.Equal(7, r.Buffer[h.GetGenericSpiOffset(0)]);
            Assert.Equal(TimestampType.Counter, r.Timestamp.TimestampType);
            Assert.Equal(7UL, r.Timestamp.Value);
        }

        [Fact]
        public void TicketPolicyFlags_Rfc6043Section6_10()
        {
            // Ticket Type 1, Subtype 1, Version 1, PRF Func 1, flags D, F, O; Res 0; TP Data "abcd".
            MikeyReader r = ReadOne("010b1000000000010001" + "00000101010340200002abcd", PayloadType.Tp);
            TpPayload tp = r.Tp;
            Assert.Equal(TicketType.MikeyBaseTicket, tp.TicketType);
            Assert.Equal(1, tp.Subtype);
            Assert.Equal(1, tp.TicketVersion);
            Assert.Equal(PrfFunction.PrfHmacSha256, tp.PrfFunction);
            Assert.Equal(TicketFlags.D | TicketFlags.F | TicketFlags.O, tp.Flags);
            Assert.Equal(2, tp.TpDataLength);

            // Res bits set: rejected.
            byte[] bad = TestData.Hex("010b1000000000010001" + "00000101010340210002abcd");
            var strict = new MikeyReader { IsCsbUpdate = true };
            strict.Reset(bad, 0, bad.Length);
            Assert.Equal(MikeyStatus.ReservedBitsSet, strict.Validate());
            Assert.Equal(17, strict.ErrorOffset);
        }

        [Fact]
        public void Eccpt_P256PointPaddedTo32Bits_Rfc6267Section6_1_4()
        {
            string point = "04" + new string('1', 64) + new string('2', 64);
            MikeyReader r = ReadOne("0100" + "1900000000010001" + "0008" + point + "000000" + "01001001" + "02beef",
                PayloadType.Eccpt);
            EccptPayload e = r.Eccpt;
            Assert.Equal(EccCurve.P256, e.Curve);
            Assert.Equal(65, e.PointLength);
            Assert.Equal(68, e.PaddedPointLength);
            Assert.Equal(MacAlgorithm.HmacSha1160, e.AuthAlgorithm);
            Assert.Equal(16, e.TgkLength);
            Assert.Equal(KvType.Spi, e.Kv);
            Assert.Equal(2, e.SpiLength);
            Assert.Equal(0xbe, r.Buffer[e.SpiOffset]);

            // Non-zero padding is rejected.
            byte[] bad = TestData.Hex("0100" + "1900000000010001" + "0008" + point + "000100" + "01001001" + "02beef");
            var strict = new MikeyReader { IsCsbUpdate = true };
            strict.Reset(bad, 0, bad.Length);
            Assert.Equal(MikeyStatus.ReservedBitsSet, strict.Validate());
        }

        [Fact]
        public void KeyIdExtension_Rfc4563Section4()
        {
            // General extension type 3 with two Key ID sub-payloads: MSK ID (1) 4 bytes, MTK ID (2) 2 bytes.
            MikeyReader r = ReadOne("01001500000000010001" + "0003000a" + "010411223344" + "02025566", PayloadType.GeneralExtension);
            GeneralExtensionPayload g = r.GeneralExtension;
            Assert.Equal(GeneralExtensionType.KeyId, g.ExtensionType);
            int p = g.FirstKeyId();
            Assert.Equal(KeyIdType.MbmsServiceKeyId, g.GetKeyIdType(p));
            Assert.Equal(4, g.GetKeyIdLength(p));
            p = g.NextKeyId(p);
            Assert.Equal(KeyIdType.MbmsTrafficKeyId, g.GetKeyIdType(p));
            Assert.Equal(-1, g.NextKeyId(p));

            // A Key ID list that overruns the extension's Data is rejected.
            byte[] bad = TestData.Hex("01001500000000010001" + "0003000a" + "010511223344" + "02025566");
            var strict = new MikeyReader { IsCsbUpdate = true };
            strict.Reset(bad, 0, bad.Length);
            Assert.Equal(MikeyStatus.LengthMismatch, strict.Validate());
        }
    }
}
