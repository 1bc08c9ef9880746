namespace NanoMikey.Mikey.Payloads
{
    /// <summary>ERR payload error number (RFC 3830 §6.12 table 6.12, RFC 4738 §6, RFC 6043 §6.9).</summary>
    public enum ErrorCode : byte
    {
        /// <summary>Authentication failure.</summary>
        AuthFailure = 0,

        /// <summary>Invalid timestamp.</summary>
        InvalidTs = 1,

        /// <summary>PRF function not supported.</summary>
        InvalidPrf = 2,

        /// <summary>MAC algorithm not supported.</summary>
        InvalidMac = 3,

        /// <summary>Encryption algorithm not supported.</summary>
        InvalidEa = 4,

        /// <summary>Hash function not supported.</summary>
        InvalidHa = 5,

        /// <summary>DH group not supported.</summary>
        InvalidDh = 6,

        /// <summary>ID not supported.</summary>
        InvalidId = 7,

        /// <summary>Certificate not supported.</summary>
        InvalidCert = 8,

        /// <summary>SP type not supported.</summary>
        InvalidSp = 9,

        /// <summary>SP parameters not supported.</summary>
        InvalidSpPar = 10,

        /// <summary>Data type not supported.</summary>
        InvalidDt = 11,

        /// <summary>An unspecified error occurred.</summary>
        Unspecified = 12,

        /// <summary>Unsupported (unparseable) message type (RFC 4738).</summary>
        UnsupportedMessageType = 13,

        /// <summary>Ticket type not supported (RFC 6043).</summary>
        InvalidTicket = 14,

        /// <summary>TP parameters not supported (RFC 6043).</summary>
        InvalidTpPar = 15,
    }
}
