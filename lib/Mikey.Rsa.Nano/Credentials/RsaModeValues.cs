namespace NanoMikey.Mikey.Rsa
{
    /// <summary>
    /// The values the RSA modes (PK, RSA-R, DH-SIGN) fix where RFC 3830 / RFC 4738 leave a choice, in one place. Peers
    /// interoperate only when they agree on these.
    /// </summary>
    public static class RsaModeValues
    {
        /// <summary>Length of the RAND the initiators (and RSA-R responders) send (RFC 3830 §6.11: at least 16 bytes).</summary>
        public const int RandLength = 16;

        /// <summary>Length of the TGK transported in a KEMAC (RFC 3830 §4.1.3 leaves it open; 32 bytes as the ECC modes).</summary>
        public const int TgkLength = 32;

        /// <summary>
        /// Length of the envelope key env_key (RFC 3830 §4.1.4 leaves it open; mikey-spec §5.4): 32 bytes, the PRF input for
        /// encr_key, auth_key and salt_key. Fits PKCS#1 v1.5 (RFC 8017 §7.2.1: at most k - 11 bytes) for every allowed key.
        /// </summary>
        public const int EnvelopeKeyLength = 32;

        /// <summary>Most CERT payloads (leaf and intermediates) one message may carry.</summary>
        public const int MaxCertificates = 4;

        /// <summary>Longest identity in bytes.</summary>
        public const int MaxIdentityLength = 128;

        /// <summary>Room for the plaintext of a KEMAC (identity and Key data sub-payloads).</summary>
        internal const int MaxKemacData = 512;

        /// <summary>Largest RSA modulus in bytes (RsaPublicKey.MaxBits).</summary>
        internal const int MaxModulusLength = 512;
    }
}
