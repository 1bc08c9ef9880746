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
    }
}
