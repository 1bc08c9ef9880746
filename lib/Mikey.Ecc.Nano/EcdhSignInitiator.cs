using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Random;
using NanoMikey.Ecc;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Ecc
{
    /// <summary>
    /// The initiator of ECDH-SIGN (RFC 3830 §3.3 with P-256 points in ECCPT, docs/ecc-profile.md §2). <see cref="WriteOffer"/>
    /// writes HDR, T, RAND, IDi, CERTi, [IDr], {SP}, ECCPTi, SIGNi with a fresh ephemeral key; <see cref="EccStaticKeyInitiator.ReadAnswer"/> checks
    /// the responder's signed answer and derives the keys from TGK = x(d·Q). Allocation-free after construction.
    /// </summary>
    public sealed class EcdhSignInitiator : EccInitiator
    {
        private readonly P256PrivateKey _ephemeral = new P256PrivateKey();
        private readonly EccptPoint _eccptr = new EccptPoint();
        private readonly byte[] _point = new byte[P256PublicKey.UncompressedLength];
        private readonly byte[] _eccpti = new byte[80];
        private readonly byte[] _tgk = new byte[EcdhP256.SecretLength];
        private readonly byte[] _mki = new byte[SrtpMasterKeyEntry.MaxMkiLength];
        private int _eccptiLength;
        private int _mkiLength;
        private uint _generation;
        private bool _awaitingAnswer;
        private bool _updating;

        /// <summary>Creates an initiator.</summary>
        /// <param name="drbg">Randomness for CSB ID, RAND and the ephemeral key.</param>
        /// <param name="clock">The local clock (T; certificate validity).</param>
        /// <param name="credentials">This party's key, certificates and identity.</param>
        /// <param name="peer">Whose signature the answer must carry.</param>
        public EcdhSignInitiator(HmacDrbg drbg, IMikeyClock clock, EccCredentials credentials, EccPeerTrust peer)
            : base(drbg, clock, credentials, peer)
        {
        }

        /// <summary>
        /// MKI length (0 to 4 bytes): the key generation number, sent as the SPI of ECCPTi (docs/ecc-profile.md §2.1). Set it
        /// before the first offer when CSB updates must re-key without losing packets in flight: SRTP then tells old and new
        /// keys apart by MKI (RFC 3711 §3.1).
        /// </summary>
        public int MkiLength
        {
            get { return _mkiLength; }
            set
            {
                if (value < 0 || value > SrtpMasterKeyEntry.MaxMkiLength) throw new ArgumentOutOfRangeException();
                _mkiLength = value;
            }
        }

        /// <summary>Writes the I_MESSAGE (HDR, T, RAND, IDi, CERTi, [IDr], {SP}, ECCPTi, SIGNi) with a fresh ephemeral key.</summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Offset of the message.</param>
        /// <param name="capacity">Room for the message.</param>
        /// <returns>Ok, BufferTooSmall, ReseedRequired (the DRBG needs entropy), or InvalidState (no sessions, key or identity).</returns>
        public override MikeyExchangeStatus WriteOffer(byte[] buffer, int offset, int capacity)
        {
            OfferLength = 0;
            if (!X.Ready) return MikeyExchangeStatus.InvalidState;
            if (!X.Drbg.CanGenerate(2 + EccProfileValues.EphemeralDraws)) return MikeyExchangeStatus.ReseedRequired;
            X.Bundle.Clear();
            IsComplete = false;
            _generation = 0;
            return Write(buffer, offset, capacity, false);
        }

        /// <summary>
        /// Writes a CSB update (RFC 3830 §4.5, docs/ecc-profile.md §2.1): same CSB ID, a new T, no RAND, a new ephemeral key
        /// (so a new TGK) with the next MKI, for every crypto session including those added since. The keys in use stay
        /// valid until <see cref="ReadAnswer"/> accepts the answer; the new ones then join <see cref="EccInitiator.Bundle"/>
        /// after the old ones (<see cref="CryptoSession.AddNewKeysTo"/> hands them to running SRTP contexts).
        /// </summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Offset of the message.</param>
        /// <param name="capacity">Room for the message.</param>
        /// <returns>Ok, BufferTooSmall, or InvalidState (no completed exchange, or every key slot used: start a new exchange).</returns>
        public MikeyExchangeStatus WriteUpdate(byte[] buffer, int offset, int capacity)
        {
            OfferLength = 0;
            CryptoSessionBundle b = X.Bundle;
            if (!IsComplete || !X.Ready || b.Count == 0 || b.Get(0).MasterKeyCount >= CryptoSession.MaxMasterKeys) return MikeyExchangeStatus.InvalidState;
            if (_mkiLength > 0 && b.Get(0).MasterKeyCount >= 1 << (8 * _mkiLength)) return MikeyExchangeStatus.InvalidState;
            if (!X.Drbg.CanGenerate(EccProfileValues.EphemeralDraws)) return MikeyExchangeStatus.ReseedRequired;
            _generation = (uint)b.Get(0).MasterKeyCount;
            return Write(buffer, offset, capacity, true);
        }

        private MikeyExchangeStatus Write(byte[] buffer, int offset, int capacity, bool update)
        {
            _awaitingAnswer = false;
            _ephemeral.Clear();
            // The MKI of the keys this message sets up: their generation (0 for the offer), sent as ECCPTi's SPI.
            for (int i = 0; i < _mkiLength; i++) _mki[i] = (byte)(_generation >> (8 * (_mkiLength - 1 - i)));
            X.WriteHead(buffer, offset, capacity, DataType.DhInit, false, update);
            _ephemeral.Generate(X.Drbg);
            _ephemeral.PublicKey.ExportUncompressed(_point, 0);
            int at = X.Writer.Length;
            X.Writer.WriteEccpt(EccProfileValues.Curve, _point, 0, _point.Length, MacAlgorithm.Null, EccProfileValues.TgkLength,
                _mkiLength > 0 ? KvType.Spi : KvType.Null, _mkiLength > 0 ? _mki : null, 0, _mkiLength, null, 0, 0);
            _eccptiLength = X.Writer.Length - at;
            if (!X.Close(SignatureType))
            {
                _ephemeral.Clear();
                return MikeyExchangeStatus.BufferTooSmall;
            }

            X.SignClosed();
            // Kept for the byte-exact echo check of the answer (docs/ecc-profile.md §2).
            Array.Copy(buffer, offset + at, _eccpti, 0, _eccptiLength);
            OfferLength = X.Writer.Length;
            _awaitingAnswer = true;
            _updating = update;
            return MikeyExchangeStatus.Ok;
        }

        /// <summary>
        /// Takes the R_MESSAGE (HDR, T, IDr, CERTr, IDi, ECCPTr, ECCPTi, SIGNr) or an error message. On Ok the keys are in
        /// <see cref="EccInitiator.Bundle"/>; otherwise nothing changes and a genuine answer may still come.
        /// </summary>
        /// <param name="message">Buffer holding the answer.</param>
        /// <param name="offset">Offset of the answer.</param>
        /// <param name="length">Answer length.</param>
        /// <returns>The outcome.</returns>
        public override MikeyExchangeStatus ReadAnswer(byte[] message, int offset, int length)
        {
            MikeyExchangeStatus s = VerifyAnswer(message, offset, length);
            if (s != MikeyExchangeStatus.Ok) return s;
            return Agree(message, X.Layout.EccptOffset[0], X.Layout.EccptLength[0], X.Bundle, true);
        }

        /// <summary>
        /// Takes one of several R_MESSAGEs to this offer (a forked SIP INVITE, RFC 5197 §5.2): checks it as
        /// <see cref="ReadAnswer"/> does and writes the keys from that responder's TGK = x(di·Qr) into <paramref name="bundle"/>.
        /// The ephemeral key di is kept for further answers until <see cref="EccInitiator.EndAnswers"/>.
        /// </summary>
        /// <param name="message">Buffer holding the answer.</param>
        /// <param name="offset">Offset of the answer.</param>
        /// <param name="length">Answer length.</param>
        /// <param name="bundle">Receives the fork's keys (only on Ok).</param>
        /// <returns>Ok, or why not (nothing changes).</returns>
        public override MikeyExchangeStatus ReadForkAnswer(byte[] message, int offset, int length, CryptoSessionBundle bundle)
        {
            if (bundle == null) throw new ArgumentNullException();
            if (_updating) return MikeyExchangeStatus.InvalidState;
            MikeyExchangeStatus s = VerifyAnswer(message, offset, length);
            if (s != MikeyExchangeStatus.Ok) return s;
            return Agree(message, X.Layout.EccptOffset[0], X.Layout.EccptLength[0], bundle, false);
        }

        // The checks of an R_MESSAGE up to the key agreement; changes nothing.
        private MikeyExchangeStatus VerifyAnswer(byte[] message, int offset, int length)
        {
            if (!_awaitingAnswer) return MikeyExchangeStatus.InvalidState;
            MikeyExchangeStatus s = X.ReadAnswerHead(message, offset, length, DataType.DhResponse);
            if (s != MikeyExchangeStatus.Ok) return s;
            MessageLayout l = X.Layout;
            // T, IDr, CERTr..., IDi, ECCPTr, ECCPTi, SIGNr.
            int n = l.Count;
            if (l.IdCount != 2 || l.EccptCount != 2 || l.SignCount != 1 || l.At(1) != PayloadType.Id || l.At(n - 4) != PayloadType.Id
                || l.At(n - 3) != PayloadType.Eccpt || l.At(n - 2) != PayloadType.Eccpt || l.At(n - 1) != PayloadType.Sign
                || n != 6 + l.CertCount)
            {
                return MikeyExchangeStatus.Malformed;
            }

            // IDi must be ours, ECCPTi the one we sent, byte for byte.
            EccCredentials c = X.Credentials;
            if (!EccPeerTrust.Equal(message, l.IdDataOffset[1], l.IdDataLength[1], c.Identity, 0, c.IdentityLength)
                || !EccPeerTrust.Equal(message, l.EccptOffset[1], l.EccptLength[1], _eccpti, 0, _eccptiLength))
            {
                return MikeyExchangeStatus.Mismatch;
            }

            return X.VerifySigned(message, offset, 0, SignatureType);
        }

        // TGK = x(di·Qr) into `bundle`; `complete` ends the exchange (ReadAnswer), otherwise di stays for further forks.
        private MikeyExchangeStatus Agree(byte[] message, int eccptOffset, int eccptLength, CryptoSessionBundle bundle, bool complete)
        {
            EccptPoint p = _eccptr;
            MikeyExchangeStatus s = p.Read(message, eccptOffset, eccptLength, false);
            if (s != MikeyExchangeStatus.Ok) return s;
            if (p.TgkLength != EccProfileValues.TgkLength) return MikeyExchangeStatus.Unsupported;
            // TGK = x(di·Qr) (SEC 1 §3.3.1).
            if (!EcdhP256.ComputeSharedSecret(_ephemeral, p.Key, _tgk, 0)) return MikeyExchangeStatus.Malformed;
            X.FillBundle(bundle, _tgk, _tgk.Length, _updating, _mki, _mkiLength);
            X.ApplyAnswerMap(bundle);
            SecureMemory.Wipe(_tgk);
            if (!complete) return MikeyExchangeStatus.Ok;
            _ephemeral.Clear();
            _awaitingAnswer = false;
            IsComplete = true;
            return MikeyExchangeStatus.Ok;
        }

        internal override void ClearExchange()
        {
            _ephemeral.Clear();
            _awaitingAnswer = false;
        }
    }
}
