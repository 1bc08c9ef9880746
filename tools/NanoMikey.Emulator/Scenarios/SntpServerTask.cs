using NanoMikey.Emulator.Sntp;
using NanoMikey.Firmware.Runtime;

namespace NanoMikey.Emulator.Scenarios
{
    /// <summary>The embedded SNTP server as a task of the scheduler (it only answers, so it is never due on its own).</summary>
    public sealed class SntpServerTask : IDeviceTask
    {
        /// <summary>Wraps <paramref name="server"/>.</summary>
        /// <param name="server">The server.</param>
        public SntpServerTask(SntpServer server)
        {
            Server = server;
        }

        /// <summary>The server.</summary>
        public SntpServer Server { get; }

        /// <inheritdoc/>
        public long NextDueMicros => Server.NextDueMicros;

        /// <inheritdoc/>
        public void Run(long nowMicros) => Server.Run(nowMicros);
    }
}
