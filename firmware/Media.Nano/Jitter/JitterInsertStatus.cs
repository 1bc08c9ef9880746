namespace NanoMikey.Media.Jitter
{
    /// <summary>Result of <see cref="JitterBuffer.Insert"/>.</summary>
    public enum JitterInsertStatus
    {
        /// <summary>Stored for playout (also after a resynchronisation).</summary>
        Inserted = 0,

        /// <summary>That sequence number is already buffered: dropped.</summary>
        Duplicate = 1,

        /// <summary>Its playout time has passed (the frame was played or concealed): dropped.</summary>
        Late = 2,

        /// <summary>The payload is larger than a slot: dropped.</summary>
        TooLarge = 3,

        /// <summary>
        /// Far beyond the window (two windows or more ahead of playout): dropped. A second such packet that follows
        /// it in sequence makes the buffer resynchronise on it (returned as <see cref="Inserted"/>).
        /// </summary>
        Ahead = 4,

        /// <summary>
        /// Just beyond the window (less than two windows ahead): stored after discarding the oldest frames to make
        /// room (the sender's clock runs faster than ours, or a burst arrived at once).
        /// </summary>
        Overflow = 5,
    }
}
