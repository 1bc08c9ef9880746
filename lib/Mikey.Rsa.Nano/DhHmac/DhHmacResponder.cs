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
    /// The responder of DHHMAC (RFC 4650). <see cref="Respond"/> checks the I_message HDR(7), T, RAND, [IDi], IDr, {SP}, DHi,
    /// KEMAC in the order of RFC 3830 §5.3 (structure, group, freshness, identities, MAC under auth_key from the pre-shared
    /// key, policies), then draws an ephemeral key in the initiator's group, derives TGK = g^(xi·xr) and the keys, and writes
    /// the R_message HDR(8), T, IDr, IDi, DHr, DHi, KEMAC; a refused message gets an error message (RFC 4650 §4.1). The bundle
    /// changes only when every check passed. Allocation-free after the first exchange of a shape.
    /// </summary>
    public sealed class DhHmacResponder : MikeyResponder
    {
        private readonly HmacDrbg _drbg;
        private readonly DhValue _dh = new DhValue();
        private readonly DhHmacAuthentication _auth;
        private readonly KemacPayload _kemac = new KemacPayload();
        private readonly byte[] _psk = new byte[DhHmacInitiator.MaxIdentityLength];
        private readonly byte[] _id = new byte[DhHmacInitiator.MaxIdentityLength];
        private readonly byte[] _peer = new byte[DhHmacInitiator.MaxIdentityLength];
        private readonly byte[] _tgk = new byte[DhValue.MaxValueLength];
        private readonly byte[] _none = new byte[0];
        private int _pskLength;
        private int _idLength;
        private int _peerLength;
        private IdType _idType;
        private IdType _peerType;
        private int _dhiOffset;
        private int _dhiLength;
        private int _macOffset;

        /// <summary>Creates a responder.</summary>
        /// <param name="drbg">Randomness for the ephemeral key.</param>
        /// <param name="clock">The local clock (error messages).</param>
        /// <param name="replayCache">Freshness: skew window and the cache of accepted messages.</param>
        public DhHmacResponder(HmacDrbg drbg, IMikeyClock clock, ReplayCache replayCache)
            : base(clock, replayCache)
        {
            if (drbg == null) throw new ArgumentNullException();
            _drbg = drbg;
            _auth = new DhHmacAuthentication(Kd);
        }

        /// <summary>Accept OAKLEY 1 (768-bit MODP) offers; off by default: a 768-bit group is within reach of a discrete-log computation.</summary>
        public bool AcceptOakley1 { get; set; }

        /// <summary>Accept the ECC-profile extension: P-256 values in ECCPT payloads (docs/ecc-profile.md §7). On by default.</summary>
        public bool AcceptP256 { get; set; } = true;

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

        /// <summary>Sets this responder's identity: the IDr an offer must name, sent back as IDr (required).</summary>
        /// <param name="type">ID type.</param>
        /// <param name="id">Buffer holding the identity.</param>
        /// <param name="offset">Offset of the identity.</param>
        /// <param name="length">Identity length (1 to 64).</param>
        public void SetIdentity(IdType type, byte[] id, int offset, int length)
        {
            Copy(id, offset, length, _id);
            _idLength = length;
            _idType = type;
        }

        /// <summary>
        /// Sets the identity of the peer sharing the key (optional): an offer's IDi must then equal it, and an offer without IDi
        /// is answered with it as IDi (RFC 4650 §3: the R_message always names IDi).
        /// </summary>
        /// <param name="type">ID type.</param>
        /// <param name="id">Buffer holding the identity.</param>
        /// <param name="offset">Offset of the identity.</param>
        /// <param name="length">Identity length (0: none, 1 to 64).</param>
        public void SetPeerIdentity(IdType type, byte[] id, int offset, int length)
        {
            if (length > 0) Copy(id, offset, length, _peer);
            _peerLength = length;
            _peerType = type;
        }

        /// <summary>Processes an I_message and writes the R_message, or an error message on a failure.</summary>
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
            _auth.Clear();
            // The identity of a message in the replay cache: its MAC (20 or 32 bytes, as in PSK mode).
            return Complete(s, message, _macOffset, true, answer, answerOffset, answerCapacity);
        }

        private MikeyExchangeStatus Process(byte[] message, int offset, int length, byte[] answer, int answerOffset, int answerCapacity)
        {
            MikeyExchangeStatus s = ReadHeader(message, offset, length, DataType.DhHmacInit);
            if (s != MikeyExchangeStatus.Ok) return s;
            if (_pskLength == 0 || _idLength == 0) return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.InvalidState);
            MessageLayout l = Layout;
            if (l.Fill(Reader) != MikeyStatus.End) return Fail(Reader.ErrorCode, MikeyExchangeStatus.Malformed);

            // RFC 4650 §3: T, RAND, [IDi], IDr, {SP}, DHi, KEMAC (no CSB update here: RAND is required).
            int ids = l.IdCount;
            int n = l.Count;
            int sp = 2 + ids;
            while (sp < n && l.At(sp) == PayloadType.SecurityPolicy) sp++;
            PayloadType value = sp < n ? l.At(sp) : PayloadType.Last;
            if (ids < 1 || n != sp + 2 || l.At(0) != PayloadType.Timestamp || l.At(1) != PayloadType.Rand || l.At(2) != PayloadType.Id
                || l.At(1 + ids) != PayloadType.Id || (value != PayloadType.Dh && value != PayloadType.Eccpt) || l.Last != PayloadType.Kemac
                || l.DhCount + l.EccptCount != 1 || l.TimestampCount + l.RandCount + l.KemacCount != 3)
            {
                return Fail(ErrorCode.UnsupportedMessageType, MikeyExchangeStatus.Malformed);
            }

            if (l.TimestampType == TimestampType.Counter) return Fail(ErrorCode.InvalidTs, MikeyExchangeStatus.Unsupported);
            _kemac.Bind(message, l.KemacOffset, l.KemacLength);
            _macOffset = _kemac.MacOffset;
            if (!DhHmacInitiator.NoKeyData(_kemac)) return Fail(ErrorCode.InvalidEa, MikeyExchangeStatus.Unsupported);
            if (!DhHmacAuthentication.Allowed(_kemac.MacAlgorithm)) return Fail(ErrorCode.InvalidMac, MikeyExchangeStatus.AuthenticationFailed);

            // The group is the initiator's choice among those we take (RFC 3830 §3.3); its fields before any other work.
            _dhiOffset = value == PayloadType.Eccpt ? l.EccptOffset[0] : l.DhOffset[0];
            _dhiLength = value == PayloadType.Eccpt ? l.EccptLength[0] : l.DhLength[0];
            int group = _dh.GroupOf(message, _dhiOffset, _dhiLength, value);
            if (group < 0 || (group == (int)DhHmacGroup.Oakley1 && !AcceptOakley1) || (group == (int)DhHmacGroup.P256 && !AcceptP256)
                || !DhValue.Supports((DhHmacGroup)group))
            {
                return Fail(ErrorCode.InvalidDh, MikeyExchangeStatus.Unsupported);
            }

            _dh.Group = (DhHmacGroup)group;
            s = _dh.CheckFields(message, _dhiOffset, _dhiLength, value);
            if (s != MikeyExchangeStatus.Ok) return Fail(_dh.ErrorCode, s);

            // Freshness before any key work (RFC 3830 §5.3 step 1).
            ReplayCacheStatus fresh = ReplayCache.Check(l.Timestamp64, message, _kemac.MacOffset);
            if (fresh == ReplayCacheStatus.OutsideSkew) return Fail(ErrorCode.InvalidTs, MikeyExchangeStatus.OutsideSkew);
            if (fresh == ReplayCacheStatus.Replayed) return Fail(ErrorCode.InvalidTs, MikeyExchangeStatus.Replayed);

            // IDr must name us; IDi, when we know whom we share the key with, that peer.
            int idr = ids - 1;
            if (!DhHmacInitiator.Same(message, l.IdDataOffset[idr], l.IdDataLength[idr], _id, _idLength)) return Fail(ErrorCode.InvalidId, MikeyExchangeStatus.UnknownPeer);
            if (ids == 2 ? _peerLength > 0 && !DhHmacInitiator.Same(message, l.IdDataOffset[0], l.IdDataLength[0], _peer, _peerLength) : _peerLength == 0)
            {
                return Fail(ErrorCode.InvalidId, MikeyExchangeStatus.UnknownPeer);
            }

            // The MAC over everything before the MAC field, auth_key from the PSK, CSB ID and RAND (RFC 4650 §3, RFC 3830 §4.1.4).
            _auth.Derive(Prf, _psk, _pskLength, CsbId, message, l.RandValueOffset, l.RandValueLength, _kemac.MacAlgorithm);
            if (!_auth.Verify(message, offset, _kemac.MacOffset - offset, message, _kemac.MacOffset, _kemac.MacLength))
            {
                return Fail(ErrorCode.AuthFailure, MikeyExchangeStatus.AuthenticationFailed);
            }

            s = Loader.LoadSessions(Reader.Header, message, l, Quirks, Minimum, Staging);
            if (s != MikeyExchangeStatus.Ok) return Fail(Loader.ErrorCode, s);

            // TGK = g^(xi·xr) (RFC 3830 §3.3), then the TEKs (§4.1.3).
            if (!_drbg.CanGenerate(DhValue.EphemeralDraws)) return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.ReseedRequired);
            if (!_dh.Respond(_drbg, message, _dhiOffset, _dhiLength, _tgk)) return Fail(ErrorCode.InvalidDh, MikeyExchangeStatus.Malformed);
            StageTgk(message, _tgk, _dh.SecretLength);
            return WriteAnswer(message, answer, answerOffset, answerCapacity);
        }

        private MikeyExchangeStatus WriteAnswer(byte[] message, byte[] answer, int answerOffset, int answerCapacity)
        {
            // R_message: HDR, T, IDr, IDi, DHr, DHi (echo), KEMAC (RFC 4650 §3).
            if (answer == null) return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.BufferTooSmall);
            WriteAnswerHead(answer, answerOffset, answerCapacity, DataType.DhHmacResponse);
            MikeyWriter w = Writer;
            MessageLayout l = Layout;
            w.WriteId(_idType, _id, 0, _idLength);
            if (l.IdCount == 2) w.WriteId(l.IdTypes[0], message, l.IdDataOffset[0], l.IdDataLength[0]);
            else w.WriteId(_peerType, _peer, 0, _peerLength);
            _dh.Write(w);
            _dh.WriteEcho(w, message, _dhiOffset, _dhiLength);
            w.WriteKemac(EncryptionAlgorithm.Null, _none, 0, 0, _auth.Mac);
            if (w.Finish() != MikeyStatus.Ok) return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.BufferTooSmall);
            _auth.Compute(answer, answerOffset, w.CoveredLength, answer, w.IntegrityFieldOffset);
            AnswerLength = w.Length;
            return MikeyExchangeStatus.Ok;
        }

        private static void Copy(byte[] id, int offset, int length, byte[] target)
        {
            if (id == null) throw new ArgumentNullException();
            if (length < 1 || length > target.Length || offset < 0 || offset > id.Length - length) throw new ArgumentOutOfRangeException();
            Array.Copy(id, offset, target, 0, length);
        }
    }
}
