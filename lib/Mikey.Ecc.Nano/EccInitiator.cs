using NanoMikey.Crypto.Random;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Ecc
{
    /// <summary>
    /// What every initiator of the ECC profile offers (docs/ecc-profile.md): crypto sessions, a signed I_MESSAGE written by
    /// <see cref="WriteOffer"/>, the answer read by <see cref="ReadAnswer"/>, the keys in <see cref="Bundle"/>.
    /// </summary>
    public abstract class EccInitiator
    {
        internal readonly InitiatorExchange X;

        internal EccInitiator(HmacDrbg drbg, IMikeyClock clock, EccCredentials credentials, EccPeerTrust peer)
        {
            X = new InitiatorExchange(drbg, clock, credentials, peer);
            SignatureType = EccProfileValues.EcdsaP256SignatureType;
        }

        /// <summary>PRF for every derivation (MIKEY-1 by default).</summary>
        public PrfFunction Prf
        {
            get { return X.Prf; }
            set { X.Prf = value; }
        }

        /// <summary>SIGN S type written and expected (<see cref="EccProfileValues.EcdsaP256SignatureType"/> by default).</summary>
        public SignatureType SignatureType { get; set; }

        /// <summary>The keys of this exchange (see <see cref="IsComplete"/>).</summary>
        public CryptoSessionBundle Bundle
        {
            get { return X.Bundle; }
        }

        /// <summary>True once the exchange is complete.</summary>
        public bool IsComplete { get; internal set; }

        /// <summary>Length of the offer written by the last <see cref="WriteOffer"/>.</summary>
        public int OfferLength { get; internal set; }

        /// <summary>The error code of an error message received by <see cref="ReadAnswer"/>.</summary>
        public ErrorCode ReceivedError
        {
            get { return X.ReceivedError; }
        }

        /// <summary>Names the responder in an IDr payload of the offer (length 0: none); set it before a responder certificate.</summary>
        /// <param name="type">ID type.</param>
        /// <param name="id">Buffer holding the identity.</param>
        /// <param name="offset">Offset of the identity.</param>
        /// <param name="length">Identity length.</param>
        public void SetResponderIdentity(IdType type, byte[]? id, int offset, int length)
        {
            X.SetResponderIdentity(type, id, offset, length);
        }

        /// <summary>Adds a crypto session: one SRTP stream with its policy; sessions sharing a policy object share one SP payload.</summary>
        /// <param name="ssrc">SSRC (0: the responder fills it in, RFC 3830 §4.2.1).</param>
        /// <param name="roc">Initial rollover counter.</param>
        /// <param name="policy">SRTP policy (kept by reference until the offer is written).</param>
        /// <returns>The CS number (1-based).</returns>
        public int AddCryptoSession(uint ssrc, uint roc, SrtpPolicy policy)
        {
            return X.AddCryptoSession(ssrc, roc, policy);
        }

        /// <summary>Removes every crypto session and wipes the keys and the exchange's secrets.</summary>
        public void Reset()
        {
            X.Reset();
            ClearExchange();
            IsComplete = false;
        }

        /// <summary>Writes the signed I_MESSAGE.</summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Offset of the message.</param>
        /// <param name="capacity">Room for the message.</param>
        /// <returns>Ok, BufferTooSmall, Unsupported (an algorithm), or InvalidState (no sessions, key, identity or peer key).</returns>
        public abstract MikeyExchangeStatus WriteOffer(byte[] buffer, int offset, int capacity);

        /// <summary>Takes the responder's answer (or an error message, reported as ErrorReceived).</summary>
        /// <param name="message">Buffer holding the answer.</param>
        /// <param name="offset">Offset of the answer.</param>
        /// <param name="length">Answer length.</param>
        /// <returns>Ok when accepted; otherwise why not (nothing changes, so a genuine answer may still come).</returns>
        public abstract MikeyExchangeStatus ReadAnswer(byte[] message, int offset, int length);

        /// <summary>
        /// Takes one of several answers to the same offer (a forked SIP INVITE, RFC 5197 §5.2) and writes that responder's keys
        /// into <paramref name="bundle"/> without ending the exchange, so further answers can be read until
        /// <see cref="EndAnswers"/>. Only ECDH-SIGN supports it (each responder's DH value gives its own TGK); an ECIES or ECMQV
        /// offer is built for one responder's static key, so this returns Unsupported.
        /// </summary>
        /// <param name="message">Buffer holding the answer.</param>
        /// <param name="offset">Offset of the answer.</param>
        /// <param name="length">Answer length.</param>
        /// <param name="bundle">Receives the fork's keys (only on Ok).</param>
        /// <returns>Ok, or why not (nothing changes).</returns>
        public virtual MikeyExchangeStatus ReadForkAnswer(byte[] message, int offset, int length, CryptoSessionBundle bundle)
        {
            return MikeyExchangeStatus.Unsupported;
        }

        /// <summary>Ends reading answers to the current offer: wipes the exchange's secrets (the ephemeral key) so no later answer is accepted.</summary>
        public void EndAnswers()
        {
            ClearExchange();
        }

        // The mode's secrets and answer state.
        internal abstract void ClearExchange();
    }
}
