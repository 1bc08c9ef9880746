namespace NanoMikey.Media.G711
{
    /// <summary>
    /// ITU-T G.711 µ-law (PCMU, RFC 3551 §4.5.14): 16-bit linear PCM to 8-bit codes and back.
    /// Encoding takes the top 14 bits of the sample (arithmetic shift, as G.711 works on 14-bit µ-law input);
    /// decoding uses a 256-entry table built once at type initialisation.
    /// </summary>
    public static class MuLaw
    {
        // G.711 §3: bias 33 on the 14-bit magnitude (0x84 on 16 bits); the magnitude clips at 8159.
        private const int Bias = 0x21;
        private const int Clip = 8159;

        /// <summary>The µ-law code of digital silence (linear 0).</summary>
        public const byte Silence = 0xFF;

        private static readonly short[] DecodeTable = BuildDecodeTable();

        /// <summary>Encodes one linear sample.</summary>
        /// <param name="sample">16-bit linear PCM sample.</param>
        /// <returns>The µ-law code (bits inverted, as transmitted).</returns>
        public static byte Encode(short sample)
        {
            int v = sample >> 2;
            int mask = 0xFF;
            if (v < 0)
            {
                v = -v;
                mask = 0x7F; // sign bit 0 for negative values once inverted
            }
            if (v > Clip) v = Clip;
            v += Bias;
            // Segment = position of the leading one above bit 5 (v is 0x21..0x2000).
            int seg = 0;
            int t = v >> 6;
            while (t != 0)
            {
                seg++;
                t >>= 1;
            }
            if (seg > 7) return (byte)(0x7F ^ mask);
            return (byte)(((seg << 4) | ((v >> (seg + 1)) & 0x0F)) ^ mask);
        }

        /// <summary>Decodes one µ-law code.</summary>
        /// <param name="code">µ-law code as transmitted.</param>
        /// <returns>16-bit linear sample (range ±32124).</returns>
        public static short Decode(byte code)
        {
            return DecodeTable[code];
        }

        /// <summary>Encodes <paramref name="count"/> samples.</summary>
        /// <param name="pcm">Linear samples.</param>
        /// <param name="pcmOffset">Index of the first sample.</param>
        /// <param name="dst">Destination for the codes.</param>
        /// <param name="dstOffset">Index of the first code.</param>
        /// <param name="count">Number of samples.</param>
        /// <exception cref="System.ArgumentException">A range lies outside its array (a caller bug).</exception>
        public static void Encode(short[] pcm, int pcmOffset, byte[] dst, int dstOffset, int count)
        {
            Companding.CheckRanges(pcm, pcmOffset, dst, dstOffset, count);
            for (int i = 0; i < count; i++)
            {
                dst[dstOffset + i] = Encode(pcm[pcmOffset + i]);
            }
        }

        /// <summary>Decodes <paramref name="count"/> codes.</summary>
        /// <param name="src">µ-law codes.</param>
        /// <param name="srcOffset">Index of the first code.</param>
        /// <param name="pcm">Destination for the linear samples.</param>
        /// <param name="pcmOffset">Index of the first sample.</param>
        /// <param name="count">Number of codes.</param>
        /// <exception cref="System.ArgumentException">A range lies outside its array (a caller bug).</exception>
        public static void Decode(byte[] src, int srcOffset, short[] pcm, int pcmOffset, int count)
        {
            Companding.Expand(DecodeTable, src, srcOffset, pcm, pcmOffset, count);
        }

        private static short[] BuildDecodeTable()
        {
            short[] table = new short[256];
            for (int code = 0; code < 256; code++)
            {
                int u = ~code & 0xFF;
                // G.711 Table 2a: magnitude = ((2 * quant + 33) << seg) - 33, on 14 bits; scaled by 4 to 16 bits.
                int magnitude = ((((u & 0x0F) << 3) + 0x84) << ((u >> 4) & 0x07)) - 0x84;
                table[code] = (short)((u & 0x80) != 0 ? -magnitude : magnitude);
            }
            return table;
        }
    }
}
