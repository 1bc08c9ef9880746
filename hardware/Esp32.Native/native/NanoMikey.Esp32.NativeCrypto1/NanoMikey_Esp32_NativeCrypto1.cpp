//
// nanoCLR glue of the native crypto pack (managed side: hardware/Esp32.Native/Interop/NativeCryptoPack.cs), in the
// shape the MetadataProcessor's "core library" skeleton uses (kit README "Native interop"): one handler per extern
// reading stack.ArgN(), method_lookup[] in the .pe's method order, and g_CLR_AssemblyNative_<name> with the native
// checksum. Every range is checked here, then the plain C core (../core) does the work on pointers into the managed
// arrays (valid during the call only; nothing is copied or allocated on the managed heap).
// Errors: null array -> NullReferenceException, range -> IndexOutOfRangeException, bad length/handle ->
// ArgumentException, missing key -> InvalidOperationException, mbedTLS failure -> Exception.
//

#include <nanoCLR_Interop.h>
#include <nanoCLR_Runtime.h>
#include <nanoCLR_Checks.h>

#include "../core/nm_core.h"
#include "../core/nm_pack.h"

// (array, offset, count) -> pointer into the managed array; range checked without overflow. A null array is accepted
// only when allowNull and count == 0 (optional inputs such as GCM's AAD), giving ptr NULL.
static HRESULT NmRange(CLR_RT_HeapBlock &arg, CLR_INT32 offset, CLR_INT32 count, CLR_UINT8 *&ptr, bool allowNull = false)
{
    NANOCLR_HEADER();
    CLR_RT_HeapBlock_Array *array = arg.DereferenceArray();
    if (array == NULL && allowNull && count == 0)
    {
        ptr = NULL;
        NANOCLR_SET_AND_LEAVE(S_OK);
    }
    FAULT_ON_NULL(array);
    if (offset < 0 || count < 0 || (CLR_UINT32)offset > array->m_numOfElements ||
        (CLR_UINT32)count > array->m_numOfElements - (CLR_UINT32)offset)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INDEX_OUT_OF_RANGE);
    }
    ptr = array->GetElement((CLR_UINT32)offset);
    NANOCLR_NOCLEANUP();
}

// A core caller-bug code -> the exception the managed documentation promises.
static HRESULT NmStatus(int rc)
{
    switch (rc)
    {
        case NM_E_HANDLE:
        case NM_E_LENGTH:
            return CLR_E_INVALID_PARAMETER;
        case NM_E_NOKEY:
            return CLR_E_INVALID_OPERATION;
        case NM_E_FAIL:
            return CLR_E_FAIL;
        default:
            return S_OK;
    }
}

static inline CLR_INT32 I4(CLR_RT_StackFrame &stack, int n)
{
    return stack.ArgN(n).NumericByRef().s4;
}

// int Open()
static HRESULT Open___STATIC__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    stack.SetResult_I4(nm_open());
    NANOCLR_NOCLEANUP_NOLABEL();
}

// void Close(int h)
static HRESULT Close___STATIC__VOID__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    NANOCLR_SET_AND_LEAVE(NmStatus(nm_close(I4(stack, 0))));
    NANOCLR_NOCLEANUP();
}

// void SetAesKey(int h, byte[] key, int off, int len)
static HRESULT SetAesKey___STATIC__VOID__I4__SZARRAY_U1__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    CLR_UINT8 *key;
    CLR_INT32 len = I4(stack, 3);
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg1(), I4(stack, 2), len, key));
    NANOCLR_SET_AND_LEAVE(NmStatus(nm_set_aes_key(I4(stack, 0), key, (size_t)len)));
    NANOCLR_NOCLEANUP();
}

// void SetHmacSha1Key(int h, byte[] key, int off, int len)
static HRESULT SetHmacSha1Key___STATIC__VOID__I4__SZARRAY_U1__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    CLR_UINT8 *key;
    CLR_INT32 len = I4(stack, 3);
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg1(), I4(stack, 2), len, key));
    NANOCLR_SET_AND_LEAVE(NmStatus(nm_set_hmac_sha1_key(I4(stack, 0), key, (size_t)len)));
    NANOCLR_NOCLEANUP();
}

static HRESULT NmAesBlocks(CLR_RT_StackFrame &stack, bool encrypt)
{
    NANOCLR_HEADER();
    CLR_UINT8 *src, *dst;
    CLR_INT32 len = I4(stack, 5);
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg1(), I4(stack, 2), len, src));
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg3(), I4(stack, 4), len, dst));
    NANOCLR_SET_AND_LEAVE(NmStatus(
        encrypt ? nm_aes_encrypt_blocks(I4(stack, 0), src, dst, (size_t)len)
                : nm_aes_decrypt_blocks(I4(stack, 0), src, dst, (size_t)len)));
    NANOCLR_NOCLEANUP();
}

// void AesEncryptBlocks(int h, byte[] src, int srcOff, byte[] dst, int dstOff, int len)
static HRESULT AesEncryptBlocks___STATIC__VOID__I4__SZARRAY_U1__I4__SZARRAY_U1__I4__I4(CLR_RT_StackFrame &stack)
{
    return NmAesBlocks(stack, true);
}

// void AesDecryptBlocks(int h, byte[] src, int srcOff, byte[] dst, int dstOff, int len)
static HRESULT AesDecryptBlocks___STATIC__VOID__I4__SZARRAY_U1__I4__SZARRAY_U1__I4__I4(CLR_RT_StackFrame &stack)
{
    return NmAesBlocks(stack, false);
}

// void AesCtrXor(int h, byte[] iv16, int ivOff, byte[] buf, int off, int len)
static HRESULT AesCtrXor___STATIC__VOID__I4__SZARRAY_U1__I4__SZARRAY_U1__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    CLR_UINT8 *iv, *buf;
    CLR_INT32 len = I4(stack, 5);
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg1(), I4(stack, 2), 16, iv));
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg3(), I4(stack, 4), len, buf));
    NANOCLR_SET_AND_LEAVE(NmStatus(nm_aes_ctr_xor(I4(stack, 0), iv, buf, (size_t)len)));
    NANOCLR_NOCLEANUP();
}

// SrtpProtect / SrtpUnprotect (int h, byte[] iv16, int ivOff, byte[] buf, int encOff, int encLen, int authOff,
// int authLen, bool appendRoc, int roc, int tagOff, int tagLen)
static HRESULT NmSrtp(CLR_RT_StackFrame &stack, bool protect)
{
    NANOCLR_HEADER();
    CLR_UINT8 *iv, *enc, *auth, *tag;
    CLR_INT32 encLen = I4(stack, 5), authLen = I4(stack, 7), tagLen = I4(stack, 11);
    bool appendRoc = stack.ArgN(8).NumericByRef().u1 != 0;
    CLR_UINT32 roc = stack.ArgN(9).NumericByRef().u4;
    int rc;
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg1(), I4(stack, 2), 16, iv));
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg3(), I4(stack, 4), encLen, enc));
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg3(), I4(stack, 6), authLen, auth));
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg3(), I4(stack, 10), tagLen, tag));
    rc = protect ? nm_srtp_protect(I4(stack, 0), iv, enc, (size_t)encLen, auth, (size_t)authLen, appendRoc ? 1 : 0, roc,
                                   tag, (size_t)tagLen)
                 : nm_srtp_unprotect(I4(stack, 0), iv, enc, (size_t)encLen, auth, (size_t)authLen, appendRoc ? 1 : 0,
                                     roc, tag, (size_t)tagLen);
    NANOCLR_CHECK_HRESULT(NmStatus(rc));
    if (!protect)
        stack.SetResult_I4(rc);
    NANOCLR_NOCLEANUP();
}

static HRESULT SrtpProtect___STATIC__VOID__I4__SZARRAY_U1__I4__SZARRAY_U1__I4__I4__I4__I4__BOOLEAN__I4__I4__I4(
    CLR_RT_StackFrame &stack)
{
    return NmSrtp(stack, true);
}

static HRESULT SrtpUnprotect___STATIC__I4__I4__SZARRAY_U1__I4__SZARRAY_U1__I4__I4__I4__I4__BOOLEAN__I4__I4__I4(
    CLR_RT_StackFrame &stack)
{
    return NmSrtp(stack, false);
}

// GcmSeal / GcmOpen (int h, byte[] iv, int ivOff, int ivLen, byte[] aad, int aadOff, int aadLen, byte[] buf, int off,
// int len, byte[] tag, int tagOff, int tagLen)
static HRESULT NmGcm(CLR_RT_StackFrame &stack, bool seal)
{
    NANOCLR_HEADER();
    CLR_UINT8 *iv, *aad, *buf, *tag;
    CLR_INT32 ivLen = I4(stack, 3), aadLen = I4(stack, 6), len = I4(stack, 9), tagLen = I4(stack, 12);
    int rc;
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg1(), I4(stack, 2), ivLen, iv));
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg4(), I4(stack, 5), aadLen, aad, true));
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg7(), I4(stack, 8), len, buf));
    NANOCLR_CHECK_HRESULT(NmRange(stack.ArgN(10), I4(stack, 11), tagLen, tag));
    rc = seal ? nm_gcm_seal(I4(stack, 0), iv, (size_t)ivLen, aad, (size_t)aadLen, buf, (size_t)len, tag, (size_t)tagLen)
              : nm_gcm_open(I4(stack, 0), iv, (size_t)ivLen, aad, (size_t)aadLen, buf, (size_t)len, tag, (size_t)tagLen);
    NANOCLR_CHECK_HRESULT(NmStatus(rc));
    if (!seal)
        stack.SetResult_I4(rc);
    NANOCLR_NOCLEANUP();
}

static HRESULT GcmSeal___STATIC__VOID__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4__I4(
    CLR_RT_StackFrame &stack)
{
    return NmGcm(stack, true);
}

static HRESULT GcmOpen___STATIC__I4__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4__I4(
    CLR_RT_StackFrame &stack)
{
    return NmGcm(stack, false);
}

// void HmacSha1Keyed(int h, byte[] data, int off, int len, byte[] mac, int macOff, int macLen)
static HRESULT HmacSha1Keyed___STATIC__VOID__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    CLR_UINT8 *data, *mac;
    CLR_INT32 len = I4(stack, 3), macLen = I4(stack, 6);
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg1(), I4(stack, 2), len, data));
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg4(), I4(stack, 5), macLen, mac));
    NANOCLR_SET_AND_LEAVE(NmStatus(nm_hmac_sha1_keyed(I4(stack, 0), data, (size_t)len, mac, (size_t)macLen)));
    NANOCLR_NOCLEANUP();
}

// HmacSha1 / HmacSha256 (byte[] key, int keyOff, int keyLen, byte[] data, int off, int len, byte[] mac, int macOff)
static HRESULT NmHmac(CLR_RT_StackFrame &stack, bool sha256)
{
    NANOCLR_HEADER();
    CLR_UINT8 *key, *data, *mac;
    CLR_INT32 keyLen = I4(stack, 2), len = I4(stack, 5);
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg0(), I4(stack, 1), keyLen, key));
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg3(), I4(stack, 4), len, data));
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg6(), I4(stack, 7), sha256 ? 32 : 20, mac));
    NANOCLR_SET_AND_LEAVE(NmStatus(sha256 ? nm_hmac_sha256(key, (size_t)keyLen, data, (size_t)len, mac)
                                          : nm_hmac_sha1(key, (size_t)keyLen, data, (size_t)len, mac)));
    NANOCLR_NOCLEANUP();
}

static HRESULT HmacSha1___STATIC__VOID__SZARRAY_U1__I4__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4(CLR_RT_StackFrame &stack)
{
    return NmHmac(stack, false);
}

static HRESULT HmacSha256___STATIC__VOID__SZARRAY_U1__I4__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4(CLR_RT_StackFrame &stack)
{
    return NmHmac(stack, true);
}

// void Sha256(byte[] data, int off, int len, byte[] digest, int digestOff)
static HRESULT Sha256___STATIC__VOID__SZARRAY_U1__I4__I4__SZARRAY_U1__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    CLR_UINT8 *data, *digest;
    CLR_INT32 len = I4(stack, 2);
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg0(), I4(stack, 1), len, data));
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg3(), I4(stack, 4), 32, digest));
    NANOCLR_SET_AND_LEAVE(NmStatus(nm_sha256(data, (size_t)len, digest)));
    NANOCLR_NOCLEANUP();
}

// void MikeyPrf(byte[] inkey, int inkeyOff, int inkeyLen, byte[] label, int labelOff, int labelLen, byte[] output,
// int outOff, int outLen)
static HRESULT MikeyPrf___STATIC__VOID__SZARRAY_U1__I4__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    CLR_UINT8 *inkey, *label, *out;
    CLR_INT32 inkeyLen = I4(stack, 2), labelLen = I4(stack, 5), outLen = I4(stack, 8);
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg0(), I4(stack, 1), inkeyLen, inkey));
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg3(), I4(stack, 4), labelLen, label));
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg6(), I4(stack, 7), outLen, out));
    NANOCLR_SET_AND_LEAVE(
        NmStatus(nm_mikey_prf(inkey, (size_t)inkeyLen, label, (size_t)labelLen, out, (size_t)outLen)));
    NANOCLR_NOCLEANUP();
}

// int P256PublicKey(byte[] priv, int privOff, byte[] pub, int pubOff)
static HRESULT P256PublicKey___STATIC__I4__SZARRAY_U1__I4__SZARRAY_U1__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    CLR_UINT8 *priv, *pub;
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg0(), I4(stack, 1), 32, priv));
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg2(), I4(stack, 3), 65, pub));
    stack.SetResult_I4(nm_p256_public_key(priv, pub));
    NANOCLR_NOCLEANUP();
}

// int P256Ecdh(byte[] priv, int privOff, byte[] peer, int peerOff, int peerLen, byte[] secret, int secretOff)
static HRESULT P256Ecdh___STATIC__I4__SZARRAY_U1__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    CLR_UINT8 *priv, *peer, *secret;
    CLR_INT32 peerLen = I4(stack, 4);
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg0(), I4(stack, 1), 32, priv));
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg2(), I4(stack, 3), peerLen, peer));
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg5(), I4(stack, 6), 32, secret));
    stack.SetResult_I4(nm_p256_ecdh(priv, peer, (size_t)peerLen, secret));
    NANOCLR_NOCLEANUP();
}

// int P256Sign(byte[] priv, int privOff, byte[] hash, int hashOff, int hashLen, byte[] extra, int extraOff,
// int extraLen, byte[] sig, int sigOff)
static HRESULT P256Sign___STATIC__I4__SZARRAY_U1__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4(
    CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    CLR_UINT8 *priv, *hash, *extra, *sig;
    CLR_INT32 hashLen = I4(stack, 4), extraLen = I4(stack, 7);
    int rc;
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg0(), I4(stack, 1), 32, priv));
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg2(), I4(stack, 3), hashLen, hash));
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg5(), I4(stack, 6), extraLen, extra, true));
    NANOCLR_CHECK_HRESULT(NmRange(stack.ArgN(8), I4(stack, 9), 64, sig));
    rc = nm_p256_sign(priv, hash, (size_t)hashLen, extra, (size_t)extraLen, sig);
    NANOCLR_CHECK_HRESULT(NmStatus(rc));
    stack.SetResult_I4(rc);
    NANOCLR_NOCLEANUP();
}

// int P256Verify(byte[] pub, int pubOff, int pubLen, byte[] hash, int hashOff, int hashLen, byte[] sig, int sigOff,
// int sigLen)
static HRESULT P256Verify___STATIC__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    CLR_UINT8 *pub, *hash, *sig;
    CLR_INT32 pubLen = I4(stack, 2), hashLen = I4(stack, 5), sigLen = I4(stack, 8);
    int rc;
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg0(), I4(stack, 1), pubLen, pub));
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg3(), I4(stack, 4), hashLen, hash));
    NANOCLR_CHECK_HRESULT(NmRange(stack.Arg6(), I4(stack, 7), sigLen, sig));
    rc = nm_p256_verify(pub, (size_t)pubLen, hash, (size_t)hashLen, sig, (size_t)sigLen);
    NANOCLR_CHECK_HRESULT(NmStatus(rc));
    stack.SetResult_I4(rc);
    NANOCLR_NOCLEANUP();
}

// clang-format off

// One slot per method of NanoMikey.Esp32.NativeCrypto1.pe in its metadata order (nanoCLR tokens 0x06000000.. in the
// .pdbx; HasByteCode=false marks the externs). check-checksum.sh verifies this order against the .pdbx and
// NativeCryptoPack.cs.
static const CLR_RT_MethodHandler method_lookup[] =
{
    NULL, // 0: a compiler-generated attribute .ctor (IL)
    Open___STATIC__I4,
    Close___STATIC__VOID__I4,
    SetAesKey___STATIC__VOID__I4__SZARRAY_U1__I4__I4,
    SetHmacSha1Key___STATIC__VOID__I4__SZARRAY_U1__I4__I4,
    AesEncryptBlocks___STATIC__VOID__I4__SZARRAY_U1__I4__SZARRAY_U1__I4__I4,
    AesDecryptBlocks___STATIC__VOID__I4__SZARRAY_U1__I4__SZARRAY_U1__I4__I4,
    AesCtrXor___STATIC__VOID__I4__SZARRAY_U1__I4__SZARRAY_U1__I4__I4,
    SrtpProtect___STATIC__VOID__I4__SZARRAY_U1__I4__SZARRAY_U1__I4__I4__I4__I4__BOOLEAN__I4__I4__I4,
    SrtpUnprotect___STATIC__I4__I4__SZARRAY_U1__I4__SZARRAY_U1__I4__I4__I4__I4__BOOLEAN__I4__I4__I4,
    GcmSeal___STATIC__VOID__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4__I4,
    GcmOpen___STATIC__I4__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4__I4,
    HmacSha1Keyed___STATIC__VOID__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4__I4,
    HmacSha1___STATIC__VOID__SZARRAY_U1__I4__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4,
    HmacSha256___STATIC__VOID__SZARRAY_U1__I4__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4,
    Sha256___STATIC__VOID__SZARRAY_U1__I4__I4__SZARRAY_U1__I4,
    MikeyPrf___STATIC__VOID__SZARRAY_U1__I4__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4__I4,
    P256PublicKey___STATIC__I4__SZARRAY_U1__I4__SZARRAY_U1__I4,
    P256Ecdh___STATIC__I4__SZARRAY_U1__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4,
    P256Sign___STATIC__I4__SZARRAY_U1__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4,
    P256Verify___STATIC__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4__I4__SZARRAY_U1__I4__I4,
};

extern const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_NanoMikey_Esp32_NativeCrypto1; // '.' -> '_'
const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_NanoMikey_Esp32_NativeCrypto1 =
{
    NM_PACK_ASSEMBLY,           // "NanoMikey.Esp32.NativeCrypto1" (nm_pack.h)
    NM_PACK_CHECKSUM,           // the uint32 at offset 0x14 of NanoMikey.Esp32.NativeCrypto1.pe (nm_pack.h)
    method_lookup,
    { NM_PACK_NATIVE_VERSION_MAJOR, NM_PACK_NATIVE_VERSION_MINOR, NM_PACK_NATIVE_VERSION_BUILD, NM_PACK_NATIVE_VERSION_REVISION }
};

// clang-format on
