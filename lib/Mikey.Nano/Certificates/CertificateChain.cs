using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Hash;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Certificates
{
    /// <summary>
    /// The part of a party's credentials every public-key mode shares (RFC 3830 §3.2, §6.6, §6.7): its certificate chain (DER,
    /// leaf first, sent in CERT payloads), the leaf's SHA-256 fingerprint (CHASH, RFC 3830 §6.8) and its identity (ID
    /// payload). EccCredentials and RsaCredentials each own one and add their key. Copies what it is given into buffers it
    /// owns; nothing is allocated per exchange.
    /// </summary>
    internal sealed class CertificateChain
    {
        private readonly int _maxChainLength;
        // Grown to fit by AddCertificate (setup) up to the maximum: a one-certificate chain holds a few hundred bytes, not the maximum.
        private byte[] _chain = new byte[0];
        private readonly int[] _certOffset;
        private readonly int[] _certLength;
        private readonly byte[] _identity;
        private readonly byte[] _leafHash = new byte[Sha256.HashSize];
        private int _chainUsed;

        /// <summary>Creates an empty chain and identity.</summary>
        internal CertificateChain(int maxCertificates, int maxChainLength, int maxIdentityLength)
        {
            _maxChainLength = maxChainLength;
            _certOffset = new int[maxCertificates];
            _certLength = new int[maxCertificates];
            _identity = new byte[maxIdentityLength];
            IdentityType = IdType.Uri;
        }

        internal int CertificateCount;

        internal IdType IdentityType;

        internal int IdentityLength;

        internal void SetIdentity(IdType type, byte[] id, int offset, int length)
        {
            if (id == null) throw new ArgumentNullException();
            if (length < 1 || length > _identity.Length || offset < 0 || offset > id.Length - length) throw new ArgumentOutOfRangeException();
            Array.Copy(id, offset, _identity, 0, length);
            IdentityType = type;
            IdentityLength = length;
        }

        internal void AddCertificate(byte[] der, int offset, int length)
        {
            if (der == null) throw new ArgumentNullException();
            if (length < 1 || offset < 0 || offset > der.Length - length) throw new ArgumentOutOfRangeException();
            if (CertificateCount == _certOffset.Length || length > _maxChainLength - _chainUsed) throw new InvalidOperationException();
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

        internal void ClearCertificates()
        {
            CertificateCount = 0;
            _chainUsed = 0;
            Array.Clear(_leafHash, 0, _leafHash.Length);
        }

        // Forgets certificates and identity (the owner wipes its key).
        internal void Clear()
        {
            ClearCertificates();
            SecureMemory.Wipe(_identity);
            IdentityLength = 0;
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
