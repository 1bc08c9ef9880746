using System;
using NanoMikey.Crypto;
using NanoMikey.Mikey.Modes;

namespace NanoMikey.Sip.Keying
{
    /// <summary>
    /// What this side holds for one call target (the URI dialled, or the Contact of a 3xx, RFC 5197 §5.3): the key shared with
    /// it, whether the device's trust anchors cover its certificate, the identity to name as IDr, and the modes it may be
    /// offered. <see cref="SipMikeyOffer"/> picks the mode from these with <see cref="MikeyModeSelector"/>.
    /// </summary>
    public sealed class SipMikeyTarget
    {
        /// <summary>Longest pre-shared key (the PSK initiator's limit).</summary>
        public const int MaxPreSharedKeyLength = 64;

        /// <summary>Longest identity named in the offer.</summary>
        public const int MaxIdentityLength = 64;

        private readonly byte[] _psk = new byte[MaxPreSharedKeyLength];
        private readonly byte[] _id = new byte[MaxIdentityLength];
        private int _pskLength;
        private int _idLength;

        /// <summary>Creates a target.</summary>
        /// <param name="uri">The SIP URI (for the caller's bookkeeping; the answer is judged by its identity, not by this).</param>
        public SipMikeyTarget(string uri)
        {
            if (uri == null) throw new ArgumentNullException();
            Uri = uri;
            PeerModes = MikeyMode.Psk | MikeyMode.EcdhSign;
            CertificateTrusted = true;
        }

        /// <summary>The target's URI.</summary>
        public string Uri { get; private set; }

        /// <summary>Modes the target may be offered (PSK and ECDH-SIGN by default; others are ignored: they cannot fork, <see cref="SipMikeyOffer"/>).</summary>
        public MikeyMode PeerModes { get; set; }

        /// <summary>The device's trust anchors cover this target's certificate (true by default).</summary>
        public bool CertificateTrusted { get; set; }

        /// <summary>A pre-shared key is set.</summary>
        public bool HasPreSharedKey
        {
            get { return _pskLength > 0; }
        }

        internal byte[] PreSharedKey
        {
            get { return _psk; }
        }

        internal int PreSharedKeyLength
        {
            get { return _pskLength; }
        }

        internal byte[] Identity
        {
            get { return _id; }
        }

        internal int IdentityLength
        {
            get { return _idLength; }
        }

        /// <summary>Sets the key shared with this target (copied; 16 to 64 bytes).</summary>
        /// <param name="key">Buffer holding the key.</param>
        /// <param name="offset">Its offset.</param>
        /// <param name="length">Its length.</param>
        public void SetPreSharedKey(byte[] key, int offset, int length)
        {
            if (key == null) throw new ArgumentNullException();
            if (length < 16 || length > MaxPreSharedKeyLength || offset < 0 || offset > key.Length - length) throw new ArgumentOutOfRangeException();
            SecureMemory.Wipe(_psk);
            Array.Copy(key, offset, _psk, 0, length);
            _pskLength = length;
        }

        /// <summary>Sets the identity named as IDr in the offer (copied; length 0: none, the usual choice when the call may fork).</summary>
        /// <param name="id">Buffer holding the identity.</param>
        /// <param name="offset">Its offset.</param>
        /// <param name="length">Its length (0 to 64).</param>
        public void SetIdentity(byte[]? id, int offset, int length)
        {
            if (length < 0 || length > MaxIdentityLength) throw new ArgumentOutOfRangeException();
            if (length > 0)
            {
                if (id == null) throw new ArgumentNullException();
                if (offset < 0 || offset > id.Length - length) throw new ArgumentOutOfRangeException();
                Array.Copy(id, offset, _id, 0, length);
            }

            _idLength = length;
        }

        /// <summary>Wipes the pre-shared key.</summary>
        public void Clear()
        {
            SecureMemory.Wipe(_psk);
            _pskLength = 0;
        }
    }
}
