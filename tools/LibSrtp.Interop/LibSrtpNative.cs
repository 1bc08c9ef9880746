using System;
using System.Runtime.InteropServices;

namespace NanoMikey.LibSrtp.Interop
{
    /// <summary>Raw P/Invoke declarations of libsrtp2 2.5 (Debian package libsrtp2-1, <c>libsrtp2.so.1</c>); layouts from <c>srtp2/srtp.h</c> (LP64).</summary>
    public static unsafe class LibSrtpNative
    {
        /// <summary>The shared library name (the runtime package ships no unversioned symlink).</summary>
        public const string Library = "libsrtp2.so.1";

        /// <summary><c>srtp_crypto_policy_t</c>.</summary>
        [StructLayout(LayoutKind.Sequential)]
        public struct CryptoPolicy
        {
            /// <summary>Cipher type id (0 NULL, 1 AES-ICM-128, 4 AES-ICM-192, 5 AES-ICM-256, 6 AES-GCM-128, 7 AES-GCM-256).</summary>
            public uint CipherType;
            /// <summary>Cipher key length including the salt, in bytes.</summary>
            public int CipherKeyLength;
            /// <summary>Auth type id (0 NULL, 3 HMAC-SHA1).</summary>
            public uint AuthType;
            /// <summary>Auth key length in bytes.</summary>
            public int AuthKeyLength;
            /// <summary>Auth tag length in bytes.</summary>
            public int AuthTagLength;
            /// <summary>Security services: 0 none, 1 conf, 2 auth, 3 both.</summary>
            public int SecurityServices;
        }

        /// <summary><c>srtp_ssrc_t</c>.</summary>
        [StructLayout(LayoutKind.Sequential)]
        public struct Ssrc
        {
            /// <summary>1 specific, 2 any inbound, 3 any outbound.</summary>
            public int Type;
            /// <summary>The SSRC when specific.</summary>
            public uint Value;
        }

        /// <summary><c>srtp_master_key_t</c>.</summary>
        [StructLayout(LayoutKind.Sequential)]
        public struct MasterKey
        {
            /// <summary>Master key followed by master salt.</summary>
            public byte* Key;
            /// <summary>MKI bytes.</summary>
            public byte* MkiId;
            /// <summary>MKI length.</summary>
            public uint MkiSize;
        }

        /// <summary><c>srtp_policy_t</c>.</summary>
        [StructLayout(LayoutKind.Sequential)]
        public struct Policy
        {
            /// <summary>SSRC selector.</summary>
            public Ssrc Ssrc;
            /// <summary>SRTP crypto policy.</summary>
            public CryptoPolicy Rtp;
            /// <summary>SRTCP crypto policy.</summary>
            public CryptoPolicy Rtcp;
            /// <summary>Single master key || salt (when no key list).</summary>
            public byte* Key;
            /// <summary>Array of master key pointers.</summary>
            public MasterKey** Keys;
            /// <summary>Number of master keys (unsigned long).</summary>
            public nuint NumMasterKeys;
            /// <summary>Deprecated EKT pointer.</summary>
            public void* DeprecatedEkt;
            /// <summary>Replay window size (unsigned long).</summary>
            public nuint WindowSize;
            /// <summary>Allow retransmission of the same SEQ.</summary>
            public int AllowRepeatTx;
            /// <summary>Header extension ids to encrypt.</summary>
            public int* EncXtnHdr;
            /// <summary>Count of <see cref="EncXtnHdr"/>.</summary>
            public int EncXtnHdrCount;
            /// <summary>Next policy.</summary>
            public Policy* Next;
        }

#pragma warning disable CS1591
        [DllImport(Library)] public static extern int srtp_init();
        [DllImport(Library)] public static extern int srtp_create(out IntPtr session, Policy* policy);
        [DllImport(Library)] public static extern int srtp_dealloc(IntPtr session);
        [DllImport(Library)] public static extern int srtp_protect(IntPtr ctx, byte* hdr, int* len);
        [DllImport(Library)] public static extern int srtp_protect_mki(IntPtr ctx, byte* hdr, int* len, uint useMki, uint mkiIndex);
        [DllImport(Library)] public static extern int srtp_unprotect(IntPtr ctx, byte* hdr, int* len);
        [DllImport(Library)] public static extern int srtp_unprotect_mki(IntPtr ctx, byte* hdr, int* len, uint useMki);
        [DllImport(Library)] public static extern int srtp_protect_rtcp(IntPtr ctx, byte* hdr, int* len);
        [DllImport(Library)] public static extern int srtp_protect_rtcp_mki(IntPtr ctx, byte* hdr, int* len, uint useMki, uint mkiIndex);
        [DllImport(Library)] public static extern int srtp_unprotect_rtcp(IntPtr ctx, byte* hdr, int* len);
        [DllImport(Library)] public static extern int srtp_unprotect_rtcp_mki(IntPtr ctx, byte* hdr, int* len, uint useMki);
        [DllImport(Library)] public static extern int srtp_set_stream_roc(IntPtr ctx, uint ssrc, uint roc);
        [DllImport(Library)] public static extern int srtp_get_stream_roc(IntPtr ctx, uint ssrc, out uint roc);
        [DllImport(Library)] public static extern IntPtr srtp_get_version_string();
        [DllImport(Library)] public static extern void srtp_crypto_policy_set_rtp_default(CryptoPolicy* p);
        [DllImport(Library)] public static extern void srtp_crypto_policy_set_rtcp_default(CryptoPolicy* p);
        [DllImport(Library)] public static extern void srtp_crypto_policy_set_aes_cm_128_hmac_sha1_32(CryptoPolicy* p);
        [DllImport(Library)] public static extern void srtp_crypto_policy_set_null_cipher_hmac_sha1_80(CryptoPolicy* p);
        [DllImport(Library)] public static extern void srtp_crypto_policy_set_null_cipher_hmac_null(CryptoPolicy* p);
        [DllImport(Library)] public static extern void srtp_crypto_policy_set_aes_cm_256_hmac_sha1_80(CryptoPolicy* p);
        [DllImport(Library)] public static extern void srtp_crypto_policy_set_aes_cm_256_hmac_sha1_32(CryptoPolicy* p);
        [DllImport(Library)] public static extern void srtp_crypto_policy_set_aes_cm_192_hmac_sha1_80(CryptoPolicy* p);
        [DllImport(Library)] public static extern void srtp_crypto_policy_set_aes_gcm_128_16_auth(CryptoPolicy* p);
        [DllImport(Library)] public static extern void srtp_crypto_policy_set_aes_gcm_256_16_auth(CryptoPolicy* p);
        [DllImport(Library)] public static extern void srtp_crypto_policy_set_aes_gcm_128_8_auth(CryptoPolicy* p);
        [DllImport(Library)] public static extern void srtp_crypto_policy_set_aes_gcm_128_8_only_auth(CryptoPolicy* p);
#pragma warning restore CS1591
    }
}
