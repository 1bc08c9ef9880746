# Read by the nanoFramework kit's build-nanoclr.sh (lib/nfkit-interop.cmake) with NFI_DIR = this folder.
# The pack's glue + the plain C core (../core), linked with Debian's static libmbedcrypto.a (libmbedtls-dev 2.28) so the
# built nanoCLR needs no mbedTLS where it runs.
set(NFI_ASSEMBLY NanoMikey.Esp32.NativeCrypto1)
file(GLOB _nm_core_sources "${NFI_DIR}/../core/*.c")
set(NFI_SOURCES NanoMikey_Esp32_NativeCrypto1.cpp ${_nm_core_sources})

find_path(NFI_MBEDTLS_INCLUDE mbedtls/ecdh.h REQUIRED)
find_library(NFI_MBEDCRYPTO NAMES libmbedcrypto.a mbedcrypto REQUIRED)
set(NFI_INCLUDE_DIRS ${NFI_MBEDTLS_INCLUDE} "${NFI_DIR}/../core")

# nanoCLR's src/CLR/Helpers/Base64/base64.c carries copies of three of mbedTLS 2.28's constant_time.c functions; the
# bignum/ECP code pulls constant_time.o in, so the static archive is copied with those three symbols made weak (the
# CLR's identical copies win) instead of failing the link with "multiple definition".
if(NFI_MBEDCRYPTO MATCHES "\\.a$")
    find_program(_nm_objcopy NAMES objcopy ${CMAKE_OBJCOPY} REQUIRED)
    set(_nm_archive "${CMAKE_BINARY_DIR}/nm-libmbedcrypto.a")
    execute_process(
        COMMAND "${_nm_objcopy}" --weaken-symbol=mbedtls_ct_base64_dec_value --weaken-symbol=mbedtls_ct_base64_enc_char
                --weaken-symbol=mbedtls_ct_uchar_mask_of_range "${NFI_MBEDCRYPTO}" "${_nm_archive}"
        RESULT_VARIABLE _nm_rc)
    if(NOT _nm_rc EQUAL 0)
        message(FATAL_ERROR "NanoMikey.Esp32.NativeCrypto1: objcopy of ${NFI_MBEDCRYPTO} failed")
    endif()
    set(NFI_LINK_LIBRARIES "${_nm_archive}")
else()
    set(NFI_LINK_LIBRARIES ${NFI_MBEDCRYPTO})
endif()
