using System.Security.Cryptography;

namespace NanoMikey.Rsa.Tests
{
    /// <summary>BigNum key holders loaded from .NET key parameters (the eight components, then TryComplete).</summary>
    internal static class RsaTestKeys
    {
        public static RsaPrivateKey Private(RSAParameters p, int maxBits = RsaPublicKey.MaxBits)
        {
            var key = new RsaPrivateKey(maxBits);
            void Set(RsaPrivateComponent c, byte[] v) => key.SetComponent(c, v, 0, v.Length);
            Set(RsaPrivateComponent.Modulus, p.Modulus!);
            Set(RsaPrivateComponent.PublicExponent, p.Exponent!);
            Set(RsaPrivateComponent.PrivateExponent, p.D!);
            Set(RsaPrivateComponent.Prime1, p.P!);
            Set(RsaPrivateComponent.Prime2, p.Q!);
            Set(RsaPrivateComponent.Exponent1, p.DP!);
            Set(RsaPrivateComponent.Exponent2, p.DQ!);
            Set(RsaPrivateComponent.Coefficient, p.InverseQ!);
            Assert.True(key.TryComplete());
            return key;
        }

        public static RsaPublicKey Public(RSAParameters p, int maxBits = RsaPublicKey.MaxBits)
        {
            var key = new RsaPublicKey(maxBits);
            Assert.True(key.TryImport(p.Modulus!, 0, p.Modulus!.Length, p.Exponent!, 0, p.Exponent!.Length));
            return key;
        }

        public static HashAlgorithmName Name(RsaHash h) => h == RsaHash.Sha1 ? HashAlgorithmName.SHA1 : HashAlgorithmName.SHA256;

        public static byte[] Digest(RsaHash h, byte[] data) => h == RsaHash.Sha1 ? SHA1.HashData(data) : SHA256.HashData(data);
    }
}
