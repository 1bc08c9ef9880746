using System.Reflection;

[assembly: AssemblyTitle("NanoMikey.Esp32.NativeCrypto")]
[assembly: AssemblyVersion("1.0.0.0")]

// Required for an interop assembly; the glue's CLR_RT_NativeAssemblyData carries the same { 1, 0, 0, 0 }. nanoCLR checks
// only the native checksum; the ABI generation is in the assembly name (Interop.csproj).
[assembly: AssemblyNativeVersion("1.0.0.0")]
