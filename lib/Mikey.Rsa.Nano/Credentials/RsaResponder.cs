using System;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Time;
using NanoMikey.Rsa;

namespace NanoMikey.Mikey.Rsa
{
    /// <summary>
    /// What every responder of the RSA modes offers on top of <see cref="MikeyResponder"/>: reading a signed I_MESSAGE and
    /// checking its common payloads in order (HDR, T, [RAND], IDi, CERTi..., [IDr], {SP}, ..., SIGNi), freshness with the
    /// Signature field as identity, the signer's certificate/identity and SIGNi, policies and keys into the staging bundle.
    /// Checks run in the order of RFC 3830 §5.3 and the bundle changes only when every check passed. Fixed buffers; no
    /// allocation after construction.
    /// </summary>
    public abstract class RsaResponder : MikeyResponder
    {
        internal readonly RsaMessageSignature Signature;
        internal readonly RsaCredentials Credentials;
        internal readonly RsaPeerTrust Peer;

        private readonly CertPayload _cert = new CertPayload();
        private readonly int[] _certOffset = new int[RsaModeValues.MaxCertificates];
        private readonly int[] _certLength = new int[RsaModeValues.MaxCertificates];

        /// <summary>Index in the layout's order of the first payload after the common head (the mode's own payloads).</summary>
        internal int ModeStart;

        /// <summary>True for a mode whose I_MESSAGE carries a DH payload (DH-SIGN, RFC 3830 §3.3); the mode checks its count and place.</summary>
        internal bool TakesDh;

        internal RsaResponder(IMikeyClock clock, ReplayCache replayCache, RsaCredentials credentials, RsaPeerTrust peer)
            : base(clock, replayCache)
        {
            if (credentials == null || peer == null) throw new ArgumentNullException();
            Credentials = credentials;
            Peer = peer;
            Signature = new RsaMessageSignature(RsaPublicKey.MaxBits);
            SignatureType = SignatureType.RsaPkcs1;
            SignatureHash = RsaHash.Sha256;
        }

        /// <summary>SIGN S type expected (and written, where the answer is signed): PKCS#1 v1.5 (0) by default, or PSS (1).</summary>
        public SignatureType SignatureType { get; set; }

        /// <summary>Hash inside the signatures (RFC 3830 names none): SHA-256 by default; SHA-1 for peers such as minisip.</summary>
        public RsaHash SignatureHash { get; set; }

        /// <summary>
        /// Reads the I_MESSAGE and checks its common head: data type, T (NTP-UTC) first, RAND second (required when
        /// <paramref name="randRequired"/>), IDi, CERTi..., [IDr], {SP}, SIGN last with the expected S type; then freshness
        /// (RFC 3830 §5.3 step 1) with the first 16 signature bytes as the message's identity.
        /// </summary>
        internal MikeyExchangeStatus ReadOffer(byte[] message, int offset, int length, DataType dataType, bool randRequired)
        {
            MikeyExchangeStatus s = ReadHeader(message, offset, length, dataType);
            if (s != MikeyExchangeStatus.Ok) return s;
            if (!Credentials.Ready) return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.InvalidState);
            if (Layout.Fill(Reader) != MikeyStatus.End) return Fail(Reader.ErrorCode, MikeyExchangeStatus.Malformed);
            MessageLayout l = Layout;
            int r = l.RandCount;
            if (r > 1 || (r == 0 && randRequired) || l.Count < 3 + r || l.At(0) != PayloadType.Timestamp || (r == 1 && l.At(1) != PayloadType.Rand)
                || l.At(1 + r) != PayloadType.Id || l.TimestampCount != 1 || l.SignCount != 1 || l.Last != PayloadType.Sign
                || l.VerificationCount + l.OtherCount + (TakesDh ? 0 : l.DhCount) + l.ErrorCount + l.EccptCount != 0)
            {
                return Fail(ErrorCode.UnsupportedMessageType, MikeyExchangeStatus.Malformed);
            }

            int i = 2 + r;
            while (l.At(i) == PayloadType.Cert) i++;
            if (l.At(i) == PayloadType.Id) i++;
            while (l.At(i) == PayloadType.SecurityPolicy) i++;
            if (i - 2 - r != l.CertCount + l.IdCount - 1 + l.PolicyCount) return Fail(ErrorCode.UnsupportedMessageType, MikeyExchangeStatus.Malformed);
            ModeStart = i;
            if (l.TimestampType != TimestampType.NtpUtc) return Fail(ErrorCode.InvalidTs, MikeyExchangeStatus.Unsupported);
            if ((SignatureType)(message[l.SignOffset] >> 4) != SignatureType || l.SignLength < 2 + 128)
            {
                return Fail(ErrorCode.AuthFailure, MikeyExchangeStatus.AuthenticationFailed);
            }

            ReplayCacheStatus fresh = ReplayCache.Check(l.Timestamp64, message, l.SignOffset + 2);
            if (fresh == ReplayCacheStatus.OutsideSkew) return Fail(ErrorCode.InvalidTs, MikeyExchangeStatus.OutsideSkew);
            if (fresh == ReplayCacheStatus.Replayed) return Fail(ErrorCode.InvalidTs, MikeyExchangeStatus.Replayed);
            return MikeyExchangeStatus.Ok;
        }

        /// <summary>The signer's key from CERT payloads / pins, its identity (ID payload <paramref name="idIndex"/>), then SIGNi (RFC 3830 §5.2).</summary>
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
            Signature.Begin(SignatureHash);
            Signature.Update(SignatureHash, message, offset, at + 2 - offset);
            if (!Signature.Verify(Peer.SignerKey, SignatureType, SignatureHash, message, at + 2, l.SignLength - 2))
            {
                return Fail(ErrorCode.AuthFailure, MikeyExchangeStatus.AuthenticationFailed);
            }

            return MikeyExchangeStatus.Ok;
        }

        /// <summary>Crypto sessions and policies (against <see cref="MikeyResponder.Minimum"/>) into the staging bundle.</summary>
        internal MikeyExchangeStatus LoadSessions(byte[] message)
        {
            MikeyExchangeStatus s = Loader.LoadSessions(Reader.Header, message, Layout, Quirks, Minimum, Staging);
            return s == MikeyExchangeStatus.Ok ? s : Fail(Loader.ErrorCode, s);
        }

        /// <summary>Master keys from a decrypted KEMAC Key data chain (after its ID payload) into the staging bundle, with the I_MESSAGE's RAND.</summary>
        internal MikeyExchangeStatus LoadKeys(byte[] plain, int offset, int length, DataType context, byte[] message)
        {
            MikeyExchangeStatus s = Loader.LoadKeys(plain, offset, length, context, Kd, message, Layout.RandValueOffset, Layout.RandValueLength, Staging, 0);
            return s == MikeyExchangeStatus.Ok ? s : Fail(Loader.ErrorCode, s);
        }

        /// <summary>
        /// True when the decrypted KEMAC starts with an ID payload (RFC 3830 §6.2: PK's IDi, RFC 4738 §3.6: RSA-R's IDr) naming
        /// the identity in <paramref name="id"/>: what binds the KEMAC to the signer (RFC 3830 §3.2 requires the check).
        /// </summary>
        internal static bool KemacNames(byte[] plain, int length, IdType type, byte[] id, int idOffset, int idLength)
        {
            if (length < 4) return false;
            int n = (plain[2] << 8) | plain[3];
            return (IdType)plain[1] == type && n <= length - 4 && RsaPeerTrust.Equal(plain, 4, n, id, idOffset, idLength);
        }

        /// <summary>Ends a key-transport exchange (PK): V when the initiator asked for it, then <see cref="Complete"/>.</summary>
        internal MikeyExchangeStatus CompleteWithVerification(MikeyExchangeStatus status, byte[] message, byte[]? answer, int answerOffset, int answerCapacity,
            DataType verificationType, KemacProtection protection)
        {
            if (status == MikeyExchangeStatus.Ok && Reader.Header.V)
            {
                status = answer == null ? Fail(ErrorCode.Unspecified, MikeyExchangeStatus.BufferTooSmall)
                    : WriteVerification(message, answer, answerOffset, answerCapacity, verificationType, protection, Credentials.IdentityType,
                        Credentials.Identity, Credentials.IdentityLength);
            }

            protection.Clear();
            return Complete(status, message, answer, answerOffset, answerCapacity);
        }

        /// <summary>Ends an exchange (<see cref="MikeyResponder.Complete"/>) with the I_MESSAGE's signature as its replay-cache identity.</summary>
        internal MikeyExchangeStatus Complete(MikeyExchangeStatus status, byte[] message, byte[]? answer, int answerOffset, int answerCapacity)
        {
            return Complete(status, message, Layout.SignOffset + 2, true, answer, answerOffset, answerCapacity);
        }
    }
}
