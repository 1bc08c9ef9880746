using System;

namespace NanoMikey.Rsa
{
    /// <summary>
    /// EMSA-PKCS1-v1_5 encoding (RFC 8017 §9.2): EM = 0x00 || 0x01 || PS (0xFF...) || 0x00 || DigestInfo(digest).
    /// Verification encodes the expected EM and compares it whole (§8.2.2 step 3-4); it never parses the received EM,
    /// which rules out the Bleichenbacher-2006 forgeries that hide garbage in a leniently parsed DigestInfo.
    /// </summary>
    internal static class EmsaPkcs1
    {
        // RFC 8017 §9.2 Note 1: DER of DigestInfo up to the digest, with the NULL parameters.
        private static readonly byte[] Sha1Prefix =
        {
            0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14,
        };

        private static readonly byte[] Sha256Prefix =
        {
            0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20,
        };

        /// <summary>
        /// Writes EM (<paramref name="emLength"/> bytes) for a digest of <paramref name="hash"/>. False ("intended encoded
        /// message length too short", §9.2 step 3) when emLength &lt; tLen + 11; nothing is written then.
        /// </summary>
        internal static bool Encode(RsaHash hash, byte[] digest, int digestOffset, byte[] em, int emOffset, int emLength)
        {
            int hLen = RsaDigest.Length(hash);
            byte[] prefix = hash == RsaHash.Sha1 ? Sha1Prefix : Sha256Prefix;
            int tLen = prefix.Length + hLen;
            if (emLength < tLen + 11) return false;
            int psEnd = emOffset + emLength - tLen - 1;
            em[emOffset] = 0x00;
            em[emOffset + 1] = 0x01;
            for (int i = emOffset + 2; i < psEnd; i++)
            {
                em[i] = 0xFF;
            }
            em[psEnd] = 0x00;
            Array.Copy(prefix, 0, em, psEnd + 1, prefix.Length);
            Array.Copy(digest, digestOffset, em, psEnd + 1 + prefix.Length, hLen);
            return true;
        }
    }
}
