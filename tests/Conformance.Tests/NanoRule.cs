namespace NanoMikey.Conformance.Tests
{
    /// <summary>What the nanoFramework 1.x runtime or its MetadataProcessor rejects although C# compiles it.</summary>
    public enum NanoRule
    {
        GenericTypeDefinition,
        GenericMethodDefinition,
        GenericInstantiation,
        MultidimensionalArray,
        PointerType,
        ForbiddenOpcode,
        TooManyVirtualMethods,
        TooManyInstanceMethods,
        TooManyStaticMethods,
        IlTooLarge,
        StringsTooLarge,
        ForeignAssemblyReference,
        /// <summary>An ldstr outside a throw path in per-packet or per-message code (see HotPathChecker).</summary>
        LdstrOnHotPath,
    }
}
