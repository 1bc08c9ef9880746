namespace NanoMikey.Mikey.Payloads
{
    /// <summary>CERT payload Cert type (RFC 3830 table 6.7.b).</summary>
    public enum CertType : byte
    {
        /// <summary>X.509v3 certificate (DER).</summary>
        X509v3 = 0,

        /// <summary>X.509v3 URL.</summary>
        X509v3Url = 1,

        /// <summary>X.509v3 certificate, signature use only.</summary>
        X509v3Sign = 2,

        /// <summary>X.509v3 certificate, encryption use only.</summary>
        X509v3Encr = 3,
    }
}
