using System.Runtime.InteropServices;

namespace NanoMikey.NativeCore.Tests
{
    /// <summary>P/Invoke declarations of nm_core.h plus (array, offset, length) wrappers shaped like NativeCryptoPack.</summary>
    internal static unsafe class NmCore
    {
        internal const string Library = "nmcore";

        internal const int EHandle = -1, ELength = -2, ENoKey = -3, EFail = -4;
        internal const int P256Ok = 0, P256BadPrivate = 1, P256BadPoint = 2, P256Fail = 3;

        static NmCore()
        {
            NmCoreLibrary.Register();
        }

        [DllImport(Library)] internal static extern int nm_open();
        [DllImport(Library)] internal static extern int nm_close(int h);
        [DllImport(Library)] internal static extern int nm_set_aes_key(int h, byte* key, nuint len);
        [DllImport(Library)] internal static extern int nm_set_hmac_sha1_key(int h, byte* key, nuint len);
        [DllImport(Library)] internal static extern int nm_aes_encrypt_blocks(int h, byte* src, byte* dst, nuint len);
        [DllImport(Library)] internal static extern int nm_aes_decrypt_blocks(int h, byte* src, byte* dst, nuint len);
        [DllImport(Library)] internal static extern int nm_aes_ctr_xor(int h, byte* iv16, byte* buf, nuint len);
        [DllImport(Library)] internal static extern int nm_srtp_protect(int h, byte* iv16, byte* enc, nuint encLen, byte* auth, nuint authLen, int appendRoc, uint roc, byte* tag, nuint tagLen);
        [DllImport(Library)] internal static extern int nm_srtp_unprotect(int h, byte* iv16, byte* enc, nuint encLen, byte* auth, nuint authLen, int appendRoc, uint roc, byte* tag, nuint tagLen);
        [DllImport(Library)] internal static extern int nm_gcm_seal(int h, byte* iv, nuint ivLen, byte* aad, nuint aadLen, byte* buf, nuint len, byte* tag, nuint tagLen);
        [DllImport(Library)] internal static extern int nm_gcm_open(int h, byte* iv, nuint ivLen, byte* aad, nuint aadLen, byte* buf, nuint len, byte* tag, nuint tagLen);
        [DllImport(Library)] internal static extern int nm_hmac_sha1_keyed(int h, byte* data, nuint len, byte* mac, nuint macLen);
        [DllImport(Library)] internal static extern int nm_hmac_sha1(byte* key, nuint keyLen, byte* data, nuint len, byte* mac);
        [DllImport(Library)] internal static extern int nm_hmac_sha256(byte* key, nuint keyLen, byte* data, nuint len, byte* mac);
        [DllImport(Library)] internal static extern int nm_sha256(byte* data, nuint len, byte* digest);
        [DllImport(Library)] internal static extern int nm_mikey_prf(byte* inkey, nuint inkeyLen, byte* label, nuint labelLen, byte* output, nuint outLen);
        [DllImport(Library)] internal static extern int nm_p256_public_key(byte* priv, byte* pub);
        [DllImport(Library)] internal static extern int nm_p256_ecdh(byte* priv, byte* peer, nuint peerLen, byte* secret);
        [DllImport(Library)] internal static extern int nm_p256_sign(byte* priv, byte* hash, nuint hashLen, byte* extra, nuint extraLen, byte* sig);
        [DllImport(Library)] internal static extern int nm_p256_verify(byte* pub, nuint pubLen, byte* hash, nuint hashLen, byte* sig, nuint sigLen);
        [DllImport(Library)] internal static extern int nm_describe(byte* output, nuint room);

        private static void Range(byte[]? a, int off, int len)
        {
            if (len == 0 && a == null) return;
            ArgumentNullException.ThrowIfNull(a);
            if (off < 0 || len < 0 || off > a.Length - len) throw new IndexOutOfRangeException();
        }

        internal static int SetAesKey(int h, byte[] key, int off, int len)
        {
            Range(key, off, len);
            fixed (byte* k = key) return nm_set_aes_key(h, k + off, (nuint)len);
        }

        internal static int SetHmacSha1Key(int h, byte[] key, int off, int len)
        {
            Range(key, off, len);
            fixed (byte* k = key) return nm_set_hmac_sha1_key(h, k + off, (nuint)len);
        }

        internal static int AesEncryptBlocks(int h, byte[] src, int srcOff, byte[] dst, int dstOff, int len)
        {
            Range(src, srcOff, len);
            Range(dst, dstOff, len);
            fixed (byte* s = src, d = dst) return nm_aes_encrypt_blocks(h, s + srcOff, d + dstOff, (nuint)len);
        }

        internal static int AesDecryptBlocks(int h, byte[] src, int srcOff, byte[] dst, int dstOff, int len)
        {
            Range(src, srcOff, len);
            Range(dst, dstOff, len);
            fixed (byte* s = src, d = dst) return nm_aes_decrypt_blocks(h, s + srcOff, d + dstOff, (nuint)len);
        }

        internal static int AesCtrXor(int h, byte[] iv, int ivOff, byte[] buf, int off, int len)
        {
            Range(iv, ivOff, 16);
            Range(buf, off, len);
            fixed (byte* i = iv, b = buf) return nm_aes_ctr_xor(h, i + ivOff, b + off, (nuint)len);
        }

        internal static int SrtpProtect(int h, byte[] iv, int ivOff, byte[] buf, int encOff, int encLen, int authOff, int authLen, bool appendRoc, uint roc, int tagOff, int tagLen)
        {
            Range(iv, ivOff, 16);
            Range(buf, encOff, encLen);
            Range(buf, authOff, authLen);
            Range(buf, tagOff, tagLen);
            fixed (byte* i = iv, b = buf)
                return nm_srtp_protect(h, i + ivOff, b + encOff, (nuint)encLen, b + authOff, (nuint)authLen, appendRoc ? 1 : 0, roc, b + tagOff, (nuint)tagLen);
        }

        internal static int SrtpUnprotect(int h, byte[] iv, int ivOff, byte[] buf, int encOff, int encLen, int authOff, int authLen, bool appendRoc, uint roc, int tagOff, int tagLen)
        {
            Range(iv, ivOff, 16);
            Range(buf, encOff, encLen);
            Range(buf, authOff, authLen);
            Range(buf, tagOff, tagLen);
            fixed (byte* i = iv, b = buf)
                return nm_srtp_unprotect(h, i + ivOff, b + encOff, (nuint)encLen, b + authOff, (nuint)authLen, appendRoc ? 1 : 0, roc, b + tagOff, (nuint)tagLen);
        }

        internal static int GcmSeal(int h, byte[] iv, int ivOff, int ivLen, byte[]? aad, int aadOff, int aadLen, byte[] buf, int off, int len, byte[] tag, int tagOff, int tagLen)
        {
            Range(iv, ivOff, ivLen);
            Range(aad, aadOff, aadLen);
            Range(buf, off, len);
            Range(tag, tagOff, tagLen);
            fixed (byte* i = iv, a = aad, b = buf, t = tag)
                return nm_gcm_seal(h, i + ivOff, (nuint)ivLen, a == null ? null : a + aadOff, (nuint)aadLen, b + off, (nuint)len, t + tagOff, (nuint)tagLen);
        }

        internal static int GcmOpen(int h, byte[] iv, int ivOff, int ivLen, byte[]? aad, int aadOff, int aadLen, byte[] buf, int off, int len, byte[] tag, int tagOff, int tagLen)
        {
            Range(iv, ivOff, ivLen);
            Range(aad, aadOff, aadLen);
            Range(buf, off, len);
            Range(tag, tagOff, tagLen);
            fixed (byte* i = iv, a = aad, b = buf, t = tag)
                return nm_gcm_open(h, i + ivOff, (nuint)ivLen, a == null ? null : a + aadOff, (nuint)aadLen, b + off, (nuint)len, t + tagOff, (nuint)tagLen);
        }

        internal static int HmacSha1Keyed(int h, byte[] data, int off, int len, byte[] mac, int macOff, int macLen)
        {
            Range(data, off, len);
            Range(mac, macOff, macLen);
            fixed (byte* d = data, m = mac) return nm_hmac_sha1_keyed(h, d + off, (nuint)len, m + macOff, (nuint)macLen);
        }

        internal static byte[] HmacSha1(byte[] key, byte[] data)
        {
            byte[] mac = new byte[20];
            fixed (byte* k = key, d = data, m = mac) Assert.Equal(0, nm_hmac_sha1(k, (nuint)key.Length, d, (nuint)data.Length, m));
            return mac;
        }

        internal static byte[] HmacSha256(byte[] key, byte[] data)
        {
            byte[] mac = new byte[32];
            fixed (byte* k = key, d = data, m = mac) Assert.Equal(0, nm_hmac_sha256(k, (nuint)key.Length, d, (nuint)data.Length, m));
            return mac;
        }

        internal static byte[] Sha256(byte[] data)
        {
            byte[] digest = new byte[32];
            fixed (byte* d = data, o = digest) Assert.Equal(0, nm_sha256(d, (nuint)data.Length, o));
            return digest;
        }

        internal static int MikeyPrf(byte[] inkey, byte[] label, byte[] output, int outOff, int outLen)
        {
            Range(output, outOff, outLen);
            fixed (byte* i = inkey, l = label, o = output) return nm_mikey_prf(i, (nuint)inkey.Length, l, (nuint)label.Length, o + outOff, (nuint)outLen);
        }

        internal static int P256PublicKey(byte[] priv, byte[] pub)
        {
            Range(priv, 0, 32);
            Range(pub, 0, 65);
            fixed (byte* d = priv, q = pub) return nm_p256_public_key(d, q);
        }

        internal static int P256Ecdh(byte[] priv, byte[] peer, byte[] secret)
        {
            Range(priv, 0, 32);
            Range(secret, 0, 32);
            fixed (byte* d = priv, q = peer, z = secret) return nm_p256_ecdh(d, q, (nuint)peer.Length, z);
        }

        internal static int P256Sign(byte[] priv, byte[] hash, byte[]? extra, byte[] sig)
        {
            Range(priv, 0, 32);
            Range(sig, 0, 64);
            fixed (byte* d = priv, e = hash, x = extra, s = sig)
                return nm_p256_sign(d, e, (nuint)hash.Length, x, (nuint)(extra?.Length ?? 0), s);
        }

        internal static int P256Verify(byte[] pub, byte[] hash, byte[] sig)
        {
            fixed (byte* q = pub, e = hash, s = sig)
                return nm_p256_verify(q, (nuint)pub.Length, e, (nuint)hash.Length, s, (nuint)sig.Length);
        }

        /// <summary>A slot with an AES key and/or an HMAC-SHA-1 key; closed on Dispose.</summary>
        internal sealed class Slot : IDisposable
        {
            internal Slot(byte[]? aesKey = null, byte[]? hmacKey = null)
            {
                Handle = nm_open();
                Assert.True(Handle >= 0, "no free slot");
                if (aesKey != null) Assert.Equal(0, SetAesKey(Handle, aesKey, 0, aesKey.Length));
                if (hmacKey != null) Assert.Equal(0, SetHmacSha1Key(Handle, hmacKey, 0, hmacKey.Length));
            }

            internal int Handle { get; }

            public void Dispose()
            {
                nm_close(Handle);
            }
        }
    }
}
