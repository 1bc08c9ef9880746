using NanoMikey.Sip.Message;

namespace NanoMikey.Sip.UserAgent
{
    /// <summary>The IPv4 host and port of a SIP URI (RFC 3261 §19.1.1), for sending without DNS (the device resolves no SIP names).</summary>
    internal sealed class SipHostPort
    {
        private readonly SipUri _uri = new SipUri();

        /// <summary>Reads <c>sip:[user@]a.b.c.d[:port][;params]</c> (a name-addr's URI too); port 5060 when absent.</summary>
        internal bool TryParse(string? text, out uint address, out int port)
        {
            address = 0;
            port = 0;
            if (text == null) return false;
            // sips needs TLS, which this user agent does not speak (RFC 3261 §26.2.2).
            if (!_uri.Parse(Dialog.SipDialog.UriOf(text)) || _uri.IsSecure) return false;
            string h = _uri.Host;
            uint a = 0;
            int i = 0;
            for (int octet = 0; octet < 4; octet++)
            {
                int v = 0, digits = 0;
                while (i < h.Length && h[i] >= '0' && h[i] <= '9' && digits < 4)
                {
                    v = v * 10 + (h[i] - '0');
                    i++;
                    digits++;
                }

                if (digits == 0 || digits > 3 || v > 255) return false;
                a = (a << 8) | (uint)v;
                if (octet < 3)
                {
                    if (i >= h.Length || h[i] != '.') return false;
                    i++;
                }
            }

            if (i != h.Length || a == 0) return false;
            address = a;
            port = _uri.Port != 0 ? _uri.Port : 5060;
            return true;
        }
    }
}
