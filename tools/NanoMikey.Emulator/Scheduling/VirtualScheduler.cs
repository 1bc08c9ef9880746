using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using NanoMikey.Emulator.Clock;
using NanoMikey.Emulator.Network;
using NanoMikey.Firmware.Runtime;

namespace NanoMikey.Emulator.Scheduling
{
    /// <summary>
    /// Drives emulated devices in virtual time (microseconds from 0): each step jumps to the earliest of the tasks'
    /// <see cref="IDeviceTask.NextDueMicros"/> and the attached networks' next delivery, delivers the datagrams due, then
    /// runs every task. Nothing waits on the host clock unless <see cref="Paced"/> is set, so 10 s of a call take
    /// milliseconds, and the same inputs give the same run.
    /// </summary>
    /// <remarks>
    /// Every task runs at every event time (simple, and cheap for a handful of devices): a task must therefore tolerate
    /// being run early, which <see cref="IDeviceTask"/> already demands (it polls its sockets with a zero timeout).
    /// A task whose due time stays at or before the current time is run again at the same instant up to
    /// <see cref="MaxStepsPerInstant"/> times, then time moves on by 1 µs, so a task that never catches up cannot hang a run.
    /// </remarks>
    public sealed class VirtualScheduler
    {
        /// <summary>Steps allowed at one instant before time is forced forward by 1 µs.</summary>
        public const int MaxStepsPerInstant = 64;

        private readonly List<TaskEntry> _tasks = new List<TaskEntry>();
        private readonly List<VirtualNetwork> _networks = new List<VirtualNetwork>();
        private readonly List<PeriodicHook> _hooks = new List<PeriodicHook>();
        private readonly Stopwatch _hostTime = new Stopwatch();
        private long _lastStepMicros = -1;
        private int _stepsAtInstant;

        /// <summary>The virtual time in microseconds since the start of the run.</summary>
        public long NowMicros { get; private set; }

        /// <summary>Number of steps run so far (one step: deliveries due, then every task once).</summary>
        public long StepCount { get; private set; }

        /// <summary>
        /// When true, virtual time does not run ahead of host time (the scheduler sleeps until the host's stopwatch reaches
        /// the next event), and no step is longer than <see cref="PacedPollMicros"/>: for runs that talk to real peers over
        /// <see cref="LoopbackNetworkInterface"/>, whose datagrams the scheduler cannot foresee.
        /// </summary>
        public bool Paced { get; set; }

        /// <summary>Longest step in <see cref="Paced"/> mode, in microseconds (default 1000).</summary>
        public long PacedPollMicros { get; set; } = 1000;

        /// <summary>Raised after every step with the virtual time of the step (a progress display; keep it cheap).</summary>
        public event Action<long>? Stepped;

        /// <summary>Adds a task whose monotonic tick is the virtual time itself.</summary>
        /// <param name="task">The task.</param>
        public void Add(IDeviceTask task)
        {
            ArgumentNullException.ThrowIfNull(task);
            _tasks.Add(new TaskEntry(task, null));
        }

        /// <summary>
        /// Adds a task that runs on its device's own monotonic tick: <see cref="IDeviceTask.Run"/> gets
        /// <paramref name="clock"/>'s <see cref="EmulatedClock.MonotonicMicroseconds"/> and its due time is mapped back to
        /// virtual time, so a device whose crystal drifts does its 20 ms frames at its own pace.
        /// </summary>
        /// <param name="task">The task.</param>
        /// <param name="clock">The device's clock (over this scheduler).</param>
        public void Add(IDeviceTask task, EmulatedClock clock)
        {
            ArgumentNullException.ThrowIfNull(task);
            ArgumentNullException.ThrowIfNull(clock);
            _tasks.Add(new TaskEntry(task, clock));
        }

        /// <summary>Attaches a network whose deliveries become events (the <see cref="VirtualNetwork"/> constructor does this).</summary>
        /// <param name="network">The network.</param>
        public void Attach(VirtualNetwork network)
        {
            ArgumentNullException.ThrowIfNull(network);
            if (!_networks.Contains(network)) _networks.Add(network);
        }

        /// <summary>Calls <paramref name="action"/> with the virtual time every <paramref name="periodMicros"/> (from 0): a progress tick.</summary>
        /// <param name="periodMicros">Period in microseconds (positive).</param>
        /// <param name="action">The hook.</param>
        public void Every(long periodMicros, Action<long> action)
        {
            if (periodMicros <= 0) throw new ArgumentOutOfRangeException(nameof(periodMicros));
            ArgumentNullException.ThrowIfNull(action);
            _hooks.Add(new PeriodicHook(periodMicros, action) { NextMicros = NowMicros });
        }

        /// <summary>Runs every event up to and including <paramref name="endMicros"/>, then sets the time to it.</summary>
        /// <param name="endMicros">Virtual end time in microseconds.</param>
        public void RunUntil(long endMicros)
        {
            RunUntil(null, endMicros);
        }

        /// <summary>Runs until <paramref name="done"/> holds (checked after every step) or <paramref name="endMicros"/>.</summary>
        /// <param name="done">Stop condition, or null to run to the end time.</param>
        /// <param name="endMicros">Virtual end time in microseconds.</param>
        /// <returns>True when the condition was met (at <see cref="NowMicros"/>), false when the end time came first.</returns>
        public bool RunUntil(Func<bool>? done, long endMicros)
        {
            if (endMicros < NowMicros) throw new ArgumentOutOfRangeException(nameof(endMicros));
            if (Paced && !_hostTime.IsRunning) _hostTime.Start();
            while (true)
            {
                if (done != null && done()) return true;
                long next = NextEventMicros();
                if (Paced && next > NowMicros + PacedPollMicros) next = NowMicros + PacedPollMicros;
                if (next > endMicros)
                {
                    if (Paced) WaitForHost(endMicros);
                    NowMicros = endMicros;
                    return done != null && done();
                }
                if (next <= NowMicros)
                {
                    next = NowMicros;
                    if (next == _lastStepMicros && ++_stepsAtInstant >= MaxStepsPerInstant)
                    {
                        next = NowMicros + 1;
                        if (next > endMicros) { NowMicros = endMicros; return done != null && done(); }
                    }
                }
                if (next != _lastStepMicros) _stepsAtInstant = 0;
                if (Paced) WaitForHost(next);
                NowMicros = next;
                Step();
            }
        }

        private void Step()
        {
            long now = NowMicros;
            _lastStepMicros = now;
            StepCount++;
            for (int i = 0; i < _networks.Count; i++) _networks[i].DeliverDue(now);
            for (int i = 0; i < _tasks.Count; i++)
            {
                TaskEntry e = _tasks[i];
                e.Task.Run(e.Clock == null ? now : e.Clock.MonotonicMicroseconds);
            }
            for (int i = 0; i < _hooks.Count; i++)
            {
                PeriodicHook h = _hooks[i];
                if (h.NextMicros > now) continue;
                h.Action(now);
                h.NextMicros = now - now % h.PeriodMicros + h.PeriodMicros;
            }
            Stepped?.Invoke(now);
        }

        private long NextEventMicros()
        {
            long next = long.MaxValue;
            for (int i = 0; i < _tasks.Count; i++)
            {
                TaskEntry e = _tasks[i];
                long due = e.Task.NextDueMicros;
                if (due != long.MaxValue && e.Clock != null) due = e.Clock.ToVirtualMicros(due);
                if (due < next) next = due;
            }
            for (int i = 0; i < _networks.Count; i++)
            {
                long due = _networks[i].NextDeliveryMicros;
                if (due < next) next = due;
            }
            for (int i = 0; i < _hooks.Count; i++)
            {
                if (_hooks[i].NextMicros < next) next = _hooks[i].NextMicros;
            }
            return next;
        }

        private void WaitForHost(long virtualMicros)
        {
            while (true)
            {
                long hostMicros = (long)(_hostTime.ElapsedTicks * (1000000.0 / Stopwatch.Frequency));
                long ahead = virtualMicros - hostMicros;
                if (ahead <= 0) return;
                if (ahead > 2000) Thread.Sleep((int)(ahead / 1000) - 1);
                else Thread.SpinWait(100);
            }
        }

        private readonly struct TaskEntry
        {
            public TaskEntry(IDeviceTask task, EmulatedClock? clock)
            {
                Task = task;
                Clock = clock;
            }

            public IDeviceTask Task { get; }

            public EmulatedClock? Clock { get; }
        }

        private sealed class PeriodicHook
        {
            public PeriodicHook(long periodMicros, Action<long> action)
            {
                PeriodMicros = periodMicros;
                Action = action;
            }

            public long PeriodMicros { get; }

            public Action<long> Action { get; }

            public long NextMicros { get; set; }
        }
    }
}
