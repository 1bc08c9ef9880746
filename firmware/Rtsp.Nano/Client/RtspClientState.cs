namespace NanoMikey.Rtsp.Client
{
    /// <summary>Where an RTSP client is in its exchange (RFC 2326 Appendix A.1, client state machine).</summary>
    public enum RtspClientState
    {
        /// <summary>Not started.</summary>
        Idle = 0,

        /// <summary>ANNOUNCE sent (record), waiting for its answer and the server's key.</summary>
        Announcing,

        /// <summary>DESCRIBE sent (play), waiting for the SDP and the server's key.</summary>
        Describing,

        /// <summary>SETUP sent, waiting for the session and the server's ports.</summary>
        SettingUp,

        /// <summary>RECORD or PLAY sent, waiting for its answer.</summary>
        Starting,

        /// <summary>Media flows (sent in record, received in play).</summary>
        Streaming,

        /// <summary>TEARDOWN sent, waiting for its answer (or its timeout).</summary>
        TearingDown,

        /// <summary>Ended after a teardown; keys wiped, connection closed.</summary>
        Closed,

        /// <summary>Ended by a failure (see the client's Failure); keys wiped, connection closed.</summary>
        Failed,
    }
}
