using NanoMikey.Mikey.Modes;
using NanoMikey.Srtp.Context;

namespace NanoMikey.Rtsp.Server
{
    /// <summary>
    /// The key management of one RTSP server (RFC 4567 §3.1, §3.2): the MIKEY message a DESCRIBE answer carries for a new
    /// stream, and the client's MIKEY message from its SETUP <c>KeyMgmt</c> header (its own key, for its RTCP). The server
    /// keeps the contexts returned per client and wipes them (<see cref="SrtpCryptoContext.Clear"/>) when the client goes.
    /// </summary>
    public interface IRtspKeyManagement
    {
        /// <summary>
        /// Draws a fresh master key and salt for the server's stream <paramref name="ssrc"/> (ROC 0) and writes the MIKEY
        /// message that carries them.
        /// </summary>
        /// <param name="ssrc">The stream's SSRC.</param>
        /// <param name="buffer">Destination of the MIKEY message.</param>
        /// <param name="offset">Its offset.</param>
        /// <param name="capacity">Room from <paramref name="offset"/>.</param>
        /// <param name="length">The message length (0 on failure).</param>
        /// <returns>The outbound SRTP context keyed with what the message carries, or null when it could not be written.</returns>
        SrtpCryptoContext? WriteOffer(uint ssrc, byte[] buffer, int offset, int capacity, out int length);

        /// <summary>Reads the client's MIKEY message and builds the inbound context of its stream (its SRTCP reports).</summary>
        /// <param name="message">Buffer holding the decoded message.</param>
        /// <param name="offset">Its offset.</param>
        /// <param name="length">Its length.</param>
        /// <param name="status">Ok, or why the message was refused.</param>
        /// <returns>The inbound context, or null when refused (nothing changed then).</returns>
        SrtpCryptoContext? ReadClientKey(byte[] message, int offset, int length, out MikeyExchangeStatus status);
    }
}
