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
    /// The responder of MIKEY-ECMQV (RFC 5197 §4.1.2, one-pass MQV, docs/ecc-profile.md §4). <see cref="Respond"/> checks the
    /// I_MESSAGE (structure, freshness, ECCPTi, signer and SIGNi, policies), computes the MQV secret from its static key, the
    /// initiator's static key (its certificate's) and ephemeral point, derives the TGK and keys, and answers with V when
    /// asked, or with an error message. The bundle changes only when every check passed. Allocation-free after warm-up.
    /// </summary>
    public sealed class EcmqvResponder
    {
        private readonly ResponderExchange _x;
        private readonly KemacProtection _protection;
        private readonly EcmqvTgk _kdf = new EcmqvTgk();
        private readonly EccptPoint _eccpti = new EccptPoint();
        private readonly byte[] _z = new byte[EcmqvP256.SecretLength];
        private readonly byte[] _tgk = new byte[64];

        /// <summary>Creates a responder.</summary>
        /// <param name="aesFactory">AES engines (for the message keys; ECMQV itself encrypts nothing).</param>
        /// <param name="clock">The local clock (certificate validity, error messages).</param>
        /// <param name="replayCache">Freshness: skew window and the cache of accepted messages.</param>
        /// <param name="credentials">This party's static key (MQV), certificate and identity.</param>
        /// <param name="peer">Whose signature (and static key) an offer must carry.</param>
        public EcmqvResponder(IAesEngineFactory aesFactory, IMikeyClock clock, ReplayCache replayCache, EccCredentials credentials, EccPeerTrust peer)
        {
            if (aesFactory == null) throw new ArgumentNullException();
            _x = new ResponderExchange(clock, replayCache, credentials, peer);
            _protection = new KemacProtection(aesFactory, _x.Kd);
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
                    : _x.WriteVerification(message, answer, answerOffset, answerCapacity, EccProfileValues.EcmqvVerificationDataType, _protection);
            }

            SecureMemory.Wipe(_tgk);
            SecureMemory.Wipe(_z);
            _protection.Clear();
            return _x.Complete(s, message, answer, answerOffset, answerCapacity);
        }

        private MikeyExchangeStatus Process(byte[] message, int offset, int length)
        {
            // RFC 5197 §4.1.2: HDR, T, RAND, IDi, CERTi..., [IDr], {SP}, ECCPTi, SIGNi.
            MikeyExchangeStatus s = _x.ReadOffer(message, offset, length, EccProfileValues.EcmqvInitDataType, SignatureType);
            if (s != MikeyExchangeStatus.Ok) return s;
            MessageLayout l = _x.Layout;
            if (l.EccptCount != 1 || l.Count != _x.ModeStart + 2 || l.At(_x.ModeStart) != PayloadType.Eccpt || l.KemacCount + l.PkeCount + l.ChashCount != 0)
            {
                return _x.Fail(ErrorCode.UnsupportedMessageType, MikeyExchangeStatus.Malformed);
            }

            s = _eccpti.Read(message, l.EccptOffset[0], l.EccptLength[0]);
            if (s != MikeyExchangeStatus.Ok) return _x.Fail(_eccpti.ErrorCode, s);
            int tgkLength = _eccpti.TgkLength;
            if (tgkLength < 16 || tgkLength > _tgk.Length) return _x.Fail(ErrorCode.InvalidDh, MikeyExchangeStatus.Unsupported);
            MacAlgorithm mac = _eccpti.AuthAlgorithm;
            if (KemacProtection.AuthenticationKeyLength(mac) < 0 || (_x.Reader.Header.V && mac == MacAlgorithm.Null))
            {
                return _x.Fail(ErrorCode.InvalidMac, MikeyExchangeStatus.Unsupported);
            }

            // SIGNi under the initiator's static key QU, which one-pass MQV uses too.
            s = _x.VerifySigned(message, offset, 0);
            if (s != MikeyExchangeStatus.Ok) return s;
            s = _x.LoadSessions(message);
            if (s != MikeyExchangeStatus.Ok) return s;
            if (!EcmqvP256.ComputeOnePassResponder(_x.Credentials.Key, _x.Peer.SignerKey, _eccpti.Key, _z, 0))
            {
                return _x.Fail(ErrorCode.InvalidDh, MikeyExchangeStatus.Malformed);
            }

            _kdf.Derive(_z, _x.CsbId, message, l.RandValueOffset, l.RandValueLength, message, _eccpti.PointOffset, _eccpti.PointLength, _tgk, tgkLength);
            _x.DeriveStaging(_tgk, 0, tgkLength, message);
            if (_x.Reader.Header.V
                && !_protection.DeriveKeys(_x.Prf, _tgk, 0, tgkLength, _x.CsbId, message, l.RandValueOffset, l.RandValueLength, EncryptionAlgorithm.Null, mac))
            {
                return _x.Fail(ErrorCode.InvalidMac, MikeyExchangeStatus.Unsupported);
            }

            return MikeyExchangeStatus.Ok;
        }
    }
}
