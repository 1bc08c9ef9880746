namespace NanoMikey.Rsa.Tests
{
    /// <summary>The public <see cref="RsaSignature"/> / <see cref="RsaEncryption"/> on the BigNum keys.</summary>
    internal sealed class PublicApiUnderTest : IRsaUnderTest
    {
        private readonly RsaPublicKey _public = new RsaPublicKey(RsaPublicKey.MaxBits);
        private readonly RsaPrivateKey _private = new RsaPrivateKey(RsaPublicKey.MaxBits);
        private readonly RsaSignature _signature = new RsaSignature(RsaPublicKey.MaxBits);
        private readonly RsaEncryption _encryption = new RsaEncryption(RsaPublicKey.MaxBits);

        public void SetPublic(byte[] modulus, byte[] exponent)
        {
            Assert.True(_public.TryImport(modulus, 0, modulus.Length, exponent, 0, exponent.Length));
        }

        public void SetPrivate(byte[] modulus, byte[] publicExponent, byte[] privateExponent, byte[] p, byte[] q, byte[] dp, byte[] dq, byte[] qInv)
        {
            _private.Clear();
            void Set(RsaPrivateComponent c, byte[] v) => _private.SetComponent(c, v, 0, v.Length);
            Set(RsaPrivateComponent.Modulus, modulus);
            Set(RsaPrivateComponent.PublicExponent, publicExponent);
            Set(RsaPrivateComponent.PrivateExponent, privateExponent);
            Set(RsaPrivateComponent.Prime1, p);
            Set(RsaPrivateComponent.Prime2, q);
            Set(RsaPrivateComponent.Exponent1, dp);
            Set(RsaPrivateComponent.Exponent2, dq);
            Set(RsaPrivateComponent.Coefficient, qInv);
            Assert.True(_private.TryComplete());
        }

        public bool VerifyPkcs1(RsaHash hash, byte[] digest, byte[] signature) =>
            _signature.VerifyPkcs1(_public, hash, digest, 0, signature, 0, signature.Length);

        public bool VerifyPss(RsaHash hash, byte[] digest, int saltLength, byte[] signature) =>
            _signature.VerifyPss(_public, hash, digest, 0, saltLength, signature, 0, signature.Length);

        public int DecryptOaep(RsaHash hash, byte[] label, byte[] ciphertext, byte[] message) =>
            _encryption.DecryptOaep(_private, hash, label, 0, label.Length, ciphertext, 0, ciphertext.Length, message, 0, message.Length);

        public int DecryptPkcs1(byte[] ciphertext, byte[] message, out bool valid) =>
            _encryption.DecryptPkcs1(_private, ciphertext, 0, ciphertext.Length, message, 0, message.Length, out valid);
    }

    /// <summary>Wycheproof over the public classes and the BigNum keys.</summary>
    public class WycheproofRsaPublicApiTests : WycheproofRsaTests
    {
        internal override IRsaUnderTest Create() => new PublicApiUnderTest();
    }

    /// <summary>The OpenSSL implicit-rejection vectors over the public classes and the BigNum keys.</summary>
    public class ImplicitRejectionPublicApiVectorTests : ImplicitRejectionVectorTests
    {
        internal override IRsaUnderTest Create() => new PublicApiUnderTest();
    }
}
