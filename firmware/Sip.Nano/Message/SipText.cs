namespace NanoMikey.Sip.Message
{
    /// <summary>SIP text is bytes (RFC 3261 §7.3.1, §25): the character classes of §25.1 and case-insensitive matching (copies between bytes and strings: NanoMikey.Net.Text.AsciiText).</summary>
    internal static class SipText
    {
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
