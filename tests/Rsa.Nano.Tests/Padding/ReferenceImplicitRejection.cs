using System.Security.Cryptography;
using System.Text;

namespace NanoMikey.Rsa.Tests
{
    /// <summary>
    /// An independent transcription of draft-irtf-cfrg-rsa-guidance §7.2 (implicit rejection) on .NET's HMACSHA256, to
    /// check the device code's synthetic messages: KDK = HMAC(SHA256(I2OSP(d, k)), C), IRPRF(KDK, label, n) =
    /// HMAC(KDK, I2OSP(i, 2) || label || I2OSP(8n, 2)) concatenated, length = last masked candidate below k - 10.
    /// </summary>
    internal static class ReferenceImplicitRejection
    {
        public static byte[] SyntheticMessage(byte[] dK, byte[] ciphertext)
        {
            int k = dK.Length;
            byte[] kdk = HMACSHA256.HashData(SHA256.HashData(dK), ciphertext);
            byte[] message = Prf(kdk, "message", k);
            byte[] lengths = Prf(kdk, "length", 256);
            int max = k - 10;
            int mask = 1;
            while (mask < max) mask = (mask << 1) | 1;
            int len = 0;
            for (int i = 0; i < 256; i += 2)
            {
                int c = ((lengths[i] << 8) | lengths[i + 1]) & mask;
                if (c < max) len = c;
            }
            return message[(k - len)..];
        }

        private static byte[] Prf(byte[] kdk, string label, int length)
        {
            var output = new List<byte>();
            byte[] l = Encoding.ASCII.GetBytes(label);
            for (int i = 0; output.Count < length; i++)
            {
                byte[] input = new byte[2 + l.Length + 2];
                input[0] = (byte)(i >> 8);
                input[1] = (byte)i;
                l.CopyTo(input, 2);
                input[^2] = (byte)((8 * length) >> 8);
                input[^1] = (byte)(8 * length);
                output.AddRange(HMACSHA256.HashData(kdk, input));
            }
            return output.GetRange(0, length).ToArray();
        }
    }
}
