namespace NanoMikey.Mikey.Payloads
{
    /// <summary>SRTP policy parameter types in an SP payload (RFC 3830 table 6.10.1.a, RFC 4771 §4, RFC 7714 §14.3).</summary>
    public enum SrtpPolicyParameter : byte
    {
        /// <summary>Encryption algorithm (default AES-CM).</summary>
        EncryptionAlgorithm = 0,

        /// <summary>Session encr. key length in bytes (default 16).</summary>
        SessionEncryptionKeyLength = 1,

        /// <summary>Authentication algorithm (default HMAC-SHA-1).</summary>
        AuthenticationAlgorithm = 2,

        /// <summary>Session auth. key length in bytes (default 20).</summary>
        SessionAuthenticationKeyLength = 3,

        /// <summary>Session salt key length in bytes (default 14).</summary>
        SessionSaltKeyLength = 4,

        /// <summary>SRTP pseudo random function (default AES-CM).</summary>
        Prf = 5,

        /// <summary>Key derivation rate (default 0).</summary>
        KeyDerivationRate = 6,

        /// <summary>SRTP encryption off/on (default on).</summary>
        SrtpEncryption = 7,

        /// <summary>SRTCP encryption off/on (default on).</summary>
        SrtcpEncryption = 8,

        /// <summary>Sender's FEC order (default FEC-SRTP).</summary>
        FecOrder = 9,

        /// <summary>SRTP authentication off/on (default on).</summary>
        SrtpAuthentication = 10,

        /// <summary>Authentication tag length in bytes (default 10).</summary>
        AuthenticationTagLength = 11,

        /// <summary>SRTP prefix length (default 0).</summary>
        SrtpPrefixLength = 12,

        /// <summary>ROC transmission rate R, 16 bits (RFC 4771).</summary>
        RocTransmissionRate = 13,

        /// <summary>SRTP-specific authentication algorithm (RFC 4771).</summary>
        SrtpAuthenticationAlgorithm = 14,

        /// <summary>SRTCP-specific authentication algorithm (RFC 4771).</summary>
        SrtcpAuthenticationAlgorithm = 15,

        /// <summary>SRTP-specific session auth. key length (RFC 4771).</summary>
        SrtpSessionAuthenticationKeyLength = 16,

        /// <summary>SRTCP-specific session auth. key length (RFC 4771).</summary>
        SrtcpSessionAuthenticationKeyLength = 17,

        /// <summary>SRTP-specific authentication tag length (RFC 4771).</summary>
        SrtpAuthenticationTagLength = 18,

        /// <summary>SRTCP-specific authentication tag length (RFC 4771).</summary>
        SrtcpAuthenticationTagLength = 19,

        /// <summary>AEAD authentication tag length (RFC 7714).</summary>
        AeadAuthenticationTagLength = 20,
    }
}
