using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Hash;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Rsa;

namespace NanoMikey.Mikey.Rsa
{
    /// <summary>
    /// What a party proves itself with in the RSA modes (RFC 3830 §3.2, §3.3; RFC 4738): its RSA private key (signs SIGN;
    /// opens the PKE envelope sent to it), its certificate chain (DER, leaf first, sent in CERT payloads) and its identity (ID
    /// payload). Copies everything it is given into buffers it owns; allocation-free per exchange.
    /// </summary>
    public sealed class RsaCredentials
    {
        /// <summary>Room for the whole certificate chain in bytes.</summary>
        public const int MaxChainLength = 8192;

        private readonly RsaPrivateKey _key;
        // Grown by AddCertificate (setup, not per exchange) up to MaxChainLength.
        private byte[] _chain = new byte[0];
        private readonly int[] _certOffset = new int[RsaModeValues.MaxCertificates];
        private readonly int[] _certLength = new int[RsaModeValues.MaxCertificates];
        private readonly byte[] _identity = new byte[RsaModeValues.MaxIdentityLength];
        private readonly byte[] _leafHash = new byte[Sha256.HashSize];
        private int _chainUsed;

        /// <summary>Creates empty credentials for keys of up to <paramref name="maxBits"/> bits.</summary>
        /// <param name="maxBits">Largest modulus the key may have (RsaPublicKey.MinBits to RsaPublicKey.MaxBits).</param>
        public RsaCredentials(int maxBits)
        {
            if (maxBits < RsaPublicKey.MinBits || maxBits > RsaPublicKey.MaxBits) throw new ArgumentOutOfRangeException();
            _key = new RsaPrivateKey(maxBits);
            MaxBits = maxBits;
            IdentityType = IdType.Uri;
        }

        /// <summary>Largest modulus in bits, as given to the constructor.</summary>
        public int MaxBits { get; private set; }

        /// <summary>The long-term key (import it with RsaPrivateKey's SetComponent/TryComplete or TryImportPrimes; it must be the leaf's key).</summary>
        public RsaPrivateKey Key
        {
            get { return _key; }
        }

        /// <summary>Number of certificates held (0: none sent; the peer must have pinned <see cref="Key"/>'s public key).</summary>
        public int CertificateCount { get; private set; }

        /// <summary>ID type of <see cref="SetIdentity"/>'s identity.</summary>
        public IdType IdentityType { get; private set; }

        /// <summary>Length of the identity (0: none set).</summary>
        public int IdentityLength { get; private set; }

        /// <summary>Sets the identity sent in this party's ID payload (e.g. the URI in the leaf's subjectAltName).</summary>
        /// <param name="type">ID type.</param>
        /// <param name="id">Buffer holding the identity.</param>
        /// <param name="offset">Offset of the identity.</param>
        /// <param name="length">Identity length, 1 to <see cref="RsaModeValues.MaxIdentityLength"/>.</param>
        public void SetIdentity(IdType type, byte[] id, int offset, int length)
        {
            if (id == null) throw new ArgumentNullException();
            if (length < 1 || length > RsaModeValues.MaxIdentityLength || offset < 0 || offset > id.Length - length) throw new ArgumentOutOfRangeException();
            Array.Copy(id, offset, _identity, 0, length);
            IdentityType = type;
            IdentityLength = length;
        }

        /// <summary>Appends a certificate (DER) to the chain: the leaf first, then each issuer in order.</summary>
        /// <param name="der">Buffer holding the certificate.</param>
        /// <param name="offset">Offset of the certificate.</param>
        /// <param name="length">Certificate length.</param>
        public void AddCertificate(byte[] der, int offset, int length)
        {
            if (der == null) throw new ArgumentNullException();
            if (length < 1 || offset < 0 || offset > der.Length - length) throw new ArgumentOutOfRangeException();
            if (CertificateCount == RsaModeValues.MaxCertificates || length > MaxChainLength - _chainUsed) throw new InvalidOperationException();
            if (_chain.Length < _chainUsed + length)
            {
                var grown = new byte[_chainUsed + length];
                Array.Copy(_chain, grown, _chainUsed);
                _chain = grown;
            }

            Array.Copy(der, offset, _chain, _chainUsed, length);
            _certOffset[CertificateCount] = _chainUsed;
            _certLength[CertificateCount] = length;
            if (CertificateCount == 0) Sha256.Hash(der, offset, length, _leafHash, 0);
            _chainUsed += length;
            CertificateCount++;
        }

        /// <summary>Removes every certificate.</summary>
        public void ClearCertificates()
        {
            CertificateCount = 0;
            _chainUsed = 0;
            Array.Clear(_leafHash, 0, _leafHash.Length);
        }

        /// <summary>Wipes the private key and forgets certificates and identity.</summary>
        public void Clear()
        {
            _key.Clear();
            ClearCertificates();
            SecureMemory.Wipe(_identity);
            IdentityLength = 0;
        }

        /// <summary>True when the key and the identity are set: what every RSA mode needs to sign.</summary>
        internal bool Ready
        {
            get { return _key.HasValue && IdentityLength > 0; }
        }

        internal byte[] Identity
        {
            get { return _identity; }
        }

        internal byte[] Chain
        {
            get { return _chain; }
        }

        internal int CertificateOffset(int index)
        {
            return _certOffset[index];
        }

        internal int CertificateLength(int index)
        {
            return _certLength[index];
        }

        // SHA-256 fingerprint of the leaf: what a CHASH naming this party's certificate carries (RFC 3830 §6.8).
        internal byte[] LeafHash
        {
            get { return _leafHash; }
        }
    }
}
