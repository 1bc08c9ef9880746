using System;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Modes
{
    /// <summary>
    /// What the responder of every mode offers (PSK and NULL here, the ECC modes in NanoMikey.Mikey.Ecc): <see cref="Respond"/>
    /// takes an I_MESSAGE and writes the answer or an error message; the keys of the last completed exchange are in
    /// <see cref="Bundle"/>. The shared tail lives here: the answer head, the verification message, the commit (replay cache,
    /// staging bundle becomes current) and the error message. Derived only inside this library and the ECC modes.
    /// </summary>
    public abstract class MikeyResponder
    {
        // Exchange state (and Staging), created with the responder; a responder that releases its scratch after each exchange
        // (issue 10 §2 heap) drops them in ReleaseExchangeState and creates them again in EnsureExchangeState: null only
        // between the two.
        internal MikeyReader Reader = new MikeyReader();
        internal MessageLayout Layout = new MessageLayout();
        internal readonly MikeyKeyDerivation Kd = new MikeyKeyDerivation();
        internal readonly BundleLoader Loader;
        internal readonly IMikeyClock Clock;
        internal readonly ReplayCache ReplayCache;
        // The writer and the V MAC input serve only the answer: created when it is written, after Process has returned, so
        // they are not on the heap while the exchange's deepest calls (KEMAC decryption, key derivation) run (issue 10 §2).
        private MikeyWriter? _writer;
        private VerificationInput? _vInput;
        private CryptoSessionBundle _bundle = new CryptoSessionBundle();

        internal CryptoSessionBundle Staging = new CryptoSessionBundle();
        internal bool HeaderRead;
        internal PrfFunction Prf;
        internal uint CsbId;

        internal MikeyResponder(IMikeyClock clock, ReplayCache replayCache)
        {
            if (clock == null || replayCache == null) throw new ArgumentNullException();
            Clock = clock;
            ReplayCache = replayCache;
            Loader = new BundleLoader(Reader);
            Minimum = SrtpMinimumPolicy.Strict;
        }

        internal MikeyWriter Writer
        {
            get { return _writer ?? (_writer = new MikeyWriter()); }
        }

        /// <summary>The local minimum every offered SRTP policy must meet; an offer below it is answered with Invalid SP.</summary>
        public SrtpMinimumPolicy Minimum { get; set; }

        /// <summary>Peer tolerances applied when reading policies (off by default).</summary>
        public MikeyQuirks Quirks { get; set; }

        /// <summary>The keys of the last completed exchange (valid until the next one completes).</summary>
        public CryptoSessionBundle Bundle
        {
            get { return _bundle; }
        }

        /// <summary>Length of the answer written by the last <see cref="Respond"/> (0 when there is nothing to send).</summary>
        public int AnswerLength { get; internal set; }

        /// <summary>The MIKEY error code that fits the last failure (also carried by the error message written).</summary>
        public ErrorCode ErrorCode { get; internal set; }

        /// <summary>
        /// Processes an I_MESSAGE. On <see cref="MikeyExchangeStatus.Ok"/> the keys are in <see cref="Bundle"/> and the answer
        /// (when the mode or the V flag asks for one) is in <paramref name="answer"/>; on a failure an error message is written
        /// there (when the header could be read) and nothing else changes.
        /// </summary>
        /// <param name="message">Buffer holding the received message.</param>
        /// <param name="offset">Offset of the message.</param>
        /// <param name="length">Message length.</param>
        /// <param name="answer">Buffer for the answer.</param>
        /// <param name="answerOffset">Offset of the answer.</param>
        /// <param name="answerCapacity">Room for the answer.</param>
        /// <returns>The outcome.</returns>
        public abstract MikeyExchangeStatus Respond(byte[] message, int offset, int length, byte[] answer, int answerOffset, int answerCapacity);

        /// <summary>Starts an exchange: reads the HDR (its PRF and CSB ID answer errors too) and checks the data type.</summary>
        internal MikeyExchangeStatus ReadHeader(byte[] message, int offset, int length, DataType dataType)
        {
            HeaderRead = false;
            ErrorCode = ErrorCode.Unspecified;
            AnswerLength = 0;
            if (Reader.Reset(message, offset, length) != MikeyStatus.Ok) return Fail(Reader.ErrorCode, MikeyExchangeStatus.Malformed);
            CommonHeader hdr = Reader.Header;
            HeaderRead = true;
            Prf = hdr.PrfFunction;
            CsbId = hdr.CsbId;
            if (hdr.DataType != dataType) return Fail(ErrorCode.InvalidDt, MikeyExchangeStatus.UnexpectedMessage);
            return MikeyExchangeStatus.Ok;
        }

        /// <summary>Starts an answer: HDR (this exchange's CSB ID and PRF, the staged CS map) and the initiator's T.</summary>
        internal void WriteAnswerHead(byte[] answer, int answerOffset, int answerCapacity, DataType dataType)
        {
            MikeyWriter w = Writer;
            w.Reset(answer, answerOffset, answerCapacity);
            w.WriteHeader(dataType, false, Prf, CsbId, CsIdMapType.SrtpId);
            for (int i = 0; i < Staging.Count; i++)
            {
                CryptoSession cs = Staging.Get(i);
                w.AddSrtpIdEntry(cs.PolicyNo, cs.Ssrc, cs.Roc);
            }

            w.WriteTimestamp(Layout.TimestampType, Layout.TimestampValue);
        }

        /// <summary>
        /// Writes the verification answer HDR, T, [IDr], V with V = MAC(auth_key, answer up to Ver data ‖ IDi ‖ IDr ‖ T) (RFC
        /// 3830 §5.2): IDi as sent, IDr the one this answer carries (this party's identity) or else the one the initiator named.
        /// </summary>
        internal MikeyExchangeStatus WriteVerification(byte[] message, byte[] answer, int answerOffset, int answerCapacity, DataType dataType,
            KemacProtection protection, IdType idrType, byte[] idr, int idrLength)
        {
            WriteAnswerHead(answer, answerOffset, answerCapacity, dataType);
            MikeyWriter w = Writer;
            if (idrLength > 0) w.WriteId(idrType, idr, 0, idrLength);
            w.WriteVerification(protection.Mac);
            if (w.Finish() != MikeyStatus.Ok) return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.BufferTooSmall);
            MessageLayout l = Layout;
            VerificationInput v = _vInput ?? (_vInput = new VerificationInput());
            v.Reset();
            if (l.IdCount > 0) v.Append(message, l.IdDataOffset[0], l.IdDataLength[0]);
            if (idrLength > 0) v.Append(idr, 0, idrLength);
            else if (l.IdCount > 1) v.Append(message, l.IdDataOffset[1], l.IdDataLength[1]);
            v.Append(message, l.TimestampValueOffset, l.TimestampValueLength);
            if (v.Overflow) return Fail(ErrorCode.InvalidId, MikeyExchangeStatus.Unsupported);
            if (w.IntegrityFieldLength > 0)
            {
                protection.ComputeMac(answer, answerOffset, w.CoveredLength, v.Buffer, 0, v.Length, answer, w.IntegrityFieldOffset);
            }

            AnswerLength = w.Length;
            return MikeyExchangeStatus.Ok;
        }

        /// <summary>
        /// The staging bundle's first key slot from a TGK (RFC 3830 §4.1.3) with the I_MESSAGE's RAND, no MKI: a new bundle of
        /// a Diffie-Hellman mode (DH-SIGN, DHHMAC), whose sessions <see cref="BundleLoader.LoadSessions"/> staged.
        /// </summary>
        internal void StageTgk(byte[] message, byte[] tgk, int tgkLength)
        {
            Staging.SetRand(message, Layout.RandValueOffset, Layout.RandValueLength);
            Staging.SetTgk(tgk, 0, tgkLength);
            for (int i = 0; i < Staging.Count; i++)
            {
                CryptoSession cs = Staging.Slot(i);
                cs.MasterKeyCount = 1;
                cs.Policy.MkiLength = 0;
                cs.KeySlot(0).MkiLength = 0;
            }

            Staging.DeriveFromTgk(Kd, 0, false);
        }

        /// <summary>
        /// Ends an exchange: an accepted message enters the replay cache (when <paramref name="remember"/>: identity at
        /// <paramref name="identityOffset"/>) and the staging bundle becomes the current one (RFC 3830 §5.3 step 4); any
        /// failure wipes the staging bundle and writes an error message (RFC 3830 §5.1.2).
        /// </summary>
        internal MikeyExchangeStatus Complete(MikeyExchangeStatus status, byte[] message, int identityOffset, bool remember,
            byte[]? answer, int answerOffset, int answerCapacity)
        {
            if (status == MikeyExchangeStatus.Ok && remember)
            {
                // Only an authenticated, acceptable message enters the cache; a full cache refuses.
                ReplayCacheStatus stored = ReplayCache.Remember(Layout.Timestamp64, message, identityOffset);
                if (stored == ReplayCacheStatus.Full) status = Fail(ErrorCode.Unspecified, MikeyExchangeStatus.ReplayCacheFull);
                else if (stored != ReplayCacheStatus.Fresh) status = Fail(ErrorCode.InvalidTs, MikeyExchangeStatus.Replayed);
            }

            if (status == MikeyExchangeStatus.Ok)
            {
                // Commit: the staging bundle becomes the current one; the old keys are wiped.
                CryptoSessionBundle old = _bundle;
                _bundle = Staging;
                Staging = old;
                Staging.Clear();
                Staging.Reserve(_bundle); // the next exchange of this shape then allocates nothing
                return MikeyExchangeStatus.Ok;
            }

            Staging.Clear();
            AnswerLength = 0;
            if (HeaderRead && answer != null)
            {
                // Error message: HDR (type 6, V = 0, the offending message's PRF and CSB ID), T (fresh), ERR. Unauthenticated:
                // receivers treat it as a hint only.
                MikeyWriter w = Writer;
                w.Reset(answer, answerOffset, answerCapacity);
                w.WriteHeader(DataType.Error, false, Prf, CsbId, CsIdMapType.SrtpId);
                w.WriteTimestamp(TimestampType.NtpUtc, Clock.NtpNow);
                w.WriteError(ErrorCode);
                if (w.Finish() == MikeyStatus.Ok) AnswerLength = w.Length;
            }

            return status;
        }

        /// <summary>
        /// Drops what only an exchange needs: reader, writer, layout, the loader's policy views, the V MAC input and the staging
        /// bundle (wiped first). <see cref="EnsureExchangeState"/> creates them again before the next exchange.
        /// </summary>
        internal void ReleaseExchangeState()
        {
            Staging.Clear();
            Staging = null!;
            Loader.Release();
            Reader = null!;
            _writer = null;
            Layout = null!;
            _vInput = null;
        }

        /// <summary>Creates the exchange state again after <see cref="ReleaseExchangeState"/> (nothing to do otherwise).</summary>
        internal void EnsureExchangeState()
        {
            if (Reader != null) return;
            Staging = new CryptoSessionBundle();
            Reader = new MikeyReader();
            Layout = new MessageLayout();
            Loader.Rebind(Reader);
        }

        internal MikeyExchangeStatus Fail(ErrorCode code, MikeyExchangeStatus status)
        {
            ErrorCode = code;
            return status;
        }
    }
}
