using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Hash;

namespace NanoMikey.Sip.Auth
{
    /// <summary>
    /// Writes the Authorization / Proxy-Authorization value that answers a <see cref="DigestChallenge"/> (RFC 3261 §22.2,
    /// §22.3; RFC 7616 §3.4; RFC 8760 for SHA-256 in SIP): with qop=auth the response is
    /// H(H(A1):nonce:nc:cnonce:auth:H(A2)), without a qop the RFC 2617 §3.2.2.1 form H(H(A1):nonce:H(A2)); A1 =
    /// user:realm:password (for -sess: H(user:realm:password):nonce:cnonce, RFC 7616 §3.4.2), A2 = method:digest-uri.
    /// The nonce count (nc) counts the answers to one nonce, starting at 1 for each new nonce (RFC 7616 §3.4).
    /// </summary>
    /// <remarks>Signalling, not a per-packet path: each answer allocates its strings; the hash objects are reused.</remarks>
    public sealed class DigestAuthorization
    {
        private static readonly char[] HexDigits = { '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f' };

        private readonly Md5 _md5 = new Md5();
        private readonly Sha256 _sha256 = new Sha256();
        private readonly byte[] _digest = new byte[Sha256.HashSize];
        private readonly byte[] _ha1 = new byte[2 * Sha256.HashSize];
        private readonly byte[] _ha2 = new byte[2 * Sha256.HashSize];
        private readonly byte[] _chunk = new byte[64];
        private readonly char[] _hex = new char[2 * Sha256.HashSize];
        private MerkleDamgardHash _h;
        private int _chunkLength;
        private string? _lastNonce;
        private uint _lastCount;

        /// <summary>Creates a writer.</summary>
        public DigestAuthorization()
        {
            _h = _md5;
        }

        /// <summary>The header value written by the last successful <see cref="Write"/>, or null.</summary>
        public string? Value { get; private set; }

        /// <summary>The response (lower-case hex) of the last successful <see cref="Write"/>, or null.</summary>
        public string? Response { get; private set; }

        /// <summary>The nc of the last successful <see cref="Write"/> (1 for a nonce's first answer).</summary>
        public uint NonceCount
        {
            get { return _lastCount; }
        }

        /// <summary>Answers a challenge.</summary>
        /// <param name="challenge">A challenge read with Ok.</param>
        /// <param name="credentials">The account's credentials.</param>
        /// <param name="method">The request method (REGISTER, INVITE, ...; for ACK/CANCEL the INVITE's, RFC 3261 §22.1).</param>
        /// <param name="digestUri">The Request-URI of the request (RFC 3261 §22.4: the uri parameter).</param>
        /// <param name="cnonce">A fresh client nonce (printable ASCII without quote or backslash; used only with qop).</param>
        /// <returns>Ok with <see cref="Value"/> set; NoChallenge or WrongRealm otherwise (nothing changes).</returns>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException">The method is empty, or the cnonce is empty or holds a quote, backslash or control character.</exception>
        public DigestStatus Write(DigestChallenge challenge, DigestCredentials credentials, string method, string digestUri, string cnonce)
        {
            if (challenge == null || credentials == null || method == null || digestUri == null || cnonce == null) throw new ArgumentNullException();
            if (method.Length == 0 || !PlainText(cnonce) || DigestCredentials.Utf8Length(digestUri) < 0 || DigestCredentials.Utf8Length(method) < 0)
            {
                throw new ArgumentException();
            }

            if (challenge.Algorithm == DigestAlgorithm.None || challenge.Realm == null || challenge.Nonce == null) return DigestStatus.NoChallenge;
            string realm = challenge.Realm;
            string nonce = challenge.Nonce;
            if (credentials.Realm != null && credentials.Realm != realm) return DigestStatus.WrongRealm;

            DigestAlgorithm alg = challenge.Algorithm;
            bool qop = challenge.QopAuth;
            uint nc = nonce == _lastNonce ? _lastCount + 1 : 1;
            string ncText = Hex8(nc);
            _h = alg == DigestAlgorithm.Md5 || alg == DigestAlgorithm.Md5Sess ? (MerkleDamgardHash)_md5 : _sha256;
            int hexLength = 2 * _h.DigestLength;

            // H(A1), RFC 7616 §3.4.2; the password bytes pass through the hash only.
            Feed(credentials.User);
            Colon();
            Feed(realm);
            Colon();
            Flush();
            _h.Update(credentials.Password, 0, credentials.PasswordLength);
            FinishHex(_ha1);
            if (alg == DigestAlgorithm.Md5Sess || alg == DigestAlgorithm.Sha256Sess)
            {
                _h.Update(_ha1, 0, hexLength);
                Colon();
                Feed(nonce);
                Colon();
                Feed(cnonce);
                FinishHex(_ha1);
            }

            // H(A2) for qop=auth or none, RFC 7616 §3.4.3.
            Feed(method);
            Colon();
            Feed(digestUri);
            FinishHex(_ha2);

            // response, RFC 7616 §3.4.1 (qop=auth) or RFC 2617 §3.2.2.1 (no qop).
            _h.Update(_ha1, 0, hexLength);
            Colon();
            Feed(nonce);
            Colon();
            if (qop)
            {
                Feed(ncText);
                Colon();
                Feed(cnonce);
                Colon();
                Feed("auth");
                Colon();
            }

            Flush();
            _h.Update(_ha2, 0, hexLength);
            Flush();
            _h.Final(_digest, 0);
            SecureMemory.Wipe(_ha1);
            for (int i = 0; i < _h.DigestLength; i++)
            {
                _hex[2 * i] = HexDigits[_digest[i] >> 4];
                _hex[2 * i + 1] = HexDigits[_digest[i] & 15];
            }

            string response = new string(_hex, 0, hexLength);
            // RFC 3261 §25.1 digest-response; RFC 7616 §3.4 order of the example.
            string v = "Digest username=\"" + Quote(credentials.User) + "\", realm=\"" + Quote(realm) + "\", nonce=\"" + Quote(nonce)
                + "\", uri=\"" + Quote(digestUri) + "\", response=\"" + response + "\", algorithm=" + DigestChallenge.AlgorithmToken(alg);
            if (qop) v = v + ", cnonce=\"" + cnonce + "\"";
            if (challenge.Opaque != null) v = v + ", opaque=\"" + Quote(challenge.Opaque) + "\"";
            if (qop) v = v + ", qop=auth, nc=" + ncText;
            Value = v;
            Response = response;
            _lastNonce = nonce;
            _lastCount = nc;
            return DigestStatus.Ok;
        }

        // Appends text (UTF-8) to the running hash through a small chunk buffer.
        private void Feed(string s)
        {
            for (int i = 0; i < s.Length; i++)
            {
                if (_chunkLength > _chunk.Length - 4) Flush();
                int c = s[i];
                if (c < 0x80)
                {
                    _chunk[_chunkLength++] = (byte)c;
                }
                else if (c < 0x800)
                {
                    _chunk[_chunkLength++] = (byte)(0xC0 | (c >> 6));
                    _chunk[_chunkLength++] = (byte)(0x80 | (c & 0x3F));
                }
                else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.Length)
                {
                    // A pair (checked by the callers' Utf8Length).
                    int cp = 0x10000 + ((c - 0xD800) << 10) + (s[++i] - 0xDC00);
                    _chunk[_chunkLength++] = (byte)(0xF0 | (cp >> 18));
                    _chunk[_chunkLength++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                    _chunk[_chunkLength++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                    _chunk[_chunkLength++] = (byte)(0x80 | (cp & 0x3F));
                }
                else
                {
                    _chunk[_chunkLength++] = (byte)(0xE0 | (c >> 12));
                    _chunk[_chunkLength++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    _chunk[_chunkLength++] = (byte)(0x80 | (c & 0x3F));
                }
            }
        }

        private void Colon()
        {
            if (_chunkLength == _chunk.Length) Flush();
            _chunk[_chunkLength++] = (byte)':';
        }

        private void Flush()
        {
            if (_chunkLength > 0) _h.Update(_chunk, 0, _chunkLength);
            SecureMemory.Wipe(_chunk);
            _chunkLength = 0;
        }

        // Ends the running hash and writes its lower-case hex digest as bytes (the next hash's input, RFC 7616 §3.4.1).
        private void FinishHex(byte[] hex)
        {
            Flush();
            _h.Final(_digest, 0);
            for (int i = 0; i < _h.DigestLength; i++)
            {
                hex[2 * i] = (byte)HexDigits[_digest[i] >> 4];
                hex[2 * i + 1] = (byte)HexDigits[_digest[i] & 15];
            }

            SecureMemory.Wipe(_digest);
        }

        private static string Hex8(uint v)
        {
            var c = new char[8];
            for (int i = 0; i < 8; i++) c[i] = HexDigits[(v >> (28 - 4 * i)) & 15];
            return new string(c);
        }

        // quoted-string content: escape quote and backslash (RFC 3261 §25.1 quoted-pair).
        private static string Quote(string s)
        {
            int extra = 0;
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] == '"' || s[i] == '\\') extra++;
            }

            if (extra == 0) return s;
            var c = new char[s.Length + extra];
            int o = 0;
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] == '"' || s[i] == '\\') c[o++] = '\\';
                c[o++] = s[i];
            }

            return new string(c);
        }

        private static bool PlainText(string s)
        {
            if (s.Length == 0 || s.Length > DigestChallenge.MaxParameterLength) return false;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c <= ' ' || c > '~' || c == '"' || c == '\\') return false;
            }

            return true;
        }
    }
}
