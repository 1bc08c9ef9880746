using System;
using CsCheck;
using NanoMikey.Mikey.Transport;

namespace NanoMikey.Mikey.Tests.Transport
{
    /// <summary>Our strict base64 against .NET's Convert on random input (RFC 4648 §4), and its strictness.</summary>
    public class Base64Tests
    {
        [Fact]
        public void MatchesConvert_OnRandomBytes()
        {
            Gen.Byte.Array[0, 300].Sample(data =>
            {
                string ours = Base64.Encode(data, 0, data.Length);
                Assert.Equal(Convert.ToBase64String(data), ours);
                var back = new byte[data.Length + 3];
                Assert.Equal(data.Length, Base64.Decode(ours, 0, ours.Length, back, 3));
                Assert.Equal(Convert.ToHexString(data), Convert.ToHexString(back, 3, data.Length));
            }, iter: 2000, threads: 1);
        }

        [Theory]
        [InlineData("QQ")]
        [InlineData("QR==")]
        [InlineData("QUJ=")]
        [InlineData("Q===")]
        [InlineData("QUJD\r\n")]
        [InlineData("QU JD")]
        [InlineData("QQ==QUJD")]
        [InlineData("QU-D")]
        public void RejectsNonStrictInput(string text)
        {
            int n = Base64.GetDecodedLength(text, 0, text.Length);
            Assert.True(n < 0 || Base64.Decode(text, 0, text.Length, new byte[Math.Max(n, 0)], 0) < 0);
            Assert.Equal(-1, Base64.Validate(text, 0, text.Length));
        }

        [Theory]
        [InlineData("====")]
        [InlineData("QQ=A")]
        [InlineData("Q*==")]
        [InlineData("QUJD*UJD")]
        [InlineData("QUJDQUJ\u00e9")]
        public void Validate_RejectsBadCharactersOfValidLength(string text)
        {
            // The length alone would pass (a multiple of 4): only the characters are wrong.
            Assert.True(Base64.GetDecodedLength(text, 0, text.Length) >= 0);
            Assert.Equal(-1, Base64.Validate(text, 0, text.Length));
        }

        [Fact]
        public void Validate_AgreesWithDecode_OnRandomText()
        {
            // Random strings over the alphabet plus a few outsiders, so strict and non-strict inputs both occur.
            Gen.Char["AQgw+/=*"].Array[0, 12].Select(c => new string(c)).Sample(text =>
            {
                int n = Base64.GetDecodedLength(text, 0, text.Length);
                int decoded = n < 0 ? -1 : Base64.Decode(text, 0, text.Length, new byte[n], 0);
                Assert.Equal(decoded, Base64.Validate(text, 0, text.Length));
            }, iter: 5000, threads: 1);

            string ok = Samples.PskIMessageBase64;
            Assert.Equal(Convert.FromBase64String(ok).Length, Base64.Validate(ok, 0, ok.Length));
        }

        [Fact]
        public void DecodingAllocatesNothing()
        {
            string text = Samples.PskIMessageBase64;
            var output = new byte[200];
            Base64.Decode(text, 0, text.Length, output, 0);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                Base64.Decode(text, 0, text.Length, output, 0);
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [Fact]
        public void ValidatingAllocatesNothing()
        {
            string text = Samples.PskIMessageBase64;
            Base64.Validate(text, 0, text.Length);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                Base64.Validate(text, 0, text.Length);
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }
}
