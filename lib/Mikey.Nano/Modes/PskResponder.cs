using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Hal;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Modes
{
    /// <summary>
    /// The responder of the pre-shared key mode (RFC 3830 §3.1) and, when <see cref="AcceptNullMode"/> is set, of MIKEY-NULL
    /// (§4.2.3, RFC 5197 §3.4: KEMAC without encryption or MAC, only over a protected carrier). <see cref="Respond"/> takes an
    /// I_MESSAGE and writes the answer: the verification message when the initiator asked for one, or an error message.
    /// Checks run in the order of RFC 3830 §5.3: structure, freshness, MAC, then keys and policies; the bundle changes only
    /// when every check passed. Allocation-free after construction.
    /// </summary>
    public sealed class PskResponder
    {
        private const int MaxKemacData = 512;

        private readonly IMikeyClock _clock;
        private readonly ReplayCache _replayCache;
        private readonly MikeyReader _reader = new MikeyReader();
        private readonly MikeyWriter _writer = new MikeyWriter();
        private readonly MessageLayout _layout = new MessageLayout();
        private readonly KemacPayload _kemac = new KemacPayload();
        private readonly MikeyKeyDerivation _kd = new MikeyKeyDerivation();
        private readonly KemacProtection _protection;
        private readonly BundleLoader _loader = new BundleLoader();
        private readonly byte[] _plain = new byte[MaxKemacData];
        private readonly byte[] _psk = new byte[64];
        private readonly byte[] _idr = new byte[64];
        private readonly VerificationInput _vInput = new VerificationInput();
        private CryptoSessionBundle _bundle = new CryptoSessionBundle();
        private CryptoSessionBundle _staging = new CryptoSessionBundle();
        private readonly uint[] _ownSsrc = new uint[CryptoSessionBundle.MaxCryptoSessions];
        private readonly uint[] _ownRoc = new uint[CryptoSessionBundle.MaxCryptoSessions];
        private readonly bool[] _ownStreamSet = new bool[CryptoSessionBundle.MaxCryptoSessions];
        private int _pskLength;
        private int _idrLength;
        private IdType _idrType;

        /// <summary>Creates a responder.</summary>
        /// <param name="aesFactory">AES engines for the KEMAC.</param>
        /// <param name="clock">The local clock (timestamps of error messages).</param>
        /// <param name="replayCache">Freshness: skew window and the cache of accepted messages (may be shared by several responders).</param>
        public PskResponder(IAesEngineFactory aesFactory, IMikeyClock clock, ReplayCache replayCache)
        {
            if (aesFactory == null || clock == null || replayCache == null) throw new ArgumentNullException();
            _clock = clock;
            _replayCache = replayCache;
            _protection = new KemacProtection(aesFactory, _kd);
            Minimum = SrtpMinimumPolicy.Strict;
        }

        /// <summary>The local minimum every offered SRTP policy must meet; an offer below it is answered with Invalid SP.</summary>
        public SrtpMinimumPolicy Minimum { get; set; }

        /// <summary>Peer tolerances applied when reading policies (off by default).</summary>
        public MikeyQuirks Quirks { get; set; }

        /// <summary>
        /// Accept MIKEY-NULL offers (Encr alg and MAC alg NULL). Off by default: NULL mode has neither confidentiality nor
        /// integrity of its own and is safe only inside a protected carrier (RTSP over TLS, S/MIME SDP).
        /// </summary>
        public bool AcceptNullMode { get; set; }

        /// <summary>The keys of the last completed exchange (valid until the next one completes).</summary>
        public CryptoSessionBundle Bundle
        {
            get { return _bundle; }
        }

        /// <summary>Length of the answer written by the last <see cref="Respond"/> (0 when there is nothing to send).</summary>
        public int AnswerLength { get; private set; }

        /// <summary>The MIKEY error code that fits the last failure (also carried by the error message written).</summary>
        public ErrorCode ErrorCode { get; private set; }

        /// <summary>Sets the pre-shared key (copied; at least 16 bytes, at most 64).</summary>
        /// <param name="key">Buffer holding the key.</param>
        /// <param name="offset">Offset of the key.</param>
        /// <param name="length">Key length.</param>
        public void SetPreSharedKey(byte[] key, int offset, int length)
        {
            if (key == null) throw new ArgumentNullException();
            if (length < 16 || length > _psk.Length || offset < 0 || offset > key.Length - length) throw new ArgumentOutOfRangeException();
            SecureMemory.Wipe(_psk);
            Array.Copy(key, offset, _psk, 0, length);
            _pskLength = length;
        }

        /// <summary>
        /// Names this side's own sending stream for crypto session <paramref name="csId"/>: when an offer leaves that crypto
        /// session's SSRC 0, the responder fills in this SSRC and ROC (RFC 3830 §4.2.1) and the initiator learns them from the
        /// verification message.
        /// </summary>
        /// <param name="csId">CS number (1-based).</param>
        /// <param name="ssrc">This side's SSRC (not 0).</param>
        /// <param name="roc">Its current rollover counter.</param>
        public void SetOwnStream(int csId, uint ssrc, uint roc)
        {
            if (csId < 1 || csId > CryptoSessionBundle.MaxCryptoSessions || ssrc == 0) throw new ArgumentOutOfRangeException();
            _ownSsrc[csId - 1] = ssrc;
            _ownRoc[csId - 1] = roc;
            _ownStreamSet[csId - 1] = true;
        }

        /// <summary>Sets the identity this responder puts in its answer's ID payload (IDr); none by default.</summary>
        /// <param name="type">ID type.</param>
        /// <param name="id">Buffer holding the identity.</param>
        /// <param name="offset">Offset of the identity.</param>
        /// <param name="length">Identity length (at most 64; 0 for none).</param>
        public void SetIdentity(IdType type, byte[] id, int offset, int length)
        {
            if (length < 0 || length > _idr.Length) throw new ArgumentOutOfRangeException();
            if (length > 0) Array.Copy(id, offset, _idr, 0, length);
            _idrLength = length;
            _idrType = type;
        }

        /// <summary>
        /// Processes an I_MESSAGE. On <see cref="MikeyExchangeStatus.Ok"/> the keys are in <see cref="Bundle"/> and, when the
        /// initiator set the V flag, the verification message is in <paramref name="answer"/>; on a failure an error message
        /// is written there (when the header could be read) and nothing else changes.
        /// </summary>
        /// <param name="message">Buffer holding the received message.</param>
        /// <param name="offset">Offset of the message.</param>
        /// <param name="length">Message length.</param>
        /// <param name="answer">Buffer for the answer.</param>
        /// <param name="answerOffset">Offset of the answer.</param>
        /// <param name="answerCapacity">Room for the answer.</param>
        /// <returns>The outcome.</returns>
        public MikeyExchangeStatus Respond(byte[] message, int offset, int length, byte[] answer, int answerOffset, int answerCapacity)
        {
            AnswerLength = 0;
            ErrorCode = ErrorCode.Unspecified;
            MikeyExchangeStatus status = Process(message, offset, length);
            if (status == MikeyExchangeStatus.Ok && _reader.Header.V)
            {
                status = WriteVerification(message, answer, answerOffset, answerCapacity);
            }

            if (status == MikeyExchangeStatus.Ok && _tType != TimestampType.Counter)
            {
                // Only an authenticated, acceptable message enters the cache (RFC 3830 §5.3 step 4); a full cache refuses.
                ReplayCacheStatus stored = _replayCache.Remember(_layout.Timestamp64, message, _identityOffset);
                if (stored == ReplayCacheStatus.Full) status = Fail(ErrorCode.Unspecified, MikeyExchangeStatus.ReplayCacheFull);
                else if (stored != ReplayCacheStatus.Fresh) status = Fail(ErrorCode.InvalidTs, MikeyExchangeStatus.Replayed);
            }

            _protection.Clear();
            if (status == MikeyExchangeStatus.Ok)
            {
                // Commit: the staging bundle becomes the current one; the old keys are wiped.
                if (_tType == TimestampType.Counter)
                {
                    _lastCounter = _t;
                    _counterSeen = true;
                }

                CryptoSessionBundle old = _bundle;
                _bundle = _staging;
                _staging = old;
                _staging.Clear();
                return MikeyExchangeStatus.Ok;
            }

            _staging.Clear();
            AnswerLength = 0;
            if (_headerRead) WriteError(answer, answerOffset, answerCapacity);
            return status;
        }

        private bool _headerRead;
        private ulong _lastCounter;
        private bool _counterSeen;
        private ulong _t;
        private TimestampType _tType;
        private PrfFunction _prf;
        private uint _csbId;
        private MacAlgorithm _mac;

        private MikeyExchangeStatus Process(byte[] message, int offset, int length)
        {
            _headerRead = false;
            // With keys in place, a message without RAND may be a CSB update (RFC 3830 §4.5); checked below.
            _reader.IsCsbUpdate = _bundle.Count > 0;
            if (_reader.Reset(message, offset, length) != MikeyStatus.Ok) return Fail(_reader.ErrorCode, MikeyExchangeStatus.Malformed);
            CommonHeader hdr = _reader.Header;
            _headerRead = true;
            _prf = hdr.PrfFunction;
            _csbId = hdr.CsbId;
            if (hdr.DataType != DataType.PreShared) return Fail(ErrorCode.InvalidDt, MikeyExchangeStatus.UnexpectedMessage);
            if (_layout.Fill(_reader) != MikeyStatus.End) return Fail(_reader.ErrorCode, MikeyExchangeStatus.Malformed);

            // RFC 3830 §3.1: HDR, T, RAND, [IDi], [IDr], {SP}, KEMAC — the KEMAC (the one integrity payload) last. A CSB
            // update (§4.5) has no RAND, keeps the CSB ID and derives with the RAND of the exchange that set the keys up.
            MessageLayout l = _layout;
            bool update = l.RandCount == 0;
            if (l.TimestampCount != 1 || l.RandCount > 1 || l.KemacCount != 1 || l.Last != PayloadType.Kemac
                || l.VerificationCount + l.SignCount + l.OtherCount + l.CertCount + l.DhCount + l.EccptCount + l.PkeCount + l.ChashCount + l.ErrorCount != 0
                || l.At(0) != PayloadType.Timestamp || (!update && l.At(1) != PayloadType.Rand))
            {
                return Fail(ErrorCode.UnsupportedMessageType, MikeyExchangeStatus.Malformed);
            }

            if (update && (_bundle.Count == 0 || _csbId != _bundle.CsbId)) return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.Mismatch);
            byte[] rand = update ? _bundle.Rand : message;
            int randOffset = update ? 0 : l.RandValueOffset;
            int randLength = update ? _bundle.RandLength : l.RandValueLength;

            _t = l.TimestampValue;
            _tType = l.TimestampType;
            _kemac.Bind(message, l.KemacOffset, l.KemacLength);
            EncryptionAlgorithm enc = _kemac.EncryptionAlgorithm;
            _mac = _kemac.MacAlgorithm;
            bool nullMode = enc == EncryptionAlgorithm.Null && _mac == MacAlgorithm.Null;
            if (nullMode ? !AcceptNullMode : _mac == MacAlgorithm.Null)
            {
                // A NULL MAC is NULL mode or nothing: never a PSK message without integrity.
                return Fail(ErrorCode.InvalidMac, MikeyExchangeStatus.AuthenticationFailed);
            }

            if (!nullMode && _pskLength == 0) return Fail(ErrorCode.AuthFailure, MikeyExchangeStatus.UnknownPeer);

            // Freshness before any key work (RFC 3830 §5.3 step 1). The identity of a message is its MAC (or, in NULL mode,
            // the RAND, or an update's key data: there is nothing else the sender committed to).
            int idOffset = !nullMode ? _kemac.MacOffset : update ? _kemac.EncrDataOffset : l.RandValueOffset;
            int idLength = !nullMode ? _kemac.MacLength : update ? _kemac.EncrDataLength : l.RandValueLength;
            if (idLength < ReplayCache.IdentityLength) return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.Malformed);
            if (_tType == TimestampType.Counter)
            {
                // COUNTER (RFC 3830 §6.6) says nothing about wall-clock time: fresh means above the last counter accepted.
                if (_counterSeen && _t <= _lastCounter) return Fail(ErrorCode.InvalidTs, MikeyExchangeStatus.Replayed);
            }
            else
            {
                ReplayCacheStatus fresh = _replayCache.Check(l.Timestamp64, message, idOffset);
                if (fresh == ReplayCacheStatus.OutsideSkew) return Fail(ErrorCode.InvalidTs, MikeyExchangeStatus.OutsideSkew);
                if (fresh == ReplayCacheStatus.Replayed) return Fail(ErrorCode.InvalidTs, MikeyExchangeStatus.Replayed);
            }

            // Integrity: keys from the PSK, the initiator's CSB ID and RAND (§4.1.4); MAC over everything before the MAC field (§5.2).
            if (!_protection.DeriveKeys(_prf, _psk, 0, _pskLength, _csbId, rand, randOffset, randLength, enc, _mac))
            {
                return Fail(enc == EncryptionAlgorithm.Null || KemacProtection.EncryptionKeyLength(enc) >= 0 ? ErrorCode.InvalidMac : ErrorCode.InvalidEa,
                    MikeyExchangeStatus.Unsupported);
            }

            if (!nullMode && !_protection.VerifyMac(message, offset, _kemac.MacOffset - offset, null, 0, 0, message, _kemac.MacOffset, _kemac.MacLength))
            {
                return Fail(ErrorCode.AuthFailure, MikeyExchangeStatus.AuthenticationFailed);
            }

            // Authenticated: now policies (against the local minimum), then keys.
            MikeyExchangeStatus s = _loader.LoadSessions(hdr, message, l, Quirks, Minimum, _staging);
            if (s != MikeyExchangeStatus.Ok) return Fail(_loader.ErrorCode, s);
            for (int i = 0; i < _staging.Count; i++)
            {
                // RFC 3830 §4.2.1: an SSRC the initiator left 0 is this side's stream; fill it in (answered in the V message).
                CryptoSession cs = _staging.Slot(i);
                if (cs.Ssrc == 0 && _ownStreamSet[i])
                {
                    cs.Ssrc = _ownSsrc[i];
                    cs.Roc = _ownRoc[i];
                }
            }

            int firstSlot = 0;
            if (update)
            {
                firstSlot = _loader.CarryKeysOver(_bundle, _staging);
                if (firstSlot < 0) return Fail(_loader.ErrorCode, MikeyExchangeStatus.Mismatch);
            }

            int encrLength = _kemac.EncrDataLength;
            if (encrLength > _plain.Length) return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.Unsupported);
            Array.Copy(message, _kemac.EncrDataOffset, _plain, 0, encrLength);
            _protection.Transform(_csbId, l.Timestamp64, _plain, 0, encrLength);
            s = _loader.LoadKeys(_plain, 0, encrLength, DataType.PreShared, _kd, rand, randOffset, randLength, _staging, firstSlot);
            SecureMemory.Wipe(_plain, 0, encrLength);
            if (s != MikeyExchangeStatus.Ok) return Fail(_loader.ErrorCode, s);

            _identityOffset = idOffset;
            // Identities for the V MAC: IDi and IDr data as transported (RFC 3830 §5.2).
            _vIdiOffset = l.IdCount > 0 ? l.IdDataOffset[0] : 0;
            _vIdiLength = l.IdCount > 0 ? l.IdDataLength[0] : 0;
            _vIdrOffset = l.IdCount > 1 ? l.IdDataOffset[1] : 0;
            _vIdrLength = l.IdCount > 1 ? l.IdDataLength[1] : 0;
            _vTOffset = l.TimestampValueOffset;
            _vTLength = l.TimestampValueLength;
            return MikeyExchangeStatus.Ok;
        }

        private int _identityOffset;
        private int _vIdiOffset;
        private int _vIdiLength;
        private int _vIdrOffset;
        private int _vIdrLength;
        private int _vTOffset;
        private int _vTLength;

        private MikeyExchangeStatus WriteVerification(byte[] message, byte[] answer, int answerOffset, int answerCapacity)
        {
            // R_MESSAGE: HDR, T (the initiator's), [IDr], V (RFC 3830 §3.1).
            MikeyWriter w = _writer;
            w.Reset(answer, answerOffset, answerCapacity);
            w.WriteHeader(DataType.PskVerification, false, _prf, _csbId, CsIdMapType.SrtpId);
            for (int i = 0; i < _staging.Count; i++)
            {
                CryptoSession cs = _staging.Get(i);
                w.AddSrtpIdEntry(cs.PolicyNo, cs.Ssrc, cs.Roc);
            }

            w.WriteTimestamp(_tType, _t);
            if (_idrLength > 0) w.WriteId(_idrType, _idr, 0, _idrLength);
            w.WriteVerification(_mac);
            if (w.Finish() != MikeyStatus.Ok) return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.BufferTooSmall);

            // V = MAC(R_MESSAGE without Ver data ‖ IDi ‖ IDr ‖ T) with the I_MESSAGE's auth_key (§5.2). IDr: the one this
            // answer carries, else the one the initiator named.
            VerificationInput v = _vInput;
            v.Reset();
            v.Append(message, _vIdiOffset, _vIdiLength);
            if (_idrLength > 0) v.Append(_idr, 0, _idrLength);
            else v.Append(message, _vIdrOffset, _vIdrLength);
            v.Append(message, _vTOffset, _vTLength);
            if (v.Overflow) return Fail(ErrorCode.InvalidId, MikeyExchangeStatus.Unsupported);
            if (w.IntegrityFieldLength > 0)
            {
                _protection.ComputeMac(answer, answerOffset, w.CoveredLength, v.Buffer, 0, v.Length, answer, w.IntegrityFieldOffset);
            }

            AnswerLength = w.Length;
            return MikeyExchangeStatus.Ok;
        }

        private void WriteError(byte[] answer, int answerOffset, int answerCapacity)
        {
            // Error message: HDR (type 6, V = 0, PRF and CSB ID of the offending message), T (fresh), ERR (RFC 3830 §5.1.2).
            // Unauthenticated: receivers treat it as a hint only.
            if (answer == null) return;
            MikeyWriter w = _writer;
            w.Reset(answer, answerOffset, answerCapacity);
            w.WriteHeader(DataType.Error, false, _headerRead ? _prf : PrfFunction.Mikey1, _headerRead ? _csbId : 0, CsIdMapType.SrtpId);
            w.WriteTimestamp(TimestampType.NtpUtc, _clock.NtpNow);
            w.WriteError(ErrorCode);
            if (w.Finish() == MikeyStatus.Ok) AnswerLength = w.Length;
        }

        private MikeyExchangeStatus Fail(ErrorCode code, MikeyExchangeStatus status)
        {
            ErrorCode = code;
            return status;
        }
    }
}
