using System.Numerics;
using static NanoMikey.NativeCore.Tests.NmCore;

namespace NanoMikey.NativeCore.Tests
{
    /// <summary>
    /// Bad input never crashes and never writes: invalid peer points (SEC 1 §3.2.2.1), invalid private scalars, bad
    /// signatures, lengths outside what a function accepts, and handles that are not (or no longer) open.
    /// </summary>
    public class InvalidInputTests
    {
        private static readonly BigInteger P = BigInteger.Parse("0FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF", System.Globalization.NumberStyles.HexNumber);
        private static readonly byte[] N = Convert.FromHexString("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");
        private static readonly byte[] D = Convert.FromHexString("C88F01F510D9AC3F70A292DAA2316DE544E9AAB8AFE84049C62A9C57862D1433");

        private static byte[] ValidPoint()
        {
            byte[] q = new byte[65];
            Assert.Equal(P256Ok, P256PublicKey(Convert.FromHexString("C6EF9C5D78AE012A011164ACB397CE2088685D8F06BF9BE0B283AB46476BEE53"), q));
            return q;
        }

        public static TheoryData<string, string> InvalidPoints()
        {
            byte[] q = ValidPoint();
            var data = new TheoryData<string, string>();
            data.Add("empty", "");
            data.Add("infinity (SEC 1 single 00)", "00");
            data.Add("64 bytes without prefix", Convert.ToHexString(q, 1, 64));
            data.Add("66 bytes", Convert.ToHexString(q) + "00");
            data.Add("compressed (not accepted by the pack)", ((q[64] & 1) == 0 ? "02" : "03") + Convert.ToHexString(q, 1, 32));
            data.Add("prefix 02 on 65 bytes", "02" + Convert.ToHexString(q, 1, 64));
            data.Add("prefix 06 (hybrid)", "06" + Convert.ToHexString(q, 1, 64));
            data.Add("04 || zeros", "04" + new string('0', 128));
            byte[] off = (byte[])q.Clone();
            off[64] ^= 1;
            data.Add("off the curve (y + 1)", Convert.ToHexString(off));
            // A curve point with a small x written as x + p: the same point modulo p, but a coordinate >= p (SEC 1 §3.2.2.1
            // step 2 rejects it); the plain encoding of that point is accepted (SmallPointIsValid).
            (BigInteger sx, BigInteger sy) = SmallPoint();
            data.Add("x + p", "04" + Hex32(sx + P) + Hex32(sy));
            data.Add("small x, y + 1", "04" + Hex32(sx) + Hex32(sy + 1));
            data.Add("p as x", "04" + P.ToString("X64").Substring(P.ToString("X64").Length - 64) + Convert.ToHexString(q, 33, 32));
            return data;
        }

        private static readonly BigInteger B = BigInteger.Parse("05AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B", System.Globalization.NumberStyles.HexNumber);

        /// <summary>The curve point with the smallest x: y = sqrt(x^3 - 3x + b) = rhs^((p+1)/4) as p = 3 mod 4.</summary>
        private static (BigInteger X, BigInteger Y) SmallPoint()
        {
            for (BigInteger x = 1; x < 1000; x++)
            {
                BigInteger rhs = ((x * x * x - 3 * x + B) % P + P) % P;
                BigInteger y = BigInteger.ModPow(rhs, (P + 1) / 4, P);
                if (y * y % P == rhs) return (x, y);
            }

            throw new InvalidOperationException("no small point");
        }

        private static string Hex32(BigInteger v)
        {
            byte[] b = v.ToByteArray(isUnsigned: true, isBigEndian: true);
            return new string('0', 2 * (32 - b.Length)) + Convert.ToHexString(b);
        }

        [Fact]
        public void SmallPointIsValid()
        {
            (BigInteger x, BigInteger y) = SmallPoint();
            byte[] z = new byte[32];
            Assert.Equal(P256Ok, P256Ecdh(D, Convert.FromHexString("04" + Hex32(x) + Hex32(y)), z));
            Assert.Equal(P256Ok, P256Ecdh(D, Convert.FromHexString("04" + Hex32(x) + Hex32(P - y)), z));
        }

        [Theory]
        [MemberData(nameof(InvalidPoints))]
        public void InvalidPeerPointsAreRejectedAndNothingIsWritten(string what, string hex)
        {
            byte[] peer = Convert.FromHexString(hex);
            byte[] z = new byte[32];
            Array.Fill(z, (byte)0x5A);
            Assert.True(P256Ecdh(D, peer, z) == P256BadPoint, what);
            Assert.All(z, b => Assert.Equal(0x5A, b));
            byte[] sig = new byte[64];
            sig[31] = sig[63] = 1;
            Assert.Equal(0, P256Verify(peer, new byte[32], sig));
        }

        public static TheoryData<string, string> InvalidScalars() => new TheoryData<string, string>
        {
            { "zero", new string('0', 64) },
            { "n", Convert.ToHexString(N) },
            { "n + 1", Convert.ToHexString(N).Substring(0, 62) + "52" },
            { "2^256 - 1", new string('F', 64) },
        };

        [Theory]
        [MemberData(nameof(InvalidScalars))]
        public void InvalidPrivateScalarsAreRejectedAndNothingIsWritten(string what, string hex)
        {
            byte[] d = Convert.FromHexString(hex);
            byte[] pub = new byte[65], z = new byte[32], sig = new byte[64];
            Array.Fill(pub, (byte)0x5A);
            Array.Fill(z, (byte)0x5A);
            Array.Fill(sig, (byte)0x5A);
            Assert.True(P256PublicKey(d, pub) == P256BadPrivate, what);
            Assert.True(P256Ecdh(d, ValidPoint(), z) == P256BadPrivate, what);
            Assert.True(P256Sign(d, new byte[32], null, sig) == P256BadPrivate, what);
            Assert.All(pub, b => Assert.Equal(0x5A, b));
            Assert.All(z, b => Assert.Equal(0x5A, b));
            Assert.All(sig, b => Assert.Equal(0x5A, b));
        }

        [Fact]
        public void SignaturesOutOfRangeOrOfWrongLengthDoNotVerify()
        {
            byte[] q = new byte[65], hash = new byte[32], sig = new byte[64];
            Assert.Equal(P256Ok, P256PublicKey(D, q));
            Assert.Equal(P256Ok, P256Sign(D, hash, null, sig));
            Assert.Equal(1, P256Verify(q, hash, sig));
            Assert.Equal(0, P256Verify(q, hash, sig.AsSpan(0, 63).ToArray()));
            Assert.Equal(0, P256Verify(q, hash, sig.Concat(new byte[1]).ToArray()));
            byte[] rZero = (byte[])sig.Clone();
            Array.Clear(rZero, 0, 32);
            Assert.Equal(0, P256Verify(q, hash, rZero));
            byte[] sN = (byte[])sig.Clone();
            N.CopyTo(sN, 32);
            Assert.Equal(0, P256Verify(q, hash, sN));
            Assert.Equal(ELength, P256Verify(q, Array.Empty<byte>(), sig));
            Assert.Equal(ELength, P256Sign(D, Array.Empty<byte>(), null, sig));
            Assert.Equal(ELength, P256Sign(D, new byte[65], null, sig));
            Assert.Equal(ELength, P256Sign(D, hash, new byte[257], sig));
        }

        [Fact]
        public void LengthsOutsideWhatAFunctionAcceptsAreCallerErrors()
        {
            byte[] buf = new byte[64];
            using var slot = new Slot(new byte[16], new byte[20]);
            int h = slot.Handle;
            Assert.Equal(ELength, SetAesKey(h, buf, 0, 15));
            Assert.Equal(ELength, SetAesKey(h, buf, 0, 0));
            Assert.Equal(ELength, AesEncryptBlocks(h, buf, 0, buf, 0, 15));
            Assert.Equal(ELength, AesDecryptBlocks(h, buf, 0, buf, 0, 17));
            Assert.Equal(ELength, SrtpProtect(h, buf, 0, buf, 0, 16, 0, 32, true, 0, 32, 21));
            Assert.Equal(ELength, HmacSha1Keyed(h, buf, 0, 10, buf, 40, 21));
            Assert.Equal(ELength, GcmSeal(h, buf, 0, 0, null, 0, 0, buf, 0, 16, buf, 32, 16));
            Assert.Equal(ELength, GcmSeal(h, buf, 0, 12, null, 0, 0, buf, 0, 16, buf, 32, 11));
            Assert.Equal(ELength, GcmSeal(h, buf, 0, 12, null, 0, 0, buf, 0, 16, buf, 32, 17));
            Assert.Equal(ELength, MikeyPrf(Array.Empty<byte>(), buf, buf, 0, 16));
            Assert.Equal(ELength, MikeyPrf(new byte[16], buf, buf, 0, 0));
            Assert.All(buf, b => Assert.Equal(0, b));
        }

        [Fact]
        public void SlotsAreBoundedHandlesGoStaleAndCloseForgetsTheKeys()
        {
            var handles = new List<int>();
            try
            {
                int h;
                while ((h = nm_open()) >= 0) handles.Add(h);
                Assert.Equal(16, handles.Count);
                Assert.Equal(-1, nm_open());
                Assert.Equal(handles.Count, handles.Distinct().Count());

                int first = handles[0];
                byte[] key = new byte[16], block = new byte[16];
                Assert.Equal(0, SetAesKey(first, key, 0, 16));
                Assert.Equal(0, nm_close(first));
                handles.RemoveAt(0);
                Assert.Equal(EHandle, nm_close(first));
                Assert.Equal(EHandle, AesEncryptBlocks(first, block, 0, block, 0, 16));

                int again = nm_open(); // the same slot, a new handle; the old handle stays invalid and the key is gone
                handles.Add(again);
                Assert.NotEqual(first, again);
                Assert.Equal(first & 15, again & 15);
                Assert.Equal(EHandle, SetAesKey(first, key, 0, 16));
                Assert.Equal(ENoKey, AesEncryptBlocks(again, block, 0, block, 0, 16));
                Assert.Equal(ENoKey, SrtpProtect(again, block, 0, block, 0, 16, 0, 16, false, 0, 0, 0));
                Assert.Equal(ENoKey, SrtpProtect(again, block, 0, block, 0, 0, 0, 16, false, 0, 0, 10));
                Assert.Equal(ENoKey, GcmSeal(again, block, 0, 12, null, 0, 0, block, 0, 4, block, 0, 16));
                Assert.Equal(ENoKey, HmacSha1Keyed(again, block, 0, 16, new byte[20], 0, 20));
                Assert.Equal(0, SrtpProtect(again, block, 0, block, 0, 0, 0, 16, false, 0, 0, 0)); // NULL cipher, no auth: no keys needed
                Assert.Equal(new byte[16], block);

                foreach (int bad in new[] { -1, 0, 15, int.MaxValue, again + 16, again ^ 1 })
                    Assert.Equal(EHandle, AesCtrXor(bad, block, 0, block, 0, 16));
            }
            finally
            {
                foreach (int h in handles) nm_close(h);
            }
        }

        [Fact]
        public void RekeyingReplacesTheSchedules()
        {
            byte[] k1 = new byte[16], k2 = new byte[32], a = new byte[16], b = new byte[16];
            k2[0] = 1;
            using var slot = new Slot(k1);
            Assert.Equal(0, AesEncryptBlocks(slot.Handle, new byte[16], 0, a, 0, 16));
            Assert.Equal(0, SetAesKey(slot.Handle, k2, 0, 32));
            Assert.Equal(0, AesEncryptBlocks(slot.Handle, new byte[16], 0, b, 0, 16));
            using var aes = System.Security.Cryptography.Aes.Create();
            aes.Key = k2;
            Assert.Equal(aes.EncryptEcb(new byte[16], System.Security.Cryptography.PaddingMode.None), b);
            Assert.NotEqual(a, b);
        }
    }
}
