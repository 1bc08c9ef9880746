using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Hal;
using NanoMikey.Firmware.Config;
using NanoMikey.Firmware.Hal;
using NanoMikey.Media.G711;
using NanoMikey.Media.Jitter;
using NanoMikey.Media.Rtcp;
using NanoMikey.Media.Rtp;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Net.Sockets;
using NanoMikey.Srtp;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Firmware.Call
{
    /// <summary>
    /// One call's media over SRTP and SRTCP: every 20 ms a frame from the microphone is G.711-encoded, packetised (RFC 3550),
    /// protected in place and sent; received packets are unprotected in place, checked and put into the jitter buffer, and
    /// every 20 ms the buffer plays a frame (or conceals one) to the speaker; every 5 s an SRTCP sender or receiver report.
    /// The keys come from two MIKEY crypto sessions: the one for this side's SSRC (sending) and the one for the peer's.
    /// Everything is sized at construction; <see cref="Run"/> allocates nothing.
    /// </summary>
    [HotPath]
    public sealed class MediaChannel
    {
        /// <summary>Samples per 20 ms frame at 8 kHz.</summary>
        public const int FrameSamples = 160;

        /// <summary>Frame period in microseconds.</summary>
        public const long FrameMicros = 20000;

        /// <summary>RTCP report interval (RFC 3550 §6.2: 5 s minimum).</summary>
        public const long ReportMicros = 5000000;

        private const int PacketCapacity = 12 + FrameSamples + 64;

        // Datagrams taken per socket and Run, so a flood cannot hold the device's main loop (the rest wait for the next tick).
        private const int MaxDatagramsPerRun = 16;
        private const int ReportCapacity = 256;

        private readonly DevicePlatform _platform;
        private readonly IMikeyClock _clock;
        private readonly MediaCodec _codec;
        private readonly short[] _pcm = new short[FrameSamples];
        private readonly byte[] _payload = new byte[FrameSamples];
        private readonly byte[] _packet = new byte[PacketCapacity];
        private readonly byte[] _report = new byte[ReportCapacity];
        private readonly byte[] _frame = new byte[FrameSamples];
        private readonly byte[] _cname;
        private readonly RtpHeader _header = new RtpHeader();
        private readonly RtcpReader _rtcpReader = new RtcpReader();
        private readonly RtcpWriter _rtcpWriter = new RtcpWriter();
        private readonly ReceptionStatistics _reception = new ReceptionStatistics();
        private readonly JitterBuffer _jitter;
        private readonly MediaStatistics _stats = new MediaStatistics();

        private IDatagramSocket? _rtp;
        private IDatagramSocket? _rtcp;
        private SrtpCryptoContext? _tx;
        private SrtpCryptoContext? _rx;
        private RtpPacketizer? _packetizer;
        private uint _peer;
        private int _peerRtpPort;
        private uint _peerSsrc;
        private bool _sending;
        private bool _receiving;
        private long _nextFrame;
        private long _nextPlayout;
        private long _nextReport;
        private long _started;
        private long _lastPacket;
        private bool _peerBye;

        /// <summary>Silence after which the peer's stream counts as ended: playout stops instead of concealing forever.</summary>
        public const long StreamEndMicros = 1000000;

        /// <summary>Creates the channel.</summary>
        /// <param name="platform">The board (AES engines, audio).</param>
        /// <param name="clock">The wall clock for the reports' NTP timestamps.</param>
        /// <param name="codec">The codec.</param>
        /// <param name="jitterFrames">Playout delay in frames.</param>
        /// <param name="cname">The RTCP CNAME (RFC 3550 §6.5.1), kept.</param>
        public MediaChannel(DevicePlatform platform, IMikeyClock clock, MediaCodec codec, int jitterFrames, byte[] cname)
        {
            if (platform == null || clock == null || cname == null) throw new ArgumentNullException();
            if (jitterFrames < 1 || jitterFrames > 50) throw new ArgumentOutOfRangeException();
            _platform = platform;
            _clock = clock;
            _codec = codec;
            _cname = cname;
            _jitter = new JitterBuffer(jitterFrames * 2 + 16, FrameSamples, FrameSamples, jitterFrames);
        }

        /// <summary>True between <see cref="Start"/> and <see cref="Stop"/>.</summary>
        public bool Active { get; private set; }

        /// <summary>This call's counters.</summary>
        public MediaStatistics Statistics
        {
            get { return _stats; }
        }

        /// <summary>The SSRC this side sends with (0 before a start).</summary>
        public uint LocalSsrc { get; private set; }

        /// <summary>
        /// Starts the media of a call. SRTP contexts for both crypto sessions are created here (call set-up, not per packet):
        /// <paramref name="own"/> protects what this side sends (RTP when <paramref name="sendMedia"/>, and SRTCP reports),
        /// <paramref name="peer"/> unprotects what the peer sends.
        /// </summary>
        /// <param name="rtp">The bound RTP socket.</param>
        /// <param name="rtcp">The bound RTCP socket.</param>
        /// <param name="peerAddress">The peer's address.</param>
        /// <param name="peerRtpPort">The peer's RTP port (RTCP: the next).</param>
        /// <param name="own">The crypto session of this side's SSRC.</param>
        /// <param name="peer">The crypto session of the peer's SSRC.</param>
        /// <param name="sendMedia">This side sends audio.</param>
        /// <param name="receiveMedia">This side plays the peer's audio.</param>
        /// <param name="nowMicros">The monotonic tick.</param>
        public void Start(IDatagramSocket rtp, IDatagramSocket rtcp, uint peerAddress, int peerRtpPort, CryptoSession own, CryptoSession peer,
            bool sendMedia, bool receiveMedia, long nowMicros)
        {
            if (rtp == null || rtcp == null || own == null || peer == null) throw new ArgumentNullException();
            Stop();
            _rtp = rtp;
            _rtcp = rtcp;
            _peer = peerAddress;
            _peerRtpPort = peerRtpPort;
            IAesEngineFactory aes = _platform.Aes;
            _tx = own.CreateSrtpContext(SrtpDirection.Outbound, aes, SrtpMinimumPolicy.Strict);
            _rx = peer.CreateSrtpContext(SrtpDirection.Inbound, aes, SrtpMinimumPolicy.Strict);
            LocalSsrc = own.Ssrc;
            _peerSsrc = peer.Ssrc;
            // RFC 3550 §5.1: random initial sequence number and timestamp; low bits of the tick are enough here, the
            // values are not secret (SRTP's security does not depend on them).
            uint r = (uint)(nowMicros ^ (nowMicros >> 17) ^ own.Ssrc);
            _packetizer = new RtpPacketizer((byte)_codec, own.Ssrc, (ushort)(r & 0x7FFF), r * 2654435761u, FrameSamples);
            _jitter.Reset();
            _reception.Reset();
            _stats.Reset();
            _sending = sendMedia;
            _receiving = receiveMedia;
            _peerBye = false;
            _started = nowMicros;
            _nextFrame = nowMicros;
            _nextPlayout = nowMicros + FrameMicros;
            _nextReport = nowMicros + ReportMicros;
            Active = true;
        }

        /// <summary>
        /// True once the peer said its stream ended (an authenticated SRTCP BYE for its SSRC, RFC 3550 §6.6) and the jitter
        /// buffer has played out what it held.
        /// </summary>
        public bool PeerEnded
        {
            get { return _peerBye && _jitter.BufferedFrames == 0; }
        }

        /// <summary>Ends the call: an SRTCP BYE tells the peer (RFC 3550 §6.6), then the SRTP contexts' keys are wiped.</summary>
        public void Stop()
        {
            if (Active) SendBye();
            if (_tx != null) _tx.Clear();
            if (_rx != null) _rx.Clear();
            _tx = null;
            _rx = null;
            Active = false;
        }

        /// <summary>When <see cref="Run"/> next has work without input.</summary>
        public long NextDueMicros
        {
            get
            {
                if (!Active) return long.MaxValue;
                long next = _nextReport;
                if (_sending && _nextFrame < next) next = _nextFrame;
                if (_receiving && _nextPlayout < next) next = _nextPlayout;
                return next;
            }
        }

        /// <summary>Receives what is waiting, sends the frames that are due, plays out, reports.</summary>
        /// <param name="nowMicros">The monotonic tick.</param>
        public void Run(long nowMicros)
        {
            if (!Active) return;
            ReceiveMedia(nowMicros);
            ReceiveReports(nowMicros);
            while (_sending && nowMicros >= _nextFrame)
            {
                SendFrame();
                _nextFrame += FrameMicros;
            }

            while (_receiving && nowMicros >= _nextPlayout)
            {
                // Play while the stream lives: not after the peer's BYE has drained the buffer, nor after a second of silence.
                if (!PeerEnded && (_stats.PacketsReceived == 0 || nowMicros - _lastPacket < StreamEndMicros)) PlayFrame();
                _nextPlayout += FrameMicros;
            }

            if (nowMicros >= _nextReport)
            {
                SendReport(nowMicros);
                _nextReport += ReportMicros;
            }
        }

        private void SendFrame()
        {
            IAudioSource? source = _platform.AudioSource;
            if (source != null) source.Read(_pcm, 0, FrameSamples);
            else Array.Clear(_pcm, 0, FrameSamples);
            if (_codec == MediaCodec.Pcma) ALaw.Encode(_pcm, 0, _payload, 0, FrameSamples);
            else MuLaw.Encode(_pcm, 0, _payload, 0, FrameSamples);
            int length = _packetizer!.WriteFrame(_packet, 0, PacketCapacity, _payload, 0, FrameSamples, _stats.PacketsSent == 0);
            if (_tx!.Protect(_packet, 0, ref length, PacketCapacity) != SrtpStatus.Ok) return;
            if (_rtp!.SendTo(_packet, 0, length, _peer, _peerRtpPort) == DatagramStatus.Ok) _stats.PacketsSent++;
        }

        private void ReceiveMedia(long nowMicros)
        {
            int length;
            uint from;
            int port;
            for (int i = 0; i < MaxDatagramsPerRun; i++)
            {
                DatagramStatus s = _rtp!.ReceiveFrom(_packet, 0, PacketCapacity, out length, out from, out port);
                if (s == DatagramStatus.WouldBlock || s == DatagramStatus.Closed || s == DatagramStatus.NotBound) return;
                if (s != DatagramStatus.Ok || from != _peer || length < 12 || !_receiving)
                {
                    _stats.Malformed++;
                    continue;
                }

                // The SSRC must be the peer's crypto session's (the context checks it too; an RTP packet with our own SSRC
                // from the peer's address would be an SSRC collision, RFC 3550 §8.2, and is dropped the same way).
                SrtpStatus st = _rx!.Unprotect(_packet, 0, ref length);
                if (st == SrtpStatus.AuthFailure) { _stats.AuthenticationFailures++; continue; }
                if (st == SrtpStatus.ReplayDuplicate || st == SrtpStatus.ReplayOld) { _stats.ReplaysDropped++; continue; }
                if (st != SrtpStatus.Ok || !_header.TryRead(_packet, 0, length) || _header.Ssrc != _peerSsrc)
                {
                    _stats.Malformed++;
                    continue;
                }

                _stats.PacketsReceived++;
                _lastPacket = nowMicros;
                // RFC 3550 A.8: arrival time in RTP timestamp units (8 kHz: 8 per millisecond).
                _reception.OnPacket(_header.SequenceNumber, _header.Timestamp, (uint)((nowMicros - _started) / 125));
                JitterInsertStatus js = _jitter.Insert(_header.SequenceNumber, _header.Timestamp, _packet, _header.PayloadOffset, _header.PayloadLength);
                if (js == JitterInsertStatus.Late) _stats.Late++;
            }
        }

        private void PlayFrame()
        {
            JitterPlayout p = _jitter.Next(_frame, 0);
            // Before playout starts (the buffer fills to its delay) the speaker gets nothing: it stays silent on its own.
            if (p == JitterPlayout.Waiting) return;
            if (p == JitterPlayout.Concealed) _stats.FramesConcealed++;
            else _stats.FramesPlayed++;
            if (_codec == MediaCodec.Pcma) ALaw.Decode(_frame, 0, _pcm, 0, FrameSamples);
            else MuLaw.Decode(_frame, 0, _pcm, 0, FrameSamples);

            IAudioSink? sink = _platform.AudioSink;
            if (sink != null) sink.Write(_pcm, 0, FrameSamples);
        }

        private void SendReport(long nowMicros)
        {
            int length;
            ReceptionStatistics? block = _receiving && _stats.PacketsReceived > 0 ? _reception : null;
            if (_sending)
            {
                length = _rtcpWriter.WriteSenderReport(_report, 0, ReportCapacity, LocalSsrc, _clock.NtpNow, _packetizer!.NextTimestamp,
                    _packetizer.PacketCount, _packetizer.OctetCount, block, _peerSsrc, _cname, 0, _cname.Length, nowMicros);
            }
            else
            {
                length = _rtcpWriter.WriteReceiverReport(_report, 0, ReportCapacity, LocalSsrc, block, _peerSsrc, _cname, 0, _cname.Length, nowMicros);
            }

            if (length <= 0) return;
            if (_tx!.ProtectRtcp(_report, 0, ref length, ReportCapacity) != SrtpStatus.Ok) return;
            if (_rtcp!.SendTo(_report, 0, length, _peer, _peerRtpPort + 1) == DatagramStatus.Ok) _stats.ReportsSent++;
            _stats.Lost = _reception.CumulativeLost;
        }

        private void ReceiveReports(long nowMicros)
        {
            int length;
            uint from;
            int port;
            for (int i = 0; i < MaxDatagramsPerRun; i++)
            {
                DatagramStatus s = _rtcp!.ReceiveFrom(_report, 0, ReportCapacity, out length, out from, out port);
                if (s == DatagramStatus.WouldBlock || s == DatagramStatus.Closed || s == DatagramStatus.NotBound) return;
                if (s != DatagramStatus.Ok || from != _peer)
                {
                    _stats.Malformed++;
                    continue;
                }

                if (_rx!.UnprotectRtcp(_report, 0, ref length) != SrtpStatus.Ok || !_rtcpReader.TryRead(_report, 0, length))
                {
                    _stats.ReportsDropped++;
                    continue;
                }

                _stats.ReportsReceived++;
                if (_rtcpReader.HasReportBlock) _stats.PeerReportedLost = _rtcpReader.CumulativeLost;
                // RFC 3550 §6.4.1: the last SR's middle 32 bits and its arrival give our report's LSR and DLSR.
                if (_rtcpReader.HasSenderInfo) _reception.OnSenderReport(_rtcpReader.NtpTimestamp, nowMicros);
                if (_rtcpReader.HasBye && _rtcpReader.ByeSsrc == _peerSsrc) _peerBye = true;
            }
        }

        private void SendBye()
        {
            // A BYE travels in a compound packet that starts with a report and carries the CNAME (RFC 3550 §6.1).
            int length = _sending
                ? _rtcpWriter.WriteSenderReport(_report, 0, ReportCapacity, LocalSsrc, _clock.NtpNow, _packetizer!.NextTimestamp,
                    _packetizer.PacketCount, _packetizer.OctetCount, null, 0, _cname, 0, _cname.Length)
                : _rtcpWriter.WriteReceiverReport(_report, 0, ReportCapacity, LocalSsrc, null, 0, _cname, 0, _cname.Length);
            if (length <= 0 || ReportCapacity - length < 8) return;
            length += _rtcpWriter.WriteBye(_report, length, ReportCapacity - length, LocalSsrc);
            if (_tx!.ProtectRtcp(_report, 0, ref length, ReportCapacity) != SrtpStatus.Ok) return;
            if (_rtcp!.SendTo(_report, 0, length, _peer, _peerRtpPort + 1) == DatagramStatus.Ok) _stats.ReportsSent++;
        }

        /// <summary>Ends a running call (BYE, keys wiped) after adding its counters to <paramref name="totals"/>; nothing when idle.</summary>
        /// <param name="totals">The device's totals over calls.</param>
        public void EndInto(MediaStatistics totals)
        {
            if (!Active) return;
            UpdateLoss();
            totals.Add(_stats);
            Stop();
        }

        /// <summary>Brings <see cref="MediaStatistics.Lost"/> up to date (it is otherwise refreshed with each report).</summary>
        public void UpdateLoss()
        {
            _stats.Lost = _reception.CumulativeLost;
        }
    }
}
