using System;
using NanoMikey.Mikey.Session;
using NanoMikey.Sip.Keying;

namespace NanoMikey.Sip.UserAgent
{
    /// <summary>The device's callee keying for <see cref="SipUserAgent"/>: a <see cref="SipMikeyAnswerer"/> (its responders' replay cache refuses a replayed offer).</summary>
    public sealed class SipMikeyCalleeKeying : ISipCalleeKeying
    {
        private readonly SipMikeyAnswerer _answerer;

        /// <summary>Wraps an answerer.</summary>
        /// <param name="answerer">The answerer, its modes accepted and its own stream set.</param>
        public SipMikeyCalleeKeying(SipMikeyAnswerer answerer)
        {
            if (answerer == null) throw new ArgumentNullException();
            _answerer = answerer;
        }

        /// <summary>The answerer (its <see cref="SipMikeyAnswerer.MikeyStatus"/> says why an offer was refused).</summary>
        public SipMikeyAnswerer Answerer
        {
            get { return _answerer; }
        }

        /// <inheritdoc />
        public string? Answer(string offerBase64)
        {
            return _answerer.Answer(offerBase64) == SipMikeyStatus.Ok ? _answerer.AnswerData : null;
        }

        /// <inheritdoc />
        public CryptoSessionBundle? Keys
        {
            get { return _answerer.Bundle.Count > 0 ? _answerer.Bundle : null; }
        }

        /// <inheritdoc />
        public void Clear()
        {
            _answerer.Bundle.Clear();
        }
    }
}
