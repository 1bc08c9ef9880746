using System;
using NanoMikey.Crypto.Mac;

namespace NanoMikey.Ecc
{
    /// <summary>
    /// Deterministic ECDSA nonces for P-256 with HMAC-SHA-256 (RFC 6979 §3.2), optionally hedged with extra data k'
    /// (RFC 6979 §3.6). With qlen = hlen = 256, bits2int of one HMAC block is the candidate itself.
    /// </summary>
    internal sealed class Rfc6979Nonce
    {
        private readonly HmacSha256 _hmac = new HmacSha256();
        private readonly byte[] _k = new byte[32];
        private readonly byte[] _v = new byte[32];
        private readonly byte[] _separator = new byte[1];
        private bool _first;

        /// <summary>
        /// Steps b-g: V = 0x01.., K = 0x00.., K = HMAC_K(V || 0x00 || int2octets(x) || bits2octets(h1) [|| k']), V = HMAC_K(V),
        /// K = HMAC_K(V || 0x01 || ...), V = HMAC_K(V).
        /// </summary>
        internal void Init(byte[] privateKey32, byte[] hashOctets32, byte[]? extra, int extraOffset, int extraLength)
        {
            for (int i = 0; i < 32; i++)
            {
                _v[i] = 0x01;
                _k[i] = 0x00;
            }

            Seed(0x00, privateKey32, hashOctets32, extra, extraOffset, extraLength);
            Seed(0x01, privateKey32, hashOctets32, extra, extraOffset, extraLength);
            _first = true;
        }

        /// <summary>
        /// Step h: the next candidate k in [1, n-1] as plain limbs. After a candidate the signer rejected (r = 0 or s = 0)
        /// the state first moves on with K = HMAC_K(V || 0x00), V = HMAC_K(V), as step h.3 says.
        /// </summary>
        internal void Next(uint[] k)
        {
            while (true)
            {
                if (!_first)
                {
                    _hmac.SetKey(_k, 0, 32);
                    _hmac.Update(_v, 0, 32);
                    _separator[0] = 0x00;
                    _hmac.Update(_separator, 0, 1);
                    _hmac.Final(_k, 0, 32);
                    _hmac.SetKey(_k, 0, 32);
                    _hmac.Update(_v, 0, 32);
                    _hmac.Final(_v, 0, 32);
                }

                _first = false;
                _hmac.SetKey(_k, 0, 32);
                _hmac.Update(_v, 0, 32);
                _hmac.Final(_v, 0, 32);
                P256Field.FromBytes(k, _v, 0);

                // Rejection here depends only on a discarded candidate, never on the nonce that is used.
                if (P256Scalar.IsValidNonZero(k) != 0)
                {
                    return;
                }
            }
        }

        /// <summary>Wipes K, V and the HMAC state.</summary>
        internal void Wipe()
        {
            Array.Clear(_k, 0, 32);
            Array.Clear(_v, 0, 32);
            _hmac.Clear();
        }

        private void Seed(byte separator, byte[] x, byte[] h, byte[]? extra, int extraOffset, int extraLength)
        {
            _hmac.SetKey(_k, 0, 32);
            _hmac.Update(_v, 0, 32);
            _separator[0] = separator;
            _hmac.Update(_separator, 0, 1);
            _hmac.Update(x, 0, 32);
            _hmac.Update(h, 0, 32);
            if (extra != null && extraLength > 0)
            {
                _hmac.Update(extra, extraOffset, extraLength);
            }

            _hmac.Final(_k, 0, 32);
            _hmac.SetKey(_k, 0, 32);
            _hmac.Update(_v, 0, 32);
            _hmac.Final(_v, 0, 32);
        }
    }
}
