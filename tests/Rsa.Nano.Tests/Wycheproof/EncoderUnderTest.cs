using System.Numerics;
using System.Security.Cryptography;

namespace NanoMikey.Rsa.Tests
{
    /// <summary>The internal encoders over BigInteger RSA (<see cref="RawRsa"/>), mirroring the public classes' steps.</summary>
    internal sealed class EncoderUnderTest : IRsaUnderTest
    {
        private readonly RsaDigest _digest = new RsaDigest();
        private RawRsa? _raw;

        public void SetPublic(byte[] modulus, byte[] exponent)
        {
            _raw = new RawRsa(new RSAParameters { Modulus = modulus, Exponent = exponent });
        }

        public void SetPrivate(byte[] modulus, byte[] publicExponent, byte[] privateExponent, byte[] p, byte[] q, byte[] dp, byte[] dq, byte[] qInv)
        {
            _raw = new RawRsa(new RSAParameters { Modulus = modulus, Exponent = publicExponent, D = privateExponent });
        }

        private byte[]? Open(byte[] input, bool privateKey)
        {
            if (input.Length != _raw!.K || RawRsa.FromBytes(input) >= _raw.N) return null;
            return privateKey ? _raw.Private(input) : _raw.Public(input);
        }

        public bool VerifyPkcs1(RsaHash hash, byte[] digest, byte[] signature)
        {
            byte[]? em = Open(signature, false);
            if (em == null) return false;
            var expected = new byte[_raw!.K];
            return EmsaPkcs1.Encode(hash, digest, 0, expected, 0, _raw.K) && NanoMikey.Crypto.ConstantTime.AreEqual(em, 0, expected, 0, _raw.K);
        }

        public bool VerifyPss(RsaHash hash, byte[] digest, int saltLength, byte[] signature)
        {
            byte[]? em = Open(signature, false);
            if (em == null) return false;
            int emBits = _raw!.Bits - 1;
            int pad = _raw.K - EmsaPss.EncodedLength(emBits);
            return (pad == 0 || em[0] == 0) && new EmsaPss(_digest).Verify(hash, digest, 0, saltLength, em, pad, emBits);
        }

        public int DecryptOaep(RsaHash hash, byte[] label, byte[] ciphertext, byte[] message)
        {
            byte[]? em = Open(ciphertext, true);
            if (em == null || EmeOaep.MaxMessageLength(hash, _raw!.K) < 0) return -1;
            return new EmeOaep(_digest).Decode(hash, label, 0, label.Length, em, 0, _raw.K, message, 0, message.Length);
        }

        public int DecryptPkcs1(byte[] ciphertext, byte[] message, out bool valid)
        {
            valid = false;
            byte[]? em = Open(ciphertext, true);
            if (em == null) return -1;
            var synthetic = new byte[_raw!.K];
            int length = new ImplicitRejection().Derive(_raw.DBytes, 0, ciphertext, 0, _raw.K, synthetic, 0);
            return EmePkcs1.Decode(em, 0, _raw.K, synthetic, 0, length, message, 0, message.Length, out valid);
        }
    }
}
