using System;
using NanoMikey.Mikey.Modes;

namespace NanoMikey.Firmware.Config
{
    /// <summary>
    /// Reads the device configuration text: one <c>key = value</c> per line, <c>#</c> starts a comment, keys in lower case,
    /// repeatable keys (<c>certificate</c>, <c>trust-anchor</c>, <c>sntp</c>) add one entry each. Binary values are hex.
    /// Example:
    /// <code>
    /// role = intercom
    /// name = door
    /// address = 10.0.0.10
    /// peer = 10.0.0.20
    /// identity = sip:door@example.com
    /// private-key = 5f1e...          # 32-byte P-256 scalar
    /// certificate = 3082...          # leaf first
    /// peer-certificate = 3082...     # the peer's leaf (ECIES, ECMQV)
    /// trust-anchor = 3082...
    /// sntp = 10.0.0.1:123
    /// sip-registrar = 10.0.0.1:5060  # an intercom on SIP (SipIntercom) instead of UDP 2269
    /// sip-domain = example.com
    /// sip-user = door
    /// sip-password = secret
    /// sip-call = flat            # the door station's call button calls this user
    /// sip-answer-ms = 1500       # an indoor unit answers by itself after this delay
    /// </code>
    /// Runs once at start-up (it allocates the key material's arrays); an unknown key is an error, so a typo is not silently
    /// ignored.
    /// </summary>
    public sealed class DeviceConfigReader
    {
        /// <summary>The 1-based line of the first problem (0 when none or when the problem is not on one line).</summary>
        public int ErrorLine { get; private set; }

        /// <summary>Reads <paramref name="text"/> into <paramref name="config"/> and checks the role has what it needs.</summary>
        /// <param name="text">The configuration text.</param>
        /// <param name="config">The configuration to fill (defaults kept for keys not given).</param>
        /// <returns>The outcome; on failure <paramref name="config"/> may be partly filled and must not be used.</returns>
        public ConfigStatus Read(string text, DeviceConfig config)
        {
            if (text == null || config == null) throw new ArgumentNullException();
            ErrorLine = 0;
            int line = 0;
            int start = 0;
            while (start <= text.Length)
            {
                int end = text.IndexOf('\n', start);
                if (end < 0) end = text.Length;
                line++;
                string raw = text.Substring(start, end - start);
                int hash = raw.IndexOf('#');
                if (hash >= 0) raw = raw.Substring(0, hash);
                raw = raw.Trim();
                if (raw.Length > 0)
                {
                    int eq = raw.IndexOf('=');
                    if (eq <= 0) return Error(ConfigStatus.Syntax, line);
                    string key = raw.Substring(0, eq).Trim();
                    string value = raw.Substring(eq + 1).Trim();
                    ConfigStatus s = Apply(config, key, value);
                    if (s != ConfigStatus.Ok) return Error(s, line);
                }

                start = end + 1;
            }

            return Validate(config);
        }

        /// <summary>Checks a configuration (read or filled in code) is complete for its role.</summary>
        /// <param name="config">The configuration.</param>
        /// <returns><see cref="ConfigStatus.Ok"/> or <see cref="ConfigStatus.Incomplete"/>.</returns>
        public static ConfigStatus Validate(DeviceConfig config)
        {
            if (config == null) throw new ArgumentNullException();
            if (config.Role == DeviceRole.None || config.Address == 0) return ConfigStatus.Incomplete;
            // An RTSP sensor serves its clients or records to an RTSP recorder instead of keying with a collector; in NULL mode
            // it needs no key of its own.
            bool rtsp = config.Role == DeviceRole.Sensor && (config.RtspPort != 0 || config.RtspRecordUri != null);
            if (config.Role == DeviceRole.Sensor && config.Peer == 0 && !rtsp) return ConfigStatus.Incomplete;
            if (config.RtspPort != 0 && config.RtspRecordUri != null) return ConfigStatus.Incomplete; // serve or record, not both
            // An intercom on SIP needs its user; the SIP keys mean nothing without a registrar.
            bool sip = config.SipRegistrarAddress != 0;
            if (sip && (config.Role != DeviceRole.Intercom || config.SipUser == null)) return ConfigStatus.Incomplete;
            if (!sip && (config.SipUser != null || config.SipCall != null || config.SipPassword != null)) return ConfigStatus.Incomplete;
            if (rtsp && config.RtspPskKeying && config.PreSharedKey == null) return ConfigStatus.Incomplete;
            if (rtsp && !config.RtspPskKeying) return ConfigStatus.Ok;
            bool psk = config.PreSharedKey != null;
            bool own = config.PrivateKey != null;
            bool trust = config.TrustAnchorCount > 0;
            if (!psk && !own && !trust) return ConfigStatus.Incomplete;
            if (own && config.Identity == null) return ConfigStatus.Incomplete;
            return ConfigStatus.Ok;
        }

        private ConfigStatus Error(ConfigStatus status, int line)
        {
            ErrorLine = line;
            return status;
        }

        private static ConfigStatus Apply(DeviceConfig c, string key, string value)
        {
            uint address;
            int number;
            byte[]? bytes;
            switch (key)
            {
                case "role":
                    if (value == "intercom") c.Role = DeviceRole.Intercom;
                    else if (value == "sensor") c.Role = DeviceRole.Sensor;
                    else if (value == "collector") c.Role = DeviceRole.Collector;
                    else return ConfigStatus.BadValue;
                    return ConfigStatus.Ok;
                case "name":
                    c.Name = value;
                    return ConfigStatus.Ok;
                case "address":
                    if (!TryParseAddress(value, out address) || address == 0) return ConfigStatus.BadValue;
                    c.Address = address;
                    return ConfigStatus.Ok;
                case "peer":
                    if (!TryParseAddress(value, out address)) return ConfigStatus.BadValue;
                    c.Peer = address;
                    return ConfigStatus.Ok;
                case "mikey-port":
                    if (!TryParsePort(value, out number)) return ConfigStatus.BadValue;
                    c.MikeyPort = number;
                    return ConfigStatus.Ok;
                case "rtp-port":
                    // RTCP takes the next port (RFC 3550 §11): the RTP port is even and leaves room for it.
                    if (!TryParsePort(value, out number) || number == 65535) return ConfigStatus.BadValue;
                    c.RtpPort = number;
                    return ConfigStatus.Ok;
                case "peer-modes":
                    MikeyMode modes = ParseModes(value);
                    if (modes == MikeyMode.None) return ConfigStatus.BadValue;
                    c.PeerModes = modes;
                    return ConfigStatus.Ok;
                case "mode":
                    if (value == "auto") { c.Mode = MikeyMode.None; return ConfigStatus.Ok; }
                    MikeyMode m = ParseMode(value);
                    if (m == MikeyMode.None) return ConfigStatus.BadValue;
                    c.Mode = m;
                    return ConfigStatus.Ok;
                case "prefer-lowest-cost":
                    if (value == "yes" || value == "true") c.PreferLowestCost = true;
                    else if (value == "no" || value == "false") c.PreferLowestCost = false;
                    else return ConfigStatus.BadValue;
                    return ConfigStatus.Ok;
                case "psk":
                    bytes = ParseHex(value);
                    if (bytes == null || bytes.Length < 16 || bytes.Length > 64) return ConfigStatus.BadValue;
                    c.PreSharedKey = bytes;
                    return ConfigStatus.Ok;
                case "identity":
                    if (value.Length == 0 || value.Length > 128) return ConfigStatus.BadValue;
                    c.Identity = Ascii(value);
                    return ConfigStatus.Ok;
                case "peer-identity":
                    if (value.Length == 0 || value.Length > 128) return ConfigStatus.BadValue;
                    c.PeerIdentity = Ascii(value);
                    return ConfigStatus.Ok;
                case "private-key":
                    bytes = ParseHex(value);
                    if (bytes == null || bytes.Length != 32) return ConfigStatus.BadValue;
                    c.PrivateKey = bytes;
                    return ConfigStatus.Ok;
                case "certificate":
                    bytes = ParseHex(value);
                    if (bytes == null || bytes.Length == 0) return ConfigStatus.BadValue;
                    return c.AddCertificate(bytes) ? ConfigStatus.Ok : ConfigStatus.TooMany;
                case "peer-certificate":
                    bytes = ParseHex(value);
                    if (bytes == null || bytes.Length == 0) return ConfigStatus.BadValue;
                    c.PeerCertificate = bytes;
                    return ConfigStatus.Ok;
                case "trust-anchor":
                    bytes = ParseHex(value);
                    if (bytes == null || bytes.Length == 0) return ConfigStatus.BadValue;
                    return c.AddTrustAnchor(bytes) ? ConfigStatus.Ok : ConfigStatus.TooMany;
                case "sntp":
                    if (!TryParseHostPort(value, 123, out address, out number)) return ConfigStatus.BadValue;
                    return c.AddTimeServer(address, number) ? ConfigStatus.Ok : ConfigStatus.TooMany;
                case "profile":
                    if (value == "AES_CM_128_HMAC_SHA1_80") c.Profile = SrtpProfile.AesCm128HmacSha1_80;
                    else if (value == "AES_CM_128_HMAC_SHA1_32") c.Profile = SrtpProfile.AesCm128HmacSha1_32;
                    else if (value == "AEAD_AES_128_GCM") c.Profile = SrtpProfile.AeadAes128Gcm;
                    else if (value == "AES_256_CM_HMAC_SHA1_80") c.Profile = SrtpProfile.AesCm256HmacSha1_80;
                    else if (value == "AEAD_AES_256_GCM") c.Profile = SrtpProfile.AeadAes256Gcm;
                    else return ConfigStatus.BadValue;
                    return ConfigStatus.Ok;
                case "codec":
                    if (value == "pcmu") c.Codec = MediaCodec.Pcmu;
                    else if (value == "pcma") c.Codec = MediaCodec.Pcma;
                    else return ConfigStatus.BadValue;
                    return ConfigStatus.Ok;
                case "stream-seconds":
                    if (!TryParseNumber(value, 86400, out number)) return ConfigStatus.BadValue;
                    c.StreamSeconds = number;
                    return ConfigStatus.Ok;
                case "sleep-seconds":
                    if (!TryParseNumber(value, 86400, out number)) return ConfigStatus.BadValue;
                    c.SleepSeconds = number;
                    return ConfigStatus.Ok;
                case "cycles":
                    if (!TryParseNumber(value, 1000000, out number)) return ConfigStatus.BadValue;
                    c.Cycles = number;
                    return ConfigStatus.Ok;
                case "rtsp-port":
                    if (!TryParsePort(value, out number) || number == 0) return ConfigStatus.BadValue;
                    c.RtspPort = number;
                    return ConfigStatus.Ok;
                case "rtsp-path":
                    if (!IsToken(value, 32, false)) return ConfigStatus.BadValue;
                    c.RtspPath = value;
                    return ConfigStatus.Ok;
                case "rtsp-clients":
                    if (!TryParseNumber(value, DeviceConfig.MaxRtspClients, out number) || number < 1) return ConfigStatus.BadValue;
                    c.RtspClients = number;
                    return ConfigStatus.Ok;
                case "rtsp-record":
                    return c.SetRtspRecordUri(value) ? ConfigStatus.Ok : ConfigStatus.BadValue;
                case "rtsp-keying":
                    if (value == "null") c.RtspPskKeying = false;
                    else if (value == "psk") c.RtspPskKeying = true;
                    else return ConfigStatus.BadValue;
                    return ConfigStatus.Ok;
                case "jitter-frames":
                    if (!TryParseNumber(value, 50, out number) || number < 1) return ConfigStatus.BadValue;
                    c.JitterFrames = number;
                    return ConfigStatus.Ok;
                case "sip-registrar":
                    if (!TryParseHostPort(value, DeviceConfig.DefaultSipPort, out address, out number)) return ConfigStatus.BadValue;
                    c.SipRegistrarAddress = address;
                    c.SipRegistrarPort = number;
                    return ConfigStatus.Ok;
                case "sip-domain":
                    if (!IsToken(value, 64, true)) return ConfigStatus.BadValue;
                    c.SipDomain = value;
                    return ConfigStatus.Ok;
                case "sip-user":
                    if (!IsToken(value, 64, false)) return ConfigStatus.BadValue;
                    c.SipUser = value;
                    return ConfigStatus.Ok;
                case "sip-password":
                    if (value.Length == 0 || value.Length > 64) return ConfigStatus.BadValue;
                    c.SipPassword = value;
                    return ConfigStatus.Ok;
                case "sip-call":
                    if (!IsToken(value, 64, false)) return ConfigStatus.BadValue;
                    c.SipCall = value;
                    return ConfigStatus.Ok;
                case "sip-answer-ms":
                    if (!TryParseNumber(value, 600000, out number)) return ConfigStatus.BadValue;
                    c.SipAnswerMillis = number;
                    return ConfigStatus.Ok;
                case "sip-port":
                    if (!TryParsePort(value, out number)) return ConfigStatus.BadValue;
                    c.SipPort = number;
                    return ConfigStatus.Ok;
                default:
                    return ConfigStatus.UnknownKey;
            }
        }

        private static bool TryParseHostPort(string value, int defaultPort, out uint address, out int port)
        {
            int colon = value.IndexOf(':');
            port = defaultPort;
            address = 0;
            string host = colon < 0 ? value : value.Substring(0, colon);
            if (colon >= 0 && !TryParsePort(value.Substring(colon + 1), out port)) return false;
            return TryParseAddress(host, out address) && address != 0;
        }

        // An RTSP path segment (RFC 2326 §3.2 abs_path: max 32) or a SIP user or domain (RFC 3261 §25.1 unreserved, max 64;
        // a domain may carry :port): [A-Za-z0-9._-] only, so the URL or URI needs no escaping.
        private static bool IsToken(string s, int max, bool colon)
        {
            if (s.Length < 1 || s.Length > max) return false;
            for (int i = 0; i < s.Length; i++)
            {
                char ch = s[i];
                bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '-';
                if (!ok && !(colon && ch == ':')) return false;
            }

            return true;
        }

        /// <summary>Parses a dotted-quad IPv4 address.</summary>
        /// <param name="s">The text.</param>
        /// <param name="address">The address (network order read big-endian).</param>
        /// <returns>False when it is not four numbers 0..255.</returns>
        public static bool TryParseAddress(string s, out uint address)
        {
            address = 0;
            int part = 0;
            int value = -1;
            for (int i = 0; i <= s.Length; i++)
            {
                char ch = i < s.Length ? s[i] : '.';
                if (ch >= '0' && ch <= '9')
                {
                    value = (value < 0 ? 0 : value * 10) + (ch - '0');
                    if (value > 255) return false;
                }
                else if (ch == '.')
                {
                    if (value < 0 || part == 4) return false;
                    address = (address << 8) | (uint)value;
                    part++;
                    value = -1;
                }
                else
                {
                    return false;
                }
            }

            return part == 4;
        }

        internal static bool TryParsePort(string s, out int port)
        {
            return TryParseNumber(s, 65535, out port) && port > 0;
        }

        private static bool TryParseNumber(string s, int max, out int n)
        {
            n = 0;
            if (s.Length == 0 || s.Length > 9) return false;
            for (int i = 0; i < s.Length; i++)
            {
                char ch = s[i];
                if (ch < '0' || ch > '9') return false;
                n = n * 10 + (ch - '0');
            }

            return n <= max;
        }

        private static MikeyMode ParseModes(string s)
        {
            MikeyMode all = MikeyMode.None;
            int start = 0;
            for (int i = 0; i <= s.Length; i++)
            {
                if (i < s.Length && s[i] != ',' && s[i] != ' ') continue;
                if (i > start)
                {
                    MikeyMode m = ParseMode(s.Substring(start, i - start));
                    if (m == MikeyMode.None) return MikeyMode.None;
                    all |= m;
                }

                start = i + 1;
            }

            return all;
        }

        private static MikeyMode ParseMode(string s)
        {
            if (s == "psk") return MikeyMode.Psk;
            if (s == "null") return MikeyMode.Null;
            if (s == "ecdh-sign") return MikeyMode.EcdhSign;
            if (s == "ecies") return MikeyMode.Ecies;
            if (s == "ecmqv") return MikeyMode.Ecmqv;
            return MikeyMode.None;
        }

        private static byte[]? ParseHex(string s)
        {
            if (s.Length == 0 || (s.Length & 1) != 0) return null;
            byte[] b = new byte[s.Length / 2];
            for (int i = 0; i < b.Length; i++)
            {
                int hi = Nibble(s[2 * i]);
                int lo = Nibble(s[2 * i + 1]);
                if (hi < 0 || lo < 0) return null;
                b[i] = (byte)((hi << 4) | lo);
            }

            return b;
        }

        private static int Nibble(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }

        private static byte[] Ascii(string s)
        {
            byte[] b = new byte[s.Length];
            for (int i = 0; i < s.Length; i++) b[i] = (byte)s[i];
            return b;
        }
    }
}
