# Read by the nanoFramework kit's build-nanoclr.sh (lib/nfkit-interop.cmake). The probe's text comes from the pack's core
# (nm_describe), compiled by the pack's folder: build this folder together with ../NanoMikey.Esp32.NativeCrypto1.
set(NFI_ASSEMBLY NanoMikey.Esp32.Native.Probe)
set(NFI_SOURCES NanoMikey_Esp32_Native_Probe.cpp)
set(NFI_INCLUDE_DIRS "${NFI_DIR}/../core")
