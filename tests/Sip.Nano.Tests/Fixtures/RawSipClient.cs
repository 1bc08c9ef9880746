using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace NanoMikey.Sip.Tests.Fixtures
{
    /// <summary>
    /// A bare UDP SIP peer for proving the proxy fixture byte by byte (and for hostile input): sends text, receives
    /// responses, and computes digest responses with the host's MD5 / SHA-256 as an independent reference
    /// (RFC 2617 §3.2.2, RFC 8760 §2, qop=auth).
    /// </summary>
    public sealed class RawSipClient : IDisposable
    {
        private readonly Socket _socket;
        private readonly IPEndPoint _proxy;
        private readonly byte[] _buffer = new byte[65536];

        /// <summary>Binds 127.0.0.1:<paramref name="localPort"/> and talks to 127.0.0.1:<paramref name="proxyPort"/>.</summary>
        public RawSipClient(int localPort, int proxyPort)
        {
            _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            _socket.Bind(new IPEndPoint(IPAddress.Loopback, localPort));
            _proxy = new IPEndPoint(IPAddress.Loopback, proxyPort);
            LocalPort = localPort;
        }

        /// <summary>The bound port.</summary>
        public int LocalPort { get; }

        /// <summary>Sends one datagram to the proxy.</summary>
        public void Send(string message) => Send(Encoding.UTF8.GetBytes(message));

        /// <summary>Sends one datagram to the proxy.</summary>
        public void Send(byte[] datagram) => _socket.SendTo(datagram, _proxy);

        /// <summary>The next datagram, or null after <paramref name="timeoutMs"/>.</summary>
        public string? Receive(int timeoutMs)
        {
            _socket.ReceiveTimeout = timeoutMs;
            try
            {
                int n = _socket.Receive(_buffer);
                return Encoding.UTF8.GetString(_buffer, 0, n);
            }
            catch (SocketException)
            {
                return null;
            }
        }

        /// <summary>The next final (non-1xx) response, or null after <paramref name="timeoutMs"/>.</summary>
        public string? ReceiveFinal(int timeoutMs)
        {
            var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
            while (true)
            {
                int left = (int)(deadline - DateTime.UtcNow).TotalMilliseconds;
                if (left <= 0) return null;
                string? m = Receive(left);
                if (m == null) return null;
                if (m.StartsWith("SIP/2.0 1", StringComparison.Ordinal)) continue;
                return m;
            }
        }

        /// <summary>The status code of a response (0 when not a response).</summary>
        public static int StatusCode(string? response)
        {
            if (response == null || !response.StartsWith("SIP/2.0 ", StringComparison.Ordinal) || response.Length < 11) return 0;
            return int.TryParse(response.AsSpan(8, 3), out int code) ? code : 0;
        }

        /// <summary>The value of the first header <paramref name="name"/> (case-insensitive), or null.</summary>
        public static string? Header(string message, string name)
        {
            foreach (string line in message.Split("\r\n"))
            {
                if (line.Length == 0) break;
                int colon = line.IndexOf(':');
                if (colon > 0 && line.AsSpan(0, colon).Trim().Equals(name, StringComparison.OrdinalIgnoreCase)) return line.Substring(colon + 1).Trim();
            }

            return null;
        }

        /// <summary>A parameter of a digest challenge (quoted or not), or null.</summary>
        public static string? ChallengeParam(string challenge, string name)
        {
            int i = challenge.IndexOf(name + "=", StringComparison.OrdinalIgnoreCase);
            while (i > 0 && challenge[i - 1] != ' ' && challenge[i - 1] != ',') i = challenge.IndexOf(name + "=", i + 1, StringComparison.OrdinalIgnoreCase);
            if (i < 0) return null;
            int v = i + name.Length + 1;
            if (v < challenge.Length && challenge[v] == '"')
            {
                int end = challenge.IndexOf('"', v + 1);
                return challenge.Substring(v + 1, end - v - 1);
            }

            int stop = challenge.IndexOf(',', v);
            return (stop < 0 ? challenge.Substring(v) : challenge.Substring(v, stop - v)).Trim();
        }

        /// <summary>
        /// The Authorization value answering <paramref name="challenge"/> (a WWW-Authenticate value) for a request
        /// (RFC 2617 §3.2.2: response = H(H(A1):nonce:nc:cnonce:qop:H(A2)); RFC 8760: H is SHA-256 when algorithm=SHA-256).
        /// </summary>
        public static string DigestAuthorization(string challenge, string user, string password, string method, string uri)
        {
            string realm = ChallengeParam(challenge, "realm") ?? "";
            string nonce = ChallengeParam(challenge, "nonce") ?? "";
            string algorithm = ChallengeParam(challenge, "algorithm") ?? "MD5";
            string? qop = ChallengeParam(challenge, "qop");
            Func<string, string> h = algorithm.Equals("SHA-256", StringComparison.OrdinalIgnoreCase)
                ? s => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)))
                : s => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(s)));
            string ha1 = h(user + ":" + realm + ":" + password);
            string ha2 = h(method + ":" + uri);
            string cnonce = "0a4f113b";
            const string nc = "00000001";
            string response = qop != null ? h(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2) : h(ha1 + ":" + nonce + ":" + ha2);
            string value = "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + response + "\", algorithm=" + algorithm;
            if (qop != null) value += ", qop=auth, nc=" + nc + ", cnonce=\"" + cnonce + "\"";
            return value;
        }

        /// <summary>A REGISTER of sip:<paramref name="user"/>@nanomikey.test with this client's port as contact.</summary>
        public string Register(string user, int cseq, string? authorization, int expires = 60)
            => "REGISTER sip:" + KamailioProcess.Domain + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + LocalPort + ";rport;branch=z9hG4bK-raw-" + user + "-" + cseq + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + user + "@" + KamailioProcess.Domain + ">;tag=raw" + LocalPort + "\r\n"
                + "To: <sip:" + user + "@" + KamailioProcess.Domain + ">\r\n"
                + "Call-ID: raw-reg-" + user + "-" + LocalPort + "\r\n"
                + "CSeq: " + cseq + " REGISTER\r\n"
                + "Contact: <sip:" + user + "@127.0.0.1:" + LocalPort + ">\r\n"
                + "Expires: " + expires + "\r\n"
                + (authorization != null ? "Authorization: " + authorization + "\r\n" : "")
                + "Content-Length: 0\r\n\r\n";

        /// <summary>Closes the socket.</summary>
        public void Dispose() => _socket.Dispose();
    }
}
