using System;

namespace NanoMikey.X509
{
    /// <summary>keyUsage bits (RFC 5280 §4.2.1.3); flag value 1 &lt;&lt; n is the named bit n of the BIT STRING.</summary>
    [Flags]
    public enum X509KeyUsage
    {
        /// <summary>No bit (the extension is absent or asserts nothing).</summary>
        None = 0,

        /// <summary>digitalSignature (0).</summary>
        DigitalSignature = 1,

        /// <summary>nonRepudiation / contentCommitment (1).</summary>
        NonRepudiation = 2,

        /// <summary>keyEncipherment (2).</summary>
        KeyEncipherment = 4,

        /// <summary>dataEncipherment (3).</summary>
        DataEncipherment = 8,

        /// <summary>keyAgreement (4).</summary>
        KeyAgreement = 16,

        /// <summary>keyCertSign (5).</summary>
        KeyCertSign = 32,

        /// <summary>cRLSign (6).</summary>
        CrlSign = 64,

        /// <summary>encipherOnly (7).</summary>
        EncipherOnly = 128,

        /// <summary>decipherOnly (8).</summary>
        DecipherOnly = 256,
    }
}
