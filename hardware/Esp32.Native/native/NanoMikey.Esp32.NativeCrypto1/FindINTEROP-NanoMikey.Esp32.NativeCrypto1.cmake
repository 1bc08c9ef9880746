#
# For an ESP32 firmware build (nf-interpreter), NOT used by the kit's build-nanoclr.sh: copy this file to
# nf-interpreter/CMake/Modules/, this folder to nf-interpreter/InteropAssemblies/NanoMikey.Esp32.NativeCrypto1/ and
# ../core to nf-interpreter/InteropAssemblies/core/ (the glue includes "../core/nm_core.h"), then configure with
# NF_INTEROP_ASSEMBLIES including NanoMikey.Esp32.NativeCrypto1 (and NanoMikey.Esp32.Native.Probe). ESP-IDF's mbedtls
# component (3.6 in IDF 5.x, hardware AES/SHA/MPI) is already linked and on the include path. Not built here (no
# ESP-IDF toolchain): the 3.6 switches in ../core/nm_mbedtls.h and nm_slot.c are not compiled in this repository's CI.
#

set(BASE_PATH_FOR_THIS_MODULE ${PROJECT_SOURCE_DIR}/InteropAssemblies/NanoMikey.Esp32.NativeCrypto1)
set(NM_CORE_PATH ${PROJECT_SOURCE_DIR}/InteropAssemblies/core)

list(APPEND NanoMikey.Esp32.NativeCrypto1_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/CLR/Core)
list(APPEND NanoMikey.Esp32.NativeCrypto1_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/CLR/Include)
list(APPEND NanoMikey.Esp32.NativeCrypto1_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/HAL/Include)
list(APPEND NanoMikey.Esp32.NativeCrypto1_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/PAL/Include)
list(APPEND NanoMikey.Esp32.NativeCrypto1_INCLUDE_DIRS ${BASE_PATH_FOR_THIS_MODULE})
list(APPEND NanoMikey.Esp32.NativeCrypto1_INCLUDE_DIRS ${NM_CORE_PATH})

set(NanoMikey.Esp32.NativeCrypto1_SOURCES
    ${BASE_PATH_FOR_THIS_MODULE}/NanoMikey_Esp32_NativeCrypto1.cpp
    ${NM_CORE_PATH}/nm_slot.c
    ${NM_CORE_PATH}/nm_hmac.c
    ${NM_CORE_PATH}/nm_p256.c
    ${NM_CORE_PATH}/nm_describe.c
)

include(FindPackageHandleStandardArgs)
FIND_PACKAGE_HANDLE_STANDARD_ARGS(INTEROP-NanoMikey.Esp32.NativeCrypto1 DEFAULT_MSG NanoMikey.Esp32.NativeCrypto1_INCLUDE_DIRS NanoMikey.Esp32.NativeCrypto1_SOURCES)
