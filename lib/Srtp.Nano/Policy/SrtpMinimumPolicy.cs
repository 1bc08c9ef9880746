using System;

namespace NanoMikey.Srtp.Policy
{
    /// <summary>
    /// The local minimum every SRTP policy is checked against before anything is derived from it (an offer from a peer,
    /// or a policy given to a context or session): SRTCP always authenticated (RFC 3711 §3.4); HMAC-SHA-1 tags of 4 or 10
    /// bytes only; NULL SRTP authentication, RCCm1 and non-AEAD RCCm3 (RFC 4771 §3) only when explicitly allowed.
    /// Immutable, so <see cref="Strict"/> can be shared.
    /// </summary>
    public sealed class SrtpMinimumPolicy
    {
        /// <summary>The default: nothing below the minimum is allowed.</summary>
        public static readonly SrtpMinimumPolicy Strict = new SrtpMinimumPolicy(false, false, false);

        private readonly bool _allowNullSrtpAuthentication;
        private readonly bool _allowRccM1;
        private readonly bool _allowRccM3WithoutAead;

        /// <summary>Creates a minimum with explicit opt-ins; SRTCP authentication stays mandatory whatever is allowed.</summary>
        /// <param name="allowNullSrtpAuthentication">Accept SRTP without authentication (lower layers must protect it).</param>
        /// <param name="allowRccM1">Accept RFC 4771 RCCm1 (no MAC on packets that do not carry the ROC).</param>
        /// <param name="allowRccM3WithoutAead">Accept RFC 4771 RCCm3 with a non-AEAD cipher (no integrity at all).</param>
        public SrtpMinimumPolicy(bool allowNullSrtpAuthentication, bool allowRccM1, bool allowRccM3WithoutAead)
        {
            _allowNullSrtpAuthentication = allowNullSrtpAuthentication;
            _allowRccM1 = allowRccM1;
            _allowRccM3WithoutAead = allowRccM3WithoutAead;
        }

        /// <summary>Whether SRTP without authentication is accepted.</summary>
        public bool AllowNullSrtpAuthentication
        {
            get { return _allowNullSrtpAuthentication; }
        }

        /// <summary>Whether RFC 4771 RCCm1 is accepted.</summary>
        public bool AllowRccM1
        {
            get { return _allowRccM1; }
        }

        /// <summary>Whether RFC 4771 RCCm3 is accepted with a non-AEAD cipher.</summary>
        public bool AllowRccM3WithoutAead
        {
            get { return _allowRccM3WithoutAead; }
        }

        /// <summary>Checks <paramref name="policy"/> against this minimum; never throws for odd values (those are <see cref="SrtpPolicy.IsSupported"/>'s).</summary>
        /// <param name="policy">The policy (effective values, RFC 4771 §4 precedence).</param>
        /// <returns><see cref="SrtpPolicyWeakness.None"/>, or the first reason the policy is below the minimum.</returns>
        public SrtpPolicyWeakness Check(SrtpPolicy policy)
        {
            if (policy == null) throw new ArgumentNullException(nameof(policy));

            // AEAD (RFC 7714 §9, §10): the AEAD tag authenticates SRTP and SRTCP; RCCm3 then only carries the ROC.
            if (policy.IsAead) return SrtpPolicyWeakness.None;

            // RFC 3711 §3.4: SRTCP message authentication is mandatory; no opt-in.
            if (policy.EffectiveSrtcpAuthentication == SrtpAuthenticationAlgorithm.Null) return SrtpPolicyWeakness.SrtcpUnauthenticated;
            if (!IsAllowedHmacTag(policy.EffectiveSrtcpTagLength)) return SrtpPolicyWeakness.HmacTagLength;

            int tag = policy.EffectiveSrtpTagLength;
            switch (policy.EffectiveSrtpAuthentication)
            {
                case SrtpAuthenticationAlgorithm.Null:
                    return _allowNullSrtpAuthentication ? SrtpPolicyWeakness.None : SrtpPolicyWeakness.SrtpUnauthenticated;
                case SrtpAuthenticationAlgorithm.HmacSha1:
                    return IsAllowedHmacTag(tag) ? SrtpPolicyWeakness.None : SrtpPolicyWeakness.HmacTagLength;
                case SrtpAuthenticationAlgorithm.RccM1:
                    if (!_allowRccM1) return SrtpPolicyWeakness.RccM1;
                    // RFC 4771 §4: the RCC tag length counts the 4-byte ROC before the MAC.
                    return IsAllowedHmacTag(tag - 4) ? SrtpPolicyWeakness.None : SrtpPolicyWeakness.HmacTagLength;
                case SrtpAuthenticationAlgorithm.RccM2:
                    return IsAllowedHmacTag(tag - 4) ? SrtpPolicyWeakness.None : SrtpPolicyWeakness.HmacTagLength;
                case SrtpAuthenticationAlgorithm.RccM3:
                    return _allowRccM3WithoutAead ? SrtpPolicyWeakness.None : SrtpPolicyWeakness.RccM3WithoutAead;
                default:
                    return SrtpPolicyWeakness.None;
            }
        }

        // Constructor check of contexts and sessions: an unsupported or too weak policy there is a caller bug.
        internal static void Require(SrtpPolicy policy, SrtpMinimumPolicy minimum)
        {
            if (policy == null) throw new ArgumentNullException(nameof(policy));
            if (minimum == null) throw new ArgumentNullException(nameof(minimum));
            string? reason;
            if (!policy.IsSupported(out reason)) throw new ArgumentException("Unsupported SRTP policy: " + reason, nameof(policy));
            SrtpPolicyWeakness weakness = minimum.Check(policy);
            if (weakness != SrtpPolicyWeakness.None) throw new ArgumentException("SRTP policy below the local minimum: " + weakness.ToString(), nameof(policy));
        }

        // HMAC-SHA1-80 (RFC 3711 §5.2) and HMAC-SHA1-32 (RFC 4568 §6.2.2); shorter tags make forgery cheap.
        private static bool IsAllowedHmacTag(int length)
        {
            return length == 4 || length == 10;
        }
    }
}
