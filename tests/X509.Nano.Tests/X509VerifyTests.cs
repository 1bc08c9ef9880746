using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text.Json;
using NanoMikey.X509.Asn1;
using NanoMikey.Ecc;
using NanoMikey.Crypto.Hash;
using NanoMikey.X509;
using X509Certificate = NanoMikey.X509.X509Certificate;

namespace NanoMikey.X509.Tests
{
    /// <summary>Certificate signatures and key objects through the P-256 implementation (lib/Ecc.Nano).</summary>
    public class X509VerifyTests
    {
        [Fact]
        public void DotNetChainsVerify()
        {
            var root = new X509Certificate();
            var leaf = new X509Certificate();
            var key = new P256PublicKey();
            for (int i = 0; i < 10; i++)
            {
                using var chain = new X509CertificateTests.Chain();
                byte[] rootDer = chain.Root.RawData;
                byte[] leafDer = chain.Leaf.RawData;
                Assert.Equal(Asn1Status.Ok, root.Parse(rootDer, 0, rootDer.Length));
                Assert.Equal(Asn1Status.Ok, leaf.Parse(leafDer, 0, leafDer.Length));

                Assert.Equal(Asn1Status.Ok, root.VerifySignedBy(root));
                Assert.Equal(Asn1Status.Ok, leaf.VerifySignedBy(root));
                Assert.Equal(Asn1Status.IssuerMismatch, root.VerifySignedBy(leaf));
                Assert.Equal(Asn1Status.IssuerMismatch, leaf.VerifySignedBy(leaf));

                Assert.Equal(Asn1Status.Ok, root.ReadPublicKey(key));
                Assert.Equal(Asn1Status.Ok, leaf.VerifySignature(key));
                Assert.Equal(Asn1Status.Ok, leaf.ReadPublicKey(key));
                Assert.Equal(Asn1Status.SignatureInvalid, leaf.VerifySignature(key));

                // One flipped bit anywhere in the TBS breaks the signature (or the parse).
                var rng = new System.Random(i);
                byte[] bad = (byte[])leafDer.Clone();
                bad[leaf.TbsOffset + rng.Next(leaf.TbsLength)] ^= (byte)(1 << rng.Next(8));
                var tampered = new X509Certificate();
                if (tampered.Parse(bad, 0, bad.Length) == Asn1Status.Ok)
                {
                    Asn1Status s = tampered.VerifySignedBy(root);
                    Assert.True(s == Asn1Status.SignatureInvalid || s == Asn1Status.IssuerMismatch, s.ToString());
                }
            }
        }

        [Fact]
        public void VerifyAllocatesNothingAfterWarmUp()
        {
            using var chain = new X509CertificateTests.Chain();
            var root = new X509Certificate();
            var leaf = new X509Certificate();
            var key = new P256PublicKey();
            root.Parse(chain.Root.RawData, 0, chain.Root.RawData.Length);
            leaf.Parse(chain.Leaf.RawData, 0, chain.Leaf.RawData.Length);
            Assert.Equal(Asn1Status.Ok, root.ReadPublicKey(key));
            Assert.Equal(Asn1Status.Ok, leaf.VerifySignature(key));
            Assert.Equal(Asn1Status.Ok, leaf.VerifySignedBy(root));
            long before = GC.GetAllocatedBytesForCurrentThread();
            Asn1Status a = leaf.VerifySignature(key);
            Asn1Status b = leaf.VerifySignedBy(root);
            long after = GC.GetAllocatedBytesForCurrentThread();
            Assert.Equal(Asn1Status.Ok, a);
            Assert.Equal(Asn1Status.Ok, b);
            Assert.Equal(before, after);
        }

        [Fact]
        public void UnsupportedSignatureAlgorithmIsReported()
        {
            using ECDsa p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
            var req = new CertificateRequestShim(p384).Request;
            using var c = req.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
            var cert = new X509Certificate();
            Assert.Equal(Asn1Status.Ok, cert.Parse(c.RawData, 0, c.RawData.Length));
            Assert.Equal(Asn1Status.UnsupportedCurve, cert.VerifySignedBy(cert));
            using var chain = new X509CertificateTests.Chain();
            var key = new P256PublicKey();
            var root = new X509Certificate();
            root.Parse(chain.Root.RawData, 0, chain.Root.RawData.Length);
            root.ReadPublicKey(key);
            Assert.Equal(Asn1Status.UnsupportedAlgorithm, cert.VerifySignature(key));
        }

        private sealed class CertificateRequestShim
        {
            public readonly System.Security.Cryptography.X509Certificates.CertificateRequest Request;

            public CertificateRequestShim(ECDsa key)
            {
                Request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=p384", key, HashAlgorithmName.SHA384);
            }
        }

        [Fact]
        public void KeyObjectsRoundTripWithDotNet()
        {
            for (int i = 0; i < 20; i++)
            {
                using ECDsa dn = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                ECParameters p = dn.ExportParameters(true);

                var pub = new P256PublicKey();
                byte[] spki = dn.ExportSubjectPublicKeyInfo();
                Assert.Equal(Asn1Status.Ok, SubjectPublicKeyInfo.Read(spki, 0, spki.Length, pub));
                byte[] ours = new byte[100];
                Assert.Equal(Asn1Status.Ok, SubjectPublicKeyInfo.Write(pub, false, ours, 0, ours.Length, out int n));
                Assert.Equal(spki, ours.AsSpan(0, n).ToArray());
                Assert.Equal(Asn1Status.Ok, SubjectPublicKeyInfo.Write(pub, true, ours, 0, ours.Length, out n));
                Assert.Equal(SubjectPublicKeyInfo.CompressedLength, n);
                var again = new P256PublicKey();
                Assert.Equal(Asn1Status.Ok, SubjectPublicKeyInfo.Read(ours, 0, n, again));
                Assert.True(again.SameAs(pub));

                var priv = new P256PrivateKey();
                byte[] pkcs8 = dn.ExportPkcs8PrivateKey();
                Assert.Equal(Asn1Status.Ok, EcPrivateKeyReader.ReadPkcs8(pkcs8, 0, pkcs8.Length, priv));
                Assert.True(priv.PublicKey.SameAs(pub));
                byte[] sec1 = dn.ExportECPrivateKey();
                var priv2 = new P256PrivateKey();
                Assert.Equal(Asn1Status.Ok, EcPrivateKeyReader.ReadEcPrivateKey(sec1, 0, sec1.Length, priv2));
                byte[] d = new byte[32];
                priv2.ExportScalar(d, 0);
                Assert.Equal(p.D, d);

                // Our signature (DER-encoded by us) verifies in .NET.
                byte[] msg = new byte[] { (byte)i, 1, 2, 3 };
                byte[] h = SHA256.HashData(msg);
                byte[] rs = new byte[64];
                EcdsaP256.Sign(priv, h, 0, 32, rs, 0);
                byte[] der = new byte[72];
                Assert.Equal(Asn1Status.Ok, EcdsaSignatureEncoding.EncodeDer(rs, 0, der, 0, 72, out int dl));
                Assert.True(dn.VerifyData(msg, der.AsSpan(0, dl), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
            }
        }

        [Fact]
        public void MismatchedEmbeddedPublicKeyIsRejected()
        {
            using ECDsa a = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using ECDsa b = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            byte[] sec1 = a.ExportECPrivateKey();
            byte[] otherSec1 = b.ExportECPrivateKey();
            // Swap in b's public key: the last 65 bytes of .NET's ECPrivateKey are the point.
            Array.Copy(otherSec1, otherSec1.Length - 65, sec1, sec1.Length - 65, 65);
            var key = new P256PrivateKey();
            Assert.Equal(Asn1Status.InvalidPublicKey, EcPrivateKeyReader.ReadEcPrivateKey(sec1, 0, sec1.Length, key));
            Assert.False(key.HasValue);
        }

        /// <summary>
        /// Wycheproof (C2SP) ecdsa_secp256r1_sha256_test.json end to end: our DER decoding, then EcdsaP256.Verify.
        /// Every "valid" verifies and every "invalid" fails (at decoding or at verification).
        /// </summary>
        [Fact]
        public void WycheproofDerSignaturesEndToEnd()
        {
            string path = TestData.VectorPath("wycheproof", "ecdsa_secp256r1_sha256_test.json");
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
            int count = 0;
            byte[] rs = new byte[64];
            byte[] hash = new byte[32];
            foreach (JsonElement g in doc.RootElement.GetProperty("testGroups").EnumerateArray())
            {
                byte[] spki = TestData.Hex(g.GetProperty("publicKeyDer").GetString()!);
                var key = new P256PublicKey();
                Assert.Equal(Asn1Status.Ok, SubjectPublicKeyInfo.Read(spki, 0, spki.Length, key));
                foreach (JsonElement t in g.GetProperty("tests").EnumerateArray())
                {
                    byte[] msg = TestData.Hex(t.GetProperty("msg").GetString()!);
                    byte[] sig = TestData.Hex(t.GetProperty("sig").GetString()!);
                    Sha256.Hash(msg, 0, msg.Length, hash, 0);
                    bool ok = EcdsaSignatureEncoding.DecodeDer(sig, 0, sig.Length, rs, 0) == Asn1Status.Ok
                        && EcdsaP256.Verify(key, hash, 0, 32, rs, 0);
                    string result = t.GetProperty("result").GetString()!;
                    Assert.True(ok == (result == "valid"), "tc " + t.GetProperty("tcId").GetInt32() + " " + result);
                    count++;
                }
            }

            Assert.Equal(484, count);
        }
    }
}
