using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;

namespace NanoMikey.Conformance.Tests
{
    /// <summary>
    /// Reads one compiled assembly and lists what the nanoFramework 1.x runtime or its MetadataProcessor
    /// would reject (nanoFramework runtime limits: see README, "Two flavours").
    /// </summary>
    public static class NanoAssemblyChecker
    {
        /// <summary>MetadataProcessor limit per type for virtual, instance and static methods.</summary>
        public const int MaxMethodsPerKind = 255;

        /// <summary>MetadataProcessor limit for IL bytes and for string bytes per assembly.</summary>
        public const int MaxBytes = 64 * 1024;

        /// <summary>
        /// Our budget below <see cref="MaxBytes"/>: 56 KB of IL (87.5 %), so an assembly that grows towards the wall is
        /// split before it hits it (see NanoFlavourTests.EveryNanoAssemblyStaysWithinTheIlBudget).
        /// </summary>
        public const int IlBudget = 56 * 1024;

        /// <summary>Measures an assembly file's IL and string bytes.</summary>
        public static NanoAssemblySize Measure(string path)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            return Measure(pe);
        }

        /// <summary>Measures an assembly image held in memory.</summary>
        public static NanoAssemblySize Measure(byte[] image)
        {
            using var pe = new PEReader(new MemoryStream(image));
            return Measure(pe);
        }

        private static NanoAssemblySize Measure(PEReader pe)
        {
            var md = pe.GetMetadataReader();
            long ilBytes = 0;
            foreach (var mh in md.MethodDefinitions)
            {
                var mdef = md.GetMethodDefinition(mh);
                if (mdef.RelativeVirtualAddress != 0) ilBytes += pe.GetMethodBody(mdef.RelativeVirtualAddress).Size;
            }

            long strings = md.GetHeapSize(HeapIndex.String);
            var us = MetadataTokens.UserStringHandle(1);
            while (!us.IsNil && MetadataTokens.GetHeapOffset(us) < md.GetHeapSize(HeapIndex.UserString))
            {
                strings += Encoding.UTF8.GetByteCount(md.GetUserString(us));
                us = md.GetNextHandle(us);
            }
            return new NanoAssemblySize(ilBytes, strings);
        }

        /// <summary>Checks an assembly file; <paramref name="ownAssemblyPrefix"/> names the references that are ours.</summary>
        public static List<NanoViolation> Check(string path, string ownAssemblyPrefix = "NanoMikey.") =>
            Check(File.ReadAllBytes(path), ownAssemblyPrefix);

        /// <summary>Checks an assembly image held in memory.</summary>
        public static List<NanoViolation> Check(byte[] image, string ownAssemblyPrefix = "NanoMikey.")
        {
            using var pe = new PEReader(new MemoryStream(image));
            var result = Check(pe, ownAssemblyPrefix);
            // Hot paths within this assembly; NanoFlavourTests follows calls across all of ours.
            result.AddRange(HotPathChecker.Check(new[] { image }));
            return result;
        }

        private static List<NanoViolation> Check(PEReader pe, string ownPrefix)
        {
            var md = pe.GetMetadataReader();
            var result = new List<NanoViolation>();
            var seen = new HashSet<string>();
            var scanner = new SignatureScanner(md);

            void Add(NanoRule rule, string where, string detail)
            {
                if (seen.Add(rule + "|" + where + "|" + detail)) result.Add(new NanoViolation(rule, where, detail));
            }

            void Flush(string where)
            {
                foreach (var (rule, type) in scanner.Found) Add(rule, where, type);
                scanner.Found.Clear();
            }

            foreach (var r in md.AssemblyReferences)
            {
                string name = md.GetString(md.GetAssemblyReference(r).Name);
                if (name != "mscorlib" && !name.StartsWith(ownPrefix, StringComparison.Ordinal))
                    Add(NanoRule.ForeignAssemblyReference, "assembly", name);
            }

            foreach (var th in md.TypeDefinitions)
            {
                var td = md.GetTypeDefinition(th);
                string typeName = SignatureScanner.TypeName(md, td);
                if (td.GetGenericParameters().Count > 0) Add(NanoRule.GenericTypeDefinition, typeName, "generic parameters");
                if (!td.BaseType.IsNil) { DecodeTypeHandle(md, td.BaseType, scanner); Flush(typeName + " (base type)"); }
                foreach (var ih in td.GetInterfaceImplementations())
                {
                    DecodeTypeHandle(md, md.GetInterfaceImplementation(ih).Interface, scanner);
                    Flush(typeName + " (interface)");
                }
                foreach (var fh in td.GetFields())
                {
                    var fd = md.GetFieldDefinition(fh);
                    fd.DecodeSignature(scanner, null);
                    Flush(typeName + "." + md.GetString(fd.Name));
                }

                int virtuals = 0, instances = 0, statics = 0;
                foreach (var mh in td.GetMethods())
                {
                    var mdef = md.GetMethodDefinition(mh);
                    string where = typeName + "." + md.GetString(mdef.Name);
                    if ((mdef.Attributes & MethodAttributes.Static) != 0) statics++;
                    else instances++;
                    if ((mdef.Attributes & MethodAttributes.Virtual) != 0) virtuals++;
                    if (mdef.GetGenericParameters().Count > 0) Add(NanoRule.GenericMethodDefinition, where, "generic parameters");
                    mdef.DecodeSignature(scanner, null);
                    Flush(where);
                    if (mdef.RelativeVirtualAddress == 0) continue;
                    var body = pe.GetMethodBody(mdef.RelativeVirtualAddress);
                    if (!body.LocalSignature.IsNil)
                    {
                        md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(scanner, null);
                        Flush(where + " (locals)");
                    }
                    foreach (var op in IlOpcodeWalker.FindForbidden(body)) Add(NanoRule.ForbiddenOpcode, where, op);
                    foreach (int token in IlOpcodeWalker.Tokens(body))
                    {
                        DecodeToken(md, token, scanner, out bool genericMethod);
                        if (genericMethod) Add(NanoRule.GenericInstantiation, where, "generic method instantiation");
                        Flush(where);
                    }
                }
                if (virtuals > MaxMethodsPerKind) Add(NanoRule.TooManyVirtualMethods, typeName, virtuals + " virtual methods");
                if (instances > MaxMethodsPerKind) Add(NanoRule.TooManyInstanceMethods, typeName, instances + " instance methods");
                if (statics > MaxMethodsPerKind) Add(NanoRule.TooManyStaticMethods, typeName, statics + " static methods");
            }

            // Whatever else refers to a type spec or generic method spec (attributes, member refs).
            for (int i = 1; i <= md.GetTableRowCount(TableIndex.TypeSpec); i++)
            {
                md.GetTypeSpecification(MetadataTokens.TypeSpecificationHandle(i)).DecodeSignature(scanner, null);
                Flush("(type spec " + i + ")");
            }
            if (md.GetTableRowCount(TableIndex.MethodSpec) > 0 && result.TrueForAll(v => v.Rule != NanoRule.GenericInstantiation))
                Add(NanoRule.GenericInstantiation, "(metadata)", "method spec table is not empty");

            var size = Measure(pe);
            if (size.IlBytes > MaxBytes) Add(NanoRule.IlTooLarge, "assembly", size.IlBytes + " bytes of IL");
            if (size.StringBytes > MaxBytes) Add(NanoRule.StringsTooLarge, "assembly", size.StringBytes + " bytes of strings");
            return result;
        }

        private static void DecodeTypeHandle(MetadataReader md, EntityHandle h, SignatureScanner scanner)
        {
            if (h.Kind == HandleKind.TypeSpecification) md.GetTypeSpecification((TypeSpecificationHandle)h).DecodeSignature(scanner, null);
        }

        private static void DecodeToken(MetadataReader md, int token, SignatureScanner scanner, out bool genericMethod)
        {
            genericMethod = false;
            var h = MetadataTokens.EntityHandle(token);
            switch (h.Kind)
            {
                case HandleKind.TypeSpecification:
                    DecodeTypeHandle(md, h, scanner);
                    break;
                case HandleKind.MethodSpecification:
                    genericMethod = true;
                    break;
                case HandleKind.MemberReference:
                    var mr = md.GetMemberReference((MemberReferenceHandle)h);
                    DecodeTypeHandle(md, mr.Parent, scanner);
                    if (mr.GetKind() == MemberReferenceKind.Method) mr.DecodeMethodSignature(scanner, null);
                    else mr.DecodeFieldSignature(scanner, null);
                    break;
                case HandleKind.StandaloneSignature:
                    var ss = md.GetStandaloneSignature((StandaloneSignatureHandle)h);
                    if (ss.GetKind() == StandaloneSignatureKind.Method) ss.DecodeMethodSignature(scanner, null);
                    break;
            }
        }
    }
}
