namespace NanoMikey.Media.Rtp
{
    /// <summary>What <see cref="SsrcCollision.Check"/> found for one received RTP or RTCP packet.</summary>
    public enum SsrcCheck
    {
        /// <summary>The packet carries another SSRC: process it normally.</summary>
        Foreign = 0,

        /// <summary>Our own SSRC from our own transport address (e.g. multicast loopback): drop it, no collision.</summary>
        OwnLoopback = 1,

        /// <summary>
        /// Our SSRC from another transport address, first time from that address (RFC 3550 §8.2): drop the packet,
        /// send an RTCP BYE for the old SSRC, choose a new one (<see cref="SsrcCollision.TryChooseSsrc"/>) and
        /// switch to it (<see cref="RtpPacketizer.ChangeSsrc"/>).
        /// </summary>
        Collision = 2,

        /// <summary>
        /// Our SSRC again from an address that collided recently: a loop of our own traffic (RFC 3550 §8.2), not a
        /// new collision. Drop the packet and keep the SSRC, so a loop cannot make us change SSRC on every packet.
        /// </summary>
        Loop = 3,
    }
}
