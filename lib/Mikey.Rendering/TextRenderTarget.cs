namespace NanoMikey.Mikey.Rendering
{
    /// <summary>Human-readable rendering: one field per line, indented by nesting, values followed by their meaning.</summary>
    internal sealed class TextRenderTarget : RenderTarget
    {
        private int _depth;

        internal override void BeginMessage(int length)
        {
            _out.Clear();
            _depth = 0;
            _out.Append("MIKEY message, ");
            _out.AppendNumber(length);
            _out.Append(" bytes\n");
        }

        internal override string EndMessage(bool valid)
        {
            if (valid)
            {
                _out.Append("valid: payload chain ends exactly at the last byte\n");
            }

            return _out.ToString();
        }

        internal override void BeginPayload(string name, int type, int offset, int length)
        {
            Indent();
            _out.Append(name);
            if (type >= 0)
            {
                _out.Append(" (payload ");
                _out.AppendNumber(type);
                _out.Append(")");
            }

            _out.Append(" @ ");
            _out.AppendNumber(offset);
            _out.Append(", ");
            _out.AppendNumber(length);
            _out.Append(" bytes\n");
            _depth++;
        }

        internal override void EndPayload()
        {
            _depth--;
        }

        internal override void BeginList(string name)
        {
            Indent();
            _out.Append(name);
            _out.Append(":\n");
            _depth++;
        }

        internal override void EndList()
        {
            _depth--;
        }

        internal override void BeginItem(string title)
        {
            Indent();
            _out.Append("- ");
            _out.Append(title);
            _out.Append('\n');
            _depth++;
        }

        internal override void EndItem()
        {
            _depth--;
        }

        internal override void Number(string name, long value)
        {
            Field(name);
            _out.AppendNumber(value);
            _out.Append('\n');
        }

        internal override void Hex(string name, ulong value, int digits)
        {
            Field(name);
            _out.Append("0x");
            _out.AppendHex(value, digits);
            _out.Append('\n');
        }

        internal override void Named(string name, long value, string meaning)
        {
            Field(name);
            _out.AppendNumber(value);
            _out.Append(" (");
            _out.Append(meaning);
            _out.Append(")\n");
        }

        internal override void Bytes(string name, byte[] b, int offset, int count)
        {
            Field(name);
            if (count == 0)
            {
                _out.Append("(empty)");
            }
            else
            {
                _out.AppendHexBytes(b, offset, count);
            }

            _out.Append(" [");
            _out.AppendNumber(count);
            _out.Append(" bytes]\n");
        }

        internal override void Elided(string name, int count)
        {
            Field(name);
            _out.Append("<");
            _out.AppendNumber(count);
            _out.Append(" bytes, secret: shown with --show-keys>\n");
        }

        internal override void Text(string name, string value, byte[] b, int offset, int count)
        {
            Field(name);
            if (b == null)
            {
                _out.Append(value);
                _out.Append('\n');
                return;
            }

            _out.Append('"');
            _out.Append(value);
            _out.Append("\" [");
            _out.AppendNumber(count);
            _out.Append(" bytes]\n");
        }

        internal override void Error(string status, int code, string codeName, int offset, string reason)
        {
            _depth = 0;
            _out.Append("INVALID: ");
            _out.Append(status);
            _out.Append(" at offset ");
            _out.AppendNumber(offset);
            _out.Append(", MIKEY error ");
            _out.AppendNumber(code);
            _out.Append(" (");
            _out.Append(codeName);
            _out.Append("): ");
            _out.Append(reason);
            _out.Append('\n');
        }

        private void Field(string name)
        {
            Indent();
            _out.Append(name);
            _out.Append(": ");
        }

        private void Indent()
        {
            for (int i = 0; i < _depth; i++)
            {
                _out.Append("  ");
            }
        }
    }
}
