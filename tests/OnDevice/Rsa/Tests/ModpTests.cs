using nanoFramework.TestFramework;
using NanoMikey.BigNum;
using NanoMikey.Crypto.Random;

namespace NanoMikey.OnDevice
{
    /// <summary>
    /// MODP Diffie-Hellman over the OAKLEY primes (RFC 2409 §6.1, §6.2; RFC 3526 §2) on the interpreter, against the DHHMAC
    /// vectors of tests/vectors/mikey-rsa/dhhmac.txt, apart from MIKEY: the initiator's DRBG ("vector/dhhmac/{group}/i",
    /// after its RAND and CSB ID requests) gives the key pair whose public value the i-message carries, and the shared
    /// secret with the responder's value (DHr in the r-message) is the file's TGK (the host checks it with BigInteger).
    /// </summary>
    [TestClass]
    public class ModpTests
    {
        private static int IndexOf(byte[] haystack, byte[] needle)
        {
            for (int i = 0; i + needle.Length <= haystack.Length; i++)
            {
                if (Bytes.Equal(haystack, i, needle, 0, needle.Length)) return i;
            }
            return -1;
        }

        private static void Group(ModpGroupId group, string name, int valueLength)
        {
            byte[] v = Vectors.MikeyRsaVectors();
            string p = "dhhmac-" + name + "-";
            byte[] offer = VectorRecords.Lookup(v, p + "i-message"), answer = VectorRecords.Lookup(v, p + "r-message");
            var dh = new ModpDiffieHellman(1536);
            Assert.IsTrue(dh.TrySetGroup(group), name);
            Assert.AreEqual(valueLength, dh.ValueLength, name + " value length");
            HmacDrbg d = RsaFixtures.Drbg("vector/dhhmac/" + name + "/i");
            byte[] skip = new byte[16];
            d.Generate(skip, 0, 16); // RAND
            d.Generate(skip, 0, 4);  // CSB ID
            dh.GenerateKeyPair(d);
            byte[] mine = new byte[valueLength];
            dh.ExportPublicValue(mine, 0);
            Assert.IsTrue(IndexOf(offer, mine) > 0, p + "public value not in the i-message");
            // R_MESSAGE: ..., DHr (next, group, value, KV: 3 + vl bytes), DHi (3 + vl), KEMAC (25): the value starts 2 bytes into DHr.
            int dhr = answer.Length - 25 - 2 * (3 + valueLength) + 2;
            byte[] secret = new byte[valueLength];
            Assert.IsTrue(dh.ComputeSharedSecret(answer, dhr, valueLength, secret, 0), p + "peer value refused");
            Bytes.AssertEqual(VectorRecords.Lookup(v, p + "tgk"), secret, 0, valueLength, p + "tgk");
        }

        [TestMethod]
        public void Oakley1_SharedSecretIsTheDhHmacVectorTgk()
        {
            Group(ModpGroupId.Oakley1, "oakley1", 96);
        }

        [TestMethod]
        public void Oakley2_SharedSecretIsTheDhHmacVectorTgk()
        {
            Group(ModpGroupId.Oakley2, "oakley2", 128);
        }

        [TestMethod]
        public void Oakley5_SharedSecretIsTheDhHmacVectorTgk()
        {
            Group(ModpGroupId.Oakley5, "oakley5", 192);
        }
    }
}
