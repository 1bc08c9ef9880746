using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Mac;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Rsa
{
    /// <summary>
    /// The DHHMAC KEMAC MAC (RFC 4650 §3, §4.2): auth_key = PRF(PSK, 0x2D22AC75 ‖ 0xFF ‖ CSB ID ‖ RAND) (RFC 3830 §4.1.4 with
    /// the I_message's CSB ID and RAND; one key for both messages), MAC = HMAC(auth_key, the whole message up to the MAC
    /// field). HMAC-SHA-1-160 (RFC 4650's) or HMAC-SHA-256-256 (RFC 6043 §6.2). Owns its HMACs; allocation-free after the
    /// first use of each; <see cref="Clear"/> wipes auth_key.
    /// </summary>
    internal sealed class DhHmacAuthentication
    {
        private readonly MikeyKeyDerivation _kd;
        private readonly byte[] _authKey = new byte[32];
        private readonly byte[] _computed = new byte[32];
        private HmacSha1? _sha1;
        private HmacSha256? _sha256;
        private MacAlgorithm _mac;
        private int _keyLength;

        internal DhHmacAuthentication(MikeyKeyDerivation kd)
        {
            _kd = kd;
        }

        /// <summary>The MAC algorithm auth_key was derived for.</summary>
        internal MacAlgorithm Mac
        {
            get { return _mac; }
        }

        /// <summary>True for the MAC algorithms DHHMAC may use here: HMAC-SHA-1-160 and HMAC-SHA-256-256 (never NULL).</summary>
        internal static bool Allowed(MacAlgorithm mac)
        {
            return mac == MacAlgorithm.HmacSha1160 || mac == MacAlgorithm.HmacSha256256;
        }

        /// <summary>Derives auth_key for <paramref name="mac"/> from the PSK (RFC 3830 §4.1.4).</summary>
        internal void Derive(PrfFunction prf, byte[] psk, int pskLength, uint csbId, byte[] rand, int randOffset, int randLength, MacAlgorithm mac)
        {
            if (!Allowed(mac)) throw new ArgumentOutOfRangeException();
            Clear();
            _keyLength = KemacProtection.AuthenticationKeyLength(mac);
            _kd.Derive(prf, psk, 0, pskLength, MikeyKeyDerivation.MessageAuthenticationKeyConstant, MikeyKeyDerivation.MessageKeyCsId, csbId,
                rand, randOffset, randLength, _authKey, 0, _keyLength);
            _mac = mac;
        }

        /// <summary>MAC over <paramref name="length"/> bytes into <paramref name="output"/> (the algorithm's full length).</summary>
        internal void Compute(byte[] data, int offset, int length, byte[] output, int outputOffset)
        {
            Hmac h = Loaded();
            h.Compute(data, offset, length, output, outputOffset, h.MacLength);
            h.Clear();
        }

        /// <summary>Checks a received MAC in constant time; false when its length is not the algorithm's.</summary>
        internal bool Verify(byte[] data, int offset, int length, byte[] mac, int macOffset, int macLength)
        {
            Hmac h = Loaded();
            bool ok = macLength == h.MacLength;
            if (ok)
            {
                h.Compute(data, offset, length, _computed, 0, macLength);
                ok = ConstantTime.AreEqual(_computed, 0, mac, macOffset, macLength);
            }

            h.Clear();
            SecureMemory.Wipe(_computed);
            return ok;
        }

        /// <summary>Wipes auth_key.</summary>
        internal void Clear()
        {
            SecureMemory.Wipe(_authKey);
            _keyLength = 0;
        }

        private Hmac Loaded()
        {
            if (_keyLength == 0) throw new InvalidOperationException();
            Hmac h = _mac == MacAlgorithm.HmacSha256256 ? (_sha256 ?? (_sha256 = new HmacSha256())) : (Hmac)(_sha1 ?? (_sha1 = new HmacSha1()));
            h.SetKey(_authKey, 0, _keyLength);
            return h;
        }
    }
}
