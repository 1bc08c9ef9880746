using System;

namespace NanoMikey.Sip.Message
{
    /// <summary>
    /// The parts of a SIP or SIPS URI the device routes by (RFC 3261 §19.1.1): user, host, port and the <c>transport</c>
    /// and <c>lr</c> parameters (§19.1.4, RFC 3261 §16.12). One instance is reused: <see cref="Parse"/> overwrites it.
    /// </summary>
    public sealed class SipUri
    {
        private static readonly string TransportName = "transport";
        private static readonly string LrName = "lr";

        /// <summary>True for <c>sips:</c> (RFC 3261 §19.1).</summary>
        public bool IsSecure { get; private set; }

        /// <summary>The user part (escapes kept as sent), or null when there is none.</summary>
        public string? User { get; private set; }

        /// <summary>The host (an IPv6 reference keeps its brackets).</summary>
        public string Host { get; private set; } = string.Empty;

        /// <summary>The port, or 0 when the URI has none (then 5060, or 5061 for sips, RFC 3263).</summary>
        public int Port { get; private set; }

        /// <summary>The <c>transport</c> parameter (e.g. <c>udp</c>), or null.</summary>
        public string? Transport { get; private set; }

        /// <summary>True when the URI carries <c>lr</c> (a loose router, RFC 3261 §16.12, §19.1.1).</summary>
        public bool LooseRouting { get; private set; }

        /// <summary>Reads a URI, with or without angle brackets around it.</summary>
        /// <param name="text">The URI text.</param>
        /// <returns>False when it is not a sip: or sips: URI with a host and a port in 1..65535; the instance is then cleared.</returns>
        public bool Parse(string text)
        {
            if (text == null) throw new ArgumentNullException();
            IsSecure = false;
            User = null;
            Host = string.Empty;
            Port = 0;
            Transport = null;
            LooseRouting = false;
            int p = 0;
            int end = text.Length;
            if (end > 1 && text[0] == '<' && text[end - 1] == '>')
            {
                p = 1;
                end--;
            }

            int colon = IndexOf(text, ':', p, end);
            if (colon < 0) return false;
            if (colon - p == 3 && Lower(text[p]) == 's' && Lower(text[p + 1]) == 'i' && Lower(text[p + 2]) == 'p')
            {
                IsSecure = false;
            }
            else if (colon - p == 4 && Lower(text[p]) == 's' && Lower(text[p + 1]) == 'i' && Lower(text[p + 2]) == 'p' && Lower(text[p + 3]) == 's')
            {
                IsSecure = true;
            }
            else
            {
                return false;
            }

            // The headers part (§19.1.1 "?...") ends what is parsed here.
            int q = IndexOf(text, '?', colon + 1, end);
            if (q >= 0) end = q;
            int hostStart = colon + 1;
            int at = IndexOf(text, '@', hostStart, end);
            if (at >= 0)
            {
                if (at == hostStart) return Fail();
                User = text.Substring(hostStart, at - hostStart);
                int pw = IndexOf(User, ':', 0, User.Length);
                if (pw >= 0) User = User.Substring(0, pw);
                hostStart = at + 1;
            }

            int semi = IndexOf(text, ';', hostStart, end);
            int hostEnd = semi < 0 ? end : semi;
            int portColon;
            if (hostStart < hostEnd && text[hostStart] == '[')
            {
                int close = IndexOf(text, ']', hostStart, hostEnd);
                if (close < 0) return Fail();
                portColon = close + 1 < hostEnd && text[close + 1] == ':' ? close + 1 : -1;
                if (portColon < 0 && close + 1 != hostEnd) return Fail();
                Host = text.Substring(hostStart, close + 1 - hostStart);
            }
            else
            {
                portColon = IndexOf(text, ':', hostStart, hostEnd);
                int he = portColon < 0 ? hostEnd : portColon;
                if (he == hostStart) return Fail();
                for (int i = hostStart; i < he; i++)
                {
                    char c = text[i];
                    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) return Fail();
                }

                Host = text.Substring(hostStart, he - hostStart);
            }

            if (portColon >= 0)
            {
                int port = 0;
                if (portColon + 1 == hostEnd || hostEnd - portColon - 1 > 5) return Fail();
                for (int i = portColon + 1; i < hostEnd; i++)
                {
                    char c = text[i];
                    if (c < '0' || c > '9') return Fail();
                    port = port * 10 + (c - '0');
                }

                if (port < 1 || port > 65535) return Fail();
                Port = port;
            }

            // uri-parameters = *( ";" uri-parameter ) (§19.1.1, names without case).
            p = hostEnd;
            while (p < end)
            {
                int n = p + 1;
                int next = IndexOf(text, ';', n, end);
                if (next < 0) next = end;
                int eq = IndexOf(text, '=', n, next);
                int nameEnd = eq < 0 ? next : eq;
                if (SameIgnoreCase(text, n, nameEnd, LrName)) LooseRouting = true;
                else if (eq >= 0 && SameIgnoreCase(text, n, nameEnd, TransportName)) Transport = text.Substring(eq + 1, next - eq - 1);
                p = next;
            }

            return true;
        }

        private bool Fail()
        {
            IsSecure = false;
            User = null;
            Host = string.Empty;
            Port = 0;
            return false;
        }

        private static int IndexOf(string s, char c, int from, int end)
        {
            for (int i = from; i < end; i++)
            {
                if (s[i] == c) return i;
            }

            return -1;
        }

        private static char Lower(char c)
        {
            return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
        }

        private static bool SameIgnoreCase(string s, int from, int end, string name)
        {
            if (end - from != name.Length) return false;
            for (int i = 0; i < name.Length; i++)
            {
                if (Lower(s[from + i]) != name[i]) return false;
            }

            return true;
        }
    }
}
