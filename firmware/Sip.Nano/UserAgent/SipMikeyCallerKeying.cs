using System;
using NanoMikey.Mikey.Session;
using NanoMikey.Sip.Keying;
using NanoMikey.Sip.Message;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Sip.UserAgent
{
    /// <summary>
    /// The device's caller keying for <see cref="SipUserAgent.Call"/>: a <see cref="SipMikeyOffer"/> and the credentials of
    /// the targets the call may reach (the one dialled and those a redirect may name, RFC 5197 §5.3). A redirect to a target
    /// without credentials here gets no offer (the call fails with OfferFailed): the old target's PSK or certificate does
    /// not fit a new one.
    /// </summary>
    public sealed class SipMikeyCallerKeying : ISipCallerKeying
    {
        private readonly SipMikeyOffer _offer;
        private readonly SrtpPolicy _policy;
        private readonly SipMikeyTarget[] _targets;
        private readonly SipUri _a = new SipUri();
        private readonly SipUri _b = new SipUri();
        private int _targetCount;

        /// <summary>Creates the keying of calls made with <paramref name="offer"/>.</summary>
        /// <param name="offer">The MIKEY offer (its offerers, policy of answers and fork limit).</param>
        /// <param name="policy">The SRTP policy of both streams.</param>
        /// <param name="maxTargets">Most targets with credentials (1..16).</param>
        public SipMikeyCallerKeying(SipMikeyOffer offer, SrtpPolicy policy, int maxTargets)
        {
            if (offer == null || policy == null) throw new ArgumentNullException();
            if (maxTargets < 1 || maxTargets > 16) throw new ArgumentOutOfRangeException();
            _offer = offer;
            _policy = policy;
            _targets = new SipMikeyTarget[maxTargets];
        }

        /// <summary>The MIKEY offer (its <see cref="SipMikeyOffer.LastStatus"/> says why an answer was refused).</summary>
        public SipMikeyOffer Offer
        {
            get { return _offer; }
        }

        /// <summary>Adds the credentials of a target (kept by reference); false when the table is full.</summary>
        /// <param name="target">The target: its URI and its PSK or trusted certificate.</param>
        /// <returns>True when added.</returns>
        public bool AddTarget(SipMikeyTarget target)
        {
            if (target == null) throw new ArgumentNullException();
            if (_targetCount == _targets.Length) return false;
            _targets[_targetCount++] = target;
            return true;
        }

        /// <inheritdoc />
        public string? WriteOffer(string targetUri)
        {
            if (targetUri == null) throw new ArgumentNullException();
            SipMikeyTarget? t = Find(targetUri);
            if (t == null) return null;
            // Built for this target with its credentials (after a redirect too, RFC 5197 §5.3); earlier forks are wiped.
            if (_offer.Build(t, _policy) != SipMikeyStatus.Ok) return null;
            return _offer.WriteOffer();
        }

        /// <inheritdoc />
        public SipKeyOutcome AcceptAnswer(string toTag, string mikeyBase64)
        {
            return Outcome(_offer.AcceptAnswer(toTag, mikeyBase64));
        }

        /// <inheritdoc />
        public CryptoSessionBundle? EarlyKeys(string toTag)
        {
            return _offer.EarlyBundle(toTag);
        }

        /// <inheritdoc />
        public SipKeyOutcome Confirm(string toTag)
        {
            return Outcome(_offer.Confirm(toTag));
        }

        /// <inheritdoc />
        public CryptoSessionBundle? Keys
        {
            get { return _offer.Bundle; }
        }

        /// <inheritdoc />
        public void Drop(string toTag)
        {
            _offer.Drop(toTag);
        }

        /// <inheritdoc />
        public void Reset()
        {
            // Every fork's keys and the offer's secrets go; the next WriteOffer builds anew.
            _offer.End();
        }

        private static SipKeyOutcome Outcome(SipMikeyStatus s)
        {
            if (s == SipMikeyStatus.Ok) return SipKeyOutcome.Accepted;
            return s == SipMikeyStatus.Retransmission ? SipKeyOutcome.Retransmission : SipKeyOutcome.Refused;
        }

        // The target whose URI names the same user, host and port (RFC 3261 §19.1.4 in short: parameters aside).
        private SipMikeyTarget? Find(string uri)
        {
            bool parsed = _a.Parse(Dialog.SipDialog.UriOf(uri));
            for (int i = 0; i < _targetCount; i++)
            {
                SipMikeyTarget t = _targets[i];
                if (string.Equals(t.Uri, uri)) return t;
                if (parsed && _b.Parse(Dialog.SipDialog.UriOf(t.Uri)) && string.Equals(_a.User, _b.User) && _a.Port == _b.Port
                    && string.Equals(_a.Host.ToLower(), _b.Host.ToLower()))
                {
                    return t;
                }
            }

            return null;
        }
    }
}
