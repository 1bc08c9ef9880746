using System;
using System.IO;
using NanoMikey.Emulator.Capture;
using NanoMikey.Emulator.Clock;
using NanoMikey.Emulator.Network;
using NanoMikey.Emulator.Scheduling;
using NanoMikey.Emulator.Sntp;
using NanoMikey.Firmware.Config;
using NanoMikey.Firmware.Hal;
using NanoMikey.Net.Sockets;
using NanoMikey.Net.Time;

namespace NanoMikey.Emulator.Scenarios
{
    /// <summary>
    /// A seeded virtual world for emulated devices: the virtual-time scheduler, the virtual network with its capture (pcap
    /// in memory, sized up front), and the embedded SNTP server at <see cref="TimeServerAddress"/> serving true (virtual) time.
    /// </summary>
    public sealed class EmulatedWorld
    {
        /// <summary>The embedded SNTP server's address (10.0.0.1).</summary>
        public const uint TimeServerAddress = 0x0A000001;

        private readonly MemoryStream _pcapStream;
        private readonly PcapWriter _pcap;

        /// <summary>Creates the world.</summary>
        /// <param name="seed">The network's seed (impairments, man in the middle).</param>
        /// <param name="pcapCapacityBytes">Room for the capture before it grows (growth would count as the devices' allocation).</param>
        public EmulatedWorld(int seed, int pcapCapacityBytes = 1 << 20)
        {
            Seed = seed;
            Scheduler = new VirtualScheduler();
            _pcapStream = new MemoryStream(pcapCapacityBytes);
            _pcap = new PcapWriter(_pcapStream, EmulatedClock.DefaultStart);
            Network = new VirtualNetwork(Scheduler, seed, _pcap);
            VirtualNetworkInterface sntpIf = Network.CreateInterface(TimeServerAddress);
            IDatagramSocket socket = sntpIf.CreateUdpSocket();
            socket.Bind(TimeServerAddress, 123);
            TimeServer = new SntpServer(socket, () => NtpTimestamp.FromUtcTicks(EmulatedClock.DefaultStart.Ticks + Scheduler.NowMicros * 10));
            Scheduler.Add(new SntpServerTask(TimeServer));
        }

        /// <summary>The seed.</summary>
        public int Seed { get; }

        /// <summary>The scheduler.</summary>
        public VirtualScheduler Scheduler { get; }

        /// <summary>The network.</summary>
        public VirtualNetwork Network { get; }

        /// <summary>The SNTP server.</summary>
        public SntpServer TimeServer { get; }

        /// <summary>Adds a device running the firmware with <paramref name="config"/>, on its configured address.</summary>
        /// <param name="config">The configuration.</param>
        /// <param name="rtcOffsetMicros">How far its RTC is off.</param>
        /// <param name="driftPpm">Its crystal's drift.</param>
        /// <param name="microphone">What it hears (null: no microphone).</param>
        /// <param name="recordSeconds">Audio its recordings hold before growing.</param>
        /// <returns>The device.</returns>
        public EmulatedDevice AddDevice(DeviceConfig config, long rtcOffsetMicros = 0, double driftPpm = 0, IAudioSource? microphone = null, int recordSeconds = 60)
        {
            return new EmulatedDevice(config, Scheduler, Network.CreateInterface(config.Address), Seed, rtcOffsetMicros, driftPpm, microphone, null, recordSeconds);
        }

        /// <summary>The capture so far (a pcap file).</summary>
        /// <returns>The bytes.</returns>
        public byte[] Pcap()
        {
            _pcap.Flush();
            return _pcapStream.ToArray();
        }
    }
}
