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
    /// The initiator of MIKEY-RSA-R (RFC 4738): <see cref="WriteOffer"/> writes the signed I_MESSAGE HDR, T, [RAND], IDi,
    /// CERTi..., [IDr], {SP}, SIGNi (unicast: RAND and SP; group mode: neither, RFC 4738 §3.2); <see cref="ReadAnswer"/> takes
    /// the R_MESSAGE HDR, [GenExt(CSB_ID)], T, [RAND], [IDr], CERTr..., [SP], KEMAC, PKE, SIGNr: the responder's signature
    /// (over the message ‖ IDi ‖ IDr ‖ T), the envelope key it encrypted to this party's RSA key, the KEMAC holding IDr and the
    /// TGK. Unicast answers carry no SP (this side offers one policy per session) and, since the offer has RAND, no RAND;
    /// group answers carry the responder's sessions, policies, RAND and the group's CSB ID. Allocation-free after warm-up.
    /// </summary>
    public sealed class RsaRInitiator : RsaInitiator
    {
        private const int MaxEnvelopeKey = 64;

        private readonly KemacProtection _protection;
        private readonly RsaEncryption _rsa = new RsaEncryption(RsaPublicKey.MaxBits);
        private readonly BundleLoader _loader;
        private readonly KemacPayload _kemac = new KemacPayload();
        private readonly PkePayload _pke = new PkePayload();
        private readonly GeneralExtensionPayload _ext = new GeneralExtensionPayload();
        private readonly byte[] _envelopeKey = new byte[MaxEnvelopeKey];
        private readonly byte[] _plain = new byte[RsaModeValues.MaxKemacData];
        private readonly byte[] _zero = new byte[1];
        private readonly byte[] _tgk = new byte[CryptoSessionBundle.MaxTgkLength];
        private CryptoSessionBundle _staging = new CryptoSessionBundle();
        private bool _awaiting;
        private bool _groupOffer;

        /// <summary>Creates an initiator.</summary>
        /// <param name="aesFactory">AES engines (KEMAC AES-CM).</param>
        /// <param name="drbg">Randomness for CSB ID, RAND and PSS salts.</param>
        /// <param name="clock">The local clock (T; certificate validity).</param>
        /// <param name="credentials">This party's key (the envelope's recipient), certificates and identity.</param>
        /// <param name="peer">How the responder's certificate is checked.</param>
        public RsaRInitiator(IAesEngineFactory aesFactory, HmacDrbg drbg, IMikeyClock clock, RsaCredentials credentials, RsaPeerTrust peer)
            : base(drbg, clock, credentials, peer)
        {
            if (aesFactory == null) throw new ArgumentNullException();
            _protection = new KemacProtection(aesFactory, X.Kd);
            _loader = new BundleLoader(X.Reader);
            Minimum = SrtpMinimumPolicy.Strict;
        }

        /// <summary>Group mode (RFC 4738 §3.2): the offer names no crypto sessions; the responder supplies them, the TGK and the group's CSB ID.</summary>
        public bool GroupMode { get; set; }

        /// <summary>The local minimum every SRTP policy a group answer sets must meet.</summary>
        public SrtpMinimumPolicy Minimum { get; set; }

        /// <summary>Peer tolerances applied when reading a group answer's policies (off by default).</summary>
        public MikeyQuirks Quirks { get; set; }

        /// <summary>Writes the signed I_MESSAGE (data type 9, V set: the R_MESSAGE is mandatory).</summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Offset of the message.</param>
        /// <param name="capacity">Room for the message.</param>
        /// <returns>Ok, BufferTooSmall, Unsupported (S type), ReseedRequired, or InvalidState (no sessions in unicast, no key or identity).</returns>
        public override MikeyExchangeStatus WriteOffer(byte[] buffer, int offset, int capacity)
        {
            OfferLength = 0;
            if (!X.Ready(!GroupMode)) return MikeyExchangeStatus.InvalidState;
            if (!RsaMessageSignature.Supports(SignatureType)) return MikeyExchangeStatus.Unsupported;
            if (!X.Drbg.CanGenerate(3)) return MikeyExchangeStatus.ReseedRequired;
            EndAnswers();
            IsComplete = false;
            _groupOffer = GroupMode;
            if (_groupOffer)
            {
                // RFC 4738 §3.2: HDR (no crypto sessions), T, IDi, CERTi..., [IDr], SIGNi.
                int kept = X.Count;
                X.Count = 0;
                X.WriteHead(buffer, offset, capacity, DataType.RsaRInit, true, false, false);
                X.Count = kept;
            }
            else
            {
                X.WriteHead(buffer, offset, capacity, DataType.RsaRInit, true, true, true);
            }

            if (!X.Close()) return MikeyExchangeStatus.BufferTooSmall;
            if (!X.SignClosed()) return MikeyExchangeStatus.Unsupported;
            OfferLength = X.Writer.Length;
            _awaiting = true;
            return MikeyExchangeStatus.Ok;
        }

        /// <summary>Takes the R_MESSAGE (or an error message, reported as ErrorReceived); the keys are in <see cref="RsaInitiator.Bundle"/> on Ok.</summary>
        /// <param name="message">Buffer holding the answer.</param>
        /// <param name="offset">Offset of the answer.</param>
        /// <param name="length">Answer length.</param>
        /// <returns>Ok when accepted; otherwise why not (nothing changes, so a genuine answer may still come).</returns>
        public override MikeyExchangeStatus ReadAnswer(byte[] message, int offset, int length)
        {
            if (!_awaiting) return MikeyExchangeStatus.InvalidState;
            MikeyExchangeStatus s = Process(message, offset, length);
            SecureMemory.Wipe(_envelopeKey);
            _protection.Clear();
            if (s != MikeyExchangeStatus.Ok)
            {
                _staging.Clear();
                return s;
            }

            // Commit: the staged keys become the exchange's.
            CryptoSessionBundle old = X.Bundle;
            X.Bundle = _staging;
            _staging = old;
            _staging.Clear();
            _staging.Reserve(X.Bundle); // the next answer of this shape then allocates nothing
            _awaiting = false;
            IsComplete = true;
            return MikeyExchangeStatus.Ok;
        }

        /// <inheritdoc/>
        public override void EndAnswers()
        {
            _awaiting = false;
            _protection.Clear();
            SecureMemory.Wipe(_envelopeKey);
        }

        private MikeyExchangeStatus Process(byte[] message, int offset, int length)
        {
            bool group = _groupOffer;
            int t = group ? 1 : 0;
            MikeyExchangeStatus s = X.ReadAnswerHead(message, offset, length, DataType.RsaRResponse, t, false, group);
            if (s != MikeyExchangeStatus.Ok) return s;

            // RFC 4738 §3.1, §3.2: HDR, [GenExt(CSB_ID)], T, [RAND], [IDr], CERTr..., [SP], KEMAC, PKE, SIGNr.
            MessageLayout l = X.Layout;
            int i = t + 1;
            bool rand = l.At(i) == PayloadType.Rand;
            if (rand) i++;
            int idr = l.At(i) == PayloadType.Id ? 0 : -1;
            if (idr == 0) i++;
            while (l.At(i) == PayloadType.Cert) i++;
            while (l.At(i) == PayloadType.SecurityPolicy) i++;
            if (l.Count != i + 3 || l.At(i) != PayloadType.Kemac || l.At(i + 1) != PayloadType.Pke || l.Last != PayloadType.Sign
                || l.IdCount != idr + 1 || l.RandCount != (rand ? 1 : 0) || l.OtherCount != t || l.KemacCount != 1 || l.PkeCount != 1
                || l.SignCount != 1 || l.ChashCount + l.DhCount + l.EccptCount + l.VerificationCount + l.ErrorCount != 0)
            {
                return MikeyExchangeStatus.Malformed;
            }

            // Exactly one side sends RAND in unicast (this offer did); a group answer always does and sets the policies.
            if (rand != group || (!group && l.PolicyCount != 0)) return MikeyExchangeStatus.Malformed;
            uint csbId = X.CsbId;
            if (group)
            {
                X.Reader.Reset(message, offset, length);
                if (X.Reader.Read() != MikeyStatus.Ok || X.Reader.PayloadType != PayloadType.GeneralExtension) return MikeyExchangeStatus.Malformed;
                _ext.Bind(message, X.Reader.PayloadOffset, X.Reader.PayloadLength);
                if (_ext.ExtensionType != GeneralExtensionType.CsbId) return MikeyExchangeStatus.Malformed;
                csbId = _ext.CsbId;
            }

            // The responder: its certificate / pin and identity, then SIGNr over the R_MESSAGE ‖ IDi ‖ IDr ‖ T (RFC 4738 §3.6).
            int extra = X.WriteExtra(message, idr);
            s = X.VerifySigned(message, offset, idr, extra);
            if (s != MikeyExchangeStatus.Ok) return s;

            _kemac.Bind(message, l.KemacOffset, l.KemacLength);
            EncryptionAlgorithm enc = _kemac.EncryptionAlgorithm;
            MacAlgorithm mac = _kemac.MacAlgorithm;
            if (KemacProtection.EncryptionKeyLength(enc) < 0 || mac == MacAlgorithm.Null || KemacProtection.AuthenticationKeyLength(mac) < 0
                || _kemac.EncrDataLength > _plain.Length)
            {
                return MikeyExchangeStatus.Unsupported;
            }

            _pke.Bind(message, l.PkeOffset, l.PkeLength);
            if (_pke.Cache != EnvelopeCacheType.NoCache) return MikeyExchangeStatus.Unsupported;
            int n = _rsa.DecryptPkcs1(X.Credentials.Key, message, _pke.DataOffset, _pke.DataLength, _envelopeKey, 0, _envelopeKey.Length);
            if (n < 16) return MikeyExchangeStatus.AuthenticationFailed;

            // KEMAC keys from env_key with the CSB ID and RAND the keys use (RFC 3830 §4.1.4; group: the new CSB ID, the responder's RAND).
            byte[] rb = group ? message : X.Rand;
            int ro = group ? l.RandValueOffset : 0;
            int rl = group ? l.RandValueLength : X.Rand.Length;
            if (!_protection.DeriveKeys(Prf, _envelopeKey, 0, n, csbId, rb, ro, rl, enc, mac)) return MikeyExchangeStatus.Unsupported;
            int kemac = l.KemacOffset;
            if (!_protection.VerifyMac(_zero, 0, 1, message, kemac + 1, _kemac.MacOffset - kemac - 1, message, _kemac.MacOffset, _kemac.MacLength))
            {
                return MikeyExchangeStatus.AuthenticationFailed;
            }

            int plainLength = _protection.Decrypt(csbId, X.T, message, _kemac.EncrDataOffset, _kemac.EncrDataLength, _plain, 0);
            if (plainLength < 0) return MikeyExchangeStatus.AuthenticationFailed;
            s = Stage(message, plainLength, idr, group, csbId, rb, ro, rl);
            SecureMemory.Wipe(_plain, 0, plainLength);
            return s;
        }

        // The IDr inside the KEMAC names the signer (RFC 4738 §3.6), then the TGK gives the keys of the offered (unicast) or the answered (group) sessions.
        private MikeyExchangeStatus Stage(byte[] message, int plainLength, int idr, bool group, uint csbId, byte[] rand, int randOffset, int randLength)
        {
            MessageLayout l = X.Layout;
            bool named = idr == 0
                ? RsaResponder.KemacNames(_plain, plainLength, l.IdTypes[0], message, l.IdDataOffset[0], l.IdDataLength[0])
                : X.IdrLength > 0 && RsaPeerTrust.Equal(_plain, 4, plainLength < 4 ? -1 : (_plain[2] << 8) | _plain[3], X.Idr, 0, X.IdrLength);
            if (!named) return MikeyExchangeStatus.AuthenticationFailed;
            int tgkLength;
            int tgk = RsaRKeys.FindTgk(_plain, plainLength, out tgkLength);
            if (tgk < 0) return MikeyExchangeStatus.Unsupported;
            if (group)
            {
                MikeyExchangeStatus s = _loader.LoadSessions(X.Reader.Header, message, l, Quirks, Minimum, _staging);
                if (s != MikeyExchangeStatus.Ok) return s;
                _staging.CsbId = csbId;
                RsaRKeys.Derive(_staging, X.Kd, rand, randOffset, randLength, _plain, tgk, tgkLength);
                return MikeyExchangeStatus.Ok;
            }

            Array.Copy(_plain, tgk, _tgk, 0, tgkLength);
            X.FillBundle(_staging, _tgk, tgkLength, X.Rand, X.Rand.Length);
            SecureMemory.Wipe(_tgk);
            X.ApplyAnswerMap(_staging);
            return MikeyExchangeStatus.Ok;
        }
    }
}
