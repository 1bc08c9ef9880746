namespace NanoMikey.Rsa
{
    /// <summary>The components of an RSA private key in its CRT form (RFC 8017 §3.2, second representation; §A.1.2).</summary>
    public enum RsaPrivateComponent
    {
        /// <summary>n = p*q.</summary>
        Modulus,

        /// <summary>e.</summary>
        PublicExponent,

        /// <summary>d, e*d = 1 mod lambda(n).</summary>
        PrivateExponent,

        /// <summary>p.</summary>
        Prime1,

        /// <summary>q.</summary>
        Prime2,

        /// <summary>dP = d mod (p-1).</summary>
        Exponent1,

        /// <summary>dQ = d mod (q-1).</summary>
        Exponent2,

        /// <summary>qInv = q^-1 mod p.</summary>
        Coefficient,
    }
}
