using System.Text;

namespace NanoMikey.Mikey.Rsa.Tests
{
    /// <summary>
    /// A deterministic vector file of tests/vectors/mikey-rsa: "name: hex" lines, rewritten when MIKEY_RSA_WRITE_VECTORS=1,
    /// otherwise compared line by line (byte for byte) with what the test rebuilt.
    /// </summary>
    internal static class VectorFile
    {
        internal static void Check(string file, List<(string name, string hex)> built)
        {
            if (Environment.GetEnvironmentVariable("MIKEY_RSA_WRITE_VECTORS") == "1")
            {
                var sb = new StringBuilder();
                foreach (var (name, hex) in built) sb.Append(name).Append(": ").Append(hex).Append('\n');
                File.WriteAllText(Path.Combine(TestData.RepoRoot, "tests", "vectors", "mikey-rsa", file), sb.ToString());
            }

            string[] lines = File.ReadAllLines(TestData.VectorPath("mikey-rsa", file));
            Assert.Equal(built.Count, lines.Length);
            for (int i = 0; i < lines.Length; i++) Assert.Equal(built[i].name + ": " + built[i].hex, lines[i]);
        }

        internal static string Draw(NanoMikey.Crypto.Random.HmacDrbg d, int length)
        {
            byte[] b = new byte[length];
            d.Generate(b, 0, length);
            return Convert.ToHexString(b).ToLowerInvariant();
        }

        /// <summary>Finds payload <paramref name="type"/> in a message: the offset and length of its variable data part (PKE Data, SIGN Signature).</summary>
        internal static (int offset, int length) Find(byte[] msg, int length, NanoMikey.Mikey.Payloads.PayloadType type)
        {
            var r = new NanoMikey.Mikey.Codec.MikeyReader();
            Assert.Equal(NanoMikey.Mikey.Codec.MikeyStatus.Ok, r.Reset(msg, 0, length));
            while (r.Read() == NanoMikey.Mikey.Codec.MikeyStatus.Ok)
            {
                if (r.PayloadType == type && type == NanoMikey.Mikey.Payloads.PayloadType.Pke) return (r.Pke.DataOffset, r.Pke.DataLength);
                if (r.PayloadType == type) return (r.PayloadOffset + 2, r.PayloadLength - 2); // SIGN: 2 header bytes, then the signature
            }
            throw new InvalidOperationException("payload missing");
        }
    }
}
