namespace NanoMikey.Mikey.Codec
{
    /// <summary>Outcome of a reader or writer step. Failures come with a MIKEY <see cref="Payloads.ErrorCode"/> and a byte offset.</summary>
    public enum MikeyStatus
    {
        /// <summary>Success: the reader is positioned on a payload, or the writer step completed.</summary>
        Ok = 0,

        /// <summary>The payload chain ended exactly at the last byte.</summary>
        End = 1,

        /// <summary>A field or length runs past the end of the message.</summary>
        Truncated = 2,

        /// <summary>Bytes remain after the last payload.</summary>
        TrailingBytes = 3,

        /// <summary>HDR version is not 1.</summary>
        UnsupportedVersion = 4,

        /// <summary>HDR data type is not a registered value.</summary>
        UnsupportedDataType = 5,

        /// <summary>HDR PRF func is not a registered value.</summary>
        UnsupportedPrf = 6,

        /// <summary>HDR CS ID map type is unknown, so the map cannot be measured.</summary>
        UnsupportedMapType = 7,

        /// <summary>A next-payload value names an unknown payload type (no skip rule exists, RFC 3830 §6.1).</summary>
        UnknownPayloadType = 8,

        /// <summary>A known payload type appears where it may not (e.g. Key data outside KEMAC).</summary>
        PayloadNotAllowed = 9,

        /// <summary>A reserved field or bit is not zero.</summary>
        ReservedBitsSet = 10,

        /// <summary>Inner lengths do not add up to the enclosing length field.</summary>
        LengthMismatch = 11,

        /// <summary>A field holds an unregistered or out-of-range value.</summary>
        InvalidValue = 12,

        /// <summary>An initial Initiator message has no RAND payload (RFC 3830 §3, §4.1.1).</summary>
        MissingRand = 13,

        /// <summary>Writer: the caller's buffer is too small; nothing written is valid.</summary>
        BufferTooSmall = 14,

        /// <summary>The reader or writer is used before <c>Reset</c> or after a failure.</summary>
        InvalidState = 15,
    }
}
