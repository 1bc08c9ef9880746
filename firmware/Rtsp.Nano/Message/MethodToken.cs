namespace NanoMikey.Rtsp.Message
{
    /// <summary>The method tokens of RFC 2326 §6.1 in <see cref="RtspMethod"/> order (index = value - 1); case-sensitive.</summary>
    internal static class MethodToken
    {
        internal static readonly string[] Names =
        {
            "OPTIONS", "DESCRIBE", "ANNOUNCE", "SETUP", "PLAY", "PAUSE", "TEARDOWN", "GET_PARAMETER", "SET_PARAMETER",
            "REDIRECT", "RECORD",
        };
    }
}
