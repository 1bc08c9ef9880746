namespace NanoMikey.Mikey.Rendering
{
    /// <summary>JSON rendering: payloads as an array of objects keyed by RFC field names; registry values as {value, meaning}.</summary>
    internal sealed class JsonRenderTarget : RenderTarget
    {
        private readonly bool[] _first = new bool[32];
        private readonly char[] _closers = new char[32];
        private int _depth;

        internal override void BeginMessage(int length)
        {
            _out.Clear();
            _depth = 0;
            _first[0] = true;
            _out.Append('{');
            Key("length");
            _out.AppendNumber(length);
            Key("payloads");
            Open('[');
        }

        internal override string EndMessage(bool valid)
        {
            while (_depth > 0)
            {
                Close();
            }

            Key("valid");
            _out.Append(valid ? "true" : "false");
            _out.Append("}\n");
            return _out.ToString();
        }

        internal override void BeginPayload(string name, int type, int offset, int length)
        {
            Item();
            Open('{');
            Key("payload");
            Str(name);
            if (type >= 0)
            {
                Key("type");
                _out.AppendNumber(type);
            }

            Key("offset");
            _out.AppendNumber(offset);
            Key("length");
            _out.AppendNumber(length);
        }

        internal override void EndPayload()
        {
            Close();
        }

        internal override void BeginList(string name)
        {
            Key(name);
            Open('[');
        }

        internal override void EndList()
        {
            Close();
        }

        internal override void BeginItem(string title)
        {
            Item();
            Open('{');
        }

        internal override void EndItem()
        {
            Close();
        }

        internal override void Number(string name, long value)
        {
            Key(name);
            _out.AppendNumber(value);
        }

        internal override void Hex(string name, ulong value, int digits)
        {
            Key(name);
            _out.Append("\"0x");
            _out.AppendHex(value, digits);
            _out.Append('"');
        }

        internal override void Named(string name, long value, string meaning)
        {
            Key(name);
            _out.Append("{\"value\":");
            _out.AppendNumber(value);
            _out.Append(",\"meaning\":");
            Str(meaning);
            _out.Append('}');
        }

        internal override void Bytes(string name, byte[] b, int offset, int count)
        {
            Key(name);
            _out.Append('"');
            _out.AppendHexBytes(b, offset, count);
            _out.Append('"');
        }

        internal override void Elided(string name, int count)
        {
            Key(name);
            _out.Append("{\"elided\":true,\"bytes\":");
            _out.AppendNumber(count);
            _out.Append('}');
        }

        internal override void Text(string name, string value, byte[] b, int offset, int count)
        {
            Key(name);
            Str(value);
        }

        internal override void Error(string status, int code, string codeName, int offset, string reason)
        {
            while (_depth > 0)
            {
                Close();
            }

            Key("error");
            _out.Append("{\"status\":");
            Str(status);
            _out.Append(",\"offset\":");
            _out.AppendNumber(offset);
            _out.Append(",\"Error no\":{\"value\":");
            _out.AppendNumber(code);
            _out.Append(",\"meaning\":");
            Str(codeName);
            _out.Append("},\"reason\":");
            Str(reason);
            _out.Append('}');
        }

        private void Open(char c)
        {
            _out.Append(c);
            _depth++;
            _first[_depth] = true;
            _closers[_depth] = c == '[' ? ']' : '}';
        }

        private void Close()
        {
            _out.Append(_closers[_depth]);
            _depth--;
        }

        private void Item()
        {
            if (!_first[_depth])
            {
                _out.Append(',');
            }

            _first[_depth] = false;
        }

        private void Key(string name)
        {
            if (!_first[_depth])
            {
                _out.Append(',');
            }

            _first[_depth] = false;
            Str(name);
            _out.Append(':');
        }

        private void Str(string s)
        {
            _out.Append('"');
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c == '"' || c == '\\')
                {
                    _out.Append('\\');
                    _out.Append(c);
                }
                else if (c < ' ')
                {
                    _out.Append("\\u");
                    _out.AppendHex(c, 4);
                }
                else
                {
                    _out.Append(c);
                }
            }

            _out.Append('"');
        }
    }
}
