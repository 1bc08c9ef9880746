namespace NanoMikey.X509
{
    /// <summary>The kind of a certificate's subject public key, as far as this library can use it.</summary>
    public enum X509PublicKeyAlgorithm
    {
        /// <summary>Any other key (another curve or algorithm), or a badly encoded one.</summary>
        Unknown = 0,

        /// <summary>id-ecPublicKey on secp256r1 (RFC 5480): <see cref="X509Certificate.ReadPublicKey"/> loads it.</summary>
        EcP256 = 1,

        /// <summary>rsaEncryption (RFC 3279 §2.3.1): <see cref="X509Certificate.ReadRsaPublicKey"/> gives modulus and exponent.</summary>
        Rsa = 2,

        /// <summary>id-RSASSA-PSS without parameters (RFC 4055 §3.1): an RSA key that may only make PSS signatures.</summary>
        RsaPss = 3,
    }
}
