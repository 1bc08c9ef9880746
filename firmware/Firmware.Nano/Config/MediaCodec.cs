namespace NanoMikey.Firmware.Config
{
    /// <summary>The audio codec of a stream (ITU-T G.711; RTP payload types from RFC 3551 §6).</summary>
    public enum MediaCodec
    {
        /// <summary>G.711 µ-law, RTP payload type 0 (PCMU).</summary>
        Pcmu = 0,

        /// <summary>G.711 A-law, RTP payload type 8 (PCMA).</summary>
        Pcma = 8,
    }
}
