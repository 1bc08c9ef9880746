using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Random;
using NanoMikey.Ecc;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Policy;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Ecc
{
    /// <summary>
    /// The initiator's part every ECC mode shares: its crypto sessions, the signed I_MESSAGE's common payloads (HDR, T, RAND,
    /// IDi, CERTi, IDr, SP ... SIGNi, docs/ecc-profile.md §1), the checks of an answer's HDR and T, and the bundle from the
    /// TGK. Fixed buffers; no allocation after construction.
    /// </summary>
    internal sealed class InitiatorExchange
    {
        internal readonly MikeyWriter Writer = new MikeyWriter();
        internal readonly MikeyReader Reader = new MikeyReader();
        internal readonly MessageLayout Layout = new MessageLayout();
        internal readonly MikeyKeyDerivation Kd = new MikeyKeyDerivation();
        internal readonly MessageSignature Signature = new MessageSignature();
        internal readonly byte[] Rand = new byte[EccProfileValues.RandLength];
        internal readonly HmacDrbg Drbg;
        internal readonly IMikeyClock Clock;
        internal readonly EccCredentials Credentials;
        internal readonly EccPeerTrust Peer;

        private readonly SrtpPolicyMapping _mapping = new SrtpPolicyMapping();
        private readonly SrtpPolicy[] _policies = new SrtpPolicy[CryptoSessionBundle.MaxCryptoSessions];
        private readonly uint[] _ssrc = new uint[CryptoSessionBundle.MaxCryptoSessions];
        private readonly uint[] _roc = new uint[CryptoSessionBundle.MaxCryptoSessions];
        private readonly int[] _policyNo = new int[CryptoSessionBundle.MaxCryptoSessions];
        private readonly byte[] _idr = new byte[EccCredentials.MaxIdentityLength];
        private readonly byte[] _csb = new byte[4];
        private readonly byte[] _vExtra = new byte[2 * EccCredentials.MaxIdentityLength + 8];
        private readonly int[] _certOffset = new int[EccProfileValues.MaxCertificates];
        private readonly int[] _certLength = new int[EccProfileValues.MaxCertificates];
        private readonly CertPayload _cert = new CertPayload();
        private readonly VerificationPayload _v = new VerificationPayload();
        private int _idrLength;
        private IdType _idrType;

        internal InitiatorExchange(HmacDrbg drbg, IMikeyClock clock, EccCredentials credentials, EccPeerTrust peer)
        {
            if (drbg == null || clock == null || credentials == null || peer == null) throw new ArgumentNullException();
            Drbg = drbg;
            Clock = clock;
            Credentials = credentials;
            Peer = peer;
            Prf = PrfFunction.Mikey1;
        }

        internal CryptoSessionBundle Bundle = new CryptoSessionBundle();
        internal PrfFunction Prf;
        internal int Count;
        internal uint CsbId;
        internal ulong T;

        internal void SetResponderIdentity(IdType type, byte[]? id, int offset, int length)
        {
            if (length < 0 || length > _idr.Length) throw new ArgumentOutOfRangeException();
            if (length > 0) Array.Copy(id!, offset, _idr, 0, length);
            _idrLength = length;
            _idrType = type;
        }

        /// <summary>The responder's static key (ECIES recipient, ECMQV peer static key) and its certificate's SHA-256, if known.</summary>
        internal readonly P256PublicKey ResponderKey = new P256PublicKey();
        internal readonly byte[] ResponderHash = new byte[32];
        internal bool HasResponderHash;
        private readonly byte[] _point = new byte[P256PublicKey.UncompressedLength];

        /// <summary>
        /// Takes the responder's certificate (DER) as its static key, checked with <see cref="Peer"/> at the local time; when an
        /// IDr is set, the certificate must name it (docs/ecc-profile.md §1.4).
        /// </summary>
        internal MikeyExchangeStatus SetResponderCertificate(byte[] der, int offset, int length)
        {
            if (der == null) throw new ArgumentNullException();
            if (length < 1 || offset < 0 || offset > der.Length - length) throw new ArgumentOutOfRangeException();
            _certOffset[0] = offset;
            _certLength[0] = length;
            MikeyExchangeStatus s = Peer.Authenticate(der, _certOffset, _certLength, 1, _idr, 0, _idrLength > 0 ? _idrLength : -1, Clock.NtpNow >> 32);
            if (s != MikeyExchangeStatus.Ok) return s;
            SetResponderKey(Peer.SignerKey);
            Array.Copy(Peer.LeafHash, 0, ResponderHash, 0, ResponderHash.Length);
            HasResponderHash = true;
            return MikeyExchangeStatus.Ok;
        }

        /// <summary>Takes a pinned responder key (no CHASH is sent then).</summary>
        internal void SetResponderKey(P256PublicKey key)
        {
            if (key == null) throw new ArgumentNullException();
            if (!key.HasValue) throw new ArgumentException();
            key.ExportUncompressed(_point, 0);
            ResponderKey.TryImport(_point, 0, _point.Length);
            HasResponderHash = false;
        }

        internal int AddCryptoSession(uint ssrc, uint roc, SrtpPolicy policy)
        {
            if (policy == null) throw new ArgumentNullException();
            if (Count == CryptoSessionBundle.MaxCryptoSessions) throw new InvalidOperationException();
            int no = Count;
            for (int i = 0; i < Count; i++)
            {
                if (_policies[i] == policy)
                {
                    no = _policyNo[i];
                    break;
                }
            }

            _policies[Count] = policy;
            _ssrc[Count] = ssrc;
            _roc[Count] = roc;
            _policyNo[Count] = no;
            return ++Count;
        }

        internal void Reset()
        {
            for (int i = 0; i < Count; i++) _policies[i] = null!;
            Count = 0;
            Bundle.Clear();
        }

        /// <summary>True when the offer can be written: sessions, a key, an identity.</summary>
        internal bool Ready
        {
            get { return Count > 0 && Credentials.Key.HasValue && Credentials.IdentityLength > 0; }
        }

        /// <summary>
        /// Draws RAND and CSB ID, reads T, and writes HDR, T, RAND, IDi, CERTi..., [IDr], {SP} (docs/ecc-profile.md §1); the
        /// mode appends its payloads, then <see cref="Close"/> and <see cref="SignClosed"/>.
        /// </summary>
        /// A CSB update (RFC 3830 §4.5) keeps CSB ID and RAND, takes a T above the last one and sends no RAND.
        internal void WriteHead(byte[] buffer, int offset, int capacity, DataType dataType, bool v, bool update)
        {
            ulong now = Clock.NtpNow;
            if (update)
            {
                T = now > T ? now : T + 1;
            }
            else
            {
                Drbg.Generate(Rand, 0, Rand.Length);
                Drbg.Generate(_csb, 0, 4);
                CsbId = ((uint)_csb[0] << 24) | ((uint)_csb[1] << 16) | ((uint)_csb[2] << 8) | _csb[3];
                T = now;
            }

            MikeyWriter w = Writer;
            w.Reset(buffer, offset, capacity);
            w.WriteHeader(dataType, v, Prf, CsbId, CsIdMapType.SrtpId);
            for (int i = 0; i < Count; i++) w.AddSrtpIdEntry(_policyNo[i], _ssrc[i], _roc[i]);
            w.WriteTimestamp(TimestampType.NtpUtc, T);
            if (!update) w.WriteRand(Rand, 0, Rand.Length);
            EccCredentials c = Credentials;
            w.WriteId(c.IdentityType, c.Identity, 0, c.IdentityLength);
            for (int i = 0; i < c.CertificateCount; i++) w.WriteCert(CertType.X509v3, c.Chain, c.CertificateOffset(i), c.CertificateLength(i));
            if (_idrLength > 0) w.WriteId(_idrType, _idr, 0, _idrLength);
            for (int i = 0; i < Count; i++)
            {
                if (_policyNo[i] == i) _mapping.Write(w, i, _policies[i]);
            }
        }

        /// <summary>Appends SIGN (its Signature field reserved) and closes the message; false when the buffer was too small (then wiped).</summary>
        internal bool Close(SignatureType type)
        {
            MikeyWriter w = Writer;
            w.WriteSign(type, EccProfileValues.SignatureLength);
            if (w.Finish() != MikeyStatus.Ok)
            {
                SecureMemory.Wipe(w.Buffer, w.MessageOffset, w.Length);
                return false;
            }

            return true;
        }

        /// <summary>Signs the closed message: everything before the Signature field (RFC 3830 §5.2).</summary>
        internal void SignClosed()
        {
            MikeyWriter w = Writer;
            Signature.Sign(Credentials.Key, w.Buffer, w.MessageOffset, w.CoveredLength, w.Buffer, w.IntegrityFieldOffset);
        }

        /// <summary>
        /// This side's keys: crypto sessions from the offer, TEKs and salts from the TGK (RFC 3830 §4.1.3) with the MKI
        /// <paramref name="mki"/>. A CSB update (<paramref name="update"/>, §4.5) adds a key slot after the existing ones and
        /// sets up the sessions it added (their earlier slots stay empty), deriving with the RAND of the first exchange.
        /// </summary>
        internal void FillBundle(CryptoSessionBundle b, byte[] tgk, int tgkLength, bool update, byte[]? mki, int mkiLength)
        {
            b.FillOffered(update, CsbId, Prf, Rand, Rand.Length, tgk, tgkLength, Count, _policyNo, _ssrc, _roc, _policies, mki, mkiLength, Kd);
        }

        /// <summary>The MIKEY error of a received error message.</summary>
        internal ErrorCode ReceivedError;

        /// <summary>
        /// Reads an answer's HDR and payload positions: an error message gives ErrorReceived; otherwise the data type, CSB ID,
        /// PRF, T (NTP-UTC, equal to this offer's) and CS map (same sessions; SSRC may be filled in) must fit the offer.
        /// </summary>
        internal MikeyExchangeStatus ReadAnswerHead(byte[] message, int offset, int length, DataType expected)
        {
            if (Reader.Reset(message, offset, length) != MikeyStatus.Ok) return MikeyExchangeStatus.Malformed;
            CommonHeader hdr = Reader.Header;
            if (Layout.Fill(Reader) != MikeyStatus.End) return MikeyExchangeStatus.Malformed;
            if (hdr.DataType == DataType.Error)
            {
                if (Layout.ErrorCount == 0 || hdr.CsbId != CsbId) return MikeyExchangeStatus.Malformed;
                ReceivedError = (ErrorCode)message[Layout.ErrorOffset + 1];
                return MikeyExchangeStatus.ErrorReceived;
            }

            if (hdr.DataType != expected) return MikeyExchangeStatus.UnexpectedMessage;
            if (Layout.Count == 0 || Layout.At(0) != PayloadType.Timestamp || Layout.TimestampCount != 1) return MikeyExchangeStatus.Malformed;
            if (hdr.CsbId != CsbId || hdr.PrfFunction != Prf || Layout.TimestampType != TimestampType.NtpUtc || Layout.TimestampValue != T
                || hdr.CsCount != Count || hdr.CsIdMapType != CsIdMapType.SrtpId)
            {
                return MikeyExchangeStatus.Mismatch;
            }

            for (int i = 0; i < Count; i++)
            {
                if (hdr.GetPolicyNo(i) != _policyNo[i] || (_ssrc[i] != 0 && hdr.GetSsrc(i) != _ssrc[i])) return MikeyExchangeStatus.Mismatch;
            }

            return MikeyExchangeStatus.Ok;
        }

        /// <summary>Takes the SSRC/ROC the responder filled in where the offer left 0 (RFC 3830 §4.2.1); after authentication.</summary>
        internal void ApplyAnswerMap(CryptoSessionBundle b)
        {
            CommonHeader hdr = Reader.Header;
            for (int i = 0; i < b.Count; i++)
            {
                CryptoSession cs = b.Slot(i);
                if (cs.Ssrc == 0)
                {
                    cs.Ssrc = hdr.GetSsrc(i);
                    cs.Roc = hdr.GetRoc(i);
                }
            }
        }

        /// <summary>
        /// Checks the signed answer's signer (the CERT payloads of the layout, identity from ID
        /// <paramref name="idIndex"/>) and its SIGN (S type, length, signature over everything before the Signature field).
        /// </summary>
        internal MikeyExchangeStatus VerifySigned(byte[] message, int offset, int idIndex, SignatureType type)
        {
            MessageLayout l = Layout;
            int n = l.CertCount;
            for (int i = 0; i < n; i++)
            {
                _cert.Bind(message, l.CertOffset[i], l.CertLength[i]);
                if (_cert.CertType != CertType.X509v3 || _cert.DataLength == 0) return MikeyExchangeStatus.AuthenticationFailed;
                _certOffset[i] = _cert.DataOffset;
                _certLength[i] = _cert.DataLength;
            }

            MikeyExchangeStatus s = Peer.Authenticate(message, _certOffset, _certLength, n, message, l.IdDataOffset[idIndex], l.IdDataLength[idIndex],
                Clock.NtpNow >> 32);
            if (s != MikeyExchangeStatus.Ok) return s;
            return SignatureValid(message, offset, type) ? MikeyExchangeStatus.Ok : MikeyExchangeStatus.AuthenticationFailed;
        }

        private bool SignatureValid(byte[] message, int offset, SignatureType type)
        {
            MessageLayout l = Layout;
            int at = l.SignOffset;
            if (l.SignLength != 2 + EccProfileValues.SignatureLength || (message[at] >> 4) != (int)type) return false;
            return Signature.Verify(Peer.SignerKey, message, offset, at + 2 - offset, at + 2);
        }

        /// <summary>
        /// Checks a verification answer (HDR, T, [IDr], V): V = MAC(auth_key, message up to Ver data ‖ IDi ‖ IDr ‖ T), RFC 3830
        /// §5.2, with <paramref name="protection"/> keyed with this exchange's auth_key.
        /// </summary>
        internal MikeyExchangeStatus VerifyVerification(byte[] message, int offset, KemacProtection protection)
        {
            MessageLayout l = Layout;
            if (l.VerificationCount != 1 || l.Last != PayloadType.Verification || l.IdCount > 1 || l.Count != 2 + l.IdCount) return MikeyExchangeStatus.Malformed;
            _v.Bind(message, l.VerificationOffset, l.VerificationLength);
            if (_v.AuthAlgorithm != protection.Mac || protection.Mac == MacAlgorithm.Null) return MikeyExchangeStatus.AuthenticationFailed;
            EccCredentials c = Credentials;
            int n = Append(c.Identity, 0, c.IdentityLength, 0);
            n = l.IdCount == 1 ? Append(message, l.IdDataOffset[0], l.IdDataLength[0], n) : Append(_idr, 0, _idrLength, n);
            for (int i = 0; i < 8; i++) _vExtra[n + i] = (byte)(T >> (56 - 8 * i));
            n += 8;
            return protection.VerifyMac(message, offset, _v.VerDataOffset - offset, _vExtra, 0, n, message, _v.VerDataOffset, _v.VerDataLength)
                ? MikeyExchangeStatus.Ok : MikeyExchangeStatus.AuthenticationFailed;
        }

        private int Append(byte[] source, int offset, int length, int at)
        {
            if (length > 0) Array.Copy(source, offset, _vExtra, at, length);
            return at + length;
        }
    }
}
