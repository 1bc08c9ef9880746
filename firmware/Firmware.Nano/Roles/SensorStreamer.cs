using NanoMikey.Crypto;
using NanoMikey.Firmware.Call;
using NanoMikey.Firmware.Config;
using NanoMikey.Firmware.Hal;
using NanoMikey.Firmware.Keying;
using NanoMikey.Firmware.Runtime;

namespace NanoMikey.Firmware.Roles
{
    /// <summary>
    /// A sensor streamer: wakes, waits for the clock's SNTP synchronisation, keys with its collector (MIKEY initiator; PSK
    /// when a key is shared, the cheapest authenticated exchange), streams one way for the configured seconds (receiving
    /// only the collector's SRTCP reports), wipes the keys and sleeps; repeats for the configured number of cycles.
    /// </summary>
    [HotPath]
    public sealed class SensorStreamer : IDeviceTask
    {
        /// <summary>Wait before a failed exchange is tried again.</summary>
        public const long RetryMicros = 5000000;

        private readonly DeviceStack _stack;
        private readonly MediaStatistics _total = new MediaStatistics();
        private long _wake;
        private long _streamEnds = long.MaxValue;

        /// <summary>Creates the sensor; it starts its first cycle at once.</summary>
        /// <param name="config">Its configuration (role sensor).</param>
        /// <param name="platform">The board.</param>
        public SensorStreamer(DeviceConfig config, DevicePlatform platform)
        {
            _stack = new DeviceStack(config, platform);
        }

        /// <summary>The blocks underneath.</summary>
        public DeviceStack Stack
        {
            get { return _stack; }
        }

        /// <summary>The sensor's state.</summary>
        public StationState State { get; private set; }

        /// <summary>Completed wake-key-stream cycles.</summary>
        public int CyclesDone { get; private set; }

        /// <summary>Exchanges that failed (each retried after <see cref="RetryMicros"/>).</summary>
        public int KeyingFailures { get; private set; }

        /// <summary>True when the configured number of cycles is done.</summary>
        public bool Finished { get; private set; }

        /// <summary>Counters of finished bursts.</summary>
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
                if (t < next) next = t;
                if (_streamEnds < next) next = _streamEnds;
                if ((State == StationState.Sleeping || State == StationState.Failed) && _wake < next) next = _wake;
                return next;
            }
        }

        /// <inheritdoc/>
        public void Run(long nowMicros)
        {
            _stack.RunServices(nowMicros);
            switch (State)
            {
                case StationState.Idle:
                case StationState.WaitingForTime:
                    if (Finished) break;
                    if (!_stack.Clock.IsSynchronised)
                    {
                        State = StationState.WaitingForTime;
                        break;
                    }

                    if (_stack.StartKeying(nowMicros)) State = StationState.Keying;
                    else Retry(nowMicros);
                    break;
                case StationState.Keying:
                    MikeyUdpExchangeState k = _stack.Initiator.State;
                    if (k == MikeyUdpExchangeState.Completed)
                    {
                        if (_stack.StartMedia(_stack.Initiator.Bundle!, true, _stack.Config.Peer, true, false, nowMicros))
                        {
                            State = StationState.InCall;
                            int seconds = _stack.Config.StreamSeconds;
                            _streamEnds = seconds > 0 ? nowMicros + seconds * 1000000L : long.MaxValue;
                        }
                        else
                        {
                            Retry(nowMicros);
                        }
                    }
                    else if (k != MikeyUdpExchangeState.Waiting)
                    {
                        Retry(nowMicros);
                    }

                    break;
                case StationState.Sleeping:
                case StationState.Failed:
                    if (nowMicros >= _wake) State = StationState.Idle;
                    break;
            }

            _stack.Media.Run(nowMicros);
            if (State == StationState.InCall && nowMicros >= _streamEnds) EndBurst(nowMicros);
        }

        private void EndBurst(long nowMicros)
        {
            _stack.Media.EndInto(_total);
            _streamEnds = long.MaxValue;
            CyclesDone++;
            int cycles = _stack.Config.Cycles;
            if (cycles > 0 && CyclesDone >= cycles)
            {
                Finished = true;
                State = StationState.Idle;
                return;
            }

            State = StationState.Sleeping;
            _wake = nowMicros + _stack.Config.SleepSeconds * 1000000L;
        }

        private void Retry(long nowMicros)
        {
            KeyingFailures++;
            State = StationState.Failed;
            _wake = nowMicros + RetryMicros;
        }
    }
}
