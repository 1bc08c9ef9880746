using System;

namespace NanoMikey.Mikey.Rendering
{
    /// <summary>A growable character buffer (nanoFramework's mscorlib has no StringBuilder); rendering only, not a hot path.</summary>
    internal sealed class TextBuffer
    {
        private const string HexDigits = "0123456789ABCDEF";
        private const string LowerHexDigits = "0123456789abcdef";
        private char[] _chars = new char[256];
        private int _length;

        internal void Clear()
        {
            _length = 0;
        }

        internal void Append(char c)
        {
            Ensure(1);
            _chars[_length++] = c;
        }

        internal void Append(string s)
        {
            Ensure(s.Length);
            for (int i = 0; i < s.Length; i++)
            {
                _chars[_length++] = s[i];
            }
        }

        internal void AppendNumber(long v)
        {
            Append(v.ToString());
        }

        internal void AppendHex(ulong v, int digits)
        {
            Ensure(digits);
            for (int i = digits - 1; i >= 0; i--)
            {
                _chars[_length++] = HexDigits[(int)((v >> (i * 4)) & 15)];
            }
        }

        internal void AppendHexBytes(byte[] b, int offset, int count)
        {
            Ensure(count * 2);
            for (int i = 0; i < count; i++)
            {
                _chars[_length++] = LowerHexDigits[b[offset + i] >> 4];
                _chars[_length++] = LowerHexDigits[b[offset + i] & 15];
            }
        }

        public override string ToString()
        {
            return new string(_chars, 0, _length);
        }

        private void Ensure(int more)
        {
            if (_length + more <= _chars.Length)
            {
                return;
            }

            int size = _chars.Length * 2;
            while (size < _length + more)
            {
                size *= 2;
            }

            var bigger = new char[size];
            Array.Copy(_chars, bigger, _length);
            _chars = bigger;
        }
    }
}
