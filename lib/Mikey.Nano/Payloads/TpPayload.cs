namespace NanoMikey.Mikey.Payloads
{
    /// <summary>TP, ticket policy payload (RFC 6043 §6.10); TP Data is kept raw (it is itself a payload chain).</summary>
    public class TpPayload : PayloadView
    {
        /// <summary>Ticket Type.</summary>
        public TicketType TicketType
        {
            get { return (TicketType)U16(1); }
        }

        /// <summary>Subtype.</summary>
        public int Subtype
        {
            get { return U8(3); }
        }

        /// <summary>Version of the subtype.</summary>
        public int TicketVersion
        {
            get { return U8(4); }
        }

        /// <summary>PRF Func for key forking (7 bits).</summary>
        public PrfFunction PrfFunction
        {
            get { return (PrfFunction)(U8(5) >> 1); }
        }

        /// <summary>Flags D…O.</summary>
        public TicketFlags Flags
        {
            get { return (TicketFlags)((((U8(5) & 1) << 11) | (U8(6) << 3) | (U8(7) >> 5)) & 0xFFF); }
        }

        /// <summary>Res (5 bits, reserved).</summary>
        public int Reserved
        {
            get { return U8(7) & 0x1F; }
        }

        /// <summary>Absolute offset of TP Data.</summary>
        public int TpDataOffset
        {
            get { return _offset + 10; }
        }

        /// <summary>TP Data length in bytes.</summary>
        public int TpDataLength
        {
            get { return U16(8); }
        }
    }
}
