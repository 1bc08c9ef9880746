using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Policy
{
    /// <summary>
    /// The SRTP parameter set an SP payload (Prot type SRTP) selects, with the RFC 3830 §6.10.1 defaults for absent
    /// parameters and the RFC 4771 §4 precedence of SRTP/SRTCP-specific types resolved. Reusable: <see cref="Load"/> refills it.
    /// </summary>
    public sealed class SrtpPolicy
    {
        /// <summary>Creates a policy holding the defaults.</summary>
        public SrtpPolicy()
        {
            SetDefaults();
        }

        /// <summary>Policy no of the SP payload it was loaded from.</summary>
        public int PolicyNo { get; private set; }

        /// <summary>Type 0: encryption algorithm.</summary>
        public SrtpEncryptionAlgorithm EncryptionAlgorithm { get; private set; }

        /// <summary>Type 1: session encryption key length in bytes (also the master key length).</summary>
        public int EncryptionKeyLength { get; private set; }

        /// <summary>Type 4: session salt key length in bytes (also the master salt length).</summary>
        public int SaltKeyLength { get; private set; }

        /// <summary>Type 5: SRTP PRF.</summary>
        public SrtpPrf Prf { get; private set; }

        /// <summary>Type 6: key derivation rate (0 = none).</summary>
        public uint KeyDerivationRate { get; private set; }

        /// <summary>Type 7: SRTP encryption on.</summary>
        public bool SrtpEncryption { get; private set; }

        /// <summary>Type 8: SRTCP encryption on.</summary>
        public bool SrtcpEncryption { get; private set; }

        /// <summary>Type 10: SRTP authentication on.</summary>
        public bool SrtpAuthentication { get; private set; }

        /// <summary>Type 12: SRTP prefix length.</summary>
        public int PrefixLength { get; private set; }

        /// <summary>Type 13: ROC transmission rate R (RFC 4771).</summary>
        public int RocTransmissionRate { get; private set; }

        /// <summary>Authentication algorithm for SRTP (type 14, else type 2).</summary>
        public SrtpAuthenticationAlgorithm SrtpAuthenticationAlgorithm { get; private set; }

        /// <summary>Authentication algorithm for SRTCP (type 15, else type 2).</summary>
        public SrtpAuthenticationAlgorithm SrtcpAuthenticationAlgorithm { get; private set; }

        /// <summary>Session authentication key length for SRTP (type 16, else type 3).</summary>
        public int SrtpAuthenticationKeyLength { get; private set; }

        /// <summary>Session authentication key length for SRTCP (type 17, else type 3).</summary>
        public int SrtcpAuthenticationKeyLength { get; private set; }

        /// <summary>Authentication tag length for SRTP in bytes (type 18, else type 11).</summary>
        public int SrtpTagLength { get; private set; }

        /// <summary>Authentication tag length for SRTCP in bytes (type 19, else type 11).</summary>
        public int SrtcpTagLength { get; private set; }

        /// <summary>Type 20: AEAD authentication tag length (RFC 7714), 16 unless given.</summary>
        public int AeadTagLength { get; private set; }

        /// <summary>True when the GStreamer quirk reinterpreted type 3 as the tag length.</summary>
        public bool UsedGStreamerQuirk { get; private set; }

        /// <summary>Resets to the RFC 3830 §6.10.1 / RFC 3711 §5 defaults (AES-CM, HMAC-SHA-1, 16/20/14, tag 10).</summary>
        public void SetDefaults()
        {
            PolicyNo = 0;
            EncryptionAlgorithm = SrtpEncryptionAlgorithm.AesCm;
            EncryptionKeyLength = 16;
            SaltKeyLength = 14;
            Prf = SrtpPrf.AesCm;
            KeyDerivationRate = 0;
            SrtpEncryption = true;
            SrtcpEncryption = true;
            SrtpAuthentication = true;
            PrefixLength = 0;
            RocTransmissionRate = 1;
            SrtpAuthenticationAlgorithm = SrtpAuthenticationAlgorithm.HmacSha1;
            SrtcpAuthenticationAlgorithm = SrtpAuthenticationAlgorithm.HmacSha1;
            SrtpAuthenticationKeyLength = 20;
            SrtcpAuthenticationKeyLength = 20;
            SrtpTagLength = 10;
            SrtcpTagLength = 10;
            AeadTagLength = 16;
            UsedGStreamerQuirk = false;
        }

        /// <summary>Loads the parameters of an SRTP SP payload (already validated by the reader) on top of the defaults.</summary>
        /// <returns><see cref="MikeyStatus.Ok"/>, or <see cref="MikeyStatus.InvalidValue"/> when the payload is not an SRTP policy.</returns>
        public MikeyStatus Load(SecurityPolicyPayload sp, MikeyQuirks quirks)
        {
            SetDefaults();
            if (sp.ProtocolType != ProtocolType.Srtp)
            {
                return MikeyStatus.InvalidValue;
            }

            PolicyNo = sp.PolicyNo;
            int authAlg = -1, authKey = -1, tag = -1;
            int srtpAlg = -1, srtcpAlg = -1, srtpKey = -1, srtcpKey = -1, srtpTag = -1, srtcpTag = -1;
            for (int p = sp.FirstParameter(); p >= 0; p = sp.NextParameter(p))
            {
                int v = (int)sp.GetParameterValue(p);
                switch ((SrtpPolicyParameter)sp.GetParameterType(p))
                {
                    case SrtpPolicyParameter.EncryptionAlgorithm: EncryptionAlgorithm = (SrtpEncryptionAlgorithm)v; break;
                    case SrtpPolicyParameter.SessionEncryptionKeyLength: EncryptionKeyLength = v; break;
                    case SrtpPolicyParameter.AuthenticationAlgorithm: authAlg = v; break;
                    case SrtpPolicyParameter.SessionAuthenticationKeyLength: authKey = v; break;
                    case SrtpPolicyParameter.SessionSaltKeyLength: SaltKeyLength = v; break;
                    case SrtpPolicyParameter.Prf: Prf = (SrtpPrf)v; break;
                    case SrtpPolicyParameter.KeyDerivationRate: KeyDerivationRate = (uint)v; break;
                    case SrtpPolicyParameter.SrtpEncryption: SrtpEncryption = v != 0; break;
                    case SrtpPolicyParameter.SrtcpEncryption: SrtcpEncryption = v != 0; break;
                    case SrtpPolicyParameter.SrtpAuthentication: SrtpAuthentication = v != 0; break;
                    case SrtpPolicyParameter.AuthenticationTagLength: tag = v; break;
                    case SrtpPolicyParameter.SrtpPrefixLength: PrefixLength = v; break;
                    case SrtpPolicyParameter.RocTransmissionRate: RocTransmissionRate = v; break;
                    case SrtpPolicyParameter.SrtpAuthenticationAlgorithm: srtpAlg = v; break;
                    case SrtpPolicyParameter.SrtcpAuthenticationAlgorithm: srtcpAlg = v; break;
                    case SrtpPolicyParameter.SrtpSessionAuthenticationKeyLength: srtpKey = v; break;
                    case SrtpPolicyParameter.SrtcpSessionAuthenticationKeyLength: srtcpKey = v; break;
                    case SrtpPolicyParameter.SrtpAuthenticationTagLength: srtpTag = v; break;
                    case SrtpPolicyParameter.SrtcpAuthenticationTagLength: srtcpTag = v; break;
                    case SrtpPolicyParameter.AeadAuthenticationTagLength: AeadTagLength = v; break;
                }
            }

            // peers.md: GStreamer writes the tag length (10 or 4) into type 3 and never sends type 11.
            if ((quirks & MikeyQuirks.GStreamerTagLengthInAuthKeyLength) != 0 && authKey >= 0 && authKey < 20 && tag < 0)
            {
                tag = authKey;
                authKey = 20;
                UsedGStreamerQuirk = true;
            }

            // RFC 4771 §4: a specific type wins for its protocol; the general one still applies to the other.
            if (authAlg >= 0)
            {
                SrtpAuthenticationAlgorithm = (SrtpAuthenticationAlgorithm)authAlg;
                SrtcpAuthenticationAlgorithm = (SrtpAuthenticationAlgorithm)authAlg;
            }

            if (authKey >= 0)
            {
                SrtpAuthenticationKeyLength = authKey;
                SrtcpAuthenticationKeyLength = authKey;
            }

            if (tag >= 0)
            {
                SrtpTagLength = tag;
                SrtcpTagLength = tag;
            }

            if (srtpAlg >= 0)
            {
                SrtpAuthenticationAlgorithm = (SrtpAuthenticationAlgorithm)srtpAlg;
            }

            if (srtcpAlg >= 0)
            {
                SrtcpAuthenticationAlgorithm = (SrtpAuthenticationAlgorithm)srtcpAlg;
            }

            if (srtpKey >= 0)
            {
                SrtpAuthenticationKeyLength = srtpKey;
            }

            if (srtcpKey >= 0)
            {
                SrtcpAuthenticationKeyLength = srtcpKey;
            }

            if (srtpTag >= 0)
            {
                SrtpTagLength = srtpTag;
            }

            if (srtcpTag >= 0)
            {
                SrtcpTagLength = srtcpTag;
            }

            return MikeyStatus.Ok;
        }
    }
}
