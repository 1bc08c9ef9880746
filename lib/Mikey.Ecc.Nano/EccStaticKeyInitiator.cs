using System;
using NanoMikey.Crypto.Hal;
using NanoMikey.Crypto.Random;
using NanoMikey.Ecc;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Time;

namespace NanoMikey.Mikey.Ecc
{
    /// <summary>
    /// An initiator that knows the responder's static key before the exchange (ECIES, ECMQV: docs/ecc-profile.md §3, §4):
    /// the keys are in <see cref="EccInitiator.Bundle"/> once the offer is written; with <see cref="RequestVerification"/>
    /// the responder's V (HDR, T, [IDr], V, RFC 3830 §5.2) completes the exchange.
    /// </summary>
    public abstract class EccStaticKeyInitiator : EccInitiator
    {
        internal readonly KemacProtection Protection;
        internal bool AwaitingAnswer;
        private readonly DataType _verificationType;

        internal EccStaticKeyInitiator(IAesEngineFactory aesFactory, HmacDrbg drbg, IMikeyClock clock, EccCredentials credentials, EccPeerTrust peer,
            DataType verificationType)
            : base(drbg, clock, credentials, peer)
        {
            if (aesFactory == null) throw new ArgumentNullException();
            Protection = new KemacProtection(aesFactory, X.Kd);
            Mac = MacAlgorithm.HmacSha256256;
            _verificationType = verificationType;
        }

        /// <summary>Set the V flag: the responder answers with a verification message.</summary>
        public bool RequestVerification { get; set; }

        /// <summary>MAC algorithm of V (and of the KEMAC in ECIES); HMAC-SHA-256-256 by default.</summary>
        public MacAlgorithm Mac { get; set; }

        /// <summary>
        /// Takes the responder's certificate (DER) as its static key: checked against the trust at the local time and, when an
        /// IDr is set, its identity (docs/ecc-profile.md §1.4).
        /// </summary>
        /// <param name="der">Buffer holding the certificate.</param>
        /// <param name="offset">Offset of the certificate.</param>
        /// <param name="length">Certificate length.</param>
        /// <returns>Ok, or why the certificate is not acceptable (AuthenticationFailed, UnknownPeer).</returns>
        public MikeyExchangeStatus SetResponderCertificate(byte[] der, int offset, int length)
        {
            return X.SetResponderCertificate(der, offset, length);
        }

        /// <summary>Takes a pinned responder static key instead of a certificate.</summary>
        /// <param name="key">The responder's validated public key (copied).</param>
        public void SetResponderKey(P256PublicKey key)
        {
            X.SetResponderKey(key);
        }

        /// <inheritdoc/>
        public override MikeyExchangeStatus ReadAnswer(byte[] message, int offset, int length)
        {
            if (!AwaitingAnswer) return MikeyExchangeStatus.InvalidState;
            MikeyExchangeStatus s = X.ReadAnswerHead(message, offset, length, _verificationType);
            if (s == MikeyExchangeStatus.Ok) s = X.VerifyVerification(message, offset, Protection);
            if (s != MikeyExchangeStatus.Ok) return s;
            X.ApplyAnswerMap(X.Bundle);
            Protection.Clear();
            AwaitingAnswer = false;
            IsComplete = true;
            return MikeyExchangeStatus.Ok;
        }

        /// <summary>Checks what every offer needs: sessions, own key and identity, the responder's key, a usable V algorithm.</summary>
        internal MikeyExchangeStatus CanOffer()
        {
            if (!X.Ready || !X.ResponderKey.HasValue) return MikeyExchangeStatus.InvalidState;
            if (Mac == MacAlgorithm.Null || KemacProtection.AuthenticationKeyLength(Mac) < 0) return MikeyExchangeStatus.Unsupported;
            AwaitingAnswer = false;
            IsComplete = false;
            return MikeyExchangeStatus.Ok;
        }

        /// <summary>After a written offer: complete now, or wait for V (keeping auth_key).</summary>
        internal MikeyExchangeStatus Offered()
        {
            OfferLength = X.Writer.Length;
            AwaitingAnswer = RequestVerification;
            IsComplete = !RequestVerification;
            if (!RequestVerification) Protection.Clear();
            return MikeyExchangeStatus.Ok;
        }

        internal override void ClearExchange()
        {
            Protection.Clear();
            AwaitingAnswer = false;
        }
    }
}
