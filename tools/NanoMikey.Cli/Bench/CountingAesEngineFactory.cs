using NanoMikey.Crypto.Hal;

namespace NanoMikey.Cli.Bench
{
    /// <summary>Wraps an AES engine factory and counts the 16-byte blocks its engines encrypt or decrypt (bench diagnostics).</summary>
    public sealed class CountingAesEngineFactory : IAesEngineFactory
    {
        private readonly IAesEngineFactory _inner;

        /// <summary>Creates the wrapper.</summary>
        public CountingAesEngineFactory(IAesEngineFactory inner) { _inner = inner; }

        /// <summary>Blocks processed since the last reset.</summary>
        public long Blocks { get; set; }

        /// <inheritdoc />
        public IAesEngine? Create(int keyLength)
        {
            IAesEngine? e = _inner.Create(keyLength);
            return e == null ? null : new Counting(e, this);
        }

        private sealed class Counting : IAesEngine
        {
            private readonly IAesEngine _e;
            private readonly CountingAesEngineFactory _owner;

            public Counting(IAesEngine e, CountingAesEngineFactory owner) { _e = e; _owner = owner; }

            public bool SupportsKeyLength(int keyLength) => _e.SupportsKeyLength(keyLength);

            public void SetKey(byte[] key, int offset, int length) => _e.SetKey(key, offset, length);

            public void EncryptBlocks(byte[] input, int inputOffset, byte[] output, int outputOffset, int length)
            {
                _owner.Blocks += length / 16;
                _e.EncryptBlocks(input, inputOffset, output, outputOffset, length);
            }

            public void DecryptBlocks(byte[] input, int inputOffset, byte[] output, int outputOffset, int length)
            {
                _owner.Blocks += length / 16;
                _e.DecryptBlocks(input, inputOffset, output, outputOffset, length);
            }

            public void ClearKey() => _e.ClearKey();
        }
    }
}
