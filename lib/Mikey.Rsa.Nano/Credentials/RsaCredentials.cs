using System;
using NanoMikey.Mikey.Certificates;
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
        // Chain, CHASH fingerprint and identity: shared with the other public-key modes.
        private readonly CertificateChain _certificates = new CertificateChain(RsaModeValues.MaxCertificates, MaxChainLength, RsaModeValues.MaxIdentityLength);

        /// <summary>Creates empty credentials for keys of up to <paramref name="maxBits"/> bits.</summary>
        /// <param name="maxBits">Largest modulus the key may have (RsaPublicKey.MinBits to RsaPublicKey.MaxBits).</param>
        public RsaCredentials(int maxBits)
        {
            if (maxBits < RsaPublicKey.MinBits || maxBits > RsaPublicKey.MaxBits) throw new ArgumentOutOfRangeException();
            _key = new RsaPrivateKey(maxBits);
            MaxBits = maxBits;
        }

        /// <summary>Largest modulus in bits, as given to the constructor.</summary>
        public int MaxBits { get; private set; }

        /// <summary>The long-term key (import it with RsaPrivateKey's SetComponent/TryComplete or TryImportPrimes; it must be the leaf's key).</summary>
        public RsaPrivateKey Key
        {
            get { return _key; }
        }

        /// <summary>Number of certificates held (0: none sent; the peer must have pinned <see cref="Key"/>'s public key).</summary>
        public int CertificateCount
        {
            get { return _certificates.CertificateCount; }
        }

        /// <summary>ID type of <see cref="SetIdentity"/>'s identity.</summary>
        public IdType IdentityType
        {
            get { return _certificates.IdentityType; }
        }

        /// <summary>Length of the identity (0: none set).</summary>
        public int IdentityLength
        {
            get { return _certificates.IdentityLength; }
        }

        /// <summary>Sets the identity sent in this party's ID payload (e.g. the URI in the leaf's subjectAltName).</summary>
        /// <param name="type">ID type.</param>
        /// <param name="id">Buffer holding the identity.</param>
        /// <param name="offset">Offset of the identity.</param>
        /// <param name="length">Identity length, 1 to <see cref="RsaModeValues.MaxIdentityLength"/>.</param>
        public void SetIdentity(IdType type, byte[] id, int offset, int length)
        {
            _certificates.SetIdentity(type, id, offset, length);
        }

        /// <summary>Appends a certificate (DER) to the chain: the leaf first, then each issuer in order.</summary>
        /// <param name="der">Buffer holding the certificate.</param>
        /// <param name="offset">Offset of the certificate.</param>
        /// <param name="length">Certificate length.</param>
        public void AddCertificate(byte[] der, int offset, int length)
        {
            _certificates.AddCertificate(der, offset, length);
        }

        /// <summary>Removes every certificate.</summary>
        public void ClearCertificates()
        {
            _certificates.ClearCertificates();
        }

        /// <summary>Wipes the private key and forgets certificates and identity.</summary>
        public void Clear()
        {
            _key.Clear();
            _certificates.Clear();
        }

        /// <summary>True when the key and the identity are set: what every RSA mode needs to sign.</summary>
        internal bool Ready
        {
            get { return _key.HasValue && IdentityLength > 0; }
        }

        internal byte[] Identity
        {
            get { return _certificates.Identity; }
        }

        internal byte[] Chain
        {
            get { return _certificates.Chain; }
        }

        internal int CertificateOffset(int index)
        {
            return _certificates.CertificateOffset(index);
        }

        internal int CertificateLength(int index)
        {
            return _certificates.CertificateLength(index);
        }

        // SHA-256 fingerprint of the leaf: what a CHASH naming this party's certificate carries (RFC 3830 §6.8).
        internal byte[] LeafHash
        {
            get { return _certificates.LeafHash; }
        }
    }
}
