using System;
using NanoMikey.Crypto.Hash;

namespace NanoMikey.Crypto.Mac
{
    /// <summary>
    /// HMAC (RFC 2104) over a FIPS 180-4 hash, with a reusable keyed state: ipad/opad are compressed once per key,
    /// each MAC after that allocates nothing. <see cref="HmacSha1"/> and <see cref="HmacSha256"/> fix the hash.
    /// </summary>
    public abstract class Hmac
    {
        private const int BlockSize = MerkleDamgardHash.BlockSize;

        private readonly MerkleDamgardHash _hash;
        private readonly int _digestLength;
        private readonly uint[] _innerState;
        private readonly uint[] _outerState;
        private readonly byte[] _pad = new byte[BlockSize];
        private readonly byte[] _digest;
        private bool _keyed;

        /// <summary>Creates an unkeyed HMAC over <paramref name="hash"/>, which it owns from now on.</summary>
        /// <param name="hash">A fresh hash object.</param>
        protected Hmac(MerkleDamgardHash hash)
        {
            _hash = hash;
            _digestLength = hash.DigestLength;
            _innerState = new uint[_digestLength / 4];
            _outerState = new uint[_digestLength / 4];
            _digest = new byte[_digestLength];
        }

        /// <summary>Full MAC length in bytes (the hash's digest length).</summary>
        public int MacLength => _digestLength;

        /// <summary>Loads a new key: precomputes the ipad and opad chaining states and wipes the padded key.</summary>
        /// <param name="key">Key buffer.</param>
        /// <param name="offset">Offset of the key.</param>
        /// <param name="length">Key length in bytes.</param>
        /// <exception cref="ArgumentNullException">The key is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range lies outside the buffer.</exception>
        public void SetKey(byte[] key, int offset, int length)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            if (length < 0) throw new ArgumentOutOfRangeException(nameof(length));
            if (offset < 0 || offset > key.Length - length) throw new ArgumentOutOfRangeException(nameof(offset));
            byte[] pad = _pad;
            Array.Clear(pad, 0, BlockSize);
            _hash.Reset();
            if (length > BlockSize)
            {
                // RFC 2104 §2: keys longer than B are hashed first.
                _hash.Update(key, offset, length);
                _hash.Final(pad, 0);
            }
            else
            {
                Array.Copy(key, offset, pad, 0, length);
            }
            for (int i = 0; i < BlockSize; i++) pad[i] ^= 0x36;
            _hash.Update(pad, 0, BlockSize);
            _hash.SaveState(_innerState);
            for (int i = 0; i < BlockSize; i++) pad[i] ^= 0x36 ^ 0x5C;
            _hash.Reset();
            _hash.Update(pad, 0, BlockSize);
            _hash.SaveState(_outerState);
            Array.Clear(pad, 0, BlockSize);
            // The message schedule still holds key xor opad: wipe the hash's scratch, keep only the precomputed states.
            _hash.Clear();
            _hash.LoadState(_innerState, BlockSize);
            _keyed = true;
        }

        /// <summary>Drops any data fed since the last MAC; the key stays loaded.</summary>
        [HotPath]
        public void Reset()
        {
            EnsureKeyed();
            _hash.LoadState(_innerState, BlockSize);
        }

        /// <summary>Feeds <paramref name="count"/> bytes of <paramref name="data"/> into the MAC.</summary>
        /// <param name="data">Input buffer.</param>
        /// <param name="offset">Offset of the input.</param>
        /// <param name="count">Number of bytes.</param>
        /// <exception cref="InvalidOperationException">No key is loaded.</exception>
        [HotPath]
        public void Update(byte[] data, int offset, int count)
        {
            EnsureKeyed();
            _hash.Update(data, offset, count);
        }

        /// <summary>Writes the first <paramref name="length"/> bytes of the MAC (truncation, RFC 2104 §5), then returns to the keyed state.</summary>
        /// <param name="output">Destination buffer.</param>
        /// <param name="offset">Offset of the MAC.</param>
        /// <param name="length">Bytes written, 1 to <see cref="MacLength"/>.</param>
        /// <exception cref="ArgumentException">The range is invalid; nothing is written and the state is kept.</exception>
        [HotPath]
        public void Final(byte[] output, int offset, int length)
        {
            EnsureKeyed();
            CheckOutput(output, offset, length, _digestLength);
            byte[] d = _digest;
            _hash.FinishInto(d, 0);
            _hash.LoadState(_outerState, BlockSize);
            _hash.Update(d, 0, _digestLength);
            _hash.FinishInto(d, 0);
            Array.Copy(d, 0, output, offset, length);
            _hash.LoadState(_innerState, BlockSize);
        }

        /// <summary>Resets, MACs one range and writes the (possibly truncated) MAC.</summary>
        /// <param name="data">Input buffer.</param>
        /// <param name="offset">Offset of the input.</param>
        /// <param name="count">Number of bytes.</param>
        /// <param name="output">Destination buffer.</param>
        /// <param name="outputOffset">Offset of the MAC.</param>
        /// <param name="outputLength">MAC bytes written, 1 to <see cref="MacLength"/>.</param>
        [HotPath]
        public void Compute(byte[] data, int offset, int count, byte[] output, int outputOffset, int outputLength)
        {
            EnsureKeyed();
            CheckOutput(output, outputOffset, outputLength, _digestLength);
            _hash.LoadState(_innerState, BlockSize);
            _hash.Update(data, offset, count);
            Final(output, outputOffset, outputLength);
        }

        /// <summary>Resets, MACs one range and compares the result with an expected (possibly truncated) MAC in constant time.</summary>
        /// <param name="data">Input buffer.</param>
        /// <param name="offset">Offset of the input.</param>
        /// <param name="count">Number of bytes.</param>
        /// <param name="mac">Buffer holding the expected MAC.</param>
        /// <param name="macOffset">Offset of the expected MAC.</param>
        /// <param name="macLength">Length of the expected MAC, 1 to <see cref="MacLength"/>.</param>
        /// <returns>True when the MAC matches.</returns>
        [HotPath]
        public bool Verify(byte[] data, int offset, int count, byte[] mac, int macOffset, int macLength)
        {
            EnsureKeyed();
            CheckOutput(mac, macOffset, macLength, _digestLength);
            _hash.LoadState(_innerState, BlockSize);
            _hash.Update(data, offset, count);
            Final(_pad, 0, macLength);
            bool ok = ConstantTime.AreEqual(_pad, 0, mac, macOffset, macLength);
            Array.Clear(_pad, 0, macLength);
            return ok;
        }

        /// <summary>Wipes the keyed states and scratch; a new key is needed before the next use.</summary>
        public void Clear()
        {
            Array.Clear(_innerState, 0, _innerState.Length);
            Array.Clear(_outerState, 0, _outerState.Length);
            Array.Clear(_pad, 0, BlockSize);
            Array.Clear(_digest, 0, _digestLength);
            _hash.Clear();
            _keyed = false;
        }

        private void EnsureKeyed()
        {
            if (!_keyed) throw new InvalidOperationException("No HMAC key loaded.");
        }

        private static void CheckOutput(byte[] output, int offset, int length, int digestLength)
        {
            if (output == null) throw new ArgumentNullException(nameof(output));
            if (length < 1 || length > digestLength) throw new ArgumentOutOfRangeException(nameof(length));
            if (offset < 0 || offset > output.Length - length) throw new ArgumentOutOfRangeException(nameof(offset));
        }
    }
}
