namespace NanoMikey.Cli
{
    /// <summary>Exit codes of <c>nanomikey</c>; <c>decode --help</c> lists them for users.</summary>
    public static class ExitCode
    {
        /// <summary>The message (every message of the input) is valid.</summary>
        public const int Valid = 0;

        /// <summary>A message was found but is not a valid MIKEY message (reason, offset and MIKEY error code on stderr).</summary>
        public const int InvalidMessage = 1;

        /// <summary>No message could be taken from the input: unreadable file, bad base64/hex/encoding, no key-mgmt attribute, bad option.</summary>
        public const int UnusableInput = 2;

        /// <summary>An unexpected exception (a bug): one line on stderr, never a stack trace.</summary>
        public const int InternalError = 3;

        /// <summary>The lines <c>--help</c> shows.</summary>
        public const string Help =
            "Exit codes:\n"
            + "  0  valid message (every message of the input)\n"
            + "  1  invalid MIKEY message: reason, offset and MIKEY error code on stderr\n"
            + "  2  unusable input: file unreadable, not base64/hex/SDP/RTSP text, no a=key-mgmt:mikey, bad option\n"
            + "  3  internal error: a bug in nanomikey, please report it";
    }
}
