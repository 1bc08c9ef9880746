using System;
using System.IO;
using NanoMikey.Crypto.Hal;

namespace NanoMikey.Hardware.Esp32
{
    /// <summary>
    /// The persisted seed in a seekable stream the application opens on the device's flash file system, e.g.
    /// <c>new FileStream("I:\\nanomikey.seed", FileMode.OpenOrCreate)</c> (package nanoFramework.System.IO.FileSystem).
    /// The seed sits at position 0 and is flushed on every store.
    /// </summary>
    public sealed class StreamSeedStore : ISeedStore
    {
        private readonly Stream _stream;

        /// <summary>Creates the store.</summary>
        /// <param name="stream">A readable, writable, seekable stream; kept open by the caller.</param>
        public StreamSeedStore(Stream stream)
        {
            if (stream == null) throw new ArgumentNullException();
            _stream = stream;
        }

        /// <inheritdoc />
        public bool Load(byte[] buffer, int offset, int length)
        {
            try
            {
                if (_stream.Length < length) return false;
                _stream.Seek(0, SeekOrigin.Begin);
                int done = 0;
                while (done < length)
                {
                    int n = _stream.Read(buffer, offset + done, length - done);
                    if (n <= 0) return false;
                    done += n;
                }

                return true;
            }
            catch (Exception)
            {
                // Flash and file-system errors differ by firmware: any of them means "no seed".
                return false;
            }
        }

        /// <inheritdoc />
        public bool Store(byte[] buffer, int offset, int length)
        {
            try
            {
                _stream.Seek(0, SeekOrigin.Begin);
                _stream.Write(buffer, offset, length);
                _stream.Flush();
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }
    }
}
