using System;
using System.Formats.Asn1;
using System.Numerics;
using NanoMikey.X509.Asn1;
using Asn1Tag = NanoMikey.X509.Asn1.Asn1Tag;
using DotNetTag = System.Formats.Asn1.Asn1Tag;

namespace NanoMikey.X509.Tests.Asn1
{
    public class DerWriterTests
    {
        [Fact]
        public void NestedElementsMatchDotNetAsnWriter()
        {
            var rng = new System.Random(7);
            for (int round = 0; round < 200; round++)
            {
                byte[] payload = new byte[rng.Next(0, 400)];
                rng.NextBytes(payload);
                byte[] mag = new byte[rng.Next(0, 40)];
                rng.NextBytes(mag);
                int small = rng.Next(0, int.MaxValue);

                byte[] buf = new byte[1000];
                var w = new DerWriter(buf, 3, 997);
                Assert.True(w.PushSequence());
                Assert.True(w.WriteInteger(small));
                Assert.True(w.WriteUnsignedInteger(mag, 0, mag.Length));
                Assert.True(w.Push(Asn1Tag.ContextConstructed(1)));
                Assert.True(w.WriteBitString(payload, 0, payload.Length));
                Assert.True(w.Pop());
                Assert.True(w.WriteOctetString(payload, 0, payload.Length));
                Assert.True(w.WriteNull());
                Assert.True(w.WriteObjectIdentifier(new byte[] { 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01 }, 0, 7));
                Assert.True(w.Pop());
                Assert.Equal(0, w.Depth);

                var aw = new AsnWriter(AsnEncodingRules.DER);
                aw.PushSequence();
                aw.WriteInteger(small);
                aw.WriteInteger(new BigInteger(mag, isUnsigned: true, isBigEndian: true));
                aw.PushSequence(new DotNetTag(TagClass.ContextSpecific, 1));
                aw.WriteBitString(payload);
                aw.PopSequence(new DotNetTag(TagClass.ContextSpecific, 1));
                aw.WriteOctetString(payload);
                aw.WriteNull();
                aw.WriteObjectIdentifier("1.2.840.10045.2.1");
                aw.PopSequence();
                byte[] expected = aw.Encode();

                Assert.Equal(expected, buf.AsSpan(3, w.Length).ToArray());
            }
        }

        [Fact]
        public void OverflowIsReportedAndSticky()
        {
            byte[] buf = new byte[10];
            var w = new DerWriter(buf, 0, 10);
            Assert.True(w.PushSequence());
            Assert.False(w.WriteOctetString(new byte[20], 0, 20));
            Assert.Equal(Asn1Status.BufferTooSmall, w.Status);
            Assert.False(w.WriteNull());
            Assert.False(w.Pop());
            Assert.Equal(Asn1Status.BufferTooSmall, w.Status);
        }

        [Fact]
        public void PopThatNeedsWiderLengthChecksRoom()
        {
            byte[] buf = new byte[2 + 3 + 200];
            var w = new DerWriter(buf, 0, buf.Length);
            Assert.True(w.PushSequence());
            Assert.True(w.WriteOctetString(new byte[200], 0, 200));
            Assert.False(w.Pop());
            Assert.Equal(Asn1Status.BufferTooSmall, w.Status);

            buf = new byte[2 + 3 + 200 + 1];
            w.Reset(buf, 0, buf.Length);
            Assert.True(w.PushSequence());
            Assert.True(w.WriteOctetString(new byte[200], 0, 200));
            Assert.True(w.Pop());
            Assert.Equal(buf.Length, w.Length);
            Assert.Equal(0x81, buf[1]);
            Assert.Equal(203, buf[2]);
        }

        [Fact]
        public void CallerBugsThrow()
        {
            var w = new DerWriter(new byte[8], 0, 8);
            Assert.Throws<InvalidOperationException>(() => w.Pop());
            Assert.Throws<ArgumentOutOfRangeException>(() => w.WriteInteger(-1));
            Assert.Throws<ArgumentException>(() => w.WriteObjectIdentifier(new byte[] { 0x80, 0x01 }, 0, 2));
            Assert.Throws<ArgumentOutOfRangeException>(() => new DerWriter(new byte[8], 4, 5));
        }
    }
}
