namespace NanoMikey.Mikey.Payloads
{
    /// <summary>Next payload / payload type values (RFC 3830 §6.1 table 6.1.b and the IANA registry).</summary>
    public enum PayloadType : byte
    {
        /// <summary>Last payload: the chain ends.</summary>
        Last = 0,

        /// <summary>KEMAC, key data transport (RFC 3830 §6.2).</summary>
        Kemac = 1,

        /// <summary>PKE, envelope data (RFC 3830 §6.3).</summary>
        Pke = 2,

        /// <summary>DH data (RFC 3830 §6.4).</summary>
        Dh = 3,

        /// <summary>SIGN, signature; has no next-payload field and is always last (RFC 3830 §6.5).</summary>
        Sign = 4,

        /// <summary>T, timestamp (RFC 3830 §6.6).</summary>
        Timestamp = 5,

        /// <summary>ID (RFC 3830 §6.7).</summary>
        Id = 6,

        /// <summary>CERT, certificate (RFC 3830 §6.7).</summary>
        Cert = 7,

        /// <summary>CHASH, certificate hash (RFC 3830 §6.8).</summary>
        Chash = 8,

        /// <summary>V, verification (RFC 3830 §6.9).</summary>
        Verification = 9,

        /// <summary>SP, security policy (RFC 3830 §6.10).</summary>
        SecurityPolicy = 10,

        /// <summary>RAND (RFC 3830 §6.11).</summary>
        Rand = 11,

        /// <summary>ERR, error (RFC 3830 §6.12).</summary>
        Error = 12,

        /// <summary>TR, timestamp with role (RFC 6043 §6.4).</summary>
        Tr = 13,

        /// <summary>IDR, identity with role (RFC 6043 §6.6).</summary>
        Idr = 14,

        /// <summary>RANDR, RAND with role (RFC 6043 §6.8).</summary>
        Randr = 15,

        /// <summary>TP, ticket policy (RFC 6043 §6.10).</summary>
        Tp = 16,

        /// <summary>TICKET (RFC 6043 §6.10).</summary>
        Ticket = 17,

        /// <summary>Key data sub-payload, only inside KEMAC (RFC 3830 §6.13).</summary>
        KeyData = 20,

        /// <summary>General extension (RFC 3830 §6.15).</summary>
        GeneralExtension = 21,

        /// <summary>IBAKE (RFC 6267 §6.1.1).</summary>
        Ibake = 22,

        /// <summary>ESK, encrypted secret key (RFC 6267 §6.1.2).</summary>
        Esk = 23,

        /// <summary>SK, secret key sub-payload (RFC 6267 §6.1.5).</summary>
        Sk = 24,

        /// <summary>ECCPT, EC Diffie-Hellman point (RFC 6267 §6.1.4).</summary>
        Eccpt = 25,

        /// <summary>SAKKE (RFC 6509 §4.2).</summary>
        Sakke = 26,
    }
}
