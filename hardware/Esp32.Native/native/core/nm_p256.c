/*
 * P-256 over mbedTLS's ECP module: public key, ECDH with peer validation, RFC 6979 (hedged, §3.6) ECDSA signing and
 * verification. mbedTLS bignums allocate internally (mbedtls_calloc) and are freed (and zeroized) before returning.
 */
#include <string.h>

#include <mbedtls/bignum.h>
#include <mbedtls/ecdh.h>
#include <mbedtls/ecdsa.h>
#include <mbedtls/ecp.h>

#include "nm_internal.h"

/*
 * HMAC_DRBG with HMAC-SHA-256 exactly as RFC 6979 §3.2 steps b-h run it (also SP 800-90A HMAC_DRBG with no reseed).
 * Used for the signature nonce and, seeded with a separate label, as the deterministic blinding RNG mbedTLS's scalar
 * multiplication needs (mbedTLS 2.28 without an RNG derives one from the secret the same way; 3.x requires one).
 */
typedef struct
{
    uint8_t k[32];
    uint8_t v[32];
    int first;
} nm_drbg;

static int nm_drbg_hmac(nm_drbg *d, const uint8_t *sep, const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len,
                        const uint8_t *c, size_t c_len, uint8_t out[32])
{
    const uint8_t *parts[5] = {d->v, sep, a, b, c};
    size_t lens[5] = {32, sep != NULL ? 1u : 0u, a_len, b_len, c_len};
    return nm_hmac_sha256_parts(d->k, 32, parts, lens, 5, out);
}

/* Steps b-g: V = 0x01 01 ..., K = 0x00 00 ..., K = HMAC_K(V || 0x00 || a || b || c), V = HMAC_K(V),
   K = HMAC_K(V || 0x01 || a || b || c), V = HMAC_K(V). For the nonce a = int2octets(x), b = bits2octets(h1), c = k'. */
static int nm_drbg_seed(nm_drbg *d, const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len, const uint8_t *c,
                        size_t c_len)
{
    static const uint8_t zero = 0x00, one = 0x01;
    int rc = 0;
    memset(d->v, 0x01, 32);
    memset(d->k, 0x00, 32);
    rc |= nm_drbg_hmac(d, &zero, a, a_len, b, b_len, c, c_len, d->k);
    rc |= nm_drbg_hmac(d, NULL, NULL, 0, NULL, 0, NULL, 0, d->v);
    rc |= nm_drbg_hmac(d, &one, a, a_len, b, b_len, c, c_len, d->k);
    rc |= nm_drbg_hmac(d, NULL, NULL, 0, NULL, 0, NULL, 0, d->v);
    d->first = 1;
    return rc;
}

/* Step h: the next 256-bit candidate. After a candidate (used or rejected) K = HMAC_K(V || 0x00), V = HMAC_K(V) first. */
static int nm_drbg_next(nm_drbg *d, uint8_t out[32])
{
    static const uint8_t zero = 0x00;
    int rc = 0;
    if (!d->first)
    {
        rc |= nm_drbg_hmac(d, &zero, NULL, 0, NULL, 0, NULL, 0, d->k);
        rc |= nm_drbg_hmac(d, NULL, NULL, 0, NULL, 0, NULL, 0, d->v);
    }
    d->first = 0;
    rc |= nm_drbg_hmac(d, NULL, NULL, 0, NULL, 0, NULL, 0, d->v);
    memcpy(out, d->v, 32);
    return rc;
}

/* f_rng for mbedTLS (blinding only). */
static int nm_drbg_rng(void *ctx, unsigned char *out, size_t len)
{
    nm_drbg *d = (nm_drbg *)ctx;
    uint8_t block[32];
    while (len > 0)
    {
        size_t n = len > 32 ? 32 : len;
        if (nm_drbg_next(d, block) != 0)
            return MBEDTLS_ERR_ECP_RANDOM_FAILED;
        memcpy(out, block, n);
        out += n;
        len -= n;
    }
    mbedtls_platform_zeroize(block, sizeof(block));
    return 0;
}

static const uint8_t nm_blind_label[] = {'n', 'm', '-', 'b', 'l', 'i', 'n', 'd'};

/* SEC 1 §3.2.2.1 public key validation: exactly 65 bytes 04 || X || Y, X and Y < p, on the curve, not infinity. */
static int nm_read_point(mbedtls_ecp_group *grp, mbedtls_ecp_point *q, const uint8_t *p, size_t len)
{
    if (len != 65 || p[0] != 0x04)
        return -1;
    if (mbedtls_ecp_point_read_binary(grp, q, p, len) != 0)
        return -1;
    if (mbedtls_ecp_check_pubkey(grp, q) != 0)
        return -1;
    return 0;
}

/* d in [1, n-1] (SEC 1 §3.2.1), read in constant time by mbedTLS. */
static int nm_read_private(mbedtls_ecp_group *grp, mbedtls_mpi *d, const uint8_t priv[32])
{
    if (mbedtls_mpi_read_binary(d, priv, 32) != 0)
        return -1;
    return mbedtls_ecp_check_privkey(grp, d) == 0 ? 0 : -1;
}

int nm_p256_public_key(const uint8_t priv[32], uint8_t pub[65])
{
    mbedtls_ecp_group grp;
    mbedtls_mpi d;
    mbedtls_ecp_point q;
    nm_drbg blind;
    uint8_t out[65];
    size_t olen = 0;
    int result = NM_P256_FAIL;
    mbedtls_ecp_group_init(&grp);
    mbedtls_mpi_init(&d);
    mbedtls_ecp_point_init(&q);
    if (mbedtls_ecp_group_load(&grp, MBEDTLS_ECP_DP_SECP256R1) != 0)
        goto done;
    if (nm_read_private(&grp, &d, priv) != 0)
    {
        result = NM_P256_BAD_PRIVATE;
        goto done;
    }
    if (nm_drbg_seed(&blind, priv, 32, nm_blind_label, sizeof(nm_blind_label), NULL, 0) != 0)
        goto done;
    if (mbedtls_ecp_mul(&grp, &q, &d, &grp.G, nm_drbg_rng, &blind) != 0)
        goto done;
    if (mbedtls_ecp_point_write_binary(&grp, &q, MBEDTLS_ECP_PF_UNCOMPRESSED, &olen, out, sizeof(out)) != 0 || olen != 65)
        goto done;
    memcpy(pub, out, 65);
    result = NM_P256_OK;
done:
    mbedtls_platform_zeroize(&blind, sizeof(blind));
    mbedtls_ecp_point_free(&q);
    mbedtls_mpi_free(&d);
    mbedtls_ecp_group_free(&grp);
    return result;
}

int nm_p256_ecdh(const uint8_t priv[32], const uint8_t *peer, size_t peer_len, uint8_t secret[32])
{
    mbedtls_ecp_group grp;
    mbedtls_mpi d, z;
    mbedtls_ecp_point q;
    nm_drbg blind;
    uint8_t out[32];
    int result = NM_P256_FAIL;
    mbedtls_ecp_group_init(&grp);
    mbedtls_mpi_init(&d);
    mbedtls_mpi_init(&z);
    mbedtls_ecp_point_init(&q);
    if (mbedtls_ecp_group_load(&grp, MBEDTLS_ECP_DP_SECP256R1) != 0)
        goto done;
    if (nm_read_private(&grp, &d, priv) != 0)
    {
        result = NM_P256_BAD_PRIVATE;
        goto done;
    }
    if (nm_read_point(&grp, &q, peer, peer_len) != 0)
    {
        result = NM_P256_BAD_POINT;
        goto done;
    }
    if (nm_drbg_seed(&blind, priv, 32, nm_blind_label, sizeof(nm_blind_label), peer, peer_len) != 0)
        goto done;
    /* SEC 1 §3.3.1: z = x(dQ); mbedTLS fails when dQ is the point at infinity */
    if (mbedtls_ecdh_compute_shared(&grp, &z, &q, &d, nm_drbg_rng, &blind) != 0)
        goto done;
    if (mbedtls_mpi_write_binary(&z, out, 32) != 0)
        goto done;
    memcpy(secret, out, 32);
    result = NM_P256_OK;
done:
    mbedtls_platform_zeroize(out, sizeof(out));
    mbedtls_platform_zeroize(&blind, sizeof(blind));
    mbedtls_ecp_point_free(&q);
    mbedtls_mpi_free(&z);
    mbedtls_mpi_free(&d);
    mbedtls_ecp_group_free(&grp);
    return result;
}

/* e = bits2int(H) mod n (SEC 1 §4.1.3 step 5, RFC 6979 §2.3.2): the leftmost 256 bits, a shorter hash as its value. */
static int nm_hash_to_e(const mbedtls_ecp_group *grp, const uint8_t *hash, size_t hash_len, mbedtls_mpi *e)
{
    int rc = mbedtls_mpi_read_binary(e, hash, hash_len > 32 ? 32 : hash_len);
    if (rc == 0 && mbedtls_mpi_cmp_mpi(e, &grp->N) >= 0)
        rc = mbedtls_mpi_sub_mpi(e, e, &grp->N); /* 2^256 < 2n: one subtraction */
    return rc;
}

int nm_p256_sign(const uint8_t priv[32], const uint8_t *hash, size_t hash_len, const uint8_t *extra, size_t extra_len,
                 uint8_t sig[64])
{
    if (hash_len == 0 || hash_len > 64 || extra_len > 256)
        return NM_E_LENGTH;
    mbedtls_ecp_group grp;
    mbedtls_mpi d, e, k, r, s, t, kinv;
    mbedtls_ecp_point pt;
    nm_drbg nonce, blind;
    uint8_t h1[32], kb[32], point[65], out[64];
    size_t olen;
    int result = NM_P256_FAIL;
    mbedtls_ecp_group_init(&grp);
    mbedtls_mpi_init(&d);
    mbedtls_mpi_init(&e);
    mbedtls_mpi_init(&k);
    mbedtls_mpi_init(&r);
    mbedtls_mpi_init(&s);
    mbedtls_mpi_init(&t);
    mbedtls_mpi_init(&kinv);
    mbedtls_ecp_point_init(&pt);
    if (mbedtls_ecp_group_load(&grp, MBEDTLS_ECP_DP_SECP256R1) != 0)
        goto done;
    if (nm_read_private(&grp, &d, priv) != 0)
    {
        result = NM_P256_BAD_PRIVATE;
        goto done;
    }
    if (nm_hash_to_e(&grp, hash, hash_len, &e) != 0 || mbedtls_mpi_write_binary(&e, h1, 32) != 0)
        goto done;
    /* RFC 6979 §3.2 b-g with §3.6's k' appended: seeded with int2octets(x) || bits2octets(h1) || k' */
    if (nm_drbg_seed(&nonce, priv, 32, h1, 32, extra, extra_len) != 0)
        goto done;
    if (nm_drbg_seed(&blind, priv, 32, nm_blind_label, sizeof(nm_blind_label), h1, 32) != 0)
        goto done;
    for (int tries = 0; tries < 64; tries++)
    {
        /* Step h: k = bits2int(T) (qlen = hlen = 256: one block), accepted when 1 <= k <= n-1 */
        if (nm_drbg_next(&nonce, kb) != 0 || mbedtls_mpi_read_binary(&k, kb, 32) != 0)
            goto done;
        if (mbedtls_mpi_cmp_int(&k, 1) < 0 || mbedtls_mpi_cmp_mpi(&k, &grp.N) >= 0)
            continue;
        /* SEC 1 §4.1.3 steps 1-3: R = kG, r = x(R) mod n */
        if (mbedtls_ecp_mul(&grp, &pt, &k, &grp.G, nm_drbg_rng, &blind) != 0)
            goto done;
        if (mbedtls_ecp_point_write_binary(&grp, &pt, MBEDTLS_ECP_PF_UNCOMPRESSED, &olen, point, sizeof(point)) != 0 ||
            olen != 65)
            goto done;
        if (mbedtls_mpi_read_binary(&r, point + 1, 32) != 0 || mbedtls_mpi_mod_mpi(&r, &r, &grp.N) != 0)
            goto done;
        if (mbedtls_mpi_cmp_int(&r, 0) == 0)
            continue;
        /* Step 6: s = k^-1 (e + r d) mod n, computed as ((e + r d) t) / (k t) with a blinding t (as mbedTLS does) */
        if (mbedtls_ecp_gen_privkey(&grp, &t, nm_drbg_rng, &blind) != 0)
            goto done;
        if (mbedtls_mpi_mul_mpi(&s, &r, &d) != 0 || mbedtls_mpi_add_mpi(&s, &s, &e) != 0 ||
            mbedtls_mpi_mod_mpi(&s, &s, &grp.N) != 0 || mbedtls_mpi_mul_mpi(&s, &s, &t) != 0 ||
            mbedtls_mpi_mod_mpi(&s, &s, &grp.N) != 0 || mbedtls_mpi_mul_mpi(&kinv, &k, &t) != 0 ||
            mbedtls_mpi_mod_mpi(&kinv, &kinv, &grp.N) != 0 || mbedtls_mpi_inv_mod(&kinv, &kinv, &grp.N) != 0 ||
            mbedtls_mpi_mul_mpi(&s, &s, &kinv) != 0 || mbedtls_mpi_mod_mpi(&s, &s, &grp.N) != 0)
            goto done;
        if (mbedtls_mpi_cmp_int(&s, 0) == 0)
            continue;
        if (mbedtls_mpi_write_binary(&r, out, 32) != 0 || mbedtls_mpi_write_binary(&s, out + 32, 32) != 0)
            goto done;
        memcpy(sig, out, 64);
        result = NM_P256_OK;
        break;
    }
done:
    mbedtls_platform_zeroize(&nonce, sizeof(nonce));
    mbedtls_platform_zeroize(&blind, sizeof(blind));
    mbedtls_platform_zeroize(kb, sizeof(kb));
    mbedtls_platform_zeroize(h1, sizeof(h1));
    mbedtls_ecp_point_free(&pt);
    mbedtls_mpi_free(&kinv);
    mbedtls_mpi_free(&t);
    mbedtls_mpi_free(&s);
    mbedtls_mpi_free(&r);
    mbedtls_mpi_free(&k);
    mbedtls_mpi_free(&e);
    mbedtls_mpi_free(&d);
    mbedtls_ecp_group_free(&grp);
    return result;
}

int nm_p256_verify(const uint8_t *pub, size_t pub_len, const uint8_t *hash, size_t hash_len, const uint8_t *sig,
                   size_t sig_len)
{
    if (hash_len == 0 || hash_len > 64)
        return NM_E_LENGTH;
    mbedtls_ecp_group grp;
    mbedtls_ecp_point q;
    mbedtls_mpi r, s;
    int valid = 0;
    mbedtls_ecp_group_init(&grp);
    mbedtls_ecp_point_init(&q);
    mbedtls_mpi_init(&r);
    mbedtls_mpi_init(&s);
    if (sig_len != 64 || mbedtls_ecp_group_load(&grp, MBEDTLS_ECP_DP_SECP256R1) != 0)
        goto done;
    if (nm_read_point(&grp, &q, pub, pub_len) != 0)
        goto done;
    if (mbedtls_mpi_read_binary(&r, sig, 32) != 0 || mbedtls_mpi_read_binary(&s, sig + 32, 32) != 0)
        goto done;
    /* SEC 1 §4.1.4: mbedTLS rejects r, s outside [1, n-1] and truncates the hash to 256 bits */
    valid = mbedtls_ecdsa_verify(&grp, hash, hash_len, &q, &r, &s) == 0 ? 1 : 0;
done:
    mbedtls_mpi_free(&s);
    mbedtls_mpi_free(&r);
    mbedtls_ecp_point_free(&q);
    mbedtls_ecp_group_free(&grp);
    return valid;
}
