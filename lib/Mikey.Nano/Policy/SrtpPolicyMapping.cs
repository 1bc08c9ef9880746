using System;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Policy
{
    /// <summary>
    /// Maps an SRTP SP payload (RFC 3830 §6.10.1) onto the SRTP layer's <see cref="SrtpPolicy"/> and back. Applies the
    /// GStreamer type-3 quirk when asked. Owns a small scratch buffer; no allocation per call.
    /// </summary>
    public sealed class SrtpPolicyMapping
    {
        private readonly byte[] _scratch = new byte[96];

        /// <summary>True when the last <see cref="Load"/> reinterpreted SP type 3 as the tag length.</summary>
        public bool UsedGStreamerQuirk { get; private set; }

        /// <summary>
        /// Applies the parameters of <paramref name="sp"/> to <paramref name="target"/>, which should hold the defaults
        /// (a new <see cref="SrtpPolicy"/>): absent parameters keep the RFC 3830 §6.10.1 / RFC 3711 §5 defaults.
        /// </summary>
        /// <returns><see cref="MikeyStatus.Ok"/>; <see cref="MikeyStatus.InvalidValue"/> when the SP is not SRTP, a parameter is
        /// malformed, or the SRTP layer cannot run the result (answer with ERR Invalid SPpar, RFC 3830 §6.12).</returns>
        public MikeyStatus Load(SecurityPolicyPayload sp, MikeyQuirks quirks, SrtpPolicy target)
        {
            if (sp == null || target == null)
            {
                throw new ArgumentNullException(nameof(target));
            }

            UsedGStreamerQuirk = false;
            if (sp.ProtocolType != ProtocolType.Srtp)
            {
                return MikeyStatus.InvalidValue;
            }

            byte[] b = sp.Buffer;
            int authKeyAt = -1;
            bool tagGiven = false;
            for (int p = sp.FirstParameter(); p >= 0; p = sp.NextParameter(p))
            {
                int type = sp.GetParameterType(p);
                if (!target.SetParameter(type, b, p + 2, sp.GetParameterLength(p)))
                {
                    return MikeyStatus.InvalidValue;
                }

                if (type == (int)SrtpPolicyParameterType.SessionAuthenticationKeyLength)
                {
                    authKeyAt = p;
                }
                else if (type == (int)SrtpPolicyParameterType.AuthenticationTagLength)
                {
                    tagGiven = true;
                }
            }

            // peers.md: GStreamer writes the tag length (10 or 4) into type 3 and never sends type 11.
            if ((quirks & MikeyQuirks.GStreamerTagLengthInAuthKeyLength) != 0 && authKeyAt >= 0 && !tagGiven
                && (int)sp.GetParameterValue(authKeyAt) < 20)
            {
                target.AuthenticationTagLength = (int)sp.GetParameterValue(authKeyAt);
                target.SessionAuthenticationKeyLength = 20;
                UsedGStreamerQuirk = true;
            }

            string? reason;
            return target.IsSupported(out reason) ? MikeyStatus.Ok : MikeyStatus.InvalidValue;
        }

        /// <summary>Writes <paramref name="policy"/> as an SRTP SP payload with the given policy number.</summary>
        /// <returns>The writer's status.</returns>
        public MikeyStatus Write(MikeyWriter writer, int policyNo, SrtpPolicy policy)
        {
            if (writer == null || policy == null)
            {
                throw new ArgumentNullException(nameof(policy));
            }

            int n = policy.WriteParameters(_scratch, 0);
            if (n < 0)
            {
                throw new InvalidOperationException();
            }

            writer.BeginSecurityPolicy(policyNo, ProtocolType.Srtp);
            for (int p = 0; p < n; p += 2 + _scratch[p + 1])
            {
                writer.WritePolicyParameter(_scratch[p], _scratch, p + 2, _scratch[p + 1]);
            }

            return writer.EndSecurityPolicy();
        }
    }
}
