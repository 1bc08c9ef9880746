using System;

namespace NanoMikey.Ecc
{
    /// <summary>
    /// A validated P-256 public key. It only ever holds a point that passed SEC 1 §3.2.2.1 (coordinates below p, on the
    /// curve, not infinity; the cofactor is 1 so that is the whole check). Both the uncompressed and the compressed
    /// SEC 1 encodings are accepted; the hybrid form (0x06/0x07) and infinity are not. Its operations use the process-wide
    /// P-256 scratch under its lock (P256Workspace); a key object itself is not thread-safe.
    /// </summary>
    public sealed class P256PublicKey
    {
        /// <summary>Length of the SEC 1 uncompressed encoding 0x04 || X || Y.</summary>
        public const int UncompressedLength = 65;

        /// <summary>Length of the SEC 1 compressed encoding 0x02/0x03 || X.</summary>
        public const int CompressedLength = 33;

        /// <summary>Length of one coordinate in bytes.</summary>
        public const int CoordinateLength = 32;

        /// <summary>Affine x in Montgomery form.</summary>
        internal readonly uint[] X = new uint[8];

        /// <summary>Affine y in Montgomery form.</summary>
        internal readonly uint[] Y = new uint[8];

        // Import/export staging shared by every key under P256Workspace.Sync (public values only): two arrays per key cost
        // ~190 B of heap each on the interpreter, and an intercom holds seven keys (issue 10 §2).
        private static readonly uint[] s_x = new uint[8];
        private static readonly uint[] s_y = new uint[8];
        private bool _hasValue;

        // 0x04 || X || Y as an engine validated or derived it (P256Offload): the offloaded operations pass it on as it is,
        // skipping two Montgomery conversions and their deep interpreter frames. Never set on the managed path.
        private byte[]? _encoded;
        private bool _encodedValid;

        /// <summary>Creates an empty key holder; fill it with <see cref="TryImport"/>.</summary>
        public P256PublicKey()
        {
        }

        /// <summary>True once a valid point has been imported or derived.</summary>
        public bool HasValue
        {
            get { return _hasValue; }
        }

        /// <summary>Decodes and validates a SEC 1 point (uncompressed or compressed); returns null when it is not a valid P-256 point.</summary>
        /// <param name="data">Buffer holding the encoding.</param>
        /// <param name="offset">Offset of the encoding.</param>
        /// <param name="length">Length of the encoding (65 or 33).</param>
        /// <returns>The key, or null.</returns>
        public static P256PublicKey? Decode(byte[] data, int offset, int length)
        {
            var key = new P256PublicKey();
            return key.TryImport(data, offset, length) ? key : null;
        }

        /// <summary>
        /// Decodes a SEC 1 §2.3.4 octet string (0x04 || X || Y, or 0x02/0x03 || X) and validates it (SEC 1 §3.2.2.1).
        /// On failure the key keeps its previous value and false is returned. Infinity (0x00) and hybrid forms are refused.
        /// </summary>
        /// <param name="data">Buffer holding the encoding.</param>
        /// <param name="offset">Offset of the encoding.</param>
        /// <param name="length">Length of the encoding.</param>
        /// <returns>True when the point was valid and is now held.</returns>
        public bool TryImport(byte[] data, int offset, int length)
        {
            CheckRange(data, offset, length);
            if (length == UncompressedLength && data[offset] == 0x04)
            {
                return TryImportCoordinates(data, offset + 1, data, offset + 33);
            }

            if (length == CompressedLength && (data[offset] == 0x02 || data[offset] == 0x03))
            {
                lock (P256Workspace.Sync)
                {
                    P256Field.FromBytes(s_x, data, offset + 1);
                    if (P256Field.LessThan(s_x, P256Field.P) == 0)
                    {
                        return false;
                    }

                    P256Field.ToMontgomery(s_x, s_x);
                    if (!P256Workspace.Shared.Engine.Decompress(s_x, (uint)(data[offset] & 1), s_y))
                    {
                        return false;
                    }

                    Commit();
                }

                return true;
            }

            return false;
        }

        /// <summary>Imports affine coordinates (32-byte big-endian each) after the SEC 1 §3.2.2.1 checks; false when invalid.</summary>
        /// <param name="x">Buffer holding X.</param>
        /// <param name="xOffset">Offset of X.</param>
        /// <param name="y">Buffer holding Y.</param>
        /// <param name="yOffset">Offset of Y.</param>
        /// <returns>True when the point was valid and is now held.</returns>
        public bool TryImportCoordinates(byte[] x, int xOffset, byte[] y, int yOffset)
        {
            CheckRange(x, xOffset, CoordinateLength);
            CheckRange(y, yOffset, CoordinateLength);
            IP256Offload? offload = P256Offload.Engine;
            if (offload != null)
            {
                // The engine does all of SEC 1 §3.2.2.1; the managed check below would build the P-256 workspace.
                if (!P256Offload.ValidatePoint(offload, x, xOffset, y, yOffset))
                {
                    return false;
                }

                LoadValidated(x, xOffset, y, yOffset);
                return true;
            }

            lock (P256Workspace.Sync)
            {
                P256Field.FromBytes(s_x, x, xOffset);
                P256Field.FromBytes(s_y, y, yOffset);

                // SEC 1 §3.2.2.1 step 2: both coordinates in [0, p-1].
                if ((P256Field.LessThan(s_x, P256Field.P) & P256Field.LessThan(s_y, P256Field.P)) == 0)
                {
                    return false;
                }

                P256Field.ToMontgomery(s_x, s_x);
                P256Field.ToMontgomery(s_y, s_y);

                // Step 3: on the curve. An affine solution is never infinity (step 1), and with h = 1 step 4 (nQ = O) is implied.
                if (P256Workspace.Shared.Engine.IsOnCurve(s_x, s_y) == 0)
                {
                    return false;
                }

                Commit();
            }

            return true;
        }

        /// <summary>Writes 0x04 || X || Y (65 bytes).</summary>
        /// <param name="destination">Output buffer.</param>
        /// <param name="offset">Offset in <paramref name="destination"/>.</param>
        /// <returns>The number of bytes written (65).</returns>
        public int ExportUncompressed(byte[] destination, int offset)
        {
            CheckRange(destination, offset, UncompressedLength);
            EnsureValue();
            if (_encodedValid)
            {
                Array.Copy(_encoded!, 0, destination, offset, UncompressedLength);
                return UncompressedLength;
            }

            destination[offset] = 0x04;
            ExportCoordinates(destination, offset + 1, destination, offset + 33);
            return UncompressedLength;
        }

        /// <summary>Writes 0x02 or 0x03 (the parity of Y) followed by X (33 bytes).</summary>
        /// <param name="destination">Output buffer.</param>
        /// <param name="offset">Offset in <paramref name="destination"/>.</param>
        /// <returns>The number of bytes written (33).</returns>
        public int ExportCompressed(byte[] destination, int offset)
        {
            CheckRange(destination, offset, CompressedLength);
            EnsureValue();
            lock (P256Workspace.Sync)
            {
                P256Field.FromMontgomery(s_y, Y);
                destination[offset] = (byte)(0x02 | (s_y[0] & 1));
                P256Field.FromMontgomery(s_x, X);
                P256Field.ToBytes(s_x, destination, offset + 1);
            }

            return CompressedLength;
        }

        /// <summary>Writes the affine coordinates as 32-byte big-endian integers.</summary>
        /// <param name="x">Buffer for X.</param>
        /// <param name="xOffset">Offset of X.</param>
        /// <param name="y">Buffer for Y.</param>
        /// <param name="yOffset">Offset of Y.</param>
        public void ExportCoordinates(byte[] x, int xOffset, byte[] y, int yOffset)
        {
            CheckRange(x, xOffset, CoordinateLength);
            CheckRange(y, yOffset, CoordinateLength);
            EnsureValue();
            lock (P256Workspace.Sync)
            {
                P256Field.FromMontgomery(s_x, X);
                P256Field.FromMontgomery(s_y, Y);
                P256Field.ToBytes(s_x, x, xOffset);
                P256Field.ToBytes(s_y, y, yOffset);
            }
        }

        /// <summary>True when both keys hold the same point.</summary>
        /// <param name="other">The other key.</param>
        /// <returns>Whether the points are equal.</returns>
        public bool SameAs(P256PublicKey other)
        {
            if (other == null)
            {
                throw new ArgumentNullException(nameof(other));
            }

            return _hasValue && other._hasValue && (P256Field.Equal(X, other.X) & P256Field.Equal(Y, other.Y)) != 0;
        }

        /// <summary>Forgets the point and wipes its import scratch (the shared workspace holds only public values here).</summary>
        public void Clear()
        {
            _hasValue = false;
            _encodedValid = false;
            if (_encoded != null)
            {
                Array.Clear(_encoded, 0, UncompressedLength);
            }

            Array.Clear(X, 0, 8);
            Array.Clear(Y, 0, 8);
        }

        /// <summary>Sets the key from affine coordinates (Montgomery form) already known to be on the curve.</summary>
        internal void SetAffine(uint[] x, uint[] y)
        {
            _encodedValid = false;
            P256Field.Copy(X, x);
            P256Field.Copy(Y, y);
            _hasValue = true;
        }

        /// <summary>Sets the key from an uncompressed encoding already known to be valid (an engine's d*G).</summary>
        internal void LoadValidated(byte[] point, int offset)
        {
            LoadValidated(point, offset + 1, point, offset + 33);
        }

        /// <summary>Throws when no point is held (a caller bug).</summary>
        internal void EnsureValue()
        {
            if (!_hasValue)
            {
                throw new InvalidOperationException("The public key holds no point.");
            }
        }

        /// <summary>Validates a caller's buffer range.</summary>
        internal static void CheckRange(byte[] buffer, int offset, int length)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            if (offset < 0 || length < 0 || offset > buffer.Length - length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }
        }

        private void LoadValidated(byte[] x, int xOffset, byte[] y, int yOffset)
        {
            lock (P256Workspace.Sync)
            {
                P256Field.FromBytes(s_x, x, xOffset);
                P256Field.FromBytes(s_y, y, yOffset);
                P256Field.ToMontgomery(s_x, s_x);
                P256Field.ToMontgomery(s_y, s_y);
                Commit();
            }

            if (_encoded == null)
            {
                _encoded = new byte[UncompressedLength];
            }

            _encoded[0] = 0x04;
            Array.Copy(x, xOffset, _encoded, 1, CoordinateLength);
            Array.Copy(y, yOffset, _encoded, 33, CoordinateLength);
            _encodedValid = true;
        }

        /// <summary>0x04 || X || Y when the key came through an engine (see <see cref="P256Offload"/>), else null.</summary>
        internal byte[]? Encoded
        {
            get { return _encodedValid ? _encoded : null; }
        }

        // Takes the staged point (call only while holding P256Workspace.Sync).
        private void Commit()
        {
            _encodedValid = false;
            P256Field.Copy(X, s_x);
            P256Field.Copy(Y, s_y);
            _hasValue = true;
        }
    }
}
