using System;
using NanoMikey.Ecc;
using NanoMikey.Mikey.Certificates;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Ecc
{
    /// <summary>
    /// What a party proves itself with (docs/ecc-profile.md §1.4): its long-term P-256 key pair (signs SIGN; the ECIES and
    /// ECMQV static key), its certificate chain (DER, leaf first, sent in CERT payloads) and its identity (ID payload). Copies
    /// everything it is given into buffers it owns.
    /// </summary>
    public sealed class EccCredentials
    {
        /// <summary>Room for the whole certificate chain in bytes.</summary>
        public const int MaxChainLength = 4096;

        /// <summary>Longest identity in bytes.</summary>
        public const int MaxIdentityLength = 128;

        private readonly P256PrivateKey _key = new P256PrivateKey();
        // Chain, CHASH fingerprint and identity: shared with the other public-key modes.
        private readonly CertificateChain _certificates = new CertificateChain(EccProfileValues.MaxCertificates, MaxChainLength, MaxIdentityLength);

        /// <summary>Creates empty credentials.</summary>
        public EccCredentials()
        {
        }

        /// <summary>The long-term key pair (import it with <see cref="P256PrivateKey.TryImport"/>; it must be the leaf's key).</summary>
        public P256PrivateKey Key
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
        /// <param name="length">Identity length, 1 to <see cref="MaxIdentityLength"/>.</param>
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
