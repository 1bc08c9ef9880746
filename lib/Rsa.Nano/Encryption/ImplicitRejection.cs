using System;
using NanoMikey.Crypto.Hash;
using NanoMikey.Crypto.Mac;

namespace NanoMikey.Rsa
{
    /// <summary>
    /// The deterministic stand-in message of RSAES-PKCS1-v1_5 implicit rejection (draft-irtf-cfrg-rsa-guidance §7.1-7.2,
    /// the algorithm of OpenSSL 3.2): KDK = HMAC-SHA256(SHA256(I2OSP(d, k)), C); the synthetic message is the last L
    /// bytes of IRPRF(KDK, "message", k), with L taken from IRPRF(KDK, "length", 256) as the last of 128 masked 16-bit
    /// candidates below k - 10. Only the private key holder can compute it, it is fixed per ciphertext, and it is
    /// computed for every ciphertext so timing does not reveal whether it is used.
    /// </summary>
    internal sealed class ImplicitRejection
    {
        private const int Candidates = 128;

        // ASCII "message" and "length", the IRPRF labels.
        private static readonly byte[] MessageLabel = { 0x6d, 0x65, 0x73, 0x73, 0x61, 0x67, 0x65 };
        private static readonly byte[] LengthLabel = { 0x6c, 0x65, 0x6e, 0x67, 0x74, 0x68 };

        private readonly Sha256 _sha256 = new Sha256();
        private readonly HmacSha256 _hmac = new HmacSha256();
        private readonly byte[] _key = new byte[Sha256.HashSize];
        private readonly byte[] _block = new byte[Sha256.HashSize];
        private readonly byte[] _lengths = new byte[2 * Candidates];
        private readonly byte[] _counter = new byte[2];
        private readonly byte[] _bits = new byte[2];

        /// <summary>
        /// Derives the synthetic message for ciphertext C (k bytes) under the private exponent D = I2OSP(d, k):
        /// writes k PRF bytes to <paramref name="synthetic"/> and returns the synthetic length L (0 .. k - 11); the
        /// message is the last L of those bytes. <paramref name="d"/> is left as it is; the caller wipes it.
        /// </summary>
        internal int Derive(byte[] d, int dOffset, byte[] ciphertext, int ciphertextOffset, int k, byte[] synthetic, int syntheticOffset)
        {
            // §7.2 step 3.1: KDK = HMAC-SHA256(SHA256(D), C).
            _sha256.Reset();
            _sha256.Update(d, dOffset, k);
            _sha256.Final(_key, 0);
            _hmac.SetKey(_key, 0, Sha256.HashSize);
            _hmac.Update(ciphertext, ciphertextOffset, k);
            _hmac.Final(_key, 0, Sha256.HashSize);
            _hmac.SetKey(_key, 0, Sha256.HashSize);
            Array.Clear(_key, 0, Sha256.HashSize);
            // Step 3.2-3.3: the candidate message and the 128 candidate lengths.
            Prf(MessageLabel, synthetic, syntheticOffset, k);
            Prf(LengthLabel, _lengths, 0, 2 * Candidates);
            _hmac.Clear();
            int max = k - 2 - 8;
            int mask = max;
            mask |= mask >> 1;
            mask |= mask >> 2;
            mask |= mask >> 4;
            mask |= mask >> 8;
            int length = 0;
            for (int i = 0; i < 2 * Candidates; i += 2)
            {
                int candidate = ((_lengths[i] << 8) | _lengths[i + 1]) & mask;
                length = ConstantTimeMask.Select(ConstantTimeMask.LessThan(candidate, max), candidate, length);
            }
            Array.Clear(_lengths, 0, 2 * Candidates);
            return length;
        }

        // IRPRF (§7.1): HMAC-SHA256(KDK, I2OSP(i, 2) || label || I2OSP(8 * length, 2)) for i = 0, 1, ..., concatenated.
        private void Prf(byte[] label, byte[] output, int offset, int length)
        {
            int bits = 8 * length;
            _bits[0] = (byte)(bits >> 8);
            _bits[1] = (byte)bits;
            int i = 0;
            while (length > 0)
            {
                _counter[0] = (byte)(i >> 8);
                _counter[1] = (byte)i;
                _hmac.Update(_counter, 0, 2);
                _hmac.Update(label, 0, label.Length);
                _hmac.Update(_bits, 0, 2);
                int n = length < Sha256.HashSize ? length : Sha256.HashSize;
                _hmac.Final(_block, 0, Sha256.HashSize);
                Array.Copy(_block, 0, output, offset, n);
                offset += n;
                length -= n;
                i++;
            }
            Array.Clear(_block, 0, Sha256.HashSize);
        }

        /// <summary>Wipes the keys and scratch.</summary>
        internal void Clear()
        {
            _sha256.Clear();
            _hmac.Clear();
            Array.Clear(_key, 0, Sha256.HashSize);
            Array.Clear(_block, 0, Sha256.HashSize);
            Array.Clear(_lengths, 0, 2 * Candidates);
        }
    }
}
