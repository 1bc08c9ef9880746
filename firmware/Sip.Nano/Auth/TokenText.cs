namespace NanoMikey.Sip.Auth
{
    /// <summary>
    /// Ranges of header and SDP text compared without allocating (nanoFramework's mscorlib has no ranged ordinal compare):
    /// SIP tokens and digest parameter names are case-insensitive (RFC 3261 §7.3.1), SDP tokens case-sensitive (RFC 4566 §5).
    /// </summary>
    internal static class TokenText
    {
        /// <summary>True when s[start, start+length) equals <paramref name="word"/>; ASCII letters fold when <paramref name="ignoreCase"/>.</summary>
        internal static bool Equal(string s, int start, int length, string word, bool ignoreCase)
        {
            if (length != word.Length || start < 0 || start > s.Length - length) return false;
            for (int i = 0; i < length; i++)
            {
                char c = s[start + i];
                char w = word[i];
                if (ignoreCase)
                {
                    if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
                    if (w >= 'A' && w <= 'Z') w = (char)(w + 32);
                }

                if (c != w) return false;
            }

            return true;
        }

        /// <summary>Space or horizontal tab (RFC 3261 §25.1 LWS after unfolding).</summary>
        internal static bool IsSpace(char c)
        {
            return c == ' ' || c == '\t';
        }
    }
}
