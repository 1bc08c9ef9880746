using System;
using NanoMikey.Emulator.Capture;
using NanoMikey.Emulator.Scheduling;
using NanoMikey.Firmware.Hal;
using NanoMikey.Hardware.Host;
using NanoMikey.Net.Sockets;

namespace NanoMikey.Emulator.Network
{
    /// <summary>
    /// A device's interface on the host's real loopback network (127.0.0.0/8, RFC 1122 §3.2.1.3, all of which Linux
    /// answers locally): real UDP sockets (<see cref="LoopbackSocket"/> over <c>HostDatagramSocket</c>) and TCP sockets
    /// and listeners (over <see cref="HostStreamSocket"/>, <see cref="LoopbackStreamListener"/>) bound to this interface's
    /// own 127.x.y.z address, for talking to real peers (GStreamer, chrony). Several devices share the host by taking
    /// different addresses (127.0.0.2, 127.0.0.3, ...) so each can bind port 2269 and listen on the same RTSP port.
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

        /// <inheritdoc />
        /// <remarks>A real TCP socket (<see cref="HostStreamSocket"/>) whose connect binds its local end to this interface's
        /// address first, so peers see the device's 127.x.y.z. TCP is not recorded in <see cref="Capture"/> (the capture
        /// synthesises UDP only; capture the host's <c>lo</c> with tshark to see TCP).</remarks>
        public IStreamSocket CreateTcpSocket() => new HostStreamSocket(LocalAddress);

        /// <inheritdoc />
        /// <remarks>See <see cref="LoopbackStreamListener"/>: a listen on <see cref="IPv4.Any"/> takes this interface's address.</remarks>
        public IStreamListener CreateTcpListener() => new LoopbackStreamListener(this);
    }
}
