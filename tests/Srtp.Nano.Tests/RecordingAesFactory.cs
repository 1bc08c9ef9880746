using System;
using System.Collections.Generic;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Hal;

namespace NanoMikey.Srtp.Tests
{
    /// <summary>
    /// Software AES engines that record what the contexts ask of them: every call (key loads and block operations, the
    /// cost of a key derivation), the byte count of each EncryptBlocks, the key loads and the engines created.
    /// </summary>
    internal sealed class RecordingAesFactory : IAesEngineFactory
    {
        internal readonly List<int> Encrypts = new List<int>();
        internal int Calls;
        internal int KeyLoads;
        internal int Created;

        public IAesEngine? Create(int keyLength)
        {
            Created++;
            return new Engine(this);
        }

        private sealed class Engine : IAesEngine
        {
            private readonly RecordingAesFactory _owner;
            private readonly SoftwareAes _aes = new SoftwareAes();

            internal Engine(RecordingAesFactory owner) => _owner = owner;

            public bool SupportsKeyLength(int keyLength) => _aes.SupportsKeyLength(keyLength);

            public void SetKey(byte[] key, int offset, int length)
            {
                _owner.Calls++;
                _owner.KeyLoads++;
                _aes.SetKey(key, offset, length);
            }

            public void EncryptBlocks(byte[] input, int inputOffset, byte[] output, int outputOffset, int length)
            {
                _owner.Calls++;
                _owner.Encrypts.Add(length);
                _aes.EncryptBlocks(input, inputOffset, output, outputOffset, length);
            }

            public void DecryptBlocks(byte[] input, int inputOffset, byte[] output, int outputOffset, int length)
            {
                _owner.Calls++;
                _aes.DecryptBlocks(input, inputOffset, output, outputOffset, length);
            }

            public void ClearKey() => _aes.ClearKey();
        }
    }
}
