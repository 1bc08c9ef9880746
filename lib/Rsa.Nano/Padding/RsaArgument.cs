using System;

namespace NanoMikey.Rsa
{
    /// <summary>Caller-bug checks shared by <see cref="RsaSignature"/> and <see cref="RsaEncryption"/>; they throw only.</summary>
    internal static class RsaArgument
    {
        /// <summary>Throws unless <paramref name="buffer"/> holds <paramref name="length"/> bytes from <paramref name="offset"/>.</summary>
        internal static void CheckRange(byte[] buffer, int offset, int length)
        {
            if (buffer == null) throw new ArgumentNullException(nameof(buffer));
            if (length < 0 || offset < 0 || offset > buffer.Length - length) throw new ArgumentOutOfRangeException(nameof(offset));
        }

        /// <summary>Throws unless <paramref name="maxBits"/> is a supported modulus size.</summary>
        internal static void CheckMaxBits(int maxBits)
        {
            if (maxBits < RsaPublicKey.MinBits || maxBits > RsaPublicKey.MaxBits) throw new ArgumentOutOfRangeException(nameof(maxBits));
        }

        /// <summary>Throws unless the key holds a value that fits the scratch of <paramref name="maxBytes"/> bytes; returns k.</summary>
        internal static int CheckKey(RsaPublicKey key, int maxBytes)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            return CheckSize(key.HasValue, key.ModulusLength, maxBytes);
        }

        /// <summary>Throws unless the key holds a value that fits the scratch of <paramref name="maxBytes"/> bytes; returns k.</summary>
        internal static int CheckKey(RsaPrivateKey key, int maxBytes)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            return CheckSize(key.HasValue, key.ModulusLength, maxBytes);
        }

        private static int CheckSize(bool hasValue, int k, int maxBytes)
        {
            if (!hasValue) throw new ArgumentException("The key holds no value.");
            if (k > maxBytes) throw new ArgumentException("The key is larger than maxBits.");
            return k;
        }
    }
}
