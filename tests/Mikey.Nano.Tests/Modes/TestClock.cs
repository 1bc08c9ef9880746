using NanoMikey.Mikey.Time;

namespace NanoMikey.Mikey.Tests.Modes
{
    /// <summary>A settable clock for exchange tests.</summary>
    internal sealed class TestClock : IMikeyClock
    {
        public ulong NtpNow { get; set; }
        public uint OffsetBoundSeconds { get; set; }
    }
}
