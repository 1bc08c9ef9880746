using System.Security.Cryptography;
using System.Text;
using NanoMikey.Ecc;

namespace NanoMikey.Ecc.Tests
{
    /// <summary>RFC 6979 Appendix A.2.5 (ECDSA, 256 bits, prime field), SHA-256 known answers.</summary>
    public class Rfc6979Tests
    {
        private const string PrivateKey = "C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721";
        private const string Ux = "60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6";
        private const string Uy = "7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299";

        [Fact]
        public void PublicKeyMatchesA25()
        {
            var key = P256PrivateKey.FromScalar(TestData.Hex(PrivateKey), 0)!;
            var x = new byte[32];
            var y = new byte[32];
            key.PublicKey.ExportCoordinates(x, 0, y, 0);
            Assert.Equal(Ux, Convert.ToHexString(x));
            Assert.Equal(Uy, Convert.ToHexString(y));
        }

        [Theory]
        [InlineData("sample", "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716", "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8")]
        [InlineData("test", "F1ABB023518351CD71D881567B1EA663ED3EFCF6C5132B354F28D3B0B7D38367", "019F4113742A2B14BD25926B49C649155F267E60D3814B4C0CC84250E46F0083")]
        public void SignatureMatchesA25Sha256(string message, string r, string s)
        {
            var key = P256PrivateKey.FromScalar(TestData.Hex(PrivateKey), 0)!;
            byte[] hash = SHA256.HashData(Encoding.ASCII.GetBytes(message));
            var sig = new byte[64];
            EcdsaP256.Sign(key, hash, 0, hash.Length, sig, 0);
            Assert.Equal(r + s, Convert.ToHexString(sig));
            Assert.True(EcdsaP256.Verify(key.PublicKey, hash, 0, hash.Length, sig, 0));
            sig[63] ^= 1;
            Assert.False(EcdsaP256.Verify(key.PublicKey, hash, 0, hash.Length, sig, 0));
        }

        /// <summary>RFC 6979 §3.2 steps b-h with qlen = hlen = 256, plus the §3.6 extra data k', written from the RFC text.</summary>
        private static System.Numerics.BigInteger ReferenceNonce(byte[] x, byte[] h1, byte[] extra)
        {
            var n = P256ReferenceCurve.N;
            byte[] h1Octets = P256ReferenceCurve.Bytes32(P256ReferenceCurve.FromBytes(h1, 0, 32) % n);
            byte[] v = Enumerable.Repeat((byte)1, 32).ToArray();
            byte[] k = new byte[32];
            k = HMACSHA256.HashData(k, v.Concat(new byte[] { 0 }).Concat(x).Concat(h1Octets).Concat(extra).ToArray());
            v = HMACSHA256.HashData(k, v);
            k = HMACSHA256.HashData(k, v.Concat(new byte[] { 1 }).Concat(x).Concat(h1Octets).Concat(extra).ToArray());
            v = HMACSHA256.HashData(k, v);
            while (true)
            {
                v = HMACSHA256.HashData(k, v);
                var cand = P256ReferenceCurve.FromBytes(v, 0, 32);
                if (cand >= 1 && cand < n) return cand;
                k = HMACSHA256.HashData(k, v.Concat(new byte[] { 0 }).ToArray());
                v = HMACSHA256.HashData(k, v);
            }
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(32)]
        [InlineData(77)]
        public void NonceMatchesReferenceWithExtraData(int extraLength)
        {
            byte[] x = TestData.Hex(PrivateKey);
            var key = P256PrivateKey.FromScalar(x, 0)!;
            byte[] hash = SHA256.HashData(Encoding.ASCII.GetBytes("sample"));
            byte[] extra = Enumerable.Range(0, extraLength).Select(i => (byte)(i * 7 + 1)).ToArray();
            var sig = new byte[64];
            EcdsaP256.SignHedged(key, hash, 0, 32, extra, 0, extra.Length, sig, 0);
            var k = ReferenceNonce(x, hash, extra);
            var r = P256ReferenceCurve.Mul(k, P256ReferenceCurve.G)![0] % P256ReferenceCurve.N;
            Assert.Equal(Convert.ToHexString(P256ReferenceCurve.Bytes32(r)), Convert.ToHexString(sig, 0, 32));
            if (extraLength == 0)
            {
                Assert.Equal("A6E3C57DD01ABE90086538398355DD4C3B17AA873382B0F24D6129493D8AAD60", k.ToString("X64")[^64..]); // RFC 6979 A.2.5 k
            }
        }

        [Fact]
        public void HedgedSignatureDiffersAndVerifies()
        {
            var key = P256PrivateKey.FromScalar(TestData.Hex(PrivateKey), 0)!;
            byte[] hash = SHA256.HashData(Encoding.ASCII.GetBytes("sample"));
            var plain = new byte[64];
            var hedged = new byte[64];
            var extra = new byte[32];
            extra[0] = 1;
            EcdsaP256.Sign(key, hash, 0, 32, plain, 0);
            EcdsaP256.SignHedged(key, hash, 0, 32, extra, 0, extra.Length, hedged, 0);
            Assert.NotEqual(Convert.ToHexString(plain), Convert.ToHexString(hedged));
            Assert.True(EcdsaP256.Verify(key.PublicKey, hash, 0, 32, hedged, 0));
        }
    }
}
