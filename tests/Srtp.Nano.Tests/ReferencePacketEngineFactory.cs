using System;
using System.Security.Cryptography;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Hal;
using NanoMikey.Srtp.Transforms;

namespace NanoMikey.Srtp.Tests
{
    /// <summary>
    /// A whole-packet engine built on .NET's own AES, HMAC-SHA-1 and AES-GCM (independent of lib/'s transforms), recording
    /// each call, as a stand-in for the native crypto pack. <see cref="Limit"/> makes it refuse engines past a count (a pack
    /// whose context slots are all in use).
    /// </summary>
    internal sealed class ReferencePacketEngineFactory : IAesEngineFactory, ISrtpPacketEngineFactory
    {
        internal int PacketCalls;
        internal int BlockCalls;
        internal int Created;
        internal int Limit = int.MaxValue;

        public IAesEngine? Create(int keyLength) => new SoftwareAes();

        public ISrtpPacketEngine? CreatePacketEngine(int encryptionKeyLength, int authenticationKeyLength, bool aead)
        {
            if (Created >= Limit) return null;
            Created++;
            return new Engine(this);
        }

        private sealed class Engine : ISrtpPacketEngine
        {
            private readonly ReferencePacketEngineFactory _owner;
            private readonly byte[] _ctr = new byte[16];
            private readonly byte[] _ks = new byte[16];
            private readonly byte[] _mac = new byte[20];
            private readonly byte[] _tag = new byte[16];
            private readonly byte[] _roc = new byte[4];
            private Aes? _aes;
            private System.Security.Cryptography.AesGcm? _gcm;
            private IncrementalHash? _hmac;

            internal Engine(ReferencePacketEngineFactory owner) => _owner = owner;

            public bool SupportsKeyLength(int keyLength) => keyLength == 16 || keyLength == 24 || keyLength == 32;

            public void SetKey(byte[] key, int offset, int length)
            {
                byte[] k = key.AsSpan(offset, length).ToArray();
                _aes?.Dispose();
                _aes = Aes.Create();
                _aes.Key = k;
                _gcm?.Dispose();
                _gcm = new System.Security.Cryptography.AesGcm(k, 16);
            }

            public void SetAuthenticationKey(byte[] key, int offset, int length)
            {
                _hmac?.Dispose();
                _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, key.AsSpan(offset, length));
            }

            public void EncryptBlocks(byte[] input, int inputOffset, byte[] output, int outputOffset, int length)
            {
                _owner.BlockCalls++;
                _aes!.EncryptEcb(input.AsSpan(inputOffset, length), output.AsSpan(outputOffset, length), PaddingMode.None);
            }

            public void DecryptBlocks(byte[] input, int inputOffset, byte[] output, int outputOffset, int length)
            {
                _owner.BlockCalls++;
                _aes!.DecryptEcb(input.AsSpan(inputOffset, length), output.AsSpan(outputOffset, length), PaddingMode.None);
            }

            public void ClearKey()
            {
                _aes?.Dispose();
                _aes = null;
                _gcm?.Dispose();
                _gcm = null;
                _hmac?.Dispose();
                _hmac = null;
            }

            public void Protect(byte[] iv, int ivOffset, byte[] packet, int encryptOffset, int encryptLength, int authOffset, int authLength,
                bool appendRoc, uint roc, int tagOffset, int tagLength)
            {
                _owner.PacketCalls++;
                Ctr(iv, ivOffset, packet, encryptOffset, encryptLength);
                if (tagLength > 0)
                {
                    Mac(packet, authOffset, authLength, appendRoc, roc);
                    Array.Copy(_mac, 0, packet, tagOffset, tagLength);
                }
            }

            public bool Unprotect(byte[] iv, int ivOffset, byte[] packet, int encryptOffset, int encryptLength, int authOffset, int authLength,
                bool appendRoc, uint roc, int tagOffset, int tagLength)
            {
                _owner.PacketCalls++;
                if (tagLength > 0)
                {
                    Mac(packet, authOffset, authLength, appendRoc, roc);
                    if (!CryptographicOperations.FixedTimeEquals(_mac.AsSpan(0, tagLength), packet.AsSpan(tagOffset, tagLength))) return false;
                }
                Ctr(iv, ivOffset, packet, encryptOffset, encryptLength);
                return true;
            }

            public void Seal(byte[] iv, int ivOffset, int ivLength, byte[] aad, int aadOffset, int aadLength, byte[] data, int offset, int length,
                byte[] tag, int tagOffset, int tagLength)
            {
                _owner.PacketCalls++;
                Span<byte> d = data.AsSpan(offset, length);
                _gcm!.Encrypt(iv.AsSpan(ivOffset, ivLength), d, d, tag.AsSpan(tagOffset, tagLength), aad.AsSpan(aadOffset, aadLength));
            }

            public bool Open(byte[] iv, int ivOffset, int ivLength, byte[] aad, int aadOffset, int aadLength, byte[] data, int offset, int length,
                byte[] tag, int tagOffset, int tagLength)
            {
                _owner.PacketCalls++;
                // .NET writes nothing useful on failure but may clear the destination: decrypt into a copy's place only on success.
                byte[] copy = data.AsSpan(offset, length).ToArray();
                try
                {
                    _gcm!.Decrypt(iv.AsSpan(ivOffset, ivLength), copy, tag.AsSpan(tagOffset, tagLength), copy, aad.AsSpan(aadOffset, aadLength));
                }
                catch (AuthenticationTagMismatchException)
                {
                    return false;
                }
                copy.CopyTo(data, offset);
                return true;
            }

            // RFC 3711 §4.1.1: keystream block j = AES(IV + j), 128-bit big-endian counter.
            private void Ctr(byte[] iv, int ivOffset, byte[] data, int offset, int length)
            {
                Array.Copy(iv, ivOffset, _ctr, 0, 16);
                for (int p = 0; p < length; p += 16)
                {
                    _aes!.EncryptEcb(_ctr, _ks, PaddingMode.None);
                    for (int i = 0; i < 16 && p + i < length; i++) data[offset + p + i] ^= _ks[i];
                    for (int i = 15; i >= 0 && ++_ctr[i] == 0; i--) { }
                }
            }

            private void Mac(byte[] data, int offset, int length, bool appendRoc, uint roc)
            {
                _hmac!.AppendData(data, offset, length);
                if (appendRoc)
                {
                    _roc[0] = (byte)(roc >> 24); _roc[1] = (byte)(roc >> 16); _roc[2] = (byte)(roc >> 8); _roc[3] = (byte)roc;
                    _hmac.AppendData(_roc);
                }
                _hmac.GetHashAndReset(_mac);
            }
        }
    }
}
