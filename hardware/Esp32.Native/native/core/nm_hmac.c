/* HMAC-SHA-1 / HMAC-SHA-256 (RFC 2104) on stack SHA contexts (mbedtls_md_hmac would malloc), SHA-256, the MIKEY PRF. */
#include <string.h>

#include "nm_internal.h"

int nm_ct_equal(const uint8_t *a, const uint8_t *b, size_t n)
{
    volatile uint8_t diff = 0;
    for (size_t i = 0; i < n; i++)
        diff |= (uint8_t)(a[i] ^ b[i]);
    /* 1 when diff == 0, without a data-dependent branch */
    return (int)(1u & (((uint32_t)diff - 1u) >> 8));
}

void nm_hmac_sha1_state_init(nm_hmac_sha1_state *st)
{
    mbedtls_sha1_init(&st->inner);
    mbedtls_sha1_init(&st->outer);
}

void nm_hmac_sha1_state_free(nm_hmac_sha1_state *st)
{
    mbedtls_sha1_free(&st->inner); /* zeroizes */
    mbedtls_sha1_free(&st->outer);
}

int nm_hmac_sha1_state_setkey(nm_hmac_sha1_state *st, const uint8_t *key, size_t key_len)
{
    uint8_t k0[64], pad[64];
    int rc = 0;
    memset(k0, 0, sizeof(k0));
    if (key_len > 64)
    {
        /* RFC 2104 §2: keys longer than B are hashed first */
        mbedtls_sha1_context h;
        mbedtls_sha1_init(&h);
        rc |= NM_SHA1_STARTS(&h);
        rc |= NM_SHA1_UPDATE(&h, key, key_len);
        rc |= NM_SHA1_FINISH(&h, k0);
        mbedtls_sha1_free(&h);
    }
    else if (key_len > 0)
    {
        memcpy(k0, key, key_len);
    }
    for (int i = 0; i < 64; i++)
        pad[i] = (uint8_t)(k0[i] ^ 0x36);
    rc |= NM_SHA1_STARTS(&st->inner);
    rc |= NM_SHA1_UPDATE(&st->inner, pad, 64);
    for (int i = 0; i < 64; i++)
        pad[i] = (uint8_t)(k0[i] ^ 0x5c);
    rc |= NM_SHA1_STARTS(&st->outer);
    rc |= NM_SHA1_UPDATE(&st->outer, pad, 64);
    mbedtls_platform_zeroize(k0, sizeof(k0));
    mbedtls_platform_zeroize(pad, sizeof(pad));
    return rc == 0 ? 0 : NM_E_FAIL;
}

int nm_hmac_sha1_state_mac(const nm_hmac_sha1_state *st, const uint8_t *a, size_t a_len, const uint8_t *b,
                           size_t b_len, uint8_t out[20])
{
    mbedtls_sha1_context c;
    uint8_t inner[20];
    int rc = 0;
    mbedtls_sha1_init(&c);
    mbedtls_sha1_clone(&c, &st->inner);
    rc |= NM_SHA1_UPDATE(&c, a, a_len);
    if (b != NULL && b_len > 0)
        rc |= NM_SHA1_UPDATE(&c, b, b_len);
    rc |= NM_SHA1_FINISH(&c, inner);
    mbedtls_sha1_clone(&c, &st->outer);
    rc |= NM_SHA1_UPDATE(&c, inner, 20);
    rc |= NM_SHA1_FINISH(&c, inner);
    mbedtls_sha1_free(&c);
    if (rc == 0)
        memcpy(out, inner, 20); /* written last: out may overlap a or b */
    mbedtls_platform_zeroize(inner, sizeof(inner));
    return rc == 0 ? 0 : NM_E_FAIL;
}

int nm_hmac_sha1(const uint8_t *key, size_t key_len, const uint8_t *data, size_t len, uint8_t mac[20])
{
    nm_hmac_sha1_state st;
    nm_hmac_sha1_state_init(&st);
    int rc = nm_hmac_sha1_state_setkey(&st, key, key_len);
    if (rc == 0)
        rc = nm_hmac_sha1_state_mac(&st, data, len, NULL, 0, mac);
    nm_hmac_sha1_state_free(&st);
    return rc;
}

int nm_hmac_sha256_parts(const uint8_t *key, size_t key_len, const uint8_t *const *parts, const size_t *lens, int n,
                         uint8_t out[32])
{
    uint8_t k0[64], pad[64], inner[32];
    mbedtls_sha256_context c;
    int rc = 0;
    memset(k0, 0, sizeof(k0));
    mbedtls_sha256_init(&c);
    if (key_len > 64)
    {
        rc |= NM_SHA256_STARTS(&c, 0);
        rc |= NM_SHA256_UPDATE(&c, key, key_len);
        rc |= NM_SHA256_FINISH(&c, k0);
    }
    else if (key_len > 0)
    {
        memcpy(k0, key, key_len);
    }
    for (int i = 0; i < 64; i++)
        pad[i] = (uint8_t)(k0[i] ^ 0x36);
    rc |= NM_SHA256_STARTS(&c, 0);
    rc |= NM_SHA256_UPDATE(&c, pad, 64);
    for (int i = 0; i < n; i++)
    {
        if (parts[i] != NULL && lens[i] > 0)
            rc |= NM_SHA256_UPDATE(&c, parts[i], lens[i]);
    }
    rc |= NM_SHA256_FINISH(&c, inner);
    for (int i = 0; i < 64; i++)
        pad[i] = (uint8_t)(k0[i] ^ 0x5c);
    rc |= NM_SHA256_STARTS(&c, 0);
    rc |= NM_SHA256_UPDATE(&c, pad, 64);
    rc |= NM_SHA256_UPDATE(&c, inner, 32);
    rc |= NM_SHA256_FINISH(&c, inner);
    mbedtls_sha256_free(&c);
    if (rc == 0)
        memcpy(out, inner, 32);
    mbedtls_platform_zeroize(k0, sizeof(k0));
    mbedtls_platform_zeroize(pad, sizeof(pad));
    mbedtls_platform_zeroize(inner, sizeof(inner));
    return rc == 0 ? 0 : NM_E_FAIL;
}

int nm_hmac_sha256(const uint8_t *key, size_t key_len, const uint8_t *data, size_t len, uint8_t mac[32])
{
    const uint8_t *parts[1] = {data};
    size_t lens[1] = {len};
    return nm_hmac_sha256_parts(key, key_len, parts, lens, 1, mac);
}

int nm_sha256(const uint8_t *data, size_t len, uint8_t digest[32])
{
    uint8_t d[32];
    mbedtls_sha256_context c;
    int rc = 0;
    mbedtls_sha256_init(&c);
    rc |= NM_SHA256_STARTS(&c, 0);
    rc |= NM_SHA256_UPDATE(&c, data, len);
    rc |= NM_SHA256_FINISH(&c, d);
    mbedtls_sha256_free(&c);
    if (rc == 0)
        memcpy(digest, d, 32);
    return rc == 0 ? 0 : NM_E_FAIL;
}

int nm_mikey_prf(const uint8_t *inkey, size_t inkey_len, const uint8_t *label, size_t label_len, uint8_t *out,
                 size_t out_len)
{
    if (inkey_len == 0 || out_len == 0)
        return NM_E_LENGTH;
    nm_hmac_sha1_state st;
    uint8_t a[20], block[20];
    int rc = 0;
    nm_hmac_sha1_state_init(&st);
    memset(out, 0, out_len);
    /* RFC 3830 §4.1.2: inkey in 256-bit pieces s_1..s_n (the last may be shorter); outkey = XOR of P(s_j, label, m) */
    for (size_t s = 0; s < inkey_len && rc == 0; s += 32)
    {
        size_t s_len = inkey_len - s > 32 ? 32 : inkey_len - s;
        rc |= nm_hmac_sha1_state_setkey(&st, inkey + s, s_len);
        /* P-SHA1: A_0 = label, A_i = HMAC(s, A_(i-1)), output block i = HMAC(s, A_i || label) */
        rc |= nm_hmac_sha1_state_mac(&st, label, label_len, NULL, 0, a);
        for (size_t done = 0; done < out_len && rc == 0; done += 20)
        {
            rc |= nm_hmac_sha1_state_mac(&st, a, 20, label, label_len, block);
            size_t take = out_len - done > 20 ? 20 : out_len - done;
            for (size_t i = 0; i < take; i++)
                out[done + i] ^= block[i];
            if (done + 20 < out_len)
                rc |= nm_hmac_sha1_state_mac(&st, a, 20, NULL, 0, a);
        }
    }
    nm_hmac_sha1_state_free(&st);
    mbedtls_platform_zeroize(a, sizeof(a));
    mbedtls_platform_zeroize(block, sizeof(block));
    if (rc != 0)
    {
        mbedtls_platform_zeroize(out, out_len);
        return NM_E_FAIL;
    }
    return 0;
}
