using System;
using System.Net.NetworkInformation;
using NanoMikey.Crypto.Hal;
using NanoMikey.Crypto.Random;

namespace NanoMikey.Hardware.Esp32
{
    /// <summary>
    /// The ESP32's entropy source, safe by construction: the hardware RNG read only while the radio is on
    /// (<see cref="Esp32RadioState"/>), oversampled, health-tested and conditioned to NIST SP 800-90B
    /// (<see cref="HealthTestedEntropySource"/>: 160 samples per 32 output bytes), then mixed with the device's MAC
    /// addresses and a seed persisted across reboots (<see cref="SeedMixer"/>). Seed the DRBG from it:
    /// <c>new HmacDrbg(new Esp32EntropySource(store), personalization)</c>, after Wi-Fi is up (docs/device.md, start-up order).
    /// </summary>
    /// <remarks>
    /// Before the radio is on, <see cref="TryGetEntropy"/> returns NotReady and <see cref="GetEntropy"/> throws; nothing is
    /// read. A failed health test is permanent (restart the device). The bindings it calls have no natives on the kit's
    /// Linux nanoCLR; the logic they feed is portable and host-tested.
    /// </remarks>
    public sealed class Esp32EntropySource : IEntropySource
    {
        private const int MaxDeviceValue = 64;

        private readonly HealthTestedEntropySource _tested;
        private readonly SeedMixer _mixer;

        /// <summary>Creates the source; nothing is read until the first request.</summary>
        /// <param name="seedStore">Where the seed persists across reboots (e.g. a <see cref="StreamSeedStore"/> on a file), or null.</param>
        public Esp32EntropySource(ISeedStore? seedStore)
        {
            _tested = new HealthTestedEntropySource(new Esp32HardwareRng(), new Esp32RadioState());
            byte[] device = new byte[MaxDeviceValue];
            int length = DeviceValue(device);
            _mixer = new SeedMixer(_tested, device, 0, length, seedStore);
        }

        /// <summary>Ok, or the SP 800-90B health test that failed.</summary>
        public EntropyStatus Status
        {
            get { return _tested.Status; }
        }

        /// <summary>True once this boot's successor seed has been written to the store.</summary>
        public bool SeedPersisted
        {
            get { return _mixer.SeedPersisted; }
        }

        /// <summary>Fills <paramref name="count"/> bytes with entropy.</summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Offset in <paramref name="buffer"/>.</param>
        /// <param name="count">Number of bytes.</param>
        /// <returns>Ok; NotReady while the radio is off; a health-test failure (the range is then zeroed).</returns>
        public EntropyStatus TryGetEntropy(byte[] buffer, int offset, int count)
        {
            return _mixer.TryGetEntropy(buffer, offset, count);
        }

        /// <summary>Fills <paramref name="count"/> bytes with entropy, for the DRBG.</summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Offset in <paramref name="buffer"/>.</param>
        /// <param name="count">Number of bytes.</param>
        /// <exception cref="InvalidOperationException">Radio off or a health test failed; the range is zeroed.</exception>
        public void GetEntropy(byte[] buffer, int offset, int count)
        {
            _mixer.GetEntropy(buffer, offset, count);
        }

        // The MAC addresses of every interface (eFuse-derived, unique per chip); one zero byte when there are none.
        private static int DeviceValue(byte[] value)
        {
            int length = 0;
            NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
            for (int i = 0; i < interfaces.Length; i++)
            {
                byte[] mac = interfaces[i].PhysicalAddress;
                if (mac == null) continue;
                int n = mac.Length < value.Length - length ? mac.Length : value.Length - length;
                Array.Copy(mac, 0, value, length, n);
                length += n;
            }

            return length == 0 ? 1 : length;
        }
    }
}
