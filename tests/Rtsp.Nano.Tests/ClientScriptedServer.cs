using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NanoMikey.Rtsp.Tests
{
    /// <summary>
    /// A hostile or scripted RTSP server for client tests: accepts one connection on 127.0.0.1:<c>port</c> and answers the
    /// n-th request with the n-th scripted reply ("{cseq}" replaced by the request's CSeq), then holds the connection open
    /// (or closes it after the script when told to). Records the requests it saw.
    /// </summary>
    internal sealed class ClientScriptedServer : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly Thread _thread;
        private readonly byte[][] _replies;
        private readonly bool _closeAfter;
        private readonly List<string> _requests = new List<string>();
        private volatile bool _stopping;
        private Socket? _conn;

        public ClientScriptedServer(int port, bool closeAfterScript, params byte[][] replies)
        {
            _replies = replies;
            _closeAfter = closeAfterScript;
            _listener = new TcpListener(IPAddress.Loopback, port);
            _listener.Start();
            _thread = new Thread(Serve) { IsBackground = true };
            _thread.Start();
        }

        public static byte[] Text(string s) => Encoding.ASCII.GetBytes(s);

        public List<string> Requests
        {
            get { lock (_requests) return new List<string>(_requests); }
        }

        /// <summary>True once the client closed its side (the server read end-of-stream).</summary>
        public volatile bool ClientClosed;

        private void Serve()
        {
            try
            {
                using Socket c = _listener.AcceptSocket();
                _conn = c;
                var buf = new List<byte>();
                var chunk = new byte[4096];
                int next = 0;
                while (!_stopping)
                {
                    int n = c.Receive(chunk);
                    if (n == 0)
                    {
                        ClientClosed = true;
                        return;
                    }

                    buf.AddRange(chunk.AsSpan(0, n).ToArray());
                    while (TryTakeRequest(buf, out string request))
                    {
                        lock (_requests) _requests.Add(request);
                        if (next < _replies.Length)
                        {
                            string cseq = CSeq(request);
                            byte[] reply = _replies[next++];
                            string asText = Encoding.Latin1.GetString(reply).Replace("{cseq}", cseq);
                            c.Send(Encoding.Latin1.GetBytes(asText));
                            if (next == _replies.Length && _closeAfter)
                            {
                                c.Shutdown(SocketShutdown.Both);
                                return;
                            }
                        }
                    }
                }
            }
            catch (SocketException)
            {
            }
            catch (ObjectDisposedException)
            {
            }
        }

        private static bool TryTakeRequest(List<byte> buf, out string request)
        {
            request = "";
            string text = Encoding.Latin1.GetString(buf.ToArray());
            int end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0) return false;
            int length = end + 4;
            foreach (string line in text.Substring(0, end).Split("\r\n"))
            {
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length += int.Parse(line.Substring(15).Trim());
            }

            if (text.Length < length) return false;
            request = text.Substring(0, length);
            buf.RemoveRange(0, length);
            return true;
        }

        private static string CSeq(string request)
        {
            foreach (string line in request.Split("\r\n"))
            {
                if (line.StartsWith("CSeq:", StringComparison.OrdinalIgnoreCase)) return line.Substring(5).Trim();
            }

            return "0";
        }

        public void Dispose()
        {
            _stopping = true;
            try { _conn?.Close(); } catch (ObjectDisposedException) { }
            _listener.Stop();
            _thread.Join(2000);
        }
    }
}
