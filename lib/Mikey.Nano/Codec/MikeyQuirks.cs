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
        /// a type 3 value of exactly 4 or 10 without a type 11 is read as the tag length (HMAC-SHA1-32/-80), the auth
        /// key length stays 20. Other values are left as RFC 3830 means them. When writing (PskInitiator.Quirks,
        /// SrtpPolicyMapping.Write), a 32-bit tag is written the same way: type 3 = 4 and no type 11, because GStreamer
        /// ignores type 11 and would otherwise run HMAC-SHA1-80. This conflicts with RFC 3830 §6.10.1 (type 3 is the
        /// authentication KEY length), so only a reader with this quirk reads such a message right: set it only towards
        /// GStreamer. 80-bit tags are written RFC-correct either way (GStreamer reads type 2 = 1 as HMAC-SHA1-80).
        /// </summary>
        GStreamerTagLengthInAuthKeyLength = 1,

        /// <summary>
        /// ONVIF's example I_MESSAGE has no RAND; accept an initial message without it, but only in NULL mode (PSK data
        /// type with a KEMAC of NULL encryption and NULL MAC). RAND is what makes the keys MIKEY derives from the PSK and
        /// the TGK fresh (RFC 3830 §4.1.3, §4.1.4); without it a replayed or repeated message yields the same keys. NULL
        /// mode derives no PSK keys and its peers (ONVIF, GStreamer) send the TEK itself over TLS, so only there is the
        /// loss tolerable; any other mode without RAND is still refused.
        /// </summary>
        MissingRand = 2,

        /// <summary>Milestone XProtect appends one zero byte after the last payload (gortsplib #953); accept it.</summary>
        TrailingPadByte = 4,

        /// <summary>
        /// GStreamer's AES-GCM offers (gstmikey.c <c>gst_mikey_message_new_from_caps</c>) name encryption 6 and the key
        /// length but no salt length (type 4) and no AEAD tag length (type 20), with a TEK of key plus 12-byte salt:
        /// encryption 6 without type 4 is read as a 12-byte salt and, without type 20, a 16-byte tag (RFC 7714 §12, §14.2).
        /// </summary>
        GStreamerAesGcmDefaults = 8,
    }
}
