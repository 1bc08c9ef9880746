using System.Net.NetworkInformation;
using NanoMikey.Crypto.Hal;

namespace NanoMikey.Hardware.Esp32
{
    /// <summary>
    /// Whether the ESP32's RNG is a true RNG now: the Wi-Fi radio is on, seen as a Wi-Fi station or soft-AP interface that
    /// has an IPv4 address (a station gets one only once associated, an AP as it starts). The other entropic state, the
    /// bootloader random source, cannot be enabled or seen from managed code. Ethernet-only boards therefore must bring
    /// Wi-Fi up (station or AP) for seeding. Reads allocate (interface list, address strings): seeding only, not per packet.
    /// </summary>
    public sealed class Esp32RadioState : INoiseSourceState
    {
        /// <summary>True when a Wi-Fi interface is up with an address.</summary>
        public bool ProducesEntropy
        {
            get
            {
                NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
                for (int i = 0; i < interfaces.Length; i++)
                {
                    NetworkInterface ni = interfaces[i];
                    NetworkInterfaceType type = ni.NetworkInterfaceType;
                    if (type != NetworkInterfaceType.Wireless80211 && type != NetworkInterfaceType.WirelessAP) continue;
                    string address = ni.IPv4Address;
                    if (address != null && address.Length > 0 && address != "0.0.0.0") return true;
                }

                return false;
            }
        }
    }
}
