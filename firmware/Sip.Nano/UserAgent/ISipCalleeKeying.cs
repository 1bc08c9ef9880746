using NanoMikey.Mikey.Session;

namespace NanoMikey.Sip.UserAgent
{
    /// <summary>
    /// The callee's MIKEY answerer (RFC 4567, RFC 5197 §5): answers the offer of an incoming INVITE through a responder
    /// whose replay cache refuses a replayed offer. <c>NanoMikey.Sip.Keying.SipMikeyAnswerer</c> is the device's.
    /// </summary>
    public interface ISipCalleeKeying
    {
        /// <summary>Answers an offer.</summary>
        /// <param name="offerBase64">The INVITE's <c>a=key-mgmt:mikey</c> data.</param>
        /// <returns>The answer in base64 for our SDP, or null when the offer is refused (replay, authentication, policy).</returns>
        string? Answer(string offerBase64);

        /// <summary>The keys of the last accepted offer (with our own SSRC filled in), or null.</summary>
        CryptoSessionBundle? Keys { get; }

        /// <summary>Wipes the keys (the call ended or was refused).</summary>
        void Clear();
    }
}
