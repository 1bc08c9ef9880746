namespace NanoMikey.Sip.Transaction
{
    /// <summary>
    /// Where transactions hand their datagrams (RFC 3261 §18): the user agent's socket, so a transaction owns no socket
    /// and tests can capture what would be sent.
    /// </summary>
    public interface ISipSender
    {
        /// <summary>Sends one datagram.</summary>
        /// <param name="buffer">Buffer holding the message.</param>
        /// <param name="offset">Offset of the message.</param>
        /// <param name="length">Message length.</param>
        /// <param name="address">Destination IPv4 address (big-endian, as <c>NanoMikey.Net.Sockets.IPv4</c>).</param>
        /// <param name="port">Destination port.</param>
        /// <returns>False when the transport failed (RFC 3261 §17.1.4, §17.2.4: the transaction then ends in TransportError).</returns>
        bool Send(byte[] buffer, int offset, int length, uint address, int port);
    }
}
