namespace NanoMikey.Rsa.Tests
{
    /// <summary>
    /// What the Wycheproof runner needs from an RSA implementation: one implementation drives the padding encoders
    /// over BigInteger RSA, the other the public <see cref="RsaSignature"/> / <see cref="RsaEncryption"/> on the
    /// BigNum keys. Keys come as big-endian components exactly as Wycheproof lists them (no DER).
    /// </summary>
    internal interface IRsaUnderTest
    {
        void SetPublic(byte[] modulus, byte[] exponent);

        void SetPrivate(byte[] modulus, byte[] publicExponent, byte[] privateExponent, byte[] p, byte[] q, byte[] dp, byte[] dq, byte[] qInv);

        bool VerifyPkcs1(RsaHash hash, byte[] digest, byte[] signature);

        bool VerifyPss(RsaHash hash, byte[] digest, int saltLength, byte[] signature);

        /// <summary>-1 for failure, else the message length written to <paramref name="message"/>.</summary>
        int DecryptOaep(RsaHash hash, byte[] label, byte[] ciphertext, byte[] message);

        /// <summary>-1 for a publicly invalid ciphertext, else the length written; <paramref name="valid"/> is the hidden padding flag.</summary>
        int DecryptPkcs1(byte[] ciphertext, byte[] message, out bool valid);
    }
}
