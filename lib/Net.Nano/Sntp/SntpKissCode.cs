namespace NanoMikey.Net.Sntp
{
    /// <summary>
    /// Kiss codes (RFC 4330 §8; RFC 5905 §7.4): the four ASCII characters a kiss-o'-death message (stratum 0) carries in
    /// its reference identifier, as a big-endian number.
    /// </summary>
    public static class SntpKissCode
    {
        /// <summary>"DENY": access denied by the server; stop using it.</summary>
        public const uint Deny = 0x44454E59;

        /// <summary>"RSTR": access restricted by the server's policy; stop using it.</summary>
        public const uint Restrict = 0x52535452;

        /// <summary>"RATE": the client polls too fast; reduce the rate.</summary>
        public const uint Rate = 0x52415445;
    }
}
