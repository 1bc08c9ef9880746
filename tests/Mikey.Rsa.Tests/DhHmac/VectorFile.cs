namespace NanoMikey.Mikey.Rsa.Tests.DhHmac
{
    /// <summary>A vector file of "name: hex" lines, compared line by line; MIKEY_RSA_WRITE_VECTORS=1 rewrites it first.</summary>
    internal static class VectorFile
    {
        internal static void Check(string path, List<(string Name, string Value)> built)
        {
            if (Environment.GetEnvironmentVariable("MIKEY_RSA_WRITE_VECTORS") == "1")
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, string.Join("\n", built.Select(l => l.Name + ": " + l.Value)) + "\n");
            }

            string[] expected = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
            Assert.Equal(expected.Length, built.Count);
            for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], built[i].Name + ": " + built[i].Value);
        }
    }
}
