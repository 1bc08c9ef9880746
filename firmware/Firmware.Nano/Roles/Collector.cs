using NanoMikey.Crypto;
using NanoMikey.Firmware.Call;
using NanoMikey.Firmware.Config;
using NanoMikey.Firmware.Hal;
using NanoMikey.Firmware.Keying;
using NanoMikey.Firmware.Runtime;

namespace NanoMikey.Firmware.Roles
{
    /// <summary>
    /// A collector: answers a sensor's MIKEY exchange on UDP 2269, then plays the sensor's stream and sends SRTCP receiver
    /// reports back. One stream at a time: a new exchange (the sensor's next burst) replaces the running one.
    /// </summary>
    [HotPath]
    public sealed class Collector : IDeviceTask
    {
        private readonly DeviceStack _stack;
        private readonly MediaStatistics _total = new MediaStatistics();
        private int _answered;

        /// <summary>Creates the collector.</summary>
        /// <param name="config">Its configuration (role collector).</param>
        /// <param name="platform">The board.</param>
        public Collector(DeviceConfig config, DevicePlatform platform)
        {
            _stack = new DeviceStack(config, platform);
        }

        /// <summary>The blocks underneath.</summary>
        public DeviceStack Stack
        {
            get { return _stack; }
        }

        /// <summary>Streams keyed so far.</summary>
        public int Streams { get; private set; }

        /// <summary>Counters of replaced streams (the running one's are in the media channel).</summary>
        public MediaStatistics Totals
        {
            get { return _total; }
        }

        /// <inheritdoc/>
        public long NextDueMicros
        {
            get
            {
                long next = _stack.ServicesDueMicros;
                long t = _stack.Media.NextDueMicros;
                return t < next ? t : next;
            }
        }

        /// <inheritdoc/>
        public void Run(long nowMicros)
        {
            _stack.RunServices(nowMicros);
            MikeyUdpResponder r = _stack.Responder;
            if (r.CompletedCount != _answered)
            {
                _answered = r.CompletedCount;
                _stack.Media.EndInto(_total);

                if (_stack.StartMedia(r.LastBundle!, false, r.LastPeerAddress, false, true, nowMicros)) Streams++;
            }

            _stack.Media.Run(nowMicros);
            // The sensor's burst is over (its BYE, played out): keys wiped until it wakes and keys again.
            if (_stack.Media.PeerEnded) _stack.Media.EndInto(_total);
        }
    }
}
