namespace NanoMikey.Firmware.Keying
{
    /// <summary>Where a <see cref="MikeyUdpInitiator"/>'s exchange stands.</summary>
    public enum MikeyUdpExchangeState
    {
        /// <summary>No exchange started.</summary>
        Idle = 0,

        /// <summary>The I_MESSAGE is out; waiting for the answer (retransmitting on schedule).</summary>
        Waiting,

        /// <summary>The exchange completed: the keys are in <see cref="MikeyUdpInitiator.Bundle"/>.</summary>
        Completed,

        /// <summary>
        /// The exchange ended without keys before its timeout could: no offer could be written or sent, or the peer answered
        /// with an error message and no acceptable answer followed within the error grace.
        /// </summary>
        Failed,

        /// <summary>No acceptable answer and no error message came before the timeout; no keys.</summary>
        TimedOut,
    }
}
