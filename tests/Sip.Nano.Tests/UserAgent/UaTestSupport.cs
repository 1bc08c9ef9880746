using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Session;
using NanoMikey.Net.Sockets;
using NanoMikey.Sip.Message;
using NanoMikey.Sip.UserAgent;

namespace NanoMikey.Sip.Tests.UserAgent
{
    /// <summary>One of our user agents on a real UDP socket on 127.0.0.1 (its SIP port, its media port = SIP port + 50).</summary>
    internal sealed class UaNode : IDisposable
    {
        public readonly HostDatagramSocket Socket = new HostDatagramSocket();
        public readonly SipUserAgent Ua;
        public readonly int Port;
        public readonly UaKeys Keys;
        public readonly CalleeKeys Answerer;

        public UaNode(int port, string user, Action<SipUserAgentOptions>? configure = null, UaKeys? keys = null)
        {
            Port = port;
            Assert.Equal(DatagramStatus.Ok, Socket.Bind(IPv4.Loopback, port));
            var o = new SipUserAgentOptions
            {
                LocalUri = "sip:" + user + "@127.0.0.1:" + port,
                LocalAddress = IPv4.Loopback,
                MediaPort = port + 50,
                AutoAnswerDelayMicros = 200000,
            };
            configure?.Invoke(o);
            Keys = keys ?? new UaKeys();
            Answerer = Keys.NewAnswerer();
            Ua = new SipUserAgent(Socket, o, new HostEntropySource(), Answerer);
            // Short timers for tests (RFC 3261 §17.1.1.1 lets T1 be smaller on a LAN).
            Ua.Transactions.Timers.T1 = 100000;
            Ua.Transactions.Timers.T4 = 500000;
            Ua.Transactions.Timers.TimerD = 500000;
        }

        public string Uri(string user) => "sip:" + user + "@127.0.0.1:" + Port;

        public void Dispose() => Socket.Close();
    }

    /// <summary>Ticks user agents (and anything else the condition does) until it holds or the time is up.</summary>
    internal static class Pump
    {
        private static readonly Stopwatch Clock = Stopwatch.StartNew();

        public static long Now => Clock.ElapsedTicks * 1000000 / Stopwatch.Frequency;

        public static bool Until(Func<bool> done, int timeoutMs, params SipUserAgent[] agents)
        {
            long end = Now + timeoutMs * 1000L;
            while (Now < end)
            {
                foreach (SipUserAgent a in agents) a.Run(Now);
                if (done()) return true;
                Thread.Sleep(1);
            }

            foreach (SipUserAgent a in agents) a.Run(Now);
            return done();
        }

        public static void For(int ms, params SipUserAgent[] agents) => Until(() => false, ms, agents);
    }

    /// <summary>A hand-driven SIP peer: a raw UDP socket on 127.0.0.1 that the test reads and writes by text.</summary>
    internal sealed class RawSipPeer : IDisposable
    {
        private readonly Socket _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        private readonly byte[] _buffer = new byte[SipLimits.MaxDatagram];
        public readonly int Port;
        public readonly List<string> Received = new List<string>();
        public IPEndPoint? LastSender;

        public RawSipPeer(int port)
        {
            Port = port;
            _socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            _socket.Blocking = false;
        }

        /// <summary>Every datagram waiting now, as text (also kept in <see cref="Received"/>).</summary>
        public List<string> Poll()
        {
            var list = new List<string>();
            while (_socket.Available > 0)
            {
                EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                int n = _socket.ReceiveFrom(_buffer, ref from);
                LastSender = (IPEndPoint)from;
                string text = Encoding.UTF8.GetString(_buffer, 0, n);
                list.Add(text);
                Received.Add(text);
            }

            return list;
        }

        public void Send(string message, int port)
        {
            byte[] b = Encoding.UTF8.GetBytes(message);
            _socket.SendTo(b, new IPEndPoint(IPAddress.Loopback, port));
        }

        /// <summary>Reads a message with our codec (the test's view of what the UA sent).</summary>
        public static SipMessageReader Read(string text)
        {
            var r = new SipMessageReader();
            byte[] b = Encoding.UTF8.GetBytes(text);
            Assert.Equal(SipReadStatus.Ok, r.Read(b, 0, b.Length));
            return r;
        }

        /// <summary>The raw value of the first header named <paramref name="name"/> (case-insensitive), or null.</summary>
        public static string? Header(string message, string name)
        {
            foreach (string line in message.Split("\r\n"))
            {
                if (line.Length == 0) break;
                int colon = line.IndexOf(':');
                if (colon > 0 && string.Equals(line.Substring(0, colon).Trim(), name, StringComparison.OrdinalIgnoreCase)) return line.Substring(colon + 1).Trim();
            }

            return null;
        }

        /// <summary>Every Via line of a request, for copying into a response (RFC 3261 §8.2.6.2).</summary>
        public static string Vias(string message)
        {
            var sb = new StringBuilder();
            foreach (string line in message.Split("\r\n"))
            {
                if (line.Length == 0) break;
                if (line.StartsWith("Via:", StringComparison.OrdinalIgnoreCase) || line.StartsWith("v:", StringComparison.Ordinal)) sb.Append(line).Append("\r\n");
            }

            return sb.ToString();
        }

        /// <summary>A response to <paramref name="request"/> with the given To-tag, extra headers and SDP body.</summary>
        public static string Response(string request, int code, string reason, string? toTag, string extra = "", string? sdp = null)
        {
            string to = Header(request, "To")!;
            if (toTag != null && !to.Contains(";tag=")) to += ";tag=" + toTag;
            var sb = new StringBuilder();
            sb.Append("SIP/2.0 ").Append(code).Append(' ').Append(reason).Append("\r\n");
            sb.Append(Vias(request));
            sb.Append("From: ").Append(Header(request, "From")).Append("\r\n");
            sb.Append("To: ").Append(to).Append("\r\n");
            sb.Append("Call-ID: ").Append(Header(request, "Call-ID")).Append("\r\n");
            sb.Append("CSeq: ").Append(Header(request, "CSeq")).Append("\r\n");
            sb.Append(extra);
            if (sdp != null) sb.Append("Content-Type: application/sdp\r\nContent-Length: ").Append(Encoding.UTF8.GetByteCount(sdp)).Append("\r\n\r\n").Append(sdp);
            else sb.Append("Content-Length: 0\r\n\r\n");
            return sb.ToString();
        }

        public static string Body(string message)
        {
            int i = message.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            return i < 0 ? string.Empty : message.Substring(i + 4);
        }

        public static string Method(string message) => message.Substring(0, message.IndexOf(' '));

        public void Dispose() => _socket.Close();
    }

    internal static class KeyCompare
    {
        /// <summary>The first master key and salt of the first crypto session of a bundle, as hex.</summary>
        public static string MasterKey(CryptoSessionBundle? b)
        {
            Assert.NotNull(b);
            Assert.True(b!.Count > 0);
            SrtpMasterKeyEntry k = b.Get(0).GetMasterKey(0);
            return Convert.ToHexString(k.Key, 0, k.KeyLength) + "/" + Convert.ToHexString(k.Salt, 0, k.SaltLength);
        }
    }
}
