using System.Collections.Generic;
using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace NanoMikey.Conformance.Tests
{
    /// <summary>
    /// Decodes a signature blob and records the forbidden shapes it contains (generic instantiation or
    /// parameter, multidimensional array, pointer or function pointer). Returns a readable type name.
    /// </summary>
    internal sealed class SignatureScanner : ISignatureTypeProvider<string, object?>
    {
        private readonly MetadataReader _md;

        public SignatureScanner(MetadataReader md) { _md = md; }

        /// <summary>The rules the last decoded signatures broke, with the type names that broke them.</summary>
        public List<(NanoRule Rule, string Type)> Found { get; } = new();

        public string GetArrayType(string elementType, ArrayShape shape)
        {
            string name = elementType + "[" + new string(',', shape.Rank - 1) + "]";
            Found.Add((NanoRule.MultidimensionalArray, name));
            return name;
        }

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetFunctionPointerType(MethodSignature<string> signature)
        {
            Found.Add((NanoRule.PointerType, "function pointer"));
            return "delegate*";
        }

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
        {
            string name = genericType + "<" + string.Join(",", typeArguments) + ">";
            Found.Add((NanoRule.GenericInstantiation, name));
            return name;
        }

        public string GetGenericMethodParameter(object? genericContext, int index)
        {
            Found.Add((NanoRule.GenericInstantiation, "!!" + index));
            return "!!" + index;
        }

        public string GetGenericTypeParameter(object? genericContext, int index)
        {
            Found.Add((NanoRule.GenericInstantiation, "!" + index));
            return "!" + index;
        }

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

        public string GetPinnedType(string elementType)
        {
            Found.Add((NanoRule.PointerType, "pinned " + elementType));
            return elementType;
        }

        public string GetPointerType(string elementType)
        {
            Found.Add((NanoRule.PointerType, elementType + "*"));
            return elementType + "*";
        }

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
            => TypeName(reader, reader.GetTypeDefinition(handle));

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            var tr = reader.GetTypeReference(handle);
            string ns = reader.GetString(tr.Namespace);
            return (ns.Length > 0 ? ns + "." : "") + reader.GetString(tr.Name);
        }

        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
            => reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public static string TypeName(MetadataReader reader, TypeDefinition td)
        {
            string ns = reader.GetString(td.Namespace);
            string name = (ns.Length > 0 ? ns + "." : "") + reader.GetString(td.Name);
            var decl = td.GetDeclaringType();
            return decl.IsNil ? name : TypeName(reader, reader.GetTypeDefinition(decl)) + "+" + reader.GetString(td.Name);
        }
    }
}
