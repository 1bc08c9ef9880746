using System;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Keys
{
    /// <summary>
    /// MIKEY key derivation (RFC 3830 §4.1.3, §4.1.4): builds the label constant ‖ cs_id ‖ csb_id ‖ RAND in a buffer it owns and
    /// runs the PRF into a caller buffer. Allocation-free after construction.
    /// </summary>
    public sealed class MikeyKeyDerivation
    {
        /// <summary>RFC 3830 §4.1.3: TEK (the SRTP master key) from the TGK.</summary>
        public const uint TekConstant = 0x2AD01C64;

        /// <summary>RFC 3830 §4.1.3: authentication key from the TGK (protocols without their own KDF).</summary>
        public const uint AuthenticationKeyConstant = 0x1B5C7973;

        /// <summary>RFC 3830 §4.1.3: encryption key from the TGK (protocols without their own KDF).</summary>
        public const uint EncryptionKeyConstant = 0x15798CEF;

        /// <summary>RFC 3830 §4.1.3: salting key (the SRTP master salt when none is transported) from the TGK.</summary>
        public const uint SaltingKeyConstant = 0x39A2C14B;

        /// <summary>RFC 3830 §4.1.4: encr_key protecting the KEMAC, from the PSK or envelope key.</summary>
        public const uint MessageEncryptionKeyConstant = 0x150533E1;

        /// <summary>RFC 3830 §4.1.4: auth_key for the KEMAC MAC and V, from the PSK or envelope key.</summary>
        public const uint MessageAuthenticationKeyConstant = 0x2D22AC75;

        /// <summary>RFC 3830 §4.1.4: salt_key for the KEMAC encryption IV, from the PSK or envelope key.</summary>
        public const uint MessageSaltKeyConstant = 0x29B88916;

        /// <summary>The cs_id byte of §4.1.4 labels (keys protecting MIKEY itself, not one crypto session).</summary>
        public const byte MessageKeyCsId = 0xFF;

        /// <summary>Longest RAND value accepted (the RAND payload's length field is one byte).</summary>
        public const int MaxRandLength = 255;

        private const int LabelHeaderLength = 9;

        private readonly MikeyPrf _prf;

        /// <summary>The PRF (and its HMAC, which the KEMAC MAC of the same exchange shares).</summary>
        internal MikeyPrf Prf
        {
            get { return _prf; }
        }
        // Grows to the longest RAND seen (one allocation for the usual 16-byte RAND, not 264 bytes up front).
        private byte[] _label = new byte[LabelHeaderLength + 16];

        /// <summary>Creates a derivation with its own PRF.</summary>
        public MikeyKeyDerivation() : this(new MikeyPrf())
        {
        }

        /// <summary>Creates a derivation over <paramref name="prf"/> (shared with other users of the same PRF object).</summary>
        /// <param name="prf">The PRF to run.</param>
        public MikeyKeyDerivation(MikeyPrf prf)
        {
            if (prf == null) throw new ArgumentNullException();
            _prf = prf;
        }

        /// <summary>
        /// Derives one key: PRF(inkey, constant ‖ csId ‖ csbId ‖ RAND). Use <see cref="MessageKeyCsId"/> for the §4.1.4 keys
        /// (encr_key, auth_key, salt_key) and the 1-based crypto session number for the §4.1.3 keys (TEK, salting key).
        /// </summary>
        /// <param name="function">PRF from the HDR.</param>
        /// <param name="inkey">Buffer holding the TGK, PSK or envelope key.</param>
        /// <param name="inkeyOffset">Offset of the input key.</param>
        /// <param name="inkeyLength">Input key length in bytes.</param>
        /// <param name="constant">One of the constants of this class.</param>
        /// <param name="csId">Crypto session number, or <see cref="MessageKeyCsId"/>.</param>
        /// <param name="csbId">CSB ID from the HDR.</param>
        /// <param name="rand">Buffer holding the initiator's RAND value (payload header excluded).</param>
        /// <param name="randOffset">Offset of the RAND value.</param>
        /// <param name="randLength">RAND length in bytes, at most <see cref="MaxRandLength"/>.</param>
        /// <param name="output">Destination of the key.</param>
        /// <param name="outputOffset">Offset of the key.</param>
        /// <param name="outputLength">Key length in bytes.</param>
        public void Derive(PrfFunction function, byte[] inkey, int inkeyOffset, int inkeyLength, uint constant, byte csId, uint csbId,
            byte[] rand, int randOffset, int randLength, byte[] output, int outputOffset, int outputLength)
        {
            if (rand == null) throw new ArgumentNullException();
            if (randLength < 0 || randLength > MaxRandLength || randOffset < 0 || randOffset > rand.Length - randLength)
                throw new ArgumentOutOfRangeException();
            if (_label.Length < LabelHeaderLength + randLength) _label = new byte[LabelHeaderLength + randLength];
            byte[] label = _label;
            label[0] = (byte)(constant >> 24);
            label[1] = (byte)(constant >> 16);
            label[2] = (byte)(constant >> 8);
            label[3] = (byte)constant;
            label[4] = csId;
            label[5] = (byte)(csbId >> 24);
            label[6] = (byte)(csbId >> 16);
            label[7] = (byte)(csbId >> 8);
            label[8] = (byte)csbId;
            Array.Copy(rand, randOffset, label, LabelHeaderLength, randLength);
            _prf.Derive(function, inkey, inkeyOffset, inkeyLength, label, 0, LabelHeaderLength + randLength, output, outputOffset, outputLength);
        }
    }
}
