using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Text;

namespace NanoMikey.Conformance.Tests
{
    /// <summary>Each rule of <see cref="NanoAssemblyChecker"/> fires on a fixture that breaks it, and only then.</summary>
    public class RuleFixtureTests
    {
        private static void AssertBreaks(byte[] image, NanoRule rule, string? detail = null)
        {
            var v = NanoAssemblyChecker.Check(image);
            Assert.True(v.Any(x => x.Rule == rule && (detail is null || x.Detail.Contains(detail))),
                "expected " + rule + " " + detail + ", got:\n" + string.Join("\n", v));
        }

        [Fact]
        public void CleanFixtureHasNoViolations()
        {
            const string src = @"
namespace F {
  public delegate int Step(int x);
  public interface IShape { int Area(); }
  public sealed class Square : IShape {
    private readonly int[] _jagged0 = new int[4];
    private readonly int[][] _jagged = new int[2][];
    public int Side;
    public int Area() { return Side * Side; }
    public static int Sum(byte[] b, int off, int len) {
      int s = 0; for (int i = off; i < off + len; i++) s += b[i];
      Step f = x => x + s; string t = ""n="" + s;
      switch (t) { case ""a"": return 1; case ""b"": return 2; }
      try { return f(s) + t.Length; } finally { s = 0; }
    }
  }
}";
            var v = NanoAssemblyChecker.Check(FixtureCompiler.Compile(src));
            Assert.True(v.Count == 0, string.Join("\n", v));
        }

        [Fact]
        public void GenericTypeDefinitionIsCaught() =>
            AssertBreaks(FixtureCompiler.Compile("public class Box<T> { public T V; }"), NanoRule.GenericTypeDefinition);

        [Fact]
        public void GenericMethodDefinitionIsCaught() =>
            AssertBreaks(FixtureCompiler.Compile("public static class C { public static T Id<T>(T x) { return x; } }"), NanoRule.GenericMethodDefinition);

        [Fact]
        public void FuncInstantiationIsCaught() =>
            AssertBreaks(FixtureCompiler.Compile(
                "public static class C { public static int F() { System.Func<int,int> f = x => x + 1; return f(2); } }"),
                NanoRule.GenericInstantiation, "System.Func`2");

        [Fact]
        public void GenericFieldInstantiationIsCaught() =>
            AssertBreaks(FixtureCompiler.Compile("public class C { public System.Action<int> A; }"),
                NanoRule.GenericInstantiation, "System.Action`1");

        [Fact]
        public void MultidimensionalArrayIsCaught() =>
            AssertBreaks(FixtureCompiler.Compile(
                "public static class C { public static int F() { var a = new int[2,2]; a[1,1] = 3; return a[1,1]; } }"),
                NanoRule.MultidimensionalArray);

        [Fact]
        public void PointerTypeIsCaught() =>
            AssertBreaks(FixtureCompiler.Compile("public static unsafe class C { public static int F(int* p) { return *p; } }"),
                NanoRule.PointerType);

        [Fact]
        public void LocallocIsCaught() =>
            AssertBreaks(FixtureCompiler.Compile(
                "public static unsafe class C { public static int F() { byte* p = stackalloc byte[16]; p[3] = 1; return p[3]; } }"),
                NanoRule.ForbiddenOpcode, "localloc");

        [Fact]
        public void CalliIsCaught() =>
            AssertBreaks(FixtureCompiler.Compile(
                "public static unsafe class C { public static int F(delegate*<int> f) { return f(); } }"),
                NanoRule.ForbiddenOpcode, "calli");

        [Fact]
        public void CpblkIsCaught() =>
            AssertBreaks(EmitIl(il => { il.Emit(OpCodes.Ldarg_0); il.Emit(OpCodes.Ldarg_1); il.Emit(OpCodes.Ldc_I4_8); il.Emit(OpCodes.Cpblk); }),
                NanoRule.ForbiddenOpcode, "cpblk");

        [Fact]
        public void InitblkIsCaught() =>
            AssertBreaks(EmitIl(il => { il.Emit(OpCodes.Ldarg_0); il.Emit(OpCodes.Ldc_I4_0); il.Emit(OpCodes.Ldc_I4_8); il.Emit(OpCodes.Initblk); }),
                NanoRule.ForbiddenOpcode, "initblk");

        [Fact]
        public void JmpIsCaught() =>
            AssertBreaks(EmitIl(il => il.Emit(OpCodes.Jmp, typeof(RuleFixtureTests).GetMethod(nameof(Target), BindingFlags.NonPublic | BindingFlags.Static)!), withRet: false),
                NanoRule.ForbiddenOpcode, "jmp");

        private static void Target(IntPtr a, IntPtr b) { }

        [Fact]
        public void TooManyStaticMethodsIsCaught() =>
            AssertBreaks(FixtureCompiler.Compile(ManyMethods(256, "static")), NanoRule.TooManyStaticMethods);

        [Fact]
        public void TooManyInstanceMethodsIsCaught() =>
            AssertBreaks(FixtureCompiler.Compile(ManyMethods(256, "")), NanoRule.TooManyInstanceMethods);

        [Fact]
        public void TooManyVirtualMethodsIsCaught() =>
            AssertBreaks(FixtureCompiler.Compile(ManyMethods(256, "virtual")), NanoRule.TooManyVirtualMethods);

        [Fact]
        public void TwoHundredFiftyFiveMethodsPass()
        {
            var v = NanoAssemblyChecker.Check(FixtureCompiler.Compile(ManyMethods(254, "virtual")));
            Assert.Empty(v);
        }

        [Fact]
        public void IlOver64KbIsCaught() =>
            AssertBreaks(FixtureCompiler.Compile(ArithmeticMethods(16)), NanoRule.IlTooLarge);

        [Fact]
        public void IlBetweenBudgetAndWallIsOverBudgetButLegal()
        {
            // About 60 KB: the budget flags it while MetadataProcessor would still take it, which is the point of the budget.
            byte[] image = FixtureCompiler.Compile(ArithmeticMethods(7));
            long il = NanoAssemblyChecker.Measure(image).IlBytes;
            Assert.InRange(il, NanoAssemblyChecker.IlBudget + 1, NanoAssemblyChecker.MaxBytes);
            Assert.Empty(NanoAssemblyChecker.Check(image));
        }

        [Fact]
        public void IlMeasureCountsEveryMethodBody()
        {
            // Each method's 800 statements are 11 bytes (ldarg.0, ldc.i4, mul, ldc.i4.7, add, starg.s), plus a 12-byte header
            // and the return; the difference of two fixtures cancels the compiler's embedded attribute constructors.
            long one = NanoAssemblyChecker.Measure(FixtureCompiler.Compile(ArithmeticMethods(1))).IlBytes;
            long three = NanoAssemblyChecker.Measure(FixtureCompiler.Compile(ArithmeticMethods(3))).IlBytes;
            Assert.Equal(2 * (800 * 11 + 12 + 2), three - one);
        }

        [Fact]
        public void StringsOver64KbAreCaught() =>
            AssertBreaks(FixtureCompiler.Compile(
                "public static class C { public static string S() { return \"" + new string('x', 70000) + "\"; } }"),
                NanoRule.StringsTooLarge);

        [Fact]
        public void ForeignAssemblyReferenceIsCaught()
        {
            byte[] other = FixtureCompiler.Compile("public class Other { public static int V() { return 1; } }", "Vendor.Library");
            byte[] image = FixtureCompiler.Compile("public static class C { public static int F() { return Other.V(); } }",
                "NanoMikey.Fixture", other);
            AssertBreaks(image, NanoRule.ForeignAssemblyReference, "Vendor.Library");
        }

        [Fact]
        public void OwnAssemblyReferenceIsAllowed()
        {
            byte[] own = FixtureCompiler.Compile("public class Own { public static int V() { return 1; } }", "NanoMikey.Other");
            byte[] image = FixtureCompiler.Compile("public static class C { public static int F() { return Own.V(); } }",
                "NanoMikey.Fixture", own);
            Assert.Empty(NanoAssemblyChecker.Check(image));
        }

        // The marker as lib/Crypto.Nano declares it; the checker matches it by name.
        private const string HotPathDecl =
            "namespace NanoMikey.Crypto { [System.AttributeUsage(System.AttributeTargets.All)] public sealed class HotPathAttribute : System.Attribute { } }\n";

        [Fact]
        public void NameofPassedToACheckOnAHotPathIsCaught() =>
            // The AES-GCM bug: the parameter name is loaded on every call, before the check knows it will throw.
            AssertBreaks(FixtureCompiler.Compile(HotPathDecl + @"
public sealed class Gcm {
  [NanoMikey.Crypto.HotPath] public void Seal(byte[] plaintext, int o, int n) { CheckRange(plaintext, o, n, nameof(plaintext)); plaintext[o] ^= 1; }
  private static void CheckRange(byte[] b, int o, int n, string name) { if (b == null) throw new System.ArgumentNullException(name); }
}"), NanoRule.LdstrOnHotPath, "ldstr \"plaintext\"");

        [Fact]
        public void LdstrInACalleeOfAHotPathIsCaught() =>
            AssertBreaks(FixtureCompiler.Compile(HotPathDecl + @"
public sealed class Codec {
  [NanoMikey.Crypto.HotPath] public int Parse(byte[] m) { return Step(m) + 1; }
  private static int Step(byte[] m) { return Name(m[0]).Length; }
  private static string Name(int t) { return t == 1 ? ""RAND"" : ""other""; }
}"), NanoRule.LdstrOnHotPath, "reached from Codec.Parse");

        [Fact]
        public void LdstrInAMethodOfAHotTypeIsCaught() =>
            AssertBreaks(FixtureCompiler.Compile(HotPathDecl + @"
[NanoMikey.Crypto.HotPath]
public sealed class Writer {
  private string _last = """";
  public void Finish() { _last = ""done""; }
}"), NanoRule.LdstrOnHotPath, "ldstr \"done\"");

        [Fact]
        public void LdstrOnThrowPathsAndColdCodeIsAllowed()
        {
            // Throw blocks (inline or through a factory), calls made only from throw blocks, constructors of a hot type,
            // and methods no hot path reaches may all load strings.
            const string src = HotPathDecl + @"
[NanoMikey.Crypto.HotPath]
public sealed class Gcm {
  private readonly string _name;
  public Gcm() { _name = ""gcm""; }
  public void Seal(byte[] plaintext, int o, int n) {
    if (plaintext == null) throw new System.ArgumentNullException(nameof(plaintext));
    if (!InRange(plaintext, o, n)) throw RangeError(plaintext, nameof(plaintext));
    if (n == 7) throw new System.ArgumentException(Text.Describe(n), nameof(n));
    for (int i = 0; i < n; i++) plaintext[o + i] ^= 1;
  }
  private static bool InRange(byte[] b, int o, int n) { return o >= 0 && n >= 0 && o <= b.Length - n; }
  private static System.Exception RangeError(byte[] b, string name) { return new System.ArgumentOutOfRangeException(name); }
  public override string ToString() { throw new System.NotSupportedException(""no text on a hot type""); }
}
public static class Text { public static string Describe(int n) { return ""bad length "" + n; } }
public static class Cold { public static string Render(int x) { return ""x="" + x; } }";
            var v = NanoAssemblyChecker.Check(FixtureCompiler.Compile(src));
            Assert.True(v.Count == 0, string.Join("\n", v));
        }

        [Fact]
        public void LdstrReachedInAnotherOfOurAssembliesIsCaught()
        {
            byte[] lower = FixtureCompiler.Compile(
                "public static class Helper { public static int Tag(byte[] b) { string s = \"tag\"; return s.Length + b[0]; } }", "NanoMikey.Lower");
            byte[] upper = FixtureCompiler.Compile(HotPathDecl +
                "public sealed class Srtp { [NanoMikey.Crypto.HotPath] public int Protect(byte[] p) { return Helper.Tag(p); } }",
                "NanoMikey.Upper", lower);
            // Alone, the upper assembly cannot see into the lower one; together the call is followed.
            Assert.DoesNotContain(NanoAssemblyChecker.Check(upper), x => x.Rule == NanoRule.LdstrOnHotPath);
            var v = HotPathChecker.Check(new[] { upper, lower });
            Assert.Contains(v, x => x.Rule == NanoRule.LdstrOnHotPath && x.Where == "Helper.Tag" && x.Detail.Contains("Srtp.Protect"));
        }

        private static string ArithmeticMethods(int methods)
        {
            var sb = new StringBuilder("public static class C {\n");
            for (int m = 0; m < methods; m++)
            {
                sb.Append("public static int M").Append(m).Append("(int x) {\n");
                for (int i = 0; i < 800; i++) sb.Append("x = x * ").Append(i + 1000).Append(" + 7;\n");
                sb.Append("return x; }\n");
            }
            return sb.Append('}').ToString();
        }

        private static string ManyMethods(int count, string modifier)
        {
            var sb = new StringBuilder("public class C {\n");
            for (int i = 0; i < count; i++)
                sb.Append("public ").Append(modifier).Append(" int M").Append(i).Append("() { return ").Append(i).Append("; }\n");
            return sb.Append('}').ToString();
        }

        private static byte[] EmitIl(Action<ILGenerator> body, bool withRet = true)
        {
            // C# never emits these opcodes; Reflection.Emit writes them into a real assembly image.
            var ab = new PersistedAssemblyBuilder(new AssemblyName("NanoMikey.EmitFixture"), typeof(object).Assembly);
            var mb = ab.DefineDynamicModule("NanoMikey.EmitFixture");
            var tb = mb.DefineType("C", TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed);
            var m = tb.DefineMethod("F", MethodAttributes.Public | MethodAttributes.Static, typeof(void), new[] { typeof(IntPtr), typeof(IntPtr) });
            var il = m.GetILGenerator();
            body(il);
            if (withRet) il.Emit(OpCodes.Ret);
            tb.CreateType();
            using var ms = new MemoryStream();
            ab.Save(ms);
            return ms.ToArray();
        }
    }
}
