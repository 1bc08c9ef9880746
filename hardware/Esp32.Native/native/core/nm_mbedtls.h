/*
 * The few mbedTLS API differences between Debian's 2.28 (host nanoCLR, P/Invoke tests) and ESP-IDF 5.x's 3.6 (device
 * firmware), switched on MBEDTLS_VERSION_NUMBER. Only the 2.28 side is compiled and tested here.
 */
#ifndef NM_MBEDTLS_H
#define NM_MBEDTLS_H

#include <mbedtls/version.h>
#include <mbedtls/aes.h>
#include <mbedtls/gcm.h>
#include <mbedtls/sha1.h>
#include <mbedtls/sha256.h>
#include <mbedtls/platform_util.h>

#if MBEDTLS_VERSION_NUMBER >= 0x03000000
/* 3.x: the int-returning hash functions lost their _ret suffix. */
#define NM_SHA1_STARTS mbedtls_sha1_starts
#define NM_SHA1_UPDATE mbedtls_sha1_update
#define NM_SHA1_FINISH mbedtls_sha1_finish
#define NM_SHA256_STARTS mbedtls_sha256_starts
#define NM_SHA256_UPDATE mbedtls_sha256_update
#define NM_SHA256_FINISH mbedtls_sha256_finish
#else
#define NM_SHA1_STARTS mbedtls_sha1_starts_ret
#define NM_SHA1_UPDATE mbedtls_sha1_update_ret
#define NM_SHA1_FINISH mbedtls_sha1_finish_ret
#define NM_SHA256_STARTS mbedtls_sha256_starts_ret
#define NM_SHA256_UPDATE mbedtls_sha256_update_ret
#define NM_SHA256_FINISH mbedtls_sha256_finish_ret
#endif

#endif
