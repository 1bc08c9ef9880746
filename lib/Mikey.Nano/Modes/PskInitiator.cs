using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Hal;
using NanoMikey.Crypto.Random;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Policy;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Modes
{
    /// <summary>
    /// The initiator of the pre-shared key mode (RFC 3830 §3.1), or of MIKEY-NULL with <see cref="UseNullMode"/>. Add the
    /// streams (<see cref="AddCryptoSession"/>), write the offer (<see cref="WriteOffer"/>): a fresh CSB ID, RAND and TGK
    /// from the DRBG, T from the clock, KEMAC encrypted and MACed. The keys are in <see cref="Bundle"/> at once; with
    /// <see cref="RequestVerification"/> the exchange completes when <see cref="ReadAnswer"/> accepts the responder's
    /// verification message. Allocation-free after construction.
    /// </summary>
    /// <remarks>
    /// GStreamer / ONVIF shape (RTSP, RFC 4567): <see cref="UseNullMode"/> and <see cref="KeyTransport"/> =
    /// <see cref="KeyDataType.Tek"/> write HDR, T, RAND, SP, KEMAC(NULL, NULL) holding one TEK = master key ‖ master salt,
    /// which GStreamer takes as the SRTP key as it is (gstmikey.c <c>to_caps</c>); <see cref="Quirks"/> =
    /// <see cref="MikeyQuirks.GStreamerTagLengthInAuthKeyLength"/> writes the SP so GStreamer reads a 32-bit tag right. With
    /// a PSK the same TEK is encrypted and MACed (our device to our device).
    /// </remarks>
    public sealed class PskInitiator
    {
        private const int RandLength = 16;
        private const int MaxTgkLength = 48; // TGK: 32 + up to 7 bytes that align an AES-KW-128 chain; TEK: 32-byte key ‖ 14-byte salt

        private readonly HmacDrbg _drbg;
        private readonly IMikeyClock _clock;
        private readonly MikeyWriter _writer = new MikeyWriter();
        private readonly MikeyReader _reader = new MikeyReader();
        private readonly MessageLayout _layout = new MessageLayout();
        private readonly VerificationPayload _v = new VerificationPayload();
        private readonly MikeyKeyDerivation _kd = new MikeyKeyDerivation();
        private readonly KemacProtection _protection;
        private readonly SrtpPolicyMapping _mapping = new SrtpPolicyMapping();
        private readonly SrtpPolicy _scratchPolicy = new SrtpPolicy();
        private readonly SrtpPolicy[] _policies = new SrtpPolicy[CryptoSessionBundle.MaxCryptoSessions];
        private readonly uint[] _ssrc = new uint[CryptoSessionBundle.MaxCryptoSessions];
        private readonly uint[] _roc = new uint[CryptoSessionBundle.MaxCryptoSessions];
        private readonly int[] _policyNo = new int[CryptoSessionBundle.MaxCryptoSessions];
        private readonly byte[] _psk = new byte[64];
        private readonly byte[] _idi = new byte[64];
        private readonly byte[] _idr = new byte[64];
        private readonly byte[] _rand = new byte[RandLength];
        private readonly byte[] _tgk = new byte[MaxTgkLength];
        private readonly byte[] _fixedTek = new byte[MaxTgkLength];
        private int _fixedTekLength;
        private KeyDataType _keyTransport = KeyDataType.Tgk;
        private readonly byte[] _fresh = new byte[RandLength + MaxTgkLength + 4];
        private readonly VerificationInput _vInput = new VerificationInput();
        private CryptoSessionBundle _bundle = new CryptoSessionBundle();
        private int _count;
        private int _pskLength;
        private int _idiLength;
        private int _idrLength;
        private IdType _idiType;
        private IdType _idrType;
        private bool _awaitingAnswer;
        private ulong _t;
        private uint _csbId;
        private int _mkiLength;
        private TimestampType _tType = TimestampType.NtpUtc;
        private uint _generation;
        private readonly byte[] _mki = new byte[SrtpMasterKeyEntry.MaxMkiLength];
        private readonly byte[] _interval = new byte[12];
        private bool _hasInterval;
        private ulong _validFrom;
        private ulong _validTo;

        /// <summary>Creates an initiator.</summary>
        /// <param name="aesFactory">AES engines for the KEMAC.</param>
        /// <param name="drbg">Randomness for CSB ID, RAND and TGK.</param>
        /// <param name="clock">The local clock (the offer's timestamp).</param>
        public PskInitiator(IAesEngineFactory aesFactory, HmacDrbg drbg, IMikeyClock clock)
        {
            if (aesFactory == null || drbg == null || clock == null) throw new ArgumentNullException();
            _drbg = drbg;
            _clock = clock;
            _protection = new KemacProtection(aesFactory, _kd);
            Prf = PrfFunction.Mikey1;
            Encryption = EncryptionAlgorithm.AesCm128;
            Mac = MacAlgorithm.HmacSha1160;
        }

        /// <summary>Write MIKEY-NULL (no encryption, no MAC, no PSK): only over a carrier that protects the message itself.</summary>
        public bool UseNullMode { get; set; }

        /// <summary>
        /// What the KEMAC carries: <see cref="KeyDataType.Tgk"/> (default; both sides derive each session's TEK and salt with
        /// the PRF, RFC 3830 §4.1.3) or <see cref="KeyDataType.Tek"/>: one Key data of type TEK, no Salt field, holding the SRTP
        /// master key ‖ master salt that every crypto session of the offer uses as it is (no PRF step). The TEK layout is the
        /// de-facto one of GStreamer, ONVIF, live555 (RFC 3830 App. A leaves a bare TEK's salt open). A TEK offer writes no
        /// ID payloads (GStreamer's parser never returns from one, peers.md), and all its sessions need the same key and salt
        /// lengths. <see cref="MkiLength"/> above 0 adds the MKI as SPI (ONVIF, live555); GStreamer ignores it, so leave it 0
        /// for GStreamer.
        /// </summary>
        public KeyDataType KeyTransport
        {
            get { return _keyTransport; }
            set
            {
                if (value != KeyDataType.Tgk && value != KeyDataType.Tek) throw new ArgumentOutOfRangeException();
                _keyTransport = value;
            }
        }

        /// <summary>
        /// Fixes the TEK (master key ‖ master salt, copied) that the following TEK offers send instead of a fresh one from the
        /// DRBG: to repeat a key already announced (an RTSP client's SETUP repeating its ANNOUNCE key). Its length must be the
        /// sessions' key plus salt length when an offer is written (else InvalidState).
        /// </summary>
        /// <param name="tek">Buffer holding key ‖ salt.</param>
        /// <param name="offset">Offset of the TEK.</param>
        /// <param name="length">TEK length (1 to 46).</param>
        public void SetTek(byte[] tek, int offset, int length)
        {
            if (tek == null) throw new ArgumentNullException();
            if (length < 1 || length > SrtpMasterKeyEntry.MaxKeyLength + SrtpMasterKeyEntry.MaxSaltLength || offset < 0 || offset > tek.Length - length)
            {
                throw new ArgumentOutOfRangeException();
            }

            SecureMemory.Wipe(_fixedTek);
            Array.Copy(tek, offset, _fixedTek, 0, length);
            _fixedTekLength = length;
        }

        /// <summary>
        /// Fixes the TEK of the last offer (the master key ‖ salt now in <see cref="Bundle"/>) for the following TEK offers,
        /// as <see cref="SetTek"/> would, without the caller copying key material: an RTSP client's SETUP repeating the key of
        /// its ANNOUNCE, possibly after adding crypto sessions. <see cref="Reset"/> and <see cref="ClearTek"/> end it.
        /// </summary>
        /// <exception cref="InvalidOperationException">No TEK offer has been written since the last reset.</exception>
        public void RepeatTek()
        {
            if (_keyTransport != KeyDataType.Tek || _bundle.Count == 0 || _bundle.TgkLength != 0) throw new InvalidOperationException();
            CryptoSession cs = _bundle.Get(0);
            SrtpMasterKeyEntry k = cs.GetMasterKey(cs.MasterKeyCount - 1);
            SecureMemory.Wipe(_fixedTek);
            Array.Copy(k.Key, 0, _fixedTek, 0, k.KeyLength);
            Array.Copy(k.Salt, 0, _fixedTek, k.KeyLength, k.SaltLength);
            _fixedTekLength = k.KeyLength + k.SaltLength;
        }

        /// <summary>Wipes a TEK set with <see cref="SetTek"/>: TEK offers draw fresh keys from the DRBG again (the default).</summary>
        public void ClearTek()
        {
            SecureMemory.Wipe(_fixedTek);
            _fixedTekLength = 0;
        }

        /// <summary>
        /// Peer deviations to write for (none by default). <see cref="MikeyQuirks.GStreamerTagLengthInAuthKeyLength"/> writes
        /// each SP so GStreamer reads its tag length right (<see cref="SrtpPolicyMapping.Write(MikeyWriter, int, SrtpPolicy, MikeyQuirks)"/>);
        /// a policy GStreamer cannot express then fails the offer with Unsupported.
        /// </summary>
        public MikeyQuirks Quirks { get; set; }

        /// <summary>Set the V flag: the responder answers with a verification message (RFC 3830 §3.1).</summary>
        public bool RequestVerification { get; set; }

        /// <summary>PRF for every derivation (MIKEY-1 by default).</summary>
        public PrfFunction Prf { get; set; }

        /// <summary>KEMAC encryption (AES-CM-128 by default).</summary>
        public EncryptionAlgorithm Encryption { get; set; }

        /// <summary>KEMAC MAC and V algorithm (HMAC-SHA-1-160 by default).</summary>
        public MacAlgorithm Mac { get; set; }

        /// <summary>
        /// Timestamp type of the offers: NTP-UTC (default), NTP-UTC-32 (RFC 6043 §6.3) or COUNTER (RFC 3830 §6.6, for devices
        /// without a synchronised clock: the responder then requires each counter to exceed the last it accepted).
        /// </summary>
        public TimestampType TimestampType
        {
            get { return _tType; }
            set
            {
                if (value != TimestampType.NtpUtc && value != TimestampType.NtpUtc32 && value != TimestampType.Counter) throw new ArgumentOutOfRangeException();
                _tType = value;
            }
        }

        /// <summary>The last COUNTER value used; the next message uses one more. Persist it across restarts.</summary>
        public uint Counter { get; set; }

        /// <summary>
        /// MKI length (0 to 4 bytes) carried as the Key data SPI: the key generation number. Set it (before the first offer) when
        /// CSB updates must re-key without losing packets in flight: SRTP then tells old and new keys apart by MKI (RFC 3711 §3.1).
        /// </summary>
        public int MkiLength
        {
            get { return _mkiLength; }
            set
            {
                if (value < 0 || value > SrtpMasterKeyEntry.MaxMkiLength) throw new ArgumentOutOfRangeException();
                _mkiLength = value;
            }
        }

        /// <summary>
        /// Sends the key of the next offer or update with an interval KV (RFC 3830 §6.14): valid for the SRTP indices
        /// <paramref name="validFrom"/>..<paramref name="validTo"/> (48-bit ROC ‖ SEQ, inclusive; RFC 3711 §8.1.1). A Key data
        /// has one KV (§6.13): an interval excludes an MKI, so <see cref="MkiLength"/> must be 0 (else the write is refused
        /// with InvalidState).
        /// </summary>
        /// <param name="validFrom">First SRTP index.</param>
        /// <param name="validTo">Last SRTP index (at most 2^48 - 1).</param>
        public void SetKeyValidity(ulong validFrom, ulong validTo)
        {
            if (validFrom > validTo || validTo > 0xFFFFFFFFFFFFUL) throw new ArgumentOutOfRangeException();
            _validFrom = validFrom;
            _validTo = validTo;
            _hasInterval = true;
        }

        /// <summary>Sends keys without an interval KV again (the default).</summary>
        public void ClearKeyValidity()
        {
            _hasInterval = false;
        }

        /// <summary>The keys of this exchange: available after <see cref="WriteOffer"/>.</summary>
        public CryptoSessionBundle Bundle
        {
            get { return _bundle; }
        }

        /// <summary>True once the exchange is complete (after the offer, or after a verified answer when one was requested).</summary>
        public bool IsComplete { get; private set; }

        /// <summary>Length of the offer written by the last <see cref="WriteOffer"/>.</summary>
        public int OfferLength { get; private set; }

        /// <summary>The error code of an error message received by <see cref="ReadAnswer"/>.</summary>
        public ErrorCode ReceivedError { get; private set; }

        /// <summary>Sets the pre-shared key (copied; 16 to 64 bytes).</summary>
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

        /// <summary>Sets the identities sent as IDi and IDr (each at most 64 bytes; length 0 omits the payload).</summary>
        /// <param name="type">ID type of both.</param>
        /// <param name="idi">Initiator identity.</param>
        /// <param name="idiLength">Its length.</param>
        /// <param name="idr">Responder identity.</param>
        /// <param name="idrLength">Its length.</param>
        public void SetIdentities(IdType type, byte[]? idi, int idiLength, byte[]? idr, int idrLength)
        {
            if (idiLength < 0 || idiLength > _idi.Length || idrLength < 0 || idrLength > _idr.Length) throw new ArgumentOutOfRangeException();
            if (idiLength > 0) Array.Copy(idi!, _idi, idiLength);
            if (idrLength > 0) Array.Copy(idr!, _idr, idrLength);
            _idiLength = idiLength;
            _idrLength = idrLength;
            _idiType = type;
            _idrType = type;
        }

        /// <summary>Adds a crypto session: one SRTP stream with its policy. Sessions sharing a policy object share one SP payload.</summary>
        /// <param name="ssrc">SSRC of the stream (0: let the responder fill it in, RFC 3830 §4.2.1).</param>
        /// <param name="roc">Initial rollover counter.</param>
        /// <param name="policy">SRTP policy (kept by reference until the offer is written).</param>
        /// <returns>The CS number (1-based).</returns>
        public int AddCryptoSession(uint ssrc, uint roc, SrtpPolicy policy)
        {
            if (policy == null) throw new ArgumentNullException();
            if (_count == CryptoSessionBundle.MaxCryptoSessions) throw new InvalidOperationException();
            int no = _count;
            for (int i = 0; i < _count; i++)
            {
                if (_policies[i] == policy)
                {
                    no = _policyNo[i];
                    break;
                }
            }

            _policies[_count] = policy;
            _ssrc[_count] = ssrc;
            _roc[_count] = roc;
            _policyNo[_count] = no;
            return ++_count;
        }

        /// <summary>Removes every crypto session and wipes the keys.</summary>
        public void Reset()
        {
            for (int i = 0; i < _count; i++) _policies[i] = null!;
            _count = 0;
            _bundle.Clear();
            SecureMemory.Wipe(_tgk);
            ClearTek();
            _protection.Clear();
            _awaitingAnswer = false;
            IsComplete = false;
        }

        /// <summary>Writes the I_MESSAGE (RFC 3830 §3.1: HDR, T, RAND, [IDi], [IDr], {SP}, KEMAC) and derives this side's keys.</summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Offset of the message.</param>
        /// <param name="capacity">Room for the message.</param>
        /// <returns>Ok, BufferTooSmall, Unsupported (an algorithm this implementation lacks), or InvalidState (no sessions or no PSK).</returns>
        public MikeyExchangeStatus WriteOffer(byte[] buffer, int offset, int capacity)
        {
            return Write(buffer, offset, capacity, false);
        }

        /// <summary>
        /// Writes a CSB update (RFC 3830 §4.5): same CSB ID, a new T, no RAND, a new TGK (with the next MKI) for every crypto
        /// session, including those added since the last message. The new keys join <see cref="Bundle"/> after the old ones
        /// (<see cref="CryptoSession.AddNewKeysTo"/> hands them to running SRTP contexts).
        /// </summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Offset of the message.</param>
        /// <param name="capacity">Room for the message.</param>
        /// <returns>Ok, BufferTooSmall, or InvalidState (no completed exchange, or every key slot used: start a new exchange).</returns>
        public MikeyExchangeStatus WriteUpdate(byte[] buffer, int offset, int capacity)
        {
            if (!IsComplete || _bundle.Count == 0 || _bundle.Get(0).MasterKeyCount >= CryptoSession.MaxMasterKeys) return MikeyExchangeStatus.InvalidState;
            return Write(buffer, offset, capacity, true);
        }

        private MikeyExchangeStatus Write(byte[] buffer, int offset, int capacity, bool update)
        {
            OfferLength = 0;
            if (_count == 0 || (!UseNullMode && _pskLength == 0) || (_hasInterval && _mkiLength > 0)) return MikeyExchangeStatus.InvalidState;
            if (!_drbg.CanGenerate(1)) return MikeyExchangeStatus.ReseedRequired;
            EncryptionAlgorithm enc = UseNullMode ? EncryptionAlgorithm.Null : Encryption;
            MacAlgorithm mac = UseNullMode ? MacAlgorithm.Null : Mac;
            if (!UseNullMode && (mac == MacAlgorithm.Null || KemacProtection.EncryptionKeyLength(enc) < 0)) return MikeyExchangeStatus.Unsupported;

            bool tek = _keyTransport == KeyDataType.Tek;
            int tgkLength = 16;
            if (tek)
            {
                // One TEK for every session: key and salt lengths must agree, and a TEK carries no identities (remarks).
                int keyLength = _policies[0].SessionEncryptionKeyLength;
                int saltLength = _policies[0].SessionSaltKeyLength;
                for (int i = 1; i < _count; i++)
                {
                    if (_policies[i].SessionEncryptionKeyLength != keyLength || _policies[i].SessionSaltKeyLength != saltLength) return MikeyExchangeStatus.InvalidState;
                }

                tgkLength = keyLength + saltLength;
                if (_idiLength > 0 || _idrLength > 0 || (_fixedTekLength > 0 && _fixedTekLength != tgkLength)) return MikeyExchangeStatus.InvalidState;
                if (enc == EncryptionAlgorithm.AesKw128 && ((4 + tgkLength + (_hasInterval ? 14 : _mkiLength > 0 ? 1 + _mkiLength : 0)) & 7) != 0)
                {
                    // A TEK cannot grow to align an AES-KW-128 chain (KemacProtection remarks).
                    return MikeyExchangeStatus.Unsupported;
                }
            }
            else
            {
                for (int i = 0; i < _count; i++)
                {
                    if (_policies[i].SessionEncryptionKeyLength > 16) tgkLength = 32;
                }
            }

            if (!tek && enc == EncryptionAlgorithm.AesKw128)
            {
                // AES-KW-128 wraps 8-byte multiples and MIKEY defines no padding (KemacProtection remarks): the TGK grows until
                // the Key data sub-payload (4-byte header, TGK, KV data) is a multiple of 8.
                int chain = 4 + tgkLength + (_hasInterval ? 14 : _mkiLength > 0 ? 1 + _mkiLength : 0);
                tgkLength += (8 - (chain & 7)) & 7;
            }

            // One DRBG request for RAND, TGK and CSB ID: each request costs a DRBG state update (RFC 3830 §4.1.1: fresh values).
            _drbg.Generate(_fresh, 0, RandLength + tgkLength + 4);
            if (!update)
            {
                Array.Copy(_fresh, 0, _rand, 0, RandLength);
                int c = RandLength + tgkLength;
                _csbId = ((uint)_fresh[c] << 24) | ((uint)_fresh[c + 1] << 16) | ((uint)_fresh[c + 2] << 8) | _fresh[c + 3];
                _generation = 0;
            }
            else
            {
                _generation++;
            }

            Array.Copy(tek && _fixedTekLength > 0 ? _fixedTek : _fresh, tek && _fixedTekLength > 0 ? 0 : RandLength, _tgk, 0, tgkLength);
            SecureMemory.Wipe(_fresh);
            // RFC 3830 §5.2: every initiator message has its own T.
            ulong t;
            if (_tType == TimestampType.Counter)
            {
                if (Counter == 0xFFFFFFFF)
                {
                    SecureMemory.Wipe(_tgk);
                    return MikeyExchangeStatus.InvalidState;
                }
                t = ++Counter;
            }
            else
            {
                t = _tType == TimestampType.NtpUtc32 ? _clock.NtpNow >> 32 : _clock.NtpNow;
                if (update && t <= _t) t = _t + 1;
            }

            _t = t;
            for (int i = 0; i < _mkiLength; i++) _mki[i] = (byte)(_generation >> (8 * (_mkiLength - 1 - i)));

            MikeyWriter w = _writer;
            w.Reset(buffer, offset, capacity);
            w.WriteHeader(DataType.PreShared, RequestVerification, Prf, _csbId, CsIdMapType.SrtpId);
            for (int i = 0; i < _count; i++) w.AddSrtpIdEntry(_policyNo[i], _ssrc[i], _roc[i]);
            w.WriteTimestamp(_tType, _t);
            if (!update) w.WriteRand(_rand, 0, RandLength);
            if (_idiLength > 0) w.WriteId(_idiType, _idi, 0, _idiLength);
            if (_idrLength > 0) w.WriteId(_idrType, _idr, 0, _idrLength);
            for (int i = 0; i < _count; i++)
            {
                if (_policyNo[i] == i)
                {
                    _scratchPolicy.CopyFrom(_policies[i]);
                    _scratchPolicy.MkiLength = _mkiLength;
                    if (_mapping.Write(w, i, _scratchPolicy, Quirks) == MikeyStatus.InvalidValue)
                    {
                        SecureMemory.Wipe(_tgk);
                        return MikeyExchangeStatus.Unsupported;
                    }
                }
            }

            w.BeginKemac(enc);
            if (_hasInterval)
            {
                for (int i = 0; i < 6; i++)
                {
                    _interval[i] = (byte)(_validFrom >> (40 - 8 * i));
                    _interval[6 + i] = (byte)(_validTo >> (40 - 8 * i));
                }

                w.WriteKeyData(_keyTransport, _tgk, 0, tgkLength, null, 0, 0, KvType.Interval, _interval, 0, 6, _interval, 6, 6);
            }
            else
            {
                w.WriteKeyData(_keyTransport, _tgk, 0, tgkLength, null, 0, 0, _mkiLength > 0 ? KvType.Spi : KvType.Null,
                    _mkiLength > 0 ? _mki : null, 0, _mkiLength, null, 0, 0);
            }
            w.EndKemac(mac);
            if (w.Finish() != MikeyStatus.Ok)
            {
                SecureMemory.Wipe(buffer, offset, capacity);
                SecureMemory.Wipe(_tgk);
                return MikeyExchangeStatus.BufferTooSmall;
            }

            if (!_protection.DeriveKeys(Prf, _psk, 0, _pskLength, _csbId, _rand, 0, RandLength, enc, mac))
            {
                SecureMemory.Wipe(buffer, offset, w.Length);
                SecureMemory.Wipe(_tgk);
                return MikeyExchangeStatus.Unsupported;
            }

            // The KEMAC IV takes T as 64 bits: NTP-UTC-32 as seconds ‖ 0 (RFC 6043 §6.3), COUNTER zero-extended (RFC 3830 §6.6).
            if (!_protection.Encrypt(_csbId, _tType == TimestampType.NtpUtc32 ? _t << 32 : _t, buffer, w.KemacEncrDataOffset, w.KemacEncrDataLength))
            {
                SecureMemory.Wipe(buffer, offset, w.Length);
                SecureMemory.Wipe(_tgk);
                return MikeyExchangeStatus.Unsupported;
            }

            if (w.IntegrityFieldLength > 0) _protection.ComputeMac(buffer, offset, w.CoveredLength, null, 0, 0, buffer, w.IntegrityFieldOffset);

            // This side's keys (RFC 3830 §4.1.3), from the same TGK and RAND; an update adds a key slot.
            CryptoSessionBundle b = _bundle;
            int slot = tek
                ? b.FillOfferedTek(update, _csbId, Prf, _rand, RandLength, _tgk, _count, _policyNo, _ssrc, _roc, _policies, _mki, _mkiLength)
                : b.FillOffered(update, _csbId, Prf, _rand, RandLength, _tgk, tgkLength, _count, _policyNo, _ssrc, _roc, _policies, _mki, _mkiLength, _kd);
            for (int i = 0; i < _count; i++)
            {
                // RFC 3830 §6.14 interval KV of the key just sent.
                SrtpMasterKeyEntry k = b.Slot(i).KeySlot(slot);
                k.HasInterval = _hasInterval;
                k.ValidFrom = _hasInterval ? _validFrom : 0;
                k.ValidTo = _hasInterval ? _validTo : 0;
            }

            SecureMemory.Wipe(_tgk);
            OfferLength = w.Length;
            _awaitingAnswer = RequestVerification;
            IsComplete = !RequestVerification;
            if (!RequestVerification) _protection.Clear();
            return MikeyExchangeStatus.Ok;
        }

        /// <summary>
        /// Takes the responder's answer: the verification message (RFC 3830 §3.1: HDR, T, [IDr], V) completes the exchange; an
        /// error message is reported as <see cref="MikeyExchangeStatus.ErrorReceived"/> (an unauthenticated hint, §5.1.2).
        /// </summary>
        /// <param name="message">Buffer holding the answer.</param>
        /// <param name="offset">Offset of the answer.</param>
        /// <param name="length">Answer length.</param>
        /// <returns>Ok when verified; otherwise why not (the state stays as it was, so a genuine answer may still come).</returns>
        public MikeyExchangeStatus ReadAnswer(byte[] message, int offset, int length)
        {
            MikeyExchangeStatus s = VerifyAnswer(message, offset, length);
            if (s != MikeyExchangeStatus.Ok) return s;
            FillAnswerMap(_bundle);
            for (int i = 0; i < _bundle.Count; i++) _ssrc[i] = _bundle.Slot(i).Ssrc; // later messages (CSB updates) name the stream
            EndAnswers();
            IsComplete = true;
            return MikeyExchangeStatus.Ok;
        }

        /// <summary>
        /// Takes one of several answers to the same offer (a forked SIP INVITE, RFC 5197 §5.2): checks it as
        /// <see cref="ReadAnswer"/> does and writes that responder's keys into <paramref name="bundle"/>: this offer's keys with
        /// the SSRC/ROC the responder filled in. The exchange stays open (the auth key is kept) so further answers can be read,
        /// until <see cref="EndAnswers"/>. Every responder of a PSK offer derives the same TGK, so the forks' keys differ only in
        /// the responders' SSRCs: the caller must refuse a fork whose SSRC another fork already uses (two-time pad, RFC 3711 §9.1).
        /// </summary>
        /// <param name="message">Buffer holding the answer.</param>
        /// <param name="offset">Offset of the answer.</param>
        /// <param name="length">Answer length.</param>
        /// <param name="bundle">Receives the fork's keys (only on Ok).</param>
        /// <returns>Ok, or why not (nothing changes).</returns>
        public MikeyExchangeStatus ReadForkAnswer(byte[] message, int offset, int length, CryptoSessionBundle bundle)
        {
            if (bundle == null) throw new ArgumentNullException();
            if (_generation != 0) return MikeyExchangeStatus.InvalidState;
            MikeyExchangeStatus s = VerifyAnswer(message, offset, length);
            if (s != MikeyExchangeStatus.Ok) return s;
            bundle.CopyFrom(_bundle);
            FillAnswerMap(bundle);
            return MikeyExchangeStatus.Ok;
        }

        /// <summary>Ends reading answers to the current offer: wipes the auth key (RFC 3830 §4.1.4) so no later answer is accepted.</summary>
        public void EndAnswers()
        {
            _protection.Clear();
            _awaitingAnswer = false;
        }

        // Authenticated: SSRC/ROC the responder filled in where this side left 0 (RFC 3830 §4.2.1).
        private void FillAnswerMap(CryptoSessionBundle b)
        {
            CommonHeader hdr = _reader.Header;
            for (int i = 0; i < b.Count; i++)
            {
                CryptoSession cs = b.Slot(i);
                if (cs.Ssrc == 0)
                {
                    cs.Ssrc = hdr.GetSsrc(i);
                    cs.Roc = hdr.GetRoc(i);
                }
            }
        }

        // The checks of an answer (RFC 3830 §3.1, §5.2); changes nothing.
        private MikeyExchangeStatus VerifyAnswer(byte[] message, int offset, int length)
        {
            if (!_awaitingAnswer) return MikeyExchangeStatus.InvalidState;
            if (_reader.Reset(message, offset, length) != MikeyStatus.Ok) return MikeyExchangeStatus.Malformed;
            CommonHeader hdr = _reader.Header;
            if (_layout.Fill(_reader) != MikeyStatus.End) return MikeyExchangeStatus.Malformed;
            if (hdr.DataType == DataType.Error)
            {
                if (_layout.ErrorCount == 0 || hdr.CsbId != _csbId) return MikeyExchangeStatus.Malformed;
                ReceivedError = (ErrorCode)message[_layout.ErrorOffset + 1];
                return MikeyExchangeStatus.ErrorReceived;
            }

            if (hdr.DataType != DataType.PskVerification) return MikeyExchangeStatus.UnexpectedMessage;
            MessageLayout l = _layout;
            // Exactly one integrity payload, the V, last; T first (RFC 3830 §3.1).
            if (l.TimestampCount != 1 || l.VerificationCount != 1 || l.Last != PayloadType.Verification || l.At(0) != PayloadType.Timestamp
                || l.IdCount > 1 || l.Count != 2 + l.IdCount)
            {
                return MikeyExchangeStatus.Malformed;
            }

            if (hdr.CsbId != _csbId || hdr.PrfFunction != Prf || l.TimestampType != _tType || l.TimestampValue != _t
                || hdr.CsCount != _bundle.Count || hdr.CsIdMapType != CsIdMapType.SrtpId)
            {
                return MikeyExchangeStatus.Mismatch;
            }

            _v.Bind(message, l.VerificationOffset, l.VerificationLength);
            if (_v.AuthAlgorithm != _protection.Mac) return MikeyExchangeStatus.AuthenticationFailed;
            if (_protection.Mac != MacAlgorithm.Null)
            {
                VerificationInput v = _vInput;
                v.Reset();
                v.Append(_idi, 0, _idiLength);
                if (l.IdCount == 1) v.Append(message, l.IdDataOffset[0], l.IdDataLength[0]);
                else v.Append(_idr, 0, _idrLength);
                v.Append(message, l.TimestampValueOffset, l.TimestampValueLength); // T as sent (equal to ours, checked above)
                if (v.Overflow || !_protection.VerifyMac(message, offset, _v.VerDataOffset - offset, v.Buffer, 0, v.Length, message, _v.VerDataOffset, _v.VerDataLength))
                {
                    return MikeyExchangeStatus.AuthenticationFailed;
                }
            }

            for (int i = 0; i < _bundle.Count; i++)
            {
                CryptoSession cs = _bundle.Slot(i);
                if (hdr.GetPolicyNo(i) != cs.PolicyNo || (cs.Ssrc != 0 && hdr.GetSsrc(i) != cs.Ssrc)) return MikeyExchangeStatus.Mismatch;
            }

            return MikeyExchangeStatus.Ok;
        }
    }
}
