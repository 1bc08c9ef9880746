using System;
using NanoMikey.Crypto.Random;
using NanoMikey.Firmware.Call;
using NanoMikey.Firmware.Config;
using NanoMikey.Firmware.Hal;
using NanoMikey.Firmware.Keying;
using NanoMikey.Firmware.Keys;
using NanoMikey.Mikey.Ecc.Offers;
using NanoMikey.Mikey.Ecc;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Net.Sntp;
using NanoMikey.Net.Sockets;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Firmware.Runtime
{
    /// <summary>
    /// The blocks every role stands on, built once from the configuration: key store, DRBG, SNTP clock and client, replay
    /// cache, MIKEY over UDP 2269 (responder always listening; initiator on its own socket), the initiators of the modes the key
    /// material allows, and the media channel with its RTP/RTCP sockets. Everything is allocated here, at start-up.
    /// </summary>
    public sealed class DeviceStack
    {
        /// <summary>Room for one MIKEY message (an ECC message with one certificate is ~700 bytes).</summary>
        public const int MaxMikeyMessage = 2048;

        private readonly DeviceConfig _config;
        private readonly DevicePlatform _platform;
        private readonly KeyStore _keys = new KeyStore();
        private readonly HmacDrbg _drbg;
        private readonly SntpClock _clock;
        private readonly SntpClient? _sntp;
        private readonly ReplayCache _replay;
        private readonly IDatagramSocket _mikeySocket;
        private readonly IDatagramSocket _offerSocket;
        private readonly IDatagramSocket _rtpSocket;
        private readonly IDatagramSocket _rtcpSocket;
        private readonly MikeyUdpResponder _responder;
        private readonly MikeyUdpInitiator _initiator;
        private readonly MediaChannel _media;
        private readonly PskOfferer? _pskOfferer;
        private readonly EccOfferer? _ecdhOfferer;
        private readonly EccOfferer? _eciesOfferer;
        private readonly EccOfferer? _ecmqvOfferer;
        private readonly byte[] _random = new byte[4];

        /// <summary>Builds the stack; throws <see cref="InvalidOperationException"/> when the configuration is incomplete or a socket cannot be bound.</summary>
        /// <param name="config">The device configuration (validated here).</param>
        /// <param name="platform">The board.</param>
        public DeviceStack(DeviceConfig config, DevicePlatform platform)
        {
            if (config == null || platform == null) throw new ArgumentNullException();
            if (DeviceConfigReader.Validate(config) != ConfigStatus.Ok || !_keys.Load(config)) throw new InvalidOperationException();
            _config = config;
            _platform = platform;
            _drbg = new HmacDrbg(platform.Entropy, Ascii(config.Name));
            _clock = new SntpClock(platform.Clock);
            _replay = new ReplayCache(32, _clock, new FreshnessPolicy());

            INetworkInterface net = platform.Network;
            _mikeySocket = Bound(net, config.MikeyPort);
            _offerSocket = Bound(net, 0);
            _rtpSocket = Bound(net, config.RtpPort);
            _rtcpSocket = Bound(net, config.RtpPort + 1);
            if (config.TimeServerCount > 0)
            {
                _drbg.Generate(_random, 0, 4);
                _sntp = new SntpClient(Bound(net, 0), platform.Clock, _clock, ReadUInt(_random));
                // A device cannot key before its first synchronisation: take the first burst's four samples 250 ms apart (the
                // poll interval, which RFC 4330 §10 asks to keep at 15 s or more, is unchanged).
                _sntp.BurstSpacingMicroseconds = 250000;
                for (int i = 0; i < config.TimeServerCount; i++) _sntp.AddServer(config.GetTimeServerAddress(i), config.GetTimeServerPort(i));
            }

            _responder = new MikeyUdpResponder(_mikeySocket, _clock, MaxMikeyMessage, 8);
            _initiator = new MikeyUdpInitiator(_offerSocket, MaxMikeyMessage);
            bool ecc = _keys.HasCertificate && _keys.TrustsPeers;
            if (_keys.PreSharedKeyLength > 0)
            {
                var r = new PskResponder(platform.Aes, _clock, _replay);
                r.SetPreSharedKey(_keys.PreSharedKey, 0, _keys.PreSharedKeyLength);
                if (_keys.IdentityLength > 0) r.SetIdentity(NanoMikey.Mikey.Payloads.IdType.Uri, _keys.Identity, 0, _keys.IdentityLength);
                _responder.Accept(MikeyMode.Psk, r);
                var i = new PskInitiator(platform.Aes, _drbg, _clock);
                i.SetPreSharedKey(_keys.PreSharedKey, 0, _keys.PreSharedKeyLength);
                i.RequestVerification = true;
                if (_keys.IdentityLength > 0)
                {
                    byte[]? peerId = config.PeerIdentity;
                    i.SetIdentities(NanoMikey.Mikey.Payloads.IdType.Uri, _keys.Identity, _keys.IdentityLength, peerId, peerId == null ? 0 : peerId.Length);
                }

                _pskOfferer = new PskOfferer(i);
            }

            if (_keys.HasCertificate)
            {
                EccCredentials c = _keys.Credentials;
                EccPeerTrust t = _keys.PeerTrust;
                _responder.Accept(MikeyMode.EcdhSign, new EcdhSignResponder(_drbg, _clock, _replay, c, t));
                _responder.Accept(MikeyMode.Ecies, new EciesResponder(platform.Aes, _clock, _replay, c, t));
                _responder.Accept(MikeyMode.Ecmqv, new EcmqvResponder(platform.Aes, _clock, _replay, c, t));
            }

            if (ecc)
            {
                EccCredentials c = _keys.Credentials;
                EccPeerTrust t = _keys.PeerTrust;
                _ecdhOfferer = new EccOfferer(new EcdhSignInitiator(_drbg, _clock, c, t));
                _ecmqvOfferer = new EccOfferer(new EcmqvInitiator(platform.Aes, _drbg, _clock, c, t));
            }

            if (_keys.TrustsPeers && _keys.IdentityLength > 0)
            {
                _eciesOfferer = new EccOfferer(new EciesInitiator(platform.Aes, _drbg, _clock, _keys.Credentials, _keys.PeerTrust));
            }

            if (config.PeerCertificate != null)
            {
                // ECIES and ECMQV need the responder's static key before the offer (RFC 5197 §4.1); a certificate that does
                // not validate leaves those modes unusable (their offers then fail) instead of trusting it.
                byte[] pc = config.PeerCertificate;
                if (_ecmqvOfferer != null) ((EccStaticKeyInitiator)_ecmqvOfferer.Initiator).SetResponderCertificate(pc, 0, pc.Length);
                if (_eciesOfferer != null) ((EccStaticKeyInitiator)_eciesOfferer.Initiator).SetResponderCertificate(pc, 0, pc.Length);
            }

            if (_ecmqvOfferer != null) ((EccStaticKeyInitiator)_ecmqvOfferer.Initiator).RequestVerification = true;
            if (_eciesOfferer != null) ((EccStaticKeyInitiator)_eciesOfferer.Initiator).RequestVerification = true;

            if (config.PeerIdentity != null)
            {
                byte[] id = config.PeerIdentity;
                if (_ecdhOfferer != null) _ecdhOfferer.Initiator.SetResponderIdentity(NanoMikey.Mikey.Payloads.IdType.Uri, id, 0, id.Length);
                if (_ecmqvOfferer != null) _ecmqvOfferer.Initiator.SetResponderIdentity(NanoMikey.Mikey.Payloads.IdType.Uri, id, 0, id.Length);
                if (_eciesOfferer != null) _eciesOfferer.Initiator.SetResponderIdentity(NanoMikey.Mikey.Payloads.IdType.Uri, id, 0, id.Length);
            }

            byte[] cname = Ascii(config.Name.Length > 0 ? config.Name : "nanomikey");
            _media = new MediaChannel(platform, _clock, config.Codec, config.JitterFrames, cname);
        }

        /// <summary>The configuration.</summary>
        public DeviceConfig Config
        {
            get { return _config; }
        }

        /// <summary>The board.</summary>
        public DevicePlatform Platform
        {
            get { return _platform; }
        }

        /// <summary>The key store.</summary>
        public KeyStore Keys
        {
            get { return _keys; }
        }

        /// <summary>The device's DRBG (keys, SSRCs, session ids).</summary>
        public HmacDrbg Random
        {
            get { return _drbg; }
        }

        /// <summary>The replay cache of every MIKEY message this device accepts (RFC 3830 §5.4), whatever carried it.</summary>
        public ReplayCache ReplayCache
        {
            get { return _replay; }
        }

        /// <summary>The SNTP-synchronised wall clock MIKEY's freshness checks use.</summary>
        public SntpClock Clock
        {
            get { return _clock; }
        }

        /// <summary>The SNTP client (null when no server is configured: the clock then never synchronises).</summary>
        public SntpClient? TimeClient
        {
            get { return _sntp; }
        }

        /// <summary>MIKEY responder on UDP 2269.</summary>
        public MikeyUdpResponder Responder
        {
            get { return _responder; }
        }

        /// <summary>MIKEY initiator (its own socket).</summary>
        public MikeyUdpInitiator Initiator
        {
            get { return _initiator; }
        }

        /// <summary>The media channel.</summary>
        public MediaChannel Media
        {
            get { return _media; }
        }

        /// <summary>The RTP socket.</summary>
        public IDatagramSocket RtpSocket
        {
            get { return _rtpSocket; }
        }

        /// <summary>The RTCP socket.</summary>
        public IDatagramSocket RtcpSocket
        {
            get { return _rtcpSocket; }
        }

        /// <summary>The PSK offerer (null without a pre-shared key); SIP keying reuses it (RFC 4567).</summary>
        public PskOfferer? PskOfferer
        {
            get { return _pskOfferer; }
        }

        /// <summary>The ECDH-SIGN offerer (null without a certificate and trust anchors); SIP keying reuses it.</summary>
        public EccOfferer? EcdhSignOfferer
        {
            get { return _ecdhOfferer; }
        }

        /// <summary>The mode this device offers its peer (configured, or what the key material selects).</summary>
        public MikeyMode OfferMode
        {
            get { return _keys.SelectMode(_config.Mode, _config.PeerModes, _config.PreferLowestCost); }
        }

        /// <summary>
        /// Starts a key exchange with the configured peer: two crypto sessions with fresh random SSRCs (CS 1 this side's
        /// stream, CS 2 the peer's; RFC 3830 §6.1.1 lets the initiator name both), offered in <see cref="OfferMode"/>.
        /// </summary>
        /// <param name="nowMicros">The monotonic tick.</param>
        /// <returns>False when no mode is possible or the offer could not be written.</returns>
        public bool StartKeying(long nowMicros)
        {
            IMikeyOfferer? o = Offerer(OfferMode);
            if (o == null) return false;
            o.Reset();
            uint own = NewSsrc(0);
            uint peer = NewSsrc(own);
            SrtpPolicy policy = _config.CreatePolicy();
            o.AddCryptoSession(own, 0, policy);
            o.AddCryptoSession(peer, 0, policy);
            return _initiator.Start(o, _config.Peer, _config.MikeyPort, nowMicros) == MikeyExchangeStatus.Ok;
        }

        /// <summary>Runs the clock and the MIKEY transports (the roles run the media).</summary>
        /// <param name="nowMicros">The monotonic tick.</param>
        public void RunServices(long nowMicros)
        {
            if (_sntp != null) _sntp.Run(nowMicros);
            _responder.Run(nowMicros);
            _initiator.Run(nowMicros);
        }

        /// <summary>When the services next have work without input.</summary>
        public long ServicesDueMicros
        {
            get
            {
                long next = _responder.NextDueMicros;
                long t = _initiator.NextDueMicros;
                if (t < next) next = t;
                if (_sntp != null)
                {
                    t = _sntp.NextDueMicros;
                    if (t < next) next = t;
                }

                return next;
            }
        }

        /// <summary>Starts media with the keys of a completed exchange.</summary>
        /// <param name="bundle">The bundle: CS 1 the initiator's stream, CS 2 the responder's.</param>
        /// <param name="initiator">This side initiated (it sends on CS 1).</param>
        /// <param name="peerAddress">The peer's address.</param>
        /// <param name="sendMedia">This side sends audio.</param>
        /// <param name="receiveMedia">This side plays the peer's audio.</param>
        /// <param name="nowMicros">The monotonic tick.</param>
        /// <returns>False when the bundle does not hold two crypto sessions.</returns>
        public bool StartMedia(CryptoSessionBundle bundle, bool initiator, uint peerAddress, bool sendMedia, bool receiveMedia, long nowMicros)
        {
            return StartMedia(bundle, initiator, peerAddress, _config.RtpPort, sendMedia, receiveMedia, nowMicros);
        }

        /// <summary>Starts media with the keys of a completed exchange, to the RTP port the peer named (its SDP's m= line).</summary>
        /// <param name="bundle">The bundle: CS 1 the initiator's stream, CS 2 the responder's.</param>
        /// <param name="initiator">This side initiated (it sends on CS 1).</param>
        /// <param name="peerAddress">The peer's address.</param>
        /// <param name="peerRtpPort">The peer's RTP port (RTCP the next one).</param>
        /// <param name="sendMedia">This side sends audio.</param>
        /// <param name="receiveMedia">This side plays the peer's audio.</param>
        /// <param name="nowMicros">The monotonic tick.</param>
        /// <returns>False when the bundle does not hold two crypto sessions.</returns>
        public bool StartMedia(CryptoSessionBundle bundle, bool initiator, uint peerAddress, int peerRtpPort, bool sendMedia, bool receiveMedia, long nowMicros)
        {
            if (bundle.Count < 2) return false;
            CryptoSession first = bundle.Get(0);
            CryptoSession second = bundle.Get(1);
            _media.Start(_rtpSocket, _rtcpSocket, peerAddress, peerRtpPort, initiator ? first : second, initiator ? second : first,
                sendMedia, receiveMedia, nowMicros);
            return true;
        }

        private IMikeyOfferer? Offerer(MikeyMode mode)
        {
            if (mode == MikeyMode.Psk) return _pskOfferer;
            if (mode == MikeyMode.EcdhSign) return _ecdhOfferer;
            if (mode == MikeyMode.Ecies) return _eciesOfferer;
            if (mode == MikeyMode.Ecmqv) return _ecmqvOfferer;
            return null;
        }

        /// <summary>A fresh random SSRC (RFC 3550 §8.1), never 0 and never <paramref name="avoid"/>.</summary>
        /// <param name="avoid">An SSRC it must differ from (0: none).</param>
        /// <returns>The SSRC.</returns>
        public uint NewSsrc(uint avoid)
        {
            // RFC 3550 §8.1: random SSRC; 0 is reserved here (unknown SSRC in MIKEY's CS map) and the two must differ.
            uint s;
            do
            {
                _drbg.Generate(_random, 0, 4);
                s = ReadUInt(_random);
            }
            while (s == 0 || s == avoid);
            return s;
        }

        private static uint ReadUInt(byte[] b)
        {
            return ((uint)b[0] << 24) | ((uint)b[1] << 16) | ((uint)b[2] << 8) | b[3];
        }

        private static IDatagramSocket Bound(INetworkInterface net, int port)
        {
            IDatagramSocket s = net.CreateUdpSocket();
            if (s.Bind(net.LocalAddress, port) != DatagramStatus.Ok) throw new InvalidOperationException();
            return s;
        }

        private static byte[] Ascii(string s)
        {
            byte[] b = new byte[s.Length];
            for (int i = 0; i < s.Length; i++) b[i] = (byte)s[i];
            return b;
        }
    }
}
