/* Internal helpers shared by the core's files (not part of the glue's or the tests' API). */
#ifndef NM_INTERNAL_H
#define NM_INTERNAL_H

#include "nm_core.h"
#include "nm_mbedtls.h"

/* HMAC-SHA-1 with the key absorbed once: the SHA-1 states after K^ipad and K^opad (RFC 2104). */
typedef struct
{
    mbedtls_sha1_context inner;
    mbedtls_sha1_context outer;
} nm_hmac_sha1_state;

void nm_hmac_sha1_state_init(nm_hmac_sha1_state *st);
void nm_hmac_sha1_state_free(nm_hmac_sha1_state *st);
int nm_hmac_sha1_state_setkey(nm_hmac_sha1_state *st, const uint8_t *key, size_t key_len);
/* HMAC over a || b (b may be NULL), full 20-byte result. */
int nm_hmac_sha1_state_mac(const nm_hmac_sha1_state *st, const uint8_t *a, size_t a_len, const uint8_t *b,
                           size_t b_len, uint8_t out[20]);

/* HMAC-SHA-256 over the concatenation of up to n parts (NULL parts skipped). */
int nm_hmac_sha256_parts(const uint8_t *key, size_t key_len, const uint8_t *const *parts, const size_t *lens, int n,
                         uint8_t out[32]);

/* 1 when a[0..n) == b[0..n), 0 otherwise, in time independent of the contents. */
int nm_ct_equal(const uint8_t *a, const uint8_t *b, size_t n);

#endif
