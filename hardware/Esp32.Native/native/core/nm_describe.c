/* The probe's description of the pack compiled into this image (NanoMikey.Esp32.Native.Probe, format 1). */
#include <stdio.h>
#include <string.h>

#include "nm_core.h"
#include "nm_mbedtls.h"
#include "nm_pack.h"

#if defined(ESP_PLATFORM)
#include "sdkconfig.h"
#endif

/* Hardware engines mbedTLS uses in this build (ESP-IDF menuconfig); "none" on the host. */
#if defined(CONFIG_MBEDTLS_HARDWARE_AES) && defined(CONFIG_MBEDTLS_HARDWARE_SHA) && defined(CONFIG_MBEDTLS_HARDWARE_MPI)
#define NM_ENGINES "aes,sha,mpi"
#elif defined(CONFIG_MBEDTLS_HARDWARE_AES) && defined(CONFIG_MBEDTLS_HARDWARE_SHA)
#define NM_ENGINES "aes,sha"
#elif defined(CONFIG_MBEDTLS_HARDWARE_AES)
#define NM_ENGINES "aes"
#else
#define NM_ENGINES "none"
#endif

#define NM_STR2(x) #x
#define NM_STR(x) NM_STR2(x)

int nm_describe(uint8_t *out, size_t room)
{
    char text[256];
    int n = snprintf(text, sizeof(text),
                     "format=1\nassembly=%s\ngeneration=%d\nchecksum=0x%08X\nnativeVersion=%d.%d.%d.%d\nmbedtls=%s\n"
                     "engines=%s\n",
                     NM_PACK_ASSEMBLY, NM_PACK_GENERATION, (unsigned int)NM_PACK_CHECKSUM, NM_PACK_NATIVE_VERSION_MAJOR,
                     NM_PACK_NATIVE_VERSION_MINOR, NM_PACK_NATIVE_VERSION_BUILD, NM_PACK_NATIVE_VERSION_REVISION,
                     MBEDTLS_VERSION_STRING, NM_ENGINES);
    if (n < 0 || n >= (int)sizeof(text))
        return NM_E_FAIL;
    if ((size_t)n > room)
        return -n;
    memcpy(out, text, (size_t)n);
    return n;
}
