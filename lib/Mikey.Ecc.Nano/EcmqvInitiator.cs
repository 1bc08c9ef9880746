using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Hal;
using NanoMikey.Crypto.Random;
using NanoMikey.Ecc;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Ecc
{
    /// <summary>
    /// The initiator of MIKEY-ECMQV (RFC 5197 §4.1.2, one-pass MQV of SEC 1 §3.4, docs/ecc-profile.md §4).
    /// <see cref="WriteOffer"/> writes HDR(241), T, RAND, IDi, CERTi, [IDr], {SP}, ECCPTi, SIGNi; the TGK follows from this
    /// party's static key, a fresh ephemeral key and the responder's static key, so the keys are in <see cref="EccInitiator.Bundle"/> at
    /// once. With <see cref="EccStaticKeyInitiator.RequestVerification"/> the responder's V confirms that it derived the same TGK.
    /// Allocation-free after construction.
    /// </summary>
    public sealed class EcmqvInitiator : EccStaticKeyInitiator
    {
        private readonly EcmqvTgk _kdf = new EcmqvTgk();
        private readonly P256PrivateKey _ephemeral = new P256PrivateKey();
        private readonly byte[] _point = new byte[P256PublicKey.UncompressedLength];
        private readonly byte[] _z = new byte[EcmqvP256.SecretLength];
        private readonly byte[] _tgk = new byte[EccProfileValues.TgkLength];

        /// <summary>Creates an initiator.</summary>
        /// <param name="aesFactory">AES engines (for the message keys; ECMQV itself encrypts nothing).</param>
        /// <param name="drbg">Randomness for CSB ID, RAND and the ephemeral key.</param>
        /// <param name="clock">The local clock (T; certificate validity).</param>
        /// <param name="credentials">This party's static key (signs SIGNi and enters MQV), certificates and identity.</param>
        /// <param name="peer">How the responder's certificate is checked.</param>
        public EcmqvInitiator(IAesEngineFactory aesFactory, HmacDrbg drbg, IMikeyClock clock, EccCredentials credentials, EccPeerTrust peer)
            : base(aesFactory, drbg, clock, credentials, peer, EccProfileValues.EcmqvVerificationDataType)
        {
        }

        /// <summary>Writes the I_MESSAGE (HDR(241), T, RAND, IDi, CERTi, [IDr], {SP}, ECCPTi, SIGNi) and derives this side's keys.</summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Offset of the message.</param>
        /// <param name="capacity">Room for the message.</param>
        /// <returns>Ok, BufferTooSmall, Unsupported (MAC algorithm), or InvalidState (no sessions, key, identity or responder key).</returns>
        public override MikeyExchangeStatus WriteOffer(byte[] buffer, int offset, int capacity)
        {
            OfferLength = 0;
            MikeyExchangeStatus s = CanOffer();
            if (s != MikeyExchangeStatus.Ok) return s;
            if (!X.Drbg.CanGenerate(2 + EccProfileValues.EphemeralDraws)) return MikeyExchangeStatus.ReseedRequired;
            X.WriteHead(buffer, offset, capacity, EccProfileValues.EcmqvInitDataType, RequestVerification, false);
            _ephemeral.Generate(X.Drbg);
            _ephemeral.PublicKey.ExportUncompressed(_point, 0);
            X.Writer.WriteEccpt(EccProfileValues.Curve, _point, 0, _point.Length, Mac, EccProfileValues.TgkLength, KvType.Null, null, 0, 0, null, 0, 0);
            if (!X.Close(SignatureType))
            {
                _ephemeral.Clear();
                return MikeyExchangeStatus.BufferTooSmall;
            }

            X.SignClosed();
            // Z = x of the one-pass MQV point (SEC 1 §3.4), then the TGK (docs/ecc-profile.md §4.3).
            bool agreed = EcmqvP256.ComputeOnePassInitiator(X.Credentials.Key, _ephemeral, X.ResponderKey, _z, 0);
            _ephemeral.Clear();
            if (!agreed)
            {
                SecureMemory.Wipe(buffer, offset, X.Writer.Length);
                return MikeyExchangeStatus.InvalidState;
            }

            _kdf.Derive(_z, X.CsbId, X.Rand, 0, X.Rand.Length, _point, 0, _point.Length, _tgk, _tgk.Length);
            X.FillBundle(X.Bundle, _tgk, _tgk.Length, false, null, 0);
            // auth_key for V: PRF(TGK, 0x2D22AC75 ‖ 0xFF ‖ CSB ID ‖ RAND), RFC 3830 §4.1.4 with the TGK as inkey.
            if (RequestVerification) Protection.DeriveKeys(Prf, _tgk, 0, _tgk.Length, X.CsbId, X.Rand, 0, X.Rand.Length, EncryptionAlgorithm.Null, Mac);
            SecureMemory.Wipe(_tgk);
            return Offered();
        }
    }
}
