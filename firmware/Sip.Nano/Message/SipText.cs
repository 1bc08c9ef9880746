namespace NanoMikey.Sip.Message
{
    /// <summary>SIP text is bytes (RFC 3261 §7.3.1, §25): copies between bytes and strings, and the character classes of §25.1.</summary>
    internal static class SipText
    {
        // Each byte as one char (Latin-1): a UTF-8 reason phrase or display name round-trips byte for byte.
        internal static string ToText(byte[] b, int offset, int length)
        {
            if (length <= 0) return string.Empty;
            char[] c = new char[length];
            for (int i = 0; i < length; i++) c[i] = (char)b[offset + i];
            return new string(c);
        }

        // Writes text's low bytes at p; the new position, or -1 when it does not fit before limit.
        internal static int Write(string text, byte[] b, int p, int limit)
        {
            if (p < 0 || limit - p < text.Length) return -1;
            for (int i = 0; i < text.Length; i++) b[p + i] = (byte)text[i];
            return p + text.Length;
        }

        // Writes a non-negative decimal at p; the new position, or -1 when it does not fit.
        internal static int WriteDecimal(long value, byte[] b, int p, int limit)
        {
            if (p < 0 || value < 0) return -1;
            int digits = 1;
            for (long v = value; v >= 10; v /= 10) digits++;
            if (limit - p < digits) return -1;
            for (int i = digits - 1; i >= 0; i--)
            {
                b[p + i] = (byte)('0' + (int)(value % 10));
                value /= 10;
            }

            return p + digits;
        }

        // ASCII case-insensitive comparison of length bytes with text (header names, RFC 3261 §7.3.1).
        internal static bool EqualsIgnoreCase(byte[] b, int p, int length, string text)
        {
            if (length != text.Length) return false;
            for (int i = 0; i < length; i++)
            {
                int c = b[p + i];
                int t = text[i];
                if (c >= 'A' && c <= 'Z') c += 32;
                if (t >= 'A' && t <= 'Z') t += 32;
                if (c != t) return false;
            }

            return true;
        }

        // Byte for char, case-sensitive (method names, RFC 3261 §7.1).
        internal static bool EqualsExact(byte[] b, int p, int length, string text)
        {
            if (length != text.Length) return false;
            for (int i = 0; i < length; i++)
            {
                if (b[p + i] != text[i]) return false;
            }

            return true;
        }

        internal static bool EqualsExact(byte[] a, int pa, int la, byte[] b, int pb, int lb)
        {
            if (la != lb) return false;
            for (int i = 0; i < la; i++)
            {
                if (a[pa + i] != b[pb + i]) return false;
            }

            return true;
        }

        // token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~") (RFC 3261 §25.1).
        internal static bool IsToken(byte c)
        {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
            switch (c)
            {
                case (byte)'-': case (byte)'.': case (byte)'!': case (byte)'%': case (byte)'*': case (byte)'_':
                case (byte)'+': case (byte)'`': case (byte)'\'': case (byte)'~':
                    return true;
            }

            return false;
        }

        internal static bool IsSpace(byte c)
        {
            return c == (byte)' ' || c == (byte)'\t';
        }

        internal static bool IsDigit(byte c)
        {
            return c >= (byte)'0' && c <= (byte)'9';
        }

        internal static bool IsAlpha(byte c)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
    }
}
