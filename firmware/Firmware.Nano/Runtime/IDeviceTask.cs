namespace NanoMikey.Firmware.Runtime
{
    /// <summary>
    /// A piece of the device that runs on ticks of the monotonic clock instead of threads: the board's main loop and the
    /// emulator's virtual-time scheduler drive the same code. <see cref="Run"/> never blocks (sockets are polled with a zero
    /// timeout); it does what is due at <c>nowMicros</c> and says when it next needs to run.
    /// </summary>
    public interface IDeviceTask
    {
        /// <summary>Does what is due: reads waiting datagrams, sends what is scheduled, advances timers.</summary>
        /// <param name="nowMicros">The monotonic tick in microseconds.</param>
        void Run(long nowMicros);

        /// <summary>
        /// The monotonic time at which <see cref="Run"/> next has work without new input (a retransmission, the next media
        /// frame); <see cref="long.MaxValue"/> when only a datagram can give it work.
        /// </summary>
        long NextDueMicros { get; }
    }
}
