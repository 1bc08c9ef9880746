namespace NanoMikey.Ecc.Tests.Offload
{
    /// <summary>Tests that select a process-wide <see cref="P256Offload.Engine"/> run alone, never next to other P-256 tests.</summary>
    [CollectionDefinition("P256 offload", DisableParallelization = true)]
    public class P256OffloadCollection
    {
    }
}
