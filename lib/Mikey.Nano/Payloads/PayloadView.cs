using NanoMikey.Mikey.Codec;

namespace NanoMikey.Mikey.Payloads
{
    /// <summary>
    /// A view over one payload inside a message buffer: fields are read in place, nothing is copied.
    /// The reader owns one view per payload type and re-points it at each payload it reaches.
    /// </summary>
    public abstract class PayloadView
    {
        private static readonly byte[] s_empty = new byte[0];

        /// <summary>The buffer holding the message.</summary>
        protected byte[] _buffer = s_empty;

        /// <summary>Offset of the payload's first byte in <see cref="Buffer"/>.</summary>
        protected int _offset;

        /// <summary>Total payload length in bytes.</summary>
        protected int _length;

        /// <summary>The buffer holding the message (shared, not a copy).</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Offset of this payload's first byte in <see cref="Buffer"/>.</summary>
        public int Offset
        {
            get { return _offset; }
        }

        /// <summary>Length of this payload in bytes, all fields included.</summary>
        public int Length
        {
            get { return _length; }
        }

        /// <summary>The payload type that follows this one (byte 0 of every payload except HDR and SIGN).</summary>
        public virtual PayloadType NextPayload
        {
            get { return (PayloadType)_buffer[_offset]; }
        }

        internal void Bind(byte[] buffer, int offset, int length)
        {
            _buffer = buffer;
            _offset = offset;
            _length = length;
            OnBind();
        }

        /// <summary>Called after the view is re-pointed; derived views cache field offsets here.</summary>
        protected virtual void OnBind()
        {
        }

        /// <summary>Reads a byte at <paramref name="relative"/> bytes into the payload.</summary>
        protected int U8(int relative)
        {
            return _buffer[_offset + relative];
        }

        /// <summary>Reads a big-endian 16-bit field at <paramref name="relative"/> bytes into the payload.</summary>
        protected int U16(int relative)
        {
            return NetworkOrder.ReadUInt16(_buffer, _offset + relative);
        }

        /// <summary>Reads a big-endian 32-bit field at <paramref name="relative"/> bytes into the payload.</summary>
        protected uint U32(int relative)
        {
            return NetworkOrder.ReadUInt32(_buffer, _offset + relative);
        }

        /// <summary>Reads a 4- or 8-byte big-endian value at absolute <paramref name="offset"/>.</summary>
        protected ulong ReadValue(int offset, int length)
        {
            return length == 8 ? NetworkOrder.ReadUInt64(_buffer, offset) : NetworkOrder.ReadUInt32(_buffer, offset);
        }
    }
}
