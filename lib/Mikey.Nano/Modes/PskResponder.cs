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
    /// when every check passed. The first exchange sizes the buffers (key data, TGK, RAND) to what it carries; after it, an
    /// exchange of the same shape allocates nothing.
    /// </summary>
    public sealed class PskResponder : MikeyResponder
    {
        private const int MaxKemacData = 512;

        private readonly KemacPayload _kemac = new KemacPayload();
        private readonly KemacProtection _protection;
        // Decrypted key data: grows to the longest Encr data met, up to MaxKemacData (a PSK offer's TEK or TGK chain is ~40
        // bytes, not 512; issue 10 §2 heap). Wiped after each use.
        private byte[] _plain = new byte[0];
        private readonly byte[] _psk = new byte[64];
        private readonly byte[] _idr = new byte[64];
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
            : base(clock, replayCache)
        {
            if (aesFactory == null) throw new ArgumentNullException();
            _protection = new KemacProtection(aesFactory, Kd);
        }

        /// <summary>
        /// Accept MIKEY-NULL offers (Encr alg and MAC alg NULL). Off by default: NULL mode has neither confidentiality nor
        /// integrity of its own and is safe only inside a protected carrier (RTSP over TLS, S/MIME SDP).
        /// </summary>
        public bool AcceptNullMode { get; set; }

        /// <summary>
        /// Release the exchange scratch after each <see cref="Respond"/>: the KEMAC engines and CTR scratch, the PRF/MAC HMAC,
        /// the decrypted key data buffer, the message reader, writer and layout and the staging bundle are dropped (keys wiped
        /// first) and created again by the next exchange. For a device that keys once and then streams (a sensor: ~9 KB less
        /// held on the interpreter while it streams, issue 10 §2); each exchange then allocates that much again. Off by
        /// default: a repeat exchange allocates nothing. Keys, PSK, identity and replay cache stay.
        /// </summary>
        public bool ReleaseExchangeScratch { get; set; }

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

        /// <inheritdoc/>
        public override MikeyExchangeStatus Respond(byte[] message, int offset, int length, byte[] answer, int answerOffset, int answerCapacity)
        {
            EnsureExchangeState();
            MikeyExchangeStatus status = Process(message, offset, length);
            if (status == MikeyExchangeStatus.Ok) status = LoadKeys(message);
            if (status == MikeyExchangeStatus.Ok && Reader.Header.V)
            {
                status = WriteVerification(message, answer, answerOffset, answerCapacity, DataType.PskVerification, _protection, _idrType, _idr, _idrLength);
            }

            _protection.Clear();
            bool counter = Layout.TimestampType == TimestampType.Counter;
            status = Complete(status, message, _identityOffset, !counter, answer, answerOffset, answerCapacity);
            if (status == MikeyExchangeStatus.Ok && counter)
            {
                // COUNTER timestamps (RFC 3830 §6.6): fresh means above the last counter accepted; no replay cache entry.
                _lastCounter = Layout.TimestampValue;
                _counterSeen = true;
            }

            if (ReleaseExchangeScratch)
            {
                _protection.Release();
                Kd.Prf.Release();
                SecureMemory.Wipe(_plain);
                _plain = new byte[0];
                ReleaseExchangeState();
            }

            return status;
        }

        private ulong _lastCounter;
        private bool _counterSeen;
        private int _identityOffset;

        private MikeyExchangeStatus Process(byte[] message, int offset, int length)
        {
            // With keys in place, a message without RAND may be a CSB update (RFC 3830 §4.5); checked below.
            Reader.IsCsbUpdate = Bundle.Count > 0;
            MikeyExchangeStatus s = ReadHeader(message, offset, length, DataType.PreShared);
            if (s != MikeyExchangeStatus.Ok) return s;
            CommonHeader hdr = Reader.Header;
            if (Layout.Fill(Reader) != MikeyStatus.End) return Fail(Reader.ErrorCode, MikeyExchangeStatus.Malformed);

            // RFC 3830 §3.1: HDR, T, RAND, [IDi], [IDr], {SP}, KEMAC — the KEMAC (the one integrity payload) last. A CSB
            // update (§4.5) has no RAND, keeps the CSB ID and derives with the RAND of the exchange that set the keys up.
            MessageLayout l = Layout;
            bool update = l.RandCount == 0;
            if (l.TimestampCount != 1 || l.RandCount > 1 || l.KemacCount != 1 || l.Last != PayloadType.Kemac
                || l.VerificationCount + l.SignCount + l.OtherCount + l.CertCount + l.DhCount + l.EccptCount + l.PkeCount + l.ChashCount + l.ErrorCount != 0
                || l.At(0) != PayloadType.Timestamp || (!update && l.At(1) != PayloadType.Rand))
            {
                return Fail(ErrorCode.UnsupportedMessageType, MikeyExchangeStatus.Malformed);
            }

            if (update && (Bundle.Count == 0 || CsbId != Bundle.CsbId)) return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.Mismatch);
            byte[] rand = update ? Bundle.Rand : message;
            int randOffset = update ? 0 : l.RandValueOffset;
            int randLength = update ? Bundle.RandLength : l.RandValueLength;

            _kemac.Bind(message, l.KemacOffset, l.KemacLength);
            EncryptionAlgorithm enc = _kemac.EncryptionAlgorithm;
            MacAlgorithm mac = _kemac.MacAlgorithm;
            bool nullMode = enc == EncryptionAlgorithm.Null && mac == MacAlgorithm.Null;
            if (nullMode ? !AcceptNullMode : mac == MacAlgorithm.Null)
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
            if (l.TimestampType == TimestampType.Counter)
            {
                // COUNTER (RFC 3830 §6.6) says nothing about wall-clock time: fresh means above the last counter accepted.
                if (_counterSeen && l.TimestampValue <= _lastCounter) return Fail(ErrorCode.InvalidTs, MikeyExchangeStatus.Replayed);
            }
            else
            {
                ReplayCacheStatus fresh = ReplayCache.Check(l.Timestamp64, message, idOffset);
                if (fresh == ReplayCacheStatus.OutsideSkew) return Fail(ErrorCode.InvalidTs, MikeyExchangeStatus.OutsideSkew);
                if (fresh == ReplayCacheStatus.Replayed) return Fail(ErrorCode.InvalidTs, MikeyExchangeStatus.Replayed);
            }

            // Integrity: keys from the PSK, the initiator's CSB ID and RAND (§4.1.4); MAC over everything before the MAC field (§5.2).
            if (!_protection.DeriveKeys(Prf, _psk, 0, _pskLength, CsbId, rand, randOffset, randLength, enc, mac))
            {
                return Fail(enc == EncryptionAlgorithm.Null || KemacProtection.EncryptionKeyLength(enc) >= 0 ? ErrorCode.InvalidMac : ErrorCode.InvalidEa,
                    MikeyExchangeStatus.Unsupported);
            }

            if (!nullMode && !_protection.VerifyMac(message, offset, _kemac.MacOffset - offset, null, 0, 0, message, _kemac.MacOffset, _kemac.MacLength))
            {
                return Fail(ErrorCode.AuthFailure, MikeyExchangeStatus.AuthenticationFailed);
            }

            // Authenticated: now policies (against the local minimum), then keys.
            s = Loader.LoadSessions(hdr, message, l, Quirks, Minimum, Staging);
            if (s != MikeyExchangeStatus.Ok) return Fail(Loader.ErrorCode, s);
            for (int i = 0; i < Staging.Count; i++)
            {
                // RFC 3830 §4.2.1: an SSRC the initiator left 0 is this side's stream; fill it in (answered in the V message).
                CryptoSession cs = Staging.Slot(i);
                if (cs.Ssrc == 0 && _ownStreamSet[i])
                {
                    cs.Ssrc = _ownSsrc[i];
                    cs.Roc = _ownRoc[i];
                }
            }

            if (ReleaseExchangeScratch) Loader.ReleasePolicyViews(); // loaded: the keys do not need them
            _identityOffset = idOffset;
            return MikeyExchangeStatus.Ok;
        }

        // The keys of an authenticated message whose policies are loaded: KEMAC decryption (RFC 3830 §4.2.3; an AES-KW-128
        // unwrap checks its integrity register first, KemacProtection remarks) and the TEKs or TGK-derived keys (§4.1.3). A
        // step of its own after Process returned: the interpreter allocates every frame on the heap, and Process's is large
        // while these are the exchange's deepest calls (issue 10 §2).
        private MikeyExchangeStatus LoadKeys(byte[] message)
        {
            MessageLayout l = Layout;
            // A CSB update (§4.5) has no RAND: it adds keys to the current sessions and derives with their RAND.
            bool update = l.RandCount == 0;
            int firstSlot = 0;
            if (update)
            {
                firstSlot = Loader.CarryKeysOver(Bundle, Staging);
                if (firstSlot < 0) return Fail(Loader.ErrorCode, MikeyExchangeStatus.Mismatch);
            }

            int encrLength = _kemac.EncrDataLength;
            if (_plain.Length < encrLength && encrLength <= MaxKemacData) _plain = new byte[encrLength]; // longer: Decrypt refuses
            int plainLength = _protection.Decrypt(CsbId, l.Timestamp64, message, _kemac.EncrDataOffset, encrLength, _plain, 0);
            if (plainLength == KemacProtection.WrapIntegrityFailed) return Fail(ErrorCode.AuthFailure, MikeyExchangeStatus.AuthenticationFailed);
            if (plainLength < 0)
            {
                return Fail(_kemac.EncryptionAlgorithm == EncryptionAlgorithm.AesKw128 ? ErrorCode.InvalidEa : ErrorCode.Unspecified,
                    MikeyExchangeStatus.Unsupported);
            }

            if (ReleaseExchangeScratch) _protection.ReleaseCipher(); // decrypted: the key derivation runs without the cipher's heap
            MikeyExchangeStatus s = Loader.LoadKeys(_plain, 0, plainLength, DataType.PreShared, Kd, update ? Bundle.Rand : message,
                update ? 0 : l.RandValueOffset, update ? Bundle.RandLength : l.RandValueLength, Staging, firstSlot);
            SecureMemory.Wipe(_plain, 0, plainLength);
            return s == MikeyExchangeStatus.Ok ? s : Fail(Loader.ErrorCode, s);
        }
    }
}
