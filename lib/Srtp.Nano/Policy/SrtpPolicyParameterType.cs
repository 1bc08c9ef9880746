namespace NanoMikey.Srtp.Policy
{
    /// <summary>MIKEY SP payload SRTP policy parameter types (RFC 3830 table 6.10.1.a, RFC 4771 §4, RFC 7714 §14.3).</summary>
    public enum SrtpPolicyParameterType
    {
        /// <summary>Encryption algorithm.</summary>
        EncryptionAlgorithm = 0,

        /// <summary>Session encryption key length (bytes), also the master key length.</summary>
        SessionEncryptionKeyLength = 1,

        /// <summary>Authentication algorithm.</summary>
        AuthenticationAlgorithm = 2,

        /// <summary>Session authentication key length (bytes).</summary>
        SessionAuthenticationKeyLength = 3,

        /// <summary>Session salt key length (bytes), also the master salt length.</summary>
        SessionSaltKeyLength = 4,

        /// <summary>SRTP pseudo-random function (0 = AES-CM).</summary>
        PseudoRandomFunction = 5,

        /// <summary>Key derivation rate.</summary>
        KeyDerivationRate = 6,

        /// <summary>SRTP encryption off/on.</summary>
        SrtpEncryption = 7,

        /// <summary>SRTCP encryption off/on.</summary>
        SrtcpEncryption = 8,

        /// <summary>Sender's FEC order.</summary>
        FecOrder = 9,

        /// <summary>SRTP authentication off/on.</summary>
        SrtpAuthentication = 10,

        /// <summary>Authentication tag length (bytes).</summary>
        AuthenticationTagLength = 11,

        /// <summary>SRTP prefix length (bytes).</summary>
        SrtpPrefixLength = 12,

        /// <summary>ROC transmission rate R (RFC 4771).</summary>
        RocTransmissionRate = 13,

        /// <summary>SRTP authentication algorithm (RFC 4771).</summary>
        SrtpAuthenticationAlgorithm = 14,

        /// <summary>SRTCP authentication algorithm (RFC 4771).</summary>
        SrtcpAuthenticationAlgorithm = 15,

        /// <summary>SRTP session authentication key length (RFC 4771).</summary>
        SrtpSessionAuthenticationKeyLength = 16,

        /// <summary>SRTCP session authentication key length (RFC 4771).</summary>
        SrtcpSessionAuthenticationKeyLength = 17,

        /// <summary>SRTP authentication tag length (RFC 4771).</summary>
        SrtpAuthenticationTagLength = 18,

        /// <summary>SRTCP authentication tag length (RFC 4771).</summary>
        SrtcpAuthenticationTagLength = 19,

        /// <summary>AEAD authentication tag length (RFC 7714).</summary>
        AeadAuthenticationTagLength = 20,
    }
}
