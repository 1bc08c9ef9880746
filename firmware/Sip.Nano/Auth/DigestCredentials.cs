using System;
using NanoMikey.Crypto;

namespace NanoMikey.Sip.Auth
{
    /// <summary>
    /// A SIP account's digest credentials (RFC 3261 §22.1): user name, realm and password. The password is held as UTF-8
    /// bytes (RFC 7616 §4: the charset both sides hash) so <see cref="Clear"/> can wipe it; the user name is not secret.
    /// </summary>
    public sealed class DigestCredentials
    {
        /// <summary>Longest user name, realm or password in characters.</summary>
        public const int MaxLength = 256;

        private readonly byte[] _password = new byte[3 * MaxLength];
        private int _passwordLength;

        /// <summary>Creates credentials.</summary>
        /// <param name="user">The user name (the SIP URI's user part, or the account name the registrar gives).</param>
        /// <param name="realm">The realm they are for, or null to answer any realm (a registrar whose realm is not configured).</param>
        /// <param name="password">The password.</param>
        /// <exception cref="ArgumentNullException">User or password is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A value is longer than <see cref="MaxLength"/> or holds an unpaired surrogate.</exception>
        public DigestCredentials(string user, string? realm, string password)
        {
            if (user == null || password == null) throw new ArgumentNullException();
            if (user.Length > MaxLength || password.Length > MaxLength || (realm != null && realm.Length > MaxLength)) throw new ArgumentOutOfRangeException();
            if (Utf8Length(user) < 0 || (realm != null && Utf8Length(realm) < 0)) throw new ArgumentOutOfRangeException();
            _passwordLength = Utf8Encode(password, _password, 0);
            if (_passwordLength < 0) throw new ArgumentOutOfRangeException();
            User = user;
            Realm = realm;
        }

        /// <summary>The user name.</summary>
        public string User { get; private set; }

        /// <summary>The realm, or null for any.</summary>
        public string? Realm { get; private set; }

        internal byte[] Password
        {
            get { return _password; }
        }

        internal int PasswordLength
        {
            get { return _passwordLength; }
        }

        /// <summary>Wipes the password; answers written afterwards use an empty one.</summary>
        public void Clear()
        {
            SecureMemory.Wipe(_password);
            _passwordLength = 0;
        }

        /// <summary>Bytes <paramref name="s"/> takes in UTF-8, or -1 with an unpaired surrogate.</summary>
        internal static int Utf8Length(string s)
        {
            int n = 0;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c < 0x80) n += 1;
                else if (c < 0x800) n += 2;
                else if (c >= 0xD800 && c <= 0xDBFF)
                {
                    if (i + 1 >= s.Length || s[i + 1] < 0xDC00 || s[i + 1] > 0xDFFF) return -1;
                    n += 4;
                    i++;
                }
                else if (c >= 0xDC00 && c <= 0xDFFF) return -1;
                else n += 3;
            }

            return n;
        }

        /// <summary>Writes <paramref name="s"/> as UTF-8 (RFC 3629) at <paramref name="offset"/>; returns the bytes written, or -1 with an unpaired surrogate.</summary>
        internal static int Utf8Encode(string s, byte[] output, int offset)
        {
            int n = Utf8Length(s);
            if (n < 0) return -1;
            int o = offset;
            for (int i = 0; i < s.Length; i++)
            {
                int c = s[i];
                if (c < 0x80)
                {
                    output[o++] = (byte)c;
                }
                else if (c < 0x800)
                {
                    output[o++] = (byte)(0xC0 | (c >> 6));
                    output[o++] = (byte)(0x80 | (c & 0x3F));
                }
                else if (c >= 0xD800 && c <= 0xDBFF)
                {
                    int cp = 0x10000 + ((c - 0xD800) << 10) + (s[++i] - 0xDC00);
                    output[o++] = (byte)(0xF0 | (cp >> 18));
                    output[o++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                    output[o++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                    output[o++] = (byte)(0x80 | (cp & 0x3F));
                }
                else
                {
                    output[o++] = (byte)(0xE0 | (c >> 12));
                    output[o++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    output[o++] = (byte)(0x80 | (c & 0x3F));
                }
            }

            return n;
        }
    }
}
