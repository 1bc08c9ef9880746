using System;
using NanoMikey.Crypto.Hal;
using NanoMikey.Crypto.Mac;

namespace NanoMikey.Crypto.Random
{
    /// <summary>
    /// HMAC_DRBG with SHA-256 (NIST SP 800-90A Rev. 1 §10.1.2): the project's one source of keys, nonces and RAND,
    /// seeded and reseeded from an <see cref="IEntropySource"/>. <see cref="Generate(byte[], int, int)"/> allocates nothing.
    /// </summary>
    /// <remarks>Not thread-safe: give each user its own instance or lock around it.</remarks>
    public sealed class HmacDrbg
    {
        /// <summary>Entropy input length in bytes drawn from the source (security strength 256 bits).</summary>
        public const int EntropyLength = 32;

        /// <summary>Nonce length in bytes drawn from the source at instantiation (half the security strength, §8.6.7).</summary>
        public const int NonceLength = 16;

        /// <summary>Default number of generate requests between automatic reseeds (SP 800-90A allows up to 2^48).</summary>
        public const int DefaultReseedInterval = 1 << 16;

        /// <summary>Largest output of one internal generate request, in bytes (SP 800-90A Table 2: 2^19 bits).</summary>
        public const int MaxBytesPerRequest = 1 << 16;

        private const int OutLen = 32;

        private readonly HmacSha256 _hmac = new HmacSha256();
        private readonly byte[] _k = new byte[OutLen];
        private readonly byte[] _v = new byte[OutLen];
        private readonly byte[] _entropy = new byte[EntropyLength];
        private readonly byte[] _separator = new byte[1];
        private readonly IEntropySource? _source;
        private readonly int _reseedInterval;
        private long _reseedCounter;

        /// <summary>Instantiates from <paramref name="source"/> (entropy input and nonce) and an optional personalization string.</summary>
        /// <param name="source">Entropy source, also used for reseeding.</param>
        /// <param name="personalization">Personalization string (e.g. a device identity), or null.</param>
        public HmacDrbg(IEntropySource source, byte[]? personalization) : this(source, personalization, DefaultReseedInterval)
        {
        }

        /// <summary>Instantiates from <paramref name="source"/> with an explicit reseed interval.</summary>
        /// <param name="source">Entropy source, also used for reseeding.</param>
        /// <param name="personalization">Personalization string, or null.</param>
        /// <param name="reseedInterval">Generate requests allowed before an automatic reseed (at least 1).</param>
        public HmacDrbg(IEntropySource source, byte[]? personalization, int reseedInterval)
        {
            if (source == null) throw new ArgumentNullException(nameof(source));
            if (reseedInterval < 1) throw new ArgumentOutOfRangeException(nameof(reseedInterval));
            _source = source;
            _reseedInterval = reseedInterval;
            byte[] nonce = new byte[NonceLength];
            source.GetEntropy(_entropy, 0, EntropyLength);
            source.GetEntropy(nonce, 0, NonceLength);
            Instantiate(_entropy, 0, EntropyLength, nonce, personalization);
            SecureMemory.Wipe(nonce);
            Array.Clear(_entropy, 0, EntropyLength);
        }

        /// <summary>
        /// Instantiates from explicit inputs (known-answer tests, or a device that feeds entropy itself); without a source,
        /// reseeding needs explicit entropy and generating past the reseed interval throws: check <see cref="CanGenerate"/>
        /// (the MIKEY modes do, and answer ReseedRequired). Devices with a hardware RNG use the <see cref="IEntropySource"/> constructor.
        /// </summary>
        /// <param name="entropyInput">Entropy input, at least <see cref="EntropyLength"/> bytes.</param>
        /// <param name="nonce">Nonce.</param>
        /// <param name="personalization">Personalization string, or null.</param>
        /// <param name="reseedInterval">Generate requests allowed before a reseed is required (at least 1).</param>
        /// <exception cref="ArgumentException">The entropy input is shorter than the security strength.</exception>
        public HmacDrbg(byte[] entropyInput, byte[] nonce, byte[]? personalization, int reseedInterval)
        {
            if (entropyInput == null) throw new ArgumentNullException(nameof(entropyInput));
            // SP 800-90A §10.1.2.3 / §8.6.3: the entropy input carries at least the security strength (256 bits).
            if (entropyInput.Length < EntropyLength) throw new ArgumentException("Entropy input shorter than 32 bytes.", nameof(entropyInput));
            if (nonce == null) throw new ArgumentNullException(nameof(nonce));
            if (reseedInterval < 1) throw new ArgumentOutOfRangeException(nameof(reseedInterval));
            _reseedInterval = reseedInterval;
            Instantiate(entropyInput, 0, entropyInput.Length, nonce, personalization);
        }

        /// <summary>When true, every generate call reseeds from the source first (prediction resistance, §9.3.1).</summary>
        public bool PredictionResistance { get; set; }

        /// <summary>Generate requests served since the last (re)seed; a reseed happens when it exceeds the interval.</summary>
        public long ReseedCounter
        {
            get { return _reseedCounter; }
        }

        /// <summary>Generate requests left before the next automatic reseed (0 means the next request reseeds first).</summary>
        public long RequestsUntilReseed
        {
            get { return _reseedCounter > _reseedInterval ? 0 : _reseedInterval - _reseedCounter + 1; }
        }

        /// <summary>
        /// True when <paramref name="requests"/> more generate requests (one per call of at most
        /// <see cref="MaxBytesPerRequest"/> bytes) can be served now: always with an entropy source (it reseeds itself), else
        /// only while the reseed interval lasts and prediction resistance is off. An instance built from explicit entropy
        /// that answers false needs <see cref="Reseed(byte[], int, int, byte[], int, int)"/> first; callers that cannot
        /// reseed turn this into a status instead of letting <see cref="Generate(byte[], int, int)"/> throw.
        /// </summary>
        /// <param name="requests">Generate requests the caller is about to make.</param>
        /// <returns>Whether they can all be served.</returns>
        public bool CanGenerate(int requests)
        {
            if (_reseedCounter == 0) return false;
            if (_source != null) return true;
            return !PredictionResistance && (long)_reseedInterval - _reseedCounter + 1 >= requests;
        }

        /// <summary>Generate requests allowed between reseeds.</summary>
        public int ReseedInterval
        {
            get { return _reseedInterval; }
        }

        /// <summary>Fills <paramref name="count"/> bytes of <paramref name="output"/> with pseudorandom bytes.</summary>
        /// <param name="output">Destination buffer.</param>
        /// <param name="offset">Offset in <paramref name="output"/>.</param>
        /// <param name="count">Number of bytes (larger requests are split into several SP 800-90A requests).</param>
        public void Generate(byte[] output, int offset, int count)
        {
            Generate(output, offset, count, null, 0, 0);
        }

        /// <summary>Fills output with pseudorandom bytes, mixing in additional input (§10.1.2.5).</summary>
        /// <param name="output">Destination buffer.</param>
        /// <param name="offset">Offset in <paramref name="output"/>.</param>
        /// <param name="count">Number of bytes.</param>
        /// <param name="additionalInput">Additional input, or null.</param>
        /// <param name="additionalOffset">Offset of the additional input.</param>
        /// <param name="additionalLength">Additional input length.</param>
        /// <exception cref="InvalidOperationException">A reseed is required but there is no entropy source (check <see cref="CanGenerate"/>).</exception>
        public void Generate(byte[] output, int offset, int count, byte[]? additionalInput, int additionalOffset, int additionalLength)
        {
            if (output == null) throw new ArgumentNullException(nameof(output));
            if (count < 0 || offset < 0 || offset > output.Length - count) throw new ArgumentOutOfRangeException(nameof(offset));
            CheckOptional(additionalInput, additionalOffset, additionalLength);
            if (_reseedCounter == 0) throw new ObjectDisposedException(nameof(HmacDrbg));
            do
            {
                int n = count < MaxBytesPerRequest ? count : MaxBytesPerRequest;
                GenerateRequest(output, offset, n, additionalInput, additionalOffset, additionalLength);
                offset += n;
                count -= n;
            }
            while (count > 0);
        }

        /// <summary>Reseeds from the entropy source (§10.1.2.4).</summary>
        /// <exception cref="InvalidOperationException">The instance has no entropy source.</exception>
        public void Reseed()
        {
            Reseed(null, 0, 0);
        }

        /// <summary>Reseeds from the entropy source, mixing in additional input.</summary>
        /// <param name="additionalInput">Additional input, or null.</param>
        /// <param name="additionalOffset">Offset of the additional input.</param>
        /// <param name="additionalLength">Additional input length.</param>
        public void Reseed(byte[]? additionalInput, int additionalOffset, int additionalLength)
        {
            if (_source == null) throw new InvalidOperationException("No entropy source; use the explicit-entropy Reseed.");
            CheckOptional(additionalInput, additionalOffset, additionalLength);
            _source.GetEntropy(_entropy, 0, EntropyLength);
            ReseedCore(_entropy, 0, EntropyLength, additionalInput, additionalOffset, additionalLength);
            Array.Clear(_entropy, 0, EntropyLength);
        }

        /// <summary>Reseeds from explicit entropy input (known-answer tests, or an external source).</summary>
        /// <param name="entropyInput">Entropy input.</param>
        /// <param name="entropyOffset">Offset of the entropy input.</param>
        /// <param name="entropyLength">Entropy input length, at least <see cref="EntropyLength"/>.</param>
        /// <param name="additionalInput">Additional input, or null.</param>
        /// <param name="additionalOffset">Offset of the additional input.</param>
        /// <param name="additionalLength">Additional input length.</param>
        /// <exception cref="ArgumentException">The entropy input is shorter than the security strength; the state is kept.</exception>
        public void Reseed(byte[] entropyInput, int entropyOffset, int entropyLength, byte[]? additionalInput, int additionalOffset, int additionalLength)
        {
            if (entropyInput == null) throw new ArgumentNullException(nameof(entropyInput));
            CheckOptional(entropyInput, entropyOffset, entropyLength);
            // SP 800-90A §10.1.2.4 / §9.2: a reseed needs at least security-strength bits of entropy.
            if (entropyLength < EntropyLength) throw new ArgumentException("Entropy input shorter than 32 bytes.", nameof(entropyLength));
            CheckOptional(additionalInput, additionalOffset, additionalLength);
            ReseedCore(entropyInput, entropyOffset, entropyLength, additionalInput, additionalOffset, additionalLength);
        }

        /// <summary>Wipes the internal state (uninstantiate, §9.4); the instance is unusable afterwards.</summary>
        public void Clear()
        {
            Array.Clear(_k, 0, OutLen);
            Array.Clear(_v, 0, OutLen);
            Array.Clear(_entropy, 0, EntropyLength);
            _hmac.Clear();
            _reseedCounter = 0;
        }

        // §10.1.2.3: Key = 0x00.., V = 0x01.., Update(entropy || nonce || personalization), counter = 1.
        private void Instantiate(byte[] entropy, int entropyOffset, int entropyLength, byte[] nonce, byte[]? personalization)
        {
            Array.Clear(_k, 0, OutLen);
            for (int i = 0; i < OutLen; i++) _v[i] = 1;
            int pl = personalization == null ? 0 : personalization.Length;
            Update(entropy, entropyOffset, entropyLength, nonce, 0, nonce.Length, personalization, 0, pl);
            _reseedCounter = 1;
        }

        private void ReseedCore(byte[] entropy, int entropyOffset, int entropyLength, byte[]? additional, int additionalOffset, int additionalLength)
        {
            // §10.1.2.4: seed_material = entropy_input || additional_input.
            Update(entropy, entropyOffset, entropyLength, additional, additionalOffset, additionalLength, null, 0, 0);
            _reseedCounter = 1;
        }

        // §10.1.2.5.
        private void GenerateRequest(byte[] output, int offset, int count, byte[]? additional, int additionalOffset, int additionalLength)
        {
            if (_reseedCounter > _reseedInterval || PredictionResistance)
            {
                if (_source == null) throw new InvalidOperationException("Reseed required.");
                _source.GetEntropy(_entropy, 0, EntropyLength);
                ReseedCore(_entropy, 0, EntropyLength, additional, additionalOffset, additionalLength);
                Array.Clear(_entropy, 0, EntropyLength);
                // §9.3.1 step 7.4: additional input was consumed by the reseed.
                additional = null;
                additionalLength = 0;
            }
            if (additionalLength > 0)
            {
                Update(additional, additionalOffset, additionalLength, null, 0, 0, null, 0, 0);
            }
            HmacSha256 h = _hmac;
            h.SetKey(_k, 0, OutLen);
            while (count > 0)
            {
                h.Compute(_v, 0, OutLen, _v, 0, OutLen);
                int n = count < OutLen ? count : OutLen;
                Array.Copy(_v, 0, output, offset, n);
                offset += n;
                count -= n;
            }
            Update(additional, additionalOffset, additionalLength, null, 0, 0, null, 0, 0);
            _reseedCounter++;
        }

        // §10.1.2.2 HMAC_DRBG_Update over provided_data = a || b || c (any of them empty).
        private void Update(byte[]? a, int aOffset, int aLength, byte[]? b, int bOffset, int bLength, byte[]? c, int cOffset, int cLength)
        {
            bool provided = aLength + bLength + cLength > 0;
            UpdateStep(0x00, a, aOffset, aLength, b, bOffset, bLength, c, cOffset, cLength);
            if (!provided) return;
            UpdateStep(0x01, a, aOffset, aLength, b, bOffset, bLength, c, cOffset, cLength);
        }

        // K = HMAC(K, V || sep || provided_data); V = HMAC(K, V).
        private void UpdateStep(byte separator, byte[]? a, int aOffset, int aLength, byte[]? b, int bOffset, int bLength, byte[]? c, int cOffset, int cLength)
        {
            HmacSha256 h = _hmac;
            h.SetKey(_k, 0, OutLen);
            h.Update(_v, 0, OutLen);
            _separator[0] = separator;
            h.Update(_separator, 0, 1);
            if (aLength > 0) h.Update(a!, aOffset, aLength);
            if (bLength > 0) h.Update(b!, bOffset, bLength);
            if (cLength > 0) h.Update(c!, cOffset, cLength);
            h.Final(_k, 0, OutLen);
            h.SetKey(_k, 0, OutLen);
            h.Compute(_v, 0, OutLen, _v, 0, OutLen);
        }

        private static void CheckOptional(byte[]? buffer, int offset, int length)
        {
            if (buffer == null)
            {
                if (length != 0) throw new ArgumentNullException(nameof(buffer));
                return;
            }
            if (length < 0 || offset < 0 || offset > buffer.Length - length) throw new ArgumentOutOfRangeException(nameof(offset));
        }
    }
}
