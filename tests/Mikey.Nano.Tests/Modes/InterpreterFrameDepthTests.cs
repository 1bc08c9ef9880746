using System.Reflection;
using System.Reflection.Emit;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Modes;

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
        private const BindingFlags All = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

        private static readonly Dictionary<short, OpCode> Codes = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

        private static MethodInfo Method(Type t, string name) =>
            t.GetMethods(All).Single(m => m.Name == name);

        // Our methods called by m (call/callvirt/newobj excluded: constructors run once per object, not on these chains).
        private static IEnumerable<MethodBase> Callees(MethodBase m)
        {
            byte[]? il = m.GetMethodBody()?.GetILAsByteArray();
            if (il == null) yield break;
            for (int i = 0; i < il.Length;)
            {
                short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
                OpCode op = Codes[value];
                i += op.Size;
                int operand = op.OperandType switch
                {
                    OperandType.InlineNone => 0,
                    OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                    OperandType.InlineVar => 2,
                    OperandType.InlineI8 or OperandType.InlineR => 8,
                    OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                    _ => 4,
                };
                if (op == OpCodes.Call || op == OpCodes.Callvirt)
                {
                    MethodBase? target = m.Module.ResolveMethod(BitConverter.ToInt32(il, i), m.DeclaringType!.GetGenericArguments(), null);
                    if (target != null && target.DeclaringType!.Namespace!.StartsWith("NanoMikey", StringComparison.Ordinal)) yield return target;
                }

                i += operand;
            }
        }

        // The deepest chain of our frames from m (m first), as "Type.Method" names.
        private static List<string> Deepest(MethodBase m, HashSet<MethodBase> onPath)
        {
            var chain = new List<string> { m.DeclaringType!.Name + "." + m.Name };
            if (m.IsAbstract || m.GetMethodBody() == null || !onPath.Add(m)) return chain;
            List<string> longest = new List<string>();
            foreach (MethodBase c in Callees(m))
            {
                List<string> below = Deepest(c, onPath);
                if (below.Count > longest.Count) longest = below;
            }

            onPath.Remove(m);
            chain.AddRange(longest);
            return chain;
        }

        private static void AssertDepth(Type t, string method, int most)
        {
            List<string> chain = Deepest(Method(t, method), new HashSet<MethodBase>());
            Assert.True(chain.Count <= most, string.Join(" → ", chain) + ": " + chain.Count + " frames, at most " + most);
        }

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
