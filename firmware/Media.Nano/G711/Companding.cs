using System;

namespace NanoMikey.Media.G711
{
    /// <summary>The block loops µ-law and A-law share: range checks and table expansion.</summary>
    internal static class Companding
    {
        /// <summary>Throws unless both ranges lie inside their arrays (caller bugs).</summary>
        internal static void CheckRanges(short[] pcm, int pcmOffset, byte[] codes, int codesOffset, int count)
        {
            if (pcm == null || codes == null || count < 0 || pcmOffset < 0 || codesOffset < 0
                || pcmOffset > pcm.Length - count || codesOffset > codes.Length - count)
            {
                throw new ArgumentException("range");
            }
        }

        /// <summary>Decodes <paramref name="count"/> codes through a 256-entry table.</summary>
        internal static void Expand(short[] table, byte[] src, int srcOffset, short[] pcm, int pcmOffset, int count)
        {
            CheckRanges(pcm, pcmOffset, src, srcOffset, count);
            for (int i = 0; i < count; i++)
            {
                pcm[pcmOffset + i] = table[src[srcOffset + i]];
            }
        }
    }
}
