using System.Reflection;
using NanoMikey.Tests.Shared;

namespace NanoMikey.Ecc.Tests
{
    /// <summary>
    /// Issue 10 §2 (the intercom's heap on the interpreter, 64 KB): every field product is the deepest point of a P-256
    /// operation, and there each of our frames is a separate heap block (~0.4–1 KB); every key holder is on the heap for
    /// as long as the device keeps it. These bound both: a product stacks one frame (the reduction) below itself, and a
    /// key holds its value only (the import/candidate staging is shared under the workspace lock).
    /// </summary>
    public class P256InterpreterHeapTests
    {
        private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

        [Fact]
        public void FieldProductsStackOnlyTheReductionBelowThemselves()
        {
            // Sqr → Reduce (was Sqr → SqrCore → Reduce → SubtractOnce); the nano Mul is MulColumns' body: MulColumns → Reduce.
            InterpreterFrames.AssertDepth(typeof(P256Field), nameof(P256Field.Sqr), 2);
            InterpreterFrames.AssertDepth(typeof(P256Field), nameof(P256Field.MulColumns), 2);
        }

        [Fact]
        public void KeysHoldTheirValueOnly()
        {
            Assert.Equal(new[] { "X", "Y" }, ArrayFields(typeof(P256PublicKey), typeof(uint[])));
            Assert.Equal(new[] { "D" }, ArrayFields(typeof(P256PrivateKey), typeof(uint[])));
            Assert.Empty(ArrayFields(typeof(P256PrivateKey), typeof(byte[])));
        }

        [Fact]
        public void ScalarInversionTableIsThePointTemporaries()
        {
            // The ten table entries are arrays the engine holds anyway (its point-arithmetic temporaries), not ten more.
            var engine = new P256Engine();
            var own = typeof(P256Engine).GetFields(Instance).Where(f => f.FieldType == typeof(uint[])).Select(f => f.GetValue(engine)).ToList();
            var table = (uint[][])typeof(P256Engine).GetField("_scalarTable", Instance)!.GetValue(engine)!;
            Assert.Equal(10, table.Length);
            Assert.All(table, t => Assert.Contains(own, o => ReferenceEquals(o, t)));
            Assert.Equal(10, table.Distinct().Count());
        }

        [Fact]
        public void SharedStagingLeavesEachKeyItsOwnValue()
        {
            // Two keys imported, exported and re-imported one after the other through the shared staging keep their own points.
            var a = P256PrivateKey.FromScalar(P256ReferenceCurve.Bytes32(0x1234), 0)!;
            var b = P256PrivateKey.FromScalar(P256ReferenceCurve.Bytes32(0x5678), 0)!;
            byte[] ea = new byte[65], eb = new byte[65], c = new byte[33];
            a.PublicKey.ExportUncompressed(ea, 0);
            b.PublicKey.ExportUncompressed(eb, 0);
            Assert.NotEqual(ea, eb);
            var pa = P256PublicKey.Decode(ea, 0, 65)!;
            b.PublicKey.ExportCompressed(c, 0);
            var pb = P256PublicKey.Decode(c, 0, 33)!;
            Assert.True(pa.SameAs(a.PublicKey) && pb.SameAs(b.PublicKey) && !pa.SameAs(pb));
            Assert.Null(P256PublicKey.Decode(new byte[65], 0, 65)); // a failed import leaves the staging, not a key
            Assert.True(pa.SameAs(a.PublicKey));
        }

        private static string[] ArrayFields(Type t, Type element) =>
            t.GetFields(Instance).Where(f => f.FieldType == element).Select(f => f.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
    }
}
