using System;

namespace NanoMikey.Mikey.Keys
{
    /// <summary>
    /// The bytes a verification MAC covers after the message itself: IDi ‖ IDr ‖ T, identity data and T value as transported
    /// (RFC 3830 §5.2). Fixed capacity; identities from a received message may be longer than it, which sets
    /// <see cref="Overflow"/> instead of throwing (the caller refuses the message).
    /// </summary>
    internal sealed class VerificationInput
    {
        /// <summary>Longest identity taken into a verification MAC.</summary>
        internal const int MaxIdentityLength = 255;

        internal readonly byte[] Buffer = new byte[2 * MaxIdentityLength + 8];
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
            if (length > Buffer.Length - Length)
            {
                Overflow = true;
                return;
            }

            Array.Copy(source, offset, Buffer, Length, length);
            Length += length;
        }
    }
}
