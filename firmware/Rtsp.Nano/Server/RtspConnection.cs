using NanoMikey.Media.Rtp;
using NanoMikey.Net.Sockets;
using NanoMikey.Srtp.Context;

namespace NanoMikey.Rtsp.Server
{
    /// <summary>
    /// One client slot of the server: its TCP connection with fixed receive and send buffers, the keys of its last DESCRIBE,
    /// and its session (RFC 2326 §3.2: one stream, UDP or interleaved, its own SRTP contexts). Reused from client to client.
    /// </summary>
    internal sealed class RtspConnection
    {
        internal readonly byte[] In;
        internal readonly byte[] Out;
        internal readonly byte[] StreamUri = new byte[256];
        internal IStreamSocket? Socket;
        internal int InLength;
        internal int OutOffset;
        internal int OutLength;
        internal long LastActivity;
        internal bool CloseAfterSend;

        // The last DESCRIBE's stream: SSRC and outbound keys, taken over by SETUP (RFC 4567 §3.2 PLAY mode).
        internal SrtpCryptoContext? Offered;
        internal uint OfferedSsrc;

        internal bool HasSession;
        internal bool Playing;
        internal uint SessionId;
        internal SrtpCryptoContext? Outbound;
        internal SrtpCryptoContext? Inbound;
        internal RtpPacketizer? Packetizer;
        internal bool Tcp;
        internal uint ClientAddress;
        internal int ClientRtpPort;
        internal int ClientRtcpPort;
        internal int RtpChannel;
        internal int RtcpChannel;
        internal int StreamUriLength;
        internal long NextReport;

        internal RtspConnection(int receiveLength, int sendLength)
        {
            In = new byte[receiveLength];
            Out = new byte[sendLength];
        }

        internal bool InUse { get { return Socket != null; } }

        /// <summary>Ends the session: keys wiped (the offered ones stay for a new SETUP).</summary>
        internal void EndSession()
        {
            // The offered keys went into the session: wiped with it, a new SETUP needs a new DESCRIBE.
            if (Offered == Outbound) Offered = null;
            if (Outbound != null) Outbound.Clear();
            if (Inbound != null) Inbound.Clear();
            Outbound = null;
            Inbound = null;
            Packetizer = null;
            HasSession = false;
            Playing = false;
            SessionId = 0;
        }

        /// <summary>Frees the slot: session ended, offered keys wiped, socket closed, buffers emptied.</summary>
        internal void Release()
        {
            EndSession();
            if (Offered != null) Offered.Clear();
            Offered = null;
            OfferedSsrc = 0;
            if (Socket != null) Socket.Close();
            Socket = null;
            InLength = 0;
            OutOffset = 0;
            OutLength = 0;
            CloseAfterSend = false;
        }
    }
}
