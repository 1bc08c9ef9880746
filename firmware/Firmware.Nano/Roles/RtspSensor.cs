using System;
using NanoMikey.Crypto;
using NanoMikey.Firmware.Call;
using NanoMikey.Firmware.Config;
using NanoMikey.Firmware.Hal;
using NanoMikey.Firmware.Runtime;
using NanoMikey.Media.G711;
using NanoMikey.Net.Sockets;
using NanoMikey.Rtsp.Server;

namespace NanoMikey.Firmware.Roles
{
    /// <summary>
    /// A sensor that publishes its microphone over RTSP the way ONVIF devices do (RFC 2326, RFC 4567): it waits for the
    /// clock's SNTP synchronisation (MIKEY's timestamps need it), then serves <c>rtsp://address:rtsp-port/rtsp-path</c> with
    /// <see cref="RtspServer"/>: SDP with <c>RTP/SAVP</c> and a MIKEY message per client, SRTP to each playing client over
    /// UDP (the device's RTP/RTCP ports) or interleaved TCP. MIKEY-NULL by default (what GStreamer speaks), PSK with
    /// <c>rtsp-keying = psk</c>. A 20 ms G.711 frame is read from the microphone and pushed to every playing client.
    /// </summary>
    [HotPath]
    public sealed class RtspSensor : IDeviceTask
    {
        /// <summary>Samples per 20 ms frame at 8 kHz (the device's one frame size, <see cref="MediaChannel.FrameSamples"/>).</summary>
        public const int FrameSamples = MediaChannel.FrameSamples;

        /// <summary>The frame interval.</summary>
        public const long FrameMicros = MediaChannel.FrameMicros;

        private readonly DeviceStack _stack;
        private readonly DevicePlatform _platform;
        private readonly IStreamListener _listener;
        private readonly RtspServer _server;
        private readonly bool _pcma;
        private readonly short[] _pcm = new short[FrameSamples];
        private readonly byte[] _frame = new byte[FrameSamples];
        private long _nextFrame = long.MaxValue;
        private long _ends = long.MaxValue;

        /// <summary>Creates the sensor and starts listening; throws <see cref="InvalidOperationException"/> when the RTSP port cannot be bound.</summary>
        /// <param name="config">Its configuration (role sensor, <see cref="DeviceConfig.RtspPort"/> set).</param>
        /// <param name="platform">The board.</param>
        public RtspSensor(DeviceConfig config, DevicePlatform platform)
        {
            if (config == null || platform == null) throw new ArgumentNullException();
            if (config.RtspPort == 0) throw new ArgumentException();
            _stack = new DeviceStack(config, platform);
            _platform = platform;
            _pcma = config.Codec == MediaCodec.Pcma;
            var keys = new MikeyKeyManagement(platform.Aes, _stack.Random, _stack.Clock, _stack.ReplayCache, config.CreatePolicy());
            if (config.RtspPskKeying)
            {
                byte[] psk = config.PreSharedKey!;
                keys.SetPreSharedKey(psk, 0, psk.Length);
            }

            _listener = platform.Network.CreateTcpListener();
            if (_listener.Listen(IPv4.Any, config.RtspPort, 4) != StreamStatus.Ok) throw new InvalidOperationException();
            var options = new RtspServerOptions
            {
                Path = "/" + config.RtspPath,
                PayloadType = _pcma ? 8 : 0,
                MaxClients = config.RtspClients,
            };
            _server = new RtspServer(_listener, _stack.RtpSocket, _stack.RtcpSocket, keys, _stack.Random, _stack.Clock, options);
            FirstFrameServed = -1;
        }

        /// <summary>The blocks underneath (clock, sockets, DRBG).</summary>
        public DeviceStack Stack
        {
            get { return _stack; }
        }

        /// <summary>The RTSP server (counters, clients).</summary>
        public RtspServer Server
        {
            get { return _server; }
        }

        /// <summary>The sensor's state: waiting for time, then in call (serving) until the configured seconds are over.</summary>
        public StationState State { get; private set; }

        /// <summary>Frames read from the microphone since serving began.</summary>
        public int FramesRead { get; private set; }

        /// <summary>Frames that reached at least one playing client.</summary>
        public int FramesSent { get; private set; }

        /// <summary>The index of the first frame read that reached a client (-1: none yet): where a client's audio starts in the microphone's.</summary>
        public int FirstFrameServed { get; private set; }

        /// <summary>True when the configured stream seconds are over and the server is stopped (every client's keys wiped).</summary>
        public bool Finished { get; private set; }

        /// <inheritdoc/>
        public long NextDueMicros
        {
            get
            {
                long next = _stack.ServicesDueMicros;
                if (State == StationState.InCall)
                {
                    long t = _server.NextDueMicros;
                    if (t < next) next = t;
                    if (_nextFrame < next) next = _nextFrame;
                    if (_ends < next) next = _ends;
                }

                return next;
            }
        }

        /// <inheritdoc/>
        public void Run(long nowMicros)
        {
            _stack.RunServices(nowMicros);
            if (Finished) return;
            if (State != StationState.InCall)
            {
                // No DESCRIBE before the first synchronisation: the MIKEY timestamp would be wrong and clients would refuse
                // it (RFC 3830 §5.4). Connections wait in the listener's backlog meanwhile.
                if (!_stack.Clock.IsSynchronised)
                {
                    State = StationState.WaitingForTime;
                    return;
                }

                State = StationState.InCall;
                _nextFrame = nowMicros;
                int seconds = _stack.Config.StreamSeconds;
                _ends = seconds > 0 ? nowMicros + seconds * 1000000L : long.MaxValue;
            }

            _server.Run(nowMicros);
            // Catch up at most a few frames after a stall: the microphone's samples for them are read, the clients see a gap.
            for (int k = 0; k < 4 && nowMicros >= _nextFrame; k++)
            {
                ReadFrame();
                if (_server.PushFrame(_frame, 0, FrameSamples) > 0)
                {
                    if (FramesSent == 0) FirstFrameServed = FramesRead - 1;
                    FramesSent++;
                }

                _nextFrame += FrameMicros;
            }

            if (nowMicros >= _nextFrame) _nextFrame = nowMicros + FrameMicros;
            if (nowMicros >= _ends)
            {
                _server.Stop();
                Finished = true;
                State = StationState.Idle;
            }
        }

        private void ReadFrame()
        {
            IAudioSource? mic = _platform.AudioSource;
            if (mic != null) mic.Read(_pcm, 0, FrameSamples);
            else Array.Clear(_pcm, 0, FrameSamples);
            if (_pcma) ALaw.Encode(_pcm, 0, _frame, 0, FrameSamples);
            else MuLaw.Encode(_pcm, 0, _frame, 0, FrameSamples);
            FramesRead++;
        }
    }
}
