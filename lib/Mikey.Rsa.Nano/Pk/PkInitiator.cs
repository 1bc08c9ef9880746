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
    /// (PKE C = 0, RFC 3830 §6.3): a re-key is a new PK exchange. The keys are in <see cref="RsaInitiator.Bundle"/> at once; with
    /// <see cref="RequestVerification"/> the exchange completes when <see cref="ReadAnswer"/> accepts the responder's V.
    /// Allocation-free after construction.
    /// </summary>
    public sealed class PkInitiator : RsaInitiator
    {
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
            : base(drbg, clock, credentials, peer)
        {
            if (aesFactory == null) throw new ArgumentNullException();
            _protection = new KemacProtection(aesFactory, X.Kd);
            Encryption = EncryptionAlgorithm.AesCm128;
            Mac = MacAlgorithm.HmacSha256256;
        }

        /// <summary>KEMAC encryption (AES-CM-128 by default).</summary>
        public EncryptionAlgorithm Encryption { get; set; }

        /// <summary>KEMAC MAC and V algorithm (HMAC-SHA-256-256 by default).</summary>
        public MacAlgorithm Mac { get; set; }

        /// <summary>Set the V flag: the responder answers with a verification message (RFC 3830 §3.2).</summary>
        public bool RequestVerification { get; set; }

        /// <summary>Takes the responder's certificate (DER) as the envelope key's recipient: checked with the trust at the local time and against IDr when set.</summary>
        /// <param name="der">Buffer holding the certificate.</param>
        /// <param name="offset">Offset of the certificate.</param>
        /// <param name="length">Certificate length.</param>
        /// <returns>Ok, or why the certificate is not acceptable (AuthenticationFailed, UnknownPeer).</returns>
        public MikeyExchangeStatus SetResponderCertificate(byte[] der, int offset, int length)
        {
            return X.SetResponderCertificate(der, offset, length);
        }

        /// <summary>Takes a pinned responder key instead of a certificate (no CHASH is sent then).</summary>
        /// <param name="key">The responder's public key (copied).</param>
        public void SetResponderKey(RsaPublicKey key)
        {
            X.SetResponderKey(key);
        }

        /// <summary>Writes the I_MESSAGE (HDR, T, RAND, IDi, CERTi..., [IDr], {SP}, KEMAC, [CHASH], PKE, SIGNi) and derives this side's keys.</summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Offset of the message.</param>
        /// <param name="capacity">Room for the message.</param>
        /// <returns>Ok, BufferTooSmall, Unsupported (an algorithm), ReseedRequired, or InvalidState (no sessions, key, identity or responder key).</returns>
        public override MikeyExchangeStatus WriteOffer(byte[] buffer, int offset, int capacity)
        {
            OfferLength = 0;
            if (!X.Ready(true) || !X.ResponderKey.HasValue) return MikeyExchangeStatus.InvalidState;
            if (KemacProtection.EncryptionKeyLength(Encryption) < 0 || Mac == MacAlgorithm.Null || KemacProtection.AuthenticationKeyLength(Mac) < 0
                || !RsaMessageSignature.Supports(SignatureType))
            {
                return MikeyExchangeStatus.Unsupported;
            }

            // RAND, CSB ID, env_key, TGK, the PKCS#1 padding string (byte by byte at worst), the PSS salt.
            if (!X.Drbg.CanGenerate(6 + RsaModeValues.MaxModulusLength)) return MikeyExchangeStatus.ReseedRequired;
            _awaiting = false;
            IsComplete = false;
            X.WriteHead(buffer, offset, capacity, DataType.PublicKey, RequestVerification, true, true);
            X.Drbg.Generate(_envelopeKey, 0, _envelopeKey.Length);
            X.Drbg.Generate(_tgk, 0, _tgk.Length);
            MikeyWriter w = X.Writer;
            RsaCredentials c = X.Credentials;

            // KEMAC = E(encr_key, IDi ‖ TGK) ‖ MAC (RFC 3830 §3.2), CHASH of the responder's certificate, PKE = E(PKr, env_key).
            w.BeginKemac(Encryption);
            w.WriteId(c.IdentityType, c.Identity, 0, c.IdentityLength);
            w.WriteKeyData(KeyDataType.Tgk, _tgk, 0, _tgk.Length, null, 0, 0, KvType.Null, null, 0, 0, null, 0, 0);
            w.EndKemac(Mac);
            int kemac = w.KemacOffset;
            int encrOffset = w.KemacEncrDataOffset;
            int encrLength = w.KemacEncrDataLength;
            if (X.HasResponderHash) w.WriteChash(HashFunction.Sha256, X.ResponderHash, 0);
            // RSAES-PKCS1-v1_5 (RFC 8017 §7.2.1); the padding string comes from the DRBG.
            int k = X.ResponderKey.ModulusLength;
            if (!_rsa.EncryptPkcs1(X.ResponderKey, _envelopeKey, 0, _envelopeKey.Length, X.Drbg, _pke, 0))
            {
                Wipe();
                SecureMemory.Wipe(buffer, offset, w.Length);
                return MikeyExchangeStatus.Unsupported;
            }

            w.WritePke(EnvelopeCacheType.NoCache, _pke, 0, k);
            if (!X.Close())
            {
                Wipe();
                return MikeyExchangeStatus.BufferTooSmall;
            }

            // KEMAC keys from the envelope key (RFC 3830 §4.1.4), with this offer's CSB ID and RAND.
            if (!_protection.DeriveKeys(Prf, _envelopeKey, 0, _envelopeKey.Length, X.CsbId, X.Rand, 0, X.Rand.Length, Encryption, Mac)
                || !_protection.Encrypt(X.CsbId, X.T, buffer, encrOffset, encrLength))
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
            if (!X.SignClosed())
            {
                Wipe();
                _protection.Clear();
                return MikeyExchangeStatus.Unsupported;
            }

            X.FillBundle(X.Bundle, _tgk, _tgk.Length, X.Rand, X.Rand.Length);
            Wipe();
            OfferLength = w.Length;
            _awaiting = RequestVerification;
            IsComplete = !RequestVerification;
            if (!RequestVerification) _protection.Clear(); // auth_key is kept only to check V
            return MikeyExchangeStatus.Ok;
        }

        /// <summary>Takes the responder's verification message HDR, T, [IDr], V (or an error message, reported as ErrorReceived).</summary>
        /// <param name="message">Buffer holding the answer.</param>
        /// <param name="offset">Offset of the answer.</param>
        /// <param name="length">Answer length.</param>
        /// <returns>Ok when accepted; otherwise why not (nothing changes, so a genuine answer may still come).</returns>
        public override MikeyExchangeStatus ReadAnswer(byte[] message, int offset, int length)
        {
            if (!_awaiting) return MikeyExchangeStatus.InvalidState;
            MikeyExchangeStatus s = X.ReadAnswerHead(message, offset, length, DataType.PkVerification, 0, false, false);
            if (s == MikeyExchangeStatus.Ok) s = X.VerifyVerification(message, offset, _protection);
            if (s != MikeyExchangeStatus.Ok) return s;
            X.ApplyAnswerMap(X.Bundle);
            _protection.Clear();
            _awaiting = false;
            IsComplete = true;
            return MikeyExchangeStatus.Ok;
        }

        /// <inheritdoc/>
        public override void EndAnswers()
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
