using System.Reflection;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Modes;
using NanoMikey.Tests.Shared;

namespace NanoMikey.Mikey.Tests.Modes
{
    /// <summary>
    /// Issue 10 §2 (heap): the nanoFramework interpreter allocates a frame on the managed heap for every call (~310 B plus
    /// 24 B per local and stack slot on the kit's 64-bit build), so the deepest call chain of a PSK exchange sets the
    /// sensor's heap peak. These read the IL of the chains that were the peak (the KEMAC decryption with the software AES,
    /// the TGK key derivation) and bound how many of our frames they stack. Calls are followed into methods with a body in
    /// our assemblies; an interface or abstract call (IAesEngine, the hash's Compress) counts as one frame, not followed.
    /// </summary>
    public class InterpreterFrameDepthTests
    {
        private static MethodInfo Method(Type t, string name) => InterpreterFrames.Method(t, name);

        private static IEnumerable<MethodBase> Callees(MethodBase m) => InterpreterFrames.Callees(m);

        private static void AssertDepth(Type t, string method, int most) => InterpreterFrames.AssertDepth(t, method, most);

        [Fact]
        public void SoftwareAesEncryptBlocks_CallsOnlyLeafSteps()
        {
            // EncryptBlocks → SubBytes (was EncryptBlocks → Run → EncryptState → SubBytes: two frames more).
            AssertDepth(typeof(SoftwareAes), nameof(SoftwareAes.EncryptBlocks), 2);
        }

        [Fact]
        public void KemacDecryption_RunsTheKeystreamFromItsOwnFrame()
        {
            // Decrypt → AesCmCipher.Apply → the engine (or KeystreamXor); was Decrypt → Transform → AesCtr.XorKeystream →
            // AesCtr.Run → the engine. AES-KW-128's unwrap is a chain of its own of the same depth.
            AssertDepth(typeof(KemacProtection), nameof(KemacProtection.Decrypt), 3);
        }

        [Fact]
        public void MikeyPrf_DoesNotStackHmacCompute()
        {
            // Derive → Hmac.Final → FinishInto → Compress; Hmac.Compute calls Final, one frame more on every TGK derivation.
            Assert.DoesNotContain(Callees(Method(typeof(MikeyPrf), nameof(MikeyPrf.Derive))), c => c.Name == "Compute");
        }

        [Fact]
        public void PskResponder_DecryptsAndLoadsKeysOutsideProcess()
        {
            // Process (the checks, ~1 KB frame on the interpreter) returns before the KEMAC decryption and the key derivation.
            MethodInfo process = Method(typeof(PskResponder), "Process");
            Assert.DoesNotContain(Callees(process), c => c.Name == nameof(KemacProtection.Decrypt) || c.Name == "LoadKeys");
            MethodInfo respond = Method(typeof(PskResponder), nameof(PskResponder.Respond));
            Assert.Contains(Callees(respond), c => c.Name == "LoadKeys");
        }
    }
}
