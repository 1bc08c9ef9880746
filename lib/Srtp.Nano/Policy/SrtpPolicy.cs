using System;

namespace NanoMikey.Srtp.Policy
{
    /// <summary>
    /// An SRTP/SRTCP parameter set that maps one-to-one to MIKEY's SRTP security-policy parameters
    /// (RFC 3830 §6.10.1, RFC 4771 §4, RFC 7714 §14.3), plus the local settings MIKEY does not carry
    /// (MKI length, replay window, key lifetimes). Defaults are RFC 3711 §5 (AES_CM_128_HMAC_SHA1_80).
    /// </summary>
    public sealed class SrtpPolicy
    {
        /// <summary>Largest replay window supported, in packets.</summary>
        public const int MaxReplayWindowSize = 1024;

        /// <summary>Largest MKI supported, in bytes.</summary>
        public const int MaxMkiLength = 4;

        /// <summary>Marker for the RFC 4771 SRTP/SRTCP-specific parameters (types 14–19) meaning "use the general parameter".</summary>
        public const int Unset = -1;

        /// <summary>Creates the RFC 3711 default policy (AES-CM-128, HMAC-SHA-1 with an 80-bit tag).</summary>
        public SrtpPolicy()
        {
            SetDefaults();
        }

        /// <summary>
        /// Makes this policy the RFC 3711 default again (what <see cref="SrtpPolicy()"/> creates) without allocating: the
        /// starting point of a MIKEY policy before the SP payload's parameters (RFC 3830 §6.10.1), with no defaults object
        /// held for it (issue 10 §2 heap: every field of a policy is a heap block on the interpreter).
        /// </summary>
        public void SetDefaults()
        {
            EncryptionAlgorithm = SrtpEncryptionAlgorithm.AesCm;
            SessionEncryptionKeyLength = 16;
            AuthenticationAlgorithm = SrtpAuthenticationAlgorithm.HmacSha1;
            SessionAuthenticationKeyLength = 20;
            SessionSaltKeyLength = 14;
            PseudoRandomFunction = 0;
            KeyDerivationRate = 0;
            SrtpEncryption = true;
            SrtcpEncryption = true;
            FecOrder = 0;
            SrtpAuthentication = true;
            AuthenticationTagLength = 10;
            SrtpPrefixLength = 0;
            RocTransmissionRate = 1;
            SrtpAuthAlgorithm = Unset;
            SrtcpAuthAlgorithm = Unset;
            SrtpSessionAuthenticationKeyLength = Unset;
            SrtcpSessionAuthenticationKeyLength = Unset;
            SrtpAuthenticationTagLength = Unset;
            SrtcpAuthenticationTagLength = Unset;
            AeadAuthenticationTagLength = 16;
            MkiLength = 0;
            ReplayWindowSize = 128;
            SrtpKeyLifetime = 1UL << 48;
            SrtcpKeyLifetime = 1UL << 31;
            MaxPacketLength = 1500;
        }

        /// <summary>SP type 0: encryption algorithm.</summary>
        public SrtpEncryptionAlgorithm EncryptionAlgorithm { get; set; }

        /// <summary>SP type 1: session encryption key length in bytes; also the master key length (RFC 3830 §6.10.1).</summary>
        public int SessionEncryptionKeyLength { get; set; }

        /// <summary>SP type 2: authentication algorithm for SRTP and SRTCP unless types 14/15 override it.</summary>
        public SrtpAuthenticationAlgorithm AuthenticationAlgorithm { get; set; }

        /// <summary>SP type 3: session authentication key length in bytes.</summary>
        public int SessionAuthenticationKeyLength { get; set; }

        /// <summary>SP type 4: session salt length in bytes; also the master salt length.</summary>
        public int SessionSaltKeyLength { get; set; }

        /// <summary>SP type 5: SRTP PRF (0 = AES-CM, the only one supported).</summary>
        public int PseudoRandomFunction { get; set; }

        /// <summary>SP type 6: key derivation rate, 0 or a power of two up to 2^24 (RFC 3711 §4.3.1).</summary>
        public uint KeyDerivationRate { get; set; }

        /// <summary>SP type 7: SRTP encryption on.</summary>
        public bool SrtpEncryption { get; set; }

        /// <summary>SP type 8: SRTCP encryption on (the E flag).</summary>
        public bool SrtcpEncryption { get; set; }

        /// <summary>SP type 9: sender's FEC order (0 = FEC-SRTP, the only value defined).</summary>
        public int FecOrder { get; set; }

        /// <summary>SP type 10: SRTP authentication on.</summary>
        public bool SrtpAuthentication { get; set; }

        /// <summary>SP type 11: authentication tag length in bytes (with RCC it includes the 4-byte ROC).</summary>
        public int AuthenticationTagLength { get; set; }

        /// <summary>SP type 12: SRTP prefix length (0, the only value supported).</summary>
        public int SrtpPrefixLength { get; set; }

        /// <summary>SP type 13: ROC transmission rate R of RFC 4771, non-zero.</summary>
        public int RocTransmissionRate { get; set; }

        /// <summary>SP type 14: SRTP authentication algorithm (RFC 4771), or <see cref="Unset"/>.</summary>
        public int SrtpAuthAlgorithm { get; set; }

        /// <summary>SP type 15: SRTCP authentication algorithm (RFC 4771), or <see cref="Unset"/>.</summary>
        public int SrtcpAuthAlgorithm { get; set; }

        /// <summary>SP type 16: SRTP session authentication key length, or <see cref="Unset"/>.</summary>
        public int SrtpSessionAuthenticationKeyLength { get; set; }

        /// <summary>SP type 17: SRTCP session authentication key length, or <see cref="Unset"/>.</summary>
        public int SrtcpSessionAuthenticationKeyLength { get; set; }

        /// <summary>SP type 18: SRTP authentication tag length, or <see cref="Unset"/>.</summary>
        public int SrtpAuthenticationTagLength { get; set; }

        /// <summary>SP type 19: SRTCP authentication tag length, or <see cref="Unset"/>.</summary>
        public int SrtcpAuthenticationTagLength { get; set; }

        /// <summary>SP type 20: AEAD authentication tag length in bytes (RFC 7714: 16; 8 and 12 accepted for libsrtp peers).</summary>
        public int AeadAuthenticationTagLength { get; set; }

        /// <summary>MKI length in bytes, 0 to 4 (from the MIKEY KEMAC SPI, not an SP parameter).</summary>
        public int MkiLength { get; set; }

        /// <summary>Replay window size in packets, 1 to 1024 (default 128).</summary>
        public int ReplayWindowSize { get; set; }

        /// <summary>SRTP packets one master key may protect (RFC 3711 §9.2: 2^48).</summary>
        public ulong SrtpKeyLifetime { get; set; }

        /// <summary>SRTCP packets one master key may protect (RFC 3711 §9.2: 2^31).</summary>
        public ulong SrtcpKeyLifetime { get; set; }

        /// <summary>Largest packet expected; scratch buffers are sized for it at creation (bigger packets grow them once).</summary>
        public int MaxPacketLength { get; set; }

        /// <summary>Master key length in bytes (= SP type 1).</summary>
        public int MasterKeyLength { get { return SessionEncryptionKeyLength; } }

        /// <summary>Master salt length in bytes (= SP type 4).</summary>
        public int MasterSaltLength { get { return SessionSaltKeyLength; } }

        /// <summary>True for AEAD_AES_128_GCM / AEAD_AES_256_GCM.</summary>
        public bool IsAead { get { return EncryptionAlgorithm == SrtpEncryptionAlgorithm.AesGcm; } }

        /// <summary>SRTP authentication in effect: type 14 over type 2, NULL when type 10 is off; AEAD policies report NULL or RCCm3.</summary>
        public SrtpAuthenticationAlgorithm EffectiveSrtpAuthentication
        {
            get
            {
                SrtpAuthenticationAlgorithm a = SrtpAuthAlgorithm != Unset
                    ? (SrtpAuthenticationAlgorithm)SrtpAuthAlgorithm : AuthenticationAlgorithm;
                if (IsAead) return a == SrtpAuthenticationAlgorithm.RccM3 ? a : SrtpAuthenticationAlgorithm.Null;
                if (!SrtpAuthentication) return SrtpAuthenticationAlgorithm.Null;
                return a;
            }
        }

        /// <summary>SRTCP authentication in effect: type 15 over type 2; RCC is never applied to SRTCP (RFC 4771 §2), it maps to HMAC-SHA-1.</summary>
        public SrtpAuthenticationAlgorithm EffectiveSrtcpAuthentication
        {
            get
            {
                if (IsAead) return SrtpAuthenticationAlgorithm.Null;
                SrtpAuthenticationAlgorithm a = SrtcpAuthAlgorithm != Unset
                    ? (SrtpAuthenticationAlgorithm)SrtcpAuthAlgorithm : AuthenticationAlgorithm;
                return a == SrtpAuthenticationAlgorithm.Null ? a : SrtpAuthenticationAlgorithm.HmacSha1;
            }
        }

        /// <summary>SRTP tag length in bytes: type 18 over type 11 (with RCC it includes the ROC), or the AEAD tag length.</summary>
        public int EffectiveSrtpTagLength
        {
            get
            {
                if (IsAead) return AeadAuthenticationTagLength;
                if (EffectiveSrtpAuthentication == SrtpAuthenticationAlgorithm.Null) return 0;
                return SrtpAuthenticationTagLength != Unset ? SrtpAuthenticationTagLength : AuthenticationTagLength;
            }
        }

        /// <summary>SRTCP tag length in bytes: type 19 over type 11 (minus the ROC when type 11 was meant for RCC), or the AEAD tag length.</summary>
        public int EffectiveSrtcpTagLength
        {
            get
            {
                if (IsAead) return AeadAuthenticationTagLength;
                if (EffectiveSrtcpAuthentication == SrtpAuthenticationAlgorithm.Null) return 0;
                if (SrtcpAuthenticationTagLength != Unset) return SrtcpAuthenticationTagLength;
                // RFC 4771 §4: a general RCC tag length counts the ROC, which SRTCP never carries.
                if (AuthenticationAlgorithm == SrtpAuthenticationAlgorithm.RccM3) return 10;
                if (AuthenticationAlgorithm == SrtpAuthenticationAlgorithm.RccM1
                    || AuthenticationAlgorithm == SrtpAuthenticationAlgorithm.RccM2) return AuthenticationTagLength - 4;
                return AuthenticationTagLength;
            }
        }

        /// <summary>SRTP session authentication key length: type 16 over type 3.</summary>
        public int EffectiveSrtpAuthenticationKeyLength
        {
            get { return SrtpSessionAuthenticationKeyLength != Unset ? SrtpSessionAuthenticationKeyLength : SessionAuthenticationKeyLength; }
        }

        /// <summary>SRTCP session authentication key length: type 17 over type 3.</summary>
        public int EffectiveSrtcpAuthenticationKeyLength
        {
            get { return SrtcpSessionAuthenticationKeyLength != Unset ? SrtcpSessionAuthenticationKeyLength : SessionAuthenticationKeyLength; }
        }

        /// <summary>AES_CM_128_HMAC_SHA1_80 (RFC 4568 §6.2.1).</summary>
        /// <returns>A new policy.</returns>
        public static SrtpPolicy AesCm128HmacSha1_80()
        {
            return new SrtpPolicy();
        }

        /// <summary>
        /// AES_CM_128_HMAC_SHA1_32: 32-bit SRTP tag, 80-bit SRTCP tag (RFC 4568 §6.2.2). Written as SP type 11 = 4 and
        /// type 19 = 10: right under RFC 4771 §4 precedence, and a reader that knows only RFC 3830 still gets the 32-bit SRTP tag.
        /// </summary>
        /// <returns>A new policy.</returns>
        public static SrtpPolicy AesCm128HmacSha1_32()
        {
            SrtpPolicy p = new SrtpPolicy();
            p.AuthenticationTagLength = 4;
            p.SrtcpAuthenticationTagLength = 10;
            return p;
        }

        /// <summary>AES_192_CM_HMAC_SHA1_80 (RFC 6188).</summary>
        /// <returns>A new policy.</returns>
        public static SrtpPolicy AesCm192HmacSha1_80()
        {
            SrtpPolicy p = new SrtpPolicy();
            p.SessionEncryptionKeyLength = 24;
            return p;
        }

        /// <summary>AES_256_CM_HMAC_SHA1_80 (RFC 6188).</summary>
        /// <returns>A new policy.</returns>
        public static SrtpPolicy AesCm256HmacSha1_80()
        {
            SrtpPolicy p = new SrtpPolicy();
            p.SessionEncryptionKeyLength = 32;
            return p;
        }

        /// <summary>AES_256_CM_HMAC_SHA1_32 (RFC 6188): 32-bit SRTP tag, 80-bit SRTCP tag.</summary>
        /// <returns>A new policy.</returns>
        public static SrtpPolicy AesCm256HmacSha1_32()
        {
            SrtpPolicy p = AesCm128HmacSha1_32();
            p.SessionEncryptionKeyLength = 32;
            return p;
        }

        /// <summary>NULL cipher with HMAC-SHA-1 80-bit tags (libsrtp <c>null_cipher_hmac_sha1_80</c>).</summary>
        /// <returns>A new policy.</returns>
        public static SrtpPolicy NullHmacSha1_80()
        {
            SrtpPolicy p = new SrtpPolicy();
            p.EncryptionAlgorithm = SrtpEncryptionAlgorithm.Null;
            return p;
        }

        /// <summary>AEAD_AES_128_GCM (RFC 7714 §14.2): 16-byte key, 12-byte salt, 16-byte tag.</summary>
        /// <returns>A new policy.</returns>
        public static SrtpPolicy AeadAes128Gcm()
        {
            SrtpPolicy p = new SrtpPolicy();
            p.EncryptionAlgorithm = SrtpEncryptionAlgorithm.AesGcm;
            p.SessionSaltKeyLength = 12;
            p.AuthenticationAlgorithm = SrtpAuthenticationAlgorithm.Null;
            p.SessionAuthenticationKeyLength = 0;
            p.AuthenticationTagLength = 0;
            return p;
        }

        /// <summary>AEAD_AES_256_GCM (RFC 7714 §14.2): 32-byte key, 12-byte salt, 16-byte tag.</summary>
        /// <returns>A new policy.</returns>
        public static SrtpPolicy AeadAes256Gcm()
        {
            SrtpPolicy p = AeadAes128Gcm();
            p.SessionEncryptionKeyLength = 32;
            return p;
        }

        /// <summary>Makes this policy equal to <paramref name="other"/> without allocating (a session reuses its policy objects).</summary>
        /// <param name="other">The policy to copy.</param>
        public void CopyFrom(SrtpPolicy other)
        {
            if (other == null) throw new ArgumentNullException();
            EncryptionAlgorithm = other.EncryptionAlgorithm;
            SessionEncryptionKeyLength = other.SessionEncryptionKeyLength;
            AuthenticationAlgorithm = other.AuthenticationAlgorithm;
            SessionAuthenticationKeyLength = other.SessionAuthenticationKeyLength;
            SessionSaltKeyLength = other.SessionSaltKeyLength;
            PseudoRandomFunction = other.PseudoRandomFunction;
            KeyDerivationRate = other.KeyDerivationRate;
            SrtpEncryption = other.SrtpEncryption;
            SrtcpEncryption = other.SrtcpEncryption;
            FecOrder = other.FecOrder;
            SrtpAuthentication = other.SrtpAuthentication;
            AuthenticationTagLength = other.AuthenticationTagLength;
            SrtpPrefixLength = other.SrtpPrefixLength;
            RocTransmissionRate = other.RocTransmissionRate;
            SrtpAuthAlgorithm = other.SrtpAuthAlgorithm;
            SrtcpAuthAlgorithm = other.SrtcpAuthAlgorithm;
            SrtpSessionAuthenticationKeyLength = other.SrtpSessionAuthenticationKeyLength;
            SrtcpSessionAuthenticationKeyLength = other.SrtcpSessionAuthenticationKeyLength;
            SrtpAuthenticationTagLength = other.SrtpAuthenticationTagLength;
            SrtcpAuthenticationTagLength = other.SrtcpAuthenticationTagLength;
            AeadAuthenticationTagLength = other.AeadAuthenticationTagLength;
            MkiLength = other.MkiLength;
            ReplayWindowSize = other.ReplayWindowSize;
            SrtpKeyLifetime = other.SrtpKeyLifetime;
            SrtcpKeyLifetime = other.SrtcpKeyLifetime;
            MaxPacketLength = other.MaxPacketLength;
        }

        /// <summary>A copy that later changes to this policy do not affect (contexts keep one).</summary>
        /// <returns>The copy.</returns>
        public SrtpPolicy Clone()
        {
            return (SrtpPolicy)MemberwiseClone();
        }

        /// <summary>True when this implementation can run the policy; otherwise <paramref name="reason"/> says why.</summary>
        /// <param name="reason">Why the policy is refused, or null.</param>
        /// <returns>Whether a crypto context can be built from it.</returns>
        public bool IsSupported(out string? reason)
        {
            reason = null;
            int k = SessionEncryptionKeyLength;
            switch (EncryptionAlgorithm)
            {
                case SrtpEncryptionAlgorithm.Null:
                case SrtpEncryptionAlgorithm.AesCm:
                    if (k != 16 && k != 24 && k != 32) { reason = "AES-CM key length must be 16, 24 or 32"; return false; }
                    if (SessionSaltKeyLength != 14) { reason = "AES-CM salt length must be 14"; return false; }
                    break;
                case SrtpEncryptionAlgorithm.AesGcm:
                    if (k != 16 && k != 32) { reason = "AES-GCM key length must be 16 or 32"; return false; }
                    if (SessionSaltKeyLength != 12) { reason = "AES-GCM salt length must be 12 (RFC 7714 §12)"; return false; }
                    if (AeadAuthenticationTagLength != 16 && AeadAuthenticationTagLength != 12 && AeadAuthenticationTagLength != 8)
                    {
                        reason = "AEAD tag length must be 16 (or 8/12)"; return false;
                    }
                    // RFC 7714 defines unencrypted AEAD only for SRTCP (E flag); libsrtp's "only_auth" still encrypts SRTP.
                    if (!SrtpEncryption) { reason = "AEAD SRTP is always encrypted (RFC 7714 §8)"; return false; }
                    break;
                default:
                    reason = "encryption algorithm not supported"; return false;
            }
            if (PseudoRandomFunction != 0) { reason = "only the AES-CM PRF is supported"; return false; }
            if (FecOrder != 0) { reason = "only FEC order 0 is defined"; return false; }
            if (SrtpPrefixLength != 0) { reason = "SRTP prefix length must be 0"; return false; }
            uint kdr = KeyDerivationRate;
            if (kdr != 0 && ((kdr & (kdr - 1)) != 0 || kdr > (1u << 24))) { reason = "KDR must be 0 or a power of two up to 2^24"; return false; }
            if (RocTransmissionRate < 1 || RocTransmissionRate > 65535) { reason = "ROC transmission rate must be 1..65535"; return false; }
            if (MkiLength < 0 || MkiLength > MaxMkiLength) { reason = "MKI length must be 0..4"; return false; }
            if (ReplayWindowSize < 1 || ReplayWindowSize > MaxReplayWindowSize) { reason = "replay window must be 1..1024"; return false; }
            if (SrtpKeyLifetime == 0 || SrtpKeyLifetime > (1UL << 48)) { reason = "SRTP key lifetime must be 1..2^48"; return false; }
            if (SrtcpKeyLifetime == 0 || SrtcpKeyLifetime > (1UL << 31)) { reason = "SRTCP key lifetime must be 1..2^31"; return false; }
            if (MaxPacketLength < 12) { reason = "max packet length too small"; return false; }

            SrtpAuthenticationAlgorithm a = EffectiveSrtpAuthentication;
            if ((int)a < 0 || (int)a > 4) { reason = "SRTP authentication algorithm not supported"; return false; }
            int tag = EffectiveSrtpTagLength;
            if (!IsAead)
            {
                if (a == SrtpAuthenticationAlgorithm.HmacSha1 && (tag < 1 || tag > 20)) { reason = "HMAC-SHA-1 tag must be 1..20 bytes"; return false; }
                if ((a == SrtpAuthenticationAlgorithm.RccM1 || a == SrtpAuthenticationAlgorithm.RccM2) && (tag < 5 || tag > 24))
                {
                    reason = "RCC tag must be 5..24 bytes (4-byte ROC plus MAC)"; return false;
                }
                if (a == SrtpAuthenticationAlgorithm.RccM3 && tag != 4) { reason = "RCCm3 tag must be the 4-byte ROC"; return false; }
                if (a != SrtpAuthenticationAlgorithm.Null && a != SrtpAuthenticationAlgorithm.RccM3)
                {
                    int ak = EffectiveSrtpAuthenticationKeyLength;
                    if (ak < 1 || ak > 64) { reason = "SRTP auth key must be 1..64 bytes"; return false; }
                }
            }
            SrtpAuthenticationAlgorithm c = EffectiveSrtcpAuthentication;
            int ctag = EffectiveSrtcpTagLength;
            int rawC = SrtcpAuthAlgorithm != Unset ? SrtcpAuthAlgorithm : (int)AuthenticationAlgorithm;
            if (rawC < 0 || rawC > 4) { reason = "SRTCP authentication algorithm not supported"; return false; }
            if (!IsAead && c == SrtpAuthenticationAlgorithm.HmacSha1)
            {
                if (ctag < 1 || ctag > 20) { reason = "SRTCP HMAC-SHA-1 tag must be 1..20 bytes"; return false; }
                int ak = EffectiveSrtcpAuthenticationKeyLength;
                if (ak < 1 || ak > 64) { reason = "SRTCP auth key must be 1..64 bytes"; return false; }
            }
            return true;
        }

        /// <summary>Sets one MIKEY SP parameter from its TLV value (RFC 3830 §6.10); false when the type is unknown or the value malformed.</summary>
        /// <param name="type">The SP parameter type (0–20).</param>
        /// <param name="value">Buffer holding the value.</param>
        /// <param name="offset">Offset of the value.</param>
        /// <param name="length">Length of the value in bytes.</param>
        /// <returns>True when the parameter was understood and stored.</returns>
        public bool SetParameter(int type, byte[] value, int offset, int length)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            if (offset < 0 || length < 0 || offset > value.Length - length) throw new ArgumentOutOfRangeException(nameof(offset));
            if (length < 1) return false;
            uint v = 0;
            if (length > 4) return false;
            for (int i = 0; i < length; i++) v = (v << 8) | value[offset + i];
            if (type == (int)SrtpPolicyParameterType.KeyDerivationRate)
            {
                // mikey-spec §4.7.1 KDR note: any width 1–4, unsigned big-endian.
                KeyDerivationRate = v;
                return true;
            }
            if (type == (int)SrtpPolicyParameterType.RocTransmissionRate)
            {
                if (length > 2 || v == 0) return false;
                RocTransmissionRate = (int)v;
                return true;
            }
            if (length != 1) return false;
            int b = (int)v;
            switch (type)
            {
                case 0: EncryptionAlgorithm = (SrtpEncryptionAlgorithm)b; return true;
                case 1: SessionEncryptionKeyLength = b; return true;
                case 2: AuthenticationAlgorithm = (SrtpAuthenticationAlgorithm)b; return true;
                case 3: SessionAuthenticationKeyLength = b; return true;
                case 4: SessionSaltKeyLength = b; return true;
                case 5: PseudoRandomFunction = b; return true;
                case 7: if (b > 1) return false; SrtpEncryption = b == 1; return true;
                case 8: if (b > 1) return false; SrtcpEncryption = b == 1; return true;
                case 9: FecOrder = b; return true;
                case 10: if (b > 1) return false; SrtpAuthentication = b == 1; return true;
                case 11: AuthenticationTagLength = b; return true;
                case 12: SrtpPrefixLength = b; return true;
                case 14: SrtpAuthAlgorithm = b; return true;
                case 15: SrtcpAuthAlgorithm = b; return true;
                case 16: SrtpSessionAuthenticationKeyLength = b; return true;
                case 17: SrtcpSessionAuthenticationKeyLength = b; return true;
                case 18: SrtpAuthenticationTagLength = b; return true;
                case 19: SrtcpAuthenticationTagLength = b; return true;
                case 20: AeadAuthenticationTagLength = b; return true;
                default: return false;
            }
        }

        /// <summary>Writes every parameter as MIKEY SP TLVs (type, length, value); returns the bytes written, or -1 when the buffer is too small.</summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Offset of the first TLV.</param>
        /// <returns>Bytes written, or -1.</returns>
        public int WriteParameters(byte[] buffer, int offset)
        {
            if (buffer == null) throw new ArgumentNullException(nameof(buffer));
            if (offset < 0 || offset > buffer.Length) throw new ArgumentOutOfRangeException(nameof(offset));
            int p = offset;
            p = Put(buffer, p, 0, (uint)EncryptionAlgorithm, 1);
            p = Put(buffer, p, 1, (uint)SessionEncryptionKeyLength, 1);
            p = Put(buffer, p, 2, (uint)AuthenticationAlgorithm, 1);
            p = Put(buffer, p, 3, (uint)SessionAuthenticationKeyLength, 1);
            p = Put(buffer, p, 4, (uint)SessionSaltKeyLength, 1);
            p = Put(buffer, p, 5, (uint)PseudoRandomFunction, 1);
            p = Put(buffer, p, 6, KeyDerivationRate, KeyDerivationRate <= 255 ? 1 : 4);
            p = Put(buffer, p, 7, SrtpEncryption ? 1u : 0u, 1);
            p = Put(buffer, p, 8, SrtcpEncryption ? 1u : 0u, 1);
            p = Put(buffer, p, 9, (uint)FecOrder, 1);
            p = Put(buffer, p, 10, SrtpAuthentication ? 1u : 0u, 1);
            p = Put(buffer, p, 11, (uint)AuthenticationTagLength, 1);
            p = Put(buffer, p, 12, (uint)SrtpPrefixLength, 1);
            if (RocTransmissionRate != 1) p = Put(buffer, p, 13, (uint)RocTransmissionRate, 2);
            if (SrtpAuthAlgorithm != Unset) p = Put(buffer, p, 14, (uint)SrtpAuthAlgorithm, 1);
            if (SrtcpAuthAlgorithm != Unset) p = Put(buffer, p, 15, (uint)SrtcpAuthAlgorithm, 1);
            if (SrtpSessionAuthenticationKeyLength != Unset) p = Put(buffer, p, 16, (uint)SrtpSessionAuthenticationKeyLength, 1);
            if (SrtcpSessionAuthenticationKeyLength != Unset) p = Put(buffer, p, 17, (uint)SrtcpSessionAuthenticationKeyLength, 1);
            if (SrtpAuthenticationTagLength != Unset) p = Put(buffer, p, 18, (uint)SrtpAuthenticationTagLength, 1);
            if (SrtcpAuthenticationTagLength != Unset) p = Put(buffer, p, 19, (uint)SrtcpAuthenticationTagLength, 1);
            if (IsAead) p = Put(buffer, p, 20, (uint)AeadAuthenticationTagLength, 1);
            return p < 0 ? -1 : p - offset;
        }

        private static int Put(byte[] buffer, int p, int type, uint value, int length)
        {
            if (p < 0 || p > buffer.Length - 2 - length) return -1;
            buffer[p] = (byte)type;
            buffer[p + 1] = (byte)length;
            for (int i = length - 1; i >= 0; i--)
            {
                buffer[p + 2 + i] = (byte)value;
                value >>= 8;
            }
            return p + 2 + length;
        }
    }
}
