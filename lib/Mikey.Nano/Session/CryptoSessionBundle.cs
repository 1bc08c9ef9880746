using System;
using NanoMikey.Crypto;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Session
{
    /// <summary>
    /// A crypto session bundle (RFC 3830 §2.1): CSB ID, the key material MIKEY established (TGK or TEKs, the initiator's
    /// RAND, the PRF) and the crypto sessions with their SRTP master keys. Fixed capacity, owned buffers; a completed exchange
    /// fills one, <see cref="CopyFrom"/> commits it, <see cref="Clear"/> wipes it.
    /// </summary>
    public sealed class CryptoSessionBundle
    {
        /// <summary>Crypto sessions per bundle at most.</summary>
        public const int MaxCryptoSessions = 8;

        /// <summary>Longest TGK kept, in bytes (a 2048-bit MODP shared secret).</summary>
        public const int MaxTgkLength = 256;

        // Session 0 up front, the others on first use: a device with one stream holds one session, not eight (each is
        // kilobytes on the interpreter), and the common one-stream exchange allocates nothing once the bundle exists.
        private readonly CryptoSession?[] _sessions = new CryptoSession?[MaxCryptoSessions];
        // TGK and RAND grow to the longest held (at most MaxTgkLength and MaxRandLength): a PSK exchange's 16-byte TGK and RAND
        // do not hold 256-byte buffers, twice per responder (staging + current). See Reserve for the second bundle.
        private byte[] _tgk = new byte[0];
        private byte[] _rand = new byte[0];

        /// <summary>Creates an empty bundle.</summary>
        public CryptoSessionBundle()
        {
            _sessions[0] = new CryptoSession();
        }

        /// <summary>CSB ID (RFC 3830 §6.1).</summary>
        public uint CsbId { get; internal set; }

        /// <summary>PRF used for every derivation of this bundle.</summary>
        public PrfFunction Prf { get; internal set; }

        /// <summary>Number of crypto sessions.</summary>
        public int Count { get; internal set; }

        /// <summary>Crypto session <paramref name="index"/> (0-based; its CS number is index + 1).</summary>
        /// <param name="index">Index below <see cref="Count"/>.</param>
        /// <returns>The crypto session.</returns>
        public CryptoSession Get(int index)
        {
            if (index < 0 || index >= Count) throw new ArgumentOutOfRangeException();
            return Slot(index);
        }

        /// <summary>The crypto session protecting <paramref name="ssrc"/>, or null.</summary>
        /// <param name="ssrc">SSRC to look up.</param>
        /// <returns>The crypto session or null.</returns>
        public CryptoSession? FindBySsrc(uint ssrc)
        {
            for (int i = 0; i < Count; i++)
            {
                CryptoSession cs = Slot(i);
                if (cs.Ssrc == ssrc) return cs;
            }

            return null;
        }

        /// <summary>Length of the TGK held (0 when keys were transported as TEKs).</summary>
        public int TgkLength { get; private set; }

        /// <summary>Length of the initiator's RAND held (kept for CSB updates, RFC 3830 §4.5).</summary>
        public int RandLength { get; private set; }

        internal byte[] Tgk
        {
            get { return _tgk; }
        }

        internal byte[] Rand
        {
            get { return _rand; }
        }

        internal CryptoSession Slot(int index)
        {
            CryptoSession? cs = _sessions[index];
            if (cs == null)
            {
                cs = new CryptoSession();
                _sessions[index] = cs;
            }

            return cs;
        }

        internal void SetTgk(byte[] tgk, int offset, int length)
        {
            if (length < 0 || length > MaxTgkLength) throw new ArgumentOutOfRangeException();
            SecureMemory.Wipe(_tgk);
            if (_tgk.Length < length) _tgk = new byte[length];
            Array.Copy(tgk, offset, _tgk, 0, length);
            TgkLength = length;
        }

        internal void SetRand(byte[] rand, int offset, int length)
        {
            if (length < 0 || length > MikeyKeyDerivation.MaxRandLength) throw new ArgumentOutOfRangeException();
            if (_rand.Length < length) _rand = new byte[length];
            Array.Copy(rand, offset, _rand, 0, length);
            RandLength = length;
        }

        /// <summary>
        /// Derives, for every crypto session, the TEK (SRTP master key) and — when no salt was transported — the salting key
        /// (SRTP master salt) from the TGK: PRF(TGK, constant ‖ cs_id ‖ CSB ID ‖ RAND) (RFC 3830 §4.1.3), key and salt
        /// lengths from each session's policy.
        /// </summary>
        /// <param name="kd">The derivation to run.</param>
        /// <param name="keySlot">Which master key of each session to fill.</param>
        /// <param name="saltTransported">True when the salt was transported (TGK+SALT) and is already in place.</param>
        public void DeriveFromTgk(MikeyKeyDerivation kd, int keySlot, bool saltTransported)
        {
            if (kd == null) throw new ArgumentNullException();
            for (int i = 0; i < Count; i++)
            {
                CryptoSession cs = Slot(i);
                SrtpMasterKeyEntry k = cs.KeySlot(keySlot);
                int keyLength = cs.Policy.SessionEncryptionKeyLength;
                kd.Derive(Prf, _tgk, 0, TgkLength, MikeyKeyDerivation.TekConstant, (byte)cs.CsId, CsbId, _rand, 0, RandLength, k.Key, 0, keyLength);
                k.KeyLength = keyLength;
                if (!saltTransported)
                {
                    int saltLength = cs.Policy.SessionSaltKeyLength;
                    kd.Derive(Prf, _tgk, 0, TgkLength, MikeyKeyDerivation.SaltingKeyConstant, (byte)cs.CsId, CsbId, _rand, 0, RandLength, k.Salt, 0, saltLength);
                    k.SaltLength = saltLength;
                }
            }
        }

        /// <summary>
        /// An initiator's own keys (RFC 3830 §4.1.3): the crypto sessions it offered and a key slot with TEKs and salts from
        /// <paramref name="tgk"/>, each new key with MKI <paramref name="mki"/>. A first exchange starts the bundle (CSB ID, PRF,
        /// RAND); a CSB update (§4.5) adds the next slot to the sessions it has, with the first exchange's RAND, and sets up the
        /// sessions it added (their earlier slots stay empty).
        /// </summary>
        /// <returns>The key slot filled.</returns>
        internal int FillOffered(bool update, uint csbId, PrfFunction prf, byte[] rand, int randLength, byte[] tgk, int tgkLength,
            int count, int[] policyNo, uint[] ssrc, uint[] roc, SrtpPolicy[] policies, byte[]? mki, int mkiLength, MikeyKeyDerivation kd)
        {
            return Fill(update, csbId, prf, rand, randLength, tgk, tgkLength, false, count, policyNo, ssrc, roc, policies, mki, mkiLength, kd);
        }

        /// <summary>
        /// As <see cref="FillOffered"/> for a transported TEK: <paramref name="tek"/> holds master key ‖ master salt, the same
        /// for every crypto session (the de-facto layout of a TEK without Salt field, peers.md), and no TGK is kept.
        /// </summary>
        /// <returns>The key slot filled.</returns>
        internal int FillOfferedTek(bool update, uint csbId, PrfFunction prf, byte[] rand, int randLength, byte[] tek,
            int count, int[] policyNo, uint[] ssrc, uint[] roc, SrtpPolicy[] policies, byte[]? mki, int mkiLength)
        {
            return Fill(update, csbId, prf, rand, randLength, tek, 0, true, count, policyNo, ssrc, roc, policies, mki, mkiLength, null);
        }

        private int Fill(bool update, uint csbId, PrfFunction prf, byte[] rand, int randLength, byte[] tgk, int tgkLength, bool tek,
            int count, int[] policyNo, uint[] ssrc, uint[] roc, SrtpPolicy[] policies, byte[]? mki, int mkiLength, MikeyKeyDerivation? kd)
        {
            int slot = update ? Slot(0).MasterKeyCount : 0;
            int carried = update ? Count : 0;
            if (!update)
            {
                Clear();
                CsbId = csbId;
                Prf = prf;
                SetRand(rand, 0, randLength);
            }

            SetTgk(tgk, 0, tgkLength);
            Count = count;
            for (int i = 0; i < count; i++)
            {
                CryptoSession cs = Slot(i);
                if (i >= carried)
                {
                    cs.CsId = i + 1;
                    cs.PolicyNo = policyNo[i];
                    cs.Ssrc = ssrc[i];
                    cs.Roc = roc[i];
                    cs.Policy.CopyFrom(policies[i]);
                }

                cs.Policy.MkiLength = mkiLength;
                cs.MasterKeyCount = slot + 1;
                SrtpMasterKeyEntry k = cs.KeySlot(slot);
                k.MkiLength = mkiLength;
                if (mkiLength > 0) Array.Copy(mki!, 0, k.Mki, 0, mkiLength);
                if (tek)
                {
                    // RFC 3830 §4.1.3 has no PRF step for a TEK: it is the SRTP master key (here ‖ master salt).
                    int keyLength = cs.Policy.SessionEncryptionKeyLength;
                    int saltLength = cs.Policy.SessionSaltKeyLength;
                    Array.Copy(tgk, 0, k.Key, 0, keyLength);
                    Array.Copy(tgk, keyLength, k.Salt, 0, saltLength);
                    k.KeyLength = keyLength;
                    k.SaltLength = saltLength;
                }
            }

            if (!tek) DeriveFromTgk(kd!, slot, false);
            return slot;
        }

        /// <summary>
        /// Grows this bundle to hold what <paramref name="other"/> holds (TGK, RAND, crypto session slots), so that the next exchange
        /// of the same shape fills it without allocating: a responder calls it on its staging bundle after each commit.
        /// </summary>
        internal void Reserve(CryptoSessionBundle other)
        {
            if (_tgk.Length < other.TgkLength) _tgk = new byte[other.TgkLength];
            if (_rand.Length < other.RandLength) _rand = new byte[other.RandLength];
            for (int i = 0; i < other.Count; i++) Slot(i);
        }

        /// <summary>Copies another bundle (keys included) into this one; used to commit a completed exchange.</summary>
        /// <param name="other">Source bundle.</param>
        public void CopyFrom(CryptoSessionBundle other)
        {
            if (other == null) throw new ArgumentNullException();
            CsbId = other.CsbId;
            Prf = other.Prf;
            Count = other.Count;
            SetTgk(other._tgk, 0, other.TgkLength);
            SetRand(other._rand, 0, other.RandLength);
            for (int i = 0; i < MaxCryptoSessions; i++)
            {
                CryptoSession? from = other._sessions[i];
                if (from != null) Slot(i).CopyFrom(from);
                else if (_sessions[i] != null) _sessions[i]!.Clear();
            }
        }

        /// <summary>Wipes every key and empties the bundle.</summary>
        public void Clear()
        {
            SecureMemory.Wipe(_tgk);
            Array.Clear(_rand, 0, _rand.Length);
            TgkLength = 0;
            RandLength = 0;
            for (int i = 0; i < MaxCryptoSessions; i++)
            {
                if (_sessions[i] != null) _sessions[i]!.Clear();
            }
            Count = 0;
            CsbId = 0;
        }
    }
}
