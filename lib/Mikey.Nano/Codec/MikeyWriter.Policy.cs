using System;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Codec
{
    /// <summary>SP payload (RFC 3830 §6.10).</summary>
    public sealed partial class MikeyWriter
    {
        /// <summary>Opens an SP payload; add parameters with <see cref="WritePolicyParameter(int, int)"/>, then <see cref="EndSecurityPolicy"/>.</summary>
        public MikeyStatus BeginSecurityPolicy(int policyNo, ProtocolType protocol)
        {
            if ((uint)policyNo > 255)
            {
                throw new ArgumentOutOfRangeException(nameof(policyNo));
            }

            int p = Begin(PayloadType.SecurityPolicy, 5);
            _inPolicy = true;
            _policyStart = p;
            if (p >= 0)
            {
                _buffer[p + 1] = (byte)policyNo;
                _buffer[p + 2] = (byte)protocol;
            }

            return _status;
        }

        /// <summary>Adds a one-byte parameter to the open SP payload.</summary>
        public MikeyStatus WritePolicyParameter(int type, int value)
        {
            if ((uint)value > 255)
            {
                throw new ArgumentOutOfRangeException(nameof(value));
            }

            int p = BeginParameter(type, 1);
            if (p >= 0)
            {
                _buffer[p + 2] = (byte)value;
            }

            return _status;
        }

        /// <summary>Adds a parameter with a raw value (e.g. the 16-bit RFC 4771 ROC transmission rate) to the open SP payload.</summary>
        public MikeyStatus WritePolicyParameter(int type, byte[] value, int offset, int count)
        {
            CheckRange(value, offset, count, 255);
            int p = BeginParameter(type, count);
            if (p >= 0)
            {
                Put(p + 2, value, offset, count);
            }

            return _status;
        }

        /// <summary>Closes the open SP payload and fills its Policy param length.</summary>
        /// <exception cref="InvalidOperationException">No SP payload is open.</exception>
        public MikeyStatus EndSecurityPolicy()
        {
            if (!_inPolicy)
            {
                throw new InvalidOperationException();
            }

            _inPolicy = false;
            if (_status == MikeyStatus.Ok)
            {
                int len = _position - _policyStart - 5;
                if (len > 0xFFFF)
                {
                    _status = MikeyStatus.BufferTooSmall;
                    return _status;
                }

                NetworkOrder.WriteUInt16(_buffer, _policyStart + 3, len);
            }

            return _status;
        }

        private int BeginParameter(int type, int count)
        {
            if (!_inPolicy)
            {
                throw new InvalidOperationException();
            }

            if ((uint)type > 255)
            {
                throw new ArgumentOutOfRangeException(nameof(type));
            }

            if (_status != MikeyStatus.Ok)
            {
                return -1;
            }

            if (_limit - _position < 2 + count)
            {
                _status = MikeyStatus.BufferTooSmall;
                return -1;
            }

            int p = _position;
            _buffer[p] = (byte)type;
            _buffer[p + 1] = (byte)count;
            _position += 2 + count;
            return p;
        }
    }
}
