using System;
using NanoMikey.Emulator.Capture;
using NanoMikey.Emulator.Scheduling;
using NanoMikey.Firmware.Hal;
using NanoMikey.Net.Sockets;

namespace NanoMikey.Emulator.Network
{
    /// <summary>
    /// A device's interface on the host's real loopback network (127.0.0.0/8, RFC 1122 §3.2.1.3, all of which Linux
    /// answers locally): real UDP sockets (<see cref="LoopbackSocket"/> over <c>HostDatagramSocket</c>) bound to this
    /// interface's own 127.x.y.z address, for talking to real peers (GStreamer, chrony). Several devices share the host
    /// by taking different addresses (127.0.0.2, 127.0.0.3, ...) so each can bind port 2269.
    /// </summary>
    public sealed class LoopbackNetworkInterface : INetworkInterface
    {
        /// <summary>Creates the interface.</summary>
        /// <param name="address">A 127.x.y.z address (big-endian number), e.g. <c>IPv4.FromOctets(127, 0, 0, 2)</c>.</param>
        /// <param name="capture">Where to record the traffic of its sockets, or null.</param>
        /// <param name="scheduler">Source of the capture's timestamps (required with a capture; run it <see cref="VirtualScheduler.Paced"/>).</param>
        public LoopbackNetworkInterface(uint address, PcapWriter? capture = null, VirtualScheduler? scheduler = null)
        {
            if ((address >> 24) != 127) throw new ArgumentOutOfRangeException(nameof(address), "not a 127.0.0.0/8 address");
            if (capture != null && scheduler == null) throw new ArgumentNullException(nameof(scheduler), "a capture needs the scheduler's time");
            LocalAddress = address;
            Capture = capture;
            Scheduler = scheduler;
        }

        /// <inheritdoc />
        public uint LocalAddress { get; }

        /// <summary>The capture, or null.</summary>
        public PcapWriter? Capture { get; }

        /// <summary>The scheduler giving capture timestamps, or null.</summary>
        public VirtualScheduler? Scheduler { get; }

        /// <inheritdoc />
        public IDatagramSocket CreateUdpSocket() => new LoopbackSocket(this);

        /// <summary>Not yet available on this interface.</summary>
        /// <returns>Never returns.</returns>
        public IStreamSocket CreateTcpSocket() => throw new System.NotSupportedException();

        /// <summary>Not yet available on this interface.</summary>
        /// <returns>Never returns.</returns>
        public IStreamListener CreateTcpListener() => throw new System.NotSupportedException();
    }
}
