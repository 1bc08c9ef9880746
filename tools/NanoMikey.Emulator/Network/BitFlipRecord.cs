namespace NanoMikey.Emulator.Network
{
    /// <summary>One bit the <see cref="ManInTheMiddle"/> flipped: which datagram and which bit of its UDP payload.</summary>
    /// <param name="Datagram">The datagram (its send index identifies it).</param>
    /// <param name="BitIndex">Bit position in the payload: byte BitIndex / 8, mask 0x80 >> (BitIndex % 8).</param>
    public readonly record struct BitFlipRecord(DatagramEnvelope Datagram, int BitIndex)
    {
        /// <summary>Offset of the flipped byte in the payload.</summary>
        public int ByteOffset => BitIndex / 8;

        /// <summary>The mask XORed into that byte.</summary>
        public byte Mask => (byte)(0x80 >> (BitIndex % 8));
    }
}
