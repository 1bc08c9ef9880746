using System;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Codec
{
    /// <summary>HDR and CS ID map entries (RFC 3830 §6.1, §6.1.1; RFC 6043 §6.1.1).</summary>
    public sealed partial class MikeyWriter
    {
        /// <summary>Writes HDR with #CS = 0; add crypto sessions with <see cref="AddSrtpIdEntry"/> / <see cref="AddGenericIdEntry"/>.</summary>
        /// <exception cref="InvalidOperationException">A header was already written.</exception>
        public MikeyStatus WriteHeader(DataType dataType, bool v, PrfFunction prf, uint csbId, CsIdMapType mapType)
        {
            if (_headerWritten || _status == MikeyStatus.InvalidState)
            {
                throw new InvalidOperationException();
            }

            if ((int)prf > 127)
            {
                throw new ArgumentOutOfRangeException(nameof(prf));
            }

            _headerWritten = true;
            _mapType = mapType;
            if (_limit - _position < CommonHeader.FixedLength)
            {
                _status = MikeyStatus.BufferTooSmall;
                return _status;
            }

            byte[] b = _buffer;
            int p = _position;
            b[p] = 1;
            b[p + 1] = (byte)dataType;
            b[p + 2] = 0;
            b[p + 3] = (byte)((v ? 0x80 : 0) | (int)prf);
            NetworkOrder.WriteUInt32(b, p + 4, csbId);
            b[p + 8] = 0;
            b[p + 9] = (byte)mapType;
            _nextPos = p + 2;
            _position = p + CommonHeader.FixedLength;
            return _status;
        }

        /// <summary>Adds an SRTP-ID crypto session (policy no, SSRC, ROC); its CS ID is its 1-based position.</summary>
        /// <exception cref="InvalidOperationException">No SRTP-ID header, a payload was already written, or 255 sessions exist.</exception>
        public MikeyStatus AddSrtpIdEntry(int policyNo, uint ssrc, uint roc)
        {
            CheckMapEntry(CsIdMapType.SrtpId);
            if ((uint)policyNo > 255)
            {
                throw new ArgumentOutOfRangeException(nameof(policyNo));
            }

            int p = ReserveMapEntry(CommonHeader.SrtpIdEntryLength);
            if (p < 0)
            {
                return _status;
            }

            _buffer[p] = (byte)policyNo;
            NetworkOrder.WriteUInt32(_buffer, p + 1, ssrc);
            NetworkOrder.WriteUInt32(_buffer, p + 5, roc);
            return _status;
        }

        /// <summary>Adds a GENERIC-ID crypto session block (RFC 6043 §6.1.1).</summary>
        /// <exception cref="InvalidOperationException">No GENERIC-ID header, a payload was already written, or 255 sessions exist.</exception>
        public MikeyStatus AddGenericIdEntry(int csId, ProtocolType protocol, bool s, byte[]? policies, int policiesOffset, int policyCount,
            byte[]? sessionData, int sessionDataOffset, int sessionDataLength, byte[]? spi, int spiOffset, int spiLength)
        {
            CheckMapEntry(CsIdMapType.GenericId);
            if ((uint)csId > 255)
            {
                throw new ArgumentOutOfRangeException(nameof(csId));
            }

            CheckRange(policies, policiesOffset, policyCount, 127);
            CheckRange(sessionData, sessionDataOffset, sessionDataLength, 0xFFFF);
            CheckRange(spi, spiOffset, spiLength, 255);
            int p = ReserveMapEntry(6 + policyCount + sessionDataLength + spiLength);
            if (p < 0)
            {
                return _status;
            }

            byte[] b = _buffer;
            b[p] = (byte)csId;
            b[p + 1] = (byte)protocol;
            b[p + 2] = (byte)((s ? 0x80 : 0) | policyCount);
            Put(p + 3, policies!, policiesOffset, policyCount);
            NetworkOrder.WriteUInt16(b, p + 3 + policyCount, sessionDataLength);
            Put(p + 5 + policyCount, sessionData!, sessionDataOffset, sessionDataLength);
            b[p + 5 + policyCount + sessionDataLength] = (byte)spiLength;
            Put(p + 6 + policyCount + sessionDataLength, spi!, spiOffset, spiLength);
            return _status;
        }

        /// <summary>Sets #CS for an Empty map (RFC 4563 §5), which carries no map info entries.</summary>
        /// <exception cref="InvalidOperationException">The map type is not Empty, or a payload was already written.</exception>
        public MikeyStatus SetEmptyMapCsCount(int count)
        {
            if (!_headerWritten || _payloadWritten || _mapType != CsIdMapType.Empty)
            {
                throw new InvalidOperationException();
            }

            if ((uint)count > 255)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            if (_status == MikeyStatus.Ok)
            {
                _buffer[_start + 8] = (byte)count;
            }

            return _status;
        }

        private void CheckMapEntry(CsIdMapType type)
        {
            if (!_headerWritten || _payloadWritten || _mapType != type || (_status == MikeyStatus.Ok && _buffer[_start + 8] == 255))
            {
                throw new InvalidOperationException();
            }
        }

        private int ReserveMapEntry(int size)
        {
            if (_status != MikeyStatus.Ok)
            {
                return -1;
            }

            if (_limit - _position < size)
            {
                _status = MikeyStatus.BufferTooSmall;
                return -1;
            }

            int p = _position;
            _position += size;
            _buffer[_start + 8]++;
            return p;
        }
    }
}
