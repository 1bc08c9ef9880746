using System;
using System.Formats.Asn1;
using NanoMikey.X509.Asn1;
using Asn1Tag = NanoMikey.X509.Asn1.Asn1Tag;

namespace NanoMikey.X509.Tests.Asn1
{
    public class DerReaderTests
    {
        private static DerReader Over(string hex)
        {
            byte[] b = TestData.Hex(hex);
            return new DerReader(b, 0, b.Length);
        }

        private static Asn1Status SkipAll(string hex)
        {
            DerReader r = Over(hex);
            while (r.HasData)
            {
                r.Skip();
            }

            r.Finish();
            return r.Status;
        }

        // X.690 §8.1.3 / §10.1 length rules, each rejection.
        [Theory]
        [InlineData("0400", Asn1Status.Ok)]
        [InlineData("047f" + "00", Asn1Status.Truncated)]
        [InlineData("0480", Asn1Status.IndefiniteLength)]
        [InlineData("30800000", Asn1Status.IndefiniteLength)]
        [InlineData("04810100", Asn1Status.NonMinimalLength)]
        [InlineData("0481", Asn1Status.Truncated)]
        [InlineData("0482000100", Asn1Status.NonMinimalLength)]
        [InlineData("048200ff", Asn1Status.NonMinimalLength)]
        [InlineData("0485010000000000", Asn1Status.LengthTooLarge)]
        [InlineData("04ff", Asn1Status.LengthTooLarge)]
        [InlineData("048480000000", Asn1Status.LengthTooLarge)]
        [InlineData("0484010000000000", Asn1Status.Truncated)]
        [InlineData("04", Asn1Status.Truncated)]
        [InlineData("0000", Asn1Status.InvalidTag)]
        [InlineData("1f0100", Asn1Status.InvalidTag)]
        [InlineData("bf1f0100", Asn1Status.InvalidTag)]
        [InlineData("04010004", Asn1Status.Truncated)]
        [InlineData("040100ff", Asn1Status.InvalidTag)]
        [InlineData("0401000401", Asn1Status.Truncated)]
        public void HeaderRules(string hex, Asn1Status expected)
        {
            Assert.Equal(expected, SkipAll(hex));
        }

        [Fact]
        public void LongFormLengthAcceptedWhenMinimal()
        {
            byte[] b = new byte[3 + 200];
            b[0] = 0x04;
            b[1] = 0x81;
            b[2] = 200;
            var r = new DerReader(b, 0, b.Length);
            Assert.True(r.ReadOctetString(out int off, out int len));
            Assert.Equal(3, off);
            Assert.Equal(200, len);
            Assert.True(r.Finish());

            byte[] c = new byte[4 + 300];
            c[0] = 0x04;
            c[1] = 0x82;
            c[2] = 0x01;
            c[3] = 0x2c;
            r.Reset(c, 0, c.Length);
            Assert.True(r.ReadOctetString(out off, out len));
            Assert.Equal(300, len);
        }

        [Fact]
        public void TrailingBytesRejectedAtTopAndInside()
        {
            DerReader r = Over("0500" + "00");
            Assert.True(r.ReadNull());
            Assert.False(r.Finish());
            Assert.Equal(Asn1Status.TrailingData, r.Status);
            Assert.Equal(2, r.ErrorOffset);

            r = Over("3005" + "020101" + "0500");
            Assert.True(r.EnterSequence());
            Assert.True(r.ReadNonNegativeInt32(out int v));
            Assert.Equal(1, v);
            Assert.False(r.Exit());
            Assert.Equal(Asn1Status.TrailingData, r.Status);
            Assert.Equal(5, r.ErrorOffset);
        }

        [Fact]
        public void InnerLengthCannotExceedOuter()
        {
            DerReader r = Over("3003" + "020201" + "00");
            Assert.True(r.EnterSequence());
            Assert.False(r.ReadInteger(out _, out _));
            Assert.Equal(Asn1Status.Truncated, r.Status);
        }

        [Fact]
        public void ErrorIsSticky()
        {
            DerReader r = Over("0101020500");
            Assert.False(r.ReadBoolean(out _));
            Assert.Equal(Asn1Status.InvalidBoolean, r.Status);
            Assert.False(r.ReadNull());
            Assert.False(r.HasData);
            Assert.Equal(-1, r.PeekTag());
            Assert.Equal(Asn1Status.InvalidBoolean, r.Status);
            Assert.Equal(0, r.ErrorOffset);
        }

        [Fact]
        public void UnexpectedTagDoesNotConsume()
        {
            DerReader r = Over("0500");
            Assert.False(r.ReadInteger(out _, out _));
            Assert.Equal(Asn1Status.UnexpectedTag, r.Status);
            Assert.Equal(0, r.Position);
        }

        [Fact]
        public void MissingElementAtEndOfScope()
        {
            DerReader r = Over("3000");
            Assert.True(r.EnterSequence());
            Assert.False(r.ReadNull());
            Assert.Equal(Asn1Status.MissingElement, r.Status);
        }

        [Theory]
        [InlineData("020100", true)]
        [InlineData("02017f", true)]
        [InlineData("02020080", true)]
        [InlineData("020180", true)]
        [InlineData("0202ff7f", true)]
        [InlineData("0200", false)]
        [InlineData("0202007f", false)]
        [InlineData("02020000", false)]
        [InlineData("0202ff80", false)]
        [InlineData("0202ffff", false)]
        public void IntegerMinimality(string hex, bool ok)
        {
            DerReader r = Over(hex);
            Assert.Equal(ok, r.ReadInteger(out _, out _));
            if (!ok)
            {
                Assert.Equal(Asn1Status.NonMinimalInteger, r.Status);
            }
        }

        [Theory]
        [InlineData("020100", "0000", Asn1Status.Ok)]
        [InlineData("020101", "0001", Asn1Status.Ok)]
        [InlineData("020200ff", "00ff", Asn1Status.Ok)]
        [InlineData("02021234", "1234", Asn1Status.Ok)]
        [InlineData("020300ffff", "ffff", Asn1Status.Ok)]
        [InlineData("0203010000", "0000", Asn1Status.IntegerTooLarge)]
        [InlineData("0201ff", "0000", Asn1Status.NegativeInteger)]
        [InlineData("020180", "0000", Asn1Status.NegativeInteger)]
        [InlineData("02020001", "0000", Asn1Status.NonMinimalInteger)]
        public void UnsignedIntegerIntoFixedWidth(string hex, string expected, Asn1Status status)
        {
            DerReader r = Over(hex);
            byte[] o = new byte[] { 0xAA, 0xAA };
            Assert.Equal(status == Asn1Status.Ok, r.ReadUnsignedInteger(o, 0, 2));
            Assert.Equal(status, r.Status);
            Assert.Equal(expected, Convert.ToHexString(o).ToLowerInvariant());
        }

        [Theory]
        [InlineData("020100", 0, Asn1Status.Ok)]
        [InlineData("02020080", 128, Asn1Status.Ok)]
        [InlineData("02047fffffff", int.MaxValue, Asn1Status.Ok)]
        [InlineData("02050080000000", 0, Asn1Status.IntegerTooLarge)]
        [InlineData("0201ff", 0, Asn1Status.NegativeInteger)]
        public void NonNegativeInt32(string hex, int value, Asn1Status status)
        {
            DerReader r = Over(hex);
            r.ReadNonNegativeInt32(out int v);
            Assert.Equal(status, r.Status);
            Assert.Equal(value, v);
        }

        [Theory]
        [InlineData("010100", Asn1Status.Ok)]
        [InlineData("0101ff", Asn1Status.Ok)]
        [InlineData("010101", Asn1Status.InvalidBoolean)]
        [InlineData("0100", Asn1Status.InvalidBoolean)]
        [InlineData("01020000", Asn1Status.InvalidBoolean)]
        [InlineData("050100", Asn1Status.InvalidNull)]
        [InlineData("0500", Asn1Status.Ok)]
        public void BooleanAndNull(string hex, Asn1Status status)
        {
            DerReader r = Over(hex);
            if (hex.StartsWith("01"))
            {
                r.ReadBoolean(out _);
            }
            else
            {
                r.ReadNull();
            }

            Assert.Equal(status, r.Status);
        }

        [Theory]
        [InlineData("0300", Asn1Status.InvalidBitString)]
        [InlineData("030100", Asn1Status.Ok)]
        [InlineData("030101", Asn1Status.InvalidBitString)]
        [InlineData("030208ff", Asn1Status.InvalidBitString)]
        [InlineData("030207ff", Asn1Status.InvalidBitString)]
        [InlineData("03020780", Asn1Status.Ok)]
        [InlineData("030200ff", Asn1Status.Ok)]
        [InlineData("2303030100", Asn1Status.UnexpectedTag)]
        public void BitStringRules(string hex, Asn1Status status)
        {
            DerReader r = Over(hex);
            r.ReadBitString(out _, out _, out _);
            Assert.Equal(status, r.Status);
        }

        [Theory]
        [InlineData("06082a8648ce3d030107", Asn1Status.Ok)]
        [InlineData("0600", Asn1Status.InvalidObjectIdentifier)]
        [InlineData("0602802a", Asn1Status.InvalidObjectIdentifier)]
        [InlineData("06022a86", Asn1Status.InvalidObjectIdentifier)]
        [InlineData("06032a8001", Asn1Status.InvalidObjectIdentifier)]
        public void ObjectIdentifierRules(string hex, Asn1Status status)
        {
            DerReader r = Over(hex);
            r.ReadObjectIdentifier(out _, out _);
            Assert.Equal(status, r.Status);
        }

        private static string TimeHex(int tag, string text)
        {
            return tag.ToString("x2") + text.Length.ToString("x2") + Convert.ToHexString(System.Text.Encoding.ASCII.GetBytes(text));
        }

        [Theory]
        [InlineData(0x17, "700101000000Z", "1970-01-01T00:00:00Z")]
        [InlineData(0x17, "491231235959Z", "2049-12-31T23:59:59Z")]
        [InlineData(0x17, "500101000000Z", "1950-01-01T00:00:00Z")]
        [InlineData(0x17, "000229120000Z", "2000-02-29T12:00:00Z")]
        [InlineData(0x18, "20500101000000Z", "2050-01-01T00:00:00Z")]
        [InlineData(0x18, "99991231235959Z", "9999-12-31T23:59:59Z")]
        [InlineData(0x18, "19000101000000Z", "1900-01-01T00:00:00Z")]
        [InlineData(0x18, "24000229000000Z", "2400-02-29T00:00:00Z")]
        public void TimesAsNtpSeconds(int tag, string text, string iso)
        {
            DerReader r = Over(TimeHex(tag, text));
            Assert.True(r.ReadTime(out ulong ntp));
            DateTimeOffset expected = DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
            ulong want = (ulong)(expected - new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero)).TotalSeconds;
            Assert.Equal(want, ntp);
        }

        [Theory]
        [InlineData(0x17, "7001010000Z")]
        [InlineData(0x17, "700101000000")]
        [InlineData(0x17, "700101000000+0000")]
        [InlineData(0x17, "700101000060Z")]
        [InlineData(0x17, "700101006000Z")]
        [InlineData(0x17, "700101240000Z")]
        [InlineData(0x17, "700132000000Z")]
        [InlineData(0x17, "700100000000Z")]
        [InlineData(0x17, "701301000000Z")]
        [InlineData(0x17, "700001000000Z")]
        [InlineData(0x17, "010229000000Z")]
        [InlineData(0x17, "700431000000Z")]
        [InlineData(0x17, "7001010000 0Z")]
        [InlineData(0x17, "70010100000-Z")]
        [InlineData(0x18, "21000229000000Z")]
        [InlineData(0x18, "20500101000000.5Z")]
        [InlineData(0x18, "18991231235959Z")]
        [InlineData(0x18, "205001010000Z")]
        [InlineData(0x18, "20500101000000z")]
        public void BadTimesRejected(int tag, string text)
        {
            DerReader r = Over(TimeHex(tag, text));
            Assert.False(r.ReadTime(out ulong ntp));
            Assert.Equal(Asn1Status.InvalidTime, r.Status);
            Assert.Equal(0UL, ntp);
        }

        [Fact]
        public void NestingLimit()
        {
            var r = new DerReader(2);
            byte[] b = TestData.Hex("3006" + "3004" + "30020500");
            r.Reset(b, 0, b.Length);
            Assert.True(r.EnterSequence());
            Assert.True(r.EnterSequence());
            Assert.False(r.EnterSequence());
            Assert.Equal(Asn1Status.NestingTooDeep, r.Status);
            Assert.Equal(4, r.ErrorOffset);
        }

        [Fact]
        public void ReadsInPlaceAtAnOffset()
        {
            byte[] b = TestData.Hex("ffff" + "3009" + "0201" + "05" + "0404" + "deadbeef" + "ffff");
            var r = new DerReader(b, 2, 11);
            int start = r.Position;
            Assert.True(r.EnterSequence());
            Assert.True(r.ReadNonNegativeInt32(out int v));
            Assert.Equal(5, v);
            Assert.True(r.ReadOctetString(out int off, out int len));
            Assert.Equal(9, off);
            Assert.Equal(4, len);
            Assert.True(r.Exit());
            Assert.True(r.Finish());
            Assert.Equal(11, r.Position - start);
            Assert.Same(b, r.Data);
        }

        [Fact]
        public void CallerBugsThrow()
        {
            Assert.Throws<ArgumentNullException>(() => new DerReader(null!, 0, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => new DerReader(new byte[4], 2, 3));
            Assert.Throws<ArgumentOutOfRangeException>(() => new DerReader(new byte[4], -1, 1));
            var r = new DerReader(new byte[] { 5, 0 }, 0, 2);
            Assert.Throws<InvalidOperationException>(() => r.Exit());
            Assert.Throws<ArgumentException>(() => r.Enter(Asn1Tag.Integer));
        }

        [Fact]
        public void RandomInputsNeverThrow()
        {
            var rng = new System.Random(1234);
            var r = new DerReader(4);
            byte[] o = new byte[32];
            for (int i = 0; i < 20000; i++)
            {
                byte[] b = new byte[rng.Next(0, 24)];
                rng.NextBytes(b);
                if (b.Length > 0 && rng.Next(2) == 0)
                {
                    b[0] = 0x30;
                }

                r.Reset(b, 0, b.Length);
                Walk(r, o, rng);
            }
        }

        private static void Walk(DerReader r, byte[] o, System.Random rng)
        {
            int steps = 0;
            while (r.HasData && steps++ < 50)
            {
                switch (rng.Next(9))
                {
                    case 0: r.EnterSequence(); break;
                    case 1: r.ReadInteger(out _, out _); break;
                    case 2: r.ReadUnsignedInteger(o, 0, 32); break;
                    case 3: r.ReadBitString(out _, out _, out _); break;
                    case 4: r.ReadObjectIdentifier(out _, out _); break;
                    case 5: r.ReadTime(out _); break;
                    case 6: r.ReadBoolean(out _); break;
                    case 7: if (r.Depth > 0) { r.Exit(); } break;
                    default: r.Skip(); break;
                }
            }
        }

        [Fact]
        public void AgreesWithDotNetAsnReaderOnRandomElements()
        {
            // Cross-check: for short random inputs the set of accepted single elements must match .NET's DER reader.
            var rng = new System.Random(99);
            int agreed = 0;
            for (int i = 0; i < 20000; i++)
            {
                byte[] b = new byte[rng.Next(1, 8)];
                rng.NextBytes(b);
                b[0] = (byte)(rng.Next(2) == 0 ? 0x04 : 0x30);
                if (b.Length > 1 && rng.Next(3) == 0)
                {
                    b[1] = (byte)rng.Next(0x80, 0x86);
                }

                var ours = new DerReader(b, 0, b.Length);
                bool oursOk = ours.Skip() && ours.Finish();
                bool theirsOk;
                try
                {
                    var rd = new AsnReader(b, AsnEncodingRules.DER);
                    rd.ReadEncodedValue();
                    rd.ThrowIfNotEmpty();
                    theirsOk = true;
                }
                catch (AsnContentException)
                {
                    theirsOk = false;
                }

                Assert.True(oursOk == theirsOk, Convert.ToHexString(b));
                agreed++;
            }

            Assert.Equal(20000, agreed);
        }
    }
}
