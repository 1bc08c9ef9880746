using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Random;
using NanoMikey.Ecc;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Ecc
{
    /// <summary>
    /// The responder of ECDH-SIGN (RFC 3830 §3.3 with P-256 points in ECCPT, docs/ecc-profile.md §2). <see cref="Respond"/>
    /// checks the I_MESSAGE in the order structure, freshness, signer (certificate chain or pin, identity), SIGNi, policies;
    /// then draws an ephemeral key, derives TGK = x(d·Q) and the keys, and writes the signed R_MESSAGE (HDR, T, IDr, CERTr,
    /// IDi, ECCPTr, ECCPTi, SIGNr). The bundle changes only when every check passed. Allocation-free after warm-up.
    /// </summary>
    public sealed class EcdhSignResponder : EccResponder
    {
        private readonly HmacDrbg _drbg;
        private readonly EccptPoint _eccpti = new EccptPoint();
        private readonly P256PrivateKey _ephemeral = new P256PrivateKey();
        private readonly byte[] _point = new byte[P256PublicKey.UncompressedLength];
        private readonly byte[] _tgk = new byte[EcdhP256.SecretLength];

        /// <summary>Creates a responder.</summary>
        /// <param name="drbg">Randomness for the ephemeral key.</param>
        /// <param name="clock">The local clock (certificate validity, error messages).</param>
        /// <param name="replayCache">Freshness: skew window and the cache of accepted messages.</param>
        /// <param name="credentials">This party's key, certificates and identity.</param>
        /// <param name="peer">Whose signature an offer must carry.</param>
        public EcdhSignResponder(HmacDrbg drbg, IMikeyClock clock, ReplayCache replayCache, EccCredentials credentials, EccPeerTrust peer)
            : base(clock, replayCache, credentials, peer)
        {
            if (drbg == null) throw new ArgumentNullException();
            _drbg = drbg;
        }

        /// <summary>Processes an I_MESSAGE and writes the signed R_MESSAGE, or an error message on a failure.</summary>
        /// <param name="message">Buffer holding the received message.</param>
        /// <param name="offset">Offset of the message.</param>
        /// <param name="length">Message length.</param>
        /// <param name="answer">Buffer for the answer.</param>
        /// <param name="answerOffset">Offset of the answer.</param>
        /// <param name="answerCapacity">Room for the answer.</param>
        /// <returns>The outcome.</returns>
        public override MikeyExchangeStatus Respond(byte[] message, int offset, int length, byte[] answer, int answerOffset, int answerCapacity)
        {
            MikeyExchangeStatus s = Process(message, offset, length, answer, answerOffset, answerCapacity);
            SecureMemory.Wipe(_tgk);
            _ephemeral.Clear();
            return Complete(s, message, answer, answerOffset, answerCapacity);
        }

        private MikeyExchangeStatus Process(byte[] message, int offset, int length, byte[] answer, int answerOffset, int answerCapacity)
        {
            // RFC 3830 §3.3: HDR, T, RAND, IDi, CERTi..., [IDr], {SP}, ECCPTi, SIGNi; a CSB update (§4.5) without RAND.
            MikeyExchangeStatus s = ReadOffer(message, offset, length, DataType.DhInit, SignatureType, true);
            if (s != MikeyExchangeStatus.Ok) return s;
            MessageLayout l = Layout;
            if (l.EccptCount != 1 || l.Count != ModeStart + 2 || l.At(ModeStart) != PayloadType.Eccpt || l.KemacCount + l.PkeCount + l.ChashCount != 0)
            {
                return Fail(ErrorCode.UnsupportedMessageType, MikeyExchangeStatus.Malformed);
            }

            s = _eccpti.Read(message, l.EccptOffset[0], l.EccptLength[0], true);
            if (s != MikeyExchangeStatus.Ok) return Fail(_eccpti.ErrorCode, s);
            if (_eccpti.TgkLength != EccProfileValues.TgkLength) return Fail(ErrorCode.InvalidDh, MikeyExchangeStatus.Unsupported);
            if (_eccpti.AuthAlgorithm != MacAlgorithm.Null) return Fail(ErrorCode.InvalidMac, MikeyExchangeStatus.Unsupported);
            s = VerifySigned(message, offset, 0);
            if (s != MikeyExchangeStatus.Ok) return s;
            s = LoadSessions(message);
            if (s != MikeyExchangeStatus.Ok) return s;

            // TGK = x(dR·Qi) (SEC 1 §3.3.1), then the TEKs (RFC 3830 §4.1.3).
            if (!_drbg.CanGenerate(EccProfileValues.EphemeralDraws)) return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.ReseedRequired);
            _ephemeral.Generate(_drbg);
            if (!EcdhP256.ComputeSharedSecret(_ephemeral, _eccpti.Key, _tgk, 0)) return Fail(ErrorCode.InvalidDh, MikeyExchangeStatus.Malformed);
            s = DeriveStaging(_tgk, 0, _tgk.Length, message, message, _eccpti.SpiOffset, _eccpti.SpiLength);
            if (s != MikeyExchangeStatus.Ok) return s;
            return WriteAnswer(message, answer, answerOffset, answerCapacity);
        }

        private MikeyExchangeStatus WriteAnswer(byte[] message, byte[] answer, int answerOffset, int answerCapacity)
        {
            // R_MESSAGE: HDR, T, IDr, CERTr..., IDi, ECCPTr, ECCPTi (echo), SIGNr.
            if (answer == null) return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.BufferTooSmall);
            WriteAnswerHead(answer, answerOffset, answerCapacity, DataType.DhResponse);
            MikeyWriter w = Writer;
            EccCredentials c = Credentials;
            MessageLayout l = Layout;
            w.WriteId(c.IdentityType, c.Identity, 0, c.IdentityLength);
            for (int i = 0; i < c.CertificateCount; i++) w.WriteCert(CertType.X509v3, c.Chain, c.CertificateOffset(i), c.CertificateLength(i));
            w.WriteId(l.IdTypes[0], message, l.IdDataOffset[0], l.IdDataLength[0]);
            _ephemeral.PublicKey.ExportUncompressed(_point, 0);
            w.WriteEccpt(EccProfileValues.Curve, _point, 0, _point.Length, MacAlgorithm.Null, EccProfileValues.TgkLength, KvType.Null, null, 0, 0, null, 0, 0);
            int spi = _eccpti.SpiLength;
            w.WriteEccpt(EccProfileValues.Curve, message, _eccpti.PointOffset, _eccpti.PointLength, _eccpti.AuthAlgorithm, _eccpti.TgkLength,
                spi > 0 ? KvType.Spi : KvType.Null, spi > 0 ? message : null, _eccpti.SpiOffset, spi, null, 0, 0);
            w.WriteSign(SignatureType, EccProfileValues.SignatureLength);
            if (w.Finish() != MikeyStatus.Ok) return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.BufferTooSmall);
            Signature.Sign(c.Key, answer, answerOffset, w.CoveredLength, answer, w.IntegrityFieldOffset);
            AnswerLength = w.Length;
            return MikeyExchangeStatus.Ok;
        }
    }
}
