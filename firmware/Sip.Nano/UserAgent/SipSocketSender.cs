using NanoMikey.Net.Sockets;
using NanoMikey.Sip.Transaction;

namespace NanoMikey.Sip.UserAgent
{
    /// <summary>The transactions' way out: the user agent's UDP socket.</summary>
    internal sealed class SipSocketSender : ISipSender
    {
        private readonly IDatagramSocket _socket;

        internal SipSocketSender(IDatagramSocket socket)
        {
            _socket = socket;
        }

        /// <inheritdoc />
        public bool Send(byte[] buffer, int offset, int length, uint address, int port)
        {
            return _socket.SendTo(buffer, offset, length, address, port) == DatagramStatus.Ok;
        }
    }
}
