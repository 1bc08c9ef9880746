using System;
using NanoMikey.Crypto.Mac;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Keys
{
    /// <summary>
    /// The MIKEY PRFs: MIKEY-1 (RFC 3830 §4.1.2, HMAC-SHA-1) and PRF-HMAC-SHA-256 (RFC 6043 §6.1). Writes into caller
    /// buffers and owns its HMAC objects and scratch, so a derivation allocates nothing; call <see cref="Clear"/> to wipe
    /// the last key schedule.
    /// </summary>
    public sealed class MikeyPrf
    {
        /// <summary>Size of one inkey block in bytes (256 bits for both PRFs, RFC 3830 §4.1.2, RFC 6043 §6.1).</summary>
        public const int InkeyBlockLength = 32;

        // Created on first use of their PRF (issue 10 §2 heap): a device meets one of the two.
        private HmacSha1? _sha1;
        private HmacSha256? _sha256;
        private readonly byte[] _a = new byte[HmacSha256.HashSize];
        private readonly byte[] _block = new byte[HmacSha256.HashSize];

        /// <summary>
        /// The HMAC this PRF runs on, created on first use; shared with the KEMAC / V MAC of the same exchange (KemacProtection
        /// keys it for each MAC and wipes it after), so a responder holds one HMAC-SHA-1, not two (issue 10 §2 heap).
        /// </summary>
        internal Hmac Shared(bool sha256)
        {
            if (sha256) return _sha256 ?? (_sha256 = new HmacSha256());
            return _sha1 ?? (_sha1 = new HmacSha1());
        }

        /// <summary>
        /// outkey = the first <paramref name="outputLength"/> bytes of P(s_1, label, m) XOR ... XOR P(s_n, label, m), where s_j are the
        /// 32-byte blocks of inkey (the last may be shorter) and m = ceil(outkey / hash length).
        /// </summary>
        /// <param name="function">Which PRF (HDR PRF func).</param>
        /// <param name="inkey">Buffer holding the input key (TGK, PSK, envelope key...).</param>
        /// <param name="inkeyOffset">Offset of the input key.</param>
        /// <param name="inkeyLength">Input key length in bytes, at least 1.</param>
        /// <param name="label">Buffer holding the label.</param>
        /// <param name="labelOffset">Offset of the label.</param>
        /// <param name="labelLength">Label length in bytes.</param>
        /// <param name="output">Destination of the derived key.</param>
        /// <param name="outputOffset">Offset of the derived key.</param>
        /// <param name="outputLength">Derived key length in bytes, at least 1.</param>
        /// <exception cref="ArgumentException">An unknown PRF, or a range outside its buffer.</exception>
        public void Derive(PrfFunction function, byte[] inkey, int inkeyOffset, int inkeyLength,
            byte[] label, int labelOffset, int labelLength, byte[] output, int outputOffset, int outputLength)
        {
            if (function != PrfFunction.Mikey1 && function != PrfFunction.PrfHmacSha256) throw new ArgumentException("unknown PRF");
            CheckRange(inkey, inkeyOffset, inkeyLength, 1);
            CheckRange(label, labelOffset, labelLength, 0);
            CheckRange(output, outputOffset, outputLength, 1);
            IMikeyOffload? offload = MikeyOffload.Engine;
            if (offload != null && offload.Derive(function, inkey, inkeyOffset, inkeyLength, label, labelOffset, labelLength, output, outputOffset, outputLength)) return;
            Hmac hmac = Shared(function == PrfFunction.PrfHmacSha256);

            int h = hmac.MacLength;
            Array.Clear(output, outputOffset, outputLength);
            for (int s = 0; s < inkeyLength; s += InkeyBlockLength)
            {
                int sLength = inkeyLength - s;
                if (sLength > InkeyBlockLength) sLength = InkeyBlockLength;
                hmac.SetKey(inkey, inkeyOffset + s, sLength);
                // A_0 = label; A_i = HMAC(s, A_(i-1)); output block i = HMAC(s, A_i || label). Reset/Update/Final rather than
                // Compute (which calls Final): one interpreter frame less at the deepest point of a key derivation (issue 10 §2).
                hmac.Reset();
                hmac.Update(label, labelOffset, labelLength);
                hmac.Final(_a, 0, h);
                for (int done = 0; done < outputLength; done += h)
                {
                    hmac.Reset();
                    hmac.Update(_a, 0, h);
                    hmac.Update(label, labelOffset, labelLength);
                    hmac.Final(_block, 0, h);
                    int take = outputLength - done;
                    if (take > h) take = h;
                    for (int i = 0; i < take; i++) output[outputOffset + done + i] ^= _block[i];
                    if (done + h < outputLength)
                    {
                        hmac.Reset();
                        hmac.Update(_a, 0, h);
                        hmac.Final(_a, 0, h);
                    }
                }
            }
            Clear();
        }

        /// <summary>Wipes the HMAC key schedules and scratch blocks.</summary>
        public void Clear()
        {
            if (_sha1 != null) _sha1.Clear();
            if (_sha256 != null) _sha256.Clear();
            Array.Clear(_a, 0, _a.Length);
            Array.Clear(_block, 0, _block.Length);
        }

        /// <summary>Wipes (<see cref="Clear"/>) and drops the HMACs; they are created again on the next use.</summary>
        internal void Release()
        {
            Clear();
            _sha1 = null;
            _sha256 = null;
        }

        private static void CheckRange(byte[] buffer, int offset, int length, int minLength)
        {
            if (buffer == null) throw new ArgumentNullException();
            if (length < minLength || offset < 0 || offset > buffer.Length - length) throw new ArgumentOutOfRangeException();
        }
    }
}
