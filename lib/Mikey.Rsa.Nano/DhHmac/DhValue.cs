using System;
using NanoMikey.BigNum;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Random;
using NanoMikey.Ecc;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Rsa
{
    /// <summary>
    /// One side's ephemeral Diffie-Hellman key and the peer's value, as DHHMAC and DH-SIGN carry them: an OAKLEY MODP group in
    /// a DH payload (RFC 3830 §6.4: DH-Group, value of the group's length, KV) or P-256 in an ECCPT payload (RFC 6267 §6.1.4,
    /// docs/ecc-profile.md §7). The shared secret is the TGK: g^(xi·xr) mod p as ValueLength bytes (RFC 3830 §3.3), or the
    /// x-coordinate of d·Q (SEC 1 §3.3.1). Received values are checked before use: 1 &lt; y &lt; p-1 and y^q = 1 (the OAKLEY
    /// primes are safe primes), or a point on the curve. Allocation-free after construction.
    /// </summary>
    internal sealed class DhValue
    {
        /// <summary>TGK len written in ECCPT and the P-256 shared secret length.</summary>
        internal const int P256SecretLength = EcdhP256.SecretLength;

        /// <summary>Longest MODP value (OAKLEY 5).</summary>
        internal const int MaxValueLength = 192;

        /// <summary>Longest DH/ECCPT payload we write or echo: Next payload, DH-Group, value, KV (no KV data).</summary>
        internal const int MaxPayloadLength = 3 + MaxValueLength;

        /// <summary>
        /// DRBG requests budgeted for one ephemeral key: a P-256 scalar draw is rejected with probability below 2^-32 (as
        /// EccProfileValues.EphemeralDraws); a MODP exponent is drawn once.
        /// </summary>
        internal const int EphemeralDraws = 4;

        private readonly P256PrivateKey _ec = new P256PrivateKey();
        private readonly P256PublicKey _peerPoint = new P256PublicKey();
        private readonly ModpDiffieHellman _modp = new ModpDiffieHellman(1536);
        private readonly EccptPayload _eccpt = new EccptPayload();
        private readonly DhPayload _dh = new DhPayload();
        private readonly byte[] _value = new byte[MaxValueLength];

        /// <summary>The group of the key (set before <see cref="Generate"/> / <see cref="CheckFields"/>).</summary>
        internal DhHmacGroup Group;

        /// <summary>The MIKEY error code of the last refused value.</summary>
        internal ErrorCode ErrorCode;

        /// <summary>True when the group travels in ECCPT (P-256), false for DH payloads.</summary>
        internal bool IsEcc
        {
            get { return Group == DhHmacGroup.P256; }
        }

        /// <summary>The payload type carrying values of <see cref="Group"/>.</summary>
        internal PayloadType PayloadType
        {
            get { return IsEcc ? PayloadType.Eccpt : PayloadType.Dh; }
        }

        /// <summary>TGK length: the x-coordinate (32 bytes) or the MODP value length.</summary>
        internal int SecretLength
        {
            get { return IsEcc ? P256SecretLength : DhPayload.ValueLengthOf((DhGroup)Group); }
        }

        /// <summary>Whether this implementation has the group (the MODP arithmetic comes from NanoMikey.BigNum); changes nothing.</summary>
        internal static bool Supports(DhHmacGroup group)
        {
            return group == DhHmacGroup.P256 || group == DhHmacGroup.Oakley1 || group == DhHmacGroup.Oakley2 || group == DhHmacGroup.Oakley5;
        }

        /// <summary>Draws a fresh key pair in <see cref="Group"/> (the caller checked <see cref="HmacDrbg.CanGenerate"/>).</summary>
        internal void Generate(HmacDrbg drbg)
        {
            Clear();
            if (IsEcc)
            {
                _ec.Generate(drbg);
                return;
            }

            if (!_modp.TrySetGroup(ModpGroup(Group))) throw new InvalidOperationException();
            _modp.GenerateKeyPair(drbg);
        }

        /// <summary>True while a key pair is held.</summary>
        internal bool HasKey
        {
            get { return IsEcc ? _ec.HasValue : _modp.HasKeyPair; }
        }

        /// <summary>Writes this side's public value: ECCPT (curve 8, uncompressed point, Auth alg NULL, TGK len 32, KV 0) or DH (KV 0).</summary>
        internal void Write(MikeyWriter w)
        {
            if (IsEcc)
            {
                _ec.PublicKey.ExportUncompressed(_value, 0);
                w.WriteEccpt(EccCurve.P256, _value, 0, P256PublicKey.UncompressedLength, MacAlgorithm.Null, P256SecretLength, KvType.Null, null, 0, 0, null, 0, 0);
            }
            else
            {
                _modp.ExportPublicValue(_value, 0);
                w.WriteDh((DhGroup)Group, _value, 0, KvType.Null, null, 0, 0, null, 0, 0);
            }

            SecureMemory.Wipe(_value);
        }

        /// <summary>
        /// Writes the peer's payload again (the answer's DHi, RFC 3830 §3.3, RFC 4650 §3): its fields passed
        /// <see cref="CheckFields"/> (KV none, zero padding), so the copy is byte-exact.
        /// </summary>
        internal void WriteEcho(MikeyWriter w, byte[] message, int offset, int length)
        {
            if (IsEcc)
            {
                _eccpt.Bind(message, offset, length);
                w.WriteEccpt(EccCurve.P256, message, _eccpt.PointOffset, _eccpt.PointLength, _eccpt.AuthAlgorithm, _eccpt.TgkLength, KvType.Null, null, 0, 0, null, 0, 0);
            }
            else
            {
                _dh.Bind(message, offset, length);
                w.WriteDh(_dh.Group, message, _dh.ValueOffset, KvType.Null, null, 0, 0, null, 0, 0);
            }
        }

        /// <summary>
        /// The group named by a received DH or ECCPT payload at <paramref name="offset"/> (its fields only, not the value): a
        /// MODP DH-Group, or P-256 for an ECCPT on curve 8; -1 for anything else.
        /// </summary>
        internal int GroupOf(byte[] message, int offset, int length, PayloadType type)
        {
            if (type == PayloadType.Eccpt)
            {
                _eccpt.Bind(message, offset, length);
                return _eccpt.Curve == EccCurve.P256 ? (int)DhHmacGroup.P256 : -1;
            }

            _dh.Bind(message, offset, length);
            DhGroup g = _dh.Group;
            return g == DhGroup.Oakley1 || g == DhGroup.Oakley2 || g == DhGroup.Oakley5 ? (int)g : -1;
        }

        /// <summary>
        /// Checks the fields of a received value of <see cref="Group"/> (not the value itself): KV none, for ECCPT TGK len 32
        /// and zero padding. Ok, or why not with <see cref="ErrorCode"/> set.
        /// </summary>
        internal MikeyExchangeStatus CheckFields(byte[] message, int offset, int length, PayloadType type)
        {
            ErrorCode = ErrorCode.InvalidDh;
            if (type != PayloadType || GroupOf(message, offset, length, type) != (int)Group) return MikeyExchangeStatus.Unsupported;
            if (IsEcc)
            {
                if (_eccpt.Kv != KvType.Null || _eccpt.TgkLength != P256SecretLength) return MikeyExchangeStatus.Unsupported;
                for (int i = _eccpt.PointOffset + _eccpt.PointLength; i < _eccpt.PointOffset + _eccpt.PaddedPointLength; i++)
                {
                    if (message[i] != 0) return MikeyExchangeStatus.Malformed;
                }
            }
            else if (_dh.Kv != KvType.Null)
            {
                return MikeyExchangeStatus.Unsupported;
            }

            ErrorCode = ErrorCode.Unspecified;
            return MikeyExchangeStatus.Ok;
        }

        /// <summary>
        /// The shared secret with the peer's value in the payload at <paramref name="offset"/> (fields checked by
        /// <see cref="CheckFields"/>) into <paramref name="secret"/> (<see cref="SecretLength"/> bytes). False (secret
        /// untouched, ErrorCode Invalid DH) when the value is refused: off the curve, or outside 1 &lt; y &lt; p-1, or not in the
        /// prime-order subgroup.
        /// </summary>
        internal bool Agree(byte[] message, int offset, int length, byte[] secret, int secretOffset)
        {
            ErrorCode = ErrorCode.InvalidDh;
            bool ok;
            if (IsEcc)
            {
                _eccpt.Bind(message, offset, length);
                ok = _peerPoint.TryImport(message, _eccpt.PointOffset, _eccpt.PointLength) && EcdhP256.ComputeSharedSecret(_ec, _peerPoint, secret, secretOffset);
                _peerPoint.Clear();
            }
            else
            {
                _dh.Bind(message, offset, length);
                ok = _modp.ComputeSharedSecret(message, _dh.ValueOffset, _dh.ValueLength, secret, secretOffset);
            }

            if (ok) ErrorCode = ErrorCode.Unspecified;
            return ok;
        }

        /// <summary>
        /// The responder's side (RFC 3830 §3.3): a fresh key pair in <see cref="Group"/>, then the shared secret with the
        /// peer's value as <see cref="Agree"/> computes it (the caller checked <see cref="HmacDrbg.CanGenerate"/>).
        /// </summary>
        internal bool Respond(HmacDrbg drbg, byte[] message, int offset, int length, byte[] secret)
        {
            Generate(drbg);
            return Agree(message, offset, length, secret, 0);
        }

        /// <summary>Wipes the key pair.</summary>
        internal void Clear()
        {
            _ec.Clear();
            _modp.Clear();
            SecureMemory.Wipe(_value);
        }

        private static ModpGroupId ModpGroup(DhHmacGroup group)
        {
            // DH-Group 0 is OAKLEY 5 (RFC 3830 §6.4); 1 and 2 keep their numbers.
            return group == DhHmacGroup.Oakley5 ? ModpGroupId.Oakley5 : group == DhHmacGroup.Oakley1 ? ModpGroupId.Oakley1 : ModpGroupId.Oakley2;
        }
    }
}
