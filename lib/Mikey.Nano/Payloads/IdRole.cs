namespace NanoMikey.Mikey.Payloads
{
    /// <summary>IDR payload ID Role (RFC 6043 §6.6, RFC 6509).</summary>
    public enum IdRole : byte
    {
        /// <summary>Initiator (IDRi).</summary>
        Initiator = 1,

        /// <summary>Responder (IDRr).</summary>
        Responder = 2,

        /// <summary>KMS (IDRkms).</summary>
        Kms = 3,

        /// <summary>Pre-shared key (IDRpsk).</summary>
        PreSharedKey = 4,

        /// <summary>Application (IDRapp).</summary>
        Application = 5,

        /// <summary>Initiator's KMS (IDRkmsi, RFC 6509).</summary>
        InitiatorKms = 6,

        /// <summary>Responder's KMS (IDRkmsr, RFC 6509).</summary>
        ResponderKms = 7,
    }
}
