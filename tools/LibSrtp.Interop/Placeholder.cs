namespace NanoMikey.LibSrtp.Interop { internal static class Placeholder { } }
