using System.Diagnostics;
using NanoMikey.Emulator.Clock;
using NanoMikey.Emulator.Network;
using NanoMikey.Emulator.Scheduling;
using NanoMikey.Firmware.Runtime;
using NanoMikey.Net.Sockets;
using Xunit.Abstractions;

using static NanoMikey.Emulator.Tests.Hosts;

namespace NanoMikey.Emulator.Tests
{
    public class SchedulerTests
    {
        private readonly ITestOutputHelper _output;

        public SchedulerTests(ITestOutputHelper output)
        {
            _output = output;
        }

        private static (VirtualScheduler Scheduler, ToyStation A, ToyStation B) Stations(double delayMs, long stopMicros)
        {
            var scheduler = new VirtualScheduler();
            var net = new VirtualNetwork(scheduler, 1) { Global = new Impairments { DelayMs = delayMs } };
            var a = new ToyStation(net.CreateInterface(A).CreateUdpSocket(), B, stopMicros);
            var b = new ToyStation(net.CreateInterface(B).CreateUdpSocket(), A, stopMicros);
            scheduler.Add(a);
            scheduler.Add(b);
            return (scheduler, a, b);
        }

        [Fact]
        public void TenSecondsOfTwoWayTrafficBetweenTwoDevices()
        {
            var (scheduler, a, b) = Stations(15, 10_000_000);
            long steps = 0, lastStep = -1, progress = 0;
            scheduler.Stepped += t =>
            {
                Assert.True(t >= lastStep);
                lastStep = t;
                steps++;
            };
            scheduler.Every(1_000_000, t => progress++);
            var sw = Stopwatch.StartNew();
            scheduler.RunUntil(10_100_000);
            sw.Stop();
            _output.WriteLine($"10 s two-way: {scheduler.StepCount} steps in {sw.Elapsed.TotalMilliseconds:F1} ms host time");

            Assert.Equal(500, a.Sent); // 0, 20, ..., 9980 ms
            Assert.Equal(500, b.Sent);
            Assert.Equal(500, a.Received);
            Assert.Equal(500, b.Received);
            Assert.Equal(0, a.OutOfOrder + b.OutOfOrder);
            Assert.Equal((15000, 15000), (a.MinLatency, a.MaxLatency)); // each datagram handed over exactly at its delivery time
            Assert.Equal((15000, 15000), (b.MinLatency, b.MaxLatency));
            Assert.Equal(10_100_000, scheduler.NowMicros);
            Assert.Equal(scheduler.StepCount, steps);
            Assert.Equal(11, progress); // 0 s .. 10 s
            Assert.True(steps <= 2 * 1000 + 20, "steps: " + steps); // one per send instant and one per delivery instant, plus hooks
        }

        [Fact]
        public void RunUntilConditionStopsAtTheEvent()
        {
            var (scheduler, _, b) = Stations(7, 1_000_000);
            Assert.True(scheduler.RunUntil(() => b.Received == 3, 1_000_000));
            Assert.Equal(47_000, scheduler.NowMicros); // third frame sent at 40 ms, 7 ms on the wire
            Assert.False(scheduler.RunUntil(() => false, 2_000_000));
            Assert.Equal(2_000_000, scheduler.NowMicros);
        }

        [Fact]
        public void TaskThatNeverCatchesUpCannotHangTheRun()
        {
            var scheduler = new VirtualScheduler();
            var stuck = new StuckTask();
            scheduler.Add(stuck);
            scheduler.RunUntil(10);
            Assert.Equal(10, scheduler.NowMicros);
            Assert.InRange(stuck.Runs, 11, 11 * VirtualScheduler.MaxStepsPerInstant);
        }

        [Fact]
        public void DriftingDeviceRunsOnItsOwnTick()
        {
            var scheduler = new VirtualScheduler();
            var clock = new EmulatedClock(scheduler, driftPpm: 1000); // 0.1 % fast: 1001 ms of tick per 1000 ms
            var task = new TickRecorder(20_000, scheduler);
            scheduler.Add(task, clock);
            scheduler.RunUntil(10_000_000);
            Assert.All(task.Seen, s => Assert.Equal(clock.ToDeviceMicros(s.Virtual), s.Device));
            // Due every 20 000 µs of its own tick: 10.01 s of tick in 10 s gives frame 500 (tick 10 000 000) just before the end.
            Assert.Equal(501, task.Seen.Count);
            for (int i = 0; i < task.Seen.Count; i++) Assert.InRange(task.Seen[i].Device - 20_000L * i, 0, 1); // on time to the µs
        }

        private sealed class StuckTask : IDeviceTask
        {
            public int Runs { get; private set; }

            public long NextDueMicros => 0;

            public void Run(long nowMicros) => Runs++;
        }

        private sealed class TickRecorder : IDeviceTask
        {
            private readonly long _period;

            private readonly VirtualScheduler _scheduler;

            public TickRecorder(long period, VirtualScheduler scheduler)
            {
                _period = period;
                _scheduler = scheduler;
            }

            public List<(long Virtual, long Device)> Seen { get; } = new();

            public long NextDueMicros { get; private set; }

            public void Run(long nowMicros)
            {
                if (nowMicros < NextDueMicros) return;
                Seen.Add((_scheduler.NowMicros, nowMicros));
                NextDueMicros += _period;
            }
        }
    }
}
