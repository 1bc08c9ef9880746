using System;
using System.Formats.Asn1;
using System.IO;
using System.Security.Cryptography;
using NanoMikey.Tests;
using NanoMikey.X509.Asn1;
using X509Certificate = NanoMikey.X509.X509Certificate;

namespace NanoMikey.X509.Tests.Rsa
{
    /// <summary>The OpenSSL-made RSA fixtures of tests/vectors/x509/rsa (see make.sh there), and a .NET-backed RSA verifier.</summary>
    internal static class RsaFixtures
    {
        /// <summary>2026-01-01T00:00:00Z: inside every fixture's validity except rsa-leaf-expired's.</summary>
        public static readonly ulong Now = ChainFixtures.Ntp(2026, 1, 1);

        /// <summary>Bytes of tests/vectors/x509/rsa/NAME.</summary>
        public static byte[] Bytes(string name) => File.ReadAllBytes(TestData.VectorPath("x509", "rsa", name));

        /// <summary>Certificate NAME.der, parsed.</summary>
        public static X509Certificate Load(string name) => ChainFixtures.Parse(Bytes(name + ".der"));

        /// <summary>
        /// A minimal v3 certificate around the given signature AlgorithmIdentifier (TBS and outer), with rsa2048's key and
        /// a junk signature: for parser tests of algorithm parameters.
        /// </summary>
        public static byte[] CertificateWithAlgorithm(byte[] algorithmIdentifier)
        {
            var w = new AsnWriter(AsnEncodingRules.DER);
            using (w.PushSequence())
            {
                using (w.PushSequence())
                {
                    using (w.PushSequence(new System.Formats.Asn1.Asn1Tag(TagClass.ContextSpecific, 0, true)))
                    {
                        w.WriteInteger(2);
                    }

                    w.WriteInteger(7);
                    w.WriteEncodedValue(algorithmIdentifier);
                    WriteName(w, "Test Issuer");
                    using (w.PushSequence())
                    {
                        w.WriteUtcTime(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
                        w.WriteUtcTime(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
                    }

                    WriteName(w, "Test Subject");
                    w.WriteEncodedValue(Bytes("rsa2048.spki.der"));
                }

                w.WriteEncodedValue(algorithmIdentifier);
                w.WriteBitString(new byte[256]);
            }

            return w.Encode();
        }

        private static void WriteName(AsnWriter w, string cn)
        {
            using (w.PushSequence())
            using (w.PushSetOf())
            using (w.PushSequence())
            {
                w.WriteObjectIdentifier("2.5.4.3");
                w.WriteCharacterString(UniversalTagNumber.UTF8String, cn);
            }
        }
    }

    /// <summary>An <see cref="IX509SignatureVerifier"/> on .NET's RSA, to test the hook without NanoMikey.Rsa.</summary>
    internal sealed class DotNetRsaVerifier : IX509SignatureVerifier
    {
        /// <summary>Number of calls.</summary>
        public int Calls;

        public Asn1Status VerifyCertificateSignature(X509Certificate certificate, byte[] issuerKeyInfo, int offset, int length)
        {
            Calls++;
            using RSA rsa = RSA.Create();
            try
            {
                rsa.ImportSubjectPublicKeyInfo(issuerKeyInfo.AsSpan(offset, length), out _);
            }
            catch (CryptographicException)
            {
                return Asn1Status.UnsupportedAlgorithm;
            }

            HashAlgorithmName hash = certificate.SignatureHashAlgorithm switch
            {
                X509HashAlgorithm.Sha1 => HashAlgorithmName.SHA1,
                X509HashAlgorithm.Sha256 => HashAlgorithmName.SHA256,
                _ => default,
            };
            if (hash == default)
            {
                return Asn1Status.UnsupportedAlgorithm;
            }

            // .NET's PSS uses a salt as long as the hash, as the fixtures do.
            RSASignaturePadding padding = certificate.SignatureAlgorithm == X509SignatureAlgorithm.RsaPss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
            bool ok = rsa.VerifyData(certificate.Data.AsSpan(certificate.TbsOffset, certificate.TbsLength),
                certificate.Data.AsSpan(certificate.SignatureOffset, certificate.SignatureLength), hash, padding);
            return ok ? Asn1Status.Ok : Asn1Status.SignatureInvalid;
        }
    }
}
