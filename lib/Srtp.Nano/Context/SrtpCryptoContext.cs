using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Hal;
using NanoMikey.Srtp.Kdf;
using NanoMikey.Srtp.Policy;
using NanoMikey.Srtp.Replay;
using NanoMikey.Srtp.Rtp;
using NanoMikey.Srtp.Transforms;

namespace NanoMikey.Srtp.Context
{
    /// <summary>
    /// The cryptographic context of one SSRC in one direction (RFC 3711 §3.2): master keys selected by MKI,
    /// session keys (re-derived at KDR boundaries), ROC and replay window for SRTP, index and replay window for SRTCP.
    /// Protect and unprotect work in place on a caller buffer, allocate nothing per packet, and leave the state
    /// untouched when they return anything but <see cref="SrtpStatus.Ok"/>.
    /// </summary>
    public sealed class SrtpCryptoContext
    {
        /// <summary>Most master keys one context holds (as libsrtp's <c>SRTP_MAX_NUM_MASTER_KEYS</c>).</summary>
        public const int MaxMasterKeys = 16;

        private const ulong MaxSrtpIndex = (1UL << 48) - 1;
        private const uint MaxSrtcpIndex = 0x7FFFFFFF;

        private uint _ssrc;
        private readonly SrtpDirection _direction;
        private readonly IAesEngineFactory? _factory;
        private readonly ISrtpPacketEngineFactory? _packetEngines; // the factory, when it also makes whole-packet engines
        // Grown by AddMasterKey (setup, never per packet) up to MaxMasterKeys: most contexts hold one key (issue 10 §2 heap).
        private MasterKey[] _keys = new MasterKey[1];
        private int _keyCount;
        private int _active;

        // Policy, resolved once: the context keeps these values, not a copy of the policy (0.65 KB on the interpreter, issue
        // 10 §2 heap), so a later change to the caller's policy does not reach it.
        private readonly int _masterKeyLength;
        private readonly int _masterSaltLength;
        private readonly int _srtpAuthKeyLength;
        private readonly int _srtcpAuthKeyLength;
        private readonly int _maxPacketLength;
        private readonly bool _aead;
        private readonly bool _srtpEncrypt;
        private readonly bool _srtcpEncrypt;
        private readonly SrtpAuthenticationAlgorithm _srtpAuth;
        private readonly int _srtpTagLength;
        private readonly int _srtcpTagLength;
        private readonly int _aeadTagLength;
        private readonly int _mkiLength;
        private readonly int _kdrShift;
        private readonly int _rccRate;
        private readonly ulong _srtpLifetime;
        private readonly ulong _srtcpLifetime;
        private readonly ulong _srtpSoftLimit;
        private readonly ulong _srtcpSoftLimit;

        // SRTP state: the replay window's highest index is s_l and ROC (RFC 3711 §3.3.1).
        private readonly ReplayWindow _srtpReplay;
        private uint _initialRoc;

        // Outbound: the highest SRTP index ever protected survives SetRolloverCounter, so no index is used twice.
        private ulong _sentHighest;
        private bool _sent;
        private bool _srtcpSent;

        // SRTCP state.
        private readonly ReplayWindow? _srtcpReplay; // inbound only: a sender numbers its SRTCP packets itself
        private uint _srtcpNextIndex;

        // Scratch, sized at creation.
        private readonly byte[] _iv = new byte[16];
        private readonly byte[] _mac = new byte[20];
        private readonly byte[] _word = new byte[4];
        // Null for AEAD, for the NULL cipher and while every session's keys sit in a packet engine: they never use its 1.5 KB
        // of scratch. Created with the first session keys that need it (set-up, never per packet).
        private AesCmCipher? _cm;
        private byte[] _aad;

        /// <summary>
        /// Creates a context without master keys under the strict <see cref="SrtpMinimumPolicy"/>; add at least one key with
        /// <see cref="AddMasterKey"/>. A sending stream must never get a second context with the same master key: both would
        /// protect the same (ROC, SEQ) again (RFC 3711 §9.1, a two-time pad; for GCM a leak of H).
        /// </summary>
        /// <param name="policy">Parameter set (copied).</param>
        /// <param name="ssrc">SSRC of the stream.</param>
        /// <param name="direction">Whether this side protects (outbound) or unprotects (inbound).</param>
        /// <param name="engineFactory">AES engines (hardware on the device); key sizes it lacks fall back to <see cref="SoftwareAes"/>. Null: software only.
        /// When it also implements <see cref="ISrtpPacketEngineFactory"/>, each packet's whole transform is one engine call.</param>
        /// <exception cref="ArgumentException">The policy is not supported or is below the strict minimum.</exception>
        public SrtpCryptoContext(SrtpPolicy policy, uint ssrc, SrtpDirection direction, IAesEngineFactory? engineFactory)
            : this(policy, ssrc, direction, engineFactory, SrtpMinimumPolicy.Strict)
        {
        }

        /// <summary>
        /// Creates a context without master keys; the policy must meet <paramref name="minimum"/> (SRTCP authentication is
        /// always required, RFC 3711 §3.4). A sending stream must never get a second context with the same master key.
        /// </summary>
        /// <param name="policy">Parameter set (copied).</param>
        /// <param name="ssrc">SSRC of the stream.</param>
        /// <param name="direction">Whether this side protects (outbound) or unprotects (inbound).</param>
        /// <param name="engineFactory">AES engines (hardware on the device); key sizes it lacks fall back to <see cref="SoftwareAes"/>. Null: software only.
        /// When it also implements <see cref="ISrtpPacketEngineFactory"/>, each packet's whole transform is one engine call.</param>
        /// <param name="minimum">The local minimum with its explicit opt-ins.</param>
        /// <exception cref="ArgumentException">The policy is not supported or is below <paramref name="minimum"/>.</exception>
        public SrtpCryptoContext(SrtpPolicy policy, uint ssrc, SrtpDirection direction, IAesEngineFactory? engineFactory, SrtpMinimumPolicy minimum)
        {
            SrtpMinimumPolicy.Require(policy, minimum);
            _ssrc = ssrc;
            _direction = direction;
            _factory = engineFactory;
            _packetEngines = engineFactory as ISrtpPacketEngineFactory;
            SrtpPolicy p = policy;
            _masterKeyLength = p.MasterKeyLength;
            _masterSaltLength = p.MasterSaltLength;
            _srtpAuthKeyLength = p.EffectiveSrtpAuthenticationKeyLength;
            _srtcpAuthKeyLength = p.EffectiveSrtcpAuthenticationKeyLength;
            _maxPacketLength = p.MaxPacketLength;
            _aead = p.IsAead;
            _srtpEncrypt = p.SrtpEncryption && p.EncryptionAlgorithm != SrtpEncryptionAlgorithm.Null;
            _srtcpEncrypt = p.SrtcpEncryption && p.EncryptionAlgorithm != SrtpEncryptionAlgorithm.Null;
            _srtpAuth = p.EffectiveSrtpAuthentication;
            _srtpTagLength = _aead ? 0 : p.EffectiveSrtpTagLength;
            _srtcpTagLength = _aead ? 0 : p.EffectiveSrtcpTagLength;
            _aeadTagLength = _aead ? p.AeadAuthenticationTagLength : 0;
            if (_aead && _srtpAuth == SrtpAuthenticationAlgorithm.RccM3) _srtpTagLength = 4;
            _mkiLength = p.MkiLength;
            _kdrShift = -1;
            if (p.KeyDerivationRate != 0)
            {
                _kdrShift = 0;
                while ((1u << _kdrShift) != p.KeyDerivationRate) _kdrShift++;
            }
            _rccRate = p.RocTransmissionRate;
            _srtpLifetime = p.SrtpKeyLifetime;
            _srtcpLifetime = p.SrtcpKeyLifetime;
            _srtpSoftLimit = _srtpLifetime - Margin(_srtpLifetime);
            _srtcpSoftLimit = _srtcpLifetime - Margin(_srtcpLifetime);
            _srtpReplay = new ReplayWindow(p.ReplayWindowSize);
            if (direction == SrtpDirection.Inbound) _srtcpReplay = new ReplayWindow(p.ReplayWindowSize < 128 ? 128 : p.ReplayWindowSize);
            _aad = new byte[_aead ? p.MaxPacketLength + 16 : 16];
        }

        /// <summary>SSRC of this context.</summary>
        public uint Ssrc { get { return _ssrc; } }

        /// <summary>Direction of this context.</summary>
        public SrtpDirection Direction { get { return _direction; } }

        /// <summary>Number of master keys added.</summary>
        public int MasterKeyCount { get { return _keyCount; } }

        /// <summary>Index of the master key used to protect (outbound) and, without MKI, to unprotect.</summary>
        public int ActiveMasterKey
        {
            get { return _active; }
            set
            {
                if (value < 0 || value >= _keyCount) throw new ArgumentOutOfRangeException(nameof(value));
                _active = value;
            }
        }

        /// <summary>The SRTP rollover counter: of the highest index seen, or the signalled value before the first packet.</summary>
        public uint RolloverCounter
        {
            get { return _srtpReplay.HasStarted ? (uint)(_srtpReplay.Highest >> 16) : _initialRoc; }
        }

        /// <summary>Highest SRTP packet index (ROC || SEQ) processed, or 0 before the first packet.</summary>
        public ulong HighestIndex { get { return _srtpReplay.HasStarted ? _srtpReplay.Highest : 0; } }

        /// <summary>SRTCP index the next protected SRTCP packet will carry.</summary>
        public uint SrtcpIndex { get { return _srtcpNextIndex; } }

        /// <summary>
        /// True once the active master key is close to its packet limit (2^48 SRTP / 2^31 SRTCP, RFC 3711 §9.2) or the SRTP
        /// index space is nearly used up: the key management must deliver a new master key before packets start failing with KeyExpired.
        /// </summary>
        public bool RekeyNeeded
        {
            get
            {
                if (_keyCount == 0) return false;
                MasterKey mk = _keys[_active];
                if (mk.SrtpPackets >= _srtpSoftLimit || mk.SrtcpPackets >= _srtcpSoftLimit) return true;
                if (_srtpReplay.HasStarted && _srtpReplay.Highest >= MaxSrtpIndex - 0xFFFF) return true;
                return _direction == SrtpDirection.Outbound && _srtcpNextIndex >= MaxSrtcpIndex - 0xFFFF;
            }
        }

        /// <summary>SRTP packets processed with master key <paramref name="keyIndex"/>.</summary>
        /// <param name="keyIndex">Index of the master key.</param>
        /// <returns>Packet count.</returns>
        public ulong GetSrtpPacketCount(int keyIndex)
        {
            if (keyIndex < 0 || keyIndex >= _keyCount) throw new ArgumentOutOfRangeException(nameof(keyIndex));
            return _keys[keyIndex].SrtpPackets;
        }

        /// <summary>SRTCP packets processed with master key <paramref name="keyIndex"/>.</summary>
        /// <param name="keyIndex">Index of the master key.</param>
        /// <returns>Packet count.</returns>
        public ulong GetSrtcpPacketCount(int keyIndex)
        {
            if (keyIndex < 0 || keyIndex >= _keyCount) throw new ArgumentOutOfRangeException(nameof(keyIndex));
            return _keys[keyIndex].SrtcpPackets;
        }

        /// <summary>
        /// Limits master key <paramref name="keyIndex"/> to the SRTP indices <paramref name="from"/>..<paramref name="to"/>
        /// (inclusive, 48-bit ROC ‖ SEQ: the &lt;From, To&gt; of RFC 3711 §8.1.1, e.g. from a MIKEY interval KV, RFC 3830
        /// §6.14). Without an MKI the key of a packet is then chosen by its index; with one, the key the MKI names must also
        /// cover the index. A packet no key covers is refused with <see cref="SrtpStatus.OutsideKeyInterval"/>.
        /// </summary>
        /// <param name="keyIndex">Index of the master key.</param>
        /// <param name="from">First SRTP index the key is valid for.</param>
        /// <param name="to">Last SRTP index the key is valid for (at most 2^48 - 1).</param>
        public void SetSrtpKeyInterval(int keyIndex, ulong from, ulong to)
        {
            if (keyIndex < 0 || keyIndex >= _keyCount || from > to || to > MaxSrtpIndex) throw new ArgumentOutOfRangeException();
            _keys[keyIndex].SetInterval(from, to, false);
        }

        /// <summary>
        /// Limits master key <paramref name="keyIndex"/> to the SRTCP indices <paramref name="from"/>..<paramref name="to"/>
        /// (inclusive, 31-bit; RFC 3711 §8.1.1), with the same selection rules as <see cref="SetSrtpKeyInterval"/>.
        /// </summary>
        /// <param name="keyIndex">Index of the master key.</param>
        /// <param name="from">First SRTCP index the key is valid for.</param>
        /// <param name="to">Last SRTCP index the key is valid for (at most 2^31 - 1).</param>
        public void SetSrtcpKeyInterval(int keyIndex, uint from, uint to)
        {
            if (keyIndex < 0 || keyIndex >= _keyCount || from > to || to > MaxSrtcpIndex) throw new ArgumentOutOfRangeException();
            _keys[keyIndex].SetInterval(from, to, true);
        }

        /// <summary>
        /// Adds a master key and salt (lengths from the policy) with its MKI (policy's MKI length; ignored when 0).
        /// Session keys for r = 0 are derived now; with KDR 0 the master key is then wiped.
        /// </summary>
        /// <param name="key">Buffer holding the master key.</param>
        /// <param name="keyOffset">Offset of the key.</param>
        /// <param name="salt">Buffer holding the master salt.</param>
        /// <param name="saltOffset">Offset of the salt.</param>
        /// <param name="mki">Buffer holding the MKI, or null when the MKI length is 0.</param>
        /// <param name="mkiOffset">Offset of the MKI.</param>
        /// <returns>The index of the new master key.</returns>
        public int AddMasterKey(byte[] key, int keyOffset, byte[] salt, int saltOffset, byte[]? mki, int mkiOffset)
        {
            int kl = _masterKeyLength;
            int sl = _masterSaltLength;
            if (key == null) throw new ArgumentNullException(nameof(key));
            if (salt == null) throw new ArgumentNullException(nameof(salt));
            if (keyOffset < 0 || keyOffset > key.Length - kl) throw new ArgumentOutOfRangeException(nameof(keyOffset));
            if (saltOffset < 0 || saltOffset > salt.Length - sl) throw new ArgumentOutOfRangeException(nameof(saltOffset));
            if (_keyCount == MaxMasterKeys) throw new InvalidOperationException("Too many master keys.");
            byte[] mkiCopy = new byte[_mkiLength];
            if (_mkiLength > 0)
            {
                if (mki == null) throw new ArgumentNullException(nameof(mki));
                if (mkiOffset < 0 || mkiOffset > mki.Length - _mkiLength) throw new ArgumentOutOfRangeException(nameof(mkiOffset));
                Array.Copy(mki, mkiOffset, mkiCopy, 0, _mkiLength);
                for (int i = 0; i < _keyCount; i++)
                {
                    if (_keys[i].MatchesMki(mkiCopy, 0)) throw new ArgumentException("Duplicate MKI.", nameof(mki));
                }
            }

            bool kdr = _kdrShift >= 0;
            SessionKeys srtp = CreateSessionKeys(false);
            // KDR 0 (RFC 3711 §4.3.1): the KDF runs once, so it runs on the session's own cipher engine, keyed with the master
            // key until SessionKeys.Derive loads the session key last: no second engine on the heap while the keys are made.
            IAesEngine kdfEngine = !kdr && srtp.Cipher != null ? srtp.Cipher : CreateEngine(kl);
            kdfEngine.SetKey(key, keyOffset, kl);
            SrtpKeyDerivation kdf = new SrtpKeyDerivation(kdfEngine, salt, saltOffset, sl);
            SessionKeys? srtpSpare = kdr ? CreateSessionKeys(false) : null;
            SessionKeys? srtcp = kdr ? CreateSessionKeys(true) : null;
            SessionKeys? srtcpSpare = kdr ? CreateSessionKeys(true) : null;
            srtp.Derive(kdf, SrtpKeyDerivation.LabelSrtpEncryption, 0);
            byte[]? deferred = null;
            if (kdr)
            {
                srtcp!.Derive(kdf, SrtpKeyDerivation.LabelSrtcpEncryption, 0);
            }
            else
            {
                // RFC 3711 §4.3.1: with KDR 0 the session keys never change; the engine and KDF are dropped so the heap does
                // not keep them. The SRTCP keys (an AES engine and an HMAC) are derived on first RTCP use: a stream that
                // never sends or receives RTCP never holds them; until then only the master key and salt are kept.
                deferred = new byte[kl + sl];
                Array.Copy(key, keyOffset, deferred, 0, kl);
                Array.Copy(salt, saltOffset, deferred, kl, sl);
                if (kdfEngine != srtp.Cipher) kdfEngine.ClearKey(); // the session's engine now holds the session key
                kdf.Clear();
            }
            if (_keyCount == _keys.Length)
            {
                var grown = new MasterKey[_keys.Length * 2 < MaxMasterKeys ? _keys.Length * 2 : MaxMasterKeys];
                Array.Copy(_keys, grown, _keyCount);
                _keys = grown;
            }
            _keys[_keyCount] = kdr
                ? new MasterKey(mkiCopy, kdfEngine, kdf, srtp, srtpSpare, srtcp, srtcpSpare)
                : new MasterKey(mkiCopy, null, null, srtp, null, null, null) { DeferredMaster = deferred };
            return _keyCount++;
        }

        /// <summary>
        /// Sets the ROC from signalling (e.g. the MIKEY CS map); the replay window restarts at the next packet. On an outbound
        /// context that has protected packets the new ROC must be higher than every ROC used so far: a lower or equal one would
        /// protect the same (ROC, SEQ) twice under one key (RFC 3711 §9.1: a two-time pad for AES-CM, the GHASH key for GCM).
        /// For the same reason never create a second context with the same master key for a sending stream.
        /// </summary>
        /// <param name="roc">The rollover counter of the next packet's SEQ.</param>
        /// <exception cref="InvalidOperationException">Outbound, packets were protected, and <paramref name="roc"/> is not higher than the ROC in use.</exception>
        public void SetRolloverCounter(uint roc)
        {
            if (_direction == SrtpDirection.Outbound && _sent && roc <= (uint)(_sentHighest >> 16))
            {
                throw new InvalidOperationException("The ROC of a sending stream may only increase.");
            }
            _srtpReplay.Reset();
            _initialRoc = roc;
        }

        /// <summary>
        /// Sets the SRTCP index the next protected SRTCP packet will carry (31 bits). Once SRTCP packets were protected it may
        /// only move forward (an index used twice is a keystream used twice, RFC 3711 §9.1).
        /// </summary>
        /// <param name="index">The index.</param>
        /// <exception cref="InvalidOperationException">SRTCP packets were protected and <paramref name="index"/> is below the next index.</exception>
        public void SetSrtcpIndex(uint index)
        {
            if (index > MaxSrtcpIndex + 1) throw new ArgumentOutOfRangeException(nameof(index));
            if (_srtcpSent && index < _srtcpNextIndex) throw new InvalidOperationException("The SRTCP index of a sending stream may only increase.");
            _srtcpNextIndex = index;
        }

        /// <summary>Re-targets an unused context to another SSRC with fresh stream state (the session's spare for new inbound streams).</summary>
        internal void Rebind(uint ssrc)
        {
            _ssrc = ssrc;
            _srtpReplay.Reset();
            if (_srtcpReplay != null) _srtcpReplay.Reset();
            _initialRoc = 0;
            _srtcpNextIndex = 0;
            _sent = false;
            _sentHighest = 0;
            _srtcpSent = false;
            for (int i = 0; i < _keyCount; i++)
            {
                _keys[i].SrtpPackets = 0;
                _keys[i].SrtcpPackets = 0;
            }
        }

        /// <summary>Wipes every key; the context is unusable afterwards.</summary>
        public void Clear()
        {
            for (int i = 0; i < _keyCount; i++) _keys[i].Clear();
            if (_cm != null) _cm.Clear();
            SecureMemory.Wipe(_iv, 0, _iv.Length);
            SecureMemory.Wipe(_mac, 0, _mac.Length);
            SecureMemory.Wipe(_aad, 0, _aad.Length);
            SecureMemory.Wipe(_word, 0, _word.Length);
            _keyCount = 0;
        }

        /// <summary>
        /// Turns the RTP packet in <paramref name="packet"/>[<paramref name="offset"/>..+<paramref name="length"/>] into SRTP in place
        /// (RFC 3711 §3.3), appending MKI and tag within <paramref name="capacity"/>; on Ok, <paramref name="length"/> is the SRTP length.
        /// </summary>
        /// <param name="packet">Buffer holding the packet.</param>
        /// <param name="offset">Offset of the packet.</param>
        /// <param name="length">RTP length on entry, SRTP length on success.</param>
        /// <param name="capacity">Bytes available from <paramref name="offset"/>.</param>
        /// <returns>Ok, or why the packet was refused (nothing changed then).</returns>
        [HotPath]
        public SrtpStatus Protect(byte[] packet, int offset, ref int length, int capacity)
        {
            CheckBuffer(packet, offset, length, capacity);
            if (_direction != SrtpDirection.Outbound) throw new InvalidOperationException("Inbound context.");
            if (_keyCount == 0) throw new InvalidOperationException("No master key.");
            int len = length;
            int h = RtpHeader.GetHeaderLength(packet, offset, len);
            if (h < 0) return SrtpStatus.TooShort;
            if (RtpHeader.GetSsrc(packet, offset) != _ssrc) return SrtpStatus.SsrcMismatch;
            int seq = RtpHeader.GetSequenceNumber(packet, offset);
            long v = EstimateRoc(seq);
            if (v < 0) return SrtpStatus.ReplayOld;
            if (v > 0xFFFFFFFFL) return SrtpStatus.KeyExpired;
            uint roc = (uint)v;
            ulong index = ((ulong)roc << 16) | (uint)seq;
            SrtpStatus st = _srtpReplay.Check(index);
            if (st != SrtpStatus.Ok) return st;
            MasterKey? mk = SelectKey(null, index, false);
            if (mk == null) return SrtpStatus.OutsideKeyInterval;
            if (mk.SrtpPackets >= _srtpLifetime) return SrtpStatus.KeyExpired;

            bool rocCarried = CarriesRoc(seq);
            int macLength = MacLength(rocCarried);
            int rocLength = rocCarried ? 4 : 0;
            int total = len + _aeadTagLength + _mkiLength + rocLength + macLength;
            if (total > capacity) return SrtpStatus.NoRoomForTag;

            SessionKeys keys = SrtpKeys(mk, index);
            ISrtpPacketEngine? engine = keys.Packet;
            if (_aead)
            {
                SrtpIv.GcmSrtp(keys.Salt, _ssrc, roc, (uint)seq, _iv, 0);
                if (engine != null) engine.Seal(_iv, 0, 12, packet, offset, h, packet, offset + h, len - h, packet, offset + len, _aeadTagLength);
                else keys.Gcm!.Seal(_iv, 0, 12, packet, offset, h, packet, offset + h, len - h, packet, offset + h, packet, offset + len, _aeadTagLength);
            }
            else if (_srtpEncrypt)
            {
                SrtpIv.AesCm(keys.Salt, _ssrc, roc, (uint)seq, _iv, 0);
                if (engine == null) ApplyKeystream(keys.Cipher!, packet, offset + h, len - h);
            }
            int pos = offset + len + _aeadTagLength;
            if (_mkiLength > 0) Array.Copy(mk.Mki, 0, packet, pos, _mkiLength);
            pos += _mkiLength;
            if (rocCarried)
            {
                RtpHeader.WriteUInt32(packet, pos, roc);
                pos += 4;
            }
            if (engine != null && !_aead)
            {
                // RFC 3711 §3.3: encrypt, then tag = HMAC(k_a, header || payload || ROC); one engine call. MKI and a carried
                // ROC lie outside the authenticated portion, so writing them first changes nothing.
                if (_srtpEncrypt || macLength > 0) engine.Protect(_iv, 0, packet, offset + h, _srtpEncrypt ? len - h : 0, offset, len, true, roc, pos, macLength);
            }
            else if (macLength > 0)
            {
                ComputeSrtpMac(keys, packet, offset, len, roc, macLength);
                Array.Copy(_mac, 0, packet, pos, macLength);
            }

            _srtpReplay.Update(index);
            if (!_sent || index > _sentHighest)
            {
                _sentHighest = index;
                _sent = true;
            }
            mk.SrtpPackets++;
            CommitSrtpKeys(mk, keys);
            length = total;
            return SrtpStatus.Ok;
        }

        /// <summary>
        /// Turns the SRTP packet in <paramref name="packet"/>[<paramref name="offset"/>..+<paramref name="length"/>] back into RTP in place
        /// (RFC 3711 §3.3): finds the master key by MKI, estimates the index, checks replay, verifies, decrypts. On Ok,
        /// <paramref name="length"/> is the RTP length; otherwise neither the packet nor the context changed.
        /// </summary>
        /// <param name="packet">Buffer holding the packet.</param>
        /// <param name="offset">Offset of the packet.</param>
        /// <param name="length">SRTP length on entry, RTP length on success.</param>
        /// <returns>Ok, or why the packet was rejected.</returns>
        [HotPath]
        public SrtpStatus Unprotect(byte[] packet, int offset, ref int length)
        {
            CheckBuffer(packet, offset, length, length);
            if (_direction != SrtpDirection.Inbound) throw new InvalidOperationException("Outbound context.");
            if (_keyCount == 0) throw new InvalidOperationException("No master key.");
            int len = length;
            int h = RtpHeader.GetHeaderLength(packet, offset, len);
            if (h < 0) return SrtpStatus.TooShort;
            if (RtpHeader.GetSsrc(packet, offset) != _ssrc) return SrtpStatus.SsrcMismatch;
            int seq = RtpHeader.GetSequenceNumber(packet, offset);
            bool rocCarried = CarriesRoc(seq);
            int macLength = MacLength(rocCarried);
            int rocLength = rocCarried ? 4 : 0;
            int payloadEnd = len - _aeadTagLength - _mkiLength - rocLength - macLength;
            if (payloadEnd < h) return SrtpStatus.TooShort;
            int mkiPos = offset + payloadEnd + _aeadTagLength;
            MasterKey? mk = FindKey(packet, mkiPos);
            if (mk == null) return SrtpStatus.BadMki;

            long v = rocCarried ? (long)RtpHeader.ReadUInt32(packet, mkiPos + _mkiLength) : EstimateRoc(seq);
            if (v < 0) return SrtpStatus.ReplayOld;
            if (v > 0xFFFFFFFFL) return SrtpStatus.KeyExpired;
            uint roc = (uint)v;
            ulong index = ((ulong)roc << 16) | (uint)seq;
            SrtpStatus st = _srtpReplay.Check(index);
            if (st != SrtpStatus.Ok) return st;
            mk = SelectKey(mk, index, false);
            if (mk == null) return SrtpStatus.OutsideKeyInterval;
            if (mk.SrtpPackets >= _srtpLifetime) return SrtpStatus.KeyExpired;
            if (_kdrShift >= 0 && !InSrtpKeyPeriods(index)) return SrtpStatus.OutsideKeyPeriod;

            SessionKeys keys = SrtpKeys(mk, index);
            ISrtpPacketEngine? engine = keys.Packet;
            if (_aead)
            {
                SrtpIv.GcmSrtp(keys.Salt, _ssrc, roc, (uint)seq, _iv, 0);
                // RFC 7714 §8.2: AAD = the RTP header; the tag follows the ciphertext.
                bool ok = engine != null
                    ? engine.Open(_iv, 0, 12, packet, offset, h, packet, offset + h, payloadEnd - h, packet, offset + payloadEnd, _aeadTagLength)
                    : keys.Gcm!.Open(_iv, 0, 12, packet, offset, h, packet, offset + h, payloadEnd - h, packet, offset + payloadEnd, _aeadTagLength, packet, offset + h);
                if (!ok) return SrtpStatus.AuthFailure;
            }
            else if (engine != null)
            {
                // One engine call: the tag is checked in constant time before anything is decrypted (RFC 3711 §3.3).
                if (_srtpEncrypt) SrtpIv.AesCm(keys.Salt, _ssrc, roc, (uint)seq, _iv, 0);
                if ((_srtpEncrypt || macLength > 0)
                    && !engine.Unprotect(_iv, 0, packet, offset + h, _srtpEncrypt ? payloadEnd - h : 0, offset, payloadEnd, true, roc, mkiPos + _mkiLength + rocLength, macLength))
                {
                    return SrtpStatus.AuthFailure;
                }
            }
            else
            {
                if (macLength > 0)
                {
                    ComputeSrtpMac(keys, packet, offset, payloadEnd, roc, macLength);
                    bool ok = ConstantTime.AreEqual(_mac, 0, packet, mkiPos + _mkiLength + rocLength, macLength);
                    SecureMemory.Wipe(_mac, 0, macLength);
                    if (!ok) return SrtpStatus.AuthFailure;
                }
                if (_srtpEncrypt)
                {
                    SrtpIv.AesCm(keys.Salt, _ssrc, roc, (uint)seq, _iv, 0);
                    ApplyKeystream(keys.Cipher!, packet, offset + h, payloadEnd - h);
                }
            }

            _srtpReplay.Update(index);
            mk.SrtpPackets++;
            CommitSrtpKeys(mk, keys);
            length = payloadEnd;
            return SrtpStatus.Ok;
        }

        /// <summary>
        /// Turns the (compound) RTCP packet into SRTCP in place (RFC 3711 §3.4): encrypts after the first 8 bytes when SRTCP
        /// encryption is on, appends E flag and 31-bit index, MKI and tag (libsrtp layout); AEAD per RFC 7714 §9.
        /// </summary>
        /// <param name="packet">Buffer holding the packet.</param>
        /// <param name="offset">Offset of the packet.</param>
        /// <param name="length">RTCP length on entry, SRTCP length on success.</param>
        /// <param name="capacity">Bytes available from <paramref name="offset"/>.</param>
        /// <returns>Ok, or why the packet was refused (nothing changed then).</returns>
        [HotPath]
        public SrtpStatus ProtectRtcp(byte[] packet, int offset, ref int length, int capacity)
        {
            CheckBuffer(packet, offset, length, capacity);
            if (_direction != SrtpDirection.Outbound) throw new InvalidOperationException("Inbound context.");
            if (_keyCount == 0) throw new InvalidOperationException("No master key.");
            int len = length;
            if (len < 8) return SrtpStatus.TooShort;
            if (RtpHeader.ReadUInt32(packet, offset + 4) != _ssrc) return SrtpStatus.SsrcMismatch;
            uint idx = _srtcpNextIndex;
            if (idx > MaxSrtcpIndex) return SrtpStatus.KeyExpired;
            MasterKey? mk = SelectKey(null, idx, true);
            if (mk == null) return SrtpStatus.OutsideKeyInterval;
            if (mk.SrtcpPackets >= _srtcpLifetime) return SrtpStatus.KeyExpired;
            int total = len + 4 + _mkiLength + (_aead ? _aeadTagLength : _srtcpTagLength);
            if (total > capacity) return SrtpStatus.NoRoomForTag;

            SessionKeys keys = SrtcpKeys(mk, idx);
            ISrtpPacketEngine? engine = keys.Packet;
            uint word = _srtcpEncrypt ? (idx | 0x80000000u) : idx;
            int pos;
            if (_aead)
            {
                SrtpIv.GcmSrtcp(keys.Salt, _ssrc, idx, _iv, 0);
                int aadLength = PrepareRtcpAad(packet, offset, _srtcpEncrypt ? 8 : len, word);
                int dataOffset = _srtcpEncrypt ? offset + 8 : offset + len;
                int dataLength = _srtcpEncrypt ? len - 8 : 0;
                if (engine != null) engine.Seal(_iv, 0, 12, _aad, 0, aadLength, packet, dataOffset, dataLength, packet, offset + len, _aeadTagLength);
                else keys.Gcm!.Seal(_iv, 0, 12, _aad, 0, aadLength, packet, dataOffset, dataLength, packet, dataOffset, packet, offset + len, _aeadTagLength);
                pos = offset + len + _aeadTagLength;
                RtpHeader.WriteUInt32(packet, pos, word);
                pos += 4;
                if (_mkiLength > 0) Array.Copy(mk.Mki, 0, packet, pos, _mkiLength);
            }
            else
            {
                if (_srtcpEncrypt)
                {
                    SrtpIv.AesCm(keys.Salt, _ssrc, idx >> 16, idx & 0xFFFF, _iv, 0);
                    if (engine == null) ApplyKeystream(keys.Cipher!, packet, offset + 8, len - 8);
                }
                pos = offset + len;
                RtpHeader.WriteUInt32(packet, pos, word);
                pos += 4;
                if (_mkiLength > 0) Array.Copy(mk.Mki, 0, packet, pos, _mkiLength);
                pos += _mkiLength;
                if (engine != null)
                {
                    // RFC 3711 §3.4: the tag covers the RTCP packet and the E flag || index word written above; no ROC.
                    engine.Protect(_iv, 0, packet, offset + 8, _srtcpEncrypt ? len - 8 : 0, offset, len + 4, false, 0, pos, _srtcpTagLength);
                }
                else if (_srtcpTagLength > 0)
                {
                    keys.Auth!.Reset();
                    keys.Auth.Update(packet, offset, len + 4);
                    keys.Auth.Final(packet, pos, _srtcpTagLength);
                }
            }

            _srtcpNextIndex = idx + 1;
            _srtcpSent = true;
            mk.SrtcpPackets++;
            CommitSrtcpKeys(mk, keys);
            length = total;
            return SrtpStatus.Ok;
        }

        /// <summary>
        /// Turns an SRTCP packet back into RTCP in place (RFC 3711 §3.4): MKI lookup, index replay check, verification,
        /// decryption when the E flag is set. On Ok, <paramref name="length"/> is the RTCP length; otherwise nothing changed.
        /// </summary>
        /// <param name="packet">Buffer holding the packet.</param>
        /// <param name="offset">Offset of the packet.</param>
        /// <param name="length">SRTCP length on entry, RTCP length on success.</param>
        /// <returns>Ok, or why the packet was rejected.</returns>
        [HotPath]
        public SrtpStatus UnprotectRtcp(byte[] packet, int offset, ref int length)
        {
            CheckBuffer(packet, offset, length, length);
            if (_direction != SrtpDirection.Inbound) throw new InvalidOperationException("Outbound context.");
            if (_keyCount == 0) throw new InvalidOperationException("No master key.");
            int len = length;
            int tagLength = _aead ? _aeadTagLength : _srtcpTagLength;
            int payloadEnd = len - 4 - _mkiLength - tagLength;
            if (payloadEnd < 8) return SrtpStatus.TooShort;
            if (RtpHeader.ReadUInt32(packet, offset + 4) != _ssrc) return SrtpStatus.SsrcMismatch;
            int wordPos = _aead ? offset + payloadEnd + tagLength : offset + payloadEnd;
            int mkiPos = wordPos + 4;
            MasterKey? mk = FindKey(packet, mkiPos);
            if (mk == null) return SrtpStatus.BadMki;
            uint word = RtpHeader.ReadUInt32(packet, wordPos);
            bool encrypted = (word & 0x80000000u) != 0;
            uint idx = word & MaxSrtcpIndex;
            SrtpStatus st = _srtcpReplay!.Check(idx); // an outbound context has none, and was refused above
            if (st != SrtpStatus.Ok) return st;
            mk = SelectKey(mk, idx, true);
            if (mk == null) return SrtpStatus.OutsideKeyInterval;
            if (mk.SrtcpPackets >= _srtcpLifetime) return SrtpStatus.KeyExpired;
            if (_kdrShift >= 0 && !InSrtcpKeyPeriods(idx)) return SrtpStatus.OutsideKeyPeriod;

            SessionKeys keys = SrtcpKeys(mk, idx);
            ISrtpPacketEngine? engine = keys.Packet;
            if (_aead && engine != null)
            {
                SrtpIv.GcmSrtcp(keys.Salt, _ssrc, idx, _iv, 0);
                int aadLength = PrepareRtcpAad(packet, offset, encrypted ? 8 : payloadEnd, word);
                bool ok = encrypted
                    ? engine.Open(_iv, 0, 12, _aad, 0, aadLength, packet, offset + 8, payloadEnd - 8, packet, offset + payloadEnd, _aeadTagLength)
                    : engine.Open(_iv, 0, 12, _aad, 0, aadLength, packet, offset + payloadEnd, 0, packet, offset + payloadEnd, _aeadTagLength);
                if (!ok) return SrtpStatus.AuthFailure;
            }
            else if (engine != null)
            {
                // The managed path also answers AuthFailure for an E flag without an SRTCP cipher (after its tag check).
                if (encrypted && keys.Cipher == null) return SrtpStatus.AuthFailure;
                if (encrypted) SrtpIv.AesCm(keys.Salt, _ssrc, idx >> 16, idx & 0xFFFF, _iv, 0);
                if (!engine.Unprotect(_iv, 0, packet, offset + 8, encrypted ? payloadEnd - 8 : 0, offset, payloadEnd + 4, false, 0, mkiPos + _mkiLength, tagLength))
                {
                    return SrtpStatus.AuthFailure;
                }
            }
            else if (_aead)
            {
                SrtpIv.GcmSrtcp(keys.Salt, _ssrc, idx, _iv, 0);
                int aadLength = PrepareRtcpAad(packet, offset, encrypted ? 8 : payloadEnd, word);
                bool ok = encrypted
                    ? keys.Gcm!.Open(_iv, 0, 12, _aad, 0, aadLength, packet, offset + 8, payloadEnd - 8, packet, offset + payloadEnd, _aeadTagLength, packet, offset + 8)
                    : keys.Gcm!.Open(_iv, 0, 12, _aad, 0, aadLength, packet, offset + payloadEnd, 0, packet, offset + payloadEnd, _aeadTagLength, packet, offset + payloadEnd);
                if (!ok) return SrtpStatus.AuthFailure;
            }
            else
            {
                if (tagLength > 0)
                {
                    keys.Auth!.Reset();
                    keys.Auth.Update(packet, offset, payloadEnd + 4);
                    keys.Auth.Final(_mac, 0, tagLength);
                    bool ok = ConstantTime.AreEqual(_mac, 0, packet, mkiPos + _mkiLength, tagLength);
                    SecureMemory.Wipe(_mac, 0, tagLength);
                    if (!ok) return SrtpStatus.AuthFailure;
                }
                if (encrypted)
                {
                    if (keys.Cipher == null) return SrtpStatus.AuthFailure;
                    SrtpIv.AesCm(keys.Salt, _ssrc, idx >> 16, idx & 0xFFFF, _iv, 0);
                    ApplyKeystream(keys.Cipher, packet, offset + 8, payloadEnd - 8);
                }
            }

            _srtcpReplay!.Update(idx);
            mk.SrtcpPackets++;
            CommitSrtcpKeys(mk, keys);
            length = payloadEnd;
            return SrtpStatus.Ok;
        }

        // RFC 3711 §4.1.1: the AES-CM keystream for _iv XORed into the packet. With the software AES one call that keeps the
        // counter blocks and the keystream out of arrays (SoftwareAes.CtrXor: IV + j is its 128-bit increment; issue 10 §4);
        // any other engine through AesCmCipher, one engine call per packet.
        private void ApplyKeystream(IAesEngine cipher, byte[] packet, int offset, int length)
        {
            SoftwareAes? software = cipher as SoftwareAes;
            if (software != null) software.CtrXor(_iv, 0, false, packet, offset, packet, offset, length);
            else _cm!.Apply(cipher, _iv, 0, packet, offset, length);
        }

        private static ulong Margin(ulong lifetime)
        {
            return lifetime > (1UL << 20) ? (1UL << 16) : lifetime >> 4;
        }

        private static void CheckBuffer(byte[] packet, int offset, int length, int capacity)
        {
            if (packet == null) throw new ArgumentNullException(nameof(packet));
            if (offset < 0 || offset > packet.Length) throw new ArgumentOutOfRangeException(nameof(offset));
            if (capacity < 0 || capacity > packet.Length - offset) throw new ArgumentOutOfRangeException(nameof(capacity));
            if (length < 0 || length > capacity) throw new ArgumentOutOfRangeException(nameof(length));
        }

        private IAesEngine CreateEngine(int keyLength)
        {
            IAesEngine? e = _factory != null ? _factory.Create(keyLength) : null;
            if (e == null || !e.SupportsKeyLength(keyLength)) e = new SoftwareAes();
            return e;
        }

        private SessionKeys CreateSessionKeys(bool rtcp)
        {
            bool cipher = _aead || (rtcp ? _srtcpEncrypt : _srtpEncrypt);
            int authKeyLength = 0;
            if (!_aead)
            {
                if (rtcp)
                {
                    if (_srtcpTagLength > 0) authKeyLength = _srtcpAuthKeyLength;
                }
                else if (_srtpAuth != SrtpAuthenticationAlgorithm.Null && _srtpAuth != SrtpAuthenticationAlgorithm.RccM3)
                {
                    authKeyLength = _srtpAuthKeyLength;
                }
            }
            // The session encryption and salt keys are as long as the master key and salt (SrtpPolicy.MasterKeyLength).
            ISrtpPacketEngine? packet = null;
            // GCM with short tags stays managed: AesGcm enforces SP 800-38D Appendix C's limits for them.
            if (_packetEngines != null && (!_aead || _aeadTagLength == AesGcm.TagSize) && (cipher || authKeyLength > 0))
            {
                packet = _packetEngines.CreatePacketEngine(cipher ? _masterKeyLength : 0, authKeyLength, _aead);
                if (packet != null && cipher && !packet.SupportsKeyLength(_masterKeyLength)) packet = null;
            }
            IAesEngine? engine = !cipher ? null : packet ?? CreateEngine(_masterKeyLength);
            if (packet == null && cipher && !_aead && _cm == null) _cm = new AesCmCipher(_maxPacketLength);
            return new SessionKeys(engine, packet, _masterKeyLength, _masterSaltLength, authKeyLength, _aead, _maxPacketLength);
        }

        private MasterKey? FindKey(byte[] packet, int mkiPos)
        {
            if (_mkiLength == 0) return _keys[_active];
            for (int i = 0; i < _keyCount; i++)
            {
                if (_keys[i].MatchesMki(packet, mkiPos)) return _keys[i];
            }
            return null;
        }

        // RFC 3711 §8.1.1: with an MKI (received packet) the named key, which must also cover the index; otherwise the active
        // key when it covers the index, else the first key whose <From, To> does. Null: no key may process this index.
        private MasterKey? SelectKey(MasterKey? byMki, ulong index, bool rtcp)
        {
            if (byMki != null && _mkiLength > 0) return byMki.Covers(index, rtcp) ? byMki : null;
            MasterKey a = _keys[_active];
            if (a.Covers(index, rtcp)) return a;
            for (int i = 0; i < _keyCount; i++)
            {
                if (_keys[i].HasInterval(rtcp) && _keys[i].Covers(index, rtcp)) return _keys[i];
            }
            return null;
        }

        // RFC 3711 Appendix A: the ROC guess v for SEQ, relative to s_l and ROC of the highest index; may be -1 or 2^32.
        private long EstimateRoc(int seq)
        {
            if (!_srtpReplay.HasStarted) return _initialRoc;
            ulong highest = _srtpReplay.Highest;
            long roc = (long)(highest >> 16);
            int sl = (int)(highest & 0xFFFF);
            if (sl < 32768)
            {
                if (seq - sl > 32768) return roc - 1;
            }
            else if (sl - 32768 > seq)
            {
                return roc + 1;
            }
            return roc;
        }

        // RFC 4771 §3: the ROC rides on packets with SEQ mod R = 0.
        private bool CarriesRoc(int seq)
        {
            SrtpAuthenticationAlgorithm a = _srtpAuth;
            if (a != SrtpAuthenticationAlgorithm.RccM1 && a != SrtpAuthenticationAlgorithm.RccM2 && a != SrtpAuthenticationAlgorithm.RccM3) return false;
            return seq % _rccRate == 0;
        }

        // Bytes of HMAC in the SRTP trailer: the whole tag, or with RCC the tag minus the ROC, or none (RFC 4771 §3.1–3.3).
        private int MacLength(bool rocCarried)
        {
            switch (_srtpAuth)
            {
                case SrtpAuthenticationAlgorithm.HmacSha1: return _aead ? 0 : _srtpTagLength;
                case SrtpAuthenticationAlgorithm.RccM1: return rocCarried ? _srtpTagLength - 4 : 0;
                case SrtpAuthenticationAlgorithm.RccM2: return rocCarried ? _srtpTagLength - 4 : _srtpTagLength;
                default: return 0;
            }
        }

        // RFC 3711 §4.2: tag = HMAC(k_a, authenticated portion || ROC), truncated.
        private void ComputeSrtpMac(SessionKeys keys, byte[] packet, int offset, int length, uint roc, int macLength)
        {
            keys.Auth!.Reset();
            keys.Auth.Update(packet, offset, length);
            RtpHeader.WriteUInt32(_word, 0, roc);
            keys.Auth.Update(_word, 0, 4);
            keys.Auth.Final(_mac, 0, macLength);
        }

        // RFC 7714 §9.2/§9.3: AAD = the first `covered` bytes of the packet (8, or all of it when unencrypted) || E || index.
        private int PrepareRtcpAad(byte[] packet, int offset, int covered, uint word)
        {
            if (_aad.Length < covered + 4) _aad = new byte[covered + 4];
            Array.Copy(packet, offset, _aad, 0, covered);
            RtpHeader.WriteUInt32(_aad, covered, word);
            return covered + 4;
        }

        // KDR != 0: an unauthenticated packet may only make the context derive keys for the current key period or the one
        // either side of it (RFC 3711 §4.3.1); anything else is dropped first, so forged packets cannot buy derivations.
        // The current period is that of the highest authenticated index; before the first packet, that of the signalled
        // ROC's index range (SRTP) or of index 0, where the sender starts (SRTCP, RFC 3711 §3.4).
        private bool InSrtpKeyPeriods(ulong index)
        {
            ulong lo, hi;
            if (_srtpReplay.HasStarted)
            {
                lo = _srtpReplay.Highest;
                hi = lo;
            }
            else
            {
                lo = (ulong)_initialRoc << 16;
                hi = lo | 0xFFFF;
            }
            return InKeyPeriods(index, lo, hi);
        }

        private bool InSrtcpKeyPeriods(uint index)
        {
            ReplayWindow replay = _srtcpReplay!; // inbound only (UnprotectRtcp)
            ulong reference = replay.HasStarted ? replay.Highest : 0;
            return InKeyPeriods(index, reference, reference);
        }

        private bool InKeyPeriods(ulong index, ulong lo, ulong hi)
        {
            ulong r = index >> _kdrShift;
            ulong rlo = lo >> _kdrShift;
            ulong rhi = hi >> _kdrShift;
            return r + 1 >= rlo && r <= rhi + 1;
        }

        private SessionKeys SrtpKeys(MasterKey mk, ulong index)
        {
            SessionKeys cur = mk.SrtpCurrent;
            if (_kdrShift < 0) return cur;
            ulong r = index >> _kdrShift;
            if (cur.Valid && cur.R == r) return cur;
            SessionKeys spare = mk.SrtpSpare!;
            if (!spare.Valid || spare.R != r) spare.Derive(mk.Kdf!, SrtpKeyDerivation.LabelSrtpEncryption, r);
            return spare;
        }

        private SessionKeys SrtcpKeys(MasterKey mk, uint index)
        {
            SessionKeys cur = mk.SrtcpCurrent ?? DeriveSrtcpKeys(mk);
            if (_kdrShift < 0) return cur;
            ulong r = (ulong)index >> _kdrShift;
            if (cur.Valid && cur.R == r) return cur;
            SessionKeys spare = mk.SrtcpSpare!;
            if (!spare.Valid || spare.R != r) spare.Derive(mk.Kdf!, SrtpKeyDerivation.LabelSrtcpEncryption, r);
            return spare;
        }

        // KDR 0, first RTCP use: SRTCP session keys from the kept master key and salt (RFC 3711 §4.3.2, labels 3-5), then
        // the master key is wiped. One-time allocation; every later packet finds the keys.
        private SessionKeys DeriveSrtcpKeys(MasterKey mk)
        {
            byte[] m = mk.DeferredMaster!;
            int kl = _masterKeyLength;
            SessionKeys keys = CreateSessionKeys(true);
            // As in AddMasterKey: the KDF runs on the SRTCP session's own engine, which takes its session key last.
            IAesEngine kdfEngine = keys.Cipher ?? CreateEngine(kl);
            kdfEngine.SetKey(m, 0, kl);
            var kdf = new SrtpKeyDerivation(kdfEngine, m, kl, _masterSaltLength);
            keys.Derive(kdf, SrtpKeyDerivation.LabelSrtcpEncryption, 0);
            if (kdfEngine != keys.Cipher) kdfEngine.ClearKey();
            kdf.Clear();
            SecureMemory.Wipe(m, 0, m.Length);
            mk.DeferredMaster = null;
            mk.SrtcpCurrent = keys;
            return keys;
        }

        // A packet at a later KDR period authenticated: its keys become current, the old ones stay for late packets.
        private static void CommitSrtpKeys(MasterKey mk, SessionKeys used)
        {
            if (used != mk.SrtpCurrent && used.R > mk.SrtpCurrent.R)
            {
                mk.SrtpSpare = mk.SrtpCurrent;
                mk.SrtpCurrent = used;
            }
        }

        private static void CommitSrtcpKeys(MasterKey mk, SessionKeys used)
        {
            if (used != mk.SrtcpCurrent && used.R > mk.SrtcpCurrent!.R)
            {
                mk.SrtcpSpare = mk.SrtcpCurrent;
                mk.SrtcpCurrent = used;
            }
        }
    }
}
