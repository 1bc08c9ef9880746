using nanoFramework.TestFramework;
using NanoMikey.Crypto.Hash;
using NanoMikey.Rsa;
using NanoMikey.X509.Asn1;

namespace NanoMikey.OnDevice
{
    /// <summary>
    /// Project Wycheproof's RSA files (tests/vectors/wycheproof/rsa_*, the files of tests/Rsa.Nano.Tests/Wycheproof) on the
    /// interpreter: VectorGen takes the first 5 valid and 5 invalid signatures (public operations) and the first valid and
    /// first invalid ciphertext (each a ~1.2 s private operation) of each file, plus the first malformed PKCS#1 ciphertext.
    /// Keys come in the file's DER (SPKI, PKCS#8), read by the library's RsaKeyReader. Rules as on the host: valid accepted
    /// with the expected message, invalid rejected; PKCS#1 v1.5 decryption rejects implicitly (a synthetic message, never the real one; -1 for a malformed ciphertext).
    /// </summary>
    [TestClass]
    public class RsaWycheproofTests
    {

        private static string Id(VectorRecords r, string file) => file + " tcId " + r.U16(1).ToString();

        // The private key of a record (PKCS#8, field 2), read only when it differs from the last record's: the import (CRT
        // values, checks) costs about as much as a private operation on the interpreter, and a file's tests share a key.
        private static void ReadKey(VectorRecords r, RsaPrivateKey key, ref int lastOffset, ref int lastLength, string file)
        {
            if (lastOffset >= 0 && r.Length(2) == lastLength && Bytes.Equal(r.Data, r.Offset(2), r.Data, lastOffset, lastLength)) return;
            Assert.IsTrue(RsaKeyReader.ReadPkcs8(r.Data, r.Offset(2), r.Length(2), key) == Asn1Status.Ok, Id(r, file) + " key");
            lastOffset = r.Offset(2);
            lastLength = r.Length(2);
        }

        private static int Signatures(byte[] data, bool pss, string file)
        {
            var r = VectorRecords.OpenWycheproof(data, out int taken);
            var key = new RsaPublicKey(2048);
            var rsa = new RsaSignature(2048);
            byte[] digest = new byte[32];
            int n = 0;
            while (r.Next())
            {
                Assert.IsTrue(RsaKeyReader.ReadSubjectPublicKeyInfo(r.Data, r.Offset(2), r.Length(2), key) == Asn1Status.Ok, Id(r, file) + " key");
                int m = pss ? 4 : 3, s = m + 1;
                Sha256.Hash(r.Data, r.Offset(m), r.Length(m), digest, 0);
                bool ok = pss
                    ? rsa.VerifyPss(key, RsaHash.Sha256, digest, 0, r.U16(3), r.Data, r.Offset(s), r.Length(s))
                    : rsa.VerifyPkcs1(key, RsaHash.Sha256, digest, 0, r.Data, r.Offset(s), r.Length(s));
                Assert.IsTrue(ok == (r.Byte(0) == (byte)'v'), Id(r, file) + (ok ? " accepted" : " rejected"));
                n++;
            }
            return n == taken ? n : -1;
        }

        [TestMethod]
        public void Pkcs1SignatureSha256()
        {
            Assert.AreEqual(10, Signatures(Vectors.RsaPkcs1Signature(), false, "rsa_signature_2048_sha256_test.json"));
        }

        [TestMethod]
        public void PssSha256Salt32()
        {
            Assert.AreEqual(10, Signatures(Vectors.RsaPss(), true, "rsa_pss_2048_sha256_mgf1_32_test.json"));
        }

        // Decryption records: result, tcId, PKCS#8 key, label (OAEP) or 'f' for a malformed ciphertext (PKCS#1), ciphertext, message.
        private static int Decryptions(byte[] data, bool oaep, string file)
        {
            var r = VectorRecords.OpenWycheproof(data, out int taken);
            var key = new RsaPrivateKey(2048);
            var rsa = new RsaEncryption(2048);
            byte[] output = new byte[256];
            int lastOffset = -1, lastLength = 0, n = 0;
            while (r.Next())
            {
                ReadKey(r, key, ref lastOffset, ref lastLength, file);
                int got = oaep
                    ? rsa.DecryptOaep(key, RsaHash.Sha1, r.Data, r.Offset(3), r.Length(3), r.Data, r.Offset(4), r.Length(4), output, 0, output.Length)
                    : rsa.DecryptPkcs1(key, r.Data, r.Offset(4), r.Length(4), output, 0, output.Length);
                if (r.Byte(0) == (byte)'v')
                {
                    Assert.AreEqual(r.Length(5), got, Id(r, file) + " length");
                    Bytes.AssertEqual(r.Field(5), output, 0, got, Id(r, file));
                }
                else if (oaep || r.Byte(3) == (byte)'f')
                {
                    Assert.AreEqual(-1, got, Id(r, file) + " invalid but decrypted");
                }
                else
                {
                    // Implicit rejection: some message comes back, but never the one the bad padding wrapped.
                    Assert.IsTrue(got >= 0, Id(r, file) + " no synthetic message");
                    Assert.IsFalse(got == r.Length(5) && Bytes.Equal(output, 0, r.Data, r.Offset(5), got), Id(r, file) + " invalid padding opened");
                }
                n++;
            }
            return n == taken ? n : -1;
        }

        [TestMethod]
        public void OaepSha1()
        {
            Assert.AreEqual(2, Decryptions(Vectors.RsaOaep(), true, "rsa_oaep_2048_sha1_mgf1sha1_test.json"));
        }

        [TestMethod]
        public void Pkcs1DecryptionWithImplicitRejection()
        {
            Assert.AreEqual(3, Decryptions(Vectors.RsaPkcs1Decryption(), false, "rsa_pkcs1_2048_test.json"));
        }
    }
}
