namespace NanoMikey.Mikey.Rendering
{
    /// <summary>Receives the structure of a message from <see cref="MikeyRenderer"/> and writes it in one output format.</summary>
    internal abstract class RenderTarget
    {
        protected readonly TextBuffer _out = new TextBuffer();

        internal abstract void BeginMessage(int length);

        internal abstract string EndMessage(bool valid);

        internal abstract void BeginPayload(string name, int type, int offset, int length);

        internal abstract void EndPayload();

        internal abstract void BeginList(string name);

        internal abstract void EndList();

        internal abstract void BeginItem(string title);

        internal abstract void EndItem();

        internal abstract void Number(string name, long value);

        internal abstract void Hex(string name, ulong value, int digits);

        internal abstract void Named(string name, long value, string meaning);

        internal abstract void Bytes(string name, byte[] b, int offset, int count);

        internal abstract void Elided(string name, int count);

        internal abstract void Text(string name, string value, byte[] b, int offset, int count);

        internal abstract void Error(string status, int code, string codeName, int offset, string reason);
    }
}
