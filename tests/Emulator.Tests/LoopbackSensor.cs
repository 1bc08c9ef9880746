using NanoMikey.Emulator.Audio;
using NanoMikey.Emulator.Network;
using NanoMikey.Emulator.Scenarios;
using NanoMikey.Emulator.Scheduling;
using NanoMikey.Emulator.Sntp;
using NanoMikey.Firmware.Config;
using NanoMikey.Net.Sockets;
using NanoMikey.Net.Time;

namespace NanoMikey.Emulator.Tests
{
    /// <summary>
    /// The demo sensor on the host's loopback, for tests that put a whole emulated device in front of a real peer
    /// (GStreamer): an SNTP server on its own 127.x address (the device keys nothing before its first synchronisation) and
    /// the sensor's configuration pointed at it; the device hears a two-tone microphone.
    /// </summary>
    internal static class LoopbackSensor
    {
        /// <summary>Adds an SNTP server on <paramref name="timeAddress"/>:12123 to the scheduler and returns the demo sensor's configuration using it.</summary>
        public static DeviceConfig Configure(VirtualScheduler scheduler, uint sensorAddress, uint timeAddress)
        {
            IDatagramSocket ts = new LoopbackNetworkInterface(timeAddress).CreateUdpSocket();
            Assert.Equal(DatagramStatus.Ok, ts.Bind(timeAddress, 12123));
            scheduler.Add(new SntpServerTask(new SntpServer(ts, () => NtpTimestamp.FromUtcTicks(DateTime.UtcNow.Ticks))));
            DeviceConfig config = DemoScenario.LoadConfig("sensor");
            config.ClearTimeServers();
            config.AddTimeServer(timeAddress, 12123);
            config.Address = sensorAddress;
            return config;
        }

        /// <summary>Builds the device on its loopback address with the two-tone microphone.</summary>
        public static EmulatedDevice Start(VirtualScheduler scheduler, DeviceConfig config) =>
            new EmulatedDevice(config, scheduler, new LoopbackNetworkInterface(config.Address), 3, 0, 0, new ToneSource(ToneShape.TwoTone, 400, 0.5, 1000));
    }
}
