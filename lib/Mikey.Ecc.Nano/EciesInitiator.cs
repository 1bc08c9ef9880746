using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Hal;
using NanoMikey.Crypto.Random;
using NanoMikey.Ecc;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Ecc
{
    /// <summary>
    /// The initiator of MIKEY-ECIES (RFC 3830 §3.2 public-key mode with ECIES, RFC 5197 §4.1.1, docs/ecc-profile.md §3).
    /// <see cref="WriteOffer"/> writes HDR, T, RAND, IDi, CERTi, [IDr], {SP}, KEMAC, [CHASH], PKE, SIGNi: a random envelope key
    /// encrypted with ECIES to the responder's key protects the KEMAC holding a random TGK. The keys are in
    /// <see cref="EccInitiator.Bundle"/> at once; with <see cref="EccStaticKeyInitiator.RequestVerification"/> the exchange completes when
    /// <see cref="EccStaticKeyInitiator.ReadAnswer"/> accepts the responder's V. Allocation-free after construction.
    /// </summary>
    public sealed class EciesInitiator : EccStaticKeyInitiator
    {
        private const int EnvelopeKeyLength = 32;

        private readonly EciesP256 _ecies;
        private readonly byte[] _envelopeKey = new byte[EnvelopeKeyLength];
        private readonly byte[] _tgk = new byte[EccProfileValues.TgkLength];
        private readonly byte[] _pke = new byte[P256PublicKey.UncompressedLength + EnvelopeKeyLength + 32];
        private readonly byte[] _zero = new byte[1];

        /// <summary>Creates an initiator.</summary>
        /// <param name="aesFactory">AES engines (KEMAC AES-CM, ECIES AES-128-CTR).</param>
        /// <param name="drbg">Randomness for CSB ID, RAND, envelope key, TGK and the ECIES ephemeral key.</param>
        /// <param name="clock">The local clock (T; certificate validity).</param>
        /// <param name="credentials">This party's key, certificates and identity.</param>
        /// <param name="peer">How the responder's certificate is checked.</param>
        public EciesInitiator(IAesEngineFactory aesFactory, HmacDrbg drbg, IMikeyClock clock, EccCredentials credentials, EccPeerTrust peer)
            : base(aesFactory, drbg, clock, credentials, peer, DataType.PkVerification)
        {
            IAesEngine? engine = aesFactory.Create(16);
            if (engine == null) throw new ArgumentException(); // ECIES needs AES-128 (docs/ecc-profile.md §3)
            _ecies = new EciesP256(engine, 64, 32, false);
            Encryption = EncryptionAlgorithm.AesCm128;
        }

        /// <summary>KEMAC encryption (AES-CM-128 by default).</summary>
        public EncryptionAlgorithm Encryption { get; set; }

        /// <summary>
        /// Writes the I_MESSAGE (HDR, T, RAND, IDi, CERTi, [IDr], {SP}, KEMAC, [CHASH], PKE, SIGNi) and derives this side's keys.
        /// </summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Offset of the message.</param>
        /// <param name="capacity">Room for the message.</param>
        /// <returns>Ok, BufferTooSmall, Unsupported (algorithm), or InvalidState (no sessions, key, identity or responder key).</returns>
        public override MikeyExchangeStatus WriteOffer(byte[] buffer, int offset, int capacity)
        {
            OfferLength = 0;
            MikeyExchangeStatus s = CanOffer();
            if (s != MikeyExchangeStatus.Ok) return s;
            if (KemacProtection.EncryptionKeyLength(Encryption) < 0) return MikeyExchangeStatus.Unsupported;
            if (!X.Drbg.CanGenerate(4 + EccProfileValues.EphemeralDraws)) return MikeyExchangeStatus.ReseedRequired;
            X.WriteHead(buffer, offset, capacity, DataType.PublicKey, RequestVerification, false);
            X.Drbg.Generate(_envelopeKey, 0, EnvelopeKeyLength);
            X.Drbg.Generate(_tgk, 0, _tgk.Length);
            MikeyWriter w = X.Writer;
            EccCredentials c = X.Credentials;

            // KEMAC = E(encr_key, IDi ‖ TGK) ‖ MAC (RFC 3830 §3.2), CHASH of the responder's certificate, PKE = ECIES(env_key).
            w.BeginKemac(Encryption);
            w.WriteId(c.IdentityType, c.Identity, 0, c.IdentityLength);
            w.WriteKeyData(KeyDataType.Tgk, _tgk, 0, _tgk.Length, null, 0, 0, KvType.Null, null, 0, 0, null, 0, 0);
            w.EndKemac(Mac);
            int kemac = w.KemacOffset;
            int encrOffset = w.KemacEncrDataOffset;
            int encrLength = w.KemacEncrDataLength;
            if (X.HasResponderHash) w.WriteChash(HashFunction.Sha256, X.ResponderHash, 0);
            int n = _ecies.Encrypt(X.Drbg, X.ResponderKey, _envelopeKey, 0, EnvelopeKeyLength, null, 0, 0, null, 0, 0, _pke, 0);
            w.WritePke((EnvelopeCacheType)0, _pke, 0, n);
            if (!X.Close(SignatureType))
            {
                Wipe();
                return MikeyExchangeStatus.BufferTooSmall;
            }

            // KEMAC keys from the envelope key (RFC 3830 §4.1.4).
            if (!Protection.DeriveKeys(Prf, _envelopeKey, 0, EnvelopeKeyLength, X.CsbId, X.Rand, 0, X.Rand.Length, Encryption, Mac))
            {
                Wipe();
                SecureMemory.Wipe(buffer, offset, w.Length);
                return MikeyExchangeStatus.Unsupported;
            }

            if (!Protection.Encrypt(X.CsbId, X.T, buffer, encrOffset, encrLength))
            {
                // AES-KW-128 needs a Key data chain of 8-byte multiples (KemacProtection remarks): IDi plus TGK did not fit.
                Wipe();
                SecureMemory.Wipe(buffer, offset, w.Length);
                return MikeyExchangeStatus.Unsupported;
            }

            // The KEMAC MAC covers the KEMAC alone, its Next payload byte taken as 0 (RFC 3830 §5.2, PK mode).
            int macOffset = encrOffset + encrLength + 1;
            Protection.ComputeMac(_zero, 0, 1, buffer, kemac + 1, macOffset - kemac - 1, buffer, macOffset);
            X.SignClosed();
            X.FillBundle(X.Bundle, _tgk, _tgk.Length, false, null, 0);
            Wipe();
            return Offered();
        }

        private void Wipe()
        {
            SecureMemory.Wipe(_envelopeKey);
            SecureMemory.Wipe(_tgk);
            SecureMemory.Wipe(_pke);
        }
    }
}
