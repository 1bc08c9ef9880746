using System;
using NanoMikey.Firmware.Call;
using NanoMikey.Firmware.Config;
using NanoMikey.Firmware.Hal;
using NanoMikey.Firmware.Keys;
using NanoMikey.Firmware.Runtime;
using NanoMikey.Mikey.Ecc;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Net.Sockets;
using NanoMikey.Sip.Auth;
using NanoMikey.Sip.Keying;
using NanoMikey.Sip.UserAgent;

namespace NanoMikey.Firmware.Roles
{
    /// <summary>
    /// An intercom on SIP: registers with the configured registrar (also its outbound proxy), a door station calls
    /// <see cref="DeviceConfig.SipCall"/> on its call button, an indoor unit rings and answers after
    /// <see cref="DeviceConfig.SipAnswerMillis"/> (or on <see cref="Answer"/>). Calls are keyed with MIKEY in SDP (RFC 4567)
    /// from the device's key store (PSK, or ECDH-SIGN with certificates: the offerers <see cref="DeviceStack"/> builds) and
    /// audio runs on the media channel (SRTP both ways, SRTCP) with the winner's keys of a forked call (RFC 5197 §5.2).
    /// Early media from a 183 is keyed per fork by the user agent but not played: the one media channel starts at the 200.
    /// Not [HotPath]: its tick runs SIP signalling, which builds strings; the media channel underneath is.
    /// </summary>
    public sealed class SipIntercom : IDeviceTask
    {
        private const int RegisterExpiresSeconds = 300;

        private readonly DeviceStack _stack;
        private readonly SipUserAgent _ua;
        private readonly SipMikeyAnswerer _answerer = new SipMikeyAnswerer();
        private readonly SipMikeyCalleeKeying? _callee;
        private readonly SipMikeyCallerKeying? _caller;
        private readonly string? _callUri;
        private readonly string _registrarUri;
        private readonly DigestCredentials? _credentials;
        private readonly MediaStatistics _total = new MediaStatistics();
        private bool _registerPending = true;
        private bool _callPending;
        private bool _answerPending;
        private long _callEnds = long.MaxValue;
        private SipCallState _lastCallState;

        /// <summary>Creates the intercom; throws <see cref="InvalidOperationException"/> when the configuration has no registrar or user, or a socket cannot be bound.</summary>
        /// <param name="config">Its configuration (role intercom with <c>sip-registrar</c> and <c>sip-user</c>).</param>
        /// <param name="platform">The board.</param>
        public SipIntercom(DeviceConfig config, DevicePlatform platform)
        {
            _stack = new DeviceStack(config, platform);
            if (config.SipRegistrarAddress == 0 || config.SipUser == null) throw new InvalidOperationException();
            string domain = config.SipDomain ?? IPv4.ToText(config.SipRegistrarAddress);
            _registrarUri = "sip:" + domain;
            if (config.SipPassword != null) _credentials = new DigestCredentials(config.SipUser, null, config.SipPassword);

            INetworkInterface net = platform.Network;
            IDatagramSocket sip = net.CreateUdpSocket();
            if (sip.Bind(net.LocalAddress, config.SipPort) != DatagramStatus.Ok) throw new InvalidOperationException();

            var options = new SipUserAgentOptions();
            options.LocalUri = "sip:" + config.SipUser + "@" + domain;
            options.LocalAddress = config.Address;
            options.MediaAddress = config.Address;
            options.MediaPort = config.RtpPort;
            options.OutboundProxyAddress = config.SipRegistrarAddress;
            options.OutboundProxyPort = config.SipRegistrarPort;
            options.AutoAnswerDelayMicros = config.SipAnswerMillis < 0 ? -1 : config.SipAnswerMillis * 1000L;
            options.EarlyMedia = true;

            KeyStore keys = _stack.Keys;
            if (keys.PreSharedKeyLength > 0)
            {
                var r = new PskResponder(platform.Aes, _stack.Clock, _stack.ReplayCache);
                r.SetPreSharedKey(keys.PreSharedKey, 0, keys.PreSharedKeyLength);
                if (keys.IdentityLength > 0) r.SetIdentity(IdType.Uri, keys.Identity, 0, keys.IdentityLength);
                _answerer.Accept(MikeyMode.Psk, r);
            }

            if (keys.HasCertificate)
            {
                _answerer.Accept(MikeyMode.EcdhSign, new EcdhSignResponder(_stack.Random, _stack.Clock, _stack.ReplayCache, keys.Credentials, keys.PeerTrust));
            }

            if (_answerer.Modes != MikeyMode.None)
            {
                _callee = new SipMikeyCalleeKeying(_answerer);
                NewOwnStream();
            }

            _ua = new SipUserAgent(sip, options, platform.Entropy, _callee);

            if (config.SipCall != null)
            {
                // Whose answers key the call: the configured peer identity, else anyone the PSK or the trust anchors
                // authenticate (RFC 5197 §5.2 retargeting is judged by the identity inside the answer).
                var policy = new SipAnswerPolicy();
                byte[]? peerId = config.PeerIdentity;
                if (peerId != null) policy.Allow(peerId, 0, peerId.Length);
                else policy.AcceptAnyAuthenticated = true;
                var offer = new SipMikeyOffer(_stack.Random, _stack.PskOfferer, _stack.EcdhSignOfferer, policy, config.Identity);
                _caller = new SipMikeyCallerKeying(offer, config.CreatePolicy(), 1);
                _callUri = "sip:" + config.SipCall + "@" + domain;
                var target = new SipMikeyTarget(_callUri);
                target.PeerModes = config.PeerModes;
                target.CertificateTrusted = keys.TrustsPeers;
                if (keys.PreSharedKeyLength > 0) target.SetPreSharedKey(keys.PreSharedKey, 0, keys.PreSharedKeyLength);
                if (peerId != null) target.SetIdentity(peerId, 0, peerId.Length);
                _caller.AddTarget(target);
            }
        }

        /// <summary>The blocks underneath (clock, key store, media).</summary>
        public DeviceStack Stack
        {
            get { return _stack; }
        }

        /// <summary>The SIP user agent.</summary>
        public SipUserAgent UserAgent
        {
            get { return _ua; }
        }

        /// <summary>The caller keying (null when no <c>sip-call</c> is configured).</summary>
        public SipMikeyCallerKeying? CallerKeying
        {
            get { return _caller; }
        }

        /// <summary>The callee keying (null when the key store allows no mode).</summary>
        public SipMikeyCalleeKeying? CalleeKeying
        {
            get { return _callee; }
        }

        /// <summary>True once the registrar accepted our contact.</summary>
        public bool Registered
        {
            get { return _ua.Registration.State == SipRegistrationState.Registered; }
        }

        /// <summary>The station's state.</summary>
        public StationState State { get; private set; }

        /// <summary>Calls that reached media.</summary>
        public int Calls { get; private set; }

        /// <summary>Calls that ended before media (refused, failed, keying refused).</summary>
        public int CallFailures { get; private set; }

        /// <summary>Counters of finished calls (the running call's are in the media channel).</summary>
        public MediaStatistics Totals
        {
            get { return _total; }
        }

        /// <summary>The call button: calls <see cref="DeviceConfig.SipCall"/> once the clock is synchronised (MIKEY timestamps).</summary>
        public void PressCall()
        {
            if (_caller != null && (State == StationState.Idle || State == StationState.Failed)) _callPending = true;
        }

        /// <summary>Picks up a ringing call (an indoor unit without auto-answer).</summary>
        public void Answer()
        {
            if (State == StationState.Ringing) _answerPending = true;
        }

        /// <summary>Hangs up (CANCEL, BYE or a refusal, as the call stands): media stops and the call's keys are wiped.</summary>
        /// <param name="nowMicros">The monotonic tick.</param>
        public void HangUp(long nowMicros)
        {
            _callPending = false;
            _answerPending = false;
            SipCallState s = _ua.CallState;
            if (s != SipCallState.Idle && s != SipCallState.Ended && s != SipCallState.Failed) _ua.Hangup(nowMicros);
            EndMedia();
            State = StationState.Idle;
        }

        /// <inheritdoc/>
        public long NextDueMicros
        {
            get
            {
                if (_registerPending || _callPending || _answerPending) return 0;
                long next = _stack.ServicesDueMicros;
                long t = _ua.NextDueMicros;
                if (t < next) next = t;
                t = _stack.Media.NextDueMicros;
                if (t < next) next = t;
                if (_callEnds < next) next = _callEnds;
                return next;
            }
        }

        /// <inheritdoc/>
        public void Run(long nowMicros)
        {
            _stack.RunServices(nowMicros);
            if (_registerPending)
            {
                _registerPending = false;
                _ua.Register(_registrarUri, RegisterExpiresSeconds, _credentials, nowMicros);
            }

            if (_callPending)
            {
                if (!_stack.Clock.IsSynchronised)
                {
                    State = StationState.WaitingForTime;
                }
                else
                {
                    _callPending = false;
                    if (_ua.Call(_callUri!, _caller!, nowMicros) == SipCallFailure.None) State = StationState.Keying;
                    else Fail();
                }
            }

            if (_answerPending)
            {
                _answerPending = false;
                _ua.Answer(nowMicros);
            }

            _ua.Run(nowMicros);
            Follow(nowMicros);
            _stack.Media.Run(nowMicros);
            // Our call length is up, or the peer ended its stream (RTCP BYE, played out).
            if (State == StationState.InCall && (nowMicros >= _callEnds || _stack.Media.PeerEnded)) HangUp(nowMicros);
        }

        // Follows the user agent's call into the station's state and the media channel.
        private void Follow(long nowMicros)
        {
            SipCallState s = _ua.CallState;
            if (s == SipCallState.Established && State != StationState.InCall)
            {
                CryptoSessionBundle? keys = _ua.ActiveCallKeys;
                if (keys != null && _stack.StartMedia(keys, _ua.IsCaller, _ua.RemoteMediaAddress, _ua.RemoteMediaPort, true, true, nowMicros))
                {
                    Calls++;
                    State = StationState.InCall;
                    int seconds = _stack.Config.StreamSeconds;
                    _callEnds = seconds > 0 ? nowMicros + seconds * 1000000L : long.MaxValue;
                }
                else
                {
                    _ua.Hangup(nowMicros);
                    Fail();
                }
            }
            else if (!_ua.IsCaller && (s == SipCallState.Incoming || s == SipCallState.Answering) && State == StationState.Idle)
            {
                State = StationState.Ringing;
            }
            else if ((s == SipCallState.Ended || s == SipCallState.Failed) && s != _lastCallState)
            {
                if (State == StationState.InCall || (State == StationState.Ringing && s == SipCallState.Ended)) State = StationState.Idle;
                else if (State == StationState.Keying || State == StationState.Ringing) Fail();
                EndMedia();
                // A fresh SSRC for the next answer: responders sharing a PSK must not reuse one (RFC 3711 §9.1, two-time pad).
                if (_callee != null) NewOwnStream();
            }

            _lastCallState = s;
        }

        private void EndMedia()
        {
            _stack.Media.EndInto(_total);
            _callEnds = long.MaxValue;
        }

        private void Fail()
        {
            CallFailures++;
            State = StationState.Failed;
        }

        private void NewOwnStream()
        {
            if ((_answerer.Modes & MikeyMode.Psk) == 0) return;
            _answerer.SetOwnStream(_stack.NewSsrc(0));
        }
    }
}
