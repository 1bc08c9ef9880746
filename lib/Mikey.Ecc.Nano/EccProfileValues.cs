using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Ecc
{
    /// <summary>
    /// Every value of the ECC profile (docs/ecc-profile.md) that no registry assigns, in one place, with the registered ones
    /// the profile fixes. Peers interoperate only when they agree on these.
    /// </summary>
    public static class EccProfileValues
    {
        /// <summary>
        /// DRBG requests budgeted for one ephemeral P-256 scalar: a 32-byte draw is rejected with probability below 2^-32, so
        /// four draws cover every practical case (the modes check HmacDrbg.CanGenerate before any state change).
        /// </summary>
        internal const int EphemeralDraws = 4;

        /// <summary>SIGN S type for ECDSA P-256 / SHA-256 with r‖s encoding: private (3-15 are unassigned, RFC 3830 §6.5).</summary>
        public const SignatureType EcdsaP256SignatureType = (SignatureType)14;

        /// <summary>Data type of the ECMQV I_MESSAGE: private use (RFC 3830 §10: 241-255), as none was registered (RFC 5197 §4.1.2 names the mode only).</summary>
        public const DataType EcmqvInitDataType = (DataType)241;

        /// <summary>Data type of the ECMQV verification message: private use.</summary>
        public const DataType EcmqvVerificationDataType = (DataType)242;

        /// <summary>The only curve of the profile: P-256 (IANA "ECC Curve" 8, RFC 6267 §6.1.4).</summary>
        public const EccCurve Curve = EccCurve.P256;

        /// <summary>TGK length written in ECCPT, and of the ECIES TGK, in bytes.</summary>
        public const int TgkLength = 32;

        /// <summary>Length of the RAND the initiators send.</summary>
        public const int RandLength = 16;

        /// <summary>ECDSA signature length in SIGN: r ‖ s, 32 bytes each (IEEE P1363).</summary>
        public const int SignatureLength = 64;

        /// <summary>Most CERT payloads (leaf and intermediates) one message may carry.</summary>
        public const int MaxCertificates = 4;

        /// <summary>Length of the ECMQV KDF label "MIKEY-ECMQV".</summary>
        public const int EcmqvLabelLength = 11;

        /// <summary>Writes ASCII "MIKEY-ECMQV", the first part of the ECMQV TGK KDF's SharedInfo (docs/ecc-profile.md §4.3).</summary>
        /// <param name="destination">Output buffer (<see cref="EcmqvLabelLength"/> bytes).</param>
        /// <param name="offset">Offset of the label.</param>
        public static void WriteEcmqvLabel(byte[] destination, int offset)
        {
            // Byte by byte: an array initializer would need a static data blob the nano runtime need not support.
            destination[offset] = 0x4d;
            destination[offset + 1] = 0x49;
            destination[offset + 2] = 0x4b;
            destination[offset + 3] = 0x45;
            destination[offset + 4] = 0x59;
            destination[offset + 5] = 0x2d;
            destination[offset + 6] = 0x45;
            destination[offset + 7] = 0x43;
            destination[offset + 8] = 0x4d;
            destination[offset + 9] = 0x51;
            destination[offset + 10] = 0x56;
        }
    }
}
