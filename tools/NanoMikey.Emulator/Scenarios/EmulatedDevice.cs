using NanoMikey.Crypto.Hal;
using NanoMikey.Emulator.Audio;
using NanoMikey.Emulator.Clock;
using NanoMikey.Emulator.Hardware;
using NanoMikey.Emulator.Scheduling;
using NanoMikey.Firmware.Config;
using NanoMikey.Firmware.Hal;
using NanoMikey.Firmware.Roles;
using NanoMikey.Firmware.Runtime;
using NanoMikey.Hardware.Host;

namespace NanoMikey.Emulator.Scenarios
{
    /// <summary>
    /// One emulated board running the firmware: its own clock (RTC offset, crystal drift), seeded entropy, the host AES
    /// engine, a network interface, a tone as microphone and a recording as speaker, and the role its configuration names.
    /// </summary>
    public sealed class EmulatedDevice
    {
        /// <summary>Builds the device and adds it to the scheduler.</summary>
        /// <param name="config">Its configuration.</param>
        /// <param name="scheduler">The scheduler (virtual or paced time).</param>
        /// <param name="network">Its network interface.</param>
        /// <param name="seed">The run's seed (entropy is derived from it and the device name).</param>
        /// <param name="rtcOffsetMicros">How far its RTC is off at start.</param>
        /// <param name="driftPpm">Its crystal's drift.</param>
        /// <param name="microphone">What its microphone hears (null: none).</param>
        /// <param name="aes">AES engines (the host's by default).</param>
        /// <param name="recordSeconds">Audio the recordings hold before they grow (growing would count as the device's allocation).</param>
        public EmulatedDevice(DeviceConfig config, VirtualScheduler scheduler, INetworkInterface network, long seed, long rtcOffsetMicros,
            double driftPpm, IAudioSource? microphone, IAesEngineFactory? aes = null, int recordSeconds = 60)
        {
            Config = config;
            Clock = new EmulatedClock(scheduler, rtcOffsetMicros, driftPpm);
            Microphone = microphone == null ? null : new RecordingSource(microphone, recordSeconds * 8000);
            Speaker = new RecordingSink(recordSeconds * 8000);
            Entropy = new SeededEntropySource(seed, config.Name);
            Platform = new DevicePlatform(aes ?? new HostAesEngineFactory(), Entropy, Clock, network, Microphone, Speaker);
            switch (config.Role)
            {
                case DeviceRole.Intercom when config.SipRegistrarAddress != 0:
                    SipIntercom = new SipIntercom(config, Platform);
                    Role = SipIntercom;
                    Stack = SipIntercom.Stack;
                    break;
                case DeviceRole.Intercom:
                    Station = new IntercomStation(config, Platform);
                    Role = Station;
                    Stack = Station.Stack;
                    break;
                case DeviceRole.Sensor when config.RtspRecordUri != null:
                    RtspPublisher = new RtspPublisher(config, Platform);
                    Role = RtspPublisher;
                    Stack = RtspPublisher.Stack;
                    break;
                case DeviceRole.Sensor when config.RtspPort != 0:
                    RtspSensor = new RtspSensor(config, Platform);
                    Role = RtspSensor;
                    Stack = RtspSensor.Stack;
                    break;
                case DeviceRole.Sensor:
                    Sensor = new SensorStreamer(config, Platform);
                    Role = Sensor;
                    Stack = Sensor.Stack;
                    break;
                default:
                    Collector = new Collector(config, Platform);
                    Role = Collector;
                    Stack = Collector.Stack;
                    break;
            }

            Measured = new MeasuredTask(Role);
            scheduler.Add(Measured, Clock);
        }

        /// <summary>The device's name (from its configuration).</summary>
        public string Name => Config.Name;

        /// <summary>Its configuration.</summary>
        public DeviceConfig Config { get; }

        /// <summary>Its clock.</summary>
        public EmulatedClock Clock { get; }

        /// <summary>Its entropy source.</summary>
        public SeededEntropySource Entropy { get; }

        /// <summary>What the microphone delivered (null: none).</summary>
        public RecordingSource? Microphone { get; }

        /// <summary>What the speaker played.</summary>
        public RecordingSink Speaker { get; }

        /// <summary>The platform the firmware sees.</summary>
        public DevicePlatform Platform { get; }

        /// <summary>The role's task.</summary>
        public IDeviceTask Role { get; }

        /// <summary>The role's task with host cost measurement around it (what the scheduler runs).</summary>
        public MeasuredTask Measured { get; }

        /// <summary>The firmware's blocks.</summary>
        public DeviceStack Stack { get; }

        /// <summary>The intercom role, when it is one.</summary>
        public IntercomStation? Station { get; }

        /// <summary>The intercom on SIP, when it is one (an intercom with <c>sip-registrar</c>).</summary>
        public SipIntercom? SipIntercom { get; }

        /// <summary>The sensor role, when it is one.</summary>
        public SensorStreamer? Sensor { get; }

        /// <summary>The RTSP-serving sensor role, when it is one (a sensor with an RTSP port).</summary>
        public RtspSensor? RtspSensor { get; }

        /// <summary>The sensor that records to an RTSP recorder, when it is one (a sensor with <c>rtsp-record</c>).</summary>
        public RtspPublisher? RtspPublisher { get; }

        /// <summary>The collector role, when it is one.</summary>
        public Collector? Collector { get; }
    }
}
