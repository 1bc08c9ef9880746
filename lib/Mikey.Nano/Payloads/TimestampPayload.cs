namespace NanoMikey.Mikey.Payloads
{
    /// <summary>T, timestamp payload (RFC 3830 §6.6, RFC 6043 §6.3).</summary>
    public sealed class TimestampPayload : PayloadView
    {
        /// <summary>TS type.</summary>
        public TimestampType TimestampType
        {
            get { return (TimestampType)U8(1); }
        }

        /// <summary>Absolute offset of the TS value.</summary>
        public int ValueOffset
        {
            get { return _offset + 2; }
        }

        /// <summary>TS value length (8 or 4 bytes).</summary>
        public int ValueLength
        {
            get { return _length - 2; }
        }

        /// <summary>The TS value as an integer (64-bit NTP, or the 32-bit counter / NTP-UTC-32 seconds).</summary>
        public ulong Value
        {
            get { return ReadValue(_offset + 2, _length - 2); }
        }

        /// <summary>TS value length for a TS type, or -1 when unknown.</summary>
        public static int ValueLengthOf(TimestampType type)
        {
            switch (type)
            {
                case TimestampType.NtpUtc:
                case TimestampType.Ntp:
                    return 8;
                case TimestampType.Counter:
                case TimestampType.NtpUtc32:
                    return 4;
                default:
                    return -1;
            }
        }
    }
}
