namespace NanoMikey.Mikey.Payloads
{
    /// <summary>TP/TICKET Ticket Type (RFC 6043 §6.10 table 6.15).</summary>
    public enum TicketType : ushort
    {
        /// <summary>MIKEY base ticket (RFC 6043 App. A).</summary>
        MikeyBaseTicket = 1,

        /// <summary>3GPP base ticket.</summary>
        ThreeGppBaseTicket = 2,
    }
}
