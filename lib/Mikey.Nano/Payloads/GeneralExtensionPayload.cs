namespace NanoMikey.Mikey.Payloads
{
    /// <summary>
    /// General extension payload (RFC 3830 §6.15) with typed access for Key ID (RFC 4563), OMA BCAST (RFC 4909)
    /// and CSB_ID (RFC 4738); other types are raw Data.
    /// </summary>
    public sealed class GeneralExtensionPayload : PayloadView
    {
        /// <summary>Type of the extension.</summary>
        public GeneralExtensionType ExtensionType
        {
            get { return (GeneralExtensionType)U8(1); }
        }

        /// <summary>Absolute offset of Data.</summary>
        public int DataOffset
        {
            get { return _offset + 4; }
        }

        /// <summary>Length of Data in bytes.</summary>
        public int DataLength
        {
            get { return U16(2); }
        }

        /// <summary>Key ID (type 3): offset of the first Key ID sub-payload, or -1.</summary>
        public int FirstKeyId()
        {
            return DataLength == 0 ? -1 : _offset + 4;
        }

        /// <summary>Key ID (type 3): offset of the sub-payload after <paramref name="keyIdOffset"/>, or -1.</summary>
        public int NextKeyId(int keyIdOffset)
        {
            int next = keyIdOffset + 2 + _buffer[keyIdOffset + 1];
            return next >= _offset + _length ? -1 : next;
        }

        /// <summary>Key ID Type of the sub-payload at <paramref name="keyIdOffset"/>.</summary>
        public KeyIdType GetKeyIdType(int keyIdOffset)
        {
            return (KeyIdType)_buffer[keyIdOffset];
        }

        /// <summary>Key ID Length of the sub-payload at <paramref name="keyIdOffset"/>.</summary>
        public int GetKeyIdLength(int keyIdOffset)
        {
            return _buffer[keyIdOffset + 1];
        }

        /// <summary>OMA BCAST (type 5): subtype, the first data byte.</summary>
        public OmaBcastSubtype OmaBcastSubtype
        {
            get { return (OmaBcastSubtype)U8(4); }
        }

        /// <summary>CSB_ID (type 4): the Responder's new CSB ID (4 bytes, RFC 4738 §3.6).</summary>
        public uint CsbId
        {
            get { return U32(4); }
        }
    }
}
