using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Random;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Rsa
{
    /// <summary>
    /// The initiator of DHHMAC (RFC 4650): <see cref="WriteOffer"/> writes the I_message HDR(7), T, RAND, IDi, IDr, {SP}, DHi,
    /// KEMAC with a fresh ephemeral key (OAKLEY 1/2/5 in a DH payload, or P-256 in an ECCPT payload, docs/ecc-profile.md §7)
    /// and the KEMAC MAC under auth_key from the pre-shared key; <see cref="ReadAnswer"/> checks the R_message HDR(8), T, [IDr],
    /// IDi, DHr, DHi, KEMAC and derives the keys from TGK = g^(xi·xr). Allocation-free after the first exchange.
    /// </summary>
    public sealed class DhHmacInitiator
    {
        /// <summary>Length of the RAND the initiator sends (RFC 3830 §6.11: at least 128 bits).</summary>
        public const int RandLength = 16;

        /// <summary>Longest identity (IDi, IDr) and pre-shared key accepted.</summary>
        public const int MaxIdentityLength = 64;

        private readonly HmacDrbg _drbg;
        private readonly IMikeyClock _clock;
        private readonly MikeyWriter _writer = new MikeyWriter();
        private readonly MikeyReader _reader = new MikeyReader();
        private readonly MessageLayout _layout = new MessageLayout();
        private readonly MikeyKeyDerivation _kd = new MikeyKeyDerivation();
        private readonly OfferedSessions _sessions = new OfferedSessions();
        private readonly DhValue _dh = new DhValue();
        private readonly DhHmacAuthentication _auth;
        private readonly KemacPayload _kemac = new KemacPayload();
        private readonly CryptoSessionBundle _bundle = new CryptoSessionBundle();
        private readonly byte[] _psk = new byte[MaxIdentityLength];
        private readonly byte[] _idi = new byte[MaxIdentityLength];
        private readonly byte[] _idr = new byte[MaxIdentityLength];
        private readonly byte[] _rand = new byte[RandLength];
        private readonly byte[] _csb = new byte[4];
        private readonly byte[] _dhi = new byte[DhValue.MaxPayloadLength];
        private readonly byte[] _tgk = new byte[DhValue.MaxValueLength];
        private readonly byte[] _none = new byte[0];
        private int _pskLength;
        private int _idiLength;
        private int _idrLength;
        private IdType _idType;
        private int _dhiLength;
        private uint _csbId;
        private ulong _t;
        private bool _awaitingAnswer;

        /// <summary>Creates an initiator.</summary>
        /// <param name="drbg">Randomness for CSB ID, RAND and the ephemeral key.</param>
        /// <param name="clock">The local clock (T).</param>
        public DhHmacInitiator(HmacDrbg drbg, IMikeyClock clock)
        {
            if (drbg == null || clock == null) throw new ArgumentNullException();
            _drbg = drbg;
            _clock = clock;
            _auth = new DhHmacAuthentication(_kd);
            Prf = PrfFunction.Mikey1;
            Mac = MacAlgorithm.HmacSha1160;
            Group = DhHmacGroup.Oakley5;
        }

        /// <summary>PRF for every derivation (MIKEY-1 by default).</summary>
        public PrfFunction Prf { get; set; }

        /// <summary>KEMAC MAC algorithm: HMAC-SHA-1-160 (RFC 4650's, the default) or HMAC-SHA-256-256 (RFC 6043 §6.2).</summary>
        public MacAlgorithm Mac { get; set; }

        /// <summary>The group of the offer's DHi (OAKLEY 5 by default; <see cref="DhHmacGroup.P256"/> for the ECC-profile extension).</summary>
        public DhHmacGroup Group { get; set; }

        /// <summary>The keys of this exchange (see <see cref="IsComplete"/>).</summary>
        public CryptoSessionBundle Bundle
        {
            get { return _bundle; }
        }

        /// <summary>True once a valid answer was read.</summary>
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

        /// <summary>
        /// Sets IDi and IDr (RFC 4650 §3: IDr SHALL be sent; we send IDi too so the answer can name it). Both are required
        /// by <see cref="WriteOffer"/>.
        /// </summary>
        /// <param name="type">ID type of both.</param>
        /// <param name="idi">This side's identity.</param>
        /// <param name="idiLength">Its length (1 to 64).</param>
        /// <param name="idr">The responder's identity.</param>
        /// <param name="idrLength">Its length (1 to 64).</param>
        public void SetIdentities(IdType type, byte[] idi, int idiLength, byte[] idr, int idrLength)
        {
            if (idi == null || idr == null) throw new ArgumentNullException();
            if (idiLength < 1 || idiLength > _idi.Length || idrLength < 1 || idrLength > _idr.Length || idiLength > idi.Length || idrLength > idr.Length)
            {
                throw new ArgumentOutOfRangeException();
            }

            Array.Copy(idi, _idi, idiLength);
            Array.Copy(idr, _idr, idrLength);
            _idiLength = idiLength;
            _idrLength = idrLength;
            _idType = type;
        }

        /// <summary>Adds a crypto session: one SRTP stream with its policy; sessions sharing a policy object share one SP payload.</summary>
        /// <param name="ssrc">SSRC (0: the responder fills it in, RFC 3830 §4.2.1).</param>
        /// <param name="roc">Initial rollover counter.</param>
        /// <param name="policy">SRTP policy (kept by reference until the offer is written).</param>
        /// <returns>The CS number (1-based).</returns>
        public int AddCryptoSession(uint ssrc, uint roc, SrtpPolicy policy)
        {
            return _sessions.Add(ssrc, roc, policy);
        }

        /// <summary>Removes every crypto session and wipes the keys and the exchange's secrets.</summary>
        public void Reset()
        {
            _sessions.Reset();
            _bundle.Clear();
            EndAnswers();
            IsComplete = false;
        }

        /// <summary>Ends the exchange: wipes the ephemeral key and auth_key so no later answer is accepted.</summary>
        public void EndAnswers()
        {
            _dh.Clear();
            _auth.Clear();
            _awaitingAnswer = false;
        }

        /// <summary>Writes the I_message HDR(7), T, RAND, IDi, IDr, {SP}, DHi, KEMAC (RFC 4650 §3).</summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Offset of the message.</param>
        /// <param name="capacity">Room for the message.</param>
        /// <returns>
        /// Ok, BufferTooSmall, Unsupported (group or MAC algorithm), ReseedRequired (the DRBG needs entropy), or InvalidState
        /// (no sessions, PSK or identities).
        /// </returns>
        public MikeyExchangeStatus WriteOffer(byte[] buffer, int offset, int capacity)
        {
            OfferLength = 0;
            if (_sessions.Count == 0 || _pskLength == 0 || _idiLength == 0 || _idrLength == 0) return MikeyExchangeStatus.InvalidState;
            if (!DhHmacAuthentication.Allowed(Mac) || (Prf != PrfFunction.Mikey1 && Prf != PrfFunction.PrfHmacSha256) || !DhValue.Supports(Group))
            {
                return MikeyExchangeStatus.Unsupported;
            }

            if (!_drbg.CanGenerate(2 + DhValue.EphemeralDraws)) return MikeyExchangeStatus.ReseedRequired;
            EndAnswers();
            _bundle.Clear();
            IsComplete = false;
            _drbg.Generate(_rand, 0, RandLength);
            _drbg.Generate(_csb, 0, 4);
            _csbId = ((uint)_csb[0] << 24) | ((uint)_csb[1] << 16) | ((uint)_csb[2] << 8) | _csb[3];
            _t = _clock.NtpNow;
            _dh.Group = Group;
            _dh.Generate(_drbg);

            MikeyWriter w = _writer;
            w.Reset(buffer, offset, capacity);
            _sessions.WriteHeader(w, DataType.DhHmacInit, false, Prf, _csbId);
            w.WriteTimestamp(TimestampType.NtpUtc, _t);
            w.WriteRand(_rand, 0, RandLength);
            w.WriteId(_idType, _idi, 0, _idiLength);
            w.WriteId(_idType, _idr, 0, _idrLength);
            if (!_sessions.WritePolicies(w))
            {
                EndAnswers();
                return MikeyExchangeStatus.Unsupported;
            }

            int at = w.Length;
            _dh.Write(w);
            _dhiLength = w.Length - at;
            // RFC 4650 §4.2: KEMAC without key data (Encr alg NULL, Encr data len 0), its MAC over the whole message.
            w.WriteKemac(EncryptionAlgorithm.Null, _none, 0, 0, Mac);
            if (w.Finish() != MikeyStatus.Ok)
            {
                SecureMemory.Wipe(buffer, offset, capacity);
                EndAnswers();
                return MikeyExchangeStatus.BufferTooSmall;
            }

            // Kept for the byte-exact echo check of the answer's DHi.
            Array.Copy(buffer, offset + at, _dhi, 0, _dhiLength);
            _auth.Derive(Prf, _psk, _pskLength, _csbId, _rand, 0, RandLength, Mac);
            _auth.Compute(buffer, offset, w.CoveredLength, buffer, w.IntegrityFieldOffset);
            OfferLength = w.Length;
            _awaitingAnswer = true;
            return MikeyExchangeStatus.Ok;
        }

        /// <summary>
        /// Takes the R_message (HDR(8), T, [IDr], IDi, DHr, DHi, KEMAC) or an error message. On Ok the keys are in
        /// <see cref="Bundle"/>; otherwise nothing changes and a genuine answer may still come.
        /// </summary>
        /// <param name="message">Buffer holding the answer.</param>
        /// <param name="offset">Offset of the answer.</param>
        /// <param name="length">Answer length.</param>
        /// <returns>The outcome.</returns>
        public MikeyExchangeStatus ReadAnswer(byte[] message, int offset, int length)
        {
            if (!_awaitingAnswer) return MikeyExchangeStatus.InvalidState;
            MikeyExchangeStatus s = Check(message, offset, length);
            if (s != MikeyExchangeStatus.Ok) return s;
            // TGK = g^(xi·xr) (RFC 3830 §3.3; RFC 4650 §3), then the TEKs (§4.1.3).
            MessageLayout l = _layout;
            int tgkLength = _dh.SecretLength;
            int dhrOffset = _dh.IsEcc ? l.EccptOffset[0] : l.DhOffset[0];
            int dhrLength = _dh.IsEcc ? l.EccptLength[0] : l.DhLength[0];
            if (!_dh.Agree(message, dhrOffset, dhrLength, _tgk, 0)) return MikeyExchangeStatus.Malformed;
            _sessions.Fill(_bundle, _csbId, Prf, _rand, RandLength, _tgk, tgkLength, _kd);
            _sessions.ApplyAnswerMap(_reader.Header, _bundle);
            SecureMemory.Wipe(_tgk);
            EndAnswers();
            IsComplete = true;
            return MikeyExchangeStatus.Ok;
        }

        // Every check of an R_message before the key agreement; changes nothing.
        private MikeyExchangeStatus Check(byte[] message, int offset, int length)
        {
            if (_reader.Reset(message, offset, length) != MikeyStatus.Ok) return MikeyExchangeStatus.Malformed;
            CommonHeader hdr = _reader.Header;
            MessageLayout l = _layout;
            if (l.Fill(_reader) != MikeyStatus.End) return MikeyExchangeStatus.Malformed;
            if (hdr.DataType == DataType.Error)
            {
                if (l.ErrorCount == 0 || hdr.CsbId != _csbId) return MikeyExchangeStatus.Malformed;
                ReceivedError = (ErrorCode)message[l.ErrorOffset + 1];
                return MikeyExchangeStatus.ErrorReceived;
            }

            if (hdr.DataType != DataType.DhHmacResponse) return MikeyExchangeStatus.UnexpectedMessage;
            // RFC 4650 §3: T, [IDr], IDi, DHr, DHi, KEMAC.
            int n = l.Count;
            int ids = l.IdCount;
            PayloadType dh = _dh.PayloadType;
            int values = _dh.IsEcc ? l.EccptCount : l.DhCount;
            if (n != 4 + ids || ids < 1 || values != 2 || l.At(0) != PayloadType.Timestamp || l.At(ids) != PayloadType.Id || l.At(1 + ids) != dh
                || l.At(2 + ids) != dh || l.Last != PayloadType.Kemac)
            {
                return MikeyExchangeStatus.Malformed;
            }

            if (l.TimestampType != TimestampType.NtpUtc || l.TimestampValue != _t || !_sessions.Matches(hdr, _csbId, Prf)) return MikeyExchangeStatus.Mismatch;
            // IDi must be ours, IDr (when sent) the one we named, DHi the one we sent, byte for byte.
            int idi = ids - 1;
            if (!Same(message, l.IdDataOffset[idi], l.IdDataLength[idi], _idi, _idiLength) || (ids == 2 && !Same(message, l.IdDataOffset[0], l.IdDataLength[0], _idr, _idrLength)))
            {
                return MikeyExchangeStatus.Mismatch;
            }

            int dhiOffset = _dh.IsEcc ? l.EccptOffset[1] : l.DhOffset[1];
            int dhiLength = _dh.IsEcc ? l.EccptLength[1] : l.DhLength[1];
            if (!Same(message, dhiOffset, dhiLength, _dhi, _dhiLength)) return MikeyExchangeStatus.Mismatch;

            // KEMAC: no key data, our MAC algorithm (RFC 4650 §4.2); then the MAC over everything before the MAC field.
            _kemac.Bind(message, l.KemacOffset, l.KemacLength);
            if (!NoKeyData(_kemac) || _kemac.MacAlgorithm != _auth.Mac) return MikeyExchangeStatus.AuthenticationFailed;
            if (!_auth.Verify(message, offset, _kemac.MacOffset - offset, message, _kemac.MacOffset, _kemac.MacLength)) return MikeyExchangeStatus.AuthenticationFailed;
            int dhrOffset = _dh.IsEcc ? l.EccptOffset[0] : l.DhOffset[0];
            int dhrLength = _dh.IsEcc ? l.EccptLength[0] : l.DhLength[0];
            return _dh.CheckFields(message, dhrOffset, dhrLength, dh);
        }

        /// <summary>
        /// A DHHMAC KEMAC carries no key data: Encr data length 0 and Encr alg NULL (RFC 3830's value 0; RFC 4650 §4.2's "2"
        /// is an erratum, taken leniently when nothing is encrypted).
        /// </summary>
        internal static bool NoKeyData(KemacPayload kemac)
        {
            return kemac.EncrDataLength == 0 && (kemac.EncryptionAlgorithm == EncryptionAlgorithm.Null || kemac.EncryptionAlgorithm == EncryptionAlgorithm.AesKw128);
        }

        /// <summary>Equal byte ranges (lengths public, contents compared in constant time).</summary>
        internal static bool Same(byte[] a, int aOffset, int aLength, byte[] b, int bLength)
        {
            return aLength == bLength && ConstantTime.AreEqual(a, aOffset, b, 0, aLength);
        }
    }
}
