using System;
using System.Buffers.Binary;
using System.IO;

namespace NanoMikey.Emulator.Audio
{
    /// <summary>
    /// RIFF/WAVE files in the devices' format: 16-bit linear PCM, mono, 8000 Hz. <see cref="Read"/> takes any chunk order
    /// (skipping LIST and the like) and WAVE_FORMAT_EXTENSIBLE with a PCM sub-format, and rejects every other format with
    /// an <see cref="InvalidDataException"/> naming what it found; a data chunk whose size is 0 or runs past the end (a
    /// writer that never finalised its header) is read to the end of the file.
    /// </summary>
    public static class WavFile
    {
        /// <summary>The devices' sample rate.</summary>
        public const int SampleRate = 8000;

        /// <summary>Reads a 16-bit mono 8 kHz PCM WAV file.</summary>
        /// <param name="path">File path.</param>
        /// <returns>The samples.</returns>
        public static short[] Read(string path)
        {
            return Parse(File.ReadAllBytes(path), path);
        }

        /// <summary>Parses a 16-bit mono 8 kHz PCM WAV image.</summary>
        /// <param name="file">The file's bytes.</param>
        /// <param name="name">Name used in error messages.</param>
        /// <returns>The samples.</returns>
        public static short[] Parse(byte[] file, string name = "WAV data")
        {
            ArgumentNullException.ThrowIfNull(file);
            ReadOnlySpan<byte> b = file;
            if (b.Length < 12 || !b.Slice(0, 4).SequenceEqual("RIFF"u8) || !b.Slice(8, 4).SequenceEqual("WAVE"u8))
                throw new InvalidDataException(name + ": not a RIFF/WAVE file");
            bool haveFormat = false;
            int at = 12;
            while (at + 8 <= b.Length)
            {
                ReadOnlySpan<byte> id = b.Slice(at, 4);
                uint size = BinaryPrimitives.ReadUInt32LittleEndian(b.Slice(at + 4));
                int body = at + 8;
                if (id.SequenceEqual("fmt "u8))
                {
                    if (size < 16 || body + 16 > b.Length) throw new InvalidDataException(name + ": fmt chunk too short");
                    int tag = BinaryPrimitives.ReadUInt16LittleEndian(b.Slice(body));
                    int channels = BinaryPrimitives.ReadUInt16LittleEndian(b.Slice(body + 2));
                    int rate = BinaryPrimitives.ReadInt32LittleEndian(b.Slice(body + 4));
                    int bits = BinaryPrimitives.ReadUInt16LittleEndian(b.Slice(body + 14));
                    if (tag == 0xFFFE && size >= 40 && body + 26 <= b.Length) tag = BinaryPrimitives.ReadUInt16LittleEndian(b.Slice(body + 24));
                    if (tag != 1 || channels != 1 || rate != SampleRate || bits != 16)
                    {
                        throw new InvalidDataException(name + ": format tag " + tag + ", " + channels + " channel(s), " + rate + " Hz, "
                            + bits + " bits; only PCM (tag 1), mono, 8000 Hz, 16 bits is supported");
                    }
                    haveFormat = true;
                }
                else if (id.SequenceEqual("data"u8))
                {
                    if (!haveFormat) throw new InvalidDataException(name + ": data chunk before fmt chunk");
                    long length = size == 0 || body + (long)size > b.Length ? b.Length - body : size;
                    var samples = new short[length / 2];
                    for (int i = 0; i < samples.Length; i++) samples[i] = BinaryPrimitives.ReadInt16LittleEndian(b.Slice(body + 2 * i));
                    return samples;
                }
                at = body + (int)Math.Min(size + (size & 1), int.MaxValue - body); // chunks are padded to even length
            }
            throw new InvalidDataException(name + (haveFormat ? ": no data chunk" : ": no fmt chunk"));
        }

        /// <summary>Writes <paramref name="count"/> samples as a 16-bit mono 8 kHz PCM WAV file.</summary>
        /// <param name="path">File path (replaced).</param>
        /// <param name="samples">The samples.</param>
        /// <param name="count">How many, from the start; -1 for all.</param>
        public static void Write(string path, short[] samples, int count = -1)
        {
            ArgumentNullException.ThrowIfNull(samples);
            if (count < 0) count = samples.Length;
            if (count > samples.Length) throw new ArgumentOutOfRangeException(nameof(count));
            var file = new byte[44 + 2 * count];
            Span<byte> f = file;
            "RIFF"u8.CopyTo(f);
            BinaryPrimitives.WriteUInt32LittleEndian(f.Slice(4), (uint)(36 + 2 * count));
            "WAVEfmt "u8.CopyTo(f.Slice(8));
            BinaryPrimitives.WriteUInt32LittleEndian(f.Slice(16), 16);
            BinaryPrimitives.WriteUInt16LittleEndian(f.Slice(20), 1); // PCM
            BinaryPrimitives.WriteUInt16LittleEndian(f.Slice(22), 1); // mono
            BinaryPrimitives.WriteUInt32LittleEndian(f.Slice(24), SampleRate);
            BinaryPrimitives.WriteUInt32LittleEndian(f.Slice(28), SampleRate * 2); // byte rate
            BinaryPrimitives.WriteUInt16LittleEndian(f.Slice(32), 2); // block align
            BinaryPrimitives.WriteUInt16LittleEndian(f.Slice(34), 16);
            "data"u8.CopyTo(f.Slice(36));
            BinaryPrimitives.WriteUInt32LittleEndian(f.Slice(40), (uint)(2 * count));
            for (int i = 0; i < count; i++) BinaryPrimitives.WriteInt16LittleEndian(f.Slice(44 + 2 * i), samples[i]);
            File.WriteAllBytes(path, file);
        }
    }
}
