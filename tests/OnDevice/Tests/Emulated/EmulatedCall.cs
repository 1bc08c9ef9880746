using System;
using NanoMikey.Firmware.Call;
using NanoMikey.Firmware.Keying;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Session;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.OnDevice.Emulated
{
    /// <summary>
    /// Two emulated devices on one virtual network: A keys a PSK call to B over MIKEY/UDP (two crypto sessions: CS 1 A's
    /// stream, CS 2 B's, RFC 3830 §6.1.1), then both run their MediaChannel, G.711 over SRTP both ways with SRTCP reports;
    /// time moves by 20 ms a frame.
    /// </summary>
    internal sealed class EmulatedCall
    {
        public const uint AddressA = 0x0A000001; // 10.0.0.1
        public const uint AddressB = 0x0A000002; // 10.0.0.2
        public const uint SsrcA = 0x5A5A0001;
        public const uint SsrcB = 0x5A5A0002;

        public readonly VirtualNetwork Network = new VirtualNetwork();
        public readonly EmulatedDevice A;
        public readonly EmulatedDevice B;
        public long Now = 1000000;

        public EmulatedCall()
        {
            byte[] psk = new byte[32];
            for (int i = 0; i < psk.Length; i++) psk[i] = (byte)(0xA0 ^ i);
            A = new EmulatedDevice(Network, AddressA, 1, psk, Ascii("door"));
            B = new EmulatedDevice(Network, AddressB, 2, psk, Ascii("indoor"));
            Tick(Now);
        }

        /// <summary>Keys the call (A initiates) and starts media both ways; the exchange's status (Ok when keyed).</summary>
        public MikeyExchangeStatus Key()
        {
            MikeyUdpInitiator i = A.Initiator;
            A.Offerer.Reset();
            SrtpPolicy policy = SrtpPolicy.AesCm128HmacSha1_80();
            A.Offerer.AddCryptoSession(SsrcA, 0, policy);
            A.Offerer.AddCryptoSession(SsrcB, 0, policy);
            MikeyExchangeStatus s = i.Start(A.Offerer, AddressB, EmulatedDevice.MikeyPort, Now);
            if (s != MikeyExchangeStatus.Ok) return s;
            for (int step = 0; step < 64 && i.State == MikeyUdpExchangeState.Waiting; step++)
            {
                B.Responder.Run(Now);
                i.Run(Now);
                if (i.State != MikeyUdpExchangeState.Waiting) break;
                long next = i.NextDueMicros;
                if (next > Now) Tick(next);
            }

            if (i.State != MikeyUdpExchangeState.Completed) return i.Result;
            if (B.Responder.CompletedCount != 1) return MikeyExchangeStatus.InvalidState;
            CryptoSessionBundle a = i.Bundle, b = B.Responder.LastBundle;
            if (a == null || b == null || a.Count != 2 || b.Count != 2) return MikeyExchangeStatus.Mismatch;
            A.Media.Start(A.Rtp, A.Rtcp, AddressB, EmulatedDevice.RtpPort, a.Get(0), a.Get(1), true, true, Now);
            B.Media.Start(B.Rtp, B.Rtcp, AddressA, EmulatedDevice.RtpPort, b.Get(1), b.Get(0), true, true, Now);
            return MikeyExchangeStatus.Ok;
        }

        /// <summary>Runs both channels for <paramref name="frames"/> frame periods (each side sends one frame per period).</summary>
        public void Frames(int frames)
        {
            for (int f = 0; f < frames; f++)
            {
                A.Media.Run(Now);
                B.Media.Run(Now);
                Tick(Now + MediaChannel.FrameMicros);
            }
        }

        /// <summary>Takes in what is still on the wire at the last frame's tick (nothing new is due then).</summary>
        public void Drain()
        {
            A.Media.Run(Now - MediaChannel.FrameMicros);
            B.Media.Run(Now - MediaChannel.FrameMicros);
        }

        /// <summary>True when each side received every packet the other sent, none failed authentication or was dropped.</summary>
        public bool Clean()
        {
            MediaStatistics a = A.Media.Statistics, b = B.Media.Statistics;
            return a.PacketsSent > 0 && b.PacketsSent > 0 && a.PacketsReceived == b.PacketsSent && b.PacketsReceived == a.PacketsSent
                && a.AuthenticationFailures == 0 && b.AuthenticationFailures == 0 && a.ReplaysDropped == 0 && b.ReplaysDropped == 0
                && a.Malformed == 0 && b.Malformed == 0 && a.ReportsDropped == 0 && b.ReportsDropped == 0 && Network.Dropped == 0;
        }

        private void Tick(long micros)
        {
            Now = micros;
            A.SetTime(micros);
            B.SetTime(micros);
        }

        private static byte[] Ascii(string s)
        {
            var b = new byte[s.Length];
            for (int i = 0; i < s.Length; i++) b[i] = (byte)s[i];
            return b;
        }
    }
}
