/*
 * nanoMikey native crypto pack: the plain C core over mbedTLS (issue 15). The nanoCLR glue
 * (../NanoMikey.Esp32.NativeCrypto1/) and the P/Invoke tests (tests/NativeCore.Tests) call these same functions.
 *
 * Rules: C99, no malloc in the symmetric paths (contexts live in static slots or on the stack); mbedTLS bignums
 * (P-256) allocate inside mbedTLS and free before returning. Inputs are already range-checked by the caller (glue).
 * Negative return values are caller bugs (the glue maps them to exceptions); 0/1 results are protocol outcomes.
 */
#ifndef NM_CORE_H
#define NM_CORE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define NM_API __declspec(dllexport)
#else
#define NM_API __attribute__((visibility("default")))
#endif

/* Context slots in static storage (each ~1.3 KB with mbedTLS 2.28: AES enc/dec schedules, GCM tables, two SHA-1 states). */
#define NM_SLOT_COUNT 16

/* Caller-bug codes (glue: ArgumentException, InvalidOperationException, or a generic failure). */
#define NM_E_HANDLE (-1) /* not a handle from nm_open, or closed */
#define NM_E_LENGTH (-2) /* a length outside what the function accepts (key size, block multiple, tag length...) */
#define NM_E_NOKEY (-3)  /* cipher or MAC used before its key was set */
#define NM_E_FAIL (-4)   /* mbedTLS reported an error (should not happen; out of memory on a device) */

/* P-256 results (NativeCryptoPack.P256*). */
#define NM_P256_OK 0
#define NM_P256_BAD_PRIVATE 1
#define NM_P256_BAD_POINT 2
#define NM_P256_FAIL 3

/* Slots. */
NM_API int nm_open(void);                                     /* handle >= 0, or -1 when full */
NM_API int nm_close(int h);                                   /* 0, or NM_E_HANDLE */
NM_API int nm_set_aes_key(int h, const uint8_t *key, size_t len);        /* 16/24/32 */
NM_API int nm_set_hmac_sha1_key(int h, const uint8_t *key, size_t len);

/* AES with the slot's key. */
NM_API int nm_aes_encrypt_blocks(int h, const uint8_t *src, uint8_t *dst, size_t len);
NM_API int nm_aes_decrypt_blocks(int h, const uint8_t *src, uint8_t *dst, size_t len);
NM_API int nm_aes_ctr_xor(int h, const uint8_t *iv16, uint8_t *buf, size_t len);

/* SRTP/SRTCP AES-CM + HMAC-SHA-1 (RFC 3711 §3.3, §3.4, §4.1.1, §4.2). nm_srtp_unprotect: 1 ok, 0 tag mismatch. */
NM_API int nm_srtp_protect(int h, const uint8_t *iv16, uint8_t *enc, size_t enc_len, const uint8_t *auth,
                           size_t auth_len, int append_roc, uint32_t roc, uint8_t *tag, size_t tag_len);
NM_API int nm_srtp_unprotect(int h, const uint8_t *iv16, uint8_t *enc, size_t enc_len, const uint8_t *auth,
                             size_t auth_len, int append_roc, uint32_t roc, const uint8_t *tag, size_t tag_len);

/* AES-GCM with the slot's key (SP 800-38D; RFC 7714). nm_gcm_open: 1 ok, 0 tag mismatch (buf unchanged). */
NM_API int nm_gcm_seal(int h, const uint8_t *iv, size_t iv_len, const uint8_t *aad, size_t aad_len, uint8_t *buf,
                       size_t len, uint8_t *tag, size_t tag_len);
NM_API int nm_gcm_open(int h, const uint8_t *iv, size_t iv_len, const uint8_t *aad, size_t aad_len, uint8_t *buf,
                       size_t len, const uint8_t *tag, size_t tag_len);

/* HMAC with the slot's cached HMAC-SHA-1 key, truncated to mac_len (0..20). */
NM_API int nm_hmac_sha1_keyed(int h, const uint8_t *data, size_t len, uint8_t *mac, size_t mac_len);

/* Stateless hashes and MACs (RFC 2104, RFC 2202, RFC 4231, FIPS 180-4). Outputs may overlap inputs. */
NM_API int nm_hmac_sha1(const uint8_t *key, size_t key_len, const uint8_t *data, size_t len, uint8_t mac[20]);
NM_API int nm_hmac_sha256(const uint8_t *key, size_t key_len, const uint8_t *data, size_t len, uint8_t mac[32]);
NM_API int nm_sha256(const uint8_t *data, size_t len, uint8_t digest[32]);

/* MIKEY PRF (RFC 3830 §4.1.2, P-SHA1 of §4.1.3's label); inkey_len >= 1, out_len >= 1; out must not overlap inputs. */
NM_API int nm_mikey_prf(const uint8_t *inkey, size_t inkey_len, const uint8_t *label, size_t label_len, uint8_t *out,
                        size_t out_len);

/* P-256 (SEC 1). Returns NM_P256_*; outputs written only on NM_P256_OK. */
NM_API int nm_p256_public_key(const uint8_t priv[32], uint8_t pub[65]);
NM_API int nm_p256_ecdh(const uint8_t priv[32], const uint8_t *peer, size_t peer_len, uint8_t secret[32]);
NM_API int nm_p256_sign(const uint8_t priv[32], const uint8_t *hash, size_t hash_len, const uint8_t *extra,
                        size_t extra_len, uint8_t sig[64]);
/* 1 valid, 0 not. */
NM_API int nm_p256_verify(const uint8_t *pub, size_t pub_len, const uint8_t *hash, size_t hash_len, const uint8_t *sig,
                          size_t sig_len);

/* The probe's text (NanoMikey.Esp32.Native.Probe.NativeProbe.Describe): bytes written, or -(bytes needed) when room is
   too small (nothing written). */
NM_API int nm_describe(uint8_t *out, size_t room);

#ifdef __cplusplus
}
#endif

#endif
