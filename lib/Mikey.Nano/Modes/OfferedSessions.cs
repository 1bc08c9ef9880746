using System;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Policy;
using NanoMikey.Mikey.Session;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Modes
{
    /// <summary>
    /// The crypto sessions an initiator offers (RFC 3830 §4.2.1: SRTP-ID map, one SP payload per distinct policy object):
    /// the HDR and SP payloads of its offer, the checks of an answer's HDR against it, the initiator's bundle from a TGK, and
    /// the SSRC/ROC a responder filled in. Shared by the initiators of lib/Mikey.Rsa.Nano (DHHMAC, DH-SIGN); fixed arrays, no
    /// allocation after construction.
    /// </summary>
    internal sealed class OfferedSessions
    {
        private readonly SrtpPolicyMapping _mapping = new SrtpPolicyMapping();
        private readonly SrtpPolicy[] _policies = new SrtpPolicy[CryptoSessionBundle.MaxCryptoSessions];
        private readonly uint[] _ssrc = new uint[CryptoSessionBundle.MaxCryptoSessions];
        private readonly uint[] _roc = new uint[CryptoSessionBundle.MaxCryptoSessions];
        private readonly int[] _policyNo = new int[CryptoSessionBundle.MaxCryptoSessions];

        /// <summary>Number of crypto sessions.</summary>
        internal int Count;

        /// <summary>Adds a crypto session; sessions sharing a policy object share one SP payload (policy number).</summary>
        internal int Add(uint ssrc, uint roc, SrtpPolicy policy)
        {
            if (policy == null) throw new ArgumentNullException();
            if (Count == CryptoSessionBundle.MaxCryptoSessions) throw new InvalidOperationException();
            int no = Count;
            for (int i = 0; i < Count; i++)
            {
                if (_policies[i] == policy)
                {
                    no = _policyNo[i];
                    break;
                }
            }

            _policies[Count] = policy;
            _ssrc[Count] = ssrc;
            _roc[Count] = roc;
            _policyNo[Count] = no;
            return ++Count;
        }

        /// <summary>Forgets every crypto session.</summary>
        internal void Reset()
        {
            for (int i = 0; i < Count; i++) _policies[i] = null!;
            Count = 0;
        }

        /// <summary>HDR with one SRTP-ID entry per crypto session (RFC 3830 §6.1).</summary>
        internal void WriteHeader(MikeyWriter w, DataType dataType, bool v, PrfFunction prf, uint csbId)
        {
            w.WriteHeader(dataType, v, prf, csbId, CsIdMapType.SrtpId);
            for (int i = 0; i < Count; i++) w.AddSrtpIdEntry(_policyNo[i], _ssrc[i], _roc[i]);
        }

        /// <summary>One SP payload per distinct policy (RFC 3830 §6.10); false when a policy has no MIKEY encoding.</summary>
        internal bool WritePolicies(MikeyWriter w)
        {
            for (int i = 0; i < Count; i++)
            {
                if (_policyNo[i] == i && _mapping.Write(w, i, _policies[i]) == MikeyStatus.InvalidValue) return false;
            }

            return true;
        }

        /// <summary>The initiator's keys: the offered sessions with TEKs and salts from the TGK (RFC 3830 §4.1.3), no MKI.</summary>
        internal void Fill(CryptoSessionBundle b, uint csbId, PrfFunction prf, byte[] rand, int randLength, byte[] tgk, int tgkLength, MikeyKeyDerivation kd)
        {
            b.FillOffered(false, csbId, prf, rand, randLength, tgk, tgkLength, Count, _policyNo, _ssrc, _roc, _policies, null, 0, kd);
        }

        /// <summary>
        /// True when an answer's HDR fits the offer: CSB ID, PRF, the same crypto sessions with the same policy numbers, and
        /// every SSRC the offer named unchanged (one left 0 may be filled in, RFC 3830 §4.2.1).
        /// </summary>
        internal bool Matches(CommonHeader hdr, uint csbId, PrfFunction prf)
        {
            if (hdr.CsbId != csbId || hdr.PrfFunction != prf || hdr.CsCount != Count || hdr.CsIdMapType != CsIdMapType.SrtpId) return false;
            for (int i = 0; i < Count; i++)
            {
                if (hdr.GetPolicyNo(i) != _policyNo[i] || (_ssrc[i] != 0 && hdr.GetSsrc(i) != _ssrc[i])) return false;
            }

            return true;
        }

        /// <summary>Takes the SSRC/ROC the responder filled in where the offer left 0 (RFC 3830 §4.2.1); after authentication.</summary>
        internal void ApplyAnswerMap(CommonHeader hdr, CryptoSessionBundle b)
        {
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
    }
}
