using System;

namespace NanoMikey.Sip.UserAgent
{
    /// <summary>
    /// What a <see cref="SipUserAgent"/> is configured with: who it is, where its media goes, how it answers and the bounds
    /// of its tables. Read once by the user agent's constructor.
    /// </summary>
    public sealed class SipUserAgentOptions
    {
        /// <summary>Creates the defaults: auto-answer off, early media on, 4 dialogs, 8 transactions, 3 redirects.</summary>
        public SipUserAgentOptions()
        {
            LocalUri = string.Empty;
            UserAgentName = "nanoMikey";
            AutoAnswerDelayMicros = -1;
            EarlyMedia = true;
            MaxDialogs = 4;
            MaxTransactions = 8;
            MaxRedirects = 3;
            MaxForwards = 70;
        }

        /// <summary>Our address-of-record, e.g. <c>sip:door@192.0.2.10</c> (From of our requests, RFC 3261 §8.1.1.3).</summary>
        public string LocalUri { get; set; }

        /// <summary>Our IPv4 address as written in Via and Contact (network order read big-endian, 127.0.0.1 is 0x7F000001).</summary>
        public uint LocalAddress { get; set; }

        /// <summary>Where our RTP is received (the SDP's c= line); 0 means <see cref="LocalAddress"/>.</summary>
        public uint MediaAddress { get; set; }

        /// <summary>Our RTP port (the SDP's m= line), 1..65535.</summary>
        public int MediaPort { get; set; }

        /// <summary>
        /// Every out-of-dialog request goes to this proxy (RFC 3261 §8.1.2 outbound proxy) when not 0; else to the host of
        /// the Request-URI, which must be an IPv4 literal.
        /// </summary>
        public uint OutboundProxyAddress { get; set; }

        /// <summary>The outbound proxy's port (5060 when 0).</summary>
        public int OutboundProxyPort { get; set; }

        /// <summary>The User-Agent header's value (RFC 3261 §20.41); empty writes none.</summary>
        public string UserAgentName { get; set; }

        /// <summary>
        /// Callee: answer (200) this long after ringing; negative never answers by itself (<see cref="SipUserAgent.Answer"/>).
        /// </summary>
        public long AutoAnswerDelayMicros { get; set; }

        /// <summary>Callee: ring with 183 and the SDP answer (early media, RFC 5197 §5.1); false rings with 180 without SDP.</summary>
        public bool EarlyMedia { get; set; }

        /// <summary>Callee: refuse every INVITE with this final code (486 Busy Here, 603 Decline); 0 answers normally.</summary>
        public int RejectWith { get; set; }

        /// <summary>Dialogs kept at once (early dialogs of a forked call count one each), 2..64.</summary>
        public int MaxDialogs { get; set; }

        /// <summary>Transactions kept at once; a request arriving when the table is full is answered 503 (RFC 3261 §21.5.4).</summary>
        public int MaxTransactions { get; set; }

        /// <summary>Most 3xx redirects followed for one call (RFC 3261 §8.1.3.4).</summary>
        public int MaxRedirects { get; set; }

        /// <summary>Max-Forwards of our requests (RFC 3261 §8.1.1.6: 70).</summary>
        public int MaxForwards { get; set; }

        internal void Check()
        {
            if (LocalUri == null || UserAgentName == null) throw new ArgumentNullException();
            if (MediaPort < 1 || MediaPort > 65535 || MaxDialogs < 2 || MaxDialogs > 64 || MaxTransactions < 2 || MaxTransactions > 64
                || MaxRedirects < 0 || MaxForwards < 1 || MaxForwards > 255 || OutboundProxyPort < 0 || OutboundProxyPort > 65535)
            {
                throw new ArgumentOutOfRangeException();
            }
        }
    }
}
