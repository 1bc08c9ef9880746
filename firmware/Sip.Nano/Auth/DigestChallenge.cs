using System;

namespace NanoMikey.Sip.Auth
{
    /// <summary>
    /// A digest challenge: the value of a WWW-Authenticate or Proxy-Authenticate header (RFC 3261 §22.4, RFC 7616 §3.3,
    /// RFC 8760 §2). <see cref="Read"/> takes <c>Digest realm="...", nonce="...", ...</c>; a value that is malformed, too
    /// large, lacks realm or nonce, or names an algorithm or qop this side cannot answer gives a status and leaves the last
    /// challenge read as it was. Unknown parameters (domain, charset, userhash, ...) are ignored (RFC 7616 §3.3).
    /// </summary>
    public sealed class DigestChallenge
    {
        /// <summary>Longest header value read (a registrar's challenge is ~200 characters).</summary>
        public const int MaxLength = 2048;

        /// <summary>Longest parameter value (realm, nonce, opaque, qop list) after unquoting.</summary>
        public const int MaxParameterLength = 512;

        /// <summary>Most parameters in one challenge.</summary>
        public const int MaxParameters = 16;

        private readonly char[] _scratch = new char[MaxParameterLength];

        /// <summary>The algorithm to answer with (<see cref="DigestAlgorithm.None"/> until a challenge was read).</summary>
        public DigestAlgorithm Algorithm { get; private set; }

        /// <summary>The protection space (RFC 7616 §3.3 realm), unquoted.</summary>
        public string? Realm { get; private set; }

        /// <summary>The server's nonce, unquoted.</summary>
        public string? Nonce { get; private set; }

        /// <summary>The opaque value to echo, or null when the challenge had none.</summary>
        public string? Opaque { get; private set; }

        /// <summary>The challenge offered qop with <c>auth</c>: answer with qop=auth, cnonce and nc (RFC 7616 §3.4); else the RFC 2617 §3.2.2.1 no-qop form.</summary>
        public bool QopAuth { get; private set; }

        /// <summary>stale=true: the previous answer was right but its nonce expired; retry with the new nonce without asking the user (RFC 7616 §3.3).</summary>
        public bool Stale { get; private set; }

        /// <summary>Reads a header value. On anything but Ok the properties keep the last challenge read.</summary>
        /// <param name="value">The header value (after the header name and colon).</param>
        /// <returns>The outcome.</returns>
        public DigestStatus Read(string value)
        {
            if (value == null) throw new ArgumentNullException();
            if (value.Length > MaxLength) return DigestStatus.TooLarge;
            int n = value.Length;
            int p = SkipSpace(value, 0);
            int scheme = p;
            while (p < n && !TokenText.IsSpace(value[p])) p++;
            if (!TokenText.Equal(value, scheme, p - scheme, "digest", true)) return DigestStatus.UnsupportedScheme;

            string? realm = null, nonce = null, opaque = null;
            DigestAlgorithm algorithm = DigestAlgorithm.Md5; // RFC 7616 §3.3: absent means MD5
            bool algorithmSeen = false, qopSeen = false, qopAuth = false, stale = false, staleSeen = false;
            int count = 0;
            while (true)
            {
                p = SkipSpace(value, p);
                if (p >= n) break;
                if (++count > MaxParameters) return DigestStatus.TooLarge;
                int name = p;
                while (p < n && IsTokenChar(value[p])) p++;
                int nameLength = p - name;
                if (nameLength == 0) return DigestStatus.Malformed;
                p = SkipSpace(value, p);
                if (p >= n || value[p] != '=') return DigestStatus.Malformed;
                p = SkipSpace(value, p + 1);
                // auth-param = token "=" ( token / quoted-string ) (RFC 7235 §2.1).
                int length;
                bool quoted = p < n && value[p] == '"';
                if (quoted)
                {
                    p++;
                    length = 0;
                    while (true)
                    {
                        if (p >= n) return DigestStatus.Malformed;
                        char c = value[p++];
                        if (c == '"') break;
                        if (c == '\\')
                        {
                            if (p >= n) return DigestStatus.Malformed;
                            c = value[p++];
                        }

                        if (length == MaxParameterLength) return DigestStatus.TooLarge;
                        _scratch[length++] = c;
                    }
                }
                else
                {
                    int start = p;
                    while (p < n && IsTokenChar(value[p])) p++;
                    length = p - start;
                    if (length == 0) return DigestStatus.Malformed;
                    if (length > MaxParameterLength) return DigestStatus.TooLarge;
                    for (int i = 0; i < length; i++) _scratch[i] = value[start + i];
                }

                p = SkipSpace(value, p);
                if (p < n)
                {
                    if (value[p] != ',') return DigestStatus.Malformed;
                    p++;
                }

                if (TokenText.Equal(value, name, nameLength, "realm", true))
                {
                    if (realm != null) return DigestStatus.Malformed;
                    realm = new string(_scratch, 0, length);
                }
                else if (TokenText.Equal(value, name, nameLength, "nonce", true))
                {
                    if (nonce != null) return DigestStatus.Malformed;
                    nonce = new string(_scratch, 0, length);
                }
                else if (TokenText.Equal(value, name, nameLength, "opaque", true))
                {
                    if (opaque != null) return DigestStatus.Malformed;
                    opaque = new string(_scratch, 0, length);
                }
                else if (TokenText.Equal(value, name, nameLength, "algorithm", true))
                {
                    if (algorithmSeen) return DigestStatus.Malformed;
                    algorithmSeen = true;
                    algorithm = ParseAlgorithm(_scratch, length);
                }
                else if (TokenText.Equal(value, name, nameLength, "qop", true))
                {
                    if (qopSeen) return DigestStatus.Malformed;
                    qopSeen = true;
                    qopAuth = ListHasAuth(_scratch, length);
                }
                else if (TokenText.Equal(value, name, nameLength, "stale", true))
                {
                    if (staleSeen) return DigestStatus.Malformed;
                    staleSeen = true;
                    stale = length == 4 && Lower(_scratch[0]) == 't' && Lower(_scratch[1]) == 'r' && Lower(_scratch[2]) == 'u' && Lower(_scratch[3]) == 'e';
                }
            }

            if (realm == null) return DigestStatus.MissingRealm;
            if (nonce == null || nonce.Length == 0) return DigestStatus.MissingNonce;
            if (algorithm == DigestAlgorithm.None) return DigestStatus.UnsupportedAlgorithm;
            if (qopSeen && !qopAuth) return DigestStatus.UnsupportedQop;
            // A -sess A1 takes the cnonce, which is sent only with a qop (RFC 2617 §3.2.2.2, RFC 7616 §3.4.2).
            if (!qopSeen && (algorithm == DigestAlgorithm.Md5Sess || algorithm == DigestAlgorithm.Sha256Sess)) return DigestStatus.UnsupportedQop;
            Realm = realm;
            Nonce = nonce;
            Opaque = opaque;
            Algorithm = algorithm;
            QopAuth = qopAuth;
            Stale = stale;
            return DigestStatus.Ok;
        }

        /// <summary>The algorithm token as written in an Authorization header (RFC 7616 §6.1 registry spelling).</summary>
        /// <param name="algorithm">The algorithm.</param>
        /// <returns>MD5, MD5-sess, SHA-256 or SHA-256-sess.</returns>
        public static string AlgorithmToken(DigestAlgorithm algorithm)
        {
            switch (algorithm)
            {
                case DigestAlgorithm.Md5: return "MD5";
                case DigestAlgorithm.Md5Sess: return "MD5-sess";
                case DigestAlgorithm.Sha256: return "SHA-256";
                case DigestAlgorithm.Sha256Sess: return "SHA-256-sess";
                default: throw new ArgumentOutOfRangeException();
            }
        }

        private static DigestAlgorithm ParseAlgorithm(char[] c, int n)
        {
            // Case-insensitive (RFC 7616 §3.3 algorithm tokens; registrars write "md5" too).
            string s = new string(c, 0, n);
            if (TokenText.Equal(s, 0, n, "md5", true)) return DigestAlgorithm.Md5;
            if (TokenText.Equal(s, 0, n, "md5-sess", true)) return DigestAlgorithm.Md5Sess;
            if (TokenText.Equal(s, 0, n, "sha-256", true)) return DigestAlgorithm.Sha256;
            if (TokenText.Equal(s, 0, n, "sha-256-sess", true)) return DigestAlgorithm.Sha256Sess;
            return DigestAlgorithm.None;
        }

        // qop-options: a quoted, comma-separated list of tokens (RFC 7616 §3.3); true when "auth" is one of them.
        private static bool ListHasAuth(char[] c, int n)
        {
            int p = 0;
            while (p < n)
            {
                while (p < n && (c[p] == ',' || TokenText.IsSpace(c[p]))) p++;
                int start = p;
                while (p < n && c[p] != ',' && !TokenText.IsSpace(c[p])) p++;
                if (p - start == 4 && Lower(c[start]) == 'a' && Lower(c[start + 1]) == 'u' && Lower(c[start + 2]) == 't' && Lower(c[start + 3]) == 'h')
                {
                    return true;
                }
            }

            return false;
        }

        private static char Lower(char c)
        {
            return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
        }

        private static int SkipSpace(string s, int p)
        {
            while (p < s.Length && (TokenText.IsSpace(s[p]) || s[p] == '\r' || s[p] == '\n')) p++;
            return p;
        }

        // token (RFC 3261 §25.1): alphanum and -.!%*_+`'~
        private static bool IsTokenChar(char c)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '!'
                || c == '%' || c == '*' || c == '_' || c == '+' || c == '`' || c == '\'' || c == '~';
        }
    }
}
