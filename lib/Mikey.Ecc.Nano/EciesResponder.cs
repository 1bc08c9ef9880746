using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Hal;
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
    /// The responder of MIKEY-ECIES (RFC 3830 §3.2 with ECIES, docs/ecc-profile.md §3). <see cref="Respond"/> checks the
    /// I_MESSAGE in the order structure, freshness, signer (certificate chain or pin, identity) and SIGNi, CHASH — all before
    /// it decrypts PKE with its static key — then the KEMAC MAC, policies and keys; it answers with V when asked, or with an
    /// error message. The bundle changes only when every check passed. Allocation-free after warm-up.
    /// </summary>
    public sealed class EciesResponder : EccResponder
    {
        private const int MaxEnvelopeKey = 64;
        private const int MaxKemacData = 512;

        private readonly KemacProtection _protection;
        private readonly EciesP256 _ecies;
        private readonly KemacPayload _kemac = new KemacPayload();
        private readonly PkePayload _pke = new PkePayload();
        private readonly ChashPayload _chash = new ChashPayload();
        private readonly byte[] _envelopeKey = new byte[MaxEnvelopeKey];
        private readonly byte[] _plain = new byte[MaxKemacData];
        private readonly byte[] _zero = new byte[1];

        /// <summary>Creates a responder.</summary>
        /// <param name="aesFactory">AES engines (ECIES AES-128-CTR, KEMAC AES-CM).</param>
        /// <param name="clock">The local clock (certificate validity, error messages).</param>
        /// <param name="replayCache">Freshness: skew window and the cache of accepted messages.</param>
        /// <param name="credentials">This party's static key (the ECIES recipient key), certificate and identity.</param>
        /// <param name="peer">Whose signature an offer must carry.</param>
        public EciesResponder(IAesEngineFactory aesFactory, IMikeyClock clock, ReplayCache replayCache, EccCredentials credentials, EccPeerTrust peer)
            : base(clock, replayCache, credentials, peer)
        {
            if (aesFactory == null) throw new ArgumentNullException();
            _protection = new KemacProtection(aesFactory, Kd);
            IAesEngine? engine = aesFactory.Create(16);
            if (engine == null) throw new ArgumentException(); // ECIES needs AES-128 (docs/ecc-profile.md §3)
            _ecies = new EciesP256(engine, MaxEnvelopeKey, 32, false);
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
            MikeyExchangeStatus s = ReadOffer(message, offset, length, DataType.PublicKey, SignatureType, false);
            if (s != MikeyExchangeStatus.Ok) return s;
            MessageLayout l = Layout;
            int m = ModeStart;
            int chash = l.ChashCount;
            if (l.KemacCount != 1 || l.PkeCount != 1 || chash > 1 || l.EccptCount != 0 || l.Count != m + 3 + chash
                || l.At(m) != PayloadType.Kemac || (chash == 1 && l.At(m + 1) != PayloadType.Chash) || l.At(m + 1 + chash) != PayloadType.Pke)
            {
                return Fail(ErrorCode.UnsupportedMessageType, MikeyExchangeStatus.Malformed);
            }

            // The initiator's signature first: nothing is decrypted for an unauthenticated sender (docs/ecc-profile.md §3).
            s = VerifySigned(message, offset, 0);
            if (s != MikeyExchangeStatus.Ok) return s;
            EccCredentials c = Credentials;
            if (chash == 1)
            {
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

            // env_key = ECIES decryption of PKE Data with the static key (tag checked before decryption).
            _pke.Bind(message, l.PkeOffset, l.PkeLength);
            int envelopeLength;
            if (!_ecies.TryDecrypt(c.Key, message, _pke.DataOffset, _pke.DataLength, null, 0, 0, null, 0, 0, _envelopeKey, 0, out envelopeLength)
                || envelopeLength < 16)
            {
                return Fail(ErrorCode.AuthFailure, MikeyExchangeStatus.AuthenticationFailed);
            }

            if (!_protection.DeriveKeys(Prf, _envelopeKey, 0, envelopeLength, CsbId, message, l.RandValueOffset, l.RandValueLength, enc, mac))
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
            int plainLength = _protection.Decrypt(CsbId, l.Timestamp64, message, _kemac.EncrDataOffset, _kemac.EncrDataLength, _plain, 0);
            if (plainLength == KemacProtection.WrapIntegrityFailed) return Fail(ErrorCode.AuthFailure, MikeyExchangeStatus.AuthenticationFailed);
            if (plainLength < 0) return Fail(ErrorCode.InvalidEa, MikeyExchangeStatus.Unsupported);
            s = LoadKeys(_plain, 0, plainLength, DataType.PublicKey, message);
            SecureMemory.Wipe(_plain, 0, plainLength);
            return s;
        }
    }
}
