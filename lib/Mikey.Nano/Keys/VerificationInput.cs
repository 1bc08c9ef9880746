using System;

namespace NanoMikey.Mikey.Keys
{
    /// <summary>
    /// The bytes a verification MAC covers after the message itself: IDi ‖ IDr ‖ T, identity data and T value as transported
    /// (RFC 3830 §5.2). Bounded capacity; identities from a received message may be longer than it, which sets
    /// <see cref="Overflow"/> instead of throwing (the caller refuses the message).
    /// </summary>
    internal sealed class VerificationInput
    {
        /// <summary>Longest identity taken into a verification MAC.</summary>
        internal const int MaxIdentityLength = 255;

        /// <summary>Most bytes held: two identities and a 64-bit T.</summary>
        internal const int Capacity = 2 * MaxIdentityLength + 8;

        // Grows (in 64-byte steps) to the longest input met, up to Capacity: two SIP URIs and T are ~50 bytes, not 518
        // (issue 10 §2 heap). Identities and T are public: nothing to wipe.
        internal byte[] Buffer = new byte[0];
        internal int Length;
        internal bool Overflow;

        internal void Reset()
        {
            Length = 0;
            Overflow = false;
        }

        internal void Append(byte[] source, int offset, int length)
        {
            if (length <= 0) return;
            if (length > Capacity - Length)
            {
                Overflow = true;
                return;
            }

            if (length > Buffer.Length - Length)
            {
                int size = (Length + length + 63) & ~63;
                byte[] grown = new byte[size < Capacity ? size : Capacity];
                Array.Copy(Buffer, 0, grown, 0, Length);
                Buffer = grown;
            }

            Array.Copy(source, offset, Buffer, Length, length);
            Length += length;
        }
    }
}
