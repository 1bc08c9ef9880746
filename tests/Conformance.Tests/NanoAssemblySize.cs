namespace NanoMikey.Conformance.Tests
{
    /// <summary>
    /// What MetadataProcessor counts against its per-assembly limits: IL bytes (every method body, header and
    /// exception clauses included) and string bytes (#Strings heap plus user strings as UTF-8).
    /// </summary>
    public sealed record NanoAssemblySize(long IlBytes, long StringBytes);
}
