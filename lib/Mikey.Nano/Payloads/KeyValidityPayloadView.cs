namespace NanoMikey.Mikey.Payloads
{
    /// <summary>A payload ending in a KV field and KV data: SPI/MKI or a validity interval (RFC 3830 §6.13, §6.14).</summary>
    public abstract class KeyValidityPayloadView : PayloadView
    {
        /// <summary>Absolute offset of the KV data (first byte after the field holding KV).</summary>
        protected int _kvDataOffset;

        /// <summary>The key validity type.</summary>
        public abstract KvType Kv { get; }

        /// <summary>Absolute offset of the KV data in <see cref="PayloadView.Buffer"/>.</summary>
        public int KvDataOffset
        {
            get { return _kvDataOffset; }
        }

        /// <summary>Offset of the SPI/MKI value (KV = SPI).</summary>
        public int SpiOffset
        {
            get { return _kvDataOffset + 1; }
        }

        /// <summary>Length of the SPI/MKI value (KV = SPI), 0 otherwise.</summary>
        public int SpiLength
        {
            get { return Kv == KvType.Spi ? _buffer[_kvDataOffset] : 0; }
        }

        /// <summary>Offset of the Valid From value (KV = Interval).</summary>
        public int ValidFromOffset
        {
            get { return _kvDataOffset + 1; }
        }

        /// <summary>Length of the Valid From value (KV = Interval), 0 otherwise.</summary>
        public int ValidFromLength
        {
            get { return Kv == KvType.Interval ? _buffer[_kvDataOffset] : 0; }
        }

        /// <summary>Offset of the Valid To value (KV = Interval).</summary>
        public int ValidToOffset
        {
            get { return _kvDataOffset + 2 + ValidFromLength; }
        }

        /// <summary>Length of the Valid To value (KV = Interval), 0 otherwise.</summary>
        public int ValidToLength
        {
            get { return Kv == KvType.Interval ? _buffer[_kvDataOffset + 1 + ValidFromLength] : 0; }
        }
    }
}
