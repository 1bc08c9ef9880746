namespace NanoMikey.Sip.Message
{
    /// <summary>The SIP methods the device knows (RFC 3261 §7.1, §27.4); anything else is <see cref="Other"/>.</summary>
    public enum SipMethod
    {
        /// <summary>No method (a response, or nothing read yet).</summary>
        None = 0,

        /// <summary>INVITE (RFC 3261 §13).</summary>
        Invite = 1,

        /// <summary>ACK (RFC 3261 §13.2.2.4, §17.1.1.3).</summary>
        Ack = 2,

        /// <summary>BYE (RFC 3261 §15).</summary>
        Bye = 3,

        /// <summary>CANCEL (RFC 3261 §9).</summary>
        Cancel = 4,

        /// <summary>REGISTER (RFC 3261 §10).</summary>
        Register = 5,

        /// <summary>OPTIONS (RFC 3261 §11).</summary>
        Options = 6,

        /// <summary>INFO (RFC 6086).</summary>
        Info = 7,

        /// <summary>UPDATE (RFC 3311).</summary>
        Update = 8,

        /// <summary>PRACK (RFC 3262).</summary>
        Prack = 9,

        /// <summary>Any other token (the text is in <see cref="SipMessageReader.MethodText"/>).</summary>
        Other = 10,
    }
}
