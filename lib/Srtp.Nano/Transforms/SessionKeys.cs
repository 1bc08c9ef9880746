using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Hal;
using NanoMikey.Crypto.Mac;
using NanoMikey.Srtp.Kdf;

namespace NanoMikey.Srtp.Transforms
{
    /// <summary>
    /// The session keys of one protocol (SRTP or SRTCP) for one value of r = index DIV KDR (RFC 3711 §4.3):
    /// a keyed AES engine, the session salt and a keyed HMAC-SHA-1, all allocated once and re-keyed in place. With a
    /// packet engine (<see cref="ISrtpPacketEngine"/>) the engine holds both keys and there is no managed HMAC or GCM.
    /// </summary>
    internal sealed class SessionKeys
    {
        internal readonly IAesEngine? Cipher;
        internal readonly byte[] Salt = new byte[14];
        internal readonly HmacSha1? Auth;
        internal readonly ISrtpPacketEngine? Packet;
        internal AesGcm? Gcm;
        internal ulong R;
        internal bool Valid;

        private readonly int _encKeyLength;
        private readonly int _saltLength;
        private readonly int _authKeyLength;
        private readonly byte[] _scratch;
        private readonly bool _aead;
        private readonly int _maxPacketLength;

        internal SessionKeys(IAesEngine? cipher, ISrtpPacketEngine? packet, int encKeyLength, int saltLength, int authKeyLength, bool aead, int maxPacketLength)
        {
            Cipher = cipher;
            Packet = packet;
            _encKeyLength = encKeyLength;
            _saltLength = saltLength;
            _authKeyLength = authKeyLength;
            int n = encKeyLength > authKeyLength ? encKeyLength : authKeyLength;
            _scratch = new byte[n < 16 ? 16 : n];
            if (authKeyLength > 0 && packet == null) Auth = new HmacSha1();
            _aead = aead && cipher != null;
            _maxPacketLength = maxPacketLength;
        }

        /// <summary>Derives all keys of this protocol for <paramref name="r"/> (labels 0–2 for SRTP, 3–5 for SRTCP).</summary>
        internal void Derive(SrtpKeyDerivation kdf, int labelBase, ulong r)
        {
            byte[] s = _scratch;
            Valid = false;
            // The encryption key last: with KDR 0 the KDF may run on Cipher itself (SrtpCryptoContext), which it then re-keys.
            if (_authKeyLength > 0)
            {
                kdf.Derive(labelBase + 1, r, s, 0, _authKeyLength);
                if (Packet != null) Packet.SetAuthenticationKey(s, 0, _authKeyLength);
                else Auth!.SetKey(s, 0, _authKeyLength);
            }
            Array.Clear(Salt, 0, Salt.Length);
            kdf.Derive(labelBase + 2, r, Salt, 0, _saltLength);
            if (Cipher != null)
            {
                kdf.Derive(labelBase, r, s, 0, _encKeyLength);
                if (!_aead || Packet != null) Cipher.SetKey(s, 0, _encKeyLength);
                else if (Gcm == null) { Cipher.SetKey(s, 0, _encKeyLength); Gcm = new AesGcm(Cipher, _maxPacketLength); }
                else Gcm.SetKey(s, 0, _encKeyLength);
            }
            SecureMemory.Wipe(s, 0, s.Length);
            R = r;
            Valid = true;
        }

        /// <summary>Wipes every key.</summary>
        internal void Clear()
        {
            // AesGcm.ClearKey wipes H = E(k, 0^128) and the engine's key.
            if (Gcm != null) Gcm.ClearKey();
            if (Cipher != null) Cipher.ClearKey();
            if (Auth != null) Auth.Clear();
            if (Packet != null && Cipher == null) Packet.ClearKey(); // otherwise Cipher is the packet engine
            SecureMemory.Wipe(Salt, 0, Salt.Length);
            Valid = false;
        }
    }
}
