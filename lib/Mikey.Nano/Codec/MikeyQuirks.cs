using System;

namespace NanoMikey.Mikey.Codec
{
    /// <summary>Named tolerances for real peers' deviations from the RFCs; all off by default (see peers.md).</summary>
    [Flags]
    public enum MikeyQuirks
    {
        /// <summary>Strict RFC behaviour.</summary>
        None = 0,

        /// <summary>
        /// GStreamer (and gortsplib before #935) put the SRTP tag length in SP type 3 "Session Auth. key length":
        /// a type 3 value below 20 without a type 11 is read as the tag length, the auth key length stays 20.
        /// </summary>
        GStreamerTagLengthInAuthKeyLength = 1,

        /// <summary>ONVIF's example I_MESSAGE has no RAND; accept an initial PSK/PK/DH message without it.</summary>
        MissingRand = 2,

        /// <summary>Milestone XProtect appends one zero byte after the last payload (gortsplib #953); accept it.</summary>
        TrailingPadByte = 4,
    }
}
