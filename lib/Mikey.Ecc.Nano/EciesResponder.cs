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
    public sealed class EciesResponder
    {
        private const int MaxEnvelopeKey = 64;
        private const int MaxKemacData = 512;

        private readonly ResponderExchange _x;
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
        {
            if (aesFactory == null) throw new ArgumentNullException();
            _x = new ResponderExchange(clock, replayCache, credentials, peer);
            _protection = new KemacProtection(aesFactory, _x.Kd);
            IAesEngine? engine = aesFactory.Create(16);
            if (engine == null) throw new ArgumentException(); // ECIES needs AES-128 (docs/ecc-profile.md §3)
            _ecies = new EciesP256(engine, MaxEnvelopeKey, 32, false);
            SignatureType = EccProfileValues.EcdsaP256SignatureType;
        }

        /// <summary>SIGN S type expected.</summary>
        public SignatureType SignatureType { get; set; }

        /// <summary>The local minimum every offered SRTP policy must meet.</summary>
        public SrtpMinimumPolicy Minimum
        {
            get { return _x.Minimum; }
            set { _x.Minimum = value; }
        }

        /// <summary>Peer tolerances applied when reading policies.</summary>
        public MikeyQuirks Quirks
        {
            get { return _x.Quirks; }
            set { _x.Quirks = value; }
        }

        /// <summary>The keys of the last completed exchange.</summary>
        public CryptoSessionBundle Bundle
        {
            get { return _x.Bundle; }
        }

        /// <summary>Length of the answer written by the last <see cref="Respond"/> (V message or error message; 0 for none).</summary>
        public int AnswerLength
        {
            get { return _x.AnswerLength; }
        }

        /// <summary>The MIKEY error code that fits the last failure.</summary>
        public ErrorCode ErrorCode
        {
            get { return _x.ErrorCode; }
        }

        /// <summary>Processes an I_MESSAGE; writes the V answer when the initiator asked for one, or an error message on a failure.</summary>
        /// <param name="message">Buffer holding the received message.</param>
        /// <param name="offset">Offset of the message.</param>
        /// <param name="length">Message length.</param>
        /// <param name="answer">Buffer for the answer.</param>
        /// <param name="answerOffset">Offset of the answer.</param>
        /// <param name="answerCapacity">Room for the answer.</param>
        /// <returns>The outcome.</returns>
        public MikeyExchangeStatus Respond(byte[] message, int offset, int length, byte[] answer, int answerOffset, int answerCapacity)
        {
            MikeyExchangeStatus s = Process(message, offset, length);
            if (s == MikeyExchangeStatus.Ok && _x.Reader.Header.V)
            {
                s = answer == null ? _x.Fail(ErrorCode.Unspecified, MikeyExchangeStatus.BufferTooSmall)
                    : _x.WriteVerification(message, answer, answerOffset, answerCapacity, DataType.PkVerification, _protection);
            }

            SecureMemory.Wipe(_envelopeKey);
            _protection.Clear();
            return _x.Complete(s, message, answer, answerOffset, answerCapacity);
        }

        private MikeyExchangeStatus Process(byte[] message, int offset, int length)
        {
            // RFC 3830 §3.2: HDR, T, RAND, IDi, CERTi..., [IDr], {SP}, KEMAC, [CHASH], PKE, SIGNi.
            MikeyExchangeStatus s = _x.ReadOffer(message, offset, length, DataType.PublicKey, SignatureType);
            if (s != MikeyExchangeStatus.Ok) return s;
            MessageLayout l = _x.Layout;
            int m = _x.ModeStart;
            int chash = l.ChashCount;
            if (l.KemacCount != 1 || l.PkeCount != 1 || chash > 1 || l.EccptCount != 0 || l.Count != m + 3 + chash
                || l.At(m) != PayloadType.Kemac || (chash == 1 && l.At(m + 1) != PayloadType.Chash) || l.At(m + 1 + chash) != PayloadType.Pke)
            {
                return _x.Fail(ErrorCode.UnsupportedMessageType, MikeyExchangeStatus.Malformed);
            }

            // The initiator's signature first: nothing is decrypted for an unauthenticated sender (docs/ecc-profile.md §3).
            s = _x.VerifySigned(message, offset, 0);
            if (s != MikeyExchangeStatus.Ok) return s;
            EccCredentials c = _x.Credentials;
            if (chash == 1)
            {
                _chash.Bind(message, l.ChashOffset, l.ChashLength);
                if (_chash.HashFunction != HashFunction.Sha256 || c.CertificateCount == 0
                    || !ConstantTime.AreEqual(message, _chash.HashOffset, c.LeafHash, 0, c.LeafHash.Length))
                {
                    return _x.Fail(ErrorCode.InvalidCert, MikeyExchangeStatus.AuthenticationFailed);
                }
            }

            _kemac.Bind(message, l.KemacOffset, l.KemacLength);
            EncryptionAlgorithm enc = _kemac.EncryptionAlgorithm;
            MacAlgorithm mac = _kemac.MacAlgorithm;
            if (KemacProtection.EncryptionKeyLength(enc) < 0) return _x.Fail(ErrorCode.InvalidEa, MikeyExchangeStatus.Unsupported);
            if (mac == MacAlgorithm.Null || KemacProtection.AuthenticationKeyLength(mac) < 0) return _x.Fail(ErrorCode.InvalidMac, MikeyExchangeStatus.Unsupported);

            // env_key = ECIES decryption of PKE Data with the static key (tag checked before decryption).
            _pke.Bind(message, l.PkeOffset, l.PkeLength);
            int envelopeLength;
            if (!_ecies.TryDecrypt(c.Key, message, _pke.DataOffset, _pke.DataLength, null, 0, 0, null, 0, 0, _envelopeKey, 0, out envelopeLength)
                || envelopeLength < 16)
            {
                return _x.Fail(ErrorCode.AuthFailure, MikeyExchangeStatus.AuthenticationFailed);
            }

            if (!_protection.DeriveKeys(_x.Prf, _envelopeKey, 0, envelopeLength, _x.CsbId, message, l.RandValueOffset, l.RandValueLength, enc, mac))
            {
                return _x.Fail(ErrorCode.InvalidEa, MikeyExchangeStatus.Unsupported);
            }

            // KEMAC MAC over the KEMAC alone with its Next payload byte as 0 (RFC 3830 §5.2, PK mode).
            int kemac = l.KemacOffset;
            if (!_protection.VerifyMac(_zero, 0, 1, message, kemac + 1, _kemac.MacOffset - kemac - 1, message, _kemac.MacOffset, _kemac.MacLength))
            {
                return _x.Fail(ErrorCode.AuthFailure, MikeyExchangeStatus.AuthenticationFailed);
            }

            s = _x.LoadSessions(message);
            if (s != MikeyExchangeStatus.Ok) return s;
            int encrLength = _kemac.EncrDataLength;
            if (encrLength > _plain.Length) return _x.Fail(ErrorCode.Unspecified, MikeyExchangeStatus.Unsupported);
            Array.Copy(message, _kemac.EncrDataOffset, _plain, 0, encrLength);
            _protection.Transform(_x.CsbId, l.Timestamp64, _plain, 0, encrLength);
            s = _x.LoadKeys(_plain, 0, encrLength, DataType.PublicKey, message);
            SecureMemory.Wipe(_plain, 0, encrLength);
            return s;
        }
    }
}
