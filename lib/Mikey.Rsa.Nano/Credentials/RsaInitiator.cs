using NanoMikey.Crypto.Random;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Rsa;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Rsa
{
    /// <summary>
    /// What every initiator of the RSA modes offers: crypto sessions, a signed I_MESSAGE written by <see cref="WriteOffer"/>,
    /// the answer read by <see cref="ReadAnswer"/>, the keys in <see cref="Bundle"/> (see <see cref="IsComplete"/>).
    /// </summary>
    public abstract class RsaInitiator
    {
        internal readonly RsaInitiatorExchange X;

        internal RsaInitiator(HmacDrbg drbg, IMikeyClock clock, RsaCredentials credentials, RsaPeerTrust peer)
        {
            X = new RsaInitiatorExchange(drbg, clock, credentials, peer);
        }

        /// <summary>PRF for every derivation (MIKEY-1 by default).</summary>
        public PrfFunction Prf
        {
            get { return X.Prf; }
            set { X.Prf = value; }
        }

        /// <summary>SIGN S type written and expected: PKCS#1 v1.5 (0, RFC 3830 §4.2.6's mandatory scheme) by default, or PSS (1).</summary>
        public SignatureType SignatureType
        {
            get { return X.SignatureType; }
            set { X.SignatureType = value; }
        }

        /// <summary>Hash inside SIGN: SHA-256 by default (RFC 3830 names none); SHA-1 for peers such as minisip.</summary>
        public RsaHash SignatureHash
        {
            get { return X.SignatureHash; }
            set { X.SignatureHash = value; }
        }

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
            EndAnswers();
            IsComplete = false;
        }

        /// <summary>Writes the signed I_MESSAGE.</summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Offset of the message.</param>
        /// <param name="capacity">Room for the message.</param>
        /// <returns>Ok, BufferTooSmall, Unsupported (an algorithm), ReseedRequired, or InvalidState (no sessions, key, identity or peer key).</returns>
        public abstract MikeyExchangeStatus WriteOffer(byte[] buffer, int offset, int capacity);

        /// <summary>Takes the responder's answer (or an error message, reported as ErrorReceived).</summary>
        /// <param name="message">Buffer holding the answer.</param>
        /// <param name="offset">Offset of the answer.</param>
        /// <param name="length">Answer length.</param>
        /// <returns>Ok when accepted; otherwise why not (nothing changes, so a genuine answer may still come).</returns>
        public abstract MikeyExchangeStatus ReadAnswer(byte[] message, int offset, int length);

        /// <summary>Stops reading answers to the current offer: wipes the exchange's secrets so no later answer is accepted.</summary>
        public abstract void EndAnswers();
    }
}
