namespace NanoMikey.Net.Sntp
{
    /// <summary>What an <see cref="SntpClient"/> is doing.</summary>
    public enum SntpClientState
    {
        /// <summary>Waiting for the next poll (a burst of requests, RFC 4330 §10).</summary>
        WaitingForPoll = 0,

        /// <summary>A request is out; waiting for its answer or its timeout.</summary>
        AwaitingAnswer = 1,

        /// <summary>Within a burst, waiting before the next request (spacing keeps bursts polite).</summary>
        BetweenRequests = 2,

        /// <summary>No server configured, or every server sent a DENY/RSTR kiss-o'-death (RFC 4330 §8); nothing more is sent.</summary>
        NoUsableServer = 3,
    }
}
