namespace NanoMikey.Sip.Message
{
    /// <summary>Outcome of <see cref="SipMessageReader.Read"/> over one UDP datagram (RFC 3261 §18.3).</summary>
    public enum SipReadStatus
    {
        /// <summary>A whole, well-formed message: every property is valid.</summary>
        Ok = 0,

        /// <summary>Not SIP syntax (RFC 3261 §25), or a value out of its range: a request is answered 400, a response dropped.</summary>
        Malformed = 1,

        /// <summary>The datagram, a header line, the header count, the Via or the Record-Route count exceed <see cref="SipLimits"/> (a request is answered 513 or 400).</summary>
        TooLarge = 2,

        /// <summary>The start line names a SIP version other than 2.0 (RFC 3261 §21.5.7: 505).</summary>
        UnsupportedVersion = 3,

        /// <summary>A header every request and response carries is missing: Via, From, To, Call-ID or CSeq (RFC 3261 §8.1.1, §20: 400).</summary>
        MissingHeader = 4,

        /// <summary>The header section does not end, or Content-Length is larger than the datagram (RFC 3261 §18.3: discard, or 400).</summary>
        Truncated = 5,

        /// <summary>Only line ends (a keep-alive, RFC 5626 §3.5.1): nothing to answer.</summary>
        Empty = 6,
    }
}
