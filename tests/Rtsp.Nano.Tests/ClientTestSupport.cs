using System.Diagnostics;
using NanoMikey.Crypto.Random;
using NanoMikey.Emulator.Audio;
using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Time;
using NanoMikey.Net.Sockets;
using NanoMikey.Rtsp.Client;

namespace NanoMikey.Rtsp.Tests
{
    /// <summary>The host clock as MIKEY sees it (NTP-UTC, synchronised: the fixture runs on the same machine).</summary>
    internal sealed class ClientSystemClock : IMikeyClock
    {
        public ulong NtpNow
        {
            get
            {
                // RFC 5905 §6: seconds since 1900 in the high 32 bits, fraction in the low 32.
                TimeSpan t = DateTime.UtcNow - new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                ulong seconds = (ulong)t.Ticks / TimeSpan.TicksPerSecond;
                ulong fraction = ((ulong)t.Ticks % TimeSpan.TicksPerSecond << 32) / TimeSpan.TicksPerSecond;
                return seconds << 32 | fraction;
            }
        }

        public uint OffsetBoundSeconds => 1;
    }

    /// <summary>The emulator's tone as the client's microphone, keeping a copy of what was sent.</summary>
    internal sealed class ClientToneSource : IRtspAudioSource
    {
        private readonly ToneSource _tone;
        public readonly List<short> Sent = new List<short>(200000);

        public ClientToneSource(double hz, double amplitude) => _tone = new ToneSource(ToneShape.Sine, hz, amplitude);

        public void Read(short[] samples, int offset, int count)
        {
            _tone.Read(samples, offset, count);
            for (int i = 0; i < count; i++) Sent.Add(samples[offset + i]);
        }
    }

    /// <summary>Collects what a playing client decoded.</summary>
    internal sealed class ClientPcmSink : IRtspAudioSink
    {
        public readonly List<short> Received = new List<short>(200000);

        public void Write(short[] samples, int offset, int count)
        {
            for (int i = 0; i < count; i++) Received.Add(samples[offset + i]);
        }
    }

    /// <summary>A client wired to real sockets, keyed the GStreamer way (MIKEY-NULL, TEK = key ‖ salt, GStreamer quirks).</summary>
    internal sealed class ClientHarness : IDisposable
    {
        /// <summary>
        /// Pass mark for audio that crossed GStreamer: one µ-law quantisation of a half-scale tone gives about 35-38 dB
        /// (SignalToNoise's remarks; 36.5 dB seen here); 30 dB leaves room for that spread and is far above what a wrong key
        /// (noise or nothing: 0 dB or less), a misaligned stream or a lost stretch gives (one lost 20 ms packet in 4 s
        /// already costs about 20 dB).
        /// </summary>
        public const double MinSnrDb = 30;

        public readonly HostStreamSocket Control = new HostStreamSocket();
        public readonly HostDatagramSocket Rtp = new HostDatagramSocket();
        public readonly HostDatagramSocket Rtcp = new HostDatagramSocket();
        public readonly ClientSystemClock Clock = new ClientSystemClock();
        public readonly PskInitiator Offerer;
        public readonly PskResponder Responder;
        public readonly RtspClient Client;
        private readonly Stopwatch _ticks = Stopwatch.StartNew();

        public ClientHarness(RtspClientMode mode, int seed = 1, byte[]? responderPsk = null)
        {
            Assert.Equal(DatagramStatus.Ok, Rtp.Bind(IPv4.Loopback, 0));
            Assert.Equal(DatagramStatus.Ok, Rtcp.Bind(IPv4.Loopback, 0));
            var entropy = new byte[32];
            new Random(seed).NextBytes(entropy);
            var drbg = new HmacDrbg(entropy, new byte[16], null, 1 << 16);
            Offerer = new PskInitiator(new HostAesEngineFactory(), drbg, Clock) { UseNullMode = true, KeyTransport = KeyDataType.Tek };
            Responder = new PskResponder(new HostAesEngineFactory(), Clock, new ReplayCache(16, Clock, new FreshnessPolicy()))
            {
                AcceptNullMode = responderPsk == null,
                Quirks = MikeyQuirks.GStreamerTagLengthInAuthKeyLength | MikeyQuirks.GStreamerAesGcmDefaults,
            };
            if (responderPsk != null) Responder.SetPreSharedKey(responderPsk, 0, responderPsk.Length);
            Client = new RtspClient(mode, Control, Rtp, Rtcp, Offerer, Responder, new HostAesEngineFactory(), Clock, "nanomikey@test"u8.ToArray());
        }

        /// <summary>While set, bytes allocated inside Client.Run are added to <see cref="AllocatedInRun"/>.</summary>
        public bool Measuring;
        public long AllocatedInRun;
        public int MeasuredRuns;

        public long Now => _ticks.ElapsedTicks * 1000000 / Stopwatch.Frequency;

        /// <summary>Runs the client as a device loop would (sleeping until it is due, at most 5 ms) until the condition holds.</summary>
        public bool RunUntil(Func<bool> done, int timeoutMs)
        {
            long end = Now + timeoutMs * 1000L;
            while (Now < end)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                Client.Run(Now);
                if (Measuring)
                {
                    long d = GC.GetAllocatedBytesForCurrentThread() - before;
                    AllocatedInRun += d;
                    MeasuredRuns++;
                }

                if (done()) return true;
                long wait = Client.NextDueMicros - Now;
                Thread.Sleep(wait <= 0 ? 0 : (int)Math.Min(5, wait / 1000 + 1));
            }

            return done();
        }

        public void Dispose()
        {
            Control.Dispose();
            Rtp.Dispose();
            Rtcp.Dispose();
        }
    }
}
