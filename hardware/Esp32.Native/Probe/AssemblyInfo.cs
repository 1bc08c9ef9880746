using System.Reflection;

[assembly: AssemblyTitle("NanoMikey.Esp32.Native.Probe")]
[assembly: AssemblyVersion("1.0.0.0")]

// Frozen: the glue (native/NanoMikey.Esp32.Native.Probe) carries { 1, 0, 0, 0 } and this assembly's checksum forever.
[assembly: AssemblyNativeVersion("1.0.0.0")]
