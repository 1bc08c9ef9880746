using System;
using System.Runtime.InteropServices;

namespace NanoMikey.LibSrtp.Interop
{
    /// <summary>
    /// One libsrtp session (<c>srtp_t</c>) with one stream policy: the reference peer of the SRTP tests and benchmarks.
    /// Buffers passed to protect need room for the trailer (libsrtp 2.5 takes no capacity).
    /// </summary>
    public sealed unsafe class LibSrtpSession : IDisposable
    {
        private static readonly object InitLock = new object();
        private static bool _initialised;
        private IntPtr _session;
        private readonly bool _useMki;
        private readonly LibSrtpProfile _profile;
        private readonly uint _ssrc;
        private readonly int _ssrcType;
        private readonly byte[][] _masterKeys;
        private readonly byte[][]? _mkis;
        private readonly int _windowSize;
        private readonly uint _roc;

        /// <summary>Creates a session for one SSRC (or any inbound/outbound when <paramref name="ssrcType"/> is 2/3).</summary>
        /// <param name="profile">Crypto policy for SRTP and SRTCP.</param>
        /// <param name="ssrc">SSRC of the stream.</param>
        /// <param name="ssrcType">1 specific, 2 any inbound, 3 any outbound.</param>
        /// <param name="masterKeys">Each entry: master key || master salt.</param>
        /// <param name="mkis">MKI per master key, or null for no MKI.</param>
        /// <param name="windowSize">Replay window size (0 = libsrtp default 128).</param>
        /// <param name="roc">Initial ROC set with <c>srtp_set_stream_roc</c> when non-zero (specific SSRC only).</param>
        public LibSrtpSession(LibSrtpProfile profile, uint ssrc, int ssrcType, byte[][] masterKeys, byte[][]? mkis, int windowSize = 0, uint roc = 0)
        {
            EnsureInit();
            _useMki = mkis != null;
            _profile = profile;
            _ssrc = ssrc;
            _ssrcType = ssrcType;
            _masterKeys = masterKeys;
            _mkis = mkis;
            _windowSize = windowSize;
            _roc = roc;
            Create();
        }

        /// <summary>Frees the libsrtp session and creates it again from the same policy (fresh ROC and replay state).</summary>
        public void Recreate()
        {
            Dispose();
            Create();
        }

        private void Create()
        {
            LibSrtpProfile profile = _profile;
            uint ssrc = _ssrc;
            int ssrcType = _ssrcType;
            byte[][] masterKeys = _masterKeys;
            byte[][]? mkis = _mkis;
            int windowSize = _windowSize;
            uint roc = _roc;
            LibSrtpNative.Policy policy = default;
            SetProfile(profile, &policy.Rtp, &policy.Rtcp);
            policy.Ssrc.Type = ssrcType;
            policy.Ssrc.Value = ssrc;
            policy.WindowSize = (nuint)windowSize;
            int n = masterKeys.Length;
            IntPtr[] allocations = new IntPtr[3 * n + 2];
            int a = 0;
            try
            {
                var keyPtrs = (LibSrtpNative.MasterKey**)Marshal.AllocHGlobal(IntPtr.Size * n);
                allocations[a++] = (IntPtr)keyPtrs;
                var keyStructs = (LibSrtpNative.MasterKey*)Marshal.AllocHGlobal(sizeof(LibSrtpNative.MasterKey) * n);
                allocations[a++] = (IntPtr)keyStructs;
                for (int i = 0; i < n; i++)
                {
                    IntPtr k = Marshal.AllocHGlobal(64);
                    allocations[a++] = k;
                    new Span<byte>((void*)k, 64).Clear();
                    Marshal.Copy(masterKeys[i], 0, k, masterKeys[i].Length);
                    IntPtr m = Marshal.AllocHGlobal(16);
                    allocations[a++] = m;
                    uint mkiLen = 0;
                    if (mkis != null)
                    {
                        Marshal.Copy(mkis[i], 0, m, mkis[i].Length);
                        mkiLen = (uint)mkis[i].Length;
                    }
                    keyStructs[i].Key = (byte*)k;
                    keyStructs[i].MkiId = (byte*)m;
                    keyStructs[i].MkiSize = mkiLen;
                    keyPtrs[i] = &keyStructs[i];
                }
                if (mkis == null && n == 1)
                {
                    policy.Key = keyStructs[0].Key;
                }
                else
                {
                    policy.Keys = keyPtrs;
                    policy.NumMasterKeys = (nuint)n;
                }
                int status = LibSrtpNative.srtp_create(out _session, &policy);
                if (status != 0) throw new InvalidOperationException("srtp_create failed: " + status);
                if (roc != 0 && ssrcType == 1)
                {
                    status = LibSrtpNative.srtp_set_stream_roc(_session, ssrc, roc);
                    if (status != 0) throw new InvalidOperationException("srtp_set_stream_roc failed: " + status);
                }
            }
            finally
            {
                for (int i = 0; i < a; i++) Marshal.FreeHGlobal(allocations[i]);
            }
        }

        /// <summary>The libsrtp version string, e.g. "libsrtp2 2.5.0" (loads the library).</summary>
        public static string Version
        {
            get
            {
                EnsureInit();
                return Marshal.PtrToStringAnsi(LibSrtpNative.srtp_get_version_string()) ?? "";
            }
        }

        /// <summary>srtp_protect (or srtp_protect_mki with <paramref name="mkiIndex"/>); returns the libsrtp status.</summary>
        /// <param name="buffer">Packet buffer with room for the trailer.</param>
        /// <param name="offset">Packet offset.</param>
        /// <param name="length">RTP length in, SRTP length out.</param>
        /// <param name="mkiIndex">Master key to use when the session has MKIs.</param>
        /// <returns>srtp_err_status_t.</returns>
        public int Protect(byte[] buffer, int offset, ref int length, uint mkiIndex = 0)
        {
            int len = length;
            int s;
            fixed (byte* p = &buffer[offset])
            {
                s = _useMki ? LibSrtpNative.srtp_protect_mki(_session, p, &len, 1, mkiIndex) : LibSrtpNative.srtp_protect(_session, p, &len);
            }
            length = len;
            return s;
        }

        /// <summary>srtp_unprotect (or srtp_unprotect_mki); returns the libsrtp status.</summary>
        /// <param name="buffer">Packet buffer.</param>
        /// <param name="offset">Packet offset.</param>
        /// <param name="length">SRTP length in, RTP length out.</param>
        /// <returns>srtp_err_status_t.</returns>
        public int Unprotect(byte[] buffer, int offset, ref int length)
        {
            int len = length;
            int s;
            fixed (byte* p = &buffer[offset])
            {
                s = _useMki ? LibSrtpNative.srtp_unprotect_mki(_session, p, &len, 1) : LibSrtpNative.srtp_unprotect(_session, p, &len);
            }
            length = len;
            return s;
        }

        /// <summary>srtp_protect_rtcp (or the _mki variant); returns the libsrtp status.</summary>
        /// <param name="buffer">Packet buffer with room for the trailer.</param>
        /// <param name="offset">Packet offset.</param>
        /// <param name="length">RTCP length in, SRTCP length out.</param>
        /// <param name="mkiIndex">Master key to use when the session has MKIs.</param>
        /// <returns>srtp_err_status_t.</returns>
        public int ProtectRtcp(byte[] buffer, int offset, ref int length, uint mkiIndex = 0)
        {
            int len = length;
            int s;
            fixed (byte* p = &buffer[offset])
            {
                s = _useMki ? LibSrtpNative.srtp_protect_rtcp_mki(_session, p, &len, 1, mkiIndex) : LibSrtpNative.srtp_protect_rtcp(_session, p, &len);
            }
            length = len;
            return s;
        }

        /// <summary>srtp_unprotect_rtcp (or the _mki variant); returns the libsrtp status.</summary>
        /// <param name="buffer">Packet buffer.</param>
        /// <param name="offset">Packet offset.</param>
        /// <param name="length">SRTCP length in, RTCP length out.</param>
        /// <returns>srtp_err_status_t.</returns>
        public int UnprotectRtcp(byte[] buffer, int offset, ref int length)
        {
            int len = length;
            int s;
            fixed (byte* p = &buffer[offset])
            {
                s = _useMki ? LibSrtpNative.srtp_unprotect_rtcp_mki(_session, p, &len, 1) : LibSrtpNative.srtp_unprotect_rtcp(_session, p, &len);
            }
            length = len;
            return s;
        }

        /// <summary>srtp_get_stream_roc.</summary>
        /// <param name="ssrc">Stream SSRC.</param>
        /// <returns>The stream's ROC.</returns>
        public uint GetRoc(uint ssrc)
        {
            int s = LibSrtpNative.srtp_get_stream_roc(_session, ssrc, out uint roc);
            if (s != 0) throw new InvalidOperationException("srtp_get_stream_roc failed: " + s);
            return roc;
        }

        /// <summary>Frees the session.</summary>
        public void Dispose()
        {
            if (_session != IntPtr.Zero)
            {
                LibSrtpNative.srtp_dealloc(_session);
                _session = IntPtr.Zero;
            }
        }

        private static void EnsureInit()
        {
            lock (InitLock)
            {
                if (_initialised) return;
                int s = LibSrtpNative.srtp_init();
                if (s != 0) throw new InvalidOperationException("srtp_init failed: " + s);
                _initialised = true;
            }
        }

        private static void SetProfile(LibSrtpProfile profile, LibSrtpNative.CryptoPolicy* rtp, LibSrtpNative.CryptoPolicy* rtcp)
        {
            switch (profile)
            {
                case LibSrtpProfile.AesCm128HmacSha1_80:
                    LibSrtpNative.srtp_crypto_policy_set_rtp_default(rtp);
                    LibSrtpNative.srtp_crypto_policy_set_rtcp_default(rtcp);
                    break;
                case LibSrtpProfile.AesCm128HmacSha1_32:
                    LibSrtpNative.srtp_crypto_policy_set_aes_cm_128_hmac_sha1_32(rtp);
                    LibSrtpNative.srtp_crypto_policy_set_rtcp_default(rtcp);
                    break;
                case LibSrtpProfile.AesCm192HmacSha1_80:
                    LibSrtpNative.srtp_crypto_policy_set_aes_cm_192_hmac_sha1_80(rtp);
                    LibSrtpNative.srtp_crypto_policy_set_aes_cm_192_hmac_sha1_80(rtcp);
                    break;
                case LibSrtpProfile.AesCm256HmacSha1_80:
                    LibSrtpNative.srtp_crypto_policy_set_aes_cm_256_hmac_sha1_80(rtp);
                    LibSrtpNative.srtp_crypto_policy_set_aes_cm_256_hmac_sha1_80(rtcp);
                    break;
                case LibSrtpProfile.NullHmacSha1_80:
                    LibSrtpNative.srtp_crypto_policy_set_null_cipher_hmac_sha1_80(rtp);
                    LibSrtpNative.srtp_crypto_policy_set_null_cipher_hmac_sha1_80(rtcp);
                    break;
                case LibSrtpProfile.NullNull:
                    LibSrtpNative.srtp_crypto_policy_set_null_cipher_hmac_null(rtp);
                    LibSrtpNative.srtp_crypto_policy_set_null_cipher_hmac_null(rtcp);
                    break;
                case LibSrtpProfile.AeadAes128Gcm:
                    LibSrtpNative.srtp_crypto_policy_set_aes_gcm_128_16_auth(rtp);
                    LibSrtpNative.srtp_crypto_policy_set_aes_gcm_128_16_auth(rtcp);
                    break;
                case LibSrtpProfile.AeadAes256Gcm:
                    LibSrtpNative.srtp_crypto_policy_set_aes_gcm_256_16_auth(rtp);
                    LibSrtpNative.srtp_crypto_policy_set_aes_gcm_256_16_auth(rtcp);
                    break;
                case LibSrtpProfile.AeadAes128Gcm8:
                    LibSrtpNative.srtp_crypto_policy_set_aes_gcm_128_8_auth(rtp);
                    LibSrtpNative.srtp_crypto_policy_set_aes_gcm_128_8_auth(rtcp);
                    break;
                case LibSrtpProfile.AeadAes128Gcm8OnlyAuth:
                    LibSrtpNative.srtp_crypto_policy_set_aes_gcm_128_8_only_auth(rtp);
                    LibSrtpNative.srtp_crypto_policy_set_aes_gcm_128_8_only_auth(rtcp);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(profile));
            }
        }
    }
}
