using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Random;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Policy;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Rsa;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Rsa
{
    /// <summary>
    /// The initiator's part the RSA modes share: its crypto sessions, the signed I_MESSAGE's common payloads (HDR, T, [RAND],
    /// IDi, CERTi..., [IDr], {SP} ... SIGNi: RFC 3830 §3.2, §3.3, RFC 4738 §3.1), the responder's key, the checks of an
    /// answer's HDR and T, signed answers, V, and the bundle from the TGK. Fixed buffers; no allocation after construction.
    /// </summary>
    internal sealed class RsaInitiatorExchange
    {
        internal readonly MikeyWriter Writer = new MikeyWriter();
        internal readonly MikeyReader Reader = new MikeyReader();
        internal readonly MessageLayout Layout = new MessageLayout();
        internal readonly MikeyKeyDerivation Kd = new MikeyKeyDerivation();
        internal readonly RsaMessageSignature Signature;
        internal readonly byte[] Rand = new byte[RsaModeValues.RandLength];
        internal readonly HmacDrbg Drbg;
        internal readonly IMikeyClock Clock;
        internal readonly RsaCredentials Credentials;
        internal readonly RsaPeerTrust Peer;

        /// <summary>The responder's public key (PK: the envelope recipient) and its certificate's SHA-256, if known.</summary>
        internal readonly RsaPublicKey ResponderKey;
        internal readonly byte[] ResponderHash = new byte[32];
        internal bool HasResponderHash;

        private readonly SrtpPolicyMapping _mapping = new SrtpPolicyMapping();
        private readonly SrtpPolicy[] _policies = new SrtpPolicy[CryptoSessionBundle.MaxCryptoSessions];
        private readonly uint[] _ssrc = new uint[CryptoSessionBundle.MaxCryptoSessions];
        private readonly uint[] _roc = new uint[CryptoSessionBundle.MaxCryptoSessions];
        private readonly int[] _policyNo = new int[CryptoSessionBundle.MaxCryptoSessions];
        private readonly byte[] _idr = new byte[RsaModeValues.MaxIdentityLength];
        private readonly byte[] _csb = new byte[4];
        private readonly byte[] _extra = new byte[2 * RsaModeValues.MaxIdentityLength + 8];
        private readonly byte[] _modulus = new byte[RsaModeValues.MaxModulusLength];
        private readonly byte[] _exponent = new byte[RsaModeValues.MaxModulusLength];
        private readonly int[] _certOffset = new int[RsaModeValues.MaxCertificates];
        private readonly int[] _certLength = new int[RsaModeValues.MaxCertificates];
        private readonly CertPayload _cert = new CertPayload();
        private readonly VerificationPayload _v = new VerificationPayload();
        private int _idrLength;
        private IdType _idrType;

        internal RsaInitiatorExchange(HmacDrbg drbg, IMikeyClock clock, RsaCredentials credentials, RsaPeerTrust peer)
        {
            if (drbg == null || clock == null || credentials == null || peer == null) throw new ArgumentNullException();
            Drbg = drbg;
            Clock = clock;
            Credentials = credentials;
            Peer = peer;
            Signature = new RsaMessageSignature(credentials.MaxBits);
            ResponderKey = new RsaPublicKey(RsaPublicKey.MaxBits);
            Prf = PrfFunction.Mikey1;
            SignatureType = SignatureType.RsaPkcs1;
            SignatureHash = RsaHash.Sha256;
        }

        internal CryptoSessionBundle Bundle = new CryptoSessionBundle();
        internal PrfFunction Prf;
        internal SignatureType SignatureType;
        internal RsaHash SignatureHash;
        internal int Count;
        internal uint CsbId;
        internal ulong T;
        internal ErrorCode ReceivedError;

        internal byte[] Idr
        {
            get { return _idr; }
        }

        internal int IdrLength
        {
            get { return _idrLength; }
        }

        internal void SetResponderIdentity(IdType type, byte[]? id, int offset, int length)
        {
            if (length < 0 || length > _idr.Length) throw new ArgumentOutOfRangeException();
            if (length > 0) Array.Copy(id!, offset, _idr, 0, length);
            _idrLength = length;
            _idrType = type;
        }

        /// <summary>Takes the responder's certificate (DER) as its key, checked with <see cref="Peer"/> at the local time (and the IDr, when set).</summary>
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
        internal void SetResponderKey(RsaPublicKey key)
        {
            if (key == null) throw new ArgumentNullException();
            if (!key.HasValue) throw new ArgumentException();
            key.ExportModulus(_modulus, 0);
            key.ExportExponent(_exponent, 0);
            if (!ResponderKey.TryImport(_modulus, 0, key.ModulusLength, _exponent, 0, key.ExponentLength)) throw new ArgumentException();
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

        internal SrtpPolicy Policy(int index)
        {
            return _policies[index];
        }

        internal int PolicyNo(int index)
        {
            return _policyNo[index];
        }

        internal void Reset()
        {
            for (int i = 0; i < Count; i++) _policies[i] = null!;
            Count = 0;
            Bundle.Clear();
        }

        /// <summary>True when an offer can be written: a key, an identity, and (<paramref name="sessions"/>) crypto sessions.</summary>
        internal bool Ready(bool sessions)
        {
            return (!sessions || Count > 0) && Credentials.Ready;
        }

        /// <summary>
        /// Draws RAND (when <paramref name="rand"/>) and CSB ID, reads T, and writes HDR, T, [RAND], IDi, CERTi..., [IDr], {SP}
        /// (when <paramref name="policies"/>); the mode appends its payloads, then <see cref="Close"/> and <see cref="SignClosed"/>.
        /// </summary>
        internal void WriteHead(byte[] buffer, int offset, int capacity, DataType dataType, bool v, bool rand, bool policies)
        {
            Drbg.Generate(Rand, 0, Rand.Length);
            Drbg.Generate(_csb, 0, 4);
            CsbId = ((uint)_csb[0] << 24) | ((uint)_csb[1] << 16) | ((uint)_csb[2] << 8) | _csb[3];
            T = Clock.NtpNow;
            MikeyWriter w = Writer;
            w.Reset(buffer, offset, capacity);
            w.WriteHeader(dataType, v, Prf, CsbId, CsIdMapType.SrtpId);
            for (int i = 0; i < Count; i++) w.AddSrtpIdEntry(_policyNo[i], _ssrc[i], _roc[i]);
            w.WriteTimestamp(TimestampType.NtpUtc, T);
            if (rand) w.WriteRand(Rand, 0, Rand.Length);
            RsaCredentials c = Credentials;
            w.WriteId(c.IdentityType, c.Identity, 0, c.IdentityLength);
            for (int i = 0; i < c.CertificateCount; i++) w.WriteCert(CertType.X509v3, c.Chain, c.CertificateOffset(i), c.CertificateLength(i));
            if (_idrLength > 0) w.WriteId(_idrType, _idr, 0, _idrLength);
            if (!policies) return;
            for (int i = 0; i < Count; i++)
            {
                if (_policyNo[i] == i) _mapping.Write(w, i, _policies[i]);
            }
        }

        /// <summary>Appends SIGN (its Signature field reserved: k bytes of this party's key) and closes the message; false when it did not fit (then wiped).</summary>
        internal bool Close()
        {
            MikeyWriter w = Writer;
            w.WriteSign(SignatureType, Credentials.Key.ModulusLength);
            if (w.Finish() != MikeyStatus.Ok)
            {
                SecureMemory.Wipe(w.Buffer, w.MessageOffset, w.Length);
                return false;
            }

            return true;
        }

        /// <summary>Signs the closed message: everything before the Signature field (RFC 3830 §5.2). False: the key failed (message wiped).</summary>
        internal bool SignClosed()
        {
            MikeyWriter w = Writer;
            Signature.Begin(SignatureHash);
            Signature.Update(SignatureHash, w.Buffer, w.MessageOffset, w.CoveredLength);
            if (Signature.Sign(Credentials.Key, SignatureType, SignatureHash, Drbg, w.Buffer, w.IntegrityFieldOffset)) return true;
            SecureMemory.Wipe(w.Buffer, w.MessageOffset, w.Length);
            return false;
        }

        /// <summary>This side's keys: the offered crypto sessions, TEKs and salts from the TGK (RFC 3830 §4.1.3) with RAND <paramref name="rand"/>.</summary>
        internal void FillBundle(CryptoSessionBundle b, byte[] tgk, int tgkLength, byte[] rand, int randLength)
        {
            b.FillOffered(false, CsbId, Prf, rand, randLength, tgk, tgkLength, Count, _policyNo, _ssrc, _roc, _policies, null, 0, Kd);
        }

        /// <summary>
        /// Reads an answer's HDR and payload positions: an error message gives ErrorReceived; otherwise the data type, CSB ID
        /// (unless <paramref name="anyCsbId"/>: RSA-R group mode names a new one), PRF, T (NTP-UTC, equal to this offer's, at
        /// position <paramref name="tIndex"/>) and CS map (same sessions unless <paramref name="anyMap"/>; SSRC may be filled in)
        /// must fit the offer.
        /// </summary>
        internal MikeyExchangeStatus ReadAnswerHead(byte[] message, int offset, int length, DataType expected, int tIndex, bool anyCsbId, bool anyMap)
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
            if (Layout.Count <= tIndex || Layout.At(tIndex) != PayloadType.Timestamp || Layout.TimestampCount != 1) return MikeyExchangeStatus.Malformed;
            if ((!anyCsbId && hdr.CsbId != CsbId) || hdr.PrfFunction != Prf || Layout.TimestampType != TimestampType.NtpUtc || Layout.TimestampValue != T
                || hdr.CsIdMapType != CsIdMapType.SrtpId)
            {
                return MikeyExchangeStatus.Mismatch;
            }

            if (anyMap) return hdr.CsCount > 0 && hdr.CsCount <= CryptoSessionBundle.MaxCryptoSessions ? MikeyExchangeStatus.Ok : MikeyExchangeStatus.Mismatch;
            if (hdr.CsCount != Count) return MikeyExchangeStatus.Mismatch;
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
        /// Checks a signed answer's signer (its CERT payloads, identity from ID payload <paramref name="idIndex"/>, or none when
        /// negative) and SIGN: S type, length k of the signer's key, signature over everything before the Signature field,
        /// followed by <paramref name="extraLength"/> bytes of <see cref="Extra"/> (RSA-R SIGNr, RFC 4738 §3.6).
        /// </summary>
        internal MikeyExchangeStatus VerifySigned(byte[] message, int offset, int idIndex, int extraLength)
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

            byte[] idData = message;
            int io = idIndex >= 0 ? l.IdDataOffset[idIndex] : 0;
            int il = idIndex >= 0 ? l.IdDataLength[idIndex] : -1;

            // The answer comes from the responder the offer named, or from nobody.
            if (il >= 0 && _idrLength > 0 && !RsaPeerTrust.Equal(message, io, il, _idr, 0, _idrLength)) return MikeyExchangeStatus.AuthenticationFailed;
            if (idIndex < 0 && _idrLength > 0)
            {
                // No IDr in the answer: the certificate must name the responder the offer named.
                idData = _idr;
                il = _idrLength;
            }

            MikeyExchangeStatus s = Peer.Authenticate(message, _certOffset, _certLength, n, idData, io, il, Clock.NtpNow >> 32);
            if (s != MikeyExchangeStatus.Ok) return s;
            int at = l.SignOffset;
            if ((SignatureType)(message[at] >> 4) != SignatureType) return MikeyExchangeStatus.AuthenticationFailed;
            Signature.Begin(SignatureHash);
            Signature.Update(SignatureHash, message, offset, at + 2 - offset);
            if (extraLength > 0) Signature.Update(SignatureHash, _extra, 0, extraLength);
            return Signature.Verify(Peer.SignerKey, SignatureType, SignatureHash, message, at + 2, l.SignLength - 2)
                ? MikeyExchangeStatus.Ok : MikeyExchangeStatus.AuthenticationFailed;
        }

        /// <summary>Scratch for IDi ‖ IDr ‖ T appended to MAC / signature input (RFC 3830 §5.2, RFC 4738 §3.6).</summary>
        internal byte[] Extra
        {
            get { return _extra; }
        }

        /// <summary>Writes IDi (this party) ‖ IDr (from ID payload <paramref name="idrIndex"/> of the answer, else the named one) ‖ T into <see cref="Extra"/>.</summary>
        internal int WriteExtra(byte[] message, int idrIndex)
        {
            RsaCredentials c = Credentials;
            int n = Append(c.Identity, 0, c.IdentityLength, 0);
            n = idrIndex >= 0 ? Append(message, Layout.IdDataOffset[idrIndex], Layout.IdDataLength[idrIndex], n) : Append(_idr, 0, _idrLength, n);
            for (int i = 0; i < 8; i++) _extra[n + i] = (byte)(T >> (56 - 8 * i));
            return n + 8;
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
            int n = WriteExtra(message, l.IdCount == 1 ? 0 : -1);
            return protection.VerifyMac(message, offset, _v.VerDataOffset - offset, _extra, 0, n, message, _v.VerDataOffset, _v.VerDataLength)
                ? MikeyExchangeStatus.Ok : MikeyExchangeStatus.AuthenticationFailed;
        }

        private int Append(byte[] source, int offset, int length, int at)
        {
            if (length > 0) Array.Copy(source, offset, _extra, at, length);
            return at + length;
        }
    }
}
