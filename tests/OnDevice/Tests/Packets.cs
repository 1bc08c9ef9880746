using System;
using NanoMikey.Crypto.Hal;
using NanoMikey.Srtp;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.OnDevice
{
    /// <summary>RTP and RTCP packets to protect.</summary>
    internal static class Packets
    {
        /// <summary>An RTP packet (V=2, PT 0) with payload bytes equal to their offset.</summary>
        public static byte[] Rtp(uint ssrc, int seq, int length, int capacity)
        {
            var pkt = new byte[capacity];
            Fill(pkt, ssrc, seq, length);
            return pkt;
        }

        /// <summary>Rewrites <paramref name="pkt"/> as the RTP packet with sequence number <paramref name="seq"/>.</summary>
        public static void Fill(byte[] pkt, uint ssrc, int seq, int length)
        {
            pkt[0] = 0x80;
            pkt[1] = 0;
            pkt[2] = (byte)(seq >> 8);
            pkt[3] = (byte)seq;
            pkt[8] = (byte)(ssrc >> 24); pkt[9] = (byte)(ssrc >> 16); pkt[10] = (byte)(ssrc >> 8); pkt[11] = (byte)ssrc;
            for (int i = 12; i < length; i++) pkt[i] = (byte)i;
        }

        /// <summary>An RTCP sender report header of <paramref name="length"/> bytes.</summary>
        public static byte[] Rtcp(uint ssrc, int length, int capacity)
        {
            var rtcp = new byte[capacity];
            FillRtcp(rtcp, ssrc, length);
            return rtcp;
        }

        public static void FillRtcp(byte[] rtcp, uint ssrc, int length)
        {
            rtcp[0] = 0x80; rtcp[1] = 200; rtcp[2] = 0; rtcp[3] = (byte)(length / 4 - 1);
            rtcp[4] = (byte)(ssrc >> 24); rtcp[5] = (byte)(ssrc >> 16); rtcp[6] = (byte)(ssrc >> 8); rtcp[7] = (byte)ssrc;
            for (int i = 8; i < length; i++) rtcp[i] = (byte)i;
        }

        /// <summary>A context on <paramref name="engines"/> keyed with a master key and salt derived from <paramref name="seed"/>.</summary>
        public static SrtpCryptoContext Context(SrtpPolicy p, uint ssrc, SrtpDirection d, byte seed, IAesEngineFactory engines)
        {
            var c = new SrtpCryptoContext(p, ssrc, d, engines);
            byte[] key = new byte[p.MasterKeyLength], salt = new byte[p.MasterSaltLength];
            for (int i = 0; i < key.Length; i++) key[i] = (byte)(seed + i);
            for (int i = 0; i < salt.Length; i++) salt[i] = (byte)(seed ^ i);
            c.AddMasterKey(key, 0, salt, 0, null, 0);
            return c;
        }

        /// <summary>One packet out through <paramref name="tx"/> and in through <paramref name="rx"/>: a 172-byte RTP packet
        /// (20 ms of G.711) or a 28-byte SRTCP sender report; throws when a status is not Ok or the length differs.</summary>
        public static void Send(SrtpCryptoContext tx, SrtpCryptoContext rx, byte[] buf, uint ssrc, int seq, bool rtcp)
        {
            if (rtcp)
            {
                FillRtcp(buf, ssrc, 28);
                int l = 28;
                if (tx.ProtectRtcp(buf, 0, ref l, buf.Length) != SrtpStatus.Ok) throw new InvalidOperationException("protect RTCP");
                if (rx.UnprotectRtcp(buf, 0, ref l) != SrtpStatus.Ok || l != 28) throw new InvalidOperationException("unprotect RTCP");
            }
            else
            {
                Fill(buf, ssrc, seq & 0xFFFF, 172);
                int l = 172;
                if (tx.Protect(buf, 0, ref l, buf.Length) != SrtpStatus.Ok) throw new InvalidOperationException("protect");
                if (rx.Unprotect(buf, 0, ref l) != SrtpStatus.Ok || l != 172) throw new InvalidOperationException("unprotect");
            }
        }
    }
}
