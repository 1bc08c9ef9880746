namespace NanoMikey.Mikey.Payloads
{
    /// <summary>Key data sub-payload (RFC 3830 §6.13), found only inside KEMAC's Encr data.</summary>
    public sealed class KeyDataSubPayload : KeyValidityPayloadView
    {
        /// <summary>Key data Type (high nibble of byte 1).</summary>
        public KeyDataType KeyType
        {
            get { return (KeyDataType)(U8(1) >> 4); }
        }

        /// <inheritdoc />
        public override KvType Kv
        {
            get { return (KvType)(U8(1) & 0x0F); }
        }

        /// <summary>Absolute offset of the key data.</summary>
        public int KeyDataOffset
        {
            get { return _offset + 4; }
        }

        /// <summary>Key data len in bytes.</summary>
        public int KeyDataLength
        {
            get { return U16(2); }
        }

        /// <summary>True when the Type carries a Salt field (TGK+SALT, TEK+SALT, GTGK+SALT).</summary>
        public bool HasSalt
        {
            get { return HasSaltField(KeyType); }
        }

        /// <summary>Absolute offset of the salt data (valid when <see cref="HasSalt"/>).</summary>
        public int SaltOffset
        {
            get { return _offset + 6 + KeyDataLength; }
        }

        /// <summary>Salt len in bytes, 0 when there is no Salt field.</summary>
        public int SaltLength
        {
            get { return HasSalt ? U16(4 + KeyDataLength) : 0; }
        }

        /// <summary>True for the key types that carry a Salt len + Salt data field (RFC 3830 table 6.13.a).</summary>
        public static bool HasSaltField(KeyDataType type)
        {
            return type == KeyDataType.TgkSalt || type == KeyDataType.TekSalt || type == KeyDataType.GtgkSalt;
        }

        /// <inheritdoc />
        protected override void OnBind()
        {
            int kl = U16(2);
            _kvDataOffset = _offset + 4 + kl + (HasSalt ? 2 + U16(4 + kl) : 0);
        }
    }
}
