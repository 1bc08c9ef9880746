using System;
using NanoMikey.Esp32.NativeCrypto;
using NanoMikey.Srtp.Transforms;

namespace NanoMikey.Esp32.Native.Srtp
{
    /// <summary>
    /// An AES engine and whole-packet SRTP engine over one context slot of the native crypto pack (<see cref="NativeCryptoPack"/>):
    /// the slot caches the AES key schedule, the GCM tables and the HMAC-SHA-1 inner/outer states, so a packet costs one
    /// native call (RFC 3711 §3.3/§3.4 AES-CM + HMAC-SHA-1, or RFC 7714 AES-GCM) and nothing on the managed heap.
    /// </summary>
    /// <remarks>
    /// The slot is taken at construction (<see cref="NativeAesEngineFactory"/> returns null when none is free). <see cref="ClearKey"/>
    /// wipes and frees it; a later <see cref="SetKey"/> takes a slot again. An engine dropped while keyed frees its slot when it
    /// is finalized. Not thread-safe (one slot, one user).
    /// </remarks>
    public sealed class NativePacketEngine : ISrtpPacketEngine
    {
        private int _handle;
        private bool _aesKeyed;

        private NativePacketEngine(int handle)
        {
            _handle = handle;
        }

        /// <summary>Frees the slot of an engine dropped without <see cref="ClearKey"/> (the pack wipes it).</summary>
        ~NativePacketEngine()
        {
            if (_handle >= 0) NativeCryptoPack.Close(_handle);
        }

        /// <summary>Takes a free slot of the pack for a new engine.</summary>
        /// <returns>The engine, or null when every slot is in use.</returns>
        internal static NativePacketEngine? TryCreate()
        {
            int h = NativeCryptoPack.Open();
            return h < 0 ? null : new NativePacketEngine(h);
        }

        /// <inheritdoc />
        public bool SupportsKeyLength(int keyLength)
        {
            return keyLength == 16 || keyLength == 24 || keyLength == 32;
        }

        /// <inheritdoc />
        public void SetKey(byte[] key, int offset, int length)
        {
            if (!SupportsKeyLength(length)) throw new ArgumentException();
            NativeCryptoPack.SetAesKey(Slot(), key, offset, length);
            _aesKeyed = true;
        }

        /// <inheritdoc />
        public void SetAuthenticationKey(byte[] key, int offset, int length)
        {
            NativeCryptoPack.SetHmacSha1Key(Slot(), key, offset, length);
        }

        /// <inheritdoc />
        public void EncryptBlocks(byte[] input, int inputOffset, byte[] output, int outputOffset, int length)
        {
            NativeCryptoPack.AesEncryptBlocks(Keyed(), input, inputOffset, output, outputOffset, length);
        }

        /// <inheritdoc />
        public void DecryptBlocks(byte[] input, int inputOffset, byte[] output, int outputOffset, int length)
        {
            NativeCryptoPack.AesDecryptBlocks(Keyed(), input, inputOffset, output, outputOffset, length);
        }

        /// <summary>Wipes every key in the slot and frees it (the pack's Close).</summary>
        public void ClearKey()
        {
            if (_handle >= 0) NativeCryptoPack.Close(_handle);
            _handle = -1;
            _aesKeyed = false;
        }

        /// <inheritdoc />
        public void Protect(byte[] iv, int ivOffset, byte[] packet, int encryptOffset, int encryptLength, int authOffset, int authLength,
            bool appendRoc, uint roc, int tagOffset, int tagLength)
        {
            NativeCryptoPack.SrtpProtect(Handle(), iv, ivOffset, packet, encryptOffset, encryptLength, authOffset, authLength, appendRoc, (int)roc, tagOffset, tagLength);
        }

        /// <inheritdoc />
        public bool Unprotect(byte[] iv, int ivOffset, byte[] packet, int encryptOffset, int encryptLength, int authOffset, int authLength,
            bool appendRoc, uint roc, int tagOffset, int tagLength)
        {
            return NativeCryptoPack.SrtpUnprotect(Handle(), iv, ivOffset, packet, encryptOffset, encryptLength, authOffset, authLength, appendRoc, (int)roc, tagOffset, tagLength) == 1;
        }

        /// <inheritdoc />
        public void Seal(byte[] iv, int ivOffset, int ivLength, byte[] aad, int aadOffset, int aadLength, byte[] data, int offset, int length,
            byte[] tag, int tagOffset, int tagLength)
        {
            NativeCryptoPack.GcmSeal(Keyed(), iv, ivOffset, ivLength, aad, aadOffset, aadLength, data, offset, length, tag, tagOffset, tagLength);
        }

        /// <inheritdoc />
        public bool Open(byte[] iv, int ivOffset, int ivLength, byte[] aad, int aadOffset, int aadLength, byte[] data, int offset, int length,
            byte[] tag, int tagOffset, int tagLength)
        {
            return NativeCryptoPack.GcmOpen(Keyed(), iv, ivOffset, ivLength, aad, aadOffset, aadLength, data, offset, length, tag, tagOffset, tagLength) == 1;
        }

        // A slot for a key load: the one held, or a fresh one after ClearKey.
        private int Slot()
        {
            if (_handle < 0)
            {
                _handle = NativeCryptoPack.Open();
                if (_handle < 0) throw new InvalidOperationException("native crypto pack: every context slot is in use");
            }
            return _handle;
        }

        private int Handle()
        {
            if (_handle < 0) throw new InvalidOperationException();
            return _handle;
        }

        private int Keyed()
        {
            if (_handle < 0 || !_aesKeyed) throw new InvalidOperationException();
            return _handle;
        }
    }
}
