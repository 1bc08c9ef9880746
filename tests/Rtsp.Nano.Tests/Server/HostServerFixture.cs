using System.Diagnostics;
using NanoMikey.Crypto.Random;
using NanoMikey.Emulator.Audio;
using NanoMikey.Hardware.Host;
using NanoMikey.Media.G711;
using NanoMikey.Mikey.Time;
using NanoMikey.Net.Sockets;
using NanoMikey.Net.Time;
using NanoMikey.Rtsp.Server;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Rtsp.Tests.Server
{
    /// <summary>The wall clock of the host as MIKEY's clock (T payloads, sender reports).</summary>
    internal sealed class HostMikeyClock : IMikeyClock
    {
        public ulong NtpNow => NtpTimestamp.FromUtcTicks(DateTime.UtcNow.Ticks);
        public uint OffsetBoundSeconds => 1;
    }

    /// <summary>
    /// An RtspServer on real sockets of 127.0.0.1 (TCP listener on <c>rtspPort</c>, RTP/RTCP on <c>rtpPort</c>/+1), fed by a
    /// two-tone source through Media.Nano's µ-law encoder, driven by <see cref="Pump"/> on the test thread: one frame per
    /// 20 ms of real time, Run in between. Everything the server sends over UDP is recorded.
    /// </summary>
    internal sealed class HostServerFixture : IDisposable
    {
        public readonly RtspServer Server;
        public readonly MikeyKeyManagement Keys;
        public readonly RecordingDatagramSocket Rtp;
        public readonly RecordingDatagramSocket Rtcp;
        public readonly HostStreamListener Listener = new HostStreamListener();
        public readonly List<short> Sent = new List<short>();
        public readonly List<byte[]> Frames = new List<byte[]>();
        private readonly ToneSource _tone = new ToneSource(ToneShape.TwoTone, 400, 0.5, 1000);
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly short[] _pcm = new short[160];
        private long _nextFrame;

        public HostServerFixture(int rtspPort, int rtpPort, SrtpPolicy policy, RtspServerOptions? options = null)
        {
            uint lo = IPv4.FromOctets(127, 0, 0, 1);
            Assert.Equal(StreamStatus.Ok, Listener.Listen(lo, rtspPort, 4));
            var rtp = new HostDatagramSocket();
            var rtcp = new HostDatagramSocket();
            Assert.Equal(DatagramStatus.Ok, rtp.Bind(lo, rtpPort));
            Assert.Equal(DatagramStatus.Ok, rtcp.Bind(lo, rtpPort + 1));
            Rtp = new RecordingDatagramSocket(rtp);
            Rtcp = new RecordingDatagramSocket(rtcp);
            var drbg = new HmacDrbg(new HostEntropySource(), null);
            var clock = new HostMikeyClock();
            Keys = new MikeyKeyManagement(new HostAesEngineFactory(), drbg, clock, new ReplayCache(16, clock, new FreshnessPolicy()), policy);
            Server = new RtspServer(Listener, Rtp, Rtcp, Keys, drbg, clock, options ?? new RtspServerOptions());
        }

        public long NowMicros => _clock.ElapsedTicks * 1_000_000 / Stopwatch.Frequency;

        /// <summary>Runs the server and the 20 ms frame clock until <paramref name="until"/> says stop or the time is up.</summary>
        public bool Pump(Func<bool> until, int timeoutMs)
        {
            long end = NowMicros + timeoutMs * 1000L;
            while (NowMicros < end)
            {
                Step();
                if (until()) return true;
                Thread.Sleep(1);
            }

            return false;
        }

        public void Step()
        {
            long now = NowMicros;
            if (now >= _nextFrame)
            {
                _tone.Read(_pcm, 0, 160);
                byte[] frame = new byte[160];
                MuLaw.Encode(_pcm, 0, frame, 0, 160);
                if (Server.PushFrame(frame, 0, 160) > 0)
                {
                    Sent.AddRange(_pcm);
                    Frames.Add(frame);
                }

                _nextFrame = _nextFrame == 0 ? now + 20000 : _nextFrame + 20000;
            }

            Server.Run(now);
        }

        public void Dispose()
        {
            Server.Stop();
            Rtp.Close();
            Rtcp.Close();
        }
    }

    /// <summary>An IDatagramSocket that keeps a copy of every datagram it sends (the server's own record of the wire).</summary>
    internal sealed class RecordingDatagramSocket : IDatagramSocket
    {
        private readonly IDatagramSocket _inner;
        public readonly List<byte[]> SentDatagrams = new List<byte[]>();

        public RecordingDatagramSocket(IDatagramSocket inner) => _inner = inner;

        /// <summary>Off for allocation measurements (the copies are the test's, not the server's).</summary>
        public bool Recording { get; set; } = true;

        public int LocalPort => _inner.LocalPort;
        public DatagramStatus Bind(uint localAddress, int localPort) => _inner.Bind(localAddress, localPort);

        public DatagramStatus SendTo(byte[] buffer, int offset, int count, uint remoteAddress, int remotePort)
        {
            if (Recording)
            {
                lock (SentDatagrams) SentDatagrams.Add(buffer.AsSpan(offset, count).ToArray());
            }

            return _inner.SendTo(buffer, offset, count, remoteAddress, remotePort);
        }

        public DatagramStatus ReceiveFrom(byte[] buffer, int offset, int count, out int received, out uint remoteAddress, out int remotePort)
            => _inner.ReceiveFrom(buffer, offset, count, out received, out remoteAddress, out remotePort);

        public bool Poll(int timeoutMicroseconds) => _inner.Poll(timeoutMicroseconds);
        public void Close() => _inner.Close();
    }
}
