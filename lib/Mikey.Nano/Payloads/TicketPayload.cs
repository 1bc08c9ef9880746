namespace NanoMikey.Mikey.Payloads
{
    /// <summary>TICKET payload (RFC 6043 §6.10): the TP fields plus Ticket Data and Initiator Data, kept raw.</summary>
    public sealed class TicketPayload : TpPayload
    {
        /// <summary>Absolute offset of Ticket Data.</summary>
        public int TicketDataOffset
        {
            get { return TpDataOffset + TpDataLength + 2; }
        }

        /// <summary>Ticket Data length in bytes.</summary>
        public int TicketDataLength
        {
            get { return U16(10 + TpDataLength); }
        }

        /// <summary>Absolute offset of Initiator Data.</summary>
        public int InitiatorDataOffset
        {
            get { return TicketDataOffset + TicketDataLength + 2; }
        }

        /// <summary>Initiator Data length in bytes.</summary>
        public int InitiatorDataLength
        {
            get { return U16(12 + TpDataLength + TicketDataLength); }
        }
    }
}
