using System;

namespace NanoMikey.X509.Asn1
{
    /// <summary>
    /// A small DER writer into a caller buffer. Constructed elements are opened with <see cref="Push"/> and closed with
    /// <see cref="Pop"/>, which writes the minimal length and moves the contents if the length needs more than one octet.
    /// </summary>
    /// <remarks>
    /// Running out of room is sticky: every later write returns false and <see cref="Status"/> is
    /// <see cref="Asn1Status.BufferTooSmall"/>; the bytes written so far must then be ignored. Writing allocates nothing.
    /// </remarks>
    public sealed class DerWriter
    {
        private static readonly byte[] Empty = new byte[0];

        private readonly int[] _starts;
        private byte[] _buffer;
        private int _offset;
        private int _pos;
        private int _limit;
        private int _depth;
        private Asn1Status _status;

        /// <summary>Creates a writer allowing <paramref name="maxDepth"/> open constructed elements, with no buffer yet.</summary>
        /// <param name="maxDepth">Nesting limit, 1..64.</param>
        public DerWriter(int maxDepth)
        {
            if (maxDepth < 1 || maxDepth > 64)
            {
                throw new ArgumentOutOfRangeException("maxDepth");
            }

            _starts = new int[maxDepth];
            _buffer = Empty;
        }

        /// <summary>Creates a writer (nesting limit 8) over <paramref name="capacity"/> bytes of <paramref name="buffer"/>.</summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Where the encoding starts.</param>
        /// <param name="capacity">Room available from <paramref name="offset"/>.</param>
        public DerWriter(byte[] buffer, int offset, int capacity) : this(8)
        {
            Reset(buffer, offset, capacity);
        }

        /// <summary><see cref="Asn1Status.Ok"/>, or <see cref="Asn1Status.BufferTooSmall"/> once the buffer overflowed.</summary>
        public Asn1Status Status
        {
            get { return _status; }
        }

        /// <summary>Number of bytes written from the start offset.</summary>
        public int Length
        {
            get { return _pos - _offset; }
        }

        /// <summary>Number of constructed elements opened and not yet closed.</summary>
        public int Depth
        {
            get { return _depth; }
        }

        /// <summary>Starts writing into a new buffer range.</summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Where the encoding starts.</param>
        /// <param name="capacity">Room available from <paramref name="offset"/>.</param>
        public void Reset(byte[] buffer, int offset, int capacity)
        {
            DerReader.CheckRange(buffer, offset, capacity);
            _buffer = buffer;
            _offset = offset;
            _pos = offset;
            _limit = offset + capacity;
            _depth = 0;
            _status = Asn1Status.Ok;
        }

        /// <summary>
        /// Opens an element with tag <paramref name="tag"/> whose contents are the elements written until <see cref="Pop"/>:
        /// a constructed type, or an OCTET STRING that wraps DER (e.g. PKCS #8 privateKey, extnValue).
        /// </summary>
        /// <param name="tag">Identifier octet (low-tag-number form).</param>
        /// <returns>False when the buffer is full.</returns>
        /// <exception cref="InvalidOperationException">Too many elements are open.</exception>
        public bool Push(int tag)
        {
            CheckTag(tag);

            if (_depth == _starts.Length)
            {
                throw new InvalidOperationException("Too many open elements.");
            }

            // One length octet is reserved now; Pop widens it when the contents reach 128 bytes.
            if (!Room(2))
            {
                return false;
            }

            _buffer[_pos++] = (byte)tag;
            _buffer[_pos++] = 0;
            _starts[_depth++] = _pos;
            return true;
        }

        /// <summary>Opens a SEQUENCE.</summary>
        /// <returns>False when the buffer is full.</returns>
        public bool PushSequence()
        {
            return Push(Asn1Tag.Sequence);
        }

        /// <summary>Closes the innermost open element, writing its minimal length.</summary>
        /// <returns>False when the buffer is full.</returns>
        /// <exception cref="InvalidOperationException">No element is open.</exception>
        public bool Pop()
        {
            if (_depth == 0)
            {
                throw new InvalidOperationException("No open element.");
            }

            int contentStart = _starts[--_depth];
            if (_status != Asn1Status.Ok)
            {
                return false;
            }

            int contentLength = _pos - contentStart;
            int extra = LengthOfLength(contentLength) - 1;
            if (extra > 0)
            {
                if (!Room(extra))
                {
                    return false;
                }

                Array.Copy(_buffer, contentStart, _buffer, contentStart + extra, contentLength);
                _pos += extra;
            }

            WriteLengthAt(contentStart - 1, contentLength);
            return true;
        }

        /// <summary>Writes a primitive element: tag, minimal length and <paramref name="length"/> content bytes.</summary>
        /// <param name="tag">Identifier octet (low-tag-number form).</param>
        /// <param name="content">Content bytes.</param>
        /// <param name="offset">Offset in <paramref name="content"/>.</param>
        /// <param name="length">Number of content bytes.</param>
        /// <returns>False when the buffer is full.</returns>
        public bool WriteElement(int tag, byte[] content, int offset, int length)
        {
            CheckTag(tag);
            DerReader.CheckRange(content, offset, length);
            if (!WriteHeader(tag, length))
            {
                return false;
            }

            Array.Copy(content, offset, _buffer, _pos, length);
            _pos += length;
            return true;
        }

        /// <summary>Copies an already DER-encoded element (or several) verbatim.</summary>
        /// <param name="encoded">Encoded bytes.</param>
        /// <param name="offset">Offset in <paramref name="encoded"/>.</param>
        /// <param name="length">Number of bytes.</param>
        /// <returns>False when the buffer is full.</returns>
        public bool WriteEncodedValue(byte[] encoded, int offset, int length)
        {
            DerReader.CheckRange(encoded, offset, length);
            if (!Room(length))
            {
                return false;
            }

            Array.Copy(encoded, offset, _buffer, _pos, length);
            _pos += length;
            return true;
        }

        /// <summary>Writes a non-negative INTEGER from big-endian magnitude bytes (leading zeros dropped, 0x00 added before a high bit).</summary>
        /// <param name="magnitude">Unsigned big-endian value.</param>
        /// <param name="offset">Offset in <paramref name="magnitude"/>.</param>
        /// <param name="length">Number of bytes (0 means the value zero).</param>
        /// <returns>False when the buffer is full.</returns>
        public bool WriteUnsignedInteger(byte[] magnitude, int offset, int length)
        {
            DerReader.CheckRange(magnitude, offset, length);
            while (length > 0 && magnitude[offset] == 0)
            {
                offset++;
                length--;
            }

            bool pad = length == 0 || magnitude[offset] >= 0x80;
            if (!WriteHeader(Asn1Tag.Integer, length + (pad ? 1 : 0)))
            {
                return false;
            }

            if (pad)
            {
                _buffer[_pos++] = 0;
            }

            Array.Copy(magnitude, offset, _buffer, _pos, length);
            _pos += length;
            return true;
        }

        /// <summary>Writes a small non-negative INTEGER.</summary>
        /// <param name="value">The value, at least 0.</param>
        /// <returns>False when the buffer is full.</returns>
        public bool WriteInteger(int value)
        {
            if (value < 0)
            {
                throw new ArgumentOutOfRangeException("value");
            }

            int n = 1;
            while (n < 4 && (value >> (8 * n)) != 0)
            {
                n++;
            }

            // A set top bit needs a leading zero octet to stay non-negative.
            bool pad = ((value >> (8 * (n - 1))) & 0x80) != 0;
            if (!WriteHeader(Asn1Tag.Integer, n + (pad ? 1 : 0)))
            {
                return false;
            }

            if (pad)
            {
                _buffer[_pos++] = 0;
            }

            for (int i = n - 1; i >= 0; i--)
            {
                _buffer[_pos++] = (byte)(value >> (8 * i));
            }

            return true;
        }

        /// <summary>Writes an OBJECT IDENTIFIER from its content octets.</summary>
        /// <param name="content">Encoded sub-identifiers.</param>
        /// <param name="offset">Offset in <paramref name="content"/>.</param>
        /// <param name="length">Number of octets.</param>
        /// <returns>False when the buffer is full.</returns>
        public bool WriteObjectIdentifier(byte[] content, int offset, int length)
        {
            DerReader.CheckRange(content, offset, length);
            if (!DerReader.CheckObjectIdentifier(content, offset, length))
            {
                throw new ArgumentException("Not a valid OBJECT IDENTIFIER encoding.", "content");
            }

            return WriteElement(Asn1Tag.ObjectIdentifier, content, offset, length);
        }

        /// <summary>Writes a BIT STRING of whole octets (no unused bits).</summary>
        /// <param name="content">Bit octets.</param>
        /// <param name="offset">Offset in <paramref name="content"/>.</param>
        /// <param name="length">Number of octets.</param>
        /// <returns>False when the buffer is full.</returns>
        public bool WriteBitString(byte[] content, int offset, int length)
        {
            DerReader.CheckRange(content, offset, length);
            if (!WriteHeader(Asn1Tag.BitString, length + 1))
            {
                return false;
            }

            _buffer[_pos++] = 0;
            Array.Copy(content, offset, _buffer, _pos, length);
            _pos += length;
            return true;
        }

        /// <summary>Writes an OCTET STRING.</summary>
        /// <param name="content">Octets.</param>
        /// <param name="offset">Offset in <paramref name="content"/>.</param>
        /// <param name="length">Number of octets.</param>
        /// <returns>False when the buffer is full.</returns>
        public bool WriteOctetString(byte[] content, int offset, int length)
        {
            return WriteElement(Asn1Tag.OctetString, content, offset, length);
        }

        /// <summary>Writes a NULL.</summary>
        /// <returns>False when the buffer is full.</returns>
        public bool WriteNull()
        {
            return WriteHeader(Asn1Tag.Null, 0);
        }

        /// <summary>Number of octets a DER length field takes for <paramref name="length"/>.</summary>
        /// <param name="length">Content length, at least 0.</param>
        /// <returns>1 to 5.</returns>
        public static int LengthOfLength(int length)
        {
            if (length < 0)
            {
                throw new ArgumentOutOfRangeException("length");
            }

            if (length < 0x80)
            {
                return 1;
            }

            int n = 1;
            while (n < 4 && (length >> (8 * n)) != 0)
            {
                n++;
            }

            return 1 + n;
        }

        private bool WriteHeader(int tag, int length)
        {
            int lol = LengthOfLength(length);
            if (!Room(1 + lol + length))
            {
                return false;
            }

            _buffer[_pos++] = (byte)tag;
            WriteLengthAt(_pos, length);
            _pos += lol;
            return true;
        }

        private void WriteLengthAt(int at, int length)
        {
            int lol = LengthOfLength(length);
            if (lol == 1)
            {
                _buffer[at] = (byte)length;
                return;
            }

            _buffer[at] = (byte)(0x80 | (lol - 1));
            for (int i = 1; i < lol; i++)
            {
                _buffer[at + i] = (byte)(length >> (8 * (lol - 1 - i)));
            }
        }

        private bool Room(int count)
        {
            if (_status != Asn1Status.Ok)
            {
                return false;
            }

            if (count > _limit - _pos)
            {
                _status = Asn1Status.BufferTooSmall;
                return false;
            }

            return true;
        }

        private static void CheckTag(int tag)
        {
            if (tag <= 0 || tag > 0xFF || (tag & 0x1F) == 0x1F)
            {
                throw new ArgumentOutOfRangeException("tag");
            }
        }
    }
}
