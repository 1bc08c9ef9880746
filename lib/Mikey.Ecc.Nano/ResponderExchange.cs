using System;
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
    /// The responder's part every ECC mode shares (docs/ecc-profile.md §1): reading a signed I_MESSAGE and checking its
    /// common payloads in order (HDR, T, RAND, IDi, CERTi..., [IDr], {SP}), freshness with the Signature field as identity,
    /// the signer's certificate/identity and SIGNi, policies into a staging bundle, the commit (replay cache, swap) and the
    /// error message. Fixed buffers; no allocation after construction.
    /// </summary>
    internal sealed class ResponderExchange
    {
        internal readonly MikeyReader Reader = new MikeyReader();
        internal readonly MikeyWriter Writer = new MikeyWriter();
        internal readonly MessageLayout Layout = new MessageLayout();
        internal readonly MikeyKeyDerivation Kd = new MikeyKeyDerivation();
        internal readonly MessageSignature Signature = new MessageSignature();
        internal readonly IMikeyClock Clock;
        internal readonly ReplayCache ReplayCache;
        internal readonly EccCredentials Credentials;
        internal readonly EccPeerTrust Peer;

        private readonly BundleLoader _loader = new BundleLoader();
        private readonly CertPayload _cert = new CertPayload();
        private readonly int[] _certOffset = new int[EccProfileValues.MaxCertificates];
        private readonly int[] _certLength = new int[EccProfileValues.MaxCertificates];
        private readonly byte[] _vExtra = new byte[2 * 255 + 8];

        internal ResponderExchange(IMikeyClock clock, ReplayCache replayCache, EccCredentials credentials, EccPeerTrust peer)
        {
            if (clock == null || replayCache == null || credentials == null || peer == null) throw new ArgumentNullException();
            Clock = clock;
            ReplayCache = replayCache;
            Credentials = credentials;
            Peer = peer;
            Minimum = SrtpMinimumPolicy.Strict;
        }

        internal CryptoSessionBundle Bundle = new CryptoSessionBundle();
        internal CryptoSessionBundle Staging = new CryptoSessionBundle();
        internal SrtpMinimumPolicy Minimum;
        internal MikeyQuirks Quirks;
        internal ErrorCode ErrorCode;
        internal int AnswerLength;
        internal bool HeaderRead;
        internal PrfFunction Prf;
        internal uint CsbId;

        /// <summary>Index in the layout's order of the first payload after the common head (the mode's own payloads).</summary>
        internal int ModeStart;

        /// <summary>
        /// Reads the I_MESSAGE and checks its common head: data type, T (NTP-UTC first), RAND second, IDi, CERTi..., [IDr],
        /// {SP}, SIGN last with the profile's S type and length; then freshness (RFC 3830 §5.3 step 1).
        /// </summary>
        internal MikeyExchangeStatus ReadOffer(byte[] message, int offset, int length, DataType dataType, SignatureType signatureType)
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
            if (!Credentials.Key.HasValue || Credentials.IdentityLength == 0) return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.InvalidState);
            if (Layout.Fill(Reader) != MikeyStatus.End) return Fail(Reader.ErrorCode, MikeyExchangeStatus.Malformed);
            MessageLayout l = Layout;
            int i = 3;
            if (l.Count < 5 || l.At(0) != PayloadType.Timestamp || l.At(1) != PayloadType.Rand || l.At(2) != PayloadType.Id
                || l.TimestampCount != 1 || l.RandCount != 1 || l.SignCount != 1 || l.Last != PayloadType.Sign
                || l.VerificationCount + l.OtherCount + l.DhCount + l.ErrorCount != 0)
            {
                return Fail(ErrorCode.UnsupportedMessageType, MikeyExchangeStatus.Malformed);
            }

            while (l.At(i) == PayloadType.Cert) i++;
            if (l.At(i) == PayloadType.Id) i++;
            while (l.At(i) == PayloadType.SecurityPolicy) i++;
            if (i - 3 != l.CertCount + l.IdCount - 1 + l.PolicyCount) return Fail(ErrorCode.UnsupportedMessageType, MikeyExchangeStatus.Malformed);
            ModeStart = i;
            if (l.TimestampType == TimestampType.Counter) return Fail(ErrorCode.InvalidTs, MikeyExchangeStatus.Unsupported);
            if (l.SignLength != 2 + EccProfileValues.SignatureLength || (message[l.SignOffset] >> 4) != (int)signatureType)
            {
                return Fail(ErrorCode.AuthFailure, MikeyExchangeStatus.AuthenticationFailed);
            }

            // The identity of a message in the replay cache: the first 16 bytes of its signature (docs/ecc-profile.md §1.5).
            ReplayCacheStatus fresh = ReplayCache.Check(l.Timestamp64, message, l.SignOffset + 2);
            if (fresh == ReplayCacheStatus.OutsideSkew) return Fail(ErrorCode.InvalidTs, MikeyExchangeStatus.OutsideSkew);
            if (fresh == ReplayCacheStatus.Replayed) return Fail(ErrorCode.InvalidTs, MikeyExchangeStatus.Replayed);
            return MikeyExchangeStatus.Ok;
        }

        /// <summary>The signer's key from CERT payloads / pins, its identity (ID payload <paramref name="idIndex"/>), then SIGN.</summary>
        internal MikeyExchangeStatus VerifySigned(byte[] message, int offset, int idIndex)
        {
            MessageLayout l = Layout;
            int n = l.CertCount;
            for (int i = 0; i < n; i++)
            {
                _cert.Bind(message, l.CertOffset[i], l.CertLength[i]);
                if (_cert.CertType != CertType.X509v3 || _cert.DataLength == 0) return Fail(ErrorCode.InvalidCert, MikeyExchangeStatus.AuthenticationFailed);
                _certOffset[i] = _cert.DataOffset;
                _certLength[i] = _cert.DataLength;
            }

            MikeyExchangeStatus s = Peer.Authenticate(message, _certOffset, _certLength, n, message, l.IdDataOffset[idIndex], l.IdDataLength[idIndex],
                Clock.NtpNow >> 32);
            if (s != MikeyExchangeStatus.Ok) return Fail(Peer.ErrorCode, s);
            int at = l.SignOffset;
            if (!Signature.Verify(Peer.SignerKey, message, offset, at + 2 - offset, at + 2)) return Fail(ErrorCode.AuthFailure, MikeyExchangeStatus.AuthenticationFailed);
            return MikeyExchangeStatus.Ok;
        }

        /// <summary>Crypto sessions and policies (against <see cref="Minimum"/>) into the staging bundle.</summary>
        internal MikeyExchangeStatus LoadSessions(byte[] message)
        {
            MikeyExchangeStatus s = _loader.LoadSessions(Reader.Header, message, Layout, Quirks, Minimum, Staging);
            return s == MikeyExchangeStatus.Ok ? s : Fail(_loader.ErrorCode, s);
        }

        /// <summary>Master keys from a decrypted KEMAC Key data chain into the staging bundle.</summary>
        internal MikeyExchangeStatus LoadKeys(byte[] plain, int offset, int length, DataType context, byte[] message)
        {
            MikeyExchangeStatus s = _loader.LoadKeys(plain, offset, length, context, Kd, message, Layout.RandValueOffset, Layout.RandValueLength, Staging, 0);
            return s == MikeyExchangeStatus.Ok ? s : Fail(_loader.ErrorCode, s);
        }

        /// <summary>The staging bundle's TEKs and salts from a TGK (RFC 3830 §4.1.3) with the I_MESSAGE's RAND.</summary>
        internal void DeriveStaging(byte[] tgk, int tgkOffset, int tgkLength, byte[] message)
        {
            Staging.SetTgk(tgk, tgkOffset, tgkLength);
            Staging.SetRand(message, Layout.RandValueOffset, Layout.RandValueLength);
            for (int i = 0; i < Staging.Count; i++) Staging.Slot(i).MasterKeyCount = 1;
            Staging.DeriveFromTgk(Kd, 0, false);
        }

        /// <summary>Starts an answer: HDR (this exchange's CSB ID and PRF, the staged CS map) and the initiator's T.</summary>
        internal void WriteAnswerHead(byte[] answer, int answerOffset, int answerCapacity, DataType dataType, byte[] message)
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
        /// Writes the verification answer HDR, T, IDr, V with V = MAC(auth_key, answer up to Ver data ‖ IDi ‖ IDr ‖ T) (RFC 3830
        /// §5.2): IDi as sent, IDr the one this answer carries (this party's identity) or else the one the initiator named.
        /// </summary>
        internal MikeyExchangeStatus WriteVerification(byte[] message, byte[] answer, int answerOffset, int answerCapacity, DataType dataType,
            KemacProtection protection)
        {
            WriteAnswerHead(answer, answerOffset, answerCapacity, dataType, message);
            MikeyWriter w = Writer;
            EccCredentials c = Credentials;
            if (c.IdentityLength > 0) w.WriteId(c.IdentityType, c.Identity, 0, c.IdentityLength);
            w.WriteVerification(protection.Mac);
            if (w.Finish() != MikeyStatus.Ok) return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.BufferTooSmall);
            MessageLayout l = Layout;
            int n = Append(message, l.IdDataOffset[0], l.IdDataLength[0], 0);
            n = c.IdentityLength > 0 ? Append(c.Identity, 0, c.IdentityLength, n)
                : (l.IdCount > 1 ? Append(message, l.IdDataOffset[1], l.IdDataLength[1], n) : n);
            n = Append(message, l.TimestampValueOffset, l.TimestampValueLength, n);
            protection.ComputeMac(answer, answerOffset, w.CoveredLength, _vExtra, 0, n, answer, w.IntegrityFieldOffset);
            AnswerLength = w.Length;
            return MikeyExchangeStatus.Ok;
        }

        /// <summary>Ends a key-transport exchange (ECIES, ECMQV): V when the initiator asked for it, then <see cref="Complete"/>.</summary>
        internal MikeyExchangeStatus CompleteWithVerification(MikeyExchangeStatus status, byte[] message, byte[]? answer, int answerOffset, int answerCapacity,
            DataType verificationType, KemacProtection protection)
        {
            if (status == MikeyExchangeStatus.Ok && Reader.Header.V)
            {
                status = answer == null ? Fail(ErrorCode.Unspecified, MikeyExchangeStatus.BufferTooSmall)
                    : WriteVerification(message, answer, answerOffset, answerCapacity, verificationType, protection);
            }

            protection.Clear();
            return Complete(status, message, answer, answerOffset, answerCapacity);
        }

        private int Append(byte[] source, int offset, int length, int at)
        {
            if (length > 0) Array.Copy(source, offset, _vExtra, at, length);
            return at + length;
        }

        /// <summary>
        /// Ends an exchange: an accepted message enters the replay cache and the staging bundle becomes the current one (RFC
        /// 3830 §5.3 step 4); any failure wipes the staging bundle and writes an error message (RFC 3830 §5.1.2).
        /// </summary>
        internal MikeyExchangeStatus Complete(MikeyExchangeStatus status, byte[] message, byte[]? answer, int answerOffset, int answerCapacity)
        {
            if (status == MikeyExchangeStatus.Ok)
            {
                ReplayCacheStatus stored = ReplayCache.Remember(Layout.Timestamp64, message, Layout.SignOffset + 2);
                if (stored == ReplayCacheStatus.Full) status = Fail(ErrorCode.Unspecified, MikeyExchangeStatus.ReplayCacheFull);
                else if (stored != ReplayCacheStatus.Fresh) status = Fail(ErrorCode.InvalidTs, MikeyExchangeStatus.Replayed);
            }

            if (status == MikeyExchangeStatus.Ok)
            {
                CryptoSessionBundle old = Bundle;
                Bundle = Staging;
                Staging = old;
                Staging.Clear();
                return MikeyExchangeStatus.Ok;
            }

            Staging.Clear();
            AnswerLength = 0;
            if (HeaderRead && answer != null)
            {
                // Error message: HDR (type 6, V = 0, the offending message's PRF and CSB ID), T (fresh), ERR. Unauthenticated.
                MikeyWriter w = Writer;
                w.Reset(answer, answerOffset, answerCapacity);
                w.WriteHeader(DataType.Error, false, Prf, CsbId, CsIdMapType.SrtpId);
                w.WriteTimestamp(TimestampType.NtpUtc, Clock.NtpNow);
                w.WriteError(ErrorCode);
                if (w.Finish() == MikeyStatus.Ok) AnswerLength = w.Length;
            }

            return status;
        }

        internal MikeyExchangeStatus Fail(ErrorCode code, MikeyExchangeStatus status)
        {
            ErrorCode = code;
            return status;
        }
    }
}
