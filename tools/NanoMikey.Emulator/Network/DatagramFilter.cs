using System;

namespace NanoMikey.Emulator.Network
{
    /// <summary>Selects datagrams for a <see cref="ManInTheMiddle"/> rule (see <see cref="DatagramFilters"/> for common ones).</summary>
    /// <param name="envelope">Addresses, ports and send index.</param>
    /// <param name="payload">The UDP payload as sent.</param>
    /// <returns>True when the rule applies.</returns>
    public delegate bool DatagramFilter(DatagramEnvelope envelope, ReadOnlySpan<byte> payload);
}
