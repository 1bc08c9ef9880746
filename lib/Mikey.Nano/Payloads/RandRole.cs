namespace NanoMikey.Mikey.Payloads
{
    /// <summary>RANDR payload RAND Role (RFC 6043 §6.8).</summary>
    public enum RandRole : byte
    {
        /// <summary>Initiator (RANDRi).</summary>
        Initiator = 1,

        /// <summary>Responder (RANDRr).</summary>
        Responder = 2,

        /// <summary>KMS (RANDRkms).</summary>
        Kms = 3,
    }
}
