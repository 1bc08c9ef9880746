using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Ecc
{
    /// <summary>
    /// What every responder of the ECC profile offers (docs/ecc-profile.md): <see cref="Respond"/> takes an I_MESSAGE and
    /// writes the answer or an error message; the keys of the last completed exchange are in <see cref="Bundle"/>. Checks
    /// run in the order of RFC 3830 §5.3 and the bundle changes only when every check passed.
    /// </summary>
    public abstract class EccResponder
    {
        internal readonly ResponderExchange X;

        internal EccResponder(IMikeyClock clock, ReplayCache replayCache, EccCredentials credentials, EccPeerTrust peer)
        {
            X = new ResponderExchange(clock, replayCache, credentials, peer);
            SignatureType = EccProfileValues.EcdsaP256SignatureType;
        }

        /// <summary>SIGN S type expected (and written, where the answer is signed).</summary>
        public SignatureType SignatureType { get; set; }

        /// <summary>The local minimum every offered SRTP policy must meet; an offer below it is answered with Invalid SP.</summary>
        public SrtpMinimumPolicy Minimum
        {
            get { return X.Minimum; }
            set { X.Minimum = value; }
        }

        /// <summary>Peer tolerances applied when reading policies.</summary>
        public MikeyQuirks Quirks
        {
            get { return X.Quirks; }
            set { X.Quirks = value; }
        }

        /// <summary>The keys of the last completed exchange.</summary>
        public CryptoSessionBundle Bundle
        {
            get { return X.Bundle; }
        }

        /// <summary>Length of the answer written by the last <see cref="Respond"/> (0 when there is nothing to send).</summary>
        public int AnswerLength
        {
            get { return X.AnswerLength; }
        }

        /// <summary>The MIKEY error code that fits the last failure (also carried by the error message written).</summary>
        public ErrorCode ErrorCode
        {
            get { return X.ErrorCode; }
        }

        /// <summary>Processes an I_MESSAGE and writes the answer (when the mode has one), or an error message on a failure.</summary>
        /// <param name="message">Buffer holding the received message.</param>
        /// <param name="offset">Offset of the message.</param>
        /// <param name="length">Message length.</param>
        /// <param name="answer">Buffer for the answer.</param>
        /// <param name="answerOffset">Offset of the answer.</param>
        /// <param name="answerCapacity">Room for the answer.</param>
        /// <returns>The outcome.</returns>
        public abstract MikeyExchangeStatus Respond(byte[] message, int offset, int length, byte[] answer, int answerOffset, int answerCapacity);
    }
}
