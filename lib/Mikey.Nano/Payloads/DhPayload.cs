namespace NanoMikey.Mikey.Payloads
{
    /// <summary>DH data payload (RFC 3830 §6.4): group, public value of implied length, KV.</summary>
    public sealed class DhPayload : KeyValidityPayloadView
    {
        /// <summary>DH-Group.</summary>
        public DhGroup Group
        {
            get { return (DhGroup)U8(1); }
        }

        /// <summary>Absolute offset of the DH-value.</summary>
        public int ValueOffset
        {
            get { return _offset + 2; }
        }

        /// <summary>DH-value length, implied by the group.</summary>
        public int ValueLength
        {
            get { return ValueLengthOf(Group); }
        }

        /// <inheritdoc />
        public override KvType Kv
        {
            get { return (KvType)(_buffer[_offset + 2 + ValueLength] & 0x0F); }
        }

        /// <summary>DH-value length in bytes for a group, or -1 when unknown (RFC 3830 table 6.4).</summary>
        public static int ValueLengthOf(DhGroup group)
        {
            switch (group)
            {
                case DhGroup.Oakley5: return 192;
                case DhGroup.Oakley1: return 96;
                case DhGroup.Oakley2: return 128;
                default: return -1;
            }
        }

        /// <inheritdoc />
        protected override void OnBind()
        {
            _kvDataOffset = _offset + 3 + ValueLength;
        }
    }
}
