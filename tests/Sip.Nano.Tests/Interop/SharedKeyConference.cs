using NanoMikey.Mikey.Session;
using NanoMikey.Sip.Keying;
using NanoMikey.Sip.UserAgent;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Sip.Tests.Interop
{
    /// <summary>
    /// The conference unit's keying for a shared-key conference (RFC 5197 §5.4, "invites each participant with the same
    /// offer"): one <see cref="SipMikeyOffer"/>, written once, sent in every leg's INVITE. Each participant's answer is one
    /// fork of that offer (its own To-tag, its own SSRC; <see cref="SipMikeyOffer"/> refuses an SSRC already in use, the
    /// same two-time-pad rule as forking). Unlike a forked call no leg wins over the others: a leg keeps its fork's keys and
    /// never calls <see cref="SipMikeyOffer.Confirm"/> (which would wipe the other legs). The device API has no conference
    /// mode; this is the glue a conference role would hold, over the real keying.
    /// </summary>
    internal sealed class SharedKeyConference
    {
        private readonly SipMikeyOffer _offer;
        private readonly string _groupOffer;
        private readonly List<string> _participants;

        public SharedKeyConference(SipMikeyOffer offer, SipMikeyTarget group, SrtpPolicy policy, params string[] participants)
        {
            _offer = offer;
            Assert.Equal(SipMikeyStatus.Ok, offer.Build(group, policy));
            _groupOffer = offer.WriteOffer() ?? throw new InvalidOperationException("offer: " + offer.LastStatus);
            _participants = participants.ToList();
        }

        public SipMikeyOffer Offer => _offer;

        public string GroupOffer => _groupOffer;

        /// <summary>The keying of one leg (one user agent of the unit inviting one participant).</summary>
        public ISipCallerKeying Leg() => new LegKeying(this);

        private sealed class LegKeying : ISipCallerKeying
        {
            private readonly SharedKeyConference _c;
            private string? _tag;

            public LegKeying(SharedKeyConference c) => _c = c;

            // The same offer for every invited participant; none for anyone else.
            public string? WriteOffer(string targetUri) => _c._participants.Contains(targetUri) ? _c._groupOffer : null;

            public SipKeyOutcome AcceptAnswer(string toTag, string mikeyBase64)
            {
                SipMikeyStatus s = _c._offer.AcceptAnswer(toTag, mikeyBase64);
                if (s == SipMikeyStatus.Ok) return SipKeyOutcome.Accepted;
                return s == SipMikeyStatus.Retransmission ? SipKeyOutcome.Retransmission : SipKeyOutcome.Refused;
            }

            public CryptoSessionBundle? EarlyKeys(string toTag) => _c._offer.EarlyBundle(toTag);

            public SipKeyOutcome Confirm(string toTag)
            {
                if (_c._offer.EarlyBundle(toTag) == null) return SipKeyOutcome.Refused;
                _tag = toTag;
                return SipKeyOutcome.Accepted;
            }

            public CryptoSessionBundle? Keys => _tag == null ? null : _c._offer.EarlyBundle(_tag);

            public void Drop(string toTag) => _c._offer.Drop(toTag);

            // The leg ended: its participant's keys go, the other legs keep theirs.
            public void Reset()
            {
                if (_tag != null) _c._offer.Drop(_tag);
                _tag = null;
            }
        }
    }
}
