using NanoMikey.Ecc;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Ecc
{
    /// <summary>
    /// A received ECCPT payload checked against the profile (docs/ecc-profile.md §1.2): curve P-256, a point that passes full
    /// validation (SEC 1 §3.2.2.1) in either SEC 1 encoding, zero padding, KV none; the point is then in <see cref="Key"/>.
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

        /// <summary>Binds and checks the ECCPT payload at <paramref name="offset"/>; Ok with <see cref="Key"/> loaded, or why not.</summary>
        internal MikeyExchangeStatus Read(byte[] message, int offset, int length)
        {
            _key.Clear();
            ErrorCode = ErrorCode.InvalidDh;
            _view.Bind(message, offset, length);
            if (_view.Curve != EccProfileValues.Curve || _view.Kv != KvType.Null) return MikeyExchangeStatus.Unsupported;
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
