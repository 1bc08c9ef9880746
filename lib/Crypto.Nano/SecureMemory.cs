using System;

namespace NanoMikey.Crypto
{
    /// <summary>Wipes secrets (keys, key schedules, intermediate hash states) once they are no longer needed.</summary>
    public static class SecureMemory
    {
        /// <summary>Zeroes the whole buffer; a null buffer is ignored.</summary>
        /// <param name="buffer">Buffer to wipe.</param>
        public static void Wipe(byte[]? buffer)
        {
            if (buffer == null) return;
            Array.Clear(buffer, 0, buffer.Length);
        }

        /// <summary>Zeroes <paramref name="length"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
        /// <param name="buffer">Buffer to wipe.</param>
        /// <param name="offset">First byte wiped.</param>
        /// <param name="length">Number of bytes wiped.</param>
        /// <exception cref="ArgumentNullException">The buffer is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range lies outside the buffer.</exception>
        public static void Wipe(byte[] buffer, int offset, int length)
        {
            if (buffer == null) throw new ArgumentNullException(nameof(buffer));
            if (length < 0) throw new ArgumentOutOfRangeException(nameof(length));
            if (offset < 0 || offset > buffer.Length - length) throw new ArgumentOutOfRangeException(nameof(offset));
            Array.Clear(buffer, offset, length);
        }

        /// <summary>Zeroes a word buffer (key schedules, hash states); a null buffer is ignored.</summary>
        /// <param name="buffer">Buffer to wipe.</param>
        public static void Wipe(uint[]? buffer)
        {
            if (buffer == null) return;
            Array.Clear(buffer, 0, buffer.Length);
        }

        /// <summary>Zeroes a 64-bit word buffer (bitsliced key schedules); a null buffer is ignored.</summary>
        /// <param name="buffer">Buffer to wipe.</param>
        public static void Wipe(ulong[]? buffer)
        {
            if (buffer == null) return;
            Array.Clear(buffer, 0, buffer.Length);
        }
    }
}
