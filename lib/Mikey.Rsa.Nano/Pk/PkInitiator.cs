using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Hal;
using NanoMikey.Crypto.Random;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Rsa;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Rsa
{
    /// <summary>
    /// The initiator of MIKEY public-key mode (RFC 3830 §3.2). <see cref="WriteOffer"/> writes HDR, T, RAND, IDi, CERTi...,
    /// [IDr], {SP}, KEMAC, [CHASH], PKE, SIGNi: a random envelope key encrypted to the responder's RSA key with RSAES-PKCS1-v1_5
    /// (RFC 3830 §4.2.5's mandatory scheme) protects the KEMAC holding IDi and a random TGK. The envelope key is not cached
    /// (PKE C = 0, RFC 3830 §6.3): a re-key is a new PK exchange. The keys are in <see cref="Bundle"/> at once; with
    /// <see cref="RequestVerification"/> the exchange completes when <see cref="ReadAnswer"/> accepts the responder's V.
    /// Allocation-free after construction.
    /// </summary>
    public sealed class PkInitiator
    {
        private readonly RsaInitiatorExchange _x;
        private readonly KemacProtection _protection;
        private readonly RsaEncryption _rsa = new RsaEncryption(RsaPublicKey.MaxBits);
        private readonly byte[] _envelopeKey = new byte[RsaModeValues.EnvelopeKeyLength];
        private readonly byte[] _tgk = new byte[RsaModeValues.TgkLength];
        private readonly byte[] _pke = new byte[RsaModeValues.MaxModulusLength];
        private readonly byte[] _zero = new byte[1];
        private bool _awaiting;

        /// <summary>Creates an initiator.</summary>
        /// <param name="aesFactory">AES engines (KEMAC AES-CM).</param>
        /// <param name="drbg">Randomness for CSB ID, RAND, envelope key, TGK, PKCS#1 padding and PSS salts.</param>
        /// <param name="clock">The local clock (T; certificate validity).</param>
        /// <param name="credentials">This party's key, certificates and identity.</param>
        /// <param name="peer">How the responder's certificate is checked.</param>
        public PkInitiator(IAesEngineFactory aesFactory, HmacDrbg drbg, IMikeyClock clock, RsaCredentials credentials, RsaPeerTrust peer)
        {
            if (aesFactory == null) throw new ArgumentNullException();
            _x = new RsaInitiatorExchange(drbg, clock, credentials, peer);
            _protection = new KemacProtection(aesFactory, _x.Kd);
            Encryption = EncryptionAlgorithm.AesCm128;
            Mac = MacAlgorithm.HmacSha256256;
        }

        /// <summary>PRF for every derivation (MIKEY-1 by default).</summary>
        public PrfFunction Prf
        {
            get { return _x.Prf; }
            set { _x.Prf = value; }
        }

        /// <summary>SIGN S type written: PKCS#1 v1.5 (0, RFC 3830 §4.2.6's mandatory scheme) by default, or PSS (1).</summary>
        public SignatureType SignatureType
        {
            get { return _x.SignatureType; }
            set { _x.SignatureType = value; }
        }

        /// <summary>Hash inside SIGN (SHA-256 by default; RFC 3830 names none).</summary>
        public RsaHash SignatureHash
        {
            get { return _x.SignatureHash; }
            set { _x.SignatureHash = value; }
        }

        /// <summary>KEMAC encryption (AES-CM-128 by default).</summary>
        public EncryptionAlgorithm Encryption { get; set; }

        /// <summary>KEMAC MAC and V algorithm (HMAC-SHA-256-256 by default).</summary>
        public MacAlgorithm Mac { get; set; }

        /// <summary>Set the V flag: the responder answers with a verification message (RFC 3830 §3.2).</summary>
        public bool RequestVerification { get; set; }

        /// <summary>The keys of this exchange (see <see cref="IsComplete"/>).</summary>
        public CryptoSessionBundle Bundle
        {
            get { return _x.Bundle; }
        }

        /// <summary>True once the exchange is complete.</summary>
        public bool IsComplete { get; private set; }

        /// <summary>Length of the offer written by the last <see cref="WriteOffer"/>.</summary>
        public int OfferLength { get; private set; }

        /// <summary>The error code of an error message received by <see cref="ReadAnswer"/>.</summary>
        public ErrorCode ReceivedError
        {
            get { return _x.ReceivedError; }
        }

        /// <summary>Names the responder in an IDr payload of the offer (length 0: none); set it before a responder certificate.</summary>
        /// <param name="type">ID type.</param>
        /// <param name="id">Buffer holding the identity.</param>
        /// <param name="offset">Offset of the identity.</param>
        /// <param name="length">Identity length.</param>
        public void SetResponderIdentity(IdType type, byte[]? id, int offset, int length)
        {
            _x.SetResponderIdentity(type, id, offset, length);
        }

        /// <summary>Takes the responder's certificate (DER) as the envelope key's recipient: checked with the trust at the local time and against IDr when set.</summary>
        /// <param name="der">Buffer holding the certificate.</param>
        /// <param name="offset">Offset of the certificate.</param>
        /// <param name="length">Certificate length.</param>
        /// <returns>Ok, or why the certificate is not acceptable (AuthenticationFailed, UnknownPeer).</returns>
        public MikeyExchangeStatus SetResponderCertificate(byte[] der, int offset, int length)
        {
            return _x.SetResponderCertificate(der, offset, length);
        }

        /// <summary>Takes a pinned responder key instead of a certificate (no CHASH is sent then).</summary>
        /// <param name="key">The responder's public key (copied).</param>
        public void SetResponderKey(RsaPublicKey key)
        {
            _x.SetResponderKey(key);
        }

        /// <summary>Adds a crypto session: one SRTP stream with its policy; sessions sharing a policy object share one SP payload.</summary>
        /// <param name="ssrc">SSRC (0: the responder fills it in, RFC 3830 §4.2.1).</param>
        /// <param name="roc">Initial rollover counter.</param>
        /// <param name="policy">SRTP policy (kept by reference until the offer is written).</param>
        /// <returns>The CS number (1-based).</returns>
        public int AddCryptoSession(uint ssrc, uint roc, SrtpPolicy policy)
        {
            return _x.AddCryptoSession(ssrc, roc, policy);
        }

        /// <summary>Removes every crypto session and wipes the keys and the exchange's secrets.</summary>
        public void Reset()
        {
            _x.Reset();
            _protection.Clear();
            _awaiting = false;
            IsComplete = false;
        }

        /// <summary>Writes the I_MESSAGE (HDR, T, RAND, IDi, CERTi..., [IDr], {SP}, KEMAC, [CHASH], PKE, SIGNi) and derives this side's keys.</summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Offset of the message.</param>
        /// <param name="capacity">Room for the message.</param>
        /// <returns>Ok, BufferTooSmall, Unsupported (an algorithm), ReseedRequired, or InvalidState (no sessions, key, identity or responder key).</returns>
        public MikeyExchangeStatus WriteOffer(byte[] buffer, int offset, int capacity)
        {
            OfferLength = 0;
            if (!_x.Ready(true) || !_x.ResponderKey.HasValue) return MikeyExchangeStatus.InvalidState;
            if (KemacProtection.EncryptionKeyLength(Encryption) < 0 || Mac == MacAlgorithm.Null || KemacProtection.AuthenticationKeyLength(Mac) < 0
                || !RsaMessageSignature.Supports(SignatureType))
            {
                return MikeyExchangeStatus.Unsupported;
            }

            // RAND, CSB ID, env_key, TGK, the PKCS#1 padding string (byte by byte at worst), the PSS salt.
            if (!_x.Drbg.CanGenerate(6 + RsaModeValues.MaxModulusLength)) return MikeyExchangeStatus.ReseedRequired;
            _awaiting = false;
            IsComplete = false;
            _x.WriteHead(buffer, offset, capacity, DataType.PublicKey, RequestVerification, true, true);
            _x.Drbg.Generate(_envelopeKey, 0, _envelopeKey.Length);
            _x.Drbg.Generate(_tgk, 0, _tgk.Length);
            MikeyWriter w = _x.Writer;
            RsaCredentials c = _x.Credentials;

            // KEMAC = E(encr_key, IDi ‖ TGK) ‖ MAC (RFC 3830 §3.2), CHASH of the responder's certificate, PKE = E(PKr, env_key).
            w.BeginKemac(Encryption);
            w.WriteId(c.IdentityType, c.Identity, 0, c.IdentityLength);
            w.WriteKeyData(KeyDataType.Tgk, _tgk, 0, _tgk.Length, null, 0, 0, KvType.Null, null, 0, 0, null, 0, 0);
            w.EndKemac(Mac);
            int kemac = w.KemacOffset;
            int encrOffset = w.KemacEncrDataOffset;
            int encrLength = w.KemacEncrDataLength;
            if (_x.HasResponderHash) w.WriteChash(HashFunction.Sha256, _x.ResponderHash, 0);
            // RSAES-PKCS1-v1_5 (RFC 8017 §7.2.1); the padding string comes from the DRBG.
            int k = _x.ResponderKey.ModulusLength;
            if (!_rsa.EncryptPkcs1(_x.ResponderKey, _envelopeKey, 0, _envelopeKey.Length, _x.Drbg, _pke, 0))
            {
                Wipe();
                SecureMemory.Wipe(buffer, offset, w.Length);
                return MikeyExchangeStatus.Unsupported;
            }

            w.WritePke(EnvelopeCacheType.NoCache, _pke, 0, k);
            if (!_x.Close())
            {
                Wipe();
                return MikeyExchangeStatus.BufferTooSmall;
            }

            // KEMAC keys from the envelope key (RFC 3830 §4.1.4), with this offer's CSB ID and RAND.
            if (!_protection.DeriveKeys(Prf, _envelopeKey, 0, _envelopeKey.Length, _x.CsbId, _x.Rand, 0, _x.Rand.Length, Encryption, Mac)
                || !_protection.Encrypt(_x.CsbId, _x.T, buffer, encrOffset, encrLength))
            {
                // No engine for the algorithm, or AES-KW-128 with a Key data chain that is not a multiple of 8 bytes.
                Wipe();
                _protection.Clear();
                SecureMemory.Wipe(buffer, offset, w.Length);
                return MikeyExchangeStatus.Unsupported;
            }

            // The KEMAC MAC covers the KEMAC alone, its Next payload byte taken as 0 (RFC 3830 §5.2, PK mode).
            int macOffset = encrOffset + encrLength + 1;
            _protection.ComputeMac(_zero, 0, 1, buffer, kemac + 1, macOffset - kemac - 1, buffer, macOffset);
            if (!_x.SignClosed())
            {
                Wipe();
                _protection.Clear();
                return MikeyExchangeStatus.Unsupported;
            }

            _x.FillBundle(_x.Bundle, _tgk, _tgk.Length, _x.Rand, _x.Rand.Length);
            Wipe();
            OfferLength = w.Length;
            _awaiting = RequestVerification;
            IsComplete = !RequestVerification;
            if (!RequestVerification) _protection.Clear(); // auth_key is kept only to check V
            return MikeyExchangeStatus.Ok;
        }

        /// <summary>Takes the responder's verification message (or an error message, reported as ErrorReceived).</summary>
        /// <param name="message">Buffer holding the answer.</param>
        /// <param name="offset">Offset of the answer.</param>
        /// <param name="length">Answer length.</param>
        /// <returns>Ok when accepted; otherwise why not (nothing changes, so a genuine answer may still come).</returns>
        public MikeyExchangeStatus ReadAnswer(byte[] message, int offset, int length)
        {
            if (!_awaiting) return MikeyExchangeStatus.InvalidState;
            MikeyExchangeStatus s = _x.ReadAnswerHead(message, offset, length, DataType.PkVerification, 0, false, false);
            if (s == MikeyExchangeStatus.Ok) s = _x.VerifyVerification(message, offset, _protection);
            if (s != MikeyExchangeStatus.Ok) return s;
            _x.ApplyAnswerMap(_x.Bundle);
            _protection.Clear();
            _awaiting = false;
            IsComplete = true;
            return MikeyExchangeStatus.Ok;
        }

        /// <summary>Stops waiting for the verification message: wipes auth_key so no later answer is accepted.</summary>
        public void EndAnswers()
        {
            _protection.Clear();
            _awaiting = false;
        }

        private void Wipe()
        {
            SecureMemory.Wipe(_envelopeKey);
            SecureMemory.Wipe(_tgk);
            SecureMemory.Wipe(_pke);
        }
    }
}
