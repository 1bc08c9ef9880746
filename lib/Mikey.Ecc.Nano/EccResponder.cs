using System;
using NanoMikey.Ecc;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;

namespace NanoMikey.Mikey.Ecc
{
    /// <summary>
    /// What every responder of the ECC profile offers (docs/ecc-profile.md §1) on top of <see cref="MikeyResponder"/>: reading
    /// a signed I_MESSAGE and checking its common payloads in order (HDR, T, RAND, IDi, CERTi..., [IDr], {SP}), freshness
    /// with the Signature field as identity, the signer's certificate/identity and SIGNi, policies and keys into the staging
    /// bundle. Checks run in the order of RFC 3830 §5.3 and the bundle changes only when every check passed. Fixed buffers;
    /// no allocation after construction.
    /// </summary>
    public abstract class EccResponder : MikeyResponder
    {
        internal readonly MessageSignature Signature = new MessageSignature();
        internal readonly EccCredentials Credentials;
        internal readonly EccPeerTrust Peer;

        private readonly CertPayload _cert = new CertPayload();
        private readonly int[] _certOffset = new int[EccProfileValues.MaxCertificates];
        private readonly int[] _certLength = new int[EccProfileValues.MaxCertificates];

        /// <summary>Index in the layout's order of the first payload after the common head (the mode's own payloads).</summary>
        internal int ModeStart;

        internal EccResponder(IMikeyClock clock, ReplayCache replayCache, EccCredentials credentials, EccPeerTrust peer)
            : base(clock, replayCache)
        {
            if (credentials == null || peer == null) throw new ArgumentNullException();
            Credentials = credentials;
            Peer = peer;
            SignatureType = EccProfileValues.EcdsaP256SignatureType;
        }

        /// <summary>SIGN S type expected (and written, where the answer is signed).</summary>
        public SignatureType SignatureType { get; set; }

        private readonly byte[] _signer = new byte[P256PublicKey.UncompressedLength];
        private readonly byte[] _scratch = new byte[P256PublicKey.UncompressedLength];

        /// <summary>True while processing a CSB update (RFC 3830 §4.5): an I_MESSAGE without RAND, allowed by <see cref="ReadOffer"/>'s caller.</summary>
        internal bool Update;

        /// <summary>
        /// Reads the I_MESSAGE and checks its common head: data type, T (NTP-UTC first), RAND second (absent in a CSB update
        /// when <paramref name="allowUpdate"/> and keys exist), IDi, CERTi..., [IDr], {SP}, SIGN last with the profile's S type
        /// and length; then freshness (RFC 3830 §5.3 step 1).
        /// </summary>
        internal MikeyExchangeStatus ReadOffer(byte[] message, int offset, int length, DataType dataType, SignatureType signatureType, bool allowUpdate)
        {
            Update = false;
            Reader.IsCsbUpdate = allowUpdate && Bundle.Count > 0;
            MikeyExchangeStatus s = ReadHeader(message, offset, length, dataType);
            if (s != MikeyExchangeStatus.Ok) return s;
            if (!Credentials.Key.HasValue || Credentials.IdentityLength == 0) return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.InvalidState);
            if (Layout.Fill(Reader) != MikeyStatus.End) return Fail(Reader.ErrorCode, MikeyExchangeStatus.Malformed);
            MessageLayout l = Layout;
            int r = l.RandCount;
            int i = 2 + r;
            if (l.Count < 4 + r || l.At(0) != PayloadType.Timestamp || (r == 1 && l.At(1) != PayloadType.Rand) || l.At(1 + r) != PayloadType.Id
                || l.TimestampCount != 1 || r > 1 || (r == 0 && !Reader.IsCsbUpdate) || l.SignCount != 1 || l.Last != PayloadType.Sign
                || l.VerificationCount + l.OtherCount + l.DhCount + l.ErrorCount != 0)
            {
                return Fail(ErrorCode.UnsupportedMessageType, MikeyExchangeStatus.Malformed);
            }

            while (l.At(i) == PayloadType.Cert) i++;
            if (l.At(i) == PayloadType.Id) i++;
            while (l.At(i) == PayloadType.SecurityPolicy) i++;
            if (i - 2 - r != l.CertCount + l.IdCount - 1 + l.PolicyCount) return Fail(ErrorCode.UnsupportedMessageType, MikeyExchangeStatus.Malformed);

            // A CSB update names the bundle in use (RFC 3830 §4.5); checked again, with its signer, after authentication.
            Update = r == 0;
            if (Update && CsbId != Bundle.CsbId) return Fail(ErrorCode.Unspecified, MikeyExchangeStatus.Mismatch);
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
            if (Update)
            {
                // Only the party that set the bundle up may update it (docs/ecc-profile.md §2.1): same signing key.
                Peer.SignerKey.ExportUncompressed(_scratch, 0);
                if (!EccPeerTrust.Equal(_scratch, 0, _scratch.Length, _signer, 0, _signer.Length)) return Fail(ErrorCode.AuthFailure, MikeyExchangeStatus.Mismatch);
            }

            return MikeyExchangeStatus.Ok;
        }

        /// <summary>Crypto sessions and policies (against <see cref="MikeyResponder.Minimum"/>) into the staging bundle.</summary>
        internal MikeyExchangeStatus LoadSessions(byte[] message)
        {
            MikeyExchangeStatus s = Loader.LoadSessions(Reader.Header, message, Layout, Quirks, Minimum, Staging);
            return s == MikeyExchangeStatus.Ok ? s : Fail(Loader.ErrorCode, s);
        }

        /// <summary>Master keys from a decrypted KEMAC Key data chain into the staging bundle.</summary>
        internal MikeyExchangeStatus LoadKeys(byte[] plain, int offset, int length, DataType context, byte[] message)
        {
            MikeyExchangeStatus s = Loader.LoadKeys(plain, offset, length, context, Kd, message, Layout.RandValueOffset, Layout.RandValueLength, Staging, 0);
            return s == MikeyExchangeStatus.Ok ? s : Fail(Loader.ErrorCode, s);
        }

        /// <summary>
        /// The staging bundle's TEKs and salts from a TGK (RFC 3830 §4.1.3) with the I_MESSAGE's RAND, MKI from
        /// <paramref name="mki"/>. In a CSB update (§4.5) the existing keys are carried over first and the new ones take the
        /// next slot, derived with the RAND of the exchange that set the bundle up.
        /// </summary>
        internal MikeyExchangeStatus DeriveStaging(byte[] tgk, int tgkOffset, int tgkLength, byte[] message, byte[]? mki, int mkiOffset, int mkiLength)
        {
            int slot = 0;
            if (Update)
            {
                slot = Loader.CarryKeysOver(Bundle, Staging);
                if (slot < 0 || Staging.Get(0).Policy.MkiLength != mkiLength) return Fail(ErrorCode.InvalidSpPar, MikeyExchangeStatus.Mismatch);
            }
            else
            {
                Staging.SetRand(message, Layout.RandValueOffset, Layout.RandValueLength);
            }

            Staging.SetTgk(tgk, tgkOffset, tgkLength);
            for (int i = 0; i < Staging.Count; i++)
            {
                CryptoSession cs = Staging.Slot(i);
                cs.MasterKeyCount = slot + 1;
                cs.Policy.MkiLength = mkiLength;
                SrtpMasterKeyEntry k = cs.KeySlot(slot);
                k.MkiLength = mkiLength;
                if (mkiLength > 0) Array.Copy(mki!, mkiOffset, k.Mki, 0, mkiLength);
            }

            Staging.DeriveFromTgk(Kd, slot, false);
            return MikeyExchangeStatus.Ok;
        }

        /// <summary>Ends a key-transport exchange (ECIES, ECMQV): V when the initiator asked for it, then <see cref="Complete"/>.</summary>
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

        /// <summary>Ends an exchange (<see cref="MikeyResponder.Complete"/>) with the signature as the message's replay-cache identity.</summary>
        internal MikeyExchangeStatus Complete(MikeyExchangeStatus status, byte[] message, byte[]? answer, int answerOffset, int answerCapacity)
        {
            status = Complete(status, message, Layout.SignOffset + 2, true, answer, answerOffset, answerCapacity);
            if (status == MikeyExchangeStatus.Ok) Peer.SignerKey.ExportUncompressed(_signer, 0); // whose updates the bundle takes
            return status;
        }
    }
}
