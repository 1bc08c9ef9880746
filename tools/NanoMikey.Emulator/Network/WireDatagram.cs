namespace NanoMikey.Emulator.Network
{
    /// <summary>A datagram copy in flight or waiting in a socket's queue (pooled by the network).</summary>
    internal sealed class WireDatagram
    {
        public WireDatagram(int capacity)
        {
            Data = new byte[capacity];
        }

        public byte[] Data;

        public int Length;

        public DatagramEnvelope Envelope;

        public long DeliverMicros;

        /// <summary>Written to a sender-side capture when delivered (duplicates and replays: extra packets on the wire).</summary>
        public bool CaptureOnDelivery;
    }
}
