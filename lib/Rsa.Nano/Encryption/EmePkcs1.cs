using System;
using NanoMikey.Crypto.Random;

namespace NanoMikey.Rsa
{
    /// <summary>
    /// EME-PKCS1-v1_5 (RFC 8017 §7.2.1 step 2, §7.2.2 step 3): EM = 0x00 || 0x02 || PS (at least 8 non-zero random
    /// bytes) || 0x00 || M. Decoding never reports a padding failure: it returns the real message or, in constant
    /// time, the implicit-rejection message (<see cref="ImplicitRejection"/>).
    /// </summary>
    internal static class EmePkcs1
    {
        /// <summary>Smallest padding overhead: 0x00 0x02, eight PS bytes, 0x00 (§7.2.1 step 1).</summary>
        internal const int Overhead = 11;

        /// <summary>
        /// Writes EM (k bytes) for the message. False when mLen &gt; k - 11 or the generator cannot serve the request.
        /// </summary>
        internal static bool Encode(byte[] message, int offset, int length, HmacDrbg random, byte[] em, int emOffset, int k)
        {
            if (length > k - Overhead) return false;
            int psLen = k - length - 3;
            if (!random.CanGenerate(psLen + 1)) return false;
            em[emOffset] = 0x00;
            em[emOffset + 1] = 0x02;
            int ps = emOffset + 2;
            random.Generate(em, ps, psLen);
            // §7.2.1 step 2a: PS bytes are non-zero; redraw each zero (PS is random and public-independent).
            for (int i = ps; i < ps + psLen; i++)
            {
                while (em[i] == 0)
                {
                    if (!random.CanGenerate(1)) return false;
                    random.Generate(em, i, 1);
                }
            }
            em[ps + psLen] = 0x00;
            if (length > 0) Array.Copy(message, offset, em, ps + psLen + 1, length);
            return true;
        }

        /// <summary>
        /// Decodes EM (k bytes) in constant time: copies the real message when the padding is valid and fits
        /// <paramref name="messageCapacity"/>, else the last <paramref name="syntheticLength"/> bytes of
        /// <paramref name="synthetic"/> (k bytes). Returns the length written; <paramref name="valid"/> is for tests only.
        /// </summary>
        internal static int Decode(byte[] em, int emOffset, int k, byte[] synthetic, int syntheticOffset, int syntheticLength,
            byte[] message, int messageOffset, int messageCapacity, out bool valid)
        {
            int good = ConstantTimeMask.IsZero(em[emOffset]) & ConstantTimeMask.Equal(em[emOffset + 1], 2);
            // The separator is the first zero after 0x00 0x02; scan everything whatever is found.
            int found = 0;
            int zeroIndex = 0;
            for (int i = 2; i < k; i++)
            {
                int isZero = ConstantTimeMask.IsZero(em[emOffset + i]);
                zeroIndex = ConstantTimeMask.Select(~found & isZero, i, zeroIndex);
                found |= isZero;
            }
            // PS of at least 8 bytes (also false when no zero was found: zeroIndex stays 0).
            good &= ~ConstantTimeMask.LessThan(zeroIndex, 2 + 8);
            int messageIndex = zeroIndex + 1;
            // A message too long for the buffer is rejected implicitly too, so the capacity is no oracle either.
            good &= ~ConstantTimeMask.LessThan(messageCapacity, k - messageIndex);
            messageIndex = ConstantTimeMask.Select(good, messageIndex, k - syntheticLength);
            // messageIndex is the public result length from here on; both sources are read at every position.
            int j = 0;
            for (int i = messageIndex; i < k && j < messageCapacity; i++, j++)
            {
                message[messageOffset + j] = (byte)ConstantTimeMask.Select(good, em[emOffset + i], synthetic[syntheticOffset + i]);
            }
            valid = good != 0;
            return j;
        }
    }
}
