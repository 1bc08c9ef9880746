using System.Security.Cryptography;
using NanoMikey.Emulator.Clock;
using NanoMikey.Emulator.Hardware;
using NanoMikey.Emulator.Scheduling;

namespace NanoMikey.Emulator.Tests
{
    public class ClockTests
    {
        [Fact]
        public void OffsetShiftsTheRtcOnly()
        {
            var scheduler = new VirtualScheduler();
            var clock = new EmulatedClock(scheduler, offsetMicros: 1_000_000);
            var exact = new EmulatedClock(scheduler);
            Assert.Equal(new DateTime(2026, 6, 1, 0, 0, 1, DateTimeKind.Utc).Ticks, clock.UtcTicks);
            Assert.Equal(EmulatedClock.DefaultStart.Ticks, exact.UtcTicks);
            scheduler.RunUntil(2_500_000);
            Assert.Equal(2_500_000, clock.MonotonicMicroseconds);
            Assert.Equal(exact.UtcTicks + 10_000_000, clock.UtcTicks);
            Assert.Equal(exact.UtcTicks, clock.TrueUtcTicks);
            Assert.False(clock.TimeServiceRunning);
            clock.OffsetMicros = -600_000_000; // ten minutes slow
            Assert.Equal(clock.TrueUtcTicks - 6_000_000_000, clock.UtcTicks);
        }

        [Fact]
        public void DriftAppliesToTickAndRtc()
        {
            var scheduler = new VirtualScheduler();
            var start = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var fast = new EmulatedClock(scheduler, driftPpm: 100, start: start);
            var slow = new EmulatedClock(scheduler, offsetMicros: 5, driftPpm: -50, start: start);
            scheduler.RunUntil(1000_000_000); // 1000 s
            Assert.Equal(1000_100_000, fast.MonotonicMicroseconds); // +100 ppm: +100 ms
            Assert.Equal(999_950_000, slow.MonotonicMicroseconds);
            Assert.Equal(start.Ticks + 1000_100_000L * 10, fast.UtcTicks);
            Assert.Equal(start.Ticks + (999_950_000L + 5) * 10, slow.UtcTicks);
        }

        [Fact]
        public void ToVirtualInvertsTheTick()
        {
            var scheduler = new VirtualScheduler();
            foreach (double ppm in new[] { 0.0, 37.5, -120.0, 500000.0, -999.0 })
            {
                var clock = new EmulatedClock(scheduler, driftPpm: ppm);
                var rng = new Random(1);
                for (int i = 0; i < 2000; i++)
                {
                    long device = rng.NextInt64(0, 100_000_000_000);
                    long v = clock.ToVirtualMicros(device);
                    Assert.True(clock.ToDeviceMicros(v) >= device);
                    Assert.True(v == 0 || clock.ToDeviceMicros(v - 1) < device);
                }
                Assert.Equal(long.MaxValue, clock.ToVirtualMicros(long.MaxValue));
            }
        }

        [Fact]
        public void SeededEntropyIsReproducibleAndPerDevice()
        {
            byte[] Draw(long seed, string name, params int[] chunks)
            {
                var source = new SeededEntropySource(seed, name);
                var all = new List<byte>();
                foreach (int c in chunks)
                {
                    var b = new byte[c + 3];
                    source.GetEntropy(b, 3, c);
                    all.AddRange(b.Skip(3));
                }
                return all.ToArray();
            }

            byte[] a = Draw(7, "door", 100);
            Assert.Equal(a, Draw(7, "door", 1, 31, 32, 36)); // chunking does not matter
            Assert.NotEqual(a, Draw(7, "indoor", 100));
            Assert.NotEqual(a, Draw(8, "door", 100));
            // Block 0 = SHA-256(seed BE ‖ name ‖ counter 0 BE).
            byte[] input = new byte[] { 0, 0, 0, 0, 0, 0, 0, 7 }.Concat("door"u8.ToArray()).Concat(new byte[8]).ToArray();
            Assert.Equal(SHA256.HashData(input), a.Take(32));
        }
    }
}
