using NanoMikey.Ecc;

namespace NanoMikey.X509.Tests
{
    /// <summary>Tests that read the process-wide <see cref="P256OperationCounter"/> run alone, never in parallel with others.</summary>
    [CollectionDefinition("P256 operation counter", DisableParallelization = true)]
    public class P256CounterCollection
    {
    }
}
