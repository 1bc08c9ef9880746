using NanoMikey.Ecc;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;

namespace NanoMikey.Mikey.Ecc
{
    /// <summary>
    /// A received ECCPT payload checked against the profile (docs/ecc-profile.md §1.2): curve P-256, a point that passes full
    /// validation (SEC 1 §3.2.2.1) in either SEC 1 encoding, zero padding, KV none (or, where the mode allows, an SPI: the
    /// MKI of ECDH-SIGN keys, docs/ecc-profile.md §2.1); the point is then in <see cref="Key"/>.
    /// </summary>
    internal sealed class EccptPoint
    {
        private readonly EccptPayload _view = new EccptPayload();
        private readonly P256PublicKey _key = new P256PublicKey();

        internal P256PublicKey Key
        {
            get { return _key; }
        }

        internal ErrorCode ErrorCode;
        internal int PointOffset;
        internal int PointLength;
        internal int TgkLength;
        internal MacAlgorithm AuthAlgorithm;
        internal int SpiOffset;
        internal int SpiLength;

        /// <summary>Binds and checks the ECCPT payload at <paramref name="offset"/>; Ok with <see cref="Key"/> loaded, or why not.</summary>
        internal MikeyExchangeStatus Read(byte[] message, int offset, int length, bool allowSpi)
        {
            _key.Clear();
            ErrorCode = ErrorCode.InvalidDh;
            _view.Bind(message, offset, length);
            KvType kv = _view.Kv;
            if (_view.Curve != EccProfileValues.Curve || (kv != KvType.Null && (kv != KvType.Spi || !allowSpi))) return MikeyExchangeStatus.Unsupported;
            SpiLength = kv == KvType.Spi ? _view.SpiLength : 0;
            SpiOffset = kv == KvType.Spi ? _view.SpiOffset : 0;
            if (SpiLength > SrtpMasterKeyEntry.MaxMkiLength)
            {
                ErrorCode = ErrorCode.InvalidSpPar;
                return MikeyExchangeStatus.Unsupported;
            }

            PointOffset = _view.PointOffset;
            PointLength = _view.PointLength;
            TgkLength = _view.TgkLength;
            AuthAlgorithm = _view.AuthAlgorithm;
            for (int i = PointOffset + PointLength; i < PointOffset + _view.PaddedPointLength; i++)
            {
                if (message[i] != 0) return MikeyExchangeStatus.Malformed;
            }

            if (!_key.TryImport(message, PointOffset, PointLength)) return MikeyExchangeStatus.Malformed;
            ErrorCode = ErrorCode.Unspecified;
            return MikeyExchangeStatus.Ok;
        }
    }
}
