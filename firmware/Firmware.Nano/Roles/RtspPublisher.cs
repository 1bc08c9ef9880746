using System;
using NanoMikey.Crypto;
using NanoMikey.Firmware.Config;
using NanoMikey.Firmware.Hal;
using NanoMikey.Firmware.Runtime;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Rtsp.Client;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Firmware.Roles
{
    /// <summary>
    /// A sensor that pushes its microphone to an RTSP recorder (RFC 2326 §10.3 ANNOUNCE, §10.11 RECORD) configured by
    /// <c>rtsp-record</c>: it waits for the clock's SNTP synchronisation (MIKEY's timestamps need it), announces its stream
    /// with MIKEY in the SDP (RFC 4567; MIKEY-NULL by default as GStreamer and ONVIF recorders expect, PSK with
    /// <c>rtsp-keying = psk</c>), reads the recorder's key for its RTCP from the ANNOUNCE answer, records for the
    /// configured seconds over SRTP and tears down. A failed attempt is retried after <see cref="RetryMicros"/> with a new
    /// connection and new keys.
    /// </summary>
    /// <remarks>
    /// Not a <see cref="HotPathAttribute"/> type: its tick also runs the client's RTSP set-up, a handful of requests per
    /// session that build strings (URIs, SDP). The per-packet part, the client's media, is one (<c>RtspClientMedia</c>).
    /// </remarks>
    public sealed class RtspPublisher : IDeviceTask
    {
        /// <summary>Wait before a failed attempt is tried again.</summary>
        public const long RetryMicros = 5000000;

        private readonly DeviceStack _stack;
        private readonly DeviceConfig _config;
        private readonly DevicePlatform _platform;
        private readonly PskInitiator _offerer;
        private readonly PskResponder _responder;
        private readonly SrtpPolicy _policy;
        private readonly RtspMicrophone _microphone;
        private readonly byte[] _cname;
        private readonly byte[] _random = new byte[4];
        private RtspClient? _client;
        private long _ends = long.MaxValue;
        private long _retry;

        /// <summary>Creates the publisher; it starts once the clock is synchronised.</summary>
        /// <param name="config">Its configuration (role sensor, <see cref="DeviceConfig.RtspRecordUri"/> set).</param>
        /// <param name="platform">The board.</param>
        public RtspPublisher(DeviceConfig config, DevicePlatform platform)
        {
            if (config == null || platform == null) throw new ArgumentNullException();
            if (config.RtspRecordUri == null) throw new ArgumentException();
            _stack = new DeviceStack(config, platform);
            _config = config;
            _platform = platform;
            _policy = config.CreatePolicy();
            _offerer = new PskInitiator(platform.Aes, _stack.Random, _stack.Clock);
            _offerer.KeyTransport = KeyDataType.Tek;
            _responder = new PskResponder(platform.Aes, _stack.Clock, _stack.ReplayCache);
            if (config.RtspPskKeying)
            {
                byte[] psk = config.PreSharedKey!;
                _offerer.SetPreSharedKey(psk, 0, psk.Length);
                _responder.SetPreSharedKey(psk, 0, psk.Length);
            }
            else
            {
                // GStreamer's reading of MIKEY (peers.md): one TEK = key ‖ salt, SP type 3 as the tag length, one tag length
                // for SRTP and SRTCP (so a 32-bit tag is 32 bits on SRTCP too).
                _offerer.UseNullMode = true;
                _offerer.Quirks = MikeyQuirks.GStreamerTagLengthInAuthKeyLength;
                _responder.AcceptNullMode = true;
                _responder.Quirks = MikeyQuirks.GStreamerTagLengthInAuthKeyLength | MikeyQuirks.GStreamerAesGcmDefaults;
                if (_policy.EffectiveSrtpTagLength == 4) _policy.SrtcpAuthenticationTagLength = 4;
            }

            _microphone = new RtspMicrophone(platform.AudioSource);
            _cname = new byte[config.Name.Length > 0 ? config.Name.Length : 9];
            string name = config.Name.Length > 0 ? config.Name : "nanomikey";
            for (int i = 0; i < _cname.Length; i++) _cname[i] = (byte)name[i];
        }

        /// <summary>The blocks underneath (clock, sockets, DRBG).</summary>
        public DeviceStack Stack
        {
            get { return _stack; }
        }

        /// <summary>The RTSP client of the current attempt (null before the first).</summary>
        public RtspClient? Client
        {
            get { return _client; }
        }

        /// <summary>The publisher's state: waiting for time, keying (RTSP set-up), in call (recording), failed (waiting to retry).</summary>
        public StationState State { get; private set; }

        /// <summary>Attempts that failed (each retried after <see cref="RetryMicros"/>).</summary>
        public int Failures { get; private set; }

        /// <summary>Why the last attempt failed.</summary>
        public RtspClientStatus LastFailure { get; private set; }

        /// <summary>True when the configured seconds were recorded and the session torn down.</summary>
        public bool Finished { get; private set; }

        /// <inheritdoc/>
        public long NextDueMicros
        {
            get
            {
                long next = _stack.ServicesDueMicros;
                if (_client != null && (State == StationState.Keying || State == StationState.InCall))
                {
                    long t = _client.NextDueMicros;
                    if (t < next) next = t;
                    if (_ends < next) next = _ends;
                }

                if (State == StationState.Failed && _retry < next) next = _retry;
                return next;
            }
        }

        /// <inheritdoc/>
        public void Run(long nowMicros)
        {
            _stack.RunServices(nowMicros);
            if (Finished) return;
            switch (State)
            {
                case StationState.Idle:
                case StationState.WaitingForTime:
                    if (!_stack.Clock.IsSynchronised)
                    {
                        State = StationState.WaitingForTime;
                        return;
                    }

                    Begin(nowMicros);
                    break;
                case StationState.Failed:
                    if (nowMicros >= _retry) Begin(nowMicros);
                    break;
            }

            RtspClient? c = _client;
            if (c == null || (State != StationState.Keying && State != StationState.InCall)) return;
            c.Run(nowMicros);
            RtspClientState s = c.State;
            if (s == RtspClientState.Failed)
            {
                Fail(c.Failure, nowMicros);
            }
            else if (s == RtspClientState.Closed)
            {
                Finished = true;
                State = StationState.Idle;
            }
            else if (s == RtspClientState.Streaming && State == StationState.Keying)
            {
                State = StationState.InCall;
                int seconds = _config.StreamSeconds;
                _ends = seconds > 0 ? nowMicros + seconds * 1000000L : long.MaxValue;
            }
            else if (State == StationState.InCall && nowMicros >= _ends)
            {
                _ends = long.MaxValue;
                c.Stop(nowMicros);
            }
        }

        private void Begin(long nowMicros)
        {
            // A new connection and fresh keys per attempt: a client that failed has wiped its own.
            var c = new RtspClient(RtspClientMode.Record, _platform.Network.CreateTcpSocket(), _stack.RtpSocket, _stack.RtcpSocket,
                _offerer, _responder, _platform.Aes, _stack.Clock, _cname);
            c.Source = _microphone;
            _client = c;
            uint ssrc = 0;
            while (ssrc == 0)
            {
                _stack.Random.Generate(_random, 0, 4);
                ssrc = ((uint)_random[0] << 24) | ((uint)_random[1] << 16) | ((uint)_random[2] << 8) | _random[3];
            }

            State = StationState.Keying;
            RtspClientStatus st = c.Start(_config.RtspRecordAddress, _config.RtspRecordPort, _config.RtspRecordUri!, ssrc, _policy, nowMicros);
            if (st != RtspClientStatus.None) Fail(st, nowMicros);
        }

        private void Fail(RtspClientStatus why, long nowMicros)
        {
            LastFailure = why;
            Failures++;
            State = StationState.Failed;
            _retry = nowMicros + RetryMicros;
        }
    }
}
