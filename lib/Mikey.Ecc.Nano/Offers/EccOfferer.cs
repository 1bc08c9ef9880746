using System;
using NanoMikey.Crypto;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Ecc.Offers
{
    /// <summary>An <see cref="EccInitiator"/> of any ECC mode (ECDH-SIGN, ECIES, ECMQV) as an <see cref="IMikeyOfferer"/>.</summary>
    [HotPath]
    public sealed class EccOfferer : IMikeyOfferer
    {
        private readonly EccInitiator _initiator;
        private readonly MikeyMode _mode;

        /// <summary>Wraps an initiator; its credentials, trust, peer and options stay the caller's to set.</summary>
        /// <param name="initiator">An <see cref="EcdhSignInitiator"/>, <see cref="EciesInitiator"/> or <see cref="EcmqvInitiator"/>.</param>
        public EccOfferer(EccInitiator initiator)
        {
            if (initiator == null) throw new ArgumentNullException();
            if (initiator is EcdhSignInitiator) _mode = MikeyMode.EcdhSign;
            else if (initiator is EciesInitiator) _mode = MikeyMode.Ecies;
            else if (initiator is EcmqvInitiator) _mode = MikeyMode.Ecmqv;
            else throw new ArgumentException();
            _initiator = initiator;
        }

        /// <summary>The wrapped initiator.</summary>
        public EccInitiator Initiator
        {
            get { return _initiator; }
        }

        /// <inheritdoc/>
        public MikeyMode Mode
        {
            get { return _mode; }
        }

        /// <inheritdoc/>
        public int AddCryptoSession(uint ssrc, uint roc, SrtpPolicy policy)
        {
            return _initiator.AddCryptoSession(ssrc, roc, policy);
        }

        /// <inheritdoc/>
        public void Reset()
        {
            _initiator.Reset();
        }

        /// <inheritdoc/>
        public MikeyExchangeStatus WriteOffer(byte[] buffer, int offset, int capacity)
        {
            return _initiator.WriteOffer(buffer, offset, capacity);
        }

        /// <inheritdoc/>
        public int OfferLength
        {
            get { return _initiator.OfferLength; }
        }

        /// <inheritdoc/>
        public MikeyExchangeStatus ReadAnswer(byte[] message, int offset, int length)
        {
            return _initiator.ReadAnswer(message, offset, length);
        }

        /// <inheritdoc/>
        public MikeyExchangeStatus ReadForkAnswer(byte[] message, int offset, int length, CryptoSessionBundle bundle)
        {
            return _initiator.ReadForkAnswer(message, offset, length, bundle);
        }

        /// <inheritdoc/>
        public void EndAnswers()
        {
            _initiator.EndAnswers();
        }

        /// <inheritdoc/>
        public bool IsComplete
        {
            get { return _initiator.IsComplete; }
        }

        /// <inheritdoc/>
        public CryptoSessionBundle Bundle
        {
            get { return _initiator.Bundle; }
        }

        /// <inheritdoc/>
        public ErrorCode ReceivedError
        {
            get { return _initiator.ReceivedError; }
        }
    }
}
