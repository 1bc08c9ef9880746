using System;
using NanoMikey.Crypto.Hal;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Session
{
    /// <summary>
    /// One crypto session of a bundle (RFC 3830 §2.1, §6.1.1): the SRTP stream it protects (SSRC, initial ROC), its policy,
    /// and the master keys MIKEY established for it. Everything SRTP needs to build a context.
    /// </summary>
    public sealed class CryptoSession
    {
        /// <summary>Master keys per crypto session at most (one per Key data sub-payload).</summary>
        public const int MaxMasterKeys = 4;

        // Key 0 up front, the others on first use (like the bundle's sessions): most streams never get a second master key.
        private readonly SrtpMasterKeyEntry?[] _keys = new SrtpMasterKeyEntry?[MaxMasterKeys];

        /// <summary>Creates an empty crypto session.</summary>
        public CryptoSession()
        {
            _keys[0] = new SrtpMasterKeyEntry();
            Policy = new SrtpPolicy();
        }

        /// <summary>1-based CS number (the cs_id of the key derivation label, RFC 3830 §4.1.3).</summary>
        public int CsId { get; internal set; }

        /// <summary>Policy number of the SP payload that applies (RFC 3830 §6.1.1).</summary>
        public int PolicyNo { get; internal set; }

        /// <summary>SSRC of the stream (RFC 3830 §6.1.1); the responder may fill it in (§4.2.1).</summary>
        public uint Ssrc { get; internal set; }

        /// <summary>Initial rollover counter of the stream.</summary>
        public uint Roc { get; internal set; }

        /// <summary>The SRTP policy (from the SP payload, defaults where it is silent, local minimum enforced).</summary>
        public SrtpPolicy Policy { get; private set; }

        /// <summary>Number of master keys.</summary>
        public int MasterKeyCount { get; internal set; }

        /// <summary>Master key <paramref name="index"/> (0-based, below <see cref="MasterKeyCount"/>).</summary>
        /// <param name="index">Key index.</param>
        /// <returns>The key entry.</returns>
        public SrtpMasterKeyEntry GetMasterKey(int index)
        {
            if (index < 0 || index >= MasterKeyCount) throw new ArgumentOutOfRangeException();
            return KeySlot(index);
        }

        internal SrtpMasterKeyEntry KeySlot(int index)
        {
            SrtpMasterKeyEntry? k = _keys[index];
            if (k == null)
            {
                k = new SrtpMasterKeyEntry();
                _keys[index] = k;
            }

            return k;
        }

        /// <summary>
        /// Builds the SRTP crypto context of this crypto session for one direction: its policy, every master key with its MKI,
        /// the initial ROC (RFC 3830 §6.1.1), the newest key active. A key with an interval KV is limited to its SRTP index range
        /// (<see cref="SrtpMasterKeyEntry.ValidFrom"/>, RFC 3711 §8.1.1).
        /// </summary>
        /// <param name="direction">Outbound (this side sends the SSRC) or inbound.</param>
        /// <param name="engineFactory">AES engines (hardware on the device); null for software AES.</param>
        /// <param name="minimum">The local minimum the policy must meet (already checked when MIKEY loaded it).</param>
        /// <returns>A new context.</returns>
        public SrtpCryptoContext CreateSrtpContext(SrtpDirection direction, IAesEngineFactory? engineFactory, SrtpMinimumPolicy minimum)
        {
            if (MasterKeyCount == 0) throw new InvalidOperationException();
            var c = new SrtpCryptoContext(Policy, Ssrc, direction, engineFactory, minimum);
            AddNewKeysTo(c, 0);
            if (Roc != 0) c.SetRolloverCounter(Roc);
            return c;
        }

        /// <summary>
        /// After a CSB update (RFC 3830 §4.5): adds the master keys from slot <paramref name="fromSlot"/> on to an existing context
        /// (the older keys stay, so packets in flight under the old MKI still unprotect) and makes the newest one active for
        /// protecting; interval KVs become the keys' SRTP index ranges. Empty slots (a crypto session the update added has no older keys) are skipped.
        /// </summary>
        /// <param name="context">The stream's context.</param>
        /// <param name="fromSlot">First key slot to add (the master key count before the update).</param>
        public void AddNewKeysTo(SrtpCryptoContext context, int fromSlot)
        {
            if (context == null) throw new ArgumentNullException();
            for (int i = fromSlot; i < MasterKeyCount; i++)
            {
                SrtpMasterKeyEntry k = KeySlot(i);
                if (k.KeyLength == 0) continue;
                int added = context.AddMasterKey(k.Key, 0, k.Salt, 0, k.MkiLength > 0 ? k.Mki : null, 0);
                // RFC 3830 §6.14 interval KV: the key's SRTP index range (RFC 3711 §8.1.1 key selection).
                if (k.HasInterval) context.SetSrtpKeyInterval(added, k.ValidFrom, k.ValidTo);
                context.ActiveMasterKey = added;
            }
        }

        /// <summary>Copies another crypto session (policy included) into this one.</summary>
        /// <param name="other">Source.</param>
        public void CopyFrom(CryptoSession other)
        {
            if (other == null) throw new ArgumentNullException();
            CsId = other.CsId;
            PolicyNo = other.PolicyNo;
            Ssrc = other.Ssrc;
            Roc = other.Roc;
            Policy.CopyFrom(other.Policy);
            MasterKeyCount = other.MasterKeyCount;
            for (int i = 0; i < MaxMasterKeys; i++)
            {
                SrtpMasterKeyEntry? from = other._keys[i];
                if (from != null) KeySlot(i).CopyFrom(from);
                else if (_keys[i] != null) _keys[i]!.Clear();
            }
        }

        /// <summary>Wipes every key and resets the session.</summary>
        public void Clear()
        {
            for (int i = 0; i < MaxMasterKeys; i++)
            {
                if (_keys[i] != null) _keys[i]!.Clear();
            }
            MasterKeyCount = 0;
            CsId = 0;
            PolicyNo = 0;
            Ssrc = 0;
            Roc = 0;
        }
    }
}
