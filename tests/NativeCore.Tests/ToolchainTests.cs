namespace NanoMikey.NativeCore.Tests
{
    /// <summary>The toolchain the native core tests need is present (these fail, never skip, on a machine without it).</summary>
    public class ToolchainTests
    {
        [Fact]
        public void GccAndMbedTlsHeadersArePresentAndTheCoreBuilds()
        {
            Assert.True(File.Exists("/usr/include/mbedtls/version.h"), "/usr/include/mbedtls missing: apt-get install libmbedtls-dev");
            string lib = NmCoreLibrary.Path;
            Assert.True(File.Exists(lib));
            Assert.StartsWith(AppContext.BaseDirectory, lib);
        }

        [Fact]
        public unsafe void DescribeNamesThePackGenerationAndChecksum()
        {
            byte[] text = new byte[256];
            int n;
            fixed (byte* p = text) n = NmCore.nm_describe(p, (nuint)text.Length);
            string s = System.Text.Encoding.ASCII.GetString(text, 0, n);
            string header = File.ReadAllText(Path.Combine(NmCoreLibrary.SourceDir, "nm_pack.h"));
            string checksum = System.Text.RegularExpressions.Regex.Match(header, @"NM_PACK_CHECKSUM 0x([0-9A-F]{8})u").Groups[1].Value;
            Assert.Equal(8, checksum.Length);
            Assert.StartsWith("format=1\nassembly=NanoMikey.Esp32.NativeCrypto1\ngeneration=1\nchecksum=0x" + checksum + "\nnativeVersion=1.0.0.0\nmbedtls=2.", s);
            Assert.EndsWith("\nengines=none\n", s);
            fixed (byte* p = text) Assert.Equal(-n, NmCore.nm_describe(p, (nuint)(n - 1)));
        }
    }
}
