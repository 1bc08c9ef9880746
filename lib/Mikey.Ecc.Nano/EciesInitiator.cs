using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Hal;
using NanoMikey.Crypto.Random;
using NanoMikey.Ecc;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Ecc
{
    /// <summary>
    /// The initiator of MIKEY-ECIES (RFC 3830 §3.2 public-key mode with ECIES, RFC 5197 §4.1.1, docs/ecc-profile.md §3).
    /// <see cref="WriteOffer"/> writes HDR, T, RAND, IDi, CERTi, [IDr], {SP}, KEMAC, [CHASH], PKE, SIGNi: a random envelope key
    /// encrypted with ECIES to the responder's key protects the KEMAC holding a random TGK. The keys are in
    /// <see cref="Bundle"/> at once; with <see cref="RequestVerification"/> the exchange completes when
    /// <see cref="ReadAnswer"/> accepts the responder's V. Allocation-free after construction.
    /// </summary>
    public sealed class EciesInitiator
    {
        private const int EnvelopeKeyLength = 32;

        private readonly InitiatorExchange _x;
        private readonly KemacProtection _protection;
        private readonly EciesP256 _ecies;
        private readonly byte[] _envelopeKey = new byte[EnvelopeKeyLength];
        private readonly byte[] _tgk = new byte[EccProfileValues.TgkLength];
        private readonly byte[] _pke = new byte[P256PublicKey.UncompressedLength + EnvelopeKeyLength + 32];
        private readonly byte[] _zero = new byte[1];
        private bool _awaitingAnswer;

        /// <summary>Creates an initiator.</summary>
        /// <param name="aesFactory">AES engines (KEMAC AES-CM, ECIES AES-128-CTR).</param>
        /// <param name="drbg">Randomness for CSB ID, RAND, envelope key, TGK and the ECIES ephemeral key.</param>
        /// <param name="clock">The local clock (T; certificate validity).</param>
        /// <param name="credentials">This party's key, certificates and identity.</param>
        /// <param name="peer">How the responder's certificate is checked (<see cref="SetResponderCertificate"/>) and whose V is expected.</param>
        public EciesInitiator(IAesEngineFactory aesFactory, HmacDrbg drbg, IMikeyClock clock, EccCredentials credentials, EccPeerTrust peer)
        {
            if (aesFactory == null) throw new ArgumentNullException();
            _x = new InitiatorExchange(drbg, clock, credentials, peer);
            _protection = new KemacProtection(aesFactory, _x.Kd);
            IAesEngine? engine = aesFactory.Create(16);
            if (engine == null) throw new ArgumentException(); // ECIES needs AES-128 (docs/ecc-profile.md §3)
            _ecies = new EciesP256(engine, 64, 32, false);
            SignatureType = EccProfileValues.EcdsaP256SignatureType;
            Encryption = EncryptionAlgorithm.AesCm128;
            Mac = MacAlgorithm.HmacSha256256;
        }

        /// <summary>PRF for every derivation (MIKEY-1 by default).</summary>
        public PrfFunction Prf
        {
            get { return _x.Prf; }
            set { _x.Prf = value; }
        }

        /// <summary>SIGN S type written (<see cref="EccProfileValues.EcdsaP256SignatureType"/> by default).</summary>
        public SignatureType SignatureType { get; set; }

        /// <summary>Set the V flag: the responder answers with a verification message.</summary>
        public bool RequestVerification { get; set; }

        /// <summary>KEMAC encryption (AES-CM-128 by default).</summary>
        public EncryptionAlgorithm Encryption { get; set; }

        /// <summary>KEMAC MAC and V algorithm (HMAC-SHA-256-256 by default).</summary>
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

        /// <summary>Names the responder in an IDr payload of the offer (length 0: none); set it before the responder's certificate.</summary>
        /// <param name="type">ID type.</param>
        /// <param name="id">Buffer holding the identity.</param>
        /// <param name="offset">Offset of the identity.</param>
        /// <param name="length">Identity length.</param>
        public void SetResponderIdentity(IdType type, byte[]? id, int offset, int length)
        {
            _x.SetResponderIdentity(type, id, offset, length);
        }

        /// <summary>
        /// Takes the responder's certificate (DER): checked against the trust at the local time and, when an IDr is set, its
        /// identity; its key receives the envelope key and its SHA-256 goes into CHASH.
        /// </summary>
        /// <param name="der">Buffer holding the certificate.</param>
        /// <param name="offset">Offset of the certificate.</param>
        /// <param name="length">Certificate length.</param>
        /// <returns>Ok, or why the certificate is not acceptable (AuthenticationFailed, UnknownPeer).</returns>
        public MikeyExchangeStatus SetResponderCertificate(byte[] der, int offset, int length)
        {
            return _x.SetResponderCertificate(der, offset, length);
        }

        /// <summary>Takes a pinned responder key instead of a certificate (no CHASH is sent).</summary>
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
        /// <returns>Ok, BufferTooSmall, Unsupported (algorithm), or InvalidState (no sessions, key, identity or responder key).</returns>
        public MikeyExchangeStatus WriteOffer(byte[] buffer, int offset, int capacity)
        {
            OfferLength = 0;
            if (!_x.Ready || !_x.ResponderKey.HasValue) return MikeyExchangeStatus.InvalidState;
            if (Mac == MacAlgorithm.Null || KemacProtection.EncryptionKeyLength(Encryption) < 0 || KemacProtection.AuthenticationKeyLength(Mac) < 0)
            {
                return MikeyExchangeStatus.Unsupported;
            }

            _awaitingAnswer = false;
            IsComplete = false;
            _x.WriteHead(buffer, offset, capacity, DataType.PublicKey, RequestVerification);
            _x.Drbg.Generate(_envelopeKey, 0, EnvelopeKeyLength);
            _x.Drbg.Generate(_tgk, 0, _tgk.Length);
            MikeyWriter w = _x.Writer;
            EccCredentials c = _x.Credentials;

            // KEMAC = E(encr_key, IDi ‖ TGK) ‖ MAC (RFC 3830 §3.2), CHASH of the responder's certificate, PKE = ECIES(env_key).
            w.BeginKemac(Encryption);
            w.WriteId(c.IdentityType, c.Identity, 0, c.IdentityLength);
            w.WriteKeyData(KeyDataType.Tgk, _tgk, 0, _tgk.Length, null, 0, 0, KvType.Null, null, 0, 0, null, 0, 0);
            w.EndKemac(Mac);
            int kemac = w.KemacOffset;
            int encrOffset = w.KemacEncrDataOffset;
            int encrLength = w.KemacEncrDataLength;
            if (_x.HasResponderHash) w.WriteChash(HashFunction.Sha256, _x.ResponderHash, 0);
            int n = _ecies.Encrypt(_x.Drbg, _x.ResponderKey, _envelopeKey, 0, EnvelopeKeyLength, null, 0, 0, null, 0, 0, _pke, 0);
            w.WritePke((EnvelopeCacheType)0, _pke, 0, n);
            if (!_x.Close(SignatureType))
            {
                Wipe();
                return MikeyExchangeStatus.BufferTooSmall;
            }

            // KEMAC keys from the envelope key (RFC 3830 §4.1.4).
            if (!_protection.DeriveKeys(Prf, _envelopeKey, 0, EnvelopeKeyLength, _x.CsbId, _x.Rand, 0, _x.Rand.Length, Encryption, Mac))
            {
                Wipe();
                SecureMemory.Wipe(buffer, offset, w.Length);
                return MikeyExchangeStatus.Unsupported;
            }

            _protection.Transform(_x.CsbId, _x.T, buffer, encrOffset, encrLength);
            // The KEMAC MAC covers the KEMAC alone, its Next payload byte taken as 0 (RFC 3830 §5.2, PK mode).
            int macOffset = encrOffset + encrLength + 1;
            _protection.ComputeMac(_zero, 0, 1, buffer, kemac + 1, macOffset - kemac - 1, buffer, macOffset);
            _x.SignClosed();
            _x.FillBundle(_x.Bundle, _tgk, _tgk.Length);
            Wipe();
            OfferLength = w.Length;
            _awaitingAnswer = RequestVerification;
            IsComplete = !RequestVerification;
            if (!RequestVerification) _protection.Clear();
            return MikeyExchangeStatus.Ok;
        }

        private void Wipe()
        {
            SecureMemory.Wipe(_envelopeKey);
            SecureMemory.Wipe(_tgk);
            SecureMemory.Wipe(_pke);
        }

        /// <summary>Takes the verification message (HDR, T, [IDr], V) or an error message.</summary>
        /// <param name="message">Buffer holding the answer.</param>
        /// <param name="offset">Offset of the answer.</param>
        /// <param name="length">Answer length.</param>
        /// <returns>Ok when verified; otherwise why not (the state stays as it was).</returns>
        public MikeyExchangeStatus ReadAnswer(byte[] message, int offset, int length)
        {
            if (!_awaitingAnswer) return MikeyExchangeStatus.InvalidState;
            MikeyExchangeStatus s = _x.ReadAnswerHead(message, offset, length, DataType.PkVerification);
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
