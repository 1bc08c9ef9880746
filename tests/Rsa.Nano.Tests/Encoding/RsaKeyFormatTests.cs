using System;
using System.Formats.Asn1;
using System.IO;
using System.Security.Cryptography;
using NanoMikey.Tests;
using NanoMikey.X509.Asn1;

namespace NanoMikey.Rsa.Tests.KeyFormats
{
    /// <summary>
    /// RsaKeyReader / RsaKeyWriter against .NET's RSA (PKCS #1, SPKI, PKCS #8) over the OpenSSL-made keys of
    /// tests/vectors/x509/rsa and fresh .NET keys, and strict-DER rejections.
    /// </summary>
    public class RsaKeyFormatTests
    {
        private static byte[] Vector(string name) => File.ReadAllBytes(TestData.VectorPath("x509", "rsa", name));

        private static byte[] Written(Asn1Status status, byte[] buffer, int written)
        {
            Assert.Equal(Asn1Status.Ok, status);
            return buffer.AsSpan(0, written).ToArray();
        }

        private static void RoundTrip(RSA rsa, int maxBits)
        {
            RSAParameters p = rsa.ExportParameters(true);
            var output = new byte[4096];
            int written;

            byte[] pkcs8 = rsa.ExportPkcs8PrivateKey();
            var fromPkcs8 = new RsaPrivateKey(maxBits);
            Assert.Equal(Asn1Status.Ok, RsaKeyReader.ReadPkcs8(pkcs8, 0, pkcs8.Length, fromPkcs8));
            Assert.Equal(pkcs8, Written(RsaKeyWriter.WritePkcs8(fromPkcs8, output, 0, output.Length, out written), output, written));
            // .NET pads d to the modulus length; the holder exports it minimal.
            byte[] minimalD = p.D!.AsSpan(p.D!.AsSpan().IndexOfAnyExcept((byte)0)).ToArray();
            var d = new byte[p.D!.Length];
            Assert.Equal(minimalD.Length, fromPkcs8.ExportComponent(RsaPrivateComponent.PrivateExponent, d, 0));
            Assert.Equal(minimalD, d.AsSpan(0, minimalD.Length).ToArray());

            byte[] pkcs1 = rsa.ExportRSAPrivateKey();
            var fromPkcs1 = new RsaPrivateKey(maxBits);
            Assert.Equal(Asn1Status.Ok, RsaKeyReader.ReadRsaPrivateKey(pkcs1, 0, pkcs1.Length, fromPkcs1));
            Assert.Equal(pkcs1, Written(RsaKeyWriter.WriteRsaPrivateKey(fromPkcs1, output, 0, output.Length, out written), output, written));
            Assert.True(fromPkcs1.PublicKey.SameAs(fromPkcs8.PublicKey));

            byte[] spki = rsa.ExportSubjectPublicKeyInfo();
            var fromSpki = new RsaPublicKey(maxBits);
            Assert.Equal(Asn1Status.Ok, RsaKeyReader.ReadSubjectPublicKeyInfo(spki, 0, spki.Length, fromSpki));
            Assert.Equal(spki, Written(RsaKeyWriter.WriteSubjectPublicKeyInfo(fromSpki, output, 0, output.Length, out written), output, written));
            Assert.True(fromSpki.SameAs(fromPkcs8.PublicKey));
            // The public half of a private key writes the same SPKI.
            Assert.Equal(spki, Written(RsaKeyWriter.WriteSubjectPublicKeyInfo(fromPkcs8.PublicKey, output, 0, output.Length, out written), output, written));

            byte[] pub = rsa.ExportRSAPublicKey();
            var fromPub = new RsaPublicKey(maxBits);
            Assert.Equal(Asn1Status.Ok, RsaKeyReader.ReadRsaPublicKey(pub, 0, pub.Length, fromPub));
            Assert.Equal(pub, Written(RsaKeyWriter.WriteRsaPublicKey(fromPub, output, 0, output.Length, out written), output, written));

            // What we write, .NET reads back to the same key.
            using RSA back = RSA.Create();
            back.ImportPkcs8PrivateKey(Written(RsaKeyWriter.WritePkcs8(fromPkcs1, output, 0, output.Length, out written), output, written), out int read);
            Assert.Equal(written, read);
            Assert.Equal(p.Modulus, back.ExportParameters(false).Modulus);
        }

        [Theory]
        [InlineData("rsa2048", 2048)]
        [InlineData("rsa3072", 3072)]
        [InlineData("rsa3072", 4096)]
        public void OpenSslKeysRoundTrip(string name, int maxBits)
        {
            using RSA rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(Vector(name + ".pkcs8.der"), out _);
            // The OpenSSL files are what .NET writes, byte for byte, in every format.
            Assert.Equal(Vector(name + ".pkcs8.der"), rsa.ExportPkcs8PrivateKey());
            Assert.Equal(Vector(name + ".pkcs1.der"), rsa.ExportRSAPrivateKey());
            Assert.Equal(Vector(name + ".spki.der"), rsa.ExportSubjectPublicKeyInfo());
            Assert.Equal(Vector(name + ".pkcs1pub.der"), rsa.ExportRSAPublicKey());
            RoundTrip(rsa, maxBits);
        }

        [Theory]
        [InlineData(1024)]
        [InlineData(2048)]
        public void FreshDotNetKeysRoundTrip(int bits)
        {
            using RSA rsa = RSA.Create(bits);
            RoundTrip(rsa, bits);
        }

        [Fact]
        public void SmallBuffersFailAndAreWiped()
        {
            byte[] pkcs8 = Vector("rsa2048.pkcs8.der");
            var key = new RsaPrivateKey(2048);
            Assert.Equal(Asn1Status.Ok, RsaKeyReader.ReadPkcs8(pkcs8, 0, pkcs8.Length, key));
            var output = new byte[pkcs8.Length - 1];
            Assert.Equal(Asn1Status.BufferTooSmall, RsaKeyWriter.WritePkcs8(key, output, 0, output.Length, out int written));
            Assert.Equal(0, written);
            Assert.All(output, b => Assert.Equal(0, b));
        }

        // RSAPrivateKey with each INTEGER given as content octets (two's complement as written, no checks).
        private static byte[] Pkcs1(byte[] version, params byte[][] integers)
        {
            var w = new AsnWriter(AsnEncodingRules.DER);
            using (w.PushSequence())
            {
                w.WriteEncodedValue(Tlv(version));
                foreach (byte[] i in integers)
                {
                    w.WriteEncodedValue(Tlv(i));
                }
            }

            return w.Encode();
        }

        private static byte[] Tlv(byte[] content)
        {
            var w = new AsnWriter(AsnEncodingRules.DER);
            w.WriteOctetString(content);
            byte[] t = w.Encode();
            t[0] = 0x02; // INTEGER header with the same length
            return t;
        }

        private static byte[] Signed(byte[] magnitude) => magnitude[0] >= 0x80 ? Concat(new byte[] { 0 }, magnitude) : magnitude;

        private static byte[] Concat(byte[] a, byte[] b)
        {
            var r = new byte[a.Length + b.Length];
            a.CopyTo(r, 0);
            b.CopyTo(r, a.Length);
            return r;
        }

        private static byte[][] Components(RSAParameters p) => new[]
        {
            Signed(p.Modulus!), Signed(p.Exponent!), Signed(p.D!), Signed(p.P!), Signed(p.Q!), Signed(p.DP!), Signed(p.DQ!), Signed(p.InverseQ!),
        };

        public static TheoryData<string, Asn1Status> BadPrivateKeys => new()
        {
            { "as written", Asn1Status.Ok },
            { "version 1 (multi-prime)", Asn1Status.UnsupportedVersion },
            { "negative modulus", Asn1Status.NegativeInteger },
            { "non-minimal exponent", Asn1Status.NonMinimalInteger },
            { "zero private exponent", Asn1Status.InvalidPrivateKey },
            { "private exponent plus 2", Asn1Status.InvalidPrivateKey },
            { "primes swapped", Asn1Status.InvalidPrivateKey },
            { "coefficient missing", Asn1Status.MissingElement },
            { "otherPrimeInfos under version 0", Asn1Status.TrailingData },
            { "trailing byte", Asn1Status.TrailingData },
            { "modulus longer than the holder", Asn1Status.InvalidPrivateKey },
        };

        [Theory]
        [MemberData(nameof(BadPrivateKeys))]
        public void StrictPrivateKeyDer(string scenario, Asn1Status expected)
        {
            using RSA rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(Vector("rsa2048.pkcs8.der"), out _);
            RSAParameters p = rsa.ExportParameters(true);
            byte[][] c = Components(p);
            byte[] version = { 0 };
            int maxBits = 2048;
            switch (scenario)
            {
                case "version 1 (multi-prime)": version = new byte[] { 1 }; break;
                case "negative modulus": c[0] = p.Modulus!; break;
                case "non-minimal exponent": c[1] = Concat(new byte[] { 0 }, c[1]); break;
                case "zero private exponent": c[2] = new byte[] { 0 }; break;
                case "private exponent plus 2":
                    c[2] = (byte[])c[2].Clone();
                    c[2][c[2].Length - 1] += 2; // d stays odd (as an RSA d is), but no longer inverts e
                    break;
                case "primes swapped": (c[3], c[4]) = (c[4], c[3]); break;
                case "coefficient missing": Array.Resize(ref c, 7); break;
                case "otherPrimeInfos under version 0": Array.Resize(ref c, 9); c[8] = new byte[] { 5 }; break;
                case "modulus longer than the holder":
                    rsa.ImportPkcs8PrivateKey(Vector("rsa3072.pkcs8.der"), out _);
                    c = Components(rsa.ExportParameters(true));
                    break;
            }

            byte[] der = Pkcs1(version, c);
            if (scenario == "trailing byte")
            {
                der = Concat(der, new byte[] { 0 });
            }

            var key = new RsaPrivateKey(maxBits);
            Assert.Equal(expected, RsaKeyReader.ReadRsaPrivateKey(der, 0, der.Length, key));
            Assert.Equal(expected == Asn1Status.Ok, key.HasValue);

            // Inside PKCS #8 the same key fails the same way (the trailing byte then trails the outer structure).
            var w = new AsnWriter(AsnEncodingRules.DER);
            using (w.PushSequence())
            {
                w.WriteInteger(0);
                using (w.PushSequence())
                {
                    w.WriteObjectIdentifier("1.2.840.113549.1.1.1");
                    w.WriteNull();
                }

                w.WriteOctetString(der);
            }

            byte[] pkcs8 = w.Encode();
            var key8 = new RsaPrivateKey(maxBits);
            Assert.Equal(expected, RsaKeyReader.ReadPkcs8(pkcs8, 0, pkcs8.Length, key8));
            Assert.Equal(expected == Asn1Status.Ok, key8.HasValue);
        }

        [Fact]
        public void FailedImportWipesThePrivateHolder()
        {
            byte[] good = Vector("rsa2048.pkcs1.der");
            var key = new RsaPrivateKey(2048);
            Assert.Equal(Asn1Status.Ok, RsaKeyReader.ReadRsaPrivateKey(good, 0, good.Length, key));
            byte[] bad = Concat(good, new byte[] { 0 });
            Assert.Equal(Asn1Status.TrailingData, RsaKeyReader.ReadRsaPrivateKey(bad, 0, bad.Length, key));
            Assert.False(key.HasValue);
        }

        [Fact]
        public void Pkcs8EnvelopeRules()
        {
            byte[] pkcs8 = Vector("rsa2048.pkcs8.der");
            var key = new RsaPrivateKey(2048);

            // Another algorithm: a P-256 PKCS #8 key.
            using (ECDsa ec = ECDsa.Create(ECCurve.NamedCurves.nistP256))
            {
                byte[] ec8 = ec.ExportPkcs8PrivateKey();
                Assert.Equal(Asn1Status.UnsupportedAlgorithm, RsaKeyReader.ReadPkcs8(ec8, 0, ec8.Length, key));
            }

            // Version 1 (OneAsymmetricKey) is not taken; attributes [0] are skipped.
            byte[] v1 = (byte[])pkcs8.Clone();
            Assert.Equal(0x02, v1[4]);
            v1[6] = 1;
            Assert.Equal(Asn1Status.UnsupportedVersion, RsaKeyReader.ReadPkcs8(v1, 0, v1.Length, key));

            var reader = new AsnReader(pkcs8, AsnEncodingRules.DER).ReadSequence();
            var w = new AsnWriter(AsnEncodingRules.DER);
            using (w.PushSequence())
            {
                w.WriteEncodedValue(reader.ReadEncodedValue().Span);
                w.WriteEncodedValue(reader.ReadEncodedValue().Span);
                w.WriteEncodedValue(reader.ReadEncodedValue().Span);
                using (w.PushSetOf(new System.Formats.Asn1.Asn1Tag(TagClass.ContextSpecific, 0, true)))
                {
                    using (w.PushSequence())
                    {
                        w.WriteObjectIdentifier("1.2.840.113549.1.9.20");
                        using (w.PushSetOf())
                        {
                            w.WriteCharacterString(UniversalTagNumber.BMPString, "test");
                        }
                    }
                }
            }

            byte[] withAttributes = w.Encode();
            Assert.Equal(Asn1Status.Ok, RsaKeyReader.ReadPkcs8(withAttributes, 0, withAttributes.Length, key));

            // rsaEncryption parameters must be NULL (RFC 3279 §2.3.1).
            byte[] noNull = (byte[])pkcs8.Clone();
            int algorithm = 7; // SEQUENCE header (4) + version (3)
            Assert.Equal(0x30, noNull[algorithm]);
            Assert.Equal(0x05, noNull[algorithm + 13]);
            noNull[algorithm + 13] = 0x04; // NULL -> empty OCTET STRING
            Assert.Equal(Asn1Status.InvalidParameters, RsaKeyReader.ReadPkcs8(noNull, 0, noNull.Length, key));
        }

        [Fact]
        public void PublicKeysTheHolderRefuses()
        {
            // A 512-bit modulus is below RsaPublicKey.MinBits; an even exponent is no RSA exponent.
            using RSA small = RSA.Create();
            var w = new AsnWriter(AsnEncodingRules.DER);
            var modulus = new byte[65];
            modulus[1] = 0xC1;
            modulus[64] = 0x01;
            using (w.PushSequence())
            {
                w.WriteIntegerUnsigned(modulus.AsSpan(1));
                w.WriteInteger(65537);
            }

            byte[] pub = w.Encode();
            var key = new RsaPublicKey(2048);
            Assert.Equal(Asn1Status.InvalidPublicKey, RsaKeyReader.ReadRsaPublicKey(pub, 0, pub.Length, key));
            Assert.False(key.HasValue);

            byte[] spki = Vector("rsa2048.spki.der");
            Assert.Equal(Asn1Status.Ok, RsaKeyReader.ReadSubjectPublicKeyInfo(spki, 0, spki.Length, key));
            byte[] even = (byte[])spki.Clone();
            even[even.Length - 1] = 0x00; // e = 65536
            Assert.Equal(Asn1Status.InvalidPublicKey, RsaKeyReader.ReadSubjectPublicKeyInfo(even, 0, even.Length, key));
            Assert.True(key.HasValue); // a public holder keeps its previous key

            byte[] tooBig = Vector("rsa3072.spki.der");
            Assert.Equal(Asn1Status.InvalidPublicKey, RsaKeyReader.ReadSubjectPublicKeyInfo(tooBig, 0, tooBig.Length, key));
            Assert.Equal(Asn1Status.UnsupportedAlgorithm, RsaKeyReader.ReadSubjectPublicKeyInfo(new byte[] { 0x30, 0x0F, 0x30, 0x09, 0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01, 0x03, 0x02, 0x00, 0x00 }, 0, 17, key));
        }
    }
}
