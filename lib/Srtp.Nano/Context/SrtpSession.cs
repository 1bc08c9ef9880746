using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Hal;
using NanoMikey.Srtp.Policy;
using NanoMikey.Srtp.Rtp;

namespace NanoMikey.Srtp.Context
{
    /// <summary>
    /// The crypto contexts of one direction, one per SSRC, sharing a policy and master keys (libsrtp's session with an
    /// "any outbound"/"any inbound" template). A new inbound SSRC gets a context only once its first packet authenticates:
    /// forged packets never add streams, and all of them together allocate at most one spare context.
    /// </summary>
    public sealed class SrtpSession
    {
        private readonly SrtpPolicy _policy;
        private readonly SrtpMinimumPolicy _minimum;
        private readonly SrtpDirection _direction;
        private readonly IAesEngineFactory? _factory;
        private readonly SrtpCryptoContext[] _streams;
        private int _streamCount;
        private SrtpCryptoContext? _spare;
        private readonly byte[][] _keys = new byte[SrtpCryptoContext.MaxMasterKeys][];
        private int _keyCount;
        private int _active;

        /// <summary>Creates an empty session under the strict <see cref="SrtpMinimumPolicy"/>.</summary>
        /// <param name="policy">Parameter set of every stream (copied).</param>
        /// <param name="direction">Outbound (protect) or inbound (unprotect).</param>
        /// <param name="engineFactory">AES engines; null for software AES only.</param>
        /// <param name="maxStreams">Most SSRCs the session holds.</param>
        /// <exception cref="ArgumentException">The policy is not supported or is below the strict minimum.</exception>
        public SrtpSession(SrtpPolicy policy, SrtpDirection direction, IAesEngineFactory? engineFactory, int maxStreams)
            : this(policy, direction, engineFactory, maxStreams, SrtpMinimumPolicy.Strict)
        {
        }

        /// <summary>Creates an empty session whose policy must meet <paramref name="minimum"/> (SRTCP authentication always, RFC 3711 §3.4).</summary>
        /// <param name="policy">Parameter set of every stream (copied).</param>
        /// <param name="direction">Outbound (protect) or inbound (unprotect).</param>
        /// <param name="engineFactory">AES engines; null for software AES only.</param>
        /// <param name="maxStreams">Most SSRCs the session holds.</param>
        /// <param name="minimum">The local minimum with its explicit opt-ins.</param>
        /// <exception cref="ArgumentException">The policy is not supported or is below <paramref name="minimum"/>.</exception>
        public SrtpSession(SrtpPolicy policy, SrtpDirection direction, IAesEngineFactory? engineFactory, int maxStreams, SrtpMinimumPolicy minimum)
        {
            SrtpMinimumPolicy.Require(policy, minimum);
            if (maxStreams < 1) throw new ArgumentOutOfRangeException(nameof(maxStreams));
            _minimum = minimum;
            _policy = policy.Clone();
            _direction = direction;
            _factory = engineFactory;
            _streams = new SrtpCryptoContext[maxStreams];
        }

        /// <summary>Number of streams (SSRCs) with a context.</summary>
        public int StreamCount { get { return _streamCount; } }

        /// <summary>Index of the master key used to protect (and, without MKI, to unprotect) in every stream.</summary>
        public int ActiveMasterKey
        {
            get { return _active; }
            set
            {
                if (value < 0 || value >= _keyCount) throw new ArgumentOutOfRangeException(nameof(value));
                _active = value;
                for (int i = 0; i < _streamCount; i++) _streams[i].ActiveMasterKey = value;
                if (_spare != null) _spare.ActiveMasterKey = value;
            }
        }

        /// <summary>Adds a master key, salt and MKI (lengths from the policy) to the session and every stream in it.</summary>
        /// <param name="key">Buffer holding the master key.</param>
        /// <param name="keyOffset">Offset of the key.</param>
        /// <param name="salt">Buffer holding the master salt.</param>
        /// <param name="saltOffset">Offset of the salt.</param>
        /// <param name="mki">Buffer holding the MKI, or null when the MKI length is 0.</param>
        /// <param name="mkiOffset">Offset of the MKI.</param>
        /// <returns>The index of the new master key.</returns>
        public int AddMasterKey(byte[] key, int keyOffset, byte[] salt, int saltOffset, byte[]? mki, int mkiOffset)
        {
            int kl = _policy.MasterKeyLength, sl = _policy.MasterSaltLength, ml = _policy.MkiLength;
            if (key == null) throw new ArgumentNullException(nameof(key));
            if (salt == null) throw new ArgumentNullException(nameof(salt));
            if (keyOffset < 0 || keyOffset > key.Length - kl) throw new ArgumentOutOfRangeException(nameof(keyOffset));
            if (saltOffset < 0 || saltOffset > salt.Length - sl) throw new ArgumentOutOfRangeException(nameof(saltOffset));
            if (ml > 0 && (mki == null || mkiOffset < 0 || mkiOffset > mki.Length - ml)) throw new ArgumentOutOfRangeException(nameof(mkiOffset));
            if (_keyCount == SrtpCryptoContext.MaxMasterKeys) throw new InvalidOperationException("Too many master keys.");
            // Kept (key || salt || MKI) to key streams that appear later; wiped by Clear.
            byte[] m = new byte[kl + sl + ml];
            Array.Copy(key, keyOffset, m, 0, kl);
            Array.Copy(salt, saltOffset, m, kl, sl);
            if (ml > 0) Array.Copy(mki!, mkiOffset, m, kl + sl, ml);
            for (int i = 0; i < _streamCount; i++) _streams[i].AddMasterKey(m, 0, m, kl, m, kl + sl);
            if (_spare != null) _spare.AddMasterKey(m, 0, m, kl, m, kl + sl);
            _keys[_keyCount] = m;
            return _keyCount++;
        }

        /// <summary>
        /// Declares a stream before its first packet, with the initial rollover counter and SRTCP index that key management
        /// signalled (MIKEY's CS ID map, RFC 3830 §6.1.1): a stream joined mid-way (ROC ≠ 0) is then unprotected from its first
        /// packet instead of failing authentication under ROC 0.
        /// </summary>
        /// <param name="ssrc">The stream's SSRC.</param>
        /// <param name="roc">Initial rollover counter.</param>
        /// <param name="srtcpIndex">Initial SRTCP index (0 for a new stream).</param>
        /// <returns>The stream's context.</returns>
        /// <exception cref="InvalidOperationException">The SSRC already has a context, or the session is full.</exception>
        public SrtpCryptoContext AddStream(uint ssrc, uint roc, uint srtcpIndex)
        {
            if (GetStream(ssrc) != null) throw new InvalidOperationException("The SSRC already has a context.");
            if (_streamCount == _streams.Length) throw new InvalidOperationException("Session full.");
            SrtpCryptoContext c = NewContext(ssrc);
            if (roc != 0) c.SetRolloverCounter(roc);
            if (srtcpIndex != 0) c.SetSrtcpIndex(srtcpIndex);
            _streams[_streamCount++] = c;
            return c;
        }

        /// <summary>The context of <paramref name="ssrc"/>, or null.</summary>
        /// <param name="ssrc">The SSRC.</param>
        /// <returns>The stream's context, or null.</returns>
        public SrtpCryptoContext? GetStream(uint ssrc)
        {
            for (int i = 0; i < _streamCount; i++)
            {
                if (_streams[i].Ssrc == ssrc) return _streams[i];
            }
            return null;
        }

        /// <summary>Protects an RTP packet with its SSRC's context (created on the SSRC's first packet).</summary>
        /// <param name="packet">Buffer holding the packet.</param>
        /// <param name="offset">Offset of the packet.</param>
        /// <param name="length">RTP length in, SRTP length out.</param>
        /// <param name="capacity">Bytes available from <paramref name="offset"/>.</param>
        /// <returns>The status of <see cref="SrtpCryptoContext.Protect"/>, or TooShort/NoContext.</returns>
        [HotPath]
        public SrtpStatus Protect(byte[] packet, int offset, ref int length, int capacity)
        {
            SrtpCryptoContext? c = OutboundFor(packet, offset, length, 8);
            if (c == null) return length < 12 ? SrtpStatus.TooShort : SrtpStatus.NoContext;
            return c.Protect(packet, offset, ref length, capacity);
        }

        /// <summary>Protects an RTCP packet with its SSRC's context (created on the SSRC's first packet).</summary>
        /// <param name="packet">Buffer holding the packet.</param>
        /// <param name="offset">Offset of the packet.</param>
        /// <param name="length">RTCP length in, SRTCP length out.</param>
        /// <param name="capacity">Bytes available from <paramref name="offset"/>.</param>
        /// <returns>The status of <see cref="SrtpCryptoContext.ProtectRtcp"/>, or TooShort/NoContext.</returns>
        [HotPath]
        public SrtpStatus ProtectRtcp(byte[] packet, int offset, ref int length, int capacity)
        {
            SrtpCryptoContext? c = OutboundFor(packet, offset, length, 4);
            if (c == null) return length < 8 ? SrtpStatus.TooShort : SrtpStatus.NoContext;
            return c.ProtectRtcp(packet, offset, ref length, capacity);
        }

        /// <summary>Unprotects an SRTP packet; an unknown SSRC gets a context only if the packet authenticates.</summary>
        /// <param name="packet">Buffer holding the packet.</param>
        /// <param name="offset">Offset of the packet.</param>
        /// <param name="length">SRTP length in, RTP length out.</param>
        /// <returns>The status of <see cref="SrtpCryptoContext.Unprotect"/>, or TooShort/NoContext.</returns>
        [HotPath]
        public SrtpStatus Unprotect(byte[] packet, int offset, ref int length)
        {
            return UnprotectAny(packet, offset, ref length, false);
        }

        /// <summary>Unprotects an SRTCP packet; an unknown SSRC gets a context only if the packet authenticates.</summary>
        /// <param name="packet">Buffer holding the packet.</param>
        /// <param name="offset">Offset of the packet.</param>
        /// <param name="length">SRTCP length in, RTCP length out.</param>
        /// <returns>The status of <see cref="SrtpCryptoContext.UnprotectRtcp"/>, or TooShort/NoContext.</returns>
        [HotPath]
        public SrtpStatus UnprotectRtcp(byte[] packet, int offset, ref int length)
        {
            return UnprotectAny(packet, offset, ref length, true);
        }

        /// <summary>Wipes every key of every stream and of the session.</summary>
        public void Clear()
        {
            for (int i = 0; i < _streamCount; i++) _streams[i].Clear();
            if (_spare != null) _spare.Clear();
            for (int i = 0; i < _keyCount; i++) SecureMemory.Wipe(_keys[i]);
            _keyCount = 0;
        }

        private SrtpCryptoContext? OutboundFor(byte[] packet, int offset, int length, int ssrcOffset)
        {
            if (_direction != SrtpDirection.Outbound) throw new InvalidOperationException("Inbound session.");
            if (packet == null) throw new ArgumentNullException(nameof(packet));
            if (offset < 0 || length < 0 || offset > packet.Length - length) throw new ArgumentOutOfRangeException(nameof(length));
            if (length < ssrcOffset + 4 || length < 8) return null;
            uint ssrc = RtpHeader.ReadUInt32(packet, offset + ssrcOffset);
            SrtpCryptoContext? c = GetStream(ssrc);
            if (c != null || _streamCount == _streams.Length) return c;
            c = NewContext(ssrc);
            _streams[_streamCount++] = c;
            return c;
        }

        private SrtpStatus UnprotectAny(byte[] packet, int offset, ref int length, bool rtcp)
        {
            if (_direction != SrtpDirection.Inbound) throw new InvalidOperationException("Outbound session.");
            if (packet == null) throw new ArgumentNullException(nameof(packet));
            if (offset < 0 || length < 0 || offset > packet.Length - length) throw new ArgumentOutOfRangeException(nameof(length));
            int ssrcOffset = rtcp ? 4 : 8;
            if (length < ssrcOffset + 4) return SrtpStatus.TooShort;
            uint ssrc = RtpHeader.ReadUInt32(packet, offset + ssrcOffset);
            SrtpCryptoContext? c = GetStream(ssrc);
            if (c != null) return rtcp ? c.UnprotectRtcp(packet, offset, ref length) : c.Unprotect(packet, offset, ref length);
            if (_streamCount == _streams.Length) return SrtpStatus.NoContext;
            if (_keyCount == 0) throw new InvalidOperationException("No master key.");
            if (_spare == null) _spare = NewContext(ssrc);
            else _spare.Rebind(ssrc);
            SrtpStatus s = rtcp ? _spare.UnprotectRtcp(packet, offset, ref length) : _spare.Unprotect(packet, offset, ref length);
            if (s == SrtpStatus.Ok)
            {
                _streams[_streamCount++] = _spare;
                _spare = null;
            }
            return s;
        }

        private SrtpCryptoContext NewContext(uint ssrc)
        {
            var c = new SrtpCryptoContext(_policy, ssrc, _direction, _factory, _minimum);
            int kl = _policy.MasterKeyLength, sl = _policy.MasterSaltLength;
            for (int i = 0; i < _keyCount; i++) c.AddMasterKey(_keys[i], 0, _keys[i], kl, _keys[i], kl + sl);
            if (_keyCount > 0) c.ActiveMasterKey = _active;
            return c;
        }
    }
}
