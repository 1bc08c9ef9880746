using System;
using System.Security.Cryptography;
using NanoMikey.Tests;
using NanoMikey.X509.Asn1;
using static NanoMikey.X509.Tests.Rsa.RsaFixtures;

namespace NanoMikey.X509.Tests.Rsa
{
    /// <summary>RSA SubjectPublicKeyInfo and PKCS #1 RSAPublicKey as slices (RFC 3279 §2.3.1, RFC 8017 A.1.1), against .NET.</summary>
    public class RsaSubjectPublicKeyInfoTests
    {
        private static byte[] Slice(byte[] d, int off, int len) => d.AsSpan(off, len).ToArray();

        [Theory]
        [InlineData("rsa2048")]
        [InlineData("rsa3072")]
        public void ReadsAndWritesWhatDotNetDoes(string name)
        {
            using RSA rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(Bytes(name + ".pkcs8.der"), out _);
            RSAParameters p = rsa.ExportParameters(false);

            byte[] spki = Bytes(name + ".spki.der");
            Assert.Equal(rsa.ExportSubjectPublicKeyInfo(), spki);
            Assert.Equal(Asn1Status.Ok, RsaSubjectPublicKeyInfo.Read(spki, 0, spki.Length, out X509PublicKeyAlgorithm alg, out int mo, out int ml, out int eo, out int el));
            Assert.Equal(X509PublicKeyAlgorithm.Rsa, alg);
            Assert.Equal(p.Modulus, Slice(spki, mo, ml));
            Assert.Equal(p.Exponent, Slice(spki, eo, el));

            byte[] pub = Bytes(name + ".pkcs1pub.der");
            Assert.Equal(rsa.ExportRSAPublicKey(), pub);
            Assert.Equal(Asn1Status.Ok, RsaSubjectPublicKeyInfo.ReadRsaPublicKey(pub, 0, pub.Length, out mo, out ml, out eo, out el));
            Assert.Equal(p.Modulus, Slice(pub, mo, ml));
            Assert.Equal(p.Exponent, Slice(pub, eo, el));

            var output = new byte[spki.Length + 10];
            Assert.Equal(Asn1Status.Ok, RsaSubjectPublicKeyInfo.Write(p.Modulus!, 0, p.Modulus!.Length, p.Exponent!, 0, p.Exponent!.Length, output, 3, output.Length - 3, out int written));
            Assert.Equal(spki, Slice(output, 3, written));
            Assert.Equal(Asn1Status.Ok, RsaSubjectPublicKeyInfo.WriteRsaPublicKey(p.Modulus, 0, p.Modulus.Length, p.Exponent!, 0, p.Exponent.Length, output, 0, output.Length, out written));
            Assert.Equal(pub, Slice(output, 0, written));
            Assert.Equal(Asn1Status.BufferTooSmall, RsaSubjectPublicKeyInfo.Write(p.Modulus, 0, p.Modulus.Length, p.Exponent, 0, p.Exponent.Length, output, 0, spki.Length - 1, out written));
            Assert.Equal(0, written);
        }

        [Fact]
        public void PssKeyWithoutParametersIsAccepted()
        {
            // id-RSASSA-PSS with parameters absent (RFC 4055 §3.1), the rsa2048 key.
            byte[] pub = Bytes("rsa2048.pkcs1pub.der");
            byte[] spki = Wrap("300b06092a864886f70d01010a", pub);
            Assert.Equal(Asn1Status.Ok, RsaSubjectPublicKeyInfo.Read(spki, 0, spki.Length, out X509PublicKeyAlgorithm alg, out _, out int ml, out _, out _));
            Assert.Equal(X509PublicKeyAlgorithm.RsaPss, alg);
            Assert.Equal(256, ml);
            // Restricted PSS keys (parameters present) are not supported.
            byte[] restricted = Wrap("300d06092a864886f70d01010a3000", pub);
            Assert.Equal(Asn1Status.UnsupportedAlgorithm, RsaSubjectPublicKeyInfo.Read(restricted, 0, restricted.Length, out alg, out _, out ml, out _, out _));
            Assert.Equal(X509PublicKeyAlgorithm.Unknown, alg);
            Assert.Equal(0, ml);
        }

        // SubjectPublicKeyInfo { algorithm (hex), BIT STRING { 0 unused bits, key } }.
        private static byte[] Wrap(string algorithmHex, byte[] key)
        {
            var w = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
            using (w.PushSequence())
            {
                w.WriteEncodedValue(TestData.Hex(algorithmHex));
                w.WriteBitString(key);
            }

            return w.Encode();
        }

        public static TheoryData<string, string, Asn1Status> BadRsaPublicKeys => new()
        {
            // RSAPublicKey hex (small values: the reader checks encoding, not key size), expected status
            { "valid", "3007020200c5020103", Asn1Status.Ok },
            { "negative modulus", "30060201c5020103", Asn1Status.NegativeInteger },
            { "non-minimal modulus", "3008020300" + "00c5020103", Asn1Status.NonMinimalInteger },
            { "zero modulus", "3006020100020103", Asn1Status.InvalidPublicKey },
            { "zero exponent", "3007020200c5020100", Asn1Status.InvalidPublicKey },
            { "negative exponent", "3007020200c50201fd", Asn1Status.NegativeInteger },
            { "empty exponent", "3006020200c50200", Asn1Status.NonMinimalInteger },
            { "exponent missing", "3004020200c5", Asn1Status.MissingElement },
            { "third integer", "300a020200c5020103020101", Asn1Status.TrailingData },
            { "trailing byte after the sequence", "3007020200c502010300", Asn1Status.TrailingData },
            { "not a sequence", "3107020200c5020103", Asn1Status.UnexpectedTag },
            { "length runs past the end", "3008020200c5020103", Asn1Status.Truncated },
            { "modulus as OCTET STRING", "3007040200c5020103", Asn1Status.UnexpectedTag },
        };

        [Theory]
        [MemberData(nameof(BadRsaPublicKeys))]
        public void StrictDer(string scenario, string hex, Asn1Status expected)
        {
            _ = scenario;
            byte[] der = TestData.Hex(hex);
            Assert.Equal(expected, RsaSubjectPublicKeyInfo.ReadRsaPublicKey(der, 0, der.Length, out int mo, out int ml, out _, out _));
            if (expected == Asn1Status.Ok)
            {
                Assert.Equal(1, ml);
                Assert.Equal(0xC5, der[mo]);
            }

            // The same key inside an SPKI fails the same way.
            byte[] spki = Wrap("300d06092a864886f70d0101010500", der);
            Assert.Equal(expected, RsaSubjectPublicKeyInfo.Read(spki, 0, spki.Length, out _, out _, out _, out _, out _));
        }

        [Theory]
        [InlineData("300b06092a864886f70d010101", Asn1Status.InvalidParameters)] // rsaEncryption needs NULL (RFC 3279 §2.3.1)
        [InlineData("300e06092a864886f70d010101020100", Asn1Status.InvalidParameters)]
        [InlineData("301306072a8648ce3d020106082a8648ce3d030107", Asn1Status.UnsupportedAlgorithm)] // id-ecPublicKey
        public void AlgorithmIdentifier(string algorithmHex, Asn1Status expected)
        {
            byte[] spki = Wrap(algorithmHex, Bytes("rsa2048.pkcs1pub.der"));
            Assert.Equal(expected, RsaSubjectPublicKeyInfo.Read(spki, 0, spki.Length, out _, out _, out _, out _, out _));
        }

        [Fact]
        public void UnusedBitsAndTrailingDataAreRefused()
        {
            byte[] spki = Bytes("rsa2048.spki.der");
            byte[] withTrailing = new byte[spki.Length + 1];
            spki.CopyTo(withTrailing, 0);
            Assert.Equal(Asn1Status.TrailingData, RsaSubjectPublicKeyInfo.Read(withTrailing, 0, withTrailing.Length, out _, out _, out _, out _, out _));
            byte[] unused = (byte[])spki.Clone();
            int bitString = 4 + 15; // SEQUENCE header (4), AlgorithmIdentifier (15)
            Assert.Equal(0x03, unused[bitString]);
            unused[bitString + 4] = 1; // one unused bit
            Assert.NotEqual(Asn1Status.Ok, RsaSubjectPublicKeyInfo.Read(unused, 0, unused.Length, out _, out _, out _, out _, out _));
        }
    }
}
