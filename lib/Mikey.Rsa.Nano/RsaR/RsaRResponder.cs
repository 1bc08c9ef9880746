using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Hal;
using NanoMikey.Crypto.Random;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Policy;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Rsa;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Rsa
{
    /// <summary>
    /// The responder of MIKEY-RSA-R (RFC 4738). <see cref="Respond"/> checks the signed I_MESSAGE HDR, T, [RAND], IDi,
    /// CERTi..., [IDr], {SP}, SIGNi (structure, freshness, signer and SIGNi, policies), then chooses the keys and answers
    /// with the R_MESSAGE HDR, [GenExt(CSB_ID)], T, [RAND], IDr, CERTr..., [SP], KEMAC, PKE, SIGNr: a fresh envelope key
    /// encrypted to the initiator's certified RSA key (RSAES-PKCS1-v1_5, not cached) protects the KEMAC holding IDr ‖ TGK;
    /// SIGNr covers the R_MESSAGE up to its Signature field ‖ IDi ‖ IDr ‖ T (RFC 4738 §3.6). Unicast: a fresh TGK for the
    /// offered sessions, RAND only when the offer had none. Group mode (after <see cref="StartGroup"/>): the group's sessions,
    /// policies, TGK, RAND and CSB ID (in the General Extension, RFC 4738 §3.2) for every member. The bundle changes only
    /// when every check passed. Allocation-free after warm-up.
    /// </summary>
    public sealed class RsaRResponder : RsaResponder
    {
        private readonly HmacDrbg _drbg;
        private readonly KemacProtection _protection;
        private readonly RsaEncryption _rsa = new RsaEncryption(RsaPublicKey.MaxBits);
        private readonly SrtpPolicyMapping _mapping = new SrtpPolicyMapping();
        private readonly byte[] _envelopeKey = new byte[RsaModeValues.EnvelopeKeyLength];
        private readonly byte[] _tgk = new byte[RsaModeValues.TgkLength];
        private readonly byte[] _rand = new byte[RsaModeValues.RandLength];
        private readonly byte[] _pke = new byte[RsaModeValues.MaxModulusLength];
        private readonly byte[] _csb = new byte[4];
        private readonly byte[] _zero = new byte[1];
        private readonly byte[] _extra = new byte[2 * RsaModeValues.MaxIdentityLength + 8];
        private readonly SrtpPolicy[] _groupPolicies = new SrtpPolicy[CryptoSessionBundle.MaxCryptoSessions];
        private readonly uint[] _groupSsrc = new uint[CryptoSessionBundle.MaxCryptoSessions];
        private readonly uint[] _groupRoc = new uint[CryptoSessionBundle.MaxCryptoSessions];
        private readonly byte[] _groupTgk = new byte[RsaModeValues.TgkLength];
        private readonly byte[] _groupRand = new byte[RsaModeValues.RandLength];
        private int _groupCount;
        private uint _groupCsbId;
        private bool _group;

        /// <summary>Creates a responder.</summary>
        /// <param name="aesFactory">AES engines (KEMAC AES-CM).</param>
        /// <param name="drbg">Randomness for envelope keys, TGKs, RAND, PKCS#1 padding and PSS salts.</param>
        /// <param name="clock">The local clock (certificate validity, error messages).</param>
        /// <param name="replayCache">Freshness: skew window and the cache of accepted messages.</param>
        /// <param name="credentials">This party's key (signs SIGNr), certificates and identity.</param>
        /// <param name="peer">Whose signature an offer must carry (its certified key receives the envelope).</param>
        public RsaRResponder(IAesEngineFactory aesFactory, HmacDrbg drbg, IMikeyClock clock, ReplayCache replayCache, RsaCredentials credentials, RsaPeerTrust peer)
            : base(clock, replayCache, credentials, peer)
        {
            if (aesFactory == null || drbg == null) throw new ArgumentNullException();
            _drbg = drbg;
            _protection = new KemacProtection(aesFactory, Kd);
            Encryption = EncryptionAlgorithm.AesCm128;
            Mac = MacAlgorithm.HmacSha256256;
        }

        /// <summary>KEMAC encryption (AES-CM-128 by default).</summary>
        public EncryptionAlgorithm Encryption { get; set; }

        /// <summary>KEMAC MAC (HMAC-SHA-256-256 by default).</summary>
        public MacAlgorithm Mac { get; set; }

        /// <summary>True after <see cref="StartGroup"/>: every offer is answered with the group's keys.</summary>
        public bool GroupMode
        {
            get { return _group; }
        }

        /// <summary>The group's CSB ID (valid in <see cref="GroupMode"/>).</summary>
        public uint GroupCsbId
        {
            get { return _groupCsbId; }
        }

        /// <summary>Adds a crypto session of the group (before or after <see cref="StartGroup"/>).</summary>
        /// <param name="ssrc">SSRC of the group's stream.</param>
        /// <param name="roc">Its rollover counter.</param>
        /// <param name="policy">Its SRTP policy (kept by reference).</param>
        /// <returns>The CS number (1-based).</returns>
        public int AddGroupSession(uint ssrc, uint roc, SrtpPolicy policy)
        {
            if (policy == null) throw new ArgumentNullException();
            if (_groupCount == CryptoSessionBundle.MaxCryptoSessions) throw new InvalidOperationException();
            _groupPolicies[_groupCount] = policy;
            _groupSsrc[_groupCount] = ssrc;
            _groupRoc[_groupCount] = roc;
            return ++_groupCount;
        }

        /// <summary>Starts group mode (RFC 4738 §3.2): draws the group's CSB ID, TGK and RAND, which every member then receives.</summary>
        /// <returns>Ok, ReseedRequired, or InvalidState (no group session).</returns>
        public MikeyExchangeStatus StartGroup()
        {
            if (_groupCount == 0) return MikeyExchangeStatus.InvalidState;
            if (!_drbg.CanGenerate(3)) return MikeyExchangeStatus.ReseedRequired;
            _drbg.Generate(_csb, 0, 4);
            _groupCsbId = ((uint)_csb[0] << 24) | ((uint)_csb[1] << 16) | ((uint)_csb[2] << 8) | _csb[3];
            _drbg.Generate(_groupTgk, 0, _groupTgk.Length);
            _drbg.Generate(_groupRand, 0, _groupRand.Length);
            _group = true;
            return MikeyExchangeStatus.Ok;
        }

        /// <summary>Ends group mode: wipes the group's TGK and forgets its sessions.</summary>
        public void EndGroup()
        {
            SecureMemory.Wipe(_groupTgk);
            for (int i = 0; i < _groupCount; i++) _groupPolicies[i] = null!;
            _groupCount = 0;
            _group = false;
        }

        /// <summary>Processes an I_MESSAGE and writes the R_MESSAGE, or an error message on a failure.</summary>
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
            if (s == MikeyExchangeStatus.Ok) s = WriteAnswer(message, answer, answerOffset, answerCapacity);
            SecureMemory.Wipe(_envelopeKey);
            SecureMemory.Wipe(_tgk);
            SecureMemory.Wipe(_pke);
            _protection.Clear();
            return Complete(s, message, answer, answerOffset, answerCapacity);
        }

        private MikeyExchangeStatus Process(byte[] message, int offset, int length)
        {
            // RFC 4738 §3.1: HDR, T, [RAND], IDi, CERTi..., [IDr], {SP}, SIGNi.
            MikeyExchangeStatus s = ReadOffer(message, offset, length, DataType.RsaRInit, false);
            if (s != MikeyExchangeStatus.Ok) return s;
            MessageLayout l = Layout;
            if (l.Count != ModeStart + 1 || l.KemacCount + l.PkeCount + l.ChashCount != 0) return Fail(ErrorCode.UnsupportedMessageType, MikeyExchangeStatus.Malformed);
            if (KemacProtection.EncryptionKeyLength(Encryption) < 0 || Mac == MacAlgorithm.Null || KemacProtection.AuthenticationKeyLength(Mac) < 0)
            {
                return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.InvalidState);
            }

            s = VerifySigned(message, offset, 0);
            if (s != MikeyExchangeStatus.Ok) return s;

            // env_key, TGK, RAND, the PKCS#1 padding string (byte by byte at worst), the PSS salt.
            if (!_drbg.CanGenerate(5 + RsaModeValues.MaxModulusLength)) return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.ReseedRequired);
            if (_group) return StageGroup();

            s = LoadSessions(message);
            if (s != MikeyExchangeStatus.Ok) return s;

            // Unicast keys: a fresh TGK; RAND is the offer's, or ours when it had none (RFC 4738 §3.1).
            _drbg.Generate(_tgk, 0, _tgk.Length);
            if (l.RandCount == 1) Array.Copy(message, l.RandValueOffset, _rand, 0, _rand.Length < l.RandValueLength ? _rand.Length : l.RandValueLength);
            if (l.RandCount == 1 && l.RandValueLength != _rand.Length) return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.Unsupported);
            if (l.RandCount == 0) _drbg.Generate(_rand, 0, _rand.Length);
            RsaRKeys.Derive(Staging, Kd, _rand, 0, _rand.Length, _tgk, 0, _tgk.Length);
            return MikeyExchangeStatus.Ok;
        }

        // Group keys (RFC 4738 §3.2): the group's sessions, CSB ID, TGK and RAND, the offer's CS map and RAND ignored.
        private MikeyExchangeStatus StageGroup()
        {
            CryptoSessionBundle b = Staging;
            b.Clear();
            b.CsbId = _groupCsbId;
            b.Prf = Prf;
            b.Count = _groupCount;
            for (int i = 0; i < _groupCount; i++)
            {
                CryptoSession cs = b.Slot(i);
                cs.CsId = i + 1;
                cs.PolicyNo = i;
                cs.Ssrc = _groupSsrc[i];
                cs.Roc = _groupRoc[i];
                cs.Policy.CopyFrom(_groupPolicies[i]);
            }

            Array.Copy(_groupTgk, 0, _tgk, 0, _tgk.Length);
            Array.Copy(_groupRand, 0, _rand, 0, _rand.Length);
            RsaRKeys.Derive(b, Kd, _rand, 0, _rand.Length, _tgk, 0, _tgk.Length);
            return MikeyExchangeStatus.Ok;
        }

        private MikeyExchangeStatus WriteAnswer(byte[] message, byte[] answer, int answerOffset, int answerCapacity)
        {
            if (answer == null) return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.BufferTooSmall);
            MessageLayout l = Layout;
            RsaCredentials c = Credentials;
            uint keyCsbId = _group ? _groupCsbId : CsbId;
            MikeyWriter w = Writer;
            w.Reset(answer, answerOffset, answerCapacity);
            w.WriteHeader(DataType.RsaRResponse, false, Prf, CsbId, CsIdMapType.SrtpId);
            for (int i = 0; i < Staging.Count; i++)
            {
                CryptoSession cs = Staging.Get(i);
                w.AddSrtpIdEntry(cs.PolicyNo, cs.Ssrc, cs.Roc);
            }

            if (_group)
            {
                NanoMikey.Mikey.Codec.NetworkOrder.WriteUInt32(_csb, 0, _groupCsbId);
                w.WriteGeneralExtension((int)GeneralExtensionType.CsbId, _csb, 0, 4);
            }

            w.WriteTimestamp(l.TimestampType, l.TimestampValue);
            if (_group || l.RandCount == 0) w.WriteRand(_rand, 0, _rand.Length);
            w.WriteId(c.IdentityType, c.Identity, 0, c.IdentityLength);
            for (int i = 0; i < c.CertificateCount; i++) w.WriteCert(CertType.X509v3, c.Chain, c.CertificateOffset(i), c.CertificateLength(i));
            if (_group)
            {
                for (int i = 0; i < _groupCount; i++) _mapping.Write(w, i, _groupPolicies[i]);
            }

            // KEMAC = E(encr_key, IDr ‖ TGK) ‖ MAC, PKE = E(PKi, env_key) (RFC 4738 §3.6).
            w.BeginKemac(Encryption);
            w.WriteId(c.IdentityType, c.Identity, 0, c.IdentityLength);
            w.WriteKeyData(KeyDataType.Tgk, _tgk, 0, _tgk.Length, null, 0, 0, KvType.Null, null, 0, 0, null, 0, 0);
            w.EndKemac(Mac);
            int kemac = w.KemacOffset;
            int encrOffset = w.KemacEncrDataOffset;
            int encrLength = w.KemacEncrDataLength;
            _drbg.Generate(_envelopeKey, 0, _envelopeKey.Length);
            RsaPublicKey initiator = Peer.SignerKey;
            int k = initiator.ModulusLength;
            if (!_rsa.EncryptPkcs1(initiator, _envelopeKey, 0, _envelopeKey.Length, _drbg, _pke, 0)) return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.Unsupported);
            w.WritePke(EnvelopeCacheType.NoCache, _pke, 0, k);
            w.WriteSign(SignatureType, c.Key.ModulusLength);
            if (w.Finish() != MikeyStatus.Ok)
            {
                SecureMemory.Wipe(answer, answerOffset, w.Length);
                return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.BufferTooSmall);
            }

            if (!_protection.DeriveKeys(Prf, _envelopeKey, 0, _envelopeKey.Length, keyCsbId, _group || l.RandCount == 0 ? _rand : message,
                    _group || l.RandCount == 0 ? 0 : l.RandValueOffset, _rand.Length, Encryption, Mac)
                || !_protection.Encrypt(keyCsbId, l.Timestamp64, answer, encrOffset, encrLength))
            {
                SecureMemory.Wipe(answer, answerOffset, w.Length);
                return Fail(ErrorCode.InvalidEa, MikeyExchangeStatus.Unsupported);
            }

            // The KEMAC MAC covers the KEMAC alone, its Next payload byte taken as 0 (RFC 4738 §3.6, as PK: RFC 3830 §5.2).
            int macOffset = encrOffset + encrLength + 1;
            _protection.ComputeMac(_zero, 0, 1, answer, kemac + 1, macOffset - kemac - 1, answer, macOffset);

            // SIGNr over the R_MESSAGE up to its Signature field ‖ IDi ‖ IDr ‖ T (RFC 4738 §3.6).
            int n = Append(message, l.IdDataOffset[0], l.IdDataLength[0], 0);
            n = Append(c.Identity, 0, c.IdentityLength, n);
            for (int i = 0; i < 8; i++) _extra[n + i] = (byte)(l.TimestampValue >> (56 - 8 * i));
            n += 8;
            Signature.Begin(SignatureHash);
            Signature.Update(SignatureHash, answer, answerOffset, w.CoveredLength);
            Signature.Update(SignatureHash, _extra, 0, n);
            if (!Signature.Sign(c.Key, SignatureType, SignatureHash, _drbg, answer, w.IntegrityFieldOffset))
            {
                SecureMemory.Wipe(answer, answerOffset, w.Length);
                return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.InvalidState);
            }

            AnswerLength = w.Length;
            return MikeyExchangeStatus.Ok;
        }

        private int Append(byte[] source, int offset, int length, int at)
        {
            Array.Copy(source, offset, _extra, at, length);
            return at + length;
        }
    }
}
