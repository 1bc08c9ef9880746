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
    /// writes HDR, T, RAND, IDi, CERTi, [IDr], {SP}, ECCPTi, SIGNi with a fresh ephemeral key; <see cref="ReadAnswer"/> checks
    /// the responder's signed answer and derives the keys from TGK = x(d·Q). Allocation-free after construction.
    /// </summary>
    public sealed class EcdhSignInitiator
    {
        private readonly InitiatorExchange _x;
        private readonly P256PrivateKey _ephemeral = new P256PrivateKey();
        private readonly EccptPoint _eccptr = new EccptPoint();
        private readonly byte[] _point = new byte[P256PublicKey.UncompressedLength];
        private readonly byte[] _eccpti = new byte[80];
        private readonly byte[] _tgk = new byte[EcdhP256.SecretLength];
        private int _eccptiLength;
        private bool _awaitingAnswer;

        /// <summary>Creates an initiator.</summary>
        /// <param name="drbg">Randomness for CSB ID, RAND and the ephemeral key.</param>
        /// <param name="clock">The local clock (T; certificate validity).</param>
        /// <param name="credentials">This party's key, certificates and identity.</param>
        /// <param name="peer">Whose signature the answer must carry.</param>
        public EcdhSignInitiator(HmacDrbg drbg, IMikeyClock clock, EccCredentials credentials, EccPeerTrust peer)
        {
            _x = new InitiatorExchange(drbg, clock, credentials, peer);
            SignatureType = EccProfileValues.EcdsaP256SignatureType;
        }

        /// <summary>PRF for every derivation (MIKEY-1 by default).</summary>
        public PrfFunction Prf
        {
            get { return _x.Prf; }
            set { _x.Prf = value; }
        }

        /// <summary>SIGN S type written and expected (<see cref="EccProfileValues.EcdsaP256SignatureType"/> by default).</summary>
        public SignatureType SignatureType { get; set; }

        /// <summary>The keys: valid once <see cref="IsComplete"/>.</summary>
        public CryptoSessionBundle Bundle
        {
            get { return _x.Bundle; }
        }

        /// <summary>True once a valid answer was read.</summary>
        public bool IsComplete { get; private set; }

        /// <summary>Length of the offer written by the last <see cref="WriteOffer"/>.</summary>
        public int OfferLength { get; private set; }

        /// <summary>The error code of an error message received by <see cref="ReadAnswer"/>.</summary>
        public ErrorCode ReceivedError
        {
            get { return _x.ReceivedError; }
        }

        /// <summary>Names the responder in an IDr payload of the offer (length 0: none).</summary>
        /// <param name="type">ID type.</param>
        /// <param name="id">Buffer holding the identity.</param>
        /// <param name="offset">Offset of the identity.</param>
        /// <param name="length">Identity length.</param>
        public void SetResponderIdentity(IdType type, byte[]? id, int offset, int length)
        {
            _x.SetResponderIdentity(type, id, offset, length);
        }

        /// <summary>Adds a crypto session (see PskInitiator.AddCryptoSession).</summary>
        /// <param name="ssrc">SSRC (0: the responder fills it in).</param>
        /// <param name="roc">Initial rollover counter.</param>
        /// <param name="policy">SRTP policy (kept by reference until the offer is written).</param>
        /// <returns>The CS number (1-based).</returns>
        public int AddCryptoSession(uint ssrc, uint roc, SrtpPolicy policy)
        {
            return _x.AddCryptoSession(ssrc, roc, policy);
        }

        /// <summary>Removes every crypto session and wipes the keys and the ephemeral key.</summary>
        public void Reset()
        {
            _x.Reset();
            _ephemeral.Clear();
            _awaitingAnswer = false;
            IsComplete = false;
        }

        /// <summary>Writes the I_MESSAGE with a fresh ephemeral key.</summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Offset of the message.</param>
        /// <param name="capacity">Room for the message.</param>
        /// <returns>Ok, BufferTooSmall, or InvalidState (no sessions, key or identity).</returns>
        public MikeyExchangeStatus WriteOffer(byte[] buffer, int offset, int capacity)
        {
            OfferLength = 0;
            if (!_x.Ready) return MikeyExchangeStatus.InvalidState;
            _x.Bundle.Clear();
            IsComplete = false;
            _awaitingAnswer = false;
            _x.WriteHead(buffer, offset, capacity, DataType.DhInit, false);
            _ephemeral.Generate(_x.Drbg);
            _ephemeral.PublicKey.ExportUncompressed(_point, 0);
            int at = _x.Writer.Length;
            _x.Writer.WriteEccpt(EccProfileValues.Curve, _point, 0, _point.Length, MacAlgorithm.Null, EccProfileValues.TgkLength, KvType.Null,
                null, 0, 0, null, 0, 0);
            _eccptiLength = _x.Writer.Length - at;
            if (!_x.Close(SignatureType))
            {
                _ephemeral.Clear();
                return MikeyExchangeStatus.BufferTooSmall;
            }

            _x.SignClosed();

            // Kept for the byte-exact echo check of the answer (docs/ecc-profile.md §2).
            Array.Copy(buffer, offset + at, _eccpti, 0, _eccptiLength);
            OfferLength = _x.Writer.Length;
            _awaitingAnswer = true;
            return MikeyExchangeStatus.Ok;
        }

        /// <summary>
        /// Takes the R_MESSAGE (HDR, T, IDr, CERTr, IDi, ECCPTr, ECCPTi, SIGNr) or an error message. On Ok the keys are in
        /// <see cref="Bundle"/>; otherwise nothing changes and a genuine answer may still come.
        /// </summary>
        /// <param name="message">Buffer holding the answer.</param>
        /// <param name="offset">Offset of the answer.</param>
        /// <param name="length">Answer length.</param>
        /// <returns>The outcome.</returns>
        public MikeyExchangeStatus ReadAnswer(byte[] message, int offset, int length)
        {
            if (!_awaitingAnswer) return MikeyExchangeStatus.InvalidState;
            MikeyExchangeStatus s = _x.ReadAnswerHead(message, offset, length, DataType.DhResponse);
            if (s != MikeyExchangeStatus.Ok) return s;
            MessageLayout l = _x.Layout;
            // T, IDr, CERTr..., IDi, ECCPTr, ECCPTi, SIGNr.
            int n = l.Count;
            if (l.IdCount != 2 || l.EccptCount != 2 || l.SignCount != 1 || l.At(1) != PayloadType.Id || l.At(n - 4) != PayloadType.Id
                || l.At(n - 3) != PayloadType.Eccpt || l.At(n - 2) != PayloadType.Eccpt || l.At(n - 1) != PayloadType.Sign
                || n != 6 + l.CertCount)
            {
                return MikeyExchangeStatus.Malformed;
            }

            // IDi must be ours, ECCPTi the one we sent, byte for byte.
            EccCredentials c = _x.Credentials;
            if (!EccPeerTrust.Equal(message, l.IdDataOffset[1], l.IdDataLength[1], c.Identity, 0, c.IdentityLength)
                || !EccPeerTrust.Equal(message, l.EccptOffset[1], l.EccptLength[1], _eccpti, 0, _eccptiLength))
            {
                return MikeyExchangeStatus.Mismatch;
            }

            s = _x.VerifySigned(message, offset, 0, SignatureType);
            if (s != MikeyExchangeStatus.Ok) return s;
            return Agree(message, l.EccptOffset[0], l.EccptLength[0]);
        }

        private MikeyExchangeStatus Agree(byte[] message, int eccptOffset, int eccptLength)
        {
            EccptPoint p = _eccptr;
            MikeyExchangeStatus s = p.Read(message, eccptOffset, eccptLength);
            if (s != MikeyExchangeStatus.Ok) return s;
            if (p.TgkLength != EccProfileValues.TgkLength) return MikeyExchangeStatus.Unsupported;
            if (!EcdhP256.ComputeSharedSecret(_ephemeral, p.Key, _tgk, 0)) return MikeyExchangeStatus.Malformed;
            _x.FillBundle(_x.Bundle, _tgk, _tgk.Length);
            _x.ApplyAnswerMap(_x.Bundle);
            SecureMemory.Wipe(_tgk);
            _ephemeral.Clear();
            _awaitingAnswer = false;
            IsComplete = true;
            return MikeyExchangeStatus.Ok;
        }
    }
}
