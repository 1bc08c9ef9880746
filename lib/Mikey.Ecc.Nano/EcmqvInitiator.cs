using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Hal;
using NanoMikey.Crypto.Random;
using NanoMikey.Ecc;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Ecc
{
    /// <summary>
    /// The initiator of MIKEY-ECMQV (RFC 5197 §4.1.2, one-pass MQV of SEC 1 §3.4, docs/ecc-profile.md §4).
    /// <see cref="WriteOffer"/> writes HDR(240), T, RAND, IDi, CERTi, [IDr], {SP}, ECCPTi, SIGNi; the TGK follows from this
    /// party's static key, a fresh ephemeral key and the responder's static key, so the keys are in <see cref="Bundle"/> at
    /// once. With <see cref="RequestVerification"/> the responder's V confirms that it derived the same TGK.
    /// Allocation-free after construction.
    /// </summary>
    public sealed class EcmqvInitiator
    {
        private readonly InitiatorExchange _x;
        private readonly KemacProtection _protection;
        private readonly EcmqvTgk _kdf = new EcmqvTgk();
        private readonly P256PrivateKey _ephemeral = new P256PrivateKey();
        private readonly byte[] _point = new byte[P256PublicKey.UncompressedLength];
        private readonly byte[] _z = new byte[EcmqvP256.SecretLength];
        private readonly byte[] _tgk = new byte[EccProfileValues.TgkLength];
        private bool _awaitingAnswer;

        /// <summary>Creates an initiator.</summary>
        /// <param name="aesFactory">AES engines (for the message keys; ECMQV itself encrypts nothing).</param>
        /// <param name="drbg">Randomness for CSB ID, RAND and the ephemeral key.</param>
        /// <param name="clock">The local clock (T; certificate validity).</param>
        /// <param name="credentials">This party's static key (signs SIGNi and enters MQV), certificates and identity.</param>
        /// <param name="peer">How the responder's certificate is checked.</param>
        public EcmqvInitiator(IAesEngineFactory aesFactory, HmacDrbg drbg, IMikeyClock clock, EccCredentials credentials, EccPeerTrust peer)
        {
            if (aesFactory == null) throw new ArgumentNullException();
            _x = new InitiatorExchange(drbg, clock, credentials, peer);
            _protection = new KemacProtection(aesFactory, _x.Kd);
            SignatureType = EccProfileValues.EcdsaP256SignatureType;
            Mac = MacAlgorithm.HmacSha256256;
        }

        /// <summary>PRF for every derivation (MIKEY-1 by default).</summary>
        public PrfFunction Prf
        {
            get { return _x.Prf; }
            set { _x.Prf = value; }
        }

        /// <summary>SIGN S type written.</summary>
        public SignatureType SignatureType { get; set; }

        /// <summary>Set the V flag: the responder answers with a verification message (key confirmation).</summary>
        public bool RequestVerification { get; set; }

        /// <summary>V algorithm, sent as ECCPTi's Auth alg (HMAC-SHA-256-256 by default).</summary>
        public MacAlgorithm Mac { get; set; }

        /// <summary>The keys of this exchange: available after <see cref="WriteOffer"/>.</summary>
        public CryptoSessionBundle Bundle
        {
            get { return _x.Bundle; }
        }

        /// <summary>True once the exchange is complete (after the offer, or after a verified answer when one was requested).</summary>
        public bool IsComplete { get; private set; }

        /// <summary>Length of the offer written by the last <see cref="WriteOffer"/>.</summary>
        public int OfferLength { get; private set; }

        /// <summary>The error code of an error message received by <see cref="ReadAnswer"/>.</summary>
        public ErrorCode ReceivedError
        {
            get { return _x.ReceivedError; }
        }

        /// <summary>Names the responder in an IDr payload (length 0: none); set it before the responder's certificate.</summary>
        /// <param name="type">ID type.</param>
        /// <param name="id">Buffer holding the identity.</param>
        /// <param name="offset">Offset of the identity.</param>
        /// <param name="length">Identity length.</param>
        public void SetResponderIdentity(IdType type, byte[]? id, int offset, int length)
        {
            _x.SetResponderIdentity(type, id, offset, length);
        }

        /// <summary>Takes the responder's certificate (DER) as its static key, checked against the trust at the local time.</summary>
        /// <param name="der">Buffer holding the certificate.</param>
        /// <param name="offset">Offset of the certificate.</param>
        /// <param name="length">Certificate length.</param>
        /// <returns>Ok, or why the certificate is not acceptable.</returns>
        public MikeyExchangeStatus SetResponderCertificate(byte[] der, int offset, int length)
        {
            return _x.SetResponderCertificate(der, offset, length);
        }

        /// <summary>Takes a pinned responder static key instead of a certificate.</summary>
        /// <param name="key">The responder's validated public key (copied).</param>
        public void SetResponderKey(P256PublicKey key)
        {
            _x.SetResponderKey(key);
        }

        /// <summary>Adds a crypto session (see PskInitiator.AddCryptoSession).</summary>
        /// <param name="ssrc">SSRC (0: the responder fills it in).</param>
        /// <param name="roc">Initial rollover counter.</param>
        /// <param name="policy">SRTP policy (kept by reference until the offer is written).</param>
        /// <returns>The CS number (1-based).</returns>
        public int AddCryptoSession(uint ssrc, uint roc, SrtpPolicy policy)
        {
            return _x.AddCryptoSession(ssrc, roc, policy);
        }

        /// <summary>Removes every crypto session and wipes the keys.</summary>
        public void Reset()
        {
            _x.Reset();
            _protection.Clear();
            _awaitingAnswer = false;
            IsComplete = false;
        }

        /// <summary>Writes the I_MESSAGE and derives this side's keys.</summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Offset of the message.</param>
        /// <param name="capacity">Room for the message.</param>
        /// <returns>Ok, BufferTooSmall, Unsupported (MAC algorithm), or InvalidState (no sessions, key, identity or responder key).</returns>
        public MikeyExchangeStatus WriteOffer(byte[] buffer, int offset, int capacity)
        {
            OfferLength = 0;
            if (!_x.Ready || !_x.ResponderKey.HasValue) return MikeyExchangeStatus.InvalidState;
            if (Mac == MacAlgorithm.Null || KemacProtection.AuthenticationKeyLength(Mac) < 0) return MikeyExchangeStatus.Unsupported;
            _awaitingAnswer = false;
            IsComplete = false;
            _x.WriteHead(buffer, offset, capacity, EccProfileValues.EcmqvInitDataType, RequestVerification);
            _ephemeral.Generate(_x.Drbg);
            _ephemeral.PublicKey.ExportUncompressed(_point, 0);
            _x.Writer.WriteEccpt(EccProfileValues.Curve, _point, 0, _point.Length, Mac, EccProfileValues.TgkLength, KvType.Null, null, 0, 0, null, 0, 0);
            if (!_x.Close(SignatureType))
            {
                _ephemeral.Clear();
                return MikeyExchangeStatus.BufferTooSmall;
            }

            _x.SignClosed();
            // Z = x of the one-pass MQV point (SEC 1 §3.4), then the TGK (docs/ecc-profile.md §4.3).
            bool agreed = EcmqvP256.ComputeOnePassInitiator(_x.Credentials.Key, _ephemeral, _x.ResponderKey, _z, 0);
            _ephemeral.Clear();
            if (!agreed)
            {
                SecureMemory.Wipe(buffer, offset, _x.Writer.Length);
                return MikeyExchangeStatus.InvalidState;
            }

            _kdf.Derive(_z, _x.CsbId, _x.Rand, 0, _x.Rand.Length, _point, 0, _point.Length, _tgk, _tgk.Length);
            _x.FillBundle(_x.Bundle, _tgk, _tgk.Length);
            // auth_key for V: PRF(TGK, 0x2D22AC75 ‖ 0xFF ‖ CSB ID ‖ RAND), RFC 3830 §4.1.4 with the TGK as inkey.
            if (RequestVerification) _protection.DeriveKeys(Prf, _tgk, 0, _tgk.Length, _x.CsbId, _x.Rand, 0, _x.Rand.Length, EncryptionAlgorithm.Null, Mac);
            SecureMemory.Wipe(_tgk);
            OfferLength = _x.Writer.Length;
            _awaitingAnswer = RequestVerification;
            IsComplete = !RequestVerification;
            return MikeyExchangeStatus.Ok;
        }

        /// <summary>Takes the verification message (HDR(241), T, [IDr], V) or an error message.</summary>
        /// <param name="message">Buffer holding the answer.</param>
        /// <param name="offset">Offset of the answer.</param>
        /// <param name="length">Answer length.</param>
        /// <returns>Ok when verified; otherwise why not (the state stays as it was).</returns>
        public MikeyExchangeStatus ReadAnswer(byte[] message, int offset, int length)
        {
            if (!_awaitingAnswer) return MikeyExchangeStatus.InvalidState;
            MikeyExchangeStatus s = _x.ReadAnswerHead(message, offset, length, EccProfileValues.EcmqvVerificationDataType);
            if (s == MikeyExchangeStatus.Ok) s = _x.VerifyVerification(message, offset, _protection);
            if (s != MikeyExchangeStatus.Ok) return s;
            _x.ApplyAnswerMap(_x.Bundle);
            _protection.Clear();
            _awaitingAnswer = false;
            IsComplete = true;
            return MikeyExchangeStatus.Ok;
        }
    }
}
