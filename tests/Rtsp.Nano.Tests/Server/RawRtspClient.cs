using System.Net.Sockets;
using System.Text;

namespace NanoMikey.Rtsp.Tests.Server
{
    /// <summary>A raw TCP client for hostile requests; it pumps the server fixture while it waits for an answer.</summary>
    internal sealed class RawRtspClient : IDisposable
    {
        private readonly TcpClient _tcp;
        private readonly HostServerFixture _f;
        private readonly List<byte> _in = new List<byte>();

        public RawRtspClient(HostServerFixture f, int port)
        {
            _f = f;
            _tcp = new TcpClient();
            _tcp.Connect("127.0.0.1", port);
            _tcp.NoDelay = true;
        }

        public void Send(string text) => Send(Encoding.ASCII.GetBytes(text));

        public void Send(byte[] bytes) => _tcp.GetStream().Write(bytes, 0, bytes.Length);

        /// <summary>Sends a request and waits (pumping the server) for one whole answer; null when none came or the server closed first.</summary>
        public string? Request(string text, int timeoutMs = 3000)
        {
            Send(text);
            return ReadAnswer(timeoutMs);
        }

        public string? ReadAnswer(int timeoutMs = 3000)
        {
            string? answer = null;
            _f.Pump(() => (answer = TakeAnswer()) != null || Closed(), timeoutMs);
            return answer ?? TakeAnswer();
        }

        /// <summary>True once the server closed the connection (and everything it sent was read).</summary>
        public bool Closed()
        {
            Socket s = _tcp.Client;
            if (s.Available > 0)
            {
                Fill();
                return false;
            }

            try
            {
                return s.Poll(0, SelectMode.SelectRead) && s.Available == 0;
            }
            catch (SocketException)
            {
                return true;
            }
        }

        public bool WaitClosed(int timeoutMs) => _f.Pump(Closed, timeoutMs);

        private void Fill()
        {
            Socket s = _tcp.Client;
            while (s.Available > 0)
            {
                byte[] b = new byte[s.Available];
                int n = s.Receive(b);
                for (int i = 0; i < n; i++) _in.Add(b[i]);
            }
        }

        private string? TakeAnswer()
        {
            Fill();
            string text = Encoding.ASCII.GetString(_in.ToArray());
            int end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0) return null;
            int length = 0;
            foreach (string line in text.Substring(0, end).Split("\r\n"))
            {
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line.Substring(15).Trim());
            }

            if (text.Length < end + 4 + length) return null;
            _in.RemoveRange(0, end + 4 + length);
            return text.Substring(0, end + 4 + length);
        }

        public void Dispose() => _tcp.Dispose();
    }
}
