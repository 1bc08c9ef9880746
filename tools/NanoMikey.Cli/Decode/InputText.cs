using System.Text;

namespace NanoMikey.Cli.Decode
{
    /// <summary>
    /// Tells text from a binary MIKEY message and decodes the text: a byte order mark of UTF-16 LE/BE or UTF-32 LE/BE,
    /// UTF-16 of ASCII text without one (every other byte zero), else strict UTF-8 (its byte order mark, U+FEFF, is
    /// left for <see cref="DecodeInput"/> to trim like any text's). A binary MIKEY message is never taken for text:
    /// its first byte, HDR version 1 (RFC 3830 §6.1), decodes to the control character U+0001 in whichever of these applies.
    /// </summary>
    public static class InputText
    {
        /// <summary>The text the bytes encode (without a UTF-16/UTF-32 byte order mark), or null when they are not text.</summary>
        public static string? Decode(byte[] raw)
        {
            Encoding encoding = Bom(raw, out int skip) ?? Utf16WithoutBom(raw) ?? new UTF8Encoding(false, true);
            string text;
            try
            {
                text = encoding.GetString(raw, skip, raw.Length - skip);
            }
            catch (DecoderFallbackException)
            {
                return null;
            }

            foreach (char c in text)
            {
                if (char.IsControl(c) && c != '\r' && c != '\n' && c != '\t')
                {
                    return null;
                }
            }

            return text.Length > 0 ? text : null;
        }

        private static Encoding? Bom(byte[] b, out int skip)
        {
            skip = 0;
            if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0)
            {
                skip = 4;
                return new UTF32Encoding(false, false, true);
            }

            if (b.Length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)
            {
                skip = 4;
                return new UTF32Encoding(true, false, true);
            }

            if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE)
            {
                skip = 2;
                return new UnicodeEncoding(false, false, true);
            }

            if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF)
            {
                skip = 2;
                return new UnicodeEncoding(true, false, true);
            }

            return null;
        }

        // ASCII text saved as UTF-16 without a byte order mark: every high byte zero, every low byte not.
        private static Encoding? Utf16WithoutBom(byte[] b)
        {
            if (b.Length < 2 || b.Length % 2 != 0)
            {
                return null;
            }

            int low = b[0] != 0 && b[1] == 0 ? 0 : b[0] == 0 && b[1] != 0 ? 1 : -1;
            if (low < 0)
            {
                return null;
            }

            for (int i = 0; i < b.Length; i += 2)
            {
                if (b[i + low] == 0 || b[i + 1 - low] != 0)
                {
                    return null;
                }
            }

            return new UnicodeEncoding(low == 1, false, true);
        }
    }
}
