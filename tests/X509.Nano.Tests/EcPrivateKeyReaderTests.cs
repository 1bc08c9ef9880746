using System;
using System.Formats.Asn1;
using System.Security.Cryptography;
using NanoMikey.X509.Asn1;

namespace NanoMikey.X509.Tests
{
    public class EcPrivateKeyReaderTests
    {
        private static byte[] Uncompressed(ECParameters p)
        {
            byte[] q = new byte[65];
            q[0] = 4;
            p.Q.X!.CopyTo(q, 1);
            p.Q.Y!.CopyTo(q, 33);
            return q;
        }

        [Fact]
        public void DotNetExportsReadByUs()
        {
            for (int i = 0; i < 50; i++)
            {
                using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                ECParameters p = key.ExportParameters(true);
                byte[] q = Uncompressed(p);
                byte[] d = new byte[32];

                byte[] sec1 = key.ExportECPrivateKey();
                Assert.Equal(Asn1Status.Ok, EcPrivateKeyReader.ReadEcPrivateKey(sec1, 0, sec1.Length, d, 0, out int po, out int pl));
                Assert.Equal(p.D, d);
                Assert.Equal(q, sec1.AsSpan(po, pl).ToArray());

                byte[] pkcs8 = key.ExportPkcs8PrivateKey();
                Array.Clear(d);
                Assert.Equal(Asn1Status.Ok, EcPrivateKeyReader.ReadPkcs8(pkcs8, 0, pkcs8.Length, d, 0, out po, out pl));
                Assert.Equal(p.D, d);
                Assert.Equal(q, pkcs8.AsSpan(po, pl).ToArray());
            }
        }

        private static byte[] Sec1(byte[] d, bool withParams, byte[]? pub, int version = 1)
        {
            var w = new AsnWriter(AsnEncodingRules.DER);
            w.PushSequence();
            w.WriteInteger(version);
            w.WriteOctetString(d);
            if (withParams)
            {
                var t0 = new System.Formats.Asn1.Asn1Tag(TagClass.ContextSpecific, 0, true);
                w.PushSequence(t0);
                w.WriteObjectIdentifier("1.2.840.10045.3.1.7");
                w.PopSequence(t0);
            }

            if (pub != null)
            {
                var t1 = new System.Formats.Asn1.Asn1Tag(TagClass.ContextSpecific, 1, true);
                w.PushSequence(t1);
                w.WriteBitString(pub);
                w.PopSequence(t1);
            }

            w.PopSequence();
            return w.Encode();
        }

        private static byte[] Pkcs8(byte[] inner, int version = 0, byte[]? outerPub = null, bool attributes = false, string curve = "1.2.840.10045.3.1.7")
        {
            var w = new AsnWriter(AsnEncodingRules.DER);
            w.PushSequence();
            w.WriteInteger(version);
            w.PushSequence();
            w.WriteObjectIdentifier("1.2.840.10045.2.1");
            w.WriteObjectIdentifier(curve);
            w.PopSequence();
            w.WriteOctetString(inner);
            if (attributes)
            {
                var t0 = new System.Formats.Asn1.Asn1Tag(TagClass.ContextSpecific, 0, true);
                w.PushSetOf(t0);
                w.PopSetOf(t0);
            }

            if (outerPub != null)
            {
                w.WriteBitString(outerPub, 0, new System.Formats.Asn1.Asn1Tag(TagClass.ContextSpecific, 1));
            }

            w.PopSequence();
            return w.Encode();
        }

        [Fact]
        public void OptionalFieldVariants()
        {
            using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            ECParameters p = key.ExportParameters(true);
            byte[] q = Uncompressed(p);
            byte[] d = new byte[32];

            foreach (bool withParams in new[] { false, true })
            {
                foreach (bool withPub in new[] { false, true })
                {
                    byte[] sec1 = Sec1(p.D!, withParams, withPub ? q : null);
                    Assert.Equal(Asn1Status.Ok, EcPrivateKeyReader.ReadEcPrivateKey(sec1, 0, sec1.Length, d, 0, out _, out int pl));
                    Assert.Equal(p.D, d);
                    Assert.Equal(withPub ? 65 : 0, pl);

                    byte[] v1 = Pkcs8(sec1, attributes: true);
                    Assert.Equal(Asn1Status.Ok, EcPrivateKeyReader.ReadPkcs8(v1, 0, v1.Length, d, 0, out _, out pl));
                    Assert.Equal(withPub ? 65 : 0, pl);

                    // RFC 5958 v2 with the outer publicKey (must agree with the inner one when both are there).
                    byte[] v2 = Pkcs8(sec1, 1, q);
                    Assert.Equal(Asn1Status.Ok, EcPrivateKeyReader.ReadPkcs8(v2, 0, v2.Length, d, 0, out int po, out pl));
                    Assert.Equal(q, v2.AsSpan(po, pl).ToArray());
                }
            }

            // .NET reads a v2 OneAsymmetricKey of ours? Not needed; but it must read the v1 form we accept.
            byte[] plain = Pkcs8(Sec1(p.D!, false, q));
            using ECDsa back = ECDsa.Create();
            back.ImportPkcs8PrivateKey(plain, out _);
            Assert.Equal(p.D, back.ExportParameters(true).D);
        }

        [Fact]
        public void Rejections()
        {
            using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            ECParameters p = key.ExportParameters(true);
            byte[] q = Uncompressed(p);
            byte[] other = (byte[])q.Clone();
            other[64] ^= 1;
            byte[] n = TestData.Hex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
            byte[] nMinus1 = TestData.Hex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632550");
            byte[] d = new byte[32];

            Check(Asn1Status.UnsupportedVersion, Sec1(p.D!, false, null, version: 0), sec1: true);
            Check(Asn1Status.InvalidPrivateKey, Sec1(new byte[32], false, null), sec1: true);
            Check(Asn1Status.InvalidPrivateKey, Sec1(n, false, null), sec1: true);
            Check(Asn1Status.Ok, Sec1(nMinus1, false, null), sec1: true);
            Check(Asn1Status.InvalidPrivateKey, Sec1(p.D!.AsSpan(1).ToArray(), false, null), sec1: true);
            byte[] withTrailing = Sec1(p.D!, false, null);
            Array.Resize(ref withTrailing, withTrailing.Length + 1);
            Check(Asn1Status.TrailingData, withTrailing, sec1: true);
            Check(Asn1Status.InvalidPublicKey, Sec1(p.D!, false, q.AsSpan(0, 64).ToArray()), sec1: true);

            byte[] sec1 = Sec1(p.D!, true, q);
            Check(Asn1Status.UnsupportedVersion, Pkcs8(sec1, version: 2), sec1: false);
            Check(Asn1Status.FieldNotAllowed, Pkcs8(sec1, version: 0, outerPub: q), sec1: false);
            Check(Asn1Status.InvalidPublicKey, Pkcs8(sec1, version: 1, outerPub: other), sec1: false);
            Check(Asn1Status.UnsupportedCurve, Pkcs8(sec1, curve: "1.3.132.0.34"), sec1: false);
            Check(Asn1Status.TrailingData, Pkcs8(withTrailing), sec1: false);
            Check(Asn1Status.InvalidPrivateKey, Pkcs8(Sec1(n, false, null)), sec1: false);

            // A P-384 key from .NET is refused with a typed status.
            using ECDsa p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
            byte[] k384 = p384.ExportPkcs8PrivateKey();
            Assert.Equal(Asn1Status.UnsupportedCurve, EcPrivateKeyReader.ReadPkcs8(k384, 0, k384.Length, d, 0, out _, out _));
            byte[] e384 = p384.ExportECPrivateKey();
            Assert.NotEqual(Asn1Status.Ok, EcPrivateKeyReader.ReadEcPrivateKey(e384, 0, e384.Length, d, 0, out _, out _));

            // An RSA PKCS #8 key is an unsupported algorithm.
            using RSA rsa = RSA.Create(1024);
            byte[] r8 = rsa.ExportPkcs8PrivateKey();
            Assert.Equal(Asn1Status.UnsupportedAlgorithm, EcPrivateKeyReader.ReadPkcs8(r8, 0, r8.Length, d, 0, out _, out _));
        }

        private static void Check(Asn1Status expected, byte[] der, bool sec1)
        {
            byte[] d = new byte[34];
            for (int i = 0; i < d.Length; i++)
            {
                d[i] = 0x55;
            }

            Asn1Status s = sec1
                ? EcPrivateKeyReader.ReadEcPrivateKey(der, 0, der.Length, d, 1, out int po, out int pl)
                : EcPrivateKeyReader.ReadPkcs8(der, 0, der.Length, d, 1, out po, out pl);
            Assert.Equal(expected, s);
            if (s != Asn1Status.Ok)
            {
                for (int i = 1; i < 33; i++)
                {
                    Assert.Equal(0, d[i]);
                }

                Assert.Equal(0, pl);
            }

            Assert.Equal(0x55, d[0]);
            Assert.Equal(0x55, d[33]);
        }

        [Fact]
        public void ScalarRangeCheck()
        {
            byte[] s = new byte[32];
            Assert.False(EcPrivateKeyReader.IsValidScalar(s, 0));
            s[31] = 1;
            Assert.True(EcPrivateKeyReader.IsValidScalar(s, 0));
            byte[] n = TestData.Hex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
            Assert.False(EcPrivateKeyReader.IsValidScalar(n, 0));
            n[31] = 0x50;
            Assert.True(EcPrivateKeyReader.IsValidScalar(n, 0));
            n[0] = 0xFF;
            n[4] = 1;
            Assert.False(EcPrivateKeyReader.IsValidScalar(n, 0));
            Assert.False(EcPrivateKeyReader.IsValidScalar(Enumerable32(0xFF), 0));
        }

        private static byte[] Enumerable32(byte v)
        {
            byte[] b = new byte[32];
            Array.Fill(b, v);
            return b;
        }

        [Fact]
        public void RandomMutationsNeverThrow()
        {
            using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            byte[] pkcs8 = key.ExportPkcs8PrivateKey();
            var rng = new System.Random(3);
            byte[] d = new byte[32];
            for (int i = 0; i < 5000; i++)
            {
                byte[] m = (byte[])pkcs8.Clone();
                m[rng.Next(m.Length)] ^= (byte)(1 << rng.Next(8));
                int len = rng.Next(4) == 0 ? rng.Next(m.Length) : m.Length;
                EcPrivateKeyReader.ReadPkcs8(m, 0, len, d, 0, out _, out _);
                EcPrivateKeyReader.ReadEcPrivateKey(m, 0, len, d, 0, out _, out _);
            }
        }
    }
}
