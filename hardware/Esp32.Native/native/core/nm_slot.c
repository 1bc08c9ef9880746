/*
 * Context slots (static storage, no malloc of ours) with cached AES schedules, GCM tables and HMAC-SHA-1 states, and the
 * per-packet transforms on them: AES-ECB, AES-CTR, SRTP AES-CM + HMAC-SHA-1, AES-GCM.
 */
#include <string.h>

#include "nm_internal.h"

typedef struct
{
    uint32_t serial; /* generation of the handle that owns the slot; 0 = free */
    int has_aes;
    int has_hmac;
    mbedtls_aes_context enc;
    mbedtls_aes_context dec;
    mbedtls_gcm_context gcm; /* mbedTLS 2.28 allocates its cipher context in mbedtls_gcm_setkey (once per key) */
    nm_hmac_sha1_state hmac;
} nm_slot;

static nm_slot nm_slots[NM_SLOT_COUNT];
static uint32_t nm_next_serial = 1;

/* Handle = serial << 4 | index (NM_SLOT_COUNT <= 16): a closed or reused slot's old handle is rejected. */
#define NM_SERIAL_MASK 0x07FFFFFFu

static nm_slot *nm_get(int h)
{
    if (h < 0)
        return NULL;
    uint32_t index = (uint32_t)h & 15u;
    uint32_t serial = (uint32_t)h >> 4;
    if (index >= NM_SLOT_COUNT || serial == 0 || nm_slots[index].serial != serial)
        return NULL;
    return &nm_slots[index];
}

int nm_open(void)
{
    for (int i = 0; i < NM_SLOT_COUNT; i++)
    {
        nm_slot *s = &nm_slots[i];
        if (s->serial != 0)
            continue;
        memset(s, 0, sizeof(*s));
        s->serial = nm_next_serial;
        nm_next_serial = (nm_next_serial & NM_SERIAL_MASK) + 1u;
        if (nm_next_serial > NM_SERIAL_MASK)
            nm_next_serial = 1;
        mbedtls_aes_init(&s->enc);
        mbedtls_aes_init(&s->dec);
        mbedtls_gcm_init(&s->gcm);
        nm_hmac_sha1_state_init(&s->hmac);
        return (int)((s->serial << 4) | (uint32_t)i);
    }
    return -1;
}

int nm_close(int h)
{
    nm_slot *s = nm_get(h);
    if (s == NULL)
        return NM_E_HANDLE;
    mbedtls_aes_free(&s->enc);
    mbedtls_aes_free(&s->dec);
    mbedtls_gcm_free(&s->gcm);
    nm_hmac_sha1_state_free(&s->hmac);
    mbedtls_platform_zeroize(s, sizeof(*s)); /* serial 0: free */
    return 0;
}

int nm_set_aes_key(int h, const uint8_t *key, size_t len)
{
    nm_slot *s = nm_get(h);
    if (s == NULL)
        return NM_E_HANDLE;
    if (len != 16 && len != 24 && len != 32)
        return NM_E_LENGTH;
    s->has_aes = 0;
    mbedtls_aes_free(&s->enc);
    mbedtls_aes_free(&s->dec);
    mbedtls_aes_init(&s->enc);
    mbedtls_aes_init(&s->dec);
    unsigned int bits = (unsigned int)len * 8u;
    int rc = mbedtls_aes_setkey_enc(&s->enc, key, bits);
    if (rc == 0)
        rc = mbedtls_aes_setkey_dec(&s->dec, key, bits);
    if (rc == 0)
        rc = mbedtls_gcm_setkey(&s->gcm, MBEDTLS_CIPHER_ID_AES, key, bits);
    if (rc != 0)
        return NM_E_FAIL;
    s->has_aes = 1;
    return 0;
}

int nm_set_hmac_sha1_key(int h, const uint8_t *key, size_t len)
{
    nm_slot *s = nm_get(h);
    if (s == NULL)
        return NM_E_HANDLE;
    s->has_hmac = 0;
    if (nm_hmac_sha1_state_setkey(&s->hmac, key, len) != 0)
        return NM_E_FAIL;
    s->has_hmac = 1;
    return 0;
}

static int nm_aes_ecb(int h, int mode, const uint8_t *src, uint8_t *dst, size_t len)
{
    nm_slot *s = nm_get(h);
    if (s == NULL)
        return NM_E_HANDLE;
    if (len % 16 != 0)
        return NM_E_LENGTH;
    if (!s->has_aes)
        return NM_E_NOKEY;
    mbedtls_aes_context *ctx = mode == MBEDTLS_AES_ENCRYPT ? &s->enc : &s->dec;
    for (size_t i = 0; i < len; i += 16)
    {
        uint8_t block[16];
        memcpy(block, src + i, 16); /* src and dst may overlap at any distance */
        if (mbedtls_aes_crypt_ecb(ctx, mode, block, dst + i) != 0)
            return NM_E_FAIL;
    }
    return 0;
}

int nm_aes_encrypt_blocks(int h, const uint8_t *src, uint8_t *dst, size_t len)
{
    return nm_aes_ecb(h, MBEDTLS_AES_ENCRYPT, src, dst, len);
}

int nm_aes_decrypt_blocks(int h, const uint8_t *src, uint8_t *dst, size_t len)
{
    return nm_aes_ecb(h, MBEDTLS_AES_DECRYPT, src, dst, len);
}

/* SP 800-38A §6.5 counter mode, 128-bit big-endian increment; the caller's counter block is not modified. */
static int nm_ctr(nm_slot *s, const uint8_t *iv16, uint8_t *buf, size_t len)
{
    uint8_t counter[16], stream[16];
    size_t nc_off = 0;
    if (len == 0)
        return 0;
    memcpy(counter, iv16, 16);
    int rc = mbedtls_aes_crypt_ctr(&s->enc, len, &nc_off, counter, stream, buf, buf);
    mbedtls_platform_zeroize(stream, sizeof(stream));
    return rc == 0 ? 0 : NM_E_FAIL;
}

int nm_aes_ctr_xor(int h, const uint8_t *iv16, uint8_t *buf, size_t len)
{
    nm_slot *s = nm_get(h);
    if (s == NULL)
        return NM_E_HANDLE;
    if (!s->has_aes)
        return NM_E_NOKEY;
    return nm_ctr(s, iv16, buf, len);
}

/* RFC 3711 §4.2: HMAC-SHA1(auth key, authenticated portion || ROC) (the ROC only for SRTP, §3.3 step 7). */
static int nm_srtp_tag(nm_slot *s, const uint8_t *auth, size_t auth_len, int append_roc, uint32_t roc, uint8_t full[20])
{
    uint8_t roc_be[4];
    roc_be[0] = (uint8_t)(roc >> 24);
    roc_be[1] = (uint8_t)(roc >> 16);
    roc_be[2] = (uint8_t)(roc >> 8);
    roc_be[3] = (uint8_t)roc;
    return nm_hmac_sha1_state_mac(&s->hmac, auth, auth_len, append_roc ? roc_be : NULL, append_roc ? 4 : 0, full);
}

static int nm_srtp_check(nm_slot *s, size_t enc_len, size_t tag_len)
{
    if (s == NULL)
        return NM_E_HANDLE;
    if (tag_len > 20)
        return NM_E_LENGTH;
    if ((enc_len > 0 && !s->has_aes) || (tag_len > 0 && !s->has_hmac))
        return NM_E_NOKEY;
    return 0;
}

int nm_srtp_protect(int h, const uint8_t *iv16, uint8_t *enc, size_t enc_len, const uint8_t *auth, size_t auth_len,
                    int append_roc, uint32_t roc, uint8_t *tag, size_t tag_len)
{
    nm_slot *s = nm_get(h);
    int rc = nm_srtp_check(s, enc_len, tag_len);
    if (rc != 0)
        return rc;
    /* RFC 3711 §3.3 steps 5 and 7: encrypt, then authenticate the encrypted packet */
    rc = nm_ctr(s, iv16, enc, enc_len);
    if (rc == 0 && tag_len > 0)
    {
        uint8_t full[20];
        rc = nm_srtp_tag(s, auth, auth_len, append_roc, roc, full);
        if (rc == 0)
            memcpy(tag, full, tag_len); /* RFC 3711 §4.2: leftmost n_tag bytes */
        mbedtls_platform_zeroize(full, sizeof(full));
    }
    return rc;
}

int nm_srtp_unprotect(int h, const uint8_t *iv16, uint8_t *enc, size_t enc_len, const uint8_t *auth, size_t auth_len,
                      int append_roc, uint32_t roc, const uint8_t *tag, size_t tag_len)
{
    nm_slot *s = nm_get(h);
    int rc = nm_srtp_check(s, enc_len, tag_len);
    if (rc != 0)
        return rc;
    if (tag_len > 0)
    {
        /* RFC 3711 §3.3 step 5 (receiver): verify before anything is decrypted; constant-time compare */
        uint8_t full[20];
        rc = nm_srtp_tag(s, auth, auth_len, append_roc, roc, full);
        int equal = rc == 0 ? nm_ct_equal(full, tag, tag_len) : 0;
        mbedtls_platform_zeroize(full, sizeof(full));
        if (rc != 0)
            return rc;
        if (!equal)
            return 0;
    }
    rc = nm_ctr(s, iv16, enc, enc_len);
    return rc == 0 ? 1 : rc;
}

static int nm_gcm_check(nm_slot *s, size_t iv_len, size_t tag_len)
{
    if (s == NULL)
        return NM_E_HANDLE;
    /* SP 800-38D §5.2.1.2 tag lengths as mbedTLS accepts them; RFC 7714 uses 16 */
    if (iv_len == 0 || tag_len < 4 || tag_len > 16 || (tag_len < 12 && tag_len != 4 && tag_len != 8))
        return NM_E_LENGTH;
    if (!s->has_aes)
        return NM_E_NOKEY;
    return 0;
}

int nm_gcm_seal(int h, const uint8_t *iv, size_t iv_len, const uint8_t *aad, size_t aad_len, uint8_t *buf, size_t len,
                uint8_t *tag, size_t tag_len)
{
    nm_slot *s = nm_get(h);
    int rc = nm_gcm_check(s, iv_len, tag_len);
    if (rc != 0)
        return rc;
    uint8_t t[16];
    rc = mbedtls_gcm_crypt_and_tag(&s->gcm, MBEDTLS_GCM_ENCRYPT, len, iv, iv_len, aad, aad_len, buf, buf, tag_len, t);
    if (rc == 0)
        memcpy(tag, t, tag_len); /* the tag may lie inside buf: written after the ciphertext */
    mbedtls_platform_zeroize(t, sizeof(t));
    return rc == 0 ? 0 : NM_E_FAIL;
}

/* The GCM tag over a ciphertext without touching it: a streaming decryption whose output goes to a stack scratch. */
static int nm_gcm_tag_of(mbedtls_gcm_context *gcm, const uint8_t *iv, size_t iv_len, const uint8_t *aad, size_t aad_len,
                         const uint8_t *ct, size_t len, uint8_t *tag, size_t tag_len)
{
    uint8_t scratch[64];
    int rc;
#if MBEDTLS_VERSION_NUMBER >= 0x03000000
    size_t olen;
    rc = mbedtls_gcm_starts(gcm, MBEDTLS_GCM_DECRYPT, iv, iv_len);
    if (rc == 0)
        rc = mbedtls_gcm_update_ad(gcm, aad, aad_len);
    for (size_t done = 0; rc == 0 && done < len; done += sizeof(scratch))
    {
        size_t n = len - done > sizeof(scratch) ? sizeof(scratch) : len - done;
        rc = mbedtls_gcm_update(gcm, ct + done, n, scratch, sizeof(scratch), &olen);
    }
    if (rc == 0)
        rc = mbedtls_gcm_finish(gcm, scratch, sizeof(scratch), &olen, tag, tag_len);
#else
    rc = mbedtls_gcm_starts(gcm, MBEDTLS_GCM_DECRYPT, iv, iv_len, aad, aad_len);
    /* 2.28: every update but the last must be a multiple of 16 bytes (64 is) */
    for (size_t done = 0; rc == 0 && done < len; done += sizeof(scratch))
    {
        size_t n = len - done > sizeof(scratch) ? sizeof(scratch) : len - done;
        rc = mbedtls_gcm_update(gcm, n, ct + done, scratch);
    }
    if (rc == 0)
        rc = mbedtls_gcm_finish(gcm, tag, tag_len);
#endif
    mbedtls_platform_zeroize(scratch, sizeof(scratch));
    return rc;
}

int nm_gcm_open(int h, const uint8_t *iv, size_t iv_len, const uint8_t *aad, size_t aad_len, uint8_t *buf, size_t len,
                const uint8_t *tag, size_t tag_len)
{
    nm_slot *s = nm_get(h);
    int rc = nm_gcm_check(s, iv_len, tag_len);
    if (rc != 0)
        return rc;
    uint8_t t[16];
    rc = nm_gcm_tag_of(&s->gcm, iv, iv_len, aad, aad_len, buf, len, t, tag_len);
    int equal = rc == 0 ? nm_ct_equal(t, tag, tag_len) : 0;
    mbedtls_platform_zeroize(t, sizeof(t));
    if (rc != 0)
        return NM_E_FAIL;
    if (!equal)
        return 0; /* RFC 7714 §9.3 / SP 800-38D §7.3: nothing released, buffer unchanged */
    if (iv_len == 12)
    {
        /* SP 800-38D §7.3 steps 2-3: J0 = IV || 0^31 || 1, plaintext = GCTR(inc32(J0), C). A 128-bit increment equals inc32
           here: from 2 the low word cannot wrap within the 2^32 - 2 blocks GCM allows. */
        uint8_t j[16];
        memcpy(j, iv, 12);
        j[12] = 0;
        j[13] = 0;
        j[14] = 0;
        j[15] = 2;
        rc = nm_ctr(s, j, buf, len);
    }
    else
    {
        uint8_t unused[16];
        rc = mbedtls_gcm_crypt_and_tag(&s->gcm, MBEDTLS_GCM_DECRYPT, len, iv, iv_len, aad, aad_len, buf, buf, tag_len,
                                       unused);
        rc = rc == 0 ? 0 : NM_E_FAIL;
    }
    return rc == 0 ? 1 : rc;
}

int nm_hmac_sha1_keyed(int h, const uint8_t *data, size_t len, uint8_t *mac, size_t mac_len)
{
    nm_slot *s = nm_get(h);
    if (s == NULL)
        return NM_E_HANDLE;
    if (mac_len > 20)
        return NM_E_LENGTH;
    if (!s->has_hmac)
        return NM_E_NOKEY;
    uint8_t full[20];
    int rc = nm_hmac_sha1_state_mac(&s->hmac, data, len, NULL, 0, full);
    if (rc == 0)
        memcpy(mac, full, mac_len);
    mbedtls_platform_zeroize(full, sizeof(full));
    return rc;
}
