using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Random;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Time;

namespace NanoMikey.Mikey.Rsa
{
    /// <summary>
    /// The initiator of DH-SIGN (RFC 3830 §3.3) over an OAKLEY MODP group with RSA signatures. <see cref="WriteOffer"/> writes
    /// HDR(4), T, RAND, IDi, CERTi..., [IDr], {SP}, DHi, SIGNi with a fresh ephemeral exponent; <see cref="ReadAnswer"/>
    /// checks the responder's signed HDR(5), T, IDr, CERTr..., IDi, DHr, DHi, SIGNr and derives the keys from
    /// TGK = g^(xi·xr) mod p. Allocation-free after construction.
    /// </summary>
    public sealed class DhSignInitiator : RsaInitiator
    {
        private readonly DhValue _dh = new DhValue();
        private readonly byte[] _dhi = new byte[DhValue.MaxPayloadLength];
        private readonly byte[] _tgk = new byte[DhValue.MaxValueLength];
        private int _dhiLength;
        private bool _awaitingAnswer;

        /// <summary>Creates an initiator.</summary>
        /// <param name="drbg">Randomness for CSB ID, RAND, the ephemeral exponent and PSS salts.</param>
        /// <param name="clock">The local clock (T; certificate validity).</param>
        /// <param name="credentials">This party's RSA key, certificates and identity.</param>
        /// <param name="peer">Whose signature the answer must carry.</param>
        public DhSignInitiator(HmacDrbg drbg, IMikeyClock clock, RsaCredentials credentials, RsaPeerTrust peer)
            : base(drbg, clock, credentials, peer)
        {
            Group = DhGroup.Oakley5;
        }

        /// <summary>The DH group of the offer (RFC 3830 §6.4): OAKLEY 5 (DH-Group 0) by default, OAKLEY 1 or 2.</summary>
        public DhGroup Group { get; set; }

        /// <summary>Writes the I_MESSAGE HDR(4), T, RAND, IDi, CERTi..., [IDr], {SP}, DHi, SIGNi with a fresh ephemeral key.</summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Offset of the message.</param>
        /// <param name="capacity">Room for the message.</param>
        /// <returns>Ok, BufferTooSmall, Unsupported (group), ReseedRequired (the DRBG needs entropy), or InvalidState (no sessions, key or identity).</returns>
        public override MikeyExchangeStatus WriteOffer(byte[] buffer, int offset, int capacity)
        {
            OfferLength = 0;
            if (!X.Ready(true)) return MikeyExchangeStatus.InvalidState;
            DhHmacGroup g = (DhHmacGroup)(int)Group;
            if (g != DhHmacGroup.Oakley1 && g != DhHmacGroup.Oakley2 && g != DhHmacGroup.Oakley5) return MikeyExchangeStatus.Unsupported;
            // RAND, CSB ID, the exponent, a PSS salt.
            if (!X.Drbg.CanGenerate(3 + DhValue.EphemeralDraws)) return MikeyExchangeStatus.ReseedRequired;
            EndAnswers();
            X.Bundle.Clear();
            IsComplete = false;
            X.WriteHead(buffer, offset, capacity, DataType.DhInit, false, true, true);
            _dh.Group = g;
            _dh.Generate(X.Drbg);
            int at = X.Writer.Length;
            _dh.Write(X.Writer);
            _dhiLength = X.Writer.Length - at;
            if (!X.Close())
            {
                _dh.Clear();
                return MikeyExchangeStatus.BufferTooSmall;
            }

            if (!X.SignClosed())
            {
                _dh.Clear();
                return MikeyExchangeStatus.InvalidState;
            }

            // Kept for the byte-exact echo check of the answer's DHi.
            Array.Copy(buffer, offset + at, _dhi, 0, _dhiLength);
            OfferLength = X.Writer.Length;
            _awaitingAnswer = true;
            return MikeyExchangeStatus.Ok;
        }

        /// <summary>
        /// Takes the R_MESSAGE (HDR(5), T, IDr, CERTr..., IDi, DHr, DHi, SIGNr) or an error message. On Ok the keys are in
        /// <see cref="RsaInitiator.Bundle"/>; otherwise nothing changes and a genuine answer may still come.
        /// </summary>
        /// <param name="message">Buffer holding the answer.</param>
        /// <param name="offset">Offset of the answer.</param>
        /// <param name="length">Answer length.</param>
        /// <returns>The outcome.</returns>
        public override MikeyExchangeStatus ReadAnswer(byte[] message, int offset, int length)
        {
            if (!_awaitingAnswer) return MikeyExchangeStatus.InvalidState;
            MikeyExchangeStatus s = X.ReadAnswerHead(message, offset, length, DataType.DhResponse, 0, false, false);
            if (s != MikeyExchangeStatus.Ok) return s;
            MessageLayout l = X.Layout;
            // RFC 3830 §3.3: T, IDr, CERTr..., IDi, DHr, DHi, SIGNr (we require IDr: the signer's identity, bound to CERTr).
            int n = l.Count;
            if (l.IdCount != 2 || l.DhCount != 2 || l.SignCount != 1 || n != 6 + l.CertCount || l.At(1) != PayloadType.Id || l.At(n - 4) != PayloadType.Id
                || l.At(n - 3) != PayloadType.Dh || l.At(n - 2) != PayloadType.Dh || l.At(n - 1) != PayloadType.Sign)
            {
                return MikeyExchangeStatus.Malformed;
            }

            // IDi must be ours, DHi the one we sent, byte for byte.
            RsaCredentials c = X.Credentials;
            if (!RsaPeerTrust.Equal(message, l.IdDataOffset[1], l.IdDataLength[1], c.Identity, 0, c.IdentityLength)
                || !RsaPeerTrust.Equal(message, l.DhOffset[1], l.DhLength[1], _dhi, 0, _dhiLength))
            {
                return MikeyExchangeStatus.Mismatch;
            }

            s = X.VerifySigned(message, offset, 0, 0);
            if (s != MikeyExchangeStatus.Ok) return s;
            s = _dh.CheckFields(message, l.DhOffset[0], l.DhLength[0], PayloadType.Dh);
            if (s != MikeyExchangeStatus.Ok) return s;
            // TGK = g^(xi·xr) mod p (RFC 3830 §3.3), then the TEKs (§4.1.3).
            if (!_dh.Agree(message, l.DhOffset[0], l.DhLength[0], _tgk, 0)) return MikeyExchangeStatus.Malformed;
            X.FillBundle(X.Bundle, _tgk, _dh.SecretLength, X.Rand, X.Rand.Length);
            X.ApplyAnswerMap(X.Bundle);
            SecureMemory.Wipe(_tgk);
            EndAnswers();
            IsComplete = true;
            return MikeyExchangeStatus.Ok;
        }

        /// <summary>Ends the exchange: wipes the ephemeral exponent so no later answer is accepted.</summary>
        public override void EndAnswers()
        {
            _dh.Clear();
            _awaitingAnswer = false;
        }
    }
}
