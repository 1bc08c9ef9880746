using System.Security.Cryptography;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Hash;
using NanoMikey.Crypto.Mac;
using NanoMikey.Crypto.Random;
using NanoMikey.Hardware.Host;
using AesGcm = NanoMikey.Crypto.Cipher.AesGcm;

namespace NanoMikey.Crypto.Tests.Residue
{
    /// <summary>
    /// Issue 8 §5: after final/SetKey/Clear of each crypto object, no private field still holds the key, a round key, H,
    /// a hashed secret or key xor pad (searched with <see cref="KeyResidue"/>).
    /// </summary>
    public class NoKeyMaterialLeftTests
    {
        private static byte[] Random(int n, int seed)
        {
            var b = new byte[n];
            new System.Random(seed).NextBytes(b);
            return b;
        }

        private static byte[] Xor(byte[] key, byte pad)
        {
            var block = new byte[64];
            for (int i = 0; i < 64; i++) block[i] = (byte)((i < key.Length ? key[i] : 0) ^ pad);
            return block;
        }

        [Theory]
        [InlineData(32)]
        [InlineData(100)]
        public void Sha256AndSha1_Final_LeaveNoInput(int length)
        {
            // A KDF hashes Z || counter: after Final the buffer and the message schedule must not hold Z.
            byte[] secret = Random(length, length);
            var digest = new byte[32];
            var sha256 = new Sha256();
            sha256.Update(secret, 0, secret.Length);
            sha256.Update(new byte[] { 0, 0, 0, 1 }, 0, 4);
            sha256.Final(digest, 0);
            KeyResidue.AssertNoTrace(sha256, secret);
            Assert.Equal(SHA256.HashData(secret.Concat(new byte[] { 0, 0, 0, 1 }).ToArray()), digest);

            var sha1 = new Sha1();
            sha1.Update(secret, 0, secret.Length);
            sha1.Final(digest, 0);
            KeyResidue.AssertNoTrace(sha1, secret);
            Assert.Equal(SHA1.HashData(secret), digest.Take(20).ToArray());
        }

        [Theory]
        [InlineData(16)]
        [InlineData(32)]
        [InlineData(100)]
        public void Hmac_AfterSetKey_KeyXorPadsGone_AfterClear_StatesGone(int keyLength)
        {
            byte[] key = Random(keyLength, keyLength);
            // Keys longer than the block are hashed first (RFC 2104 §2): the pads are then made from H(K).
            byte[] k256 = keyLength > 64 ? SHA256.HashData(key) : key;
            byte[] k1 = keyLength > 64 ? SHA1.HashData(key) : key;
            var mac = new byte[32];
            byte[] data = Random(50, 1);

            var h256 = new HmacSha256(key, 0, key.Length);
            KeyResidue.AssertNoTrace(h256, key, Xor(k256, 0x36), Xor(k256, 0x5C));
            h256.Compute(data, 0, data.Length, mac, 0, 32);
            Assert.Equal(HMACSHA256.HashData(key, data), mac);
            KeyResidue.AssertNoTrace(h256, key, Xor(k256, 0x36), Xor(k256, 0x5C));
            byte[] inner = KeyResidue.Capture(h256, "_innerState");
            byte[] outer = KeyResidue.Capture(h256, "_outerState");
            h256.Clear();
            KeyResidue.AssertNoTrace(h256, key, Xor(k256, 0x36), Xor(k256, 0x5C), inner, outer);

            var h1 = new HmacSha1(key, 0, key.Length);
            KeyResidue.AssertNoTrace(h1, key, Xor(k1, 0x36), Xor(k1, 0x5C));
            h1.Compute(data, 0, data.Length, mac, 0, 20);
            Assert.Equal(HMACSHA1.HashData(key, data), mac.Take(20).ToArray());
            inner = KeyResidue.Capture(h1, "_innerState");
            outer = KeyResidue.Capture(h1, "_outerState");
            h1.Clear();
            KeyResidue.AssertNoTrace(h1, key, Xor(k1, 0x36), Xor(k1, 0x5C), inner, outer);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void AesGcm_ClearKey_WipesH_AndTheEngineKey(bool software)
        {
            byte[] key = Random(16, 7);
            byte[] h;
            using (var aes = Aes.Create())
            {
                aes.Key = key;
                h = aes.EncryptEcb(new byte[16], PaddingMode.None); // SP 800-38D §6.3: H = CIPH_K(0^128)
            }
            var engine = software ? (Hal.IAesEngine)new SoftwareAes() : new HostAesEngine();
            engine.SetKey(key, 0, 16);
            var gcm = new AesGcm(engine, 64);
            var nonce = new byte[12];
            var pt = Random(40, 8);
            var ct = new byte[40];
            var tag = new byte[16];
            gcm.Seal(nonce, 0, 12, null, 0, 0, pt, 0, 40, ct, 0, tag, 0, 16);
            Assert.True(gcm.Open(nonce, 0, 12, null, 0, 0, ct, 0, 40, tag, 0, 16, pt, 0));

            // H and the multiplier's derived forms (bit-reversed halves, their xor) as held before the wipe.
            var secrets = new List<byte[]> { key, h };
            foreach (string f in new[] { "_h0", "_h1", "_h2", "_h0r", "_h1r", "_h2r" }) secrets.Add(KeyResidue.Capture(gcm, f));
            Array[] earlier = KeyResidue.Arrays(gcm);
            byte[] roundKeys = software ? KeyResidue.Capture(engine, "_roundKeys") : Array.Empty<byte>();

            gcm.ClearKey();
            KeyResidue.AssertNoTrace(gcm, KeyResidue.DefaultWindow, earlier, secrets.ToArray());
            // Bitsliced round-key bytes take few values: search them by whole 16-byte windows.
            if (software) KeyResidue.AssertNoTrace(gcm, 16, earlier, roundKeys);

            Assert.Throws<InvalidOperationException>(() => gcm.Seal(nonce, 0, 12, null, 0, 0, pt, 0, 40, ct, 0, tag, 0, 16));
            Assert.Throws<InvalidOperationException>(() => gcm.Open(nonce, 0, 12, null, 0, 0, ct, 0, 40, tag, 0, 16, pt, 0));
            gcm.SetKey(key, 0, 16);
            Assert.True(gcm.Open(nonce, 0, 12, null, 0, 0, ct, 0, 40, tag, 0, 16, pt, 0));
        }

        [Fact]
        public void SoftwareAes_ShorterKeyWipesUpperRoundKeys_ClearKeyWipesAll()
        {
            byte[] key256 = Random(32, 9);
            byte[] key128 = Random(16, 10);
            var aes = new SoftwareAes();
            aes.SetKey(key256, 0, 32);
            byte[] schedule256 = KeyResidue.Capture(aes, "_roundKeys");
            // AES-128 uses round keys 0..10 (88 words); 11..14 are the AES-256 key's alone.
            byte[] upper256 = schedule256.Skip(88 * 8).ToArray();
            Array[] earlier = KeyResidue.Arrays(aes);

            aes.SetKey(key128, 0, 16);
            KeyResidue.AssertNoTrace(aes, 16, earlier, upper256);
            KeyResidue.AssertNoTrace(aes, key256);

            byte[] schedule128 = KeyResidue.Capture(aes, "_roundKeys").Take(88 * 8).ToArray();
            var block = new byte[16];
            aes.EncryptBlocks(block, 0, block, 0, 16);
            aes.ClearKey();
            KeyResidue.AssertNoTrace(aes, 16, earlier, schedule128, schedule256);
            KeyResidue.AssertNoTrace(aes, key128, key256);
        }

        [Fact]
        public void HostAesEngine_KeyNeverInManagedMemory_ClearKeyReleasesNativeContexts()
        {
            byte[] key = Random(32, 11);
            var engine = new HostAesEngine();
            engine.SetKey(key, 0, 32);
            var block = new byte[32];
            engine.EncryptBlocks(block, 0, block, 0, 32);
            engine.DecryptBlocks(block, 0, block, 0, 32);
            Assert.Equal(new byte[32], block);
            // No managed copy of the key behind the engine (older runtimes kept Aes.Key in a managed array).
            KeyResidue.AssertNoTrace(engine, key);
            Assert.NotEmpty(KeyResidue.OpenHandles(engine));
            Array[] earlier = KeyResidue.Arrays(engine);

            engine.ClearKey();
            KeyResidue.AssertNoTrace(engine, KeyResidue.DefaultWindow, earlier, key);
            // The native cipher contexts (key schedule) are freed, and no key box is left behind in the Aes object.
            Assert.Empty(KeyResidue.OpenHandles(engine));
            Assert.Throws<InvalidOperationException>(() => engine.EncryptBlocks(block, 0, block, 0, 16));
            engine.SetKey(key, 0, 32);
            engine.EncryptBlocks(block, 0, block, 0, 16);
            engine.Dispose();
            Assert.Empty(KeyResidue.OpenHandles(engine));
        }

        [Fact]
        public void HmacDrbg_Clear_WipesKAndV_AndGenerateKeepsNoOutput()
        {
            var drbg = new HmacDrbg(Random(32, 12), Random(16, 13), null, 100);
            var output = new byte[80];
            drbg.Generate(output, 0, output.Length);
            // Backtracking resistance (SP 800-90A §10.1.2.5 step 6): the state after Generate does not hold its output.
            KeyResidue.AssertNoTrace(drbg, output);
            byte[] k = KeyResidue.Capture(drbg, "_k");
            byte[] v = KeyResidue.Capture(drbg, "_v");
            byte[] inner = KeyResidue.Capture(drbg, "_hmac._innerState");
            byte[] outer = KeyResidue.Capture(drbg, "_hmac._outerState");
            drbg.Clear();
            KeyResidue.AssertNoTrace(drbg, k, v, inner, outer, output);
            Assert.Throws<ObjectDisposedException>(() => drbg.Generate(output, 0, 1));
        }
    }
}
