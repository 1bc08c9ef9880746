using System;
using NanoMikey.Crypto.Hal;
using NanoMikey.Crypto.Mac;

namespace NanoMikey.Crypto.Random
{
    /// <summary>
    /// Mixes a health-tested entropy source with a device-unique value and a seed persisted across reboots, so that a
    /// noise source that silently degrades (ESP32 radio off, a fault the health tests cannot see) still gives output
    /// that differs per device and per boot and is unknown to anyone who has not read the device's flash.
    /// </summary>
    /// <remarks>
    /// Start (on the first request): S = stored seed (zeros when none), E = 32 bytes of fresh entropy,
    /// K = HMAC-SHA-256(S, 0x00 ‖ E ‖ device value); S' = HMAC-SHA-256(K, 0x01) is stored before any output leaves,
    /// so the next boot never starts from the same seed. Each 32-byte output block is HMAC-SHA-256(K, 0x02 ‖ E_i ‖ i)
    /// with fresh entropy E_i: at least as unpredictable as the entropy source, and never less than the secret K.
    /// The domain bytes keep output and the next seed apart. The device value (e.g. the MAC address) need not be
    /// secret: it separates devices cloned from one flash image. Allocation-free after construction; not thread-safe.
    /// </remarks>
    public sealed class SeedMixer : IEntropySource
    {
        /// <summary>Length of the persisted seed and of every internal value, in bytes.</summary>
        public const int SeedLength = 32;

        private readonly HealthTestedEntropySource _source;
        private readonly byte[] _device;
        private readonly ISeedStore? _store;
        private readonly HmacSha256 _hmac = new HmacSha256();
        private readonly byte[] _key = new byte[SeedLength];
        private readonly byte[] _fresh = new byte[SeedLength];
        private readonly byte[] _block = new byte[SeedLength];
        private readonly byte[] _tag = new byte[9];
        private ulong _counter;
        private bool _started;
        private bool _seedPersisted;

        /// <summary>Creates the mixer; nothing is read or stored until the first request.</summary>
        /// <param name="source">The health-tested entropy source.</param>
        /// <param name="deviceValue">Buffer holding a value unique to the device (copied).</param>
        /// <param name="offset">Offset of the value.</param>
        /// <param name="length">Length of the value (1 to 64 bytes).</param>
        /// <param name="store">Where the seed persists across reboots, or null (weaker: see <see cref="SeedPersisted"/>).</param>
        public SeedMixer(HealthTestedEntropySource source, byte[] deviceValue, int offset, int length, ISeedStore? store)
        {
            if (source == null || deviceValue == null) throw new ArgumentNullException();
            if (length < 1 || length > 64 || offset < 0 || offset > deviceValue.Length - length) throw new ArgumentOutOfRangeException();
            _source = source;
            _device = new byte[length];
            Array.Copy(deviceValue, offset, _device, 0, length);
            _store = store;
        }

        /// <summary>True once the next boot's seed has been written; false before start or when there is no store or the write failed.</summary>
        public bool SeedPersisted
        {
            get { return _seedPersisted; }
        }

        /// <summary>True once the mixing key has been derived (after the first successful request).</summary>
        public bool Started
        {
            get { return _started; }
        }

        /// <summary>Fills <paramref name="count"/> bytes with mixed output.</summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Offset in <paramref name="buffer"/>.</param>
        /// <param name="count">Number of bytes.</param>
        /// <returns>Ok, or the entropy source's status (the range is then zeroed and nothing was stored).</returns>
        public EntropyStatus TryGetEntropy(byte[] buffer, int offset, int count)
        {
            if (buffer == null) throw new ArgumentNullException();
            if (count < 0 || offset < 0 || offset > buffer.Length - count) throw new ArgumentOutOfRangeException();
            int start = offset;
            int total = count;
            EntropyStatus status = _started ? EntropyStatus.Ok : Start();
            while (status == EntropyStatus.Ok && count > 0)
            {
                status = _source.TryGetEntropy(_fresh, 0, SeedLength);
                if (status != EntropyStatus.Ok) break;
                // Output block = HMAC(K, 0x02 ‖ E_i ‖ i).
                _hmac.SetKey(_key, 0, SeedLength);
                WriteTag(0x02, _counter++);
                _hmac.Update(_tag, 0, _tag.Length);
                _hmac.Update(_fresh, 0, SeedLength);
                _hmac.Final(_block, 0, SeedLength);
                int n = count < SeedLength ? count : SeedLength;
                Array.Copy(_block, 0, buffer, offset, n);
                offset += n;
                count -= n;
            }

            Array.Clear(_fresh, 0, SeedLength);
            Array.Clear(_block, 0, SeedLength);
            if (status != EntropyStatus.Ok) Array.Clear(buffer, start, total);
            return status;
        }

        /// <summary>Fills <paramref name="count"/> bytes with mixed output, for consumers without a status path (the DRBG).</summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Offset in <paramref name="buffer"/>.</param>
        /// <param name="count">Number of bytes.</param>
        /// <exception cref="InvalidOperationException">The entropy source is not ready or failed; the range is zeroed.</exception>
        public void GetEntropy(byte[] buffer, int offset, int count)
        {
            if (TryGetEntropy(buffer, offset, count) != EntropyStatus.Ok) throw new InvalidOperationException("No entropy.");
        }

        private EntropyStatus Start()
        {
            EntropyStatus status = _source.TryGetEntropy(_fresh, 0, SeedLength);
            if (status != EntropyStatus.Ok) return status;
            // S: the seed from the previous boot, or zeros (first boot, erased, unreadable).
            if (_store == null || !_store.Load(_block, 0, SeedLength)) Array.Clear(_block, 0, SeedLength);
            // K = HMAC(S, 0x00 ‖ E ‖ device value).
            _hmac.SetKey(_block, 0, SeedLength);
            WriteTag(0x00, 0);
            _hmac.Update(_tag, 0, 1);
            _hmac.Update(_fresh, 0, SeedLength);
            _hmac.Update(_device, 0, _device.Length);
            _hmac.Final(_key, 0, SeedLength);
            // S' = HMAC(K, 0x01), written before any output exists.
            _hmac.SetKey(_key, 0, SeedLength);
            WriteTag(0x01, 0);
            _hmac.Update(_tag, 0, 1);
            _hmac.Final(_block, 0, SeedLength);
            _seedPersisted = _store != null && _store.Store(_block, 0, SeedLength);
            Array.Clear(_block, 0, SeedLength);
            Array.Clear(_fresh, 0, SeedLength);
            _started = true;
            return EntropyStatus.Ok;
        }

        private void WriteTag(byte domain, ulong counter)
        {
            _tag[0] = domain;
            for (int i = 8; i >= 1; i--)
            {
                _tag[i] = (byte)counter;
                counter >>= 8;
            }
        }
    }
}
