/*
 * Identity of the native crypto pack compiled into an image: the interop assembly (its name carries the ABI generation,
 * hardware/Esp32.Native/Interop/Interop.csproj NativeCryptoGeneration) and the native checksum its glue carries.
 * Bump all of these together with the extern surface; hardware/Esp32.Native/check-checksum.sh fails until the checksum
 * equals the uint32 at offset 0x14 of the interop .pe and the names agree with the generation.
 */
#ifndef NM_PACK_H
#define NM_PACK_H

#define NM_PACK_GENERATION 1
#define NM_PACK_ASSEMBLY "NanoMikey.Esp32.NativeCrypto1"
#define NM_PACK_CHECKSUM 0x8C0135D6u
/* AssemblyNativeVersion of the interop assembly (Interop/AssemblyInfo.cs). */
#define NM_PACK_NATIVE_VERSION_MAJOR 1
#define NM_PACK_NATIVE_VERSION_MINOR 0
#define NM_PACK_NATIVE_VERSION_BUILD 0
#define NM_PACK_NATIVE_VERSION_REVISION 0

#endif
