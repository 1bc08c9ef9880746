using System;

namespace NanoMikey.Mikey.Modes
{
    /// <summary>MIKEY key-management modes (RFC 5197 §3–§4), as flags so a set of them can describe what a peer supports.</summary>
    [Flags]
    public enum MikeyMode
    {
        /// <summary>No mode.</summary>
        None = 0,

        /// <summary>Pre-shared key (RFC 3830 §3.1).</summary>
        Psk = 1,

        /// <summary>MIKEY-NULL: keys in clear, only inside a protected carrier (RFC 3830 §4.2.3, RFC 5197 §3.4).</summary>
        Null = 2,

        /// <summary>ECDH with ECDSA signatures, the DH-SIGN flow on P-256 (docs/ecc-profile.md).</summary>
        EcdhSign = 4,

        /// <summary>ECIES envelope, the PK flow on P-256 (docs/ecc-profile.md).</summary>
        Ecies = 8,

        /// <summary>One-pass ECMQV (docs/ecc-profile.md).</summary>
        Ecmqv = 16,

        /// <summary>Public-key envelope with RSA (RFC 3830 §3.2).</summary>
        Pk = 32,

        /// <summary>Diffie-Hellman over an OAKLEY MODP group with RSA signatures (RFC 3830 §3.3).</summary>
        DhSign = 64,

        /// <summary>HMAC-authenticated Diffie-Hellman (RFC 4650).</summary>
        DhHmac = 128,

        /// <summary>Reverse RSA: the responder supplies the TGK under the initiator's RSA key (RFC 4738).</summary>
        RsaR = 256,
    }
}
