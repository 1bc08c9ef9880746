using System;
using System.Collections.Generic;
using System.IO;
using System.Diagnostics;
using NanoMikey.Firmware.Runtime;

namespace NanoMikey.Emulator.Scenarios
{
    /// <summary>
    /// Wraps a device's task and measures what its <see cref="IDeviceTask.Run"/> costs on the host: wall time (a stopwatch
    /// around each call) and bytes allocated on this thread, from a point in the run on (<see cref="StartMeasuring"/>), so the
    /// handshake and warm-up can be left out of the per-packet figures.
    /// </summary>
    public sealed class MeasuredTask : IDeviceTask
    {
        private readonly IDeviceTask _inner;
        private bool _measuring;

        /// <summary>Wraps <paramref name="inner"/>.</summary>
        /// <param name="inner">The device's task.</param>
        public MeasuredTask(IDeviceTask inner)
        {
            _inner = inner;
        }

        /// <summary>Host time spent in Run since measuring started, in stopwatch ticks.</summary>
        public long ElapsedTicks { get; private set; }

        /// <summary>Bytes allocated in Run since measuring started.</summary>
        public long AllocatedBytes { get; private set; }

        /// <summary>Runs measured from now on.</summary>
        public void StartMeasuring() => _measuring = true;

        /// <summary>
        /// Checked after each measured Run: when false (the Run tore the call down, e.g. hung up, sent the BYE and wiped the
        /// keys), that Run is not counted: set-up and tear-down are not the per-packet steady state.
        /// </summary>
        public Func<bool>? SteadyState { get; set; }

        /// <summary>Runs no longer measured (the call is being torn down: BYE, keys wiped).</summary>
        public void StopMeasuring() => _measuring = false;

        /// <inheritdoc/>
        public long NextDueMicros => _inner.NextDueMicros;

        /// <inheritdoc/>
        public void Run(long nowMicros)
        {
            if (!_measuring)
            {
                _inner.Run(nowMicros);
                return;
            }

            long bytes = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            _inner.Run(nowMicros);
            long ticks = Stopwatch.GetTimestamp() - start;
            long allocated = GC.GetAllocatedBytesForCurrentThread() - bytes;
            if (SteadyState != null && !SteadyState()) return;
            ElapsedTicks += ticks;
            AllocatedBytes += allocated;
        }
    }
}
