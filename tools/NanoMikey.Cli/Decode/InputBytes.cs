using System;
using System.IO;

namespace NanoMikey.Cli.Decode
{
    /// <summary>Reads the bytes of <c>--file</c> or of standard input, bounded, with a one-line reason instead of an exception.</summary>
    public static class InputBytes
    {
        /// <summary>Largest input read (MIKEY messages are a few hundred bytes; SDP around them a few KB).</summary>
        public const int MaxLength = 1 << 20;

        /// <summary>Reads a file; returns null with a reason when it cannot be read, is empty or too large.</summary>
        public static byte[]? ReadFile(string path, out string reason)
        {
            string name = "--file '" + path + "'";
            if (Directory.Exists(path))
            {
                reason = "cannot read " + name + ": it is a directory";
                return null;
            }

            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                return Read(stream, name, out reason);
            }
            catch (FileNotFoundException)
            {
                reason = "cannot read " + name + ": no such file";
            }
            catch (DirectoryNotFoundException)
            {
                reason = "cannot read " + name + ": no such file or directory";
            }
            catch (UnauthorizedAccessException)
            {
                reason = "cannot read " + name + ": permission denied";
            }
            catch (IOException e)
            {
                reason = "cannot read " + name + ": " + OneLine(e.Message);
            }

            return null;
        }

        /// <summary>Reads a stream to its end; returns null with a reason when it fails, is empty or too large.</summary>
        public static byte[]? Read(Stream stream, string name, out string reason)
        {
            reason = string.Empty;
            var buffer = new byte[4096];
            int length = 0;
            try
            {
                int n;
                while ((n = stream.Read(buffer, length, buffer.Length - length)) > 0)
                {
                    length += n;
                    if (length > MaxLength)
                    {
                        reason = name + " is larger than " + (MaxLength >> 20) + " MiB: not a MIKEY message or SDP";
                        return null;
                    }

                    if (length == buffer.Length)
                    {
                        Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxLength + 1));
                    }
                }
            }
            catch (IOException e)
            {
                reason = "cannot read " + name + ": " + OneLine(e.Message);
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                reason = "cannot read " + name + ": permission denied";
                return null;
            }

            if (length == 0)
            {
                reason = name + " is empty";
                return null;
            }

            Array.Resize(ref buffer, length);
            return buffer;
        }

        private static string OneLine(string text)
        {
            int end = text.IndexOfAny(new[] { '\r', '\n' });
            return end < 0 ? text : text.Substring(0, end);
        }
    }
}
