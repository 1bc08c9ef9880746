namespace NanoMikey.Emulator.Capture
{
    /// <summary>Where a <see cref="NanoMikey.Emulator.Network.VirtualNetwork"/> taps the wire for its <see cref="PcapWriter"/>.</summary>
    public enum CapturePoint
    {
        /// <summary>
        /// What the senders put on the wire: every send once, at its send time and as sent (lost datagrams included, before
        /// man-in-the-middle flips and corruption); the extra copies the network makes (duplicates) and the man in the
        /// middle's replays at the time they are delivered.
        /// </summary>
        Sender = 0,

        /// <summary>
        /// What the receivers get: every copy put into a socket's queue, at its delivery time and as delivered (duplicates,
        /// corruption, flips and replays included; lost datagrams and datagrams without a listener absent).
        /// </summary>
        Receiver = 1,
    }
}
