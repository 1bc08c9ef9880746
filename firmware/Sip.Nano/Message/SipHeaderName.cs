namespace NanoMikey.Sip.Message
{
    /// <summary>
    /// Header names of RFC 3261 §20 (and the extensions the device meets). Static fields, not constants: on nanoFramework
    /// every executed string literal allocates, a static field is loaded once.
    /// </summary>
    public static class SipHeaderName
    {
        /// <summary>Via (RFC 3261 §20.42; compact form v).</summary>
        public static readonly string Via = "Via";

        /// <summary>From (RFC 3261 §20.20; compact form f).</summary>
        public static readonly string From = "From";

        /// <summary>To (RFC 3261 §20.39; compact form t).</summary>
        public static readonly string To = "To";

        /// <summary>Call-ID (RFC 3261 §20.8; compact form i).</summary>
        public static readonly string CallId = "Call-ID";

        /// <summary>CSeq (RFC 3261 §20.16).</summary>
        public static readonly string CSeq = "CSeq";

        /// <summary>Contact (RFC 3261 §20.10; compact form m).</summary>
        public static readonly string Contact = "Contact";

        /// <summary>Content-Length (RFC 3261 §20.14; compact form l).</summary>
        public static readonly string ContentLength = "Content-Length";

        /// <summary>Content-Type (RFC 3261 §20.15; compact form c).</summary>
        public static readonly string ContentType = "Content-Type";

        /// <summary>Max-Forwards (RFC 3261 §20.22).</summary>
        public static readonly string MaxForwards = "Max-Forwards";

        /// <summary>Expires (RFC 3261 §20.19).</summary>
        public static readonly string Expires = "Expires";

        /// <summary>Record-Route (RFC 3261 §20.30).</summary>
        public static readonly string RecordRoute = "Record-Route";

        /// <summary>Route (RFC 3261 §20.34).</summary>
        public static readonly string Route = "Route";

        /// <summary>WWW-Authenticate (RFC 3261 §20.44).</summary>
        public static readonly string WwwAuthenticate = "WWW-Authenticate";

        /// <summary>Proxy-Authenticate (RFC 3261 §20.27).</summary>
        public static readonly string ProxyAuthenticate = "Proxy-Authenticate";

        /// <summary>Authorization (RFC 3261 §20.7).</summary>
        public static readonly string Authorization = "Authorization";

        /// <summary>Proxy-Authorization (RFC 3261 §20.28).</summary>
        public static readonly string ProxyAuthorization = "Proxy-Authorization";

        /// <summary>Subject (RFC 3261 §20.36; compact form s).</summary>
        public static readonly string Subject = "Subject";

        /// <summary>Supported (RFC 3261 §20.37; compact form k).</summary>
        public static readonly string Supported = "Supported";

        /// <summary>Content-Encoding (RFC 3261 §20.12; compact form e).</summary>
        public static readonly string ContentEncoding = "Content-Encoding";

        /// <summary>Event (RFC 6665 §8.2.1; compact form o).</summary>
        public static readonly string Event = "Event";

        /// <summary>Allow-Events (RFC 6665 §8.2.2; compact form u).</summary>
        public static readonly string AllowEvents = "Allow-Events";

        /// <summary>Refer-To (RFC 3515 §2.1; compact form r).</summary>
        public static readonly string ReferTo = "Refer-To";

        /// <summary>Referred-By (RFC 3892 §3; compact form b).</summary>
        public static readonly string ReferredBy = "Referred-By";

        /// <summary>Session-Expires (RFC 4028 §4; compact form x).</summary>
        public static readonly string SessionExpires = "Session-Expires";

        /// <summary>Allow (RFC 3261 §20.5).</summary>
        public static readonly string Allow = "Allow";

        /// <summary>Require (RFC 3261 §20.32).</summary>
        public static readonly string Require = "Require";

        /// <summary>Unsupported (RFC 3261 §20.40).</summary>
        public static readonly string Unsupported = "Unsupported";

        /// <summary>User-Agent (RFC 3261 §20.41).</summary>
        public static readonly string UserAgent = "User-Agent";

        /// <summary>Server (RFC 3261 §20.35).</summary>
        public static readonly string Server = "Server";

        /// <summary>Retry-After (RFC 3261 §20.33).</summary>
        public static readonly string RetryAfter = "Retry-After";

        /// <summary>Accept (RFC 3261 §20.1).</summary>
        public static readonly string Accept = "Accept";

        /// <summary>
        /// The names <see cref="SipMessageReader"/> knows by number, in id order; <see cref="Compact"/> holds each one's
        /// compact form (RFC 3261 §7.3.3), or 0 when it has none.
        /// </summary>
        internal static readonly string[] Known =
        {
            Via, From, To, CallId, CSeq, Contact, ContentLength, ContentType, MaxForwards, Expires, RecordRoute, Route,
            WwwAuthenticate, ProxyAuthenticate, Subject, Supported, ContentEncoding, Event, AllowEvents, ReferTo, ReferredBy,
            SessionExpires,
        };

        internal static readonly char[] Compact =
        {
            'v', 'f', 't', 'i', '\0', 'm', 'l', 'c', '\0', '\0', '\0', '\0', '\0', '\0', 's', 'k', 'e', 'o', 'u', 'r', 'b', 'x',
        };

        internal const int IdVia = 0;
        internal const int IdFrom = 1;
        internal const int IdTo = 2;
        internal const int IdCallId = 3;
        internal const int IdCSeq = 4;
        internal const int IdContact = 5;
        internal const int IdContentLength = 6;
        internal const int IdContentType = 7;
        internal const int IdMaxForwards = 8;
        internal const int IdExpires = 9;
        internal const int IdRecordRoute = 10;
        internal const int IdRoute = 11;
        internal const int IdWwwAuthenticate = 12;
        internal const int IdProxyAuthenticate = 13;

        // The id of a header name given as bytes (long or compact form, any case), or -1 for a name not in Known.
        internal static int IdOf(byte[] b, int p, int length)
        {
            if (length == 1)
            {
                int c = b[p];
                if (c >= 'A' && c <= 'Z') c += 32;
                for (int i = 0; i < Compact.Length; i++)
                {
                    if (Compact[i] == c) return i;
                }

                return -1;
            }

            for (int i = 0; i < Known.Length; i++)
            {
                if (SipText.EqualsIgnoreCase(b, p, length, Known[i])) return i;
            }

            return -1;
        }

        // The id of a header name given as a string (long or compact form, any case), or -1.
        internal static int IdOf(string name)
        {
            if (name.Length == 1)
            {
                int c = name[0];
                if (c >= 'A' && c <= 'Z') c += 32;
                for (int i = 0; i < Compact.Length; i++)
                {
                    if (Compact[i] == c) return i;
                }

                return -1;
            }

            for (int i = 0; i < Known.Length; i++)
            {
                string k = Known[i];
                if (k.Length != name.Length) continue;
                bool same = true;
                for (int j = 0; j < k.Length && same; j++)
                {
                    int x = k[j];
                    int y = name[j];
                    if (x >= 'A' && x <= 'Z') x += 32;
                    if (y >= 'A' && y <= 'Z') y += 32;
                    same = x == y;
                }

                if (same) return i;
            }

            return -1;
        }
    }
}
