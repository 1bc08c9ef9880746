using System;

namespace NanoMikey.Rtsp.Server
{
    /// <summary>The limits and identity of an <see cref="RtspServer"/>; read once by its constructor.</summary>
    public sealed class RtspServerOptions
    {
        /// <summary>Creates the defaults: path <c>/audio</c>, PCMU, 2 clients, 60 s session timeout, 10 s for a silent connection.</summary>
        public RtspServerOptions()
        {
            Path = "/audio";
            PayloadType = 0;
            MaxClients = 2;
            SessionTimeoutSeconds = 60;
            IdleConnectionMicros = 10000000;
            SenderReportIntervalMicros = 5000000;
            ReceiveBufferLength = 2048;
            SendBufferLength = 2048;
        }

        /// <summary>The presentation's path (e.g. <c>/audio</c>): DESCRIBE answers rtsp://host:port + path, SETUP its <c>/stream=0</c>.</summary>
        public string Path { get; set; }

        /// <summary>The RTP payload type: 0 PCMU or 8 PCMA (RFC 3551 §6).</summary>
        public int PayloadType { get; set; }

        /// <summary>Connections served at once (each has fixed buffers and its own SRTP contexts); one more is answered 503.</summary>
        public int MaxClients { get; set; }

        /// <summary>The session timeout announced in the Session header (RFC 2326 §12.37); a session silent for longer is ended.</summary>
        public int SessionTimeoutSeconds { get; set; }

        /// <summary>How long a connection without a session may stay silent before it is closed (frees a slot a silent client holds).</summary>
        public long IdleConnectionMicros { get; set; }

        /// <summary>Interval of the SRTCP sender reports to each playing client (RFC 3550 §6.2).</summary>
        public long SenderReportIntervalMicros { get; set; }

        /// <summary>Receive buffer of each connection: the largest request (headers and body) accepted, else 413.</summary>
        public int ReceiveBufferLength { get; set; }

        /// <summary>Send buffer of each connection: answers, and interleaved media held back while TCP has no room.</summary>
        public int SendBufferLength { get; set; }

        internal void Check()
        {
            if (Path == null || Path.Length < 1 || Path[0] != '/' || Path.Length > 64) throw new ArgumentOutOfRangeException();
            if ((PayloadType != 0 && PayloadType != 8) || MaxClients < 1 || MaxClients > 16 || SessionTimeoutSeconds < 5
                || IdleConnectionMicros < 1 || SenderReportIntervalMicros < 100000 || ReceiveBufferLength < 512 || SendBufferLength < 1024)
            {
                throw new ArgumentOutOfRangeException();
            }
        }
    }
}
