using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Hal;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Time;
using NanoMikey.Rsa;

namespace NanoMikey.Mikey.Rsa
{
    /// <summary>
    /// The responder of MIKEY public-key mode (RFC 3830 §3.2). <see cref="Respond"/> checks the I_MESSAGE in the order
    /// structure, freshness, signer (certificate chain or pin, identity) and SIGNi, CHASH — all before it opens PKE with its
    /// private key (RSAES-PKCS1-v1_5 with implicit rejection: a forged envelope yields a key that fails the KEMAC MAC) — then
    /// the KEMAC MAC, policies, the IDi inside the KEMAC and the keys; it answers with V when asked, or with an error message.
    /// Only uncached envelope keys (PKE C = 0) are taken: this side keeps no envelope key for PSK updates (RFC 3830 §3.2,
    /// §6.3). The bundle changes only when every check passed. Allocation-free after warm-up.
    /// </summary>
    public sealed class PkResponder : RsaResponder
    {
        private const int MaxEnvelopeKey = 64;

        private readonly KemacProtection _protection;
        private readonly RsaEncryption _rsa = new RsaEncryption(RsaPublicKey.MaxBits);
        private readonly KemacPayload _kemac = new KemacPayload();
        private readonly PkePayload _pke = new PkePayload();
        private readonly ChashPayload _chash = new ChashPayload();
        private readonly byte[] _envelopeKey = new byte[MaxEnvelopeKey];
        private readonly byte[] _plain = new byte[RsaModeValues.MaxKemacData];
        private readonly byte[] _zero = new byte[1];

        /// <summary>Creates a responder.</summary>
        /// <param name="aesFactory">AES engines (KEMAC AES-CM).</param>
        /// <param name="clock">The local clock (certificate validity, error messages).</param>
        /// <param name="replayCache">Freshness: skew window and the cache of accepted messages.</param>
        /// <param name="credentials">This party's private key (the envelope's recipient), certificate and identity.</param>
        /// <param name="peer">Whose signature an offer must carry.</param>
        public PkResponder(IAesEngineFactory aesFactory, IMikeyClock clock, ReplayCache replayCache, RsaCredentials credentials, RsaPeerTrust peer)
            : base(clock, replayCache, credentials, peer)
        {
            if (aesFactory == null) throw new ArgumentNullException();
            _protection = new KemacProtection(aesFactory, Kd);
        }

        /// <summary>Processes an I_MESSAGE; writes the V answer when the initiator asked for one, or an error message on a failure.</summary>
        /// <param name="message">Buffer holding the received message.</param>
        /// <param name="offset">Offset of the message.</param>
        /// <param name="length">Message length.</param>
        /// <param name="answer">Buffer for the answer.</param>
        /// <param name="answerOffset">Offset of the answer.</param>
        /// <param name="answerCapacity">Room for the answer.</param>
        /// <returns>The outcome.</returns>
        public override MikeyExchangeStatus Respond(byte[] message, int offset, int length, byte[] answer, int answerOffset, int answerCapacity)
        {
            MikeyExchangeStatus s = Process(message, offset, length);
            SecureMemory.Wipe(_envelopeKey);
            return CompleteWithVerification(s, message, answer, answerOffset, answerCapacity, DataType.PkVerification, _protection);
        }

        private MikeyExchangeStatus Process(byte[] message, int offset, int length)
        {
            // RFC 3830 §3.2: HDR, T, RAND, IDi, CERTi..., [IDr], {SP}, KEMAC, [CHASH], PKE, SIGNi.
            MikeyExchangeStatus s = ReadOffer(message, offset, length, DataType.PublicKey, true);
            if (s != MikeyExchangeStatus.Ok) return s;
            MessageLayout l = Layout;
            int m = ModeStart;
            int chash = l.ChashCount;
            if (l.KemacCount != 1 || l.PkeCount != 1 || chash > 1 || l.Count != m + 3 + chash
                || l.At(m) != PayloadType.Kemac || (chash == 1 && l.At(m + 1) != PayloadType.Chash) || l.At(m + 1 + chash) != PayloadType.Pke)
            {
                return Fail(ErrorCode.UnsupportedMessageType, MikeyExchangeStatus.Malformed);
            }

            // The initiator's signature first: nothing is decrypted for an unauthenticated sender.
            s = VerifySigned(message, offset, 0);
            if (s != MikeyExchangeStatus.Ok) return s;
            RsaCredentials c = Credentials;
            if (chash == 1)
            {
                // CHASH names the certificate the envelope key was encrypted to (RFC 3830 §6.8): it must be this party's.
                _chash.Bind(message, l.ChashOffset, l.ChashLength);
                if (_chash.HashFunction != HashFunction.Sha256 || c.CertificateCount == 0
                    || !ConstantTime.AreEqual(message, _chash.HashOffset, c.LeafHash, 0, c.LeafHash.Length))
                {
                    return Fail(ErrorCode.InvalidCert, MikeyExchangeStatus.AuthenticationFailed);
                }
            }

            _kemac.Bind(message, l.KemacOffset, l.KemacLength);
            EncryptionAlgorithm enc = _kemac.EncryptionAlgorithm;
            MacAlgorithm mac = _kemac.MacAlgorithm;
            if (KemacProtection.EncryptionKeyLength(enc) < 0) return Fail(ErrorCode.InvalidEa, MikeyExchangeStatus.Unsupported);
            if (mac == MacAlgorithm.Null || KemacProtection.AuthenticationKeyLength(mac) < 0) return Fail(ErrorCode.InvalidMac, MikeyExchangeStatus.Unsupported);
            _pke.Bind(message, l.PkeOffset, l.PkeLength);
            if (_pke.Cache != EnvelopeCacheType.NoCache) return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.Unsupported);

            // env_key = RSAES-PKCS1-v1_5 decryption (RFC 8017 §7.2.2). Implicit rejection: a bad envelope gives a wrong key,
            // caught by the KEMAC MAC below with the same error as a forged MAC.
            int n = _rsa.DecryptPkcs1(c.Key, message, _pke.DataOffset, _pke.DataLength, _envelopeKey, 0, _envelopeKey.Length);
            if (n < 16) return Fail(ErrorCode.AuthFailure, MikeyExchangeStatus.AuthenticationFailed);
            if (!_protection.DeriveKeys(Prf, _envelopeKey, 0, n, CsbId, message, l.RandValueOffset, l.RandValueLength, enc, mac))
            {
                return Fail(ErrorCode.InvalidEa, MikeyExchangeStatus.Unsupported);
            }

            // KEMAC MAC over the KEMAC alone with its Next payload byte as 0 (RFC 3830 §5.2, PK mode).
            int kemac = l.KemacOffset;
            if (!_protection.VerifyMac(_zero, 0, 1, message, kemac + 1, _kemac.MacOffset - kemac - 1, message, _kemac.MacOffset, _kemac.MacLength))
            {
                return Fail(ErrorCode.AuthFailure, MikeyExchangeStatus.AuthenticationFailed);
            }

            s = LoadSessions(message);
            if (s != MikeyExchangeStatus.Ok) return s;
            if (_kemac.EncrDataLength > _plain.Length) return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.Unsupported);
            int plainLength = _protection.Decrypt(CsbId, l.Timestamp64, message, _kemac.EncrDataOffset, _kemac.EncrDataLength, _plain, 0);
            if (plainLength == KemacProtection.WrapIntegrityFailed) return Fail(ErrorCode.AuthFailure, MikeyExchangeStatus.AuthenticationFailed);
            if (plainLength < 0) return Fail(ErrorCode.InvalidEa, MikeyExchangeStatus.Unsupported);

            // The encrypted IDi must be the signer's (RFC 3830 §3.2).
            if (!KemacNames(_plain, plainLength, l.IdTypes[0], message, l.IdDataOffset[0], l.IdDataLength[0]))
            {
                SecureMemory.Wipe(_plain, 0, plainLength);
                return Fail(ErrorCode.InvalidId, MikeyExchangeStatus.AuthenticationFailed);
            }

            s = LoadKeys(_plain, 0, plainLength, DataType.PublicKey, message);
            SecureMemory.Wipe(_plain, 0, plainLength);
            return s;
        }
    }
}
