namespace NanoMikey.Mikey.Payloads
{
    /// <summary>ECC Curve of an ECCPT payload (RFC 6267 §6.1.4 table 5, IANA).</summary>
    public enum EccCurve : byte
    {
        /// <summary>ECPRGF192Random / P-192 / secp192r1.</summary>
        P192 = 1,

        /// <summary>EC2NGF163Random / B-163 / sect163r2.</summary>
        B163 = 2,

        /// <summary>EC2NGF163Koblitz / K-163 / sect163k1.</summary>
        K163 = 3,

        /// <summary>EC2NGF163Random2 / sect163r1.</summary>
        Sect163r1 = 4,

        /// <summary>ECPRGF224Random / P-224 / secp224r1.</summary>
        P224 = 5,

        /// <summary>EC2NGF233Random / B-233 / sect233r1.</summary>
        B233 = 6,

        /// <summary>EC2NGF233Koblitz / K-233 / sect233k1.</summary>
        K233 = 7,

        /// <summary>ECPRGF256Random / P-256 / secp256r1.</summary>
        P256 = 8,

        /// <summary>EC2NGF283Random / B-283 / sect283r1.</summary>
        B283 = 9,

        /// <summary>EC2NGF283Koblitz / K-283 / sect283k1.</summary>
        K283 = 10,

        /// <summary>ECPRGF384Random / P-384 / secp384r1.</summary>
        P384 = 11,

        /// <summary>EC2NGF409Random / B-409 / sect409r1.</summary>
        B409 = 12,

        /// <summary>EC2NGF409Koblitz / K-409 / sect409k1.</summary>
        K409 = 13,

        /// <summary>ECPRGF521Random / P-521 / secp521r1.</summary>
        P521 = 14,

        /// <summary>EC2NGF571Random / B-571 / sect571r1.</summary>
        B571 = 15,

        /// <summary>EC2NGF571Koblitz / K-571 / sect571k1.</summary>
        K571 = 16,
    }
}
