namespace NanoMikey.Firmware.Roles
{
    /// <summary>Where a device's role stands.</summary>
    public enum StationState
    {
        /// <summary>Waiting: for the call button, an incoming exchange, or the next wake-up.</summary>
        Idle = 0,

        /// <summary>Waiting for the clock's first SNTP synchronisation (MIKEY timestamps need it).</summary>
        WaitingForTime = 1,

        /// <summary>The MIKEY exchange this side started is running.</summary>
        Keying = 2,

        /// <summary>Keys are in place; media flows.</summary>
        InCall = 3,

        /// <summary>A sensor between bursts.</summary>
        Sleeping = 4,

        /// <summary>The last exchange failed (timeout, error, refused); the role is idle again.</summary>
        Failed = 5,

        /// <summary>An incoming SIP call rings (its MIKEY offer answered in a 183, RFC 5197 §5.1).</summary>
        Ringing = 6,
    }
}
