using System;
using System.IO;
using NanoMikey.Crypto.Hal;

namespace NanoMikey.Hardware.Host
{
    /// <summary>The host twin of the device's persisted seed: one file, replaced atomically (write to a temporary file, then rename).</summary>
    public sealed class FileSeedStore : ISeedStore
    {
        private readonly string _path;

        /// <summary>Creates the store over a file path (the file need not exist).</summary>
        /// <param name="path">The seed file.</param>
        public FileSeedStore(string path)
        {
            _path = path ?? throw new ArgumentNullException(nameof(path));
        }

        /// <inheritdoc />
        public bool Load(byte[] buffer, int offset, int length)
        {
            try
            {
                if (!File.Exists(_path)) return false;
                byte[] data = File.ReadAllBytes(_path);
                if (data.Length != length) return false;
                Array.Copy(data, 0, buffer, offset, length);
                Array.Clear(data);
                return true;
            }
            catch (IOException)
            {
                return false;
            }
        }

        /// <inheritdoc />
        public bool Store(byte[] buffer, int offset, int length)
        {
            string temp = _path + ".tmp";
            try
            {
                using (var f = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
                {
                    f.Write(buffer, offset, length);
                    f.Flush(true);
                }

                File.Move(temp, _path, true);
                return true;
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        }
    }
}
