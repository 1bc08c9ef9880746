using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace NanoMikey.Conformance.Tests
{
    /// <summary>
    /// The per-packet / per-message rule: no <c>ldstr</c> on a hot path outside a throw path. nanoCLR does not intern
    /// strings, so every executed <c>ldstr</c> allocates a new string on the device (the AES-GCM <c>nameof</c> bug).
    /// </summary>
    /// <remarks>
    /// <para>Hot roots: methods carrying an attribute named <c>NanoMikey.Crypto.HotPathAttribute</c>, and every method
    /// except constructors of a type that carries it (matched by name, so fixtures can declare their own).</para>
    /// <para>Reach: from each root, every <c>call</c>/<c>callvirt</c> outside a throw path is followed, transitively, into
    /// the methods of the assemblies given (ours); calls into mscorlib are not followed. A call names one method: an
    /// abstract or interface method has no body to follow, so its implementations carry the attribute themselves
    /// (SoftwareAes, Sha1/Sha256.Compress). Constructors (<c>newobj</c>) are not followed: a hot path that creates an
    /// object does so once per stream or key (SrtpSession's first packet of an SSRC), and a per-call allocation is what
    /// the host allocation tests catch.</para>
    /// <para>Throw path: an <c>ldstr</c> whose basic block ends in <c>throw</c> (blocks split at branch targets, exception
    /// handler starts and after every branch, <c>switch</c>, <c>ret</c>, <c>throw</c>, <c>rethrow</c>, <c>leave</c>,
    /// <c>endfinally</c>, <c>endfilter</c>). So <c>if (bad) throw new X(nameof(a));</c> and <c>throw Fail(nameof(a));</c>
    /// pass, while <c>Check(a, nameof(a));</c> (the string built before knowing whether it is needed) is flagged. Calls
    /// in a throw-path block are not followed either: they run only when the method is about to throw.</para>
    /// </remarks>
    public static class HotPathChecker
    {
        /// <summary>Name of the marker attribute (namespace + type).</summary>
        public const string AttributeName = "NanoMikey.Crypto.HotPathAttribute";

        private static readonly Dictionary<ushort, OpCode> Codes = typeof(OpCodes)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => (ushort)o.Value);

        /// <summary>Checks assembly files together (calls are followed across them).</summary>
        public static List<NanoViolation> CheckFiles(IEnumerable<string> paths) =>
            Check(paths.Select(File.ReadAllBytes).ToList());

        /// <summary>Checks assembly images together (calls are followed across them).</summary>
        public static List<NanoViolation> Check(IReadOnlyList<byte[]> images)
        {
            var set = new AssemblySet(images);
            var result = new List<NanoViolation>();
            var seen = new HashSet<string>();
            var visited = new HashSet<MethodKey>();
            var queue = new Queue<(MethodKey Method, string Root)>();
            foreach (var root in set.Roots())
            {
                if (visited.Add(root)) queue.Enqueue((root, set.Name(root)));
            }
            while (queue.Count > 0)
            {
                var (m, root) = queue.Dequeue();
                var body = set.Body(m);
                if (body == null) continue;
                foreach (var ins in Analyse(body))
                {
                    if (ins.OnThrowPath) continue;
                    if (ins.Op == OpCodes.Ldstr.Value)
                    {
                        string text = set.UserString(m, ins.Token);
                        string where = set.Name(m);
                        string detail = "ldstr \"" + text + "\" outside a throw path" + (where == root ? "" : " (reached from " + root + ")");
                        if (seen.Add(where + "|" + text)) result.Add(new NanoViolation(NanoRule.LdstrOnHotPath, where, detail));
                    }
                    else if (ins.Op == OpCodes.Call.Value || ins.Op == OpCodes.Callvirt.Value)
                    {
                        foreach (var target in set.Resolve(m, ins.Token))
                        {
                            if (visited.Add(target)) queue.Enqueue((target, root));
                        }
                    }
                }
            }
            return result;
        }

        /// <summary>The names of the hot roots found in the given assemblies (for the test that the marks stay in place).</summary>
        public static List<string> Roots(IReadOnlyList<byte[]> images)
        {
            var set = new AssemblySet(images);
            return set.Roots().Select(set.Name).ToList();
        }

        private readonly record struct Instruction(int Offset, ushort Op, int Token, bool OnThrowPath);

        // Decodes the body, splits it into basic blocks and marks the instructions of blocks that end in `throw`.
        private static List<Instruction> Analyse(MethodBodyBlock body)
        {
            var il = body.GetILReader();
            var raw = new List<(int Offset, ushort Op, int Token)>();
            var leaders = new HashSet<int> { 0 };
            foreach (var region in body.ExceptionRegions)
            {
                leaders.Add(region.TryOffset);
                leaders.Add(region.HandlerOffset);
                if (region.Kind == ExceptionRegionKind.Filter) leaders.Add(region.FilterOffset);
            }
            while (il.RemainingBytes > 0)
            {
                int offset = il.Offset;
                ushort value = il.ReadByte();
                if (value == 0xFE) value = (ushort)(0xFE00 | il.ReadByte());
                if (!Codes.TryGetValue(value, out var op)) throw new InvalidDataException("unknown opcode 0x" + value.ToString("X"));
                int token = 0;
                switch (op.OperandType)
                {
                    case OperandType.InlineNone: break;
                    case OperandType.ShortInlineBrTarget:
                        int s = il.ReadSByte();
                        leaders.Add(il.Offset + s);
                        leaders.Add(il.Offset);
                        break;
                    case OperandType.InlineBrTarget:
                        int t = il.ReadInt32();
                        leaders.Add(il.Offset + t);
                        leaders.Add(il.Offset);
                        break;
                    case OperandType.InlineSwitch:
                        int n = il.ReadInt32();
                        var targets = new int[n];
                        for (int i = 0; i < n; i++) targets[i] = il.ReadInt32();
                        foreach (int d in targets) leaders.Add(il.Offset + d);
                        leaders.Add(il.Offset);
                        break;
                    case OperandType.ShortInlineI:
                    case OperandType.ShortInlineVar: il.Offset += 1; break;
                    case OperandType.InlineVar: il.Offset += 2; break;
                    case OperandType.InlineI8:
                    case OperandType.InlineR: il.Offset += 8; break;
                    default: token = il.ReadInt32(); break;
                }
                if (op.FlowControl == FlowControl.Return || op.FlowControl == FlowControl.Throw || value == OpCodes.Endfinally.Value)
                {
                    leaders.Add(il.Offset);
                }
                raw.Add((offset, value, token));
            }

            var result = new List<Instruction>(raw.Count);
            int start = 0;
            for (int i = 0; i <= raw.Count; i++)
            {
                bool blockEnds = i == raw.Count || (i > start && leaders.Contains(raw[i].Offset));
                if (!blockEnds) continue;
                bool throws = raw[i - 1].Op == OpCodes.Throw.Value;
                for (int k = start; k < i; k++) result.Add(new Instruction(raw[k].Offset, raw[k].Op, raw[k].Token, throws));
                start = i;
            }
            return result;
        }

        private readonly record struct MethodKey(int Assembly, MethodDefinitionHandle Handle);

        // The assemblies checked together: their method definitions, indexed by type, name and signature for resolution.
        private sealed class AssemblySet
        {
            private readonly List<(PEReader Pe, MetadataReader Md, string Name)> _assemblies = new();
            private readonly Dictionary<string, List<(MethodKey Key, string Signature)>> _byName = new();

            public AssemblySet(IReadOnlyList<byte[]> images)
            {
                foreach (var image in images)
                {
                    var pe = new PEReader(new MemoryStream(image));
                    var md = pe.GetMetadataReader();
                    _assemblies.Add((pe, md, md.GetString(md.GetAssemblyDefinition().Name)));
                }
                for (int a = 0; a < _assemblies.Count; a++)
                {
                    var md = _assemblies[a].Md;
                    var scanner = new SignatureScanner(md);
                    foreach (var th in md.TypeDefinitions)
                    {
                        var td = md.GetTypeDefinition(th);
                        string type = SignatureScanner.TypeName(md, td);
                        foreach (var mh in td.GetMethods())
                        {
                            var mdef = md.GetMethodDefinition(mh);
                            string key = type + "::" + md.GetString(mdef.Name);
                            if (!_byName.TryGetValue(key, out var list)) _byName[key] = list = new();
                            list.Add((new MethodKey(a, mh), Signature(mdef.DecodeSignature(scanner, null))));
                        }
                    }
                }
            }

            public IEnumerable<MethodKey> Roots()
            {
                for (int a = 0; a < _assemblies.Count; a++)
                {
                    var md = _assemblies[a].Md;
                    foreach (var th in md.TypeDefinitions)
                    {
                        var td = md.GetTypeDefinition(th);
                        bool hotType = IsHot(md, td.GetCustomAttributes());
                        foreach (var mh in td.GetMethods())
                        {
                            var mdef = md.GetMethodDefinition(mh);
                            string name = md.GetString(mdef.Name);
                            bool ctor = name == ".ctor" || name == ".cctor";
                            if ((hotType && !ctor) || IsHot(md, mdef.GetCustomAttributes())) yield return new MethodKey(a, mh);
                        }
                    }
                }
            }

            public MethodBodyBlock? Body(MethodKey m)
            {
                var (pe, md, _) = _assemblies[m.Assembly];
                var mdef = md.GetMethodDefinition(m.Handle);
                return mdef.RelativeVirtualAddress == 0 ? null : pe.GetMethodBody(mdef.RelativeVirtualAddress);
            }

            public string Name(MethodKey m)
            {
                var md = _assemblies[m.Assembly].Md;
                var mdef = md.GetMethodDefinition(m.Handle);
                return SignatureScanner.TypeName(md, md.GetTypeDefinition(mdef.GetDeclaringType())) + "." + md.GetString(mdef.Name);
            }

            public string UserString(MethodKey m, int token) =>
                _assemblies[m.Assembly].Md.GetUserString(MetadataTokens.UserStringHandle(token & 0xFFFFFF));

            // The method definitions a call token names, in any assembly of the set; none for mscorlib and the like.
            public IEnumerable<MethodKey> Resolve(MethodKey from, int token)
            {
                var md = _assemblies[from.Assembly].Md;
                var h = MetadataTokens.EntityHandle(token);
                if (h.Kind == HandleKind.MethodDefinition) return new[] { new MethodKey(from.Assembly, (MethodDefinitionHandle)h) };
                if (h.Kind == HandleKind.MethodSpecification) h = md.GetMethodSpecification((MethodSpecificationHandle)h).Method;
                if (h.Kind == HandleKind.MethodDefinition) return new[] { new MethodKey(from.Assembly, (MethodDefinitionHandle)h) };
                if (h.Kind != HandleKind.MemberReference) return Array.Empty<MethodKey>();
                var mr = md.GetMemberReference((MemberReferenceHandle)h);
                if (mr.GetKind() != MemberReferenceKind.Method || mr.Parent.Kind != HandleKind.TypeReference) return Array.Empty<MethodKey>();
                string key = TypeRefName(md, (TypeReferenceHandle)mr.Parent) + "::" + md.GetString(mr.Name);
                if (!_byName.TryGetValue(key, out var candidates)) return Array.Empty<MethodKey>();
                string signature = Signature(mr.DecodeMethodSignature(new SignatureScanner(md), null));
                var exact = candidates.Where(c => c.Signature == signature).Select(c => c.Key).ToList();
                // Signatures naming nested types read differently across assemblies: follow every overload then.
                return exact.Count > 0 ? exact : candidates.Select(c => c.Key).ToList();
            }

            private static string Signature(MethodSignature<string> s) =>
                s.ReturnType + "(" + string.Join(",", s.ParameterTypes) + ")";

            private static string TypeRefName(MetadataReader md, TypeReferenceHandle h)
            {
                var tr = md.GetTypeReference(h);
                string name = md.GetString(tr.Name);
                if (tr.ResolutionScope.Kind == HandleKind.TypeReference) return TypeRefName(md, (TypeReferenceHandle)tr.ResolutionScope) + "+" + name;
                string ns = md.GetString(tr.Namespace);
                return (ns.Length > 0 ? ns + "." : "") + name;
            }

            private static bool IsHot(MetadataReader md, CustomAttributeHandleCollection attributes)
            {
                foreach (var ah in attributes)
                {
                    var ctor = md.GetCustomAttribute(ah).Constructor;
                    string type;
                    if (ctor.Kind == HandleKind.MethodDefinition)
                    {
                        var mdef = md.GetMethodDefinition((MethodDefinitionHandle)ctor);
                        type = SignatureScanner.TypeName(md, md.GetTypeDefinition(mdef.GetDeclaringType()));
                    }
                    else if (ctor.Kind == HandleKind.MemberReference)
                    {
                        var parent = md.GetMemberReference((MemberReferenceHandle)ctor).Parent;
                        if (parent.Kind != HandleKind.TypeReference) continue;
                        type = TypeRefName(md, (TypeReferenceHandle)parent);
                    }
                    else continue;
                    if (type == AttributeName) return true;
                }
                return false;
            }
        }
    }
}
