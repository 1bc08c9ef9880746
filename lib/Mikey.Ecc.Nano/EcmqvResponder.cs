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
    public sealed class EcmqvResponder : EccResponder
    {
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
            SecureMemory.Wipe(_tgk);
            SecureMemory.Wipe(_z);
            return CompleteWithVerification(s, message, answer, answerOffset, answerCapacity, EccProfileValues.EcmqvVerificationDataType, _protection);
        }

        private MikeyExchangeStatus Process(byte[] message, int offset, int length)
        {
            // RFC 5197 §4.1.2: HDR, T, RAND, IDi, CERTi..., [IDr], {SP}, ECCPTi, SIGNi.
            MikeyExchangeStatus s = ReadOffer(message, offset, length, EccProfileValues.EcmqvInitDataType, SignatureType, false);
            if (s != MikeyExchangeStatus.Ok) return s;
            MessageLayout l = Layout;
            if (l.EccptCount != 1 || l.Count != ModeStart + 2 || l.At(ModeStart) != PayloadType.Eccpt || l.KemacCount + l.PkeCount + l.ChashCount != 0)
            {
                return Fail(ErrorCode.UnsupportedMessageType, MikeyExchangeStatus.Malformed);
            }

            s = _eccpti.Read(message, l.EccptOffset[0], l.EccptLength[0], false);
            if (s != MikeyExchangeStatus.Ok) return Fail(_eccpti.ErrorCode, s);
            int tgkLength = _eccpti.TgkLength;
            if (tgkLength < 16 || tgkLength > _tgk.Length) return Fail(ErrorCode.InvalidDh, MikeyExchangeStatus.Unsupported);
            MacAlgorithm mac = _eccpti.AuthAlgorithm;
            if (KemacProtection.AuthenticationKeyLength(mac) < 0 || (Reader.Header.V && mac == MacAlgorithm.Null))
            {
                return Fail(ErrorCode.InvalidMac, MikeyExchangeStatus.Unsupported);
            }

            // SIGNi under the initiator's static key QU, which one-pass MQV uses too.
            s = VerifySigned(message, offset, 0);
            if (s != MikeyExchangeStatus.Ok) return s;
            s = LoadSessions(message);
            if (s != MikeyExchangeStatus.Ok) return s;
            if (!EcmqvP256.ComputeOnePassResponder(Credentials.Key, Peer.SignerKey, _eccpti.Key, _z, 0))
            {
                return Fail(ErrorCode.InvalidDh, MikeyExchangeStatus.Malformed);
            }

            _kdf.Derive(_z, CsbId, message, l.RandValueOffset, l.RandValueLength, message, _eccpti.PointOffset, _eccpti.PointLength, _tgk, tgkLength);
            s = DeriveStaging(_tgk, 0, tgkLength, message, null, 0, 0);
            if (s != MikeyExchangeStatus.Ok) return s;
            if (Reader.Header.V
                && !_protection.DeriveKeys(Prf, _tgk, 0, tgkLength, CsbId, message, l.RandValueOffset, l.RandValueLength, EncryptionAlgorithm.Null, mac))
            {
                return Fail(ErrorCode.InvalidMac, MikeyExchangeStatus.Unsupported);
            }

            return MikeyExchangeStatus.Ok;
        }
    }
}
