namespace NanoMikey.Mikey.Transport
{
    /// <summary>Ordinal substring comparison (nanoFramework's mscorlib has no string.CompareOrdinal with ranges).</summary>
    internal static class TextMatch
    {
        internal static bool At(string s, int p, string word, bool ignoreCase)
        {
            if (p < 0 || p > s.Length - word.Length)
            {
                return false;
            }

            for (int i = 0; i < word.Length; i++)
            {
                char c = s[p + i];
                char w = word[i];
                if (ignoreCase)
                {
                    c = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
                    w = w >= 'A' && w <= 'Z' ? (char)(w + 32) : w;
                }

                if (c != w)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
