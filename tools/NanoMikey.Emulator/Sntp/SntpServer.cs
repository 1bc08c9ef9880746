using System;
using NanoMikey.Net.Sntp;
using NanoMikey.Net.Sockets;

namespace NanoMikey.Emulator.Sntp
{
    /// <summary>
    /// An embedded SNTP server (RFC 4330 §6) over any <see cref="IDatagramSocket"/>, for the emulator's default run and for
    /// tests: answers every client request (mode 3) with the time of a supplied NTP clock, or with a kiss-o'-death when
    /// <see cref="KissCode"/> is set. Driven like a device task: <see cref="Run"/> at <see cref="NextDueMicros"/> or when
    /// a datagram waits. The socket is bound by the caller. Allocation-free per request.
    /// </summary>
    public sealed class SntpServer
    {
        private readonly IDatagramSocket _socket;
        private readonly Func<ulong> _ntpNow;
        private readonly SntpPacket _request = new SntpPacket();
        private readonly SntpPacket _answer = new SntpPacket();
        private readonly byte[] _buffer = new byte[512];

        /// <summary>Creates a server.</summary>
        /// <param name="socket">A bound UDP socket (port 123, or any port for tests).</param>
        /// <param name="ntpNow">The server's clock as 64-bit NTP timestamps.</param>
        public SntpServer(IDatagramSocket socket, Func<ulong> ntpNow)
        {
            _socket = socket ?? throw new ArgumentNullException(nameof(socket));
            _ntpNow = ntpNow ?? throw new ArgumentNullException(nameof(ntpNow));
        }

        /// <summary>Stratum announced (1 primary, 2..15 secondary; default 2).</summary>
        public int Stratum { get; set; } = 2;

        /// <summary>Reference identifier announced (default "LOCL").</summary>
        public uint ReferenceId { get; set; } = 0x4C4F434C;

        /// <summary>Precision announced, log2 seconds (default −20, about 1 µs).</summary>
        public int Precision { get; set; } = -20;

        /// <summary>Root delay announced, signed 16.16 fixed point seconds (default 0).</summary>
        public int RootDelay { get; set; }

        /// <summary>Root dispersion announced, unsigned 16.16 fixed point seconds (default 0).</summary>
        public uint RootDispersion { get; set; }

        /// <summary>Leap indicator announced (default 0; 3 says "not synchronised").</summary>
        public int LeapIndicator { get; set; }

        /// <summary>When not 0, every request is answered with a kiss-o'-death carrying this code (RFC 4330 §8; see <see cref="SntpKissCode"/>).</summary>
        public uint KissCode { get; set; }

        /// <summary>When true, requests are read and dropped (a server that does not answer).</summary>
        public bool Silent { get; set; }

        /// <summary>Client requests received.</summary>
        public int RequestsReceived { get; private set; }

        /// <summary>Answers sent.</summary>
        public int AnswersSent { get; private set; }

        /// <summary>Always <see cref="long.MaxValue"/>: the server only has work when a request arrives.</summary>
        public long NextDueMicros => long.MaxValue;

        /// <summary>Answers every waiting request.</summary>
        /// <param name="nowMicros">The monotonic tick in microseconds (unused: the answer's times come from the NTP clock).</param>
        public void Run(long nowMicros)
        {
            for (int guard = 0; guard < 64; guard++)
            {
                DatagramStatus s = _socket.ReceiveFrom(_buffer, 0, _buffer.Length, out int received, out uint from, out int port);
                if (s == DatagramStatus.WouldBlock || s == DatagramStatus.Closed || s == DatagramStatus.NotBound) return;
                if (s != DatagramStatus.Ok) continue;
                ulong t2 = _ntpNow();
                // RFC 4330 §6: answer client requests (mode 3) of versions 1..4; drop anything else.
                if (!_request.Read(_buffer, 0, received) || _request.Mode != SntpPacket.ModeClient) continue;
                if (_request.Version < 1 || _request.Version > 4) continue;
                RequestsReceived++;
                if (Silent) continue;
                _answer.Clear();
                _answer.Version = _request.Version;
                _answer.Mode = SntpPacket.ModeServer;
                _answer.Poll = _request.Poll;
                _answer.OriginateTimestamp = _request.TransmitTimestamp;
                if (KissCode != 0)
                {
                    // RFC 4330 §8: stratum 0, the code in the reference identifier, LI 3; timestamps may be zero.
                    _answer.LeapIndicator = SntpPacket.LeapAlarm;
                    _answer.Stratum = 0;
                    _answer.ReferenceId = KissCode;
                }
                else
                {
                    _answer.LeapIndicator = LeapIndicator;
                    _answer.Stratum = Stratum;
                    _answer.Precision = Precision;
                    _answer.RootDelay = RootDelay;
                    _answer.RootDispersion = RootDispersion;
                    _answer.ReferenceId = ReferenceId;
                    _answer.ReferenceTimestamp = t2 & 0xFFFFFFFF00000000; // "set" at the start of this second
                    _answer.ReceiveTimestamp = t2;
                    _answer.TransmitTimestamp = _ntpNow();
                }

                int n = _answer.Write(_buffer, 0, _buffer.Length);
                if (_socket.SendTo(_buffer, 0, n, from, port) == DatagramStatus.Ok) AnswersSent++;
            }
        }
    }
}
