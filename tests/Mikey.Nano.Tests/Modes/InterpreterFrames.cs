using System.Reflection;
using System.Reflection.Emit;

namespace NanoMikey.Tests.Shared
{
    /// <summary>
    /// Issue 10 §2 (heap): the nanoFramework interpreter allocates each call's frame on the managed heap (~310 B plus 24 B
    /// per local and stack slot on the kit's 64-bit build), so the deepest chains set the heap peak. Reads a method's IL
    /// and follows calls into methods with a body in our assemblies; an interface or abstract call counts as one frame.
    /// Shared by the frame-depth tests of Mikey.Nano.Tests and Ecc.Nano.Tests.
    /// </summary>
    internal static class InterpreterFrames
    {
        internal const BindingFlags All = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

        internal static readonly Dictionary<short, OpCode> Codes = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

        internal static MethodInfo Method(Type t, string name) =>
            t.GetMethods(All).Single(m => m.Name == name);

        // Our methods called by m (call/callvirt/newobj excluded: constructors run once per object, not on these chains).
        internal static IEnumerable<MethodBase> Callees(MethodBase m)
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
        internal static List<string> Deepest(MethodBase m, HashSet<MethodBase> onPath)
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

        internal static void AssertDepth(Type t, string method, int most)
        {
            List<string> chain = Deepest(Method(t, method), new HashSet<MethodBase>());
            Assert.True(chain.Count <= most, string.Join(" → ", chain) + ": " + chain.Count + " frames, at most " + most);
        }
    }
}
