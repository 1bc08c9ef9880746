#
# For an ESP32 firmware build (nf-interpreter), NOT used by the kit's build-nanoclr.sh: copy this file to
# nf-interpreter/CMake/Modules/ and this folder to nf-interpreter/InteropAssemblies/NanoMikey.Esp32.Native.Probe/;
# list it in NF_INTEROP_ASSEMBLIES together with NanoMikey.Esp32.NativeCrypto1 (whose module compiles the core's
# nm_describe this glue calls). Not built here (no ESP-IDF toolchain).
#

set(BASE_PATH_FOR_THIS_MODULE ${PROJECT_SOURCE_DIR}/InteropAssemblies/NanoMikey.Esp32.Native.Probe)

list(APPEND NanoMikey.Esp32.Native.Probe_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/CLR/Core)
list(APPEND NanoMikey.Esp32.Native.Probe_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/CLR/Include)
list(APPEND NanoMikey.Esp32.Native.Probe_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/HAL/Include)
list(APPEND NanoMikey.Esp32.Native.Probe_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/PAL/Include)
list(APPEND NanoMikey.Esp32.Native.Probe_INCLUDE_DIRS ${BASE_PATH_FOR_THIS_MODULE})
list(APPEND NanoMikey.Esp32.Native.Probe_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/InteropAssemblies/core)

set(NanoMikey.Esp32.Native.Probe_SOURCES
    ${BASE_PATH_FOR_THIS_MODULE}/NanoMikey_Esp32_Native_Probe.cpp
)

include(FindPackageHandleStandardArgs)
FIND_PACKAGE_HANDLE_STANDARD_ARGS(INTEROP-NanoMikey.Esp32.Native.Probe DEFAULT_MSG NanoMikey.Esp32.Native.Probe_INCLUDE_DIRS NanoMikey.Esp32.Native.Probe_SOURCES)
