using NanoMikey.Mikey.Codec;

namespace NanoMikey.Mikey.Payloads
{
    /// <summary>The Common Header payload HDR (RFC 3830 §6.1) with its CS ID map (SRTP-ID §6.1.1, GENERIC-ID RFC 6043 §6.1.1).</summary>
    public sealed class CommonHeader : PayloadView
    {
        /// <summary>Size of the fixed part of HDR, before the CS ID map info.</summary>
        public const int FixedLength = 10;

        /// <summary>Size of one SRTP-ID map entry: Policy_no, SSRC, ROC (RFC 3830 §6.1.1).</summary>
        public const int SrtpIdEntryLength = 9;

        private int _cursorIndex;
        private int _cursorOffset;

        /// <summary>Version field; 1 is the only value (RFC 3830 §6.1).</summary>
        public int Version
        {
            get { return U8(0); }
        }

        /// <summary>Data type: the kind of message.</summary>
        public DataType DataType
        {
            get { return (DataType)U8(1); }
        }

        /// <summary>Type of the first payload after HDR.</summary>
        public override PayloadType NextPayload
        {
            get { return (PayloadType)U8(2); }
        }

        /// <summary>V flag: the Initiator wants a verification message.</summary>
        public bool V
        {
            get { return (U8(3) & 0x80) != 0; }
        }

        /// <summary>PRF func (7 bits).</summary>
        public PrfFunction PrfFunction
        {
            get { return (PrfFunction)(U8(3) & 0x7F); }
        }

        /// <summary>CSB ID: identifies the crypto session bundle.</summary>
        public uint CsbId
        {
            get { return U32(4); }
        }

        /// <summary>#CS: number of crypto sessions.</summary>
        public int CsCount
        {
            get { return U8(8); }
        }

        /// <summary>CS ID map type.</summary>
        public CsIdMapType CsIdMapType
        {
            get { return (CsIdMapType)U8(9); }
        }

        /// <summary>Absolute offset of the CS ID map info.</summary>
        public int MapInfoOffset
        {
            get { return _offset + FixedLength; }
        }

        /// <summary>Length of the CS ID map info in bytes.</summary>
        public int MapInfoLength
        {
            get { return _length - FixedLength; }
        }

        /// <summary>SRTP-ID: Policy_no of crypto session <paramref name="index"/> (0-based; its CS ID is index + 1).</summary>
        public int GetPolicyNo(int index)
        {
            return U8(FixedLength + index * SrtpIdEntryLength);
        }

        /// <summary>SRTP-ID: SSRC of crypto session <paramref name="index"/> (0 = not chosen yet).</summary>
        public uint GetSsrc(int index)
        {
            return U32(FixedLength + index * SrtpIdEntryLength + 1);
        }

        /// <summary>SRTP-ID: ROC of crypto session <paramref name="index"/>.</summary>
        public uint GetRoc(int index)
        {
            return U32(FixedLength + index * SrtpIdEntryLength + 5);
        }

        /// <summary>GENERIC-ID: absolute offset of block <paramref name="index"/> (sequential access is linear).</summary>
        public int GetGenericIdEntryOffset(int index)
        {
            if (index < _cursorIndex)
            {
                _cursorIndex = 0;
                _cursorOffset = MapInfoOffset;
            }

            while (_cursorIndex < index)
            {
                _cursorOffset += GenericIdEntryLength(_buffer, _cursorOffset);
                _cursorIndex++;
            }

            return _cursorOffset;
        }

        /// <summary>GENERIC-ID: CS ID of block <paramref name="index"/>.</summary>
        public int GetGenericCsId(int index)
        {
            return _buffer[GetGenericIdEntryOffset(index)];
        }

        /// <summary>GENERIC-ID: Prot type of block <paramref name="index"/>.</summary>
        public ProtocolType GetGenericProtocolType(int index)
        {
            return (ProtocolType)_buffer[GetGenericIdEntryOffset(index) + 1];
        }

        /// <summary>GENERIC-ID: S flag of block <paramref name="index"/> (SRTP: ROC and SEQ present in Session Data).</summary>
        public bool GetGenericS(int index)
        {
            return (_buffer[GetGenericIdEntryOffset(index) + 2] & 0x80) != 0;
        }

        /// <summary>GENERIC-ID: #P, number of policies of block <paramref name="index"/>.</summary>
        public int GetGenericPolicyCount(int index)
        {
            return _buffer[GetGenericIdEntryOffset(index) + 2] & 0x7F;
        }

        /// <summary>GENERIC-ID: policy number <paramref name="policy"/> of block <paramref name="index"/>.</summary>
        public int GetGenericPolicyNo(int index, int policy)
        {
            return _buffer[GetGenericIdEntryOffset(index) + 3 + policy];
        }

        /// <summary>GENERIC-ID: absolute offset of the Session Data of block <paramref name="index"/>.</summary>
        public int GetGenericSessionDataOffset(int index)
        {
            return GetGenericIdEntryOffset(index) + 5 + GetGenericPolicyCount(index);
        }

        /// <summary>GENERIC-ID: Session Data length of block <paramref name="index"/>.</summary>
        public int GetGenericSessionDataLength(int index)
        {
            return NetworkOrder.ReadUInt16(_buffer, GetGenericSessionDataOffset(index) - 2);
        }

        /// <summary>GENERIC-ID: absolute offset of the SPI of block <paramref name="index"/>.</summary>
        public int GetGenericSpiOffset(int index)
        {
            return GetGenericSessionDataOffset(index) + GetGenericSessionDataLength(index) + 1;
        }

        /// <summary>GENERIC-ID: SPI length of block <paramref name="index"/>.</summary>
        public int GetGenericSpiLength(int index)
        {
            return _buffer[GetGenericSpiOffset(index) - 1];
        }

        /// <inheritdoc />
        protected override void OnBind()
        {
            _cursorIndex = 0;
            _cursorOffset = _offset + FixedLength;
        }

        internal static int GenericIdEntryLength(byte[] b, int o)
        {
            int p = b[o + 2] & 0x7F;
            int sd = NetworkOrder.ReadUInt16(b, o + 3 + p);
            int spi = b[o + 5 + p + sd];
            return 6 + p + sd + spi;
        }
    }
}
