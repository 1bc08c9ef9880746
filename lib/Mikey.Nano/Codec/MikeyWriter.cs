using System;
using NanoMikey.Crypto;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Codec
{
    /// <summary>
    /// Builds a MIKEY message into a caller buffer (model: .NET's CborWriter). Next-payload chaining, #CS and every length
    /// field are filled in by the writer. When the buffer is too small the writer stops writing and every later call,
    /// including <see cref="Finish"/>, reports <see cref="MikeyStatus.BufferTooSmall"/>. MAC, Ver data and Signature fields
    /// are reserved (zero-filled) and their covered range is reported for the mode to fill in.
    /// Misuse (wrong order, out-of-range arguments) throws; it is a caller bug, not a protocol failure.
    /// </summary>
    [HotPath]
    public sealed partial class MikeyWriter
    {
        private const int NoChain = -1;

        private byte[] _buffer = new byte[0];
        private int _start;
        private int _limit;
        private int _position;
        private int _nextPos = NoChain;
        private bool _headerWritten;
        private bool _payloadWritten;
        private bool _finished;
        private bool _signed;
        private MikeyStatus _status = MikeyStatus.InvalidState;
        private CsIdMapType _mapType;

        private bool _inKemac;
        private int _kemacStart;
        private int _subNextPos;
        private int _kemacEncrOffset = -1;
        private int _kemacEncrLength;

        private bool _inPolicy;
        private int _policyStart;

        private int _integrityOffset = -1;
        private int _integrityLength;

        /// <summary>Status: Ok, or BufferTooSmall once the buffer ran out.</summary>
        public MikeyStatus Status
        {
            get { return _status; }
        }

        /// <summary>Bytes written so far (the message length after a successful <see cref="Finish"/>).</summary>
        public int Length
        {
            get { return _position - _start; }
        }

        /// <summary>The buffer being written.</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Absolute offset of the message in <see cref="Buffer"/>.</summary>
        public int MessageOffset
        {
            get { return _start; }
        }

        /// <summary>Absolute offset of the last reserved MAC / Ver data / Signature field, or -1.</summary>
        public int IntegrityFieldOffset
        {
            get { return _integrityOffset; }
        }

        /// <summary>Length of the reserved field at <see cref="IntegrityFieldOffset"/>.</summary>
        public int IntegrityFieldLength
        {
            get { return _integrityLength; }
        }

        /// <summary>Length of the covered range (message start up to the reserved field), RFC 3830 §5.2.</summary>
        public int CoveredLength
        {
            get { return _integrityOffset < 0 ? 0 : _integrityOffset - _start; }
        }

        /// <summary>Absolute offset of the last KEMAC payload written (its MAC covers the KEMAC alone in PK/RSA-R modes), or -1.</summary>
        public int KemacOffset { get; private set; } = -1;

        /// <summary>Absolute offset of the last KEMAC's Encr data, for in-place encryption by the mode.</summary>
        public int KemacEncrDataOffset
        {
            get { return _kemacEncrOffset; }
        }

        /// <summary>Length of the last KEMAC's Encr data.</summary>
        public int KemacEncrDataLength
        {
            get { return _kemacEncrLength; }
        }

        /// <summary>Starts a new message at <paramref name="offset"/>, using at most <paramref name="count"/> bytes.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range lies outside the buffer.</exception>
        public void Reset(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            if (offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }

            _buffer = buffer;
            _start = offset;
            _limit = offset + count;
            _position = offset;
            _nextPos = NoChain;
            _headerWritten = false;
            _payloadWritten = false;
            _finished = false;
            _signed = false;
            _inKemac = false;
            _inPolicy = false;
            _kemacEncrOffset = -1;
            _kemacEncrLength = 0;
            KemacOffset = -1;
            _integrityOffset = -1;
            _integrityLength = 0;
            _status = MikeyStatus.Ok;
        }

        /// <summary>Closes the chain (last next-payload = 0) and reports whether the whole message fits.</summary>
        /// <returns><see cref="MikeyStatus.Ok"/> with <see cref="Length"/> valid, or <see cref="MikeyStatus.BufferTooSmall"/>.</returns>
        /// <exception cref="InvalidOperationException">No header, or a KEMAC / SP is still open.</exception>
        public MikeyStatus Finish()
        {
            if (!_headerWritten || _inKemac || _inPolicy)
            {
                throw new InvalidOperationException();
            }

            if (_status != MikeyStatus.Ok)
            {
                return _status;
            }

            if (_nextPos != NoChain)
            {
                _buffer[_nextPos] = 0;
            }

            _finished = true;
            return _status;
        }

        // Starts a top-level payload of `size` bytes: links it into the chain and returns its offset, or -1 when it does not fit.
        private int Begin(PayloadType type, int size)
        {
            if (!_headerWritten || _finished || _signed || _inPolicy)
            {
                throw new InvalidOperationException();
            }

            bool sub = type == PayloadType.KeyData;
            if (_inKemac != sub && !(_inKemac && (type == PayloadType.Id || type == PayloadType.Idr)))
            {
                throw new InvalidOperationException();
            }

            if (_status != MikeyStatus.Ok)
            {
                return -1;
            }

            if (size < 0 || _limit - _position < size)
            {
                _status = MikeyStatus.BufferTooSmall;
                return -1;
            }

            int p = _position;
            if (_inKemac)
            {
                // RFC 3830 §6.2: the first sub-payload's type is implicit; later ones are chained inside Encr data.
                if (_subNextPos != NoChain)
                {
                    _buffer[_subNextPos] = (byte)type;
                }

                _subNextPos = p;
            }
            else
            {
                if (_nextPos != NoChain)
                {
                    _buffer[_nextPos] = (byte)type;
                }

                _nextPos = type == PayloadType.Sign ? NoChain : p;
                _payloadWritten = true;
            }

            _position = p + size;
            _buffer[p] = 0;
            return p;
        }

        private void Put(int at, byte[] data, int offset, int count)
        {
            if (count > 0)
            {
                Array.Copy(data, offset, _buffer, at, count);
            }
        }

        private static void CheckRange(byte[]? data, int offset, int count, int max)
        {
            if (count < 0 || count > max)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            if (count == 0)
            {
                return;
            }

            if (data == null)
            {
                throw new ArgumentNullException(nameof(data));
            }

            if (offset < 0 || offset > data.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }
        }

        private void Reserve(int at, int length)
        {
            Array.Clear(_buffer, at, length);
            _integrityOffset = at;
            _integrityLength = length;
        }
    }
}
