using System;

namespace NanoMikey.Emulator.Network
{
    /// <summary>A copy of a datagram the <see cref="ManInTheMiddle"/> captured, as sent (before any flips or corruption).</summary>
    public sealed class CapturedDatagram
    {
        internal CapturedDatagram(DatagramEnvelope envelope, ReadOnlySpan<byte> payload)
        {
            Envelope = envelope;
            Payload = payload.ToArray();
        }

        /// <summary>Addresses, ports, send index and time.</summary>
        public DatagramEnvelope Envelope { get; }

        /// <summary>The UDP payload.</summary>
        public byte[] Payload { get; }
    }
}
