namespace NanoMikey.Mikey.Payloads
{
    /// <summary>HDR data type: the kind of MIKEY message (RFC 3830 §6.1 table 6.1.a, RFC 4650, 4738, 6043, 6267, 6509).</summary>
    public enum DataType : byte
    {
        /// <summary>Pre-shared key Initiator message (also MIKEY-NULL).</summary>
        PreShared = 0,

        /// <summary>PSK verification (Responder) message.</summary>
        PskVerification = 1,

        /// <summary>Public-key Initiator message.</summary>
        PublicKey = 2,

        /// <summary>PK verification (Responder) message.</summary>
        PkVerification = 3,

        /// <summary>DH-SIGN Initiator message.</summary>
        DhInit = 4,

        /// <summary>DH-SIGN Responder message.</summary>
        DhResponse = 5,

        /// <summary>Error message.</summary>
        Error = 6,

        /// <summary>DHHMAC Initiator message (RFC 4650).</summary>
        DhHmacInit = 7,

        /// <summary>DHHMAC Responder message (RFC 4650).</summary>
        DhHmacResponse = 8,

        /// <summary>RSA-R I_MESSAGE (RFC 4738).</summary>
        RsaRInit = 9,

        /// <summary>RSA-R R_MESSAGE (RFC 4738).</summary>
        RsaRResponse = 10,

        /// <summary>MIKEY-TICKET REQUEST_INIT, PSK (RFC 6043).</summary>
        RequestInitPsk = 11,

        /// <summary>MIKEY-TICKET REQUEST_INIT, PK (RFC 6043).</summary>
        RequestInitPk = 12,

        /// <summary>MIKEY-TICKET REQUEST_RESP (RFC 6043).</summary>
        RequestResponse = 13,

        /// <summary>MIKEY-TICKET TRANSFER_INIT (RFC 6043).</summary>
        TransferInit = 14,

        /// <summary>MIKEY-TICKET TRANSFER_RESP (RFC 6043).</summary>
        TransferResponse = 15,

        /// <summary>MIKEY-TICKET RESOLVE_INIT, PSK (RFC 6043).</summary>
        ResolveInitPsk = 16,

        /// <summary>MIKEY-TICKET RESOLVE_INIT, PK (RFC 6043).</summary>
        ResolveInitPk = 17,

        /// <summary>MIKEY-TICKET RESOLVE_RESP (RFC 6043).</summary>
        ResolveResponse = 18,

        /// <summary>MIKEY-IBAKE REQUEST_KEY_PSK (RFC 6267).</summary>
        RequestKeyPsk = 19,

        /// <summary>MIKEY-IBAKE REQUEST_KEY_PKE (RFC 6267).</summary>
        RequestKeyPke = 20,

        /// <summary>MIKEY-IBAKE REQUEST_KEY_RESP (RFC 6267).</summary>
        RequestKeyResponse = 21,

        /// <summary>MIKEY-IBAKE I_MESSAGE_1 (RFC 6267).</summary>
        IMessage1 = 22,

        /// <summary>MIKEY-IBAKE R_MESSAGE_1 (RFC 6267).</summary>
        RMessage1 = 23,

        /// <summary>MIKEY-IBAKE I_MESSAGE_2 (RFC 6267).</summary>
        IMessage2 = 24,

        /// <summary>MIKEY-IBAKE R_MESSAGE_2 (RFC 6267).</summary>
        RMessage2 = 25,

        /// <summary>MIKEY-SAKKE I_MESSAGE (RFC 6509).</summary>
        Sakke = 26,
    }
}
