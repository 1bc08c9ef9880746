namespace NanoMikey.Media.G711
{
    /// <summary>
    /// ITU-T G.711 A-law (PCMA, RFC 3551 §4.5.14): 16-bit linear PCM to 8-bit codes and back.
    /// Encoding takes the top 13 bits of the sample (arithmetic shift, as G.711 works on 13-bit A-law input);
    /// decoding uses a 256-entry table built once at type initialisation.
    /// </summary>
    public static class ALaw
    {
        /// <summary>The A-law code of the smallest positive level (linear +8), transmitted for silence.</summary>
        public const byte Silence = 0xD5;

        private static readonly short[] DecodeTable = BuildDecodeTable();

        /// <summary>Encodes one linear sample.</summary>
        /// <param name="sample">16-bit linear PCM sample.</param>
        /// <returns>The A-law code (even bits inverted, as transmitted).</returns>
        public static byte Encode(short sample)
        {
            int v = sample >> 3;
            int mask = 0xD5; // G.711 §2: sign bit 1 for positive, even bits inverted
            if (v < 0)
            {
                mask = 0x55;
                v = ~v; // -v - 1: negative values mirror the positive ones one step down
            }
            // Segment = position of the leading one above bit 4 (v is 0..0xFFF, so at most 7).
            int seg = 0;
            int t = v >> 5;
            while (t != 0)
            {
                seg++;
                t >>= 1;
            }
            int quant = seg < 2 ? (v >> 1) & 0x0F : (v >> seg) & 0x0F;
            return (byte)(((seg << 4) | quant) ^ mask);
        }

        /// <summary>Decodes one A-law code.</summary>
        /// <param name="code">A-law code as transmitted.</param>
        /// <returns>16-bit linear sample (range ±32256).</returns>
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
        /// <param name="src">A-law codes.</param>
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
                int a = code ^ 0x55;
                int seg = (a >> 4) & 0x07;
                // G.711 Table 1a: the decision value is the middle of the quantisation step, on 13 bits; scaled by 8.
                int magnitude = ((a & 0x0F) << 4) + 8;
                if (seg > 0) magnitude = (magnitude + 0x100) << (seg - 1);
                table[code] = (short)((a & 0x80) != 0 ? magnitude : -magnitude);
            }
            return table;
        }
    }
}
