using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Keys
{
    /// <summary>
    /// The MIKEY PRF and the KEMAC / V MAC run outside the interpreter (e.g. the ESP32 native crypto pack, issue 15),
    /// selected at start-up with <see cref="MikeyOffload.Engine"/>. An implementation writes into the caller's arrays,
    /// allocates nothing, keeps no copy of a key, and answers false for what it does not implement: the managed code
    /// then runs instead, so results never depend on the choice.
    /// </summary>
    public interface IMikeyOffload
    {
        /// <summary>
        /// The PRF of RFC 3830 §4.1.2 (MIKEY-1) or RFC 6043 §6.1 (PRF-HMAC-SHA-256): writes exactly what
        /// <see cref="MikeyPrf.Derive"/> writes, or returns false, writing nothing.
        /// </summary>
        /// <param name="function">Which PRF.</param>
        /// <param name="inkey">Buffer holding the input key.</param>
        /// <param name="inkeyOffset">Offset of the input key.</param>
        /// <param name="inkeyLength">Input key length in bytes (at least 1).</param>
        /// <param name="label">Buffer holding the label.</param>
        /// <param name="labelOffset">Offset of the label.</param>
        /// <param name="labelLength">Label length in bytes.</param>
        /// <param name="output">Destination of the derived key.</param>
        /// <param name="outputOffset">Offset of the derived key.</param>
        /// <param name="outputLength">Derived key length in bytes (at least 1).</param>
        /// <returns>True when the key was written.</returns>
        bool Derive(PrfFunction function, byte[] inkey, int inkeyOffset, int inkeyLength,
            byte[] label, int labelOffset, int labelLength, byte[] output, int outputOffset, int outputLength);

        /// <summary>
        /// The full-length MAC (HMAC-SHA-1-160 or HMAC-SHA-256-256, RFC 3830 §4.2.4, RFC 6043 §6.2) over
        /// data ‖ extra, or false, writing nothing.
        /// </summary>
        /// <param name="algorithm">MAC algorithm (never Null).</param>
        /// <param name="key">Buffer holding auth_key.</param>
        /// <param name="keyOffset">Offset of auth_key.</param>
        /// <param name="keyLength">auth_key length.</param>
        /// <param name="data">First covered range's buffer.</param>
        /// <param name="offset">Offset of the first range.</param>
        /// <param name="length">Length of the first range.</param>
        /// <param name="extra">Second covered range's buffer, or null.</param>
        /// <param name="extraOffset">Offset of the second range.</param>
        /// <param name="extraLength">Length of the second range (0 for none).</param>
        /// <param name="mac">Destination of the MAC (20 or 32 bytes).</param>
        /// <param name="macOffset">Offset of the MAC.</param>
        /// <returns>True when the MAC was written.</returns>
        bool ComputeMac(MacAlgorithm algorithm, byte[] key, int keyOffset, int keyLength, byte[] data, int offset, int length,
            byte[]? extra, int extraOffset, int extraLength, byte[] mac, int macOffset);
    }
}
