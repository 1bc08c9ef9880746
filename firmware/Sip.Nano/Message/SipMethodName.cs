namespace NanoMikey.Sip.Message
{
    /// <summary>The method tokens of <see cref="SipMethod"/> in enum order (index = value - 1); case-sensitive (RFC 3261 §7.1).</summary>
    internal static class SipMethodName
    {
        internal static readonly string[] Names =
        {
            "INVITE", "ACK", "BYE", "CANCEL", "REGISTER", "OPTIONS", "INFO", "UPDATE", "PRACK",
        };
    }
}
