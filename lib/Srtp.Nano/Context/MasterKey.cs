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
        internal readonly IAesEngine KdfEngine;
        internal readonly SrtpKeyDerivation Kdf;
        internal SessionKeys SrtpCurrent;
        internal SessionKeys? SrtpSpare;
        internal SessionKeys SrtcpCurrent;
        internal SessionKeys? SrtcpSpare;
        internal ulong SrtpPackets;
        internal ulong SrtcpPackets;

        internal MasterKey(byte[] mki, IAesEngine kdfEngine, SrtpKeyDerivation kdf, SessionKeys srtp, SessionKeys? srtpSpare, SessionKeys srtcp, SessionKeys? srtcpSpare)
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

        internal void Clear()
        {
            KdfEngine.ClearKey();
            Kdf.Clear();
            SrtpCurrent.Clear();
            SrtcpCurrent.Clear();
            if (SrtpSpare != null) SrtpSpare.Clear();
            if (SrtcpSpare != null) SrtcpSpare.Clear();
            SecureMemory.Wipe(Mki, 0, Mki.Length);
        }
    }
}
