using System;

namespace NanoMikey.Crypto.Tests.Symmetric
{
    public class ConstantTimeTests
    {
        [Fact]
        public void AreEqual_ComparesRanges()
        {
            var a = new byte[] { 9, 1, 2, 3, 4 };
            var b = new byte[] { 1, 2, 3, 4 };
            Assert.True(ConstantTime.AreEqual(a, 1, b, 0, 4));
            // A 0-byte MAC or tag compare must fail, or a truncated-to-nothing tag would accept any message.
            Assert.False(ConstantTime.AreEqual(a, 0, b, 0, 0));
            Assert.False(ConstantTime.AreEqual(a, 5, b, 4, 0));
            for (int i = 0; i < 4; i++)
            {
                for (int bit = 0; bit < 8; bit++)
                {
                    b[i] ^= (byte)(1 << bit);
                    Assert.False(ConstantTime.AreEqual(a, 1, b, 0, 4));
                    b[i] ^= (byte)(1 << bit);
                }
            }
            Assert.Throws<ArgumentOutOfRangeException>(() => ConstantTime.AreEqual(a, 2, b, 0, 4));
            Assert.Throws<ArgumentOutOfRangeException>(() => ConstantTime.AreEqual(a, 0, b, -1, 1));
            Assert.Throws<ArgumentNullException>(() => ConstantTime.AreEqual(null!, 0, b, 0, 1));
        }

        [Fact]
        public void Wipe_ClearsRange()
        {
            var a = new byte[] { 1, 2, 3, 4, 5 };
            SecureMemory.Wipe(a, 1, 3);
            Assert.Equal(new byte[] { 1, 0, 0, 0, 5 }, a);
            SecureMemory.Wipe(a);
            Assert.Equal(new byte[5], a);
            Assert.Throws<ArgumentOutOfRangeException>(() => SecureMemory.Wipe(a, 3, 3));
        }
    }
}
