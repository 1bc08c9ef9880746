using System;
using NanoMikey.Crypto;
using NanoMikey.Firmware.Config;
using NanoMikey.Mikey.Ecc;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.X509.Asn1;

namespace NanoMikey.Firmware.Keys
{
    /// <summary>
    /// The device's key material, loaded from its configuration once: the pre-shared key, the device key pair with its
    /// certificate chain, and the trust anchors (with the identity the peer must prove). It answers which MIKEY mode the
    /// material allows with a peer (RFC 5197 §7 via <see cref="MikeyModeSelector"/>) and hands the ECC modes their
    /// credentials. <see cref="Clear"/> wipes it.
    /// </summary>
    public sealed class KeyStore
    {
        private readonly byte[] _psk = new byte[64];
        private readonly EccCredentials _credentials = new EccCredentials();
        private readonly EccPeerTrust _trust = new EccPeerTrust();
        private readonly byte[] _identity = new byte[EccCredentials.MaxIdentityLength];

        /// <summary>Creates an empty key store.</summary>
        public KeyStore()
        {
        }

        /// <summary>Length of the pre-shared key (0: none).</summary>
        public int PreSharedKeyLength { get; private set; }

        /// <summary>The pre-shared key (first <see cref="PreSharedKeyLength"/> bytes).</summary>
        public byte[] PreSharedKey
        {
            get { return _psk; }
        }

        /// <summary>This device's identity (first <see cref="IdentityLength"/> bytes).</summary>
        public byte[] Identity
        {
            get { return _identity; }
        }

        /// <summary>Length of <see cref="Identity"/> (0: none).</summary>
        public int IdentityLength { get; private set; }

        /// <summary>The device key pair and certificate chain (ECC modes).</summary>
        public EccCredentials Credentials
        {
            get { return _credentials; }
        }

        /// <summary>The trust anchors and the identity the peer must prove (ECC modes).</summary>
        public EccPeerTrust PeerTrust
        {
            get { return _trust; }
        }

        /// <summary>True when a key pair and a certificate are held.</summary>
        public bool HasCertificate { get; private set; }

        /// <summary>True when at least one trust anchor was loaded.</summary>
        public bool TrustsPeers { get; private set; }

        /// <summary>Loads the key material of <paramref name="config"/>.</summary>
        /// <param name="config">The configuration.</param>
        /// <returns>False when the private key or a trust anchor does not parse (the store is then cleared).</returns>
        public bool Load(DeviceConfig config)
        {
            if (config == null) throw new ArgumentNullException();
            Clear();
            if (config.PreSharedKey != null)
            {
                Array.Copy(config.PreSharedKey, _psk, config.PreSharedKey.Length);
                PreSharedKeyLength = config.PreSharedKey.Length;
            }

            if (config.Identity != null)
            {
                Array.Copy(config.Identity, _identity, config.Identity.Length);
                IdentityLength = config.Identity.Length;
                _credentials.SetIdentity(IdType.Uri, _identity, 0, IdentityLength);
            }

            if (config.PrivateKey != null)
            {
                if (!_credentials.Key.TryImport(config.PrivateKey, 0))
                {
                    Clear();
                    return false;
                }

                for (int i = 0; i < config.CertificateCount; i++)
                {
                    byte[] der = config.GetCertificate(i);
                    _credentials.AddCertificate(der, 0, der.Length);
                }

                HasCertificate = config.CertificateCount > 0;
            }

            for (int i = 0; i < config.TrustAnchorCount; i++)
            {
                byte[] der = config.GetTrustAnchor(i);
                if (_trust.AddTrustAnchor(der, 0, der.Length) != Asn1Status.Ok)
                {
                    Clear();
                    return false;
                }

                TrustsPeers = true;
            }

            if (config.PeerIdentity != null) _trust.SetExpectedIdentity(config.PeerIdentity, 0, config.PeerIdentity.Length);
            return true;
        }

        /// <summary>
        /// The mode to offer a peer: the configured one when the key material allows it, else the selector's choice (PSK when
        /// a key is shared, then ECDH-SIGN or ECMQV with certificates on both sides, then ECIES).
        /// </summary>
        /// <param name="forced">A configured mode, or <see cref="MikeyMode.None"/> for automatic.</param>
        /// <param name="peerModes">The modes the peer supports.</param>
        /// <param name="preferLowestCost">Prefer ECMQV over ECDH-SIGN.</param>
        /// <returns>The mode, or <see cref="MikeyMode.None"/> when the material allows none the peer supports.</returns>
        public MikeyMode SelectMode(MikeyMode forced, MikeyMode peerModes, bool preferLowestCost)
        {
            if (forced != MikeyMode.None) peerModes &= forced;
            return MikeyModeSelector.Select(peerModes, PreSharedKeyLength > 0, HasCertificate, TrustsPeers, preferLowestCost, false);
        }

        /// <summary>Wipes the pre-shared key and the private key and forgets certificates (trust anchors stay: see <see cref="EccPeerTrust"/>).</summary>
        public void Clear()
        {
            SecureMemory.Wipe(_psk);
            PreSharedKeyLength = 0;
            _credentials.Clear();
            _trust.ClearPins();
            IdentityLength = 0;
            HasCertificate = false;
        }
    }
}
