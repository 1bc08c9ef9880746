using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Random;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Time;

namespace NanoMikey.Mikey.Rsa
{
    /// <summary>
    /// The responder of DH-SIGN (RFC 3830 §3.3) over an OAKLEY MODP group with RSA signatures. <see cref="Respond"/> checks
    /// the I_MESSAGE HDR(4), T, RAND, IDi, CERTi..., [IDr], {SP}, DHi, SIGNi in the order structure, freshness, DH-Group,
    /// signer (certificate chain or pin, identity), SIGNi, policies; then draws an ephemeral exponent in the initiator's group,
    /// derives TGK = g^(xi·xr) mod p and the keys, and writes the signed R_MESSAGE HDR(5), T, IDr, CERTr..., IDi, DHr, DHi,
    /// SIGNr. The bundle changes only when every check passed. Allocation-free after warm-up.
    /// </summary>
    public sealed class DhSignResponder : RsaResponder
    {
        private readonly HmacDrbg _drbg;
        private readonly DhValue _dh = new DhValue();
        private readonly byte[] _tgk = new byte[DhValue.MaxValueLength];

        /// <summary>Creates a responder.</summary>
        /// <param name="drbg">Randomness for the ephemeral exponent and PSS salts.</param>
        /// <param name="clock">The local clock (certificate validity, error messages).</param>
        /// <param name="replayCache">Freshness: skew window and the cache of accepted messages.</param>
        /// <param name="credentials">This party's RSA key, certificates and identity.</param>
        /// <param name="peer">Whose signature an offer must carry.</param>
        public DhSignResponder(HmacDrbg drbg, IMikeyClock clock, ReplayCache replayCache, RsaCredentials credentials, RsaPeerTrust peer)
            : base(clock, replayCache, credentials, peer)
        {
            if (drbg == null) throw new ArgumentNullException();
            _drbg = drbg;
            TakesDh = true;
        }

        /// <summary>Accept OAKLEY 1 (768-bit MODP) offers; off by default: a 768-bit group is within reach of a discrete-log computation.</summary>
        public bool AcceptOakley1 { get; set; }

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
            _dh.Clear();
            return Complete(s, message, answer, answerOffset, answerCapacity);
        }

        private MikeyExchangeStatus Process(byte[] message, int offset, int length, byte[] answer, int answerOffset, int answerCapacity)
        {
            // RFC 3830 §3.3: HDR, T, RAND, IDi, CERTi..., [IDr], {SP}, DHi, SIGNi (no CSB update: RAND is required).
            MikeyExchangeStatus s = ReadOffer(message, offset, length, DataType.DhInit, true);
            if (s != MikeyExchangeStatus.Ok) return s;
            MessageLayout l = Layout;
            if (l.DhCount != 1 || l.Count != ModeStart + 2 || l.At(ModeStart) != PayloadType.Dh || l.KemacCount + l.PkeCount + l.ChashCount != 0)
            {
                return Fail(ErrorCode.UnsupportedMessageType, MikeyExchangeStatus.Malformed);
            }

            // The group is the initiator's choice among those we take (RFC 3830 §3.3).
            int group = _dh.GroupOf(message, l.DhOffset[0], l.DhLength[0], PayloadType.Dh);
            if (group < 0 || (group == (int)DhHmacGroup.Oakley1 && !AcceptOakley1) || !DhValue.Supports((DhHmacGroup)group))
            {
                return Fail(ErrorCode.InvalidDh, MikeyExchangeStatus.Unsupported);
            }

            _dh.Group = (DhHmacGroup)group;
            s = _dh.CheckFields(message, l.DhOffset[0], l.DhLength[0], PayloadType.Dh);
            if (s != MikeyExchangeStatus.Ok) return Fail(_dh.ErrorCode, s);
            s = VerifySigned(message, offset, 0);
            if (s != MikeyExchangeStatus.Ok) return s;
            s = LoadSessions(message);
            if (s != MikeyExchangeStatus.Ok) return s;

            // TGK = g^(xi·xr) mod p (RFC 3830 §3.3), then the TEKs (§4.1.3). The exponent, and a PSS salt for SIGNr.
            if (!_drbg.CanGenerate(1 + DhValue.EphemeralDraws)) return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.ReseedRequired);
            if (!_dh.Respond(_drbg, message, l.DhOffset[0], l.DhLength[0], _tgk)) return Fail(ErrorCode.InvalidDh, MikeyExchangeStatus.Malformed);
            StageTgk(message, _tgk, _dh.SecretLength);
            return WriteAnswer(message, answer, answerOffset, answerCapacity);
        }

        private MikeyExchangeStatus WriteAnswer(byte[] message, byte[] answer, int answerOffset, int answerCapacity)
        {
            // R_MESSAGE: HDR, T, IDr, CERTr..., IDi, DHr, DHi (echo), SIGNr.
            if (answer == null) return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.BufferTooSmall);
            WriteAnswerHead(answer, answerOffset, answerCapacity, DataType.DhResponse);
            MikeyWriter w = Writer;
            RsaCredentials c = Credentials;
            MessageLayout l = Layout;
            w.WriteId(c.IdentityType, c.Identity, 0, c.IdentityLength);
            for (int i = 0; i < c.CertificateCount; i++) w.WriteCert(CertType.X509v3, c.Chain, c.CertificateOffset(i), c.CertificateLength(i));
            w.WriteId(l.IdTypes[0], message, l.IdDataOffset[0], l.IdDataLength[0]);
            _dh.Write(w);
            _dh.WriteEcho(w, message, l.DhOffset[0], l.DhLength[0]);
            w.WriteSign(SignatureType, c.Key.ModulusLength);
            if (w.Finish() != MikeyStatus.Ok) return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.BufferTooSmall);
            Signature.Begin(SignatureHash);
            Signature.Update(SignatureHash, answer, answerOffset, w.CoveredLength);
            if (!Signature.Sign(c.Key, SignatureType, SignatureHash, _drbg, answer, w.IntegrityFieldOffset)) return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.InvalidState);
            AnswerLength = w.Length;
            return MikeyExchangeStatus.Ok;
        }
    }
}
