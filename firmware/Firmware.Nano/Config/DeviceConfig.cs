using System;
using NanoMikey.Mikey.Modes;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Firmware.Config
{
    /// <summary>
    /// A device's configuration: role, addresses, key material, time servers, media. Read from text by
    /// <see cref="DeviceConfigReader"/> (the same file on the board and in the emulator) or filled in code. Read once at
    /// start-up; nothing here is touched per packet.
    /// </summary>
    public sealed class DeviceConfig
    {
        /// <summary>Most certificates (chain, leaf first) or trust anchors a device keeps.</summary>
        public const int MaxCertificates = 4;

        /// <summary>Most SNTP servers.</summary>
        public const int MaxTimeServers = 4;

        /// <summary>The IANA port of MIKEY over UDP (RFC 3830 §A).</summary>
        public const int DefaultMikeyPort = 2269;

        /// <summary>The RTP port media is sent to and received on (RTCP on the next port, RFC 3550 §11).</summary>
        public const int DefaultRtpPort = 5004;

        /// <summary>Most RTSP clients a sensor serves at once (each costs a connection buffer and two SRTP contexts).</summary>
        public const int MaxRtspClients = 8;

        private readonly byte[][] _certificates = new byte[MaxCertificates][];
        private readonly byte[][] _anchors = new byte[MaxCertificates][];
        private readonly uint[] _sntpAddress = new uint[MaxTimeServers];
        private readonly int[] _sntpPort = new int[MaxTimeServers];

        /// <summary>Creates a configuration with the defaults: MIKEY on 2269, RTP on 5004, peer modes all, PCMU, AES_CM_128_HMAC_SHA1_80.</summary>
        public DeviceConfig()
        {
            Name = string.Empty;
            MikeyPort = DefaultMikeyPort;
            RtpPort = DefaultRtpPort;
            PeerModes = MikeyMode.Psk | MikeyMode.EcdhSign | MikeyMode.Ecies | MikeyMode.Ecmqv;
            Profile = SrtpProfile.AesCm128HmacSha1_80;
            Codec = MediaCodec.Pcmu;
            StreamSeconds = 10;
            JitterFrames = 3;
            Cycles = 1;
            RtspPath = "audio";
            RtspClients = 2;
            SipPort = DefaultSipPort;
            SipAnswerMillis = -1;
        }

        /// <summary>The UDP port SIP listens on when none is configured (RFC 3261 §19.1.2).</summary>
        public const int DefaultSipPort = 5060;

        /// <summary>The registrar (and outbound proxy) of an intercom on SIP; 0: the intercom keys over UDP 2269 instead.</summary>
        public uint SipRegistrarAddress { get; set; }

        /// <summary>The registrar's UDP port.</summary>
        public int SipRegistrarPort { get; set; }

        /// <summary>The SIP domain of our address-of-record (null: the registrar's address).</summary>
        public string? SipDomain { get; set; }

        /// <summary>Our SIP user (sip:user@domain), also the digest user name (RFC 7616 §3.4).</summary>
        public string? SipUser { get; set; }

        /// <summary>The digest password (null: the registrar does not challenge).</summary>
        public string? SipPassword { get; set; }

        /// <summary>The user a door station calls on its call button (null: this station only answers).</summary>
        public string? SipCall { get; set; }

        /// <summary>Auto-answer delay of an indoor unit in milliseconds; -1: it rings until answered by hand.</summary>
        public int SipAnswerMillis { get; set; }

        /// <summary>Our local SIP port.</summary>
        public int SipPort { get; set; }

        /// <summary>The TCP port a sensor serves RTSP on (RFC 2326; 554 is the IANA port); 0: no RTSP, the sensor streams to its collector.</summary>
        public int RtspPort { get; set; }

        /// <summary>The path of the sensor's RTSP stream (<c>rtsp://address:port/path</c>).</summary>
        public string RtspPath { get; set; }

        /// <summary>RTSP clients served at once (1..<see cref="MaxRtspClients"/>); one more gets 503.</summary>
        public int RtspClients { get; set; }

        /// <summary>
        /// MIKEY on RTSP: false (default) for NULL mode, what GStreamer and ONVIF speak (the key travels in clear inside the
        /// SDP and headers: protect the RTSP connection itself); true for PSK mode with <see cref="PreSharedKey"/>, when both
        /// ends are ours.
        /// </summary>
        public bool RtspPskKeying { get; set; }

        /// <summary>
        /// The recorder a sensor pushes its stream to with RTSP ANNOUNCE/RECORD (RFC 2326 §10.3, §10.11), as
        /// <c>rtsp://a.b.c.d[:port]/path</c>; null: none. Set through <see cref="SetRtspRecordUri"/>.
        /// </summary>
        public string? RtspRecordUri { get; private set; }

        /// <summary>The recorder's IPv4 address (from <see cref="RtspRecordUri"/>).</summary>
        public uint RtspRecordAddress { get; private set; }

        /// <summary>The recorder's RTSP port (from <see cref="RtspRecordUri"/>; 554 when the URI names none).</summary>
        public int RtspRecordPort { get; private set; }

        /// <summary>Sets the recorder from its URI: <c>rtsp://</c>, a dotted-quad address, an optional port, a path of [A-Za-z0-9._/-].</summary>
        /// <param name="uri">The URI, or null for none.</param>
        /// <returns>False (nothing changed) when the URI is not of that form.</returns>
        public bool SetRtspRecordUri(string? uri)
        {
            if (uri == null)
            {
                RtspRecordUri = null;
                RtspRecordAddress = 0;
                RtspRecordPort = 0;
                return true;
            }

            const string Scheme = "rtsp://";
            if (uri.Length <= Scheme.Length || uri.Length > 128 || uri.Substring(0, Scheme.Length) != Scheme) return false;
            int slash = uri.IndexOf('/', Scheme.Length);
            if (slash < 0 || slash == uri.Length - 1) return false;
            string host = uri.Substring(Scheme.Length, slash - Scheme.Length);
            int colon = host.IndexOf(':');
            int port = 554;
            if (colon >= 0)
            {
                if (!DeviceConfigReader.TryParsePort(host.Substring(colon + 1), out port) || port == 0) return false;
                host = host.Substring(0, colon);
            }

            uint address;
            if (!DeviceConfigReader.TryParseAddress(host, out address) || address == 0) return false;
            for (int i = slash; i < uri.Length; i++)
            {
                char ch = uri[i];
                bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '-' || ch == '/';
                if (!ok) return false;
            }

            RtspRecordUri = uri;
            RtspRecordAddress = address;
            RtspRecordPort = port;
            return true;
        }

        /// <summary>The role.</summary>
        public DeviceRole Role { get; set; }

        /// <summary>A name for logs and the RTCP CNAME.</summary>
        public string Name { get; set; }

        /// <summary>This device's IPv4 address.</summary>
        public uint Address { get; set; }

        /// <summary>The station to call or the collector to stream to (0: none, i.e. only answers).</summary>
        public uint Peer { get; set; }

        /// <summary>MIKEY's UDP port, on both sides.</summary>
        public int MikeyPort { get; set; }

        /// <summary>The RTP port, on both sides (RTCP: the next one).</summary>
        public int RtpPort { get; set; }

        /// <summary>Modes the peer supports.</summary>
        public MikeyMode PeerModes { get; set; }

        /// <summary>A mode forced by configuration, or <see cref="MikeyMode.None"/> to let the key material choose (RFC 5197 §7).</summary>
        public MikeyMode Mode { get; set; }

        /// <summary>Prefer the cheapest authenticated exchange (ECMQV over ECDH-SIGN) — battery devices.</summary>
        public bool PreferLowestCost { get; set; }

        /// <summary>The key shared with the peer (PSK mode), or null.</summary>
        public byte[]? PreSharedKey { get; set; }

        /// <summary>This device's identity (a URI, for the ID payloads), or null.</summary>
        public byte[]? Identity { get; set; }

        /// <summary>The identity the peer must prove (its certificate's subject alternative name), or null.</summary>
        public byte[]? PeerIdentity { get; set; }

        /// <summary>
        /// The peer's own certificate (DER), known in advance: ECIES encrypts to its key and ECMQV needs its static key
        /// (RFC 5197 §4.1); validated against the trust anchors before use. Null when the modes in use do not need it.
        /// </summary>
        public byte[]? PeerCertificate { get; set; }

        /// <summary>This device's P-256 private key (32-byte big-endian scalar), or null.</summary>
        public byte[]? PrivateKey { get; set; }

        /// <summary>Certificates in the chain, leaf first.</summary>
        public int CertificateCount { get; private set; }

        /// <summary>Trust anchors held.</summary>
        public int TrustAnchorCount { get; private set; }

        /// <summary>SNTP servers configured.</summary>
        public int TimeServerCount { get; private set; }

        /// <summary>The SRTP profile offered.</summary>
        public SrtpProfile Profile { get; set; }

        /// <summary>The audio codec.</summary>
        public MediaCodec Codec { get; set; }

        /// <summary>Seconds a call or a sensor's burst lasts (0: until hung up).</summary>
        public int StreamSeconds { get; set; }

        /// <summary>Seconds a sensor sleeps between bursts.</summary>
        public int SleepSeconds { get; set; }

        /// <summary>How many wake-key-stream-sleep cycles a sensor runs (0: forever).</summary>
        public int Cycles { get; set; }

        /// <summary>The jitter buffer's playout delay in 20 ms frames.</summary>
        public int JitterFrames { get; set; }

        /// <summary>Adds a certificate of the chain (leaf first).</summary>
        /// <param name="der">The DER bytes (kept, not copied).</param>
        /// <returns>False when the chain is full.</returns>
        public bool AddCertificate(byte[] der)
        {
            if (der == null) throw new ArgumentNullException();
            if (CertificateCount == MaxCertificates) return false;
            _certificates[CertificateCount++] = der;
            return true;
        }

        /// <summary>The certificate at <paramref name="index"/> (0 = leaf).</summary>
        /// <param name="index">Index below <see cref="CertificateCount"/>.</param>
        /// <returns>The DER bytes.</returns>
        public byte[] GetCertificate(int index)
        {
            if (index < 0 || index >= CertificateCount) throw new ArgumentOutOfRangeException();
            return _certificates[index];
        }

        /// <summary>Adds a trust anchor.</summary>
        /// <param name="der">The anchor certificate's DER bytes (kept, not copied).</param>
        /// <returns>False when full.</returns>
        public bool AddTrustAnchor(byte[] der)
        {
            if (der == null) throw new ArgumentNullException();
            if (TrustAnchorCount == MaxCertificates) return false;
            _anchors[TrustAnchorCount++] = der;
            return true;
        }

        /// <summary>The trust anchor at <paramref name="index"/>.</summary>
        /// <param name="index">Index below <see cref="TrustAnchorCount"/>.</param>
        /// <returns>The DER bytes.</returns>
        public byte[] GetTrustAnchor(int index)
        {
            if (index < 0 || index >= TrustAnchorCount) throw new ArgumentOutOfRangeException();
            return _anchors[index];
        }

        /// <summary>Adds an SNTP server.</summary>
        /// <param name="address">Its IPv4 address.</param>
        /// <param name="port">Its port (123 normally).</param>
        /// <returns>False when full.</returns>
        public bool AddTimeServer(uint address, int port)
        {
            if (port < 1 || port > 65535) throw new ArgumentOutOfRangeException();
            if (TimeServerCount == MaxTimeServers) return false;
            _sntpAddress[TimeServerCount] = address;
            _sntpPort[TimeServerCount] = port;
            TimeServerCount++;
            return true;
        }

        /// <summary>Forgets the SNTP servers.</summary>
        public void ClearTimeServers()
        {
            TimeServerCount = 0;
        }

        /// <summary>The address of SNTP server <paramref name="index"/>.</summary>
        /// <param name="index">Index below <see cref="TimeServerCount"/>.</param>
        /// <returns>The IPv4 address.</returns>
        public uint GetTimeServerAddress(int index)
        {
            if (index < 0 || index >= TimeServerCount) throw new ArgumentOutOfRangeException();
            return _sntpAddress[index];
        }

        /// <summary>The port of SNTP server <paramref name="index"/>.</summary>
        /// <param name="index">Index below <see cref="TimeServerCount"/>.</param>
        /// <returns>The port.</returns>
        public int GetTimeServerPort(int index)
        {
            if (index < 0 || index >= TimeServerCount) throw new ArgumentOutOfRangeException();
            return _sntpPort[index];
        }

        /// <summary>A new SRTP policy for <see cref="Profile"/>.</summary>
        /// <returns>The policy.</returns>
        public SrtpPolicy CreatePolicy()
        {
            if (Profile == SrtpProfile.AesCm128HmacSha1_32) return SrtpPolicy.AesCm128HmacSha1_32();
            if (Profile == SrtpProfile.AeadAes128Gcm) return SrtpPolicy.AeadAes128Gcm();
            if (Profile == SrtpProfile.AesCm256HmacSha1_80) return SrtpPolicy.AesCm256HmacSha1_80();
            if (Profile == SrtpProfile.AeadAes256Gcm) return SrtpPolicy.AeadAes256Gcm();
            return SrtpPolicy.AesCm128HmacSha1_80();
        }
    }
}
