namespace NanoMikey.Emulator.Network
{
    /// <summary>Addresses and identity of one datagram sent on a <see cref="VirtualNetwork"/> (what a filter or a record sees).</summary>
    /// <param name="SourceAddress">Sender's IPv4 address (big-endian number).</param>
    /// <param name="SourcePort">Sender's port.</param>
    /// <param name="DestinationAddress">Destination IPv4 address.</param>
    /// <param name="DestinationPort">Destination port.</param>
    /// <param name="SendIndex">Position among all sends on the network, from 0 (the tie-break of equal delivery times).</param>
    /// <param name="SentMicros">Virtual time of the send.</param>
    public readonly record struct DatagramEnvelope(uint SourceAddress, int SourcePort, uint DestinationAddress, int DestinationPort,
        long SendIndex, long SentMicros);
}
