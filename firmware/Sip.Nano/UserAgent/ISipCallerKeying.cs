using NanoMikey.Mikey.Session;

namespace NanoMikey.Sip.UserAgent
{
    /// <summary>
    /// The caller's MIKEY state through a SIP call (RFC 5197 §5): one offer, one MIKEY state per early dialog (To-tag),
    /// the winner's keys kept. <c>NanoMikey.Sip.Keying.SipMikeyOffer</c> is the device's; tests may bring their own.
    /// </summary>
    public interface ISipCallerKeying
    {
        /// <summary>Writes a new offer built for <paramref name="targetUri"/> (again after a redirect, RFC 5197 §5.3); earlier forks are dropped.</summary>
        /// <param name="targetUri">The Request-URI the INVITE goes to.</param>
        /// <returns>The MIKEY message in base64 for <c>a=key-mgmt:mikey</c>, or null when none can be built for that target.</returns>
        string? WriteOffer(string targetUri);

        /// <summary>Takes the MIKEY answer of the early dialog with To-tag <paramref name="toTag"/> (a new tag is a new fork, RFC 5197 §5.2).</summary>
        /// <param name="toTag">The dialog's To-tag.</param>
        /// <param name="mikeyBase64">The answer's <c>a=key-mgmt:mikey</c> data.</param>
        /// <returns>Accepted, Retransmission (same tag, same bytes) or Refused (nothing changed).</returns>
        SipKeyOutcome AcceptAnswer(string toTag, string mikeyBase64);

        /// <summary>The keys of an accepted early dialog (early media, RFC 5197 §5.1), or null.</summary>
        /// <param name="toTag">The dialog's To-tag.</param>
        /// <returns>Its crypto sessions, or null.</returns>
        CryptoSessionBundle? EarlyKeys(string toTag);

        /// <summary>Keeps the winner's keys (the first 2xx) and wipes every other fork's.</summary>
        /// <param name="toTag">The winner's To-tag.</param>
        /// <returns>Accepted, or Refused when that dialog has no accepted answer.</returns>
        SipKeyOutcome Confirm(string toTag);

        /// <summary>The winner's keys after <see cref="Confirm"/>, else null.</summary>
        CryptoSessionBundle? Keys { get; }

        /// <summary>Wipes one fork's keys (a dialog ended with BYE, a refused fork).</summary>
        /// <param name="toTag">The dialog's To-tag.</param>
        void Drop(string toTag);

        /// <summary>Wipes every key of the call.</summary>
        void Reset();
    }
}
