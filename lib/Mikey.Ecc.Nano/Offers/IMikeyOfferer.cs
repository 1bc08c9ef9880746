using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Ecc.Offers
{
    /// <summary>
    /// The initiator of any MIKEY mode as the UDP transport sees it (the firmware's <c>MikeyUdpInitiator</c>, SIP's <c>SipMikeyOffer</c>): write the I_MESSAGE
    /// once, read answers until one is accepted. The modes' initiators share this shape but no base type (PSK lives in
    /// NanoMikey.Mikey, the ECC modes in NanoMikey.Mikey.Ecc); <see cref="PskOfferer"/> and <see cref="EccOfferer"/> adapt them.
    /// </summary>
    public interface IMikeyOfferer
    {
        /// <summary>The mode of the offers written.</summary>
        MikeyMode Mode { get; }

        /// <summary>Adds a crypto session (one SRTP stream with its policy) to the next offer.</summary>
        /// <param name="ssrc">SSRC of the stream (0: the responder fills it in, RFC 3830 §4.2.1).</param>
        /// <param name="roc">Initial rollover counter.</param>
        /// <param name="policy">SRTP policy.</param>
        /// <returns>The CS number (1-based).</returns>
        int AddCryptoSession(uint ssrc, uint roc, SrtpPolicy policy);

        /// <summary>Removes every crypto session and wipes the keys of the last exchange.</summary>
        void Reset();

        /// <summary>Writes the I_MESSAGE (fresh CSB ID, RAND and T).</summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Offset of the message.</param>
        /// <param name="capacity">Room for the message.</param>
        /// <returns>Ok, or why no offer was written.</returns>
        MikeyExchangeStatus WriteOffer(byte[] buffer, int offset, int capacity);

        /// <summary>Length of the offer written by the last <see cref="WriteOffer"/>.</summary>
        int OfferLength { get; }

        /// <summary>Takes an answer (or an error message, reported as ErrorReceived); on a failure nothing changes.</summary>
        /// <param name="message">Buffer holding the answer.</param>
        /// <param name="offset">Offset of the answer.</param>
        /// <param name="length">Answer length.</param>
        /// <returns>Ok when accepted; otherwise why not.</returns>
        MikeyExchangeStatus ReadAnswer(byte[] message, int offset, int length);

        /// <summary>
        /// Takes one of several answers to the same offer (a forked SIP INVITE, RFC 5197 §5.2) and writes that responder's keys
        /// into <paramref name="bundle"/>, keeping the offer open for further answers until <see cref="EndAnswers"/>.
        /// </summary>
        /// <param name="message">Buffer holding the answer.</param>
        /// <param name="offset">Offset of the answer.</param>
        /// <param name="length">Answer length.</param>
        /// <param name="bundle">Receives the fork's keys (only on Ok).</param>
        /// <returns>Ok; Unsupported for a mode whose offer only one responder can answer (ECIES, ECMQV); otherwise why not.</returns>
        MikeyExchangeStatus ReadForkAnswer(byte[] message, int offset, int length, CryptoSessionBundle bundle);

        /// <summary>Stops taking answers to the current offer and wipes the secrets that could accept one (ephemeral key, auth key).</summary>
        void EndAnswers();

        /// <summary>True once the exchange is complete (at once after the offer when no answer is expected).</summary>
        bool IsComplete { get; }

        /// <summary>The keys of the exchange (meaningful once <see cref="IsComplete"/>).</summary>
        CryptoSessionBundle Bundle { get; }

        /// <summary>The error code of the last error message <see cref="ReadAnswer"/> took.</summary>
        ErrorCode ReceivedError { get; }
    }
}
