using System;
using NanoMikey.Esp32.NativeCrypto;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Esp32.Native.Mikey
{
    /// <summary>
    /// The MIKEY PRF and KEMAC / V MAC on the native crypto pack behind <see cref="IMikeyOffload"/>: select it with
    /// <c>MikeyOffload.Engine = new NativeMikeyOffload()</c> once <see cref="Selection.NativeCryptoSelection.Select"/> reported
    /// the pack. MIKEY-1 (RFC 3830 §4.1.2) is one native call; PRF-HMAC-SHA-256 (RFC 6043 §6.1) runs its P_SHA256 steps on
    /// the native HMAC-SHA-256; a MAC over two ranges is copied into scratch first (longer ones are left to the managed
    /// code). Owns its scratch (allocated here, wiped after each use); not thread-safe.
    /// </summary>
    public sealed class NativeMikeyOffload : IMikeyOffload
    {
        private const int HashLength = 32;

        /// <summary>Longest data ‖ extra a MAC over two ranges takes (the V payload's IDs and T included).</summary>
        public const int MaxJoinedMacInput = 512;

        /// <summary>Longest label PRF-HMAC-SHA-256 takes (RFC 3830 §4.1.3: 9 bytes and a RAND of at most 255).</summary>
        public const int MaxLabelLength = 9 + 255;

        private readonly byte[] _joined = new byte[MaxJoinedMacInput];
        // P_SHA256 state: A_i followed by the label, so that HMAC(s, A_i || label) is one call; and one output block.
        private readonly byte[] _aLabel = new byte[HashLength + MaxLabelLength];
        private readonly byte[] _block = new byte[HashLength];

        /// <summary>Creates the adapter and its scratch.</summary>
        public NativeMikeyOffload()
        {
        }

        /// <inheritdoc />
        public bool Derive(PrfFunction function, byte[] inkey, int inkeyOffset, int inkeyLength,
            byte[] label, int labelOffset, int labelLength, byte[] output, int outputOffset, int outputLength)
        {
            if (function == PrfFunction.Mikey1)
            {
                // The pack XORs each inkey piece's P-SHA1 into the output: start from zeros, as MikeyPrf does.
                Array.Clear(output, outputOffset, outputLength);
                NativeCryptoPack.MikeyPrf(inkey, inkeyOffset, inkeyLength, label, labelOffset, labelLength, output, outputOffset, outputLength);
                return true;
            }

            if (function != PrfFunction.PrfHmacSha256 || labelLength > MaxLabelLength) return false;
            DeriveSha256(inkey, inkeyOffset, inkeyLength, label, labelOffset, labelLength, output, outputOffset, outputLength);
            return true;
        }

        /// <inheritdoc />
        public bool ComputeMac(MacAlgorithm algorithm, byte[] key, int keyOffset, int keyLength, byte[] data, int offset, int length,
            byte[]? extra, int extraOffset, int extraLength, byte[] mac, int macOffset)
        {
            if (algorithm != MacAlgorithm.HmacSha1160 && algorithm != MacAlgorithm.HmacSha256256) return false;
            byte[] input = data;
            int at = offset, n = length;
            if (extra != null && extraLength > 0)
            {
                if (length > MaxJoinedMacInput - extraLength) return false;
                Array.Copy(data, offset, _joined, 0, length);
                Array.Copy(extra, extraOffset, _joined, length, extraLength);
                input = _joined;
                at = 0;
                n = length + extraLength;
            }

            if (algorithm == MacAlgorithm.HmacSha1160) NativeCryptoPack.HmacSha1(key, keyOffset, keyLength, input, at, n, mac, macOffset);
            else NativeCryptoPack.HmacSha256(key, keyOffset, keyLength, input, at, n, mac, macOffset);
            if (input == _joined) Array.Clear(_joined, 0, n);
            return true;
        }

        // RFC 6043 §6.1 / RFC 3830 §4.1.2 with SHA-256: for each 256-bit piece s of inkey, A_0 = label, A_i = HMAC(s, A_(i-1)),
        // P(s, label, m) = HMAC(s, A_1 || label) || HMAC(s, A_2 || label) || ...; the pieces' outputs are XORed.
        private void DeriveSha256(byte[] inkey, int inkeyOffset, int inkeyLength, byte[] label, int labelOffset, int labelLength,
            byte[] output, int outputOffset, int outputLength)
        {
            byte[] a = _aLabel;
            Array.Clear(output, outputOffset, outputLength);
            Array.Copy(label, labelOffset, a, HashLength, labelLength);
            for (int s = 0; s < inkeyLength; s += MikeyPrf.InkeyBlockLength)
            {
                int sLength = inkeyLength - s;
                if (sLength > MikeyPrf.InkeyBlockLength) sLength = MikeyPrf.InkeyBlockLength;
                NativeCryptoPack.HmacSha256(inkey, inkeyOffset + s, sLength, label, labelOffset, labelLength, a, 0);
                for (int done = 0; done < outputLength; done += HashLength)
                {
                    NativeCryptoPack.HmacSha256(inkey, inkeyOffset + s, sLength, a, 0, HashLength + labelLength, _block, 0);
                    int take = outputLength - done;
                    if (take > HashLength) take = HashLength;
                    for (int i = 0; i < take; i++) output[outputOffset + done + i] ^= _block[i];
                    if (done + HashLength < outputLength) NativeCryptoPack.HmacSha256(inkey, inkeyOffset + s, sLength, a, 0, HashLength, a, 0);
                }
            }

            Array.Clear(a, 0, a.Length);
            Array.Clear(_block, 0, HashLength);
        }
    }
}
