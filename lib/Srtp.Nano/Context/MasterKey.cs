using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Hal;
using NanoMikey.Srtp.Kdf;
using NanoMikey.Srtp.Transforms;

namespace NanoMikey.Srtp.Context
{
    /// <summary>One master key of a crypto context (RFC 3711 §3.2.1): its MKI, KDF, session keys and packet counters.</summary>
    internal sealed class MasterKey
    {
        internal readonly byte[] Mki;
        // Null with KDR 0: the session keys never change, so the KDF and its keyed engine are dropped after the first derivation.
        internal readonly IAesEngine? KdfEngine;
        internal readonly SrtpKeyDerivation? Kdf;
        internal SessionKeys SrtpCurrent;
        internal SessionKeys? SrtpSpare;
        // Null until the first RTCP packet when KDR is 0 (derived then from DeferredMaster, key then salt, which is wiped).
        internal SessionKeys? SrtcpCurrent;
        internal byte[]? DeferredMaster;
        internal SessionKeys? SrtcpSpare;
        internal ulong SrtpPackets;
        internal ulong SrtcpPackets;

        // RFC 3711 §8.1.1 <From, To>: the SRTP (48-bit) and SRTCP (31-bit) indices this key is valid for, both inclusive.
        internal bool HasSrtpInterval;
        internal ulong SrtpFrom;
        internal ulong SrtpTo;
        internal bool HasSrtcpInterval;
        internal ulong SrtcpFrom;
        internal ulong SrtcpTo;

        internal void SetInterval(ulong from, ulong to, bool rtcp)
        {
            if (rtcp)
            {
                SrtcpFrom = from;
                SrtcpTo = to;
                HasSrtcpInterval = true;
            }
            else
            {
                SrtpFrom = from;
                SrtpTo = to;
                HasSrtpInterval = true;
            }
        }

        internal MasterKey(byte[] mki, IAesEngine? kdfEngine, SrtpKeyDerivation? kdf, SessionKeys srtp, SessionKeys? srtpSpare, SessionKeys? srtcp, SessionKeys? srtcpSpare)
        {
            Mki = mki;
            KdfEngine = kdfEngine;
            Kdf = kdf;
            SrtpCurrent = srtp;
            SrtpSpare = srtpSpare;
            SrtcpCurrent = srtcp;
            SrtcpSpare = srtcpSpare;
        }

        internal bool MatchesMki(byte[] packet, int offset)
        {
            byte[] m = Mki;
            for (int i = 0; i < m.Length; i++)
            {
                if (packet[offset + i] != m[i]) return false;
            }
            return true;
        }

        /// <summary>True when the key has a &lt;From, To&gt; interval for SRTP or (<paramref name="rtcp"/>) SRTCP.</summary>
        internal bool HasInterval(bool rtcp)
        {
            return rtcp ? HasSrtcpInterval : HasSrtpInterval;
        }

        /// <summary>True when the key may process SRTP or SRTCP index <paramref name="index"/> (no interval: any index).</summary>
        internal bool Covers(ulong index, bool rtcp)
        {
            if (rtcp) return !HasSrtcpInterval || (index >= SrtcpFrom && index <= SrtcpTo);
            return !HasSrtpInterval || (index >= SrtpFrom && index <= SrtpTo);
        }

        internal void Clear()
        {
            if (KdfEngine != null) KdfEngine.ClearKey();
            if (Kdf != null) Kdf.Clear();
            SrtpCurrent.Clear();
            if (SrtcpCurrent != null) SrtcpCurrent.Clear();
            if (DeferredMaster != null) SecureMemory.Wipe(DeferredMaster, 0, DeferredMaster.Length);
            if (SrtpSpare != null) SrtpSpare.Clear();
            if (SrtcpSpare != null) SrtcpSpare.Clear();
            SecureMemory.Wipe(Mki, 0, Mki.Length);
        }
    }
}
