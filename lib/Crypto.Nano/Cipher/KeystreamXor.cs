namespace NanoMikey.Crypto.Cipher
{
    /// <summary>
    /// output = input XOR keystream over byte ranges, the last step of every counter mode (CTR, GCM, SRTP AES-CM).
    /// Written for an interpreter: eight bytes per iteration, so the loop test and index arithmetic are paid once per
    /// eight bytes instead of per byte. No checks: callers have validated the ranges.
    /// </summary>
    public static class KeystreamXor
    {
        /// <summary>Writes <paramref name="length"/> bytes of input XOR keystream (input and output may be the same range).</summary>
        /// <param name="input">Source buffer.</param>
        /// <param name="inputOffset">Offset in <paramref name="input"/>.</param>
        /// <param name="keystream">Keystream buffer.</param>
        /// <param name="keystreamOffset">Offset in <paramref name="keystream"/>.</param>
        /// <param name="output">Destination buffer.</param>
        /// <param name="outputOffset">Offset in <paramref name="output"/>.</param>
        /// <param name="length">Number of bytes.</param>
        [HotPath]
        public static void Apply(byte[] input, int inputOffset, byte[] keystream, int keystreamOffset, byte[] output, int outputOffset, int length)
        {
            int a = inputOffset, k = keystreamOffset, c = outputOffset;
            int end = inputOffset + (length & ~7);
            while (a < end)
            {
                output[c] = (byte)(input[a] ^ keystream[k]);
                output[c + 1] = (byte)(input[a + 1] ^ keystream[k + 1]);
                output[c + 2] = (byte)(input[a + 2] ^ keystream[k + 2]);
                output[c + 3] = (byte)(input[a + 3] ^ keystream[k + 3]);
                output[c + 4] = (byte)(input[a + 4] ^ keystream[k + 4]);
                output[c + 5] = (byte)(input[a + 5] ^ keystream[k + 5]);
                output[c + 6] = (byte)(input[a + 6] ^ keystream[k + 6]);
                output[c + 7] = (byte)(input[a + 7] ^ keystream[k + 7]);
                a += 8;
                k += 8;
                c += 8;
            }
            end = inputOffset + length;
            while (a < end)
            {
                output[c++] = (byte)(input[a++] ^ keystream[k++]);
            }
        }
    }
}
