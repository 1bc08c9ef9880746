using System;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Policy
{
    /// <summary>
    /// Maps an SRTP SP payload (RFC 3830 §6.10.1) onto the SRTP layer's <see cref="SrtpPolicy"/> and back, and checks
    /// every offer against the local <see cref="SrtpMinimumPolicy"/> before anything is derived from it. Applies the
    /// GStreamer quirks when asked. Owns a small scratch buffer; no allocation per call.
    /// </summary>
    public sealed class SrtpPolicyMapping
    {
        private const int GStreamerTag32 = 4;
        private const int GStreamerTag80 = 10;

        private readonly byte[] _scratch = new byte[96];

        /// <summary>True when the last <see cref="Load(SecurityPolicyPayload, MikeyQuirks, SrtpMinimumPolicy, SrtpPolicy)"/> reinterpreted SP type 3 as the tag length.</summary>
        public bool UsedGStreamerQuirk { get; private set; }

        /// <summary>True when the last Load read a GStreamer AES-GCM offer's missing salt and tag lengths as 12 and 16.</summary>
        public bool UsedGStreamerAesGcmQuirk { get; private set; }

        /// <summary>Why the last Load refused the policy as below the local minimum; <see cref="SrtpPolicyWeakness.None"/> otherwise.</summary>
        public SrtpPolicyWeakness Weakness { get; private set; }

        /// <summary>
        /// The MIKEY error to answer the last refused Load with (RFC 3830 §6.12): Invalid SP for a policy below the local
        /// minimum, Invalid SPpar for one the SRTP layer cannot run or a malformed parameter. Meaningless after Ok.
        /// </summary>
        public ErrorCode ErrorCode { get; private set; }

        /// <summary>
        /// <see cref="Load(SecurityPolicyPayload, MikeyQuirks, SrtpMinimumPolicy, SrtpPolicy)"/> against
        /// <see cref="SrtpMinimumPolicy.Strict"/>.
        /// </summary>
        /// <param name="sp">The SP payload offered.</param>
        /// <param name="quirks">Peer tolerances in force.</param>
        /// <param name="target">Receives the parameters; should hold the defaults (a new <see cref="SrtpPolicy"/>).</param>
        /// <returns>As the overload with a minimum.</returns>
        public MikeyStatus Load(SecurityPolicyPayload sp, MikeyQuirks quirks, SrtpPolicy target)
        {
            return Load(sp, quirks, SrtpMinimumPolicy.Strict, target);
        }

        /// <summary>
        /// Applies the parameters of <paramref name="sp"/> to <paramref name="target"/>, which should hold the defaults
        /// (a new <see cref="SrtpPolicy"/>): absent parameters keep the RFC 3830 §6.10.1 / RFC 3711 §5 defaults. The result
        /// must be runnable and meet <paramref name="minimum"/>; only then may keys be derived for it.
        /// </summary>
        /// <param name="sp">The SP payload offered.</param>
        /// <param name="quirks">Peer tolerances in force.</param>
        /// <param name="minimum">The local minimum the offer must meet.</param>
        /// <param name="target">Receives the parameters.</param>
        /// <returns><see cref="MikeyStatus.Ok"/>; <see cref="MikeyStatus.InvalidValue"/> when the SP is not SRTP, a parameter is
        /// malformed, the SRTP layer cannot run the result, or it is below <paramref name="minimum"/> (<see cref="ErrorCode"/>
        /// and <see cref="Weakness"/> say which).</returns>
        public MikeyStatus Load(SecurityPolicyPayload sp, MikeyQuirks quirks, SrtpMinimumPolicy minimum, SrtpPolicy target)
        {
            if (sp == null || target == null || minimum == null)
            {
                throw new ArgumentNullException(nameof(target));
            }

            UsedGStreamerQuirk = false;
            UsedGStreamerAesGcmQuirk = false;
            Weakness = SrtpPolicyWeakness.None;
            ErrorCode = ErrorCode.InvalidSpPar;
            if (sp.ProtocolType != ProtocolType.Srtp)
            {
                ErrorCode = ErrorCode.InvalidSp;
                return MikeyStatus.InvalidValue;
            }

            byte[] b = sp.Buffer;
            int authKeyAt = -1;
            bool tagGiven = false;
            bool saltGiven = false;
            bool aeadTagGiven = false;
            for (int p = sp.FirstParameter(); p >= 0; p = sp.NextParameter(p))
            {
                int type = sp.GetParameterType(p);
                if (!target.SetParameter(type, b, p + 2, sp.GetParameterLength(p)))
                {
                    return MikeyStatus.InvalidValue;
                }

                switch (type)
                {
                    case (int)SrtpPolicyParameterType.SessionAuthenticationKeyLength: authKeyAt = p; break;
                    case (int)SrtpPolicyParameterType.AuthenticationTagLength: tagGiven = true; break;
                    case (int)SrtpPolicyParameterType.SessionSaltKeyLength: saltGiven = true; break;
                    case (int)SrtpPolicyParameterType.AeadAuthenticationTagLength: aeadTagGiven = true; break;
                }
            }

            // peers.md: GStreamer writes the tag length (10 or 4) into type 3 and never sends type 11.
            if ((quirks & MikeyQuirks.GStreamerTagLengthInAuthKeyLength) != 0 && authKeyAt >= 0 && !tagGiven)
            {
                int v = (int)sp.GetParameterValue(authKeyAt);
                if (v == GStreamerTag32 || v == GStreamerTag80)
                {
                    target.AuthenticationTagLength = v;
                    target.SessionAuthenticationKeyLength = 20;
                    UsedGStreamerQuirk = true;
                }
            }

            // gstmikey.c new_from_caps: AES-GCM as type 0 = 6 and type 1 only; libsrtp's GCM has a 12-byte salt and,
            // for GStreamer (gstsrtp.c, NULL auth with GCM), a 16-byte tag (RFC 7714 §14.2).
            if ((quirks & MikeyQuirks.GStreamerAesGcmDefaults) != 0 && target.EncryptionAlgorithm == SrtpEncryptionAlgorithm.AesGcm && !saltGiven)
            {
                target.SessionSaltKeyLength = 12;
                if (!aeadTagGiven)
                {
                    target.AeadAuthenticationTagLength = 16;
                }

                UsedGStreamerAesGcmQuirk = true;
            }

            string? reason;
            if (!target.IsSupported(out reason))
            {
                return MikeyStatus.InvalidValue;
            }

            Weakness = minimum.Check(target);
            if (Weakness != SrtpPolicyWeakness.None)
            {
                ErrorCode = ErrorCode.InvalidSp;
                return MikeyStatus.InvalidValue;
            }

            return MikeyStatus.Ok;
        }

        /// <summary>Writes <paramref name="policy"/> as an SRTP SP payload with the given policy number (strict RFC 3830 §6.10.1).</summary>
        /// <param name="writer">The writer, positioned where the SP payload goes.</param>
        /// <param name="policyNo">The SP's policy number.</param>
        /// <param name="policy">The policy written.</param>
        /// <returns>The writer's status.</returns>
        public MikeyStatus Write(MikeyWriter writer, int policyNo, SrtpPolicy policy)
        {
            return Write(writer, policyNo, policy, MikeyQuirks.None);
        }

        /// <summary>
        /// Writes <paramref name="policy"/> as an SRTP SP payload with the given policy number. With
        /// <see cref="MikeyQuirks.GStreamerTagLengthInAuthKeyLength"/> the payload is written so GStreamer reads it right
        /// (gstmikey.c <c>to_caps</c> takes SP type 3 as the tag length and ignores types 11, 18, 19): a 32-bit HMAC-SHA1 tag
        /// goes into type 3 = 4 with no type 11 (RFC 3830 §6.10.1 says type 3 is the auth KEY length: only a reader with the
        /// same quirk reads this right). An 80-bit tag stays RFC-correct (type 3 = 20, type 11 = 10), which GStreamer reads as
        /// HMAC-SHA1-80 as well; AES-GCM (type 3 = 0) and AES-256 need no change. A policy GStreamer cannot express (an SRTCP tag
        /// other than the SRTP tag: GStreamer uses one for both; AES-192; an auth key other than 20 bytes) is refused.
        /// </summary>
        /// <param name="writer">The writer, positioned where the SP payload goes.</param>
        /// <param name="policyNo">The SP's policy number.</param>
        /// <param name="policy">The policy written.</param>
        /// <param name="quirks">Peer deviations to write for.</param>
        /// <returns>The writer's status; <see cref="MikeyStatus.InvalidValue"/> (nothing written) for a policy the quirk cannot express.</returns>
        public MikeyStatus Write(MikeyWriter writer, int policyNo, SrtpPolicy policy, MikeyQuirks quirks)
        {
            if (writer == null || policy == null)
            {
                throw new ArgumentNullException();
            }

            int n = policy.WriteParameters(_scratch, 0);
            if (n < 0)
            {
                throw new InvalidOperationException();
            }

            bool gstTag32 = false;
            if ((quirks & MikeyQuirks.GStreamerTagLengthInAuthKeyLength) != 0 && !policy.IsAead)
            {
                // GStreamer keys SRTP and SRTCP alike (gstsrtp.c set_crypto_policy_cipher_auth) and knows 128/256-bit AES only.
                int tag = policy.EffectiveSrtpTagLength;
                bool hmac = policy.EffectiveSrtpAuthentication == SrtpAuthenticationAlgorithm.HmacSha1;
                if (policy.EffectiveSrtcpTagLength != tag || (hmac && (policy.EffectiveSrtpAuthenticationKeyLength != 20 || (tag != GStreamerTag32 && tag != GStreamerTag80)))
                    || (policy.EncryptionAlgorithm != SrtpEncryptionAlgorithm.Null && policy.SessionEncryptionKeyLength != 16 && policy.SessionEncryptionKeyLength != 32))
                {
                    return MikeyStatus.InvalidValue;
                }

                gstTag32 = hmac && tag == GStreamerTag32;
            }

            writer.BeginSecurityPolicy(policyNo, ProtocolType.Srtp);
            for (int p = 0; p < n; p += 2 + _scratch[p + 1])
            {
                int type = _scratch[p];
                if (gstTag32)
                {
                    // peers.md: GStreamer reads type 3 as the tag length; types 11, 18, 19 would tell RFC readers otherwise.
                    if (type == (int)SrtpPolicyParameterType.AuthenticationTagLength || type == (int)SrtpPolicyParameterType.SrtpAuthenticationTagLength
                        || type == (int)SrtpPolicyParameterType.SrtcpAuthenticationTagLength)
                    {
                        continue;
                    }

                    if (type == (int)SrtpPolicyParameterType.SessionAuthenticationKeyLength)
                    {
                        _scratch[p + 1] = 1;
                        _scratch[p + 2] = GStreamerTag32;
                    }
                }

                writer.WritePolicyParameter(type, _scratch, p + 2, _scratch[p + 1]);
            }

            return writer.EndSecurityPolicy();
        }
    }
}
