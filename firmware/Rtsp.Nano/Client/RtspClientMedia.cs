using System;
using NanoMikey.Crypto;
using NanoMikey.Media.G711;
using NanoMikey.Media.Rtcp;
using NanoMikey.Media.Rtp;
using NanoMikey.Mikey.Time;
using NanoMikey.Net.Sockets;
using NanoMikey.Srtp;
using NanoMikey.Srtp.Context;

namespace NanoMikey.Rtsp.Client
{
    /// <summary>
    /// The media of one RTSP client session over UDP: in record mode a µ-law frame every 20 ms, packetised (RFC 3550),
    /// SRTP-protected (RFC 3711) and sent; in play mode received SRTP unprotected, checked and decoded to the sink. Both
    /// ways an SRTCP report every 5 s with our key and the peer's reports unprotected with its key (each direction keyed by
    /// its sender, RFC 4567 §3.2). Sized at construction; <see cref="Run"/> allocates nothing.
    /// </summary>
    [HotPath]
    internal sealed class RtspClientMedia
    {
        internal const int FrameSamples = 160;
        internal const long FrameMicros = 20000;

        // RFC 3550 §6.2: 5 s minimum report interval.
        internal const long ReportMicros = 5000000;

        // One UDP datagram of RTP (an Ethernet MTU); GStreamer's payloaders stay below 1400 bytes.
        private const int PacketCapacity = 1500;
        private const int ReportCapacity = 256;

        // A flood cannot hold the device's loop: at most this many datagrams per socket and Run.
        private const int MaxDatagramsPerRun = 16;

        private readonly IDatagramSocket _rtp;
        private readonly IDatagramSocket _rtcp;
        private readonly IMikeyClock _clock;
        private readonly byte[] _cname;
        private readonly byte[] _packet = new byte[PacketCapacity];
        private readonly byte[] _report = new byte[ReportCapacity];
        private readonly short[] _pcm = new short[PacketCapacity];
        private readonly byte[] _payload = new byte[FrameSamples];
        private readonly RtpHeader _header = new RtpHeader();
        private readonly RtcpReader _rtcpReader = new RtcpReader();
        private readonly RtcpWriter _rtcpWriter = new RtcpWriter();
        private readonly ReceptionStatistics _reception = new ReceptionStatistics();
        private IRtspAudioSource? _source;
        private IRtspAudioSink? _sink;
        private SrtpCryptoContext? _tx;
        private SrtpCryptoContext? _rx;
        private RtpPacketizer? _packetizer;
        private uint _peer;
        private int _peerRtpPort;
        private int _peerRtcpPort;
        private uint _peerSsrc;
        private uint _ssrc;
        private bool _sending;
        private long _nextFrame;
        private long _nextReport;
        private long _started;

        internal RtspClientMedia(IDatagramSocket rtp, IDatagramSocket rtcp, IMikeyClock clock, byte[] cname)
        {
            if (rtp == null || rtcp == null || clock == null || cname == null) throw new ArgumentNullException();
            if (cname.Length < 1 || cname.Length > 255) throw new ArgumentOutOfRangeException();
            _rtp = rtp;
            _rtcp = rtcp;
            _clock = clock;
            _cname = cname;
        }

        internal bool Active { get; private set; }

        internal uint PacketsSent;
        internal uint PacketsReceived;
        internal uint AuthenticationFailures;
        internal uint Dropped;
        internal uint ReportsSent;
        internal uint ReportsReceived;

        internal long NextDueMicros
        {
            get
            {
                if (!Active) return long.MaxValue;
                return _sending && _nextFrame < _nextReport ? _nextFrame : _nextReport;
            }
        }

        /// <summary>Starts the media; the contexts are the caller's (made at set-up) and are wiped by <see cref="Stop"/>.</summary>
        internal void Start(uint peer, int peerRtpPort, int peerRtcpPort, SrtpCryptoContext tx, SrtpCryptoContext rx, uint peerSsrc,
            bool sending, IRtspAudioSource? source, IRtspAudioSink? sink, long nowMicros)
        {
            _peer = peer;
            _peerRtpPort = peerRtpPort;
            _peerRtcpPort = peerRtcpPort;
            _tx = tx;
            _rx = rx;
            _ssrc = tx.Ssrc;
            _peerSsrc = peerSsrc;
            _source = source;
            _sink = sink;
            _sending = sending;
            // RFC 3550 §5.1: random initial sequence number and timestamp; not secret, the tick's low bits do.
            uint r = (uint)(nowMicros ^ (nowMicros >> 17) ^ _ssrc);
            _packetizer = new RtpPacketizer(0, _ssrc, (ushort)(r & 0x7FFF), r * 2654435761u, FrameSamples);
            _reception.Reset();
            PacketsSent = PacketsReceived = AuthenticationFailures = Dropped = ReportsSent = ReportsReceived = 0;
            _started = nowMicros;
            _nextFrame = nowMicros;
            _nextReport = nowMicros + ReportMicros;
            Active = true;
        }

        internal void Run(long nowMicros)
        {
            if (!Active) return;
            ReceiveMedia(nowMicros);
            ReceiveReports(nowMicros);
            while (_sending && nowMicros >= _nextFrame)
            {
                SendFrame();
                _nextFrame += FrameMicros;
            }

            if (nowMicros >= _nextReport)
            {
                SendReport(false, nowMicros);
                _nextReport += ReportMicros;
            }
        }

        /// <summary>Ends the media: an SRTCP BYE (RFC 3550 §6.6), then both contexts' keys are wiped.</summary>
        internal void Stop(long nowMicros)
        {
            if (Active) SendReport(true, nowMicros);
            Active = false;
            if (_tx != null) _tx.Clear();
            if (_rx != null) _rx.Clear();
            _tx = null;
            _rx = null;
        }

        private void SendFrame()
        {
            if (_source != null) _source.Read(_pcm, 0, FrameSamples);
            else Array.Clear(_pcm, 0, FrameSamples);
            MuLaw.Encode(_pcm, 0, _payload, 0, FrameSamples);
            int length = _packetizer!.WriteFrame(_packet, 0, PacketCapacity, _payload, 0, FrameSamples, PacketsSent == 0);
            if (_tx!.Protect(_packet, 0, ref length, PacketCapacity) != SrtpStatus.Ok) return;
            if (_rtp.SendTo(_packet, 0, length, _peer, _peerRtpPort) == DatagramStatus.Ok) PacketsSent++;
        }

        private void ReceiveMedia(long nowMicros)
        {
            int length;
            uint from;
            int port;
            for (int i = 0; i < MaxDatagramsPerRun; i++)
            {
                DatagramStatus s = _rtp.ReceiveFrom(_packet, 0, PacketCapacity, out length, out from, out port);
                if (s != DatagramStatus.Ok) return;
                // Only the server's SRTP is media; GStreamer's NAT-punching datagrams and anything else are dropped quietly.
                if (from != _peer || _sending || length < 12)
                {
                    Dropped++;
                    continue;
                }

                SrtpStatus st = _rx!.Unprotect(_packet, 0, ref length);
                if (st == SrtpStatus.AuthFailure)
                {
                    AuthenticationFailures++;
                    continue;
                }

                if (st != SrtpStatus.Ok || !_header.TryRead(_packet, 0, length) || _header.Ssrc != _peerSsrc || _header.PayloadType != 0)
                {
                    Dropped++;
                    continue;
                }

                PacketsReceived++;
                // RFC 3550 A.8: arrival in RTP timestamp units (8 kHz: one per 125 µs).
                _reception.OnPacket(_header.SequenceNumber, _header.Timestamp, (uint)((nowMicros - _started) / 125));
                int n = _header.PayloadLength;
                MuLaw.Decode(_packet, _header.PayloadOffset, _pcm, 0, n);
                if (_sink != null) _sink.Write(_pcm, 0, n);
            }
        }

        private void ReceiveReports(long nowMicros)
        {
            int length;
            uint from;
            int port;
            for (int i = 0; i < MaxDatagramsPerRun; i++)
            {
                DatagramStatus s = _rtcp.ReceiveFrom(_report, 0, ReportCapacity, out length, out from, out port);
                if (s != DatagramStatus.Ok) return;
                if (from != _peer || _rx!.UnprotectRtcp(_report, 0, ref length) != SrtpStatus.Ok || !_rtcpReader.TryRead(_report, 0, length))
                {
                    Dropped++;
                    continue;
                }

                ReportsReceived++;
                // RFC 3550 §6.4.1: the last SR's middle 32 bits and its arrival give our report's LSR and DLSR.
                if (_rtcpReader.HasSenderInfo) _reception.OnSenderReport(_rtcpReader.NtpTimestamp, nowMicros);
            }
        }

        private void SendReport(bool bye, long nowMicros)
        {
            ReceptionStatistics? block = PacketsReceived > 0 ? _reception : null;
            int length = _sending
                ? _rtcpWriter.WriteSenderReport(_report, 0, ReportCapacity, _ssrc, _clock.NtpNow, _packetizer!.NextTimestamp,
                    _packetizer.PacketCount, _packetizer.OctetCount, block, _peerSsrc, _cname, 0, _cname.Length, nowMicros)
                : _rtcpWriter.WriteReceiverReport(_report, 0, ReportCapacity, _ssrc, block, _peerSsrc, _cname, 0, _cname.Length, nowMicros);
            if (bye && ReportCapacity - length >= 8) length += _rtcpWriter.WriteBye(_report, length, ReportCapacity - length, _ssrc);
            if (_tx!.ProtectRtcp(_report, 0, ref length, ReportCapacity) != SrtpStatus.Ok) return;
            if (_rtcp.SendTo(_report, 0, length, _peer, _peerRtcpPort) == DatagramStatus.Ok) ReportsSent++;
        }
    }
}
