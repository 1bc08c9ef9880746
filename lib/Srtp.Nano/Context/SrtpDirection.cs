namespace NanoMikey.Srtp.Context
{
    /// <summary>Whether a crypto context protects what this endpoint sends or unprotects what it receives.</summary>
    public enum SrtpDirection
    {
        /// <summary>Packets this endpoint sends: protect only.</summary>
        Outbound = 0,

        /// <summary>Packets this endpoint receives: unprotect only.</summary>
        Inbound = 1,
    }
}
