namespace NanoMikey.Mikey.Ecc.Tests.Offload
{
    /// <summary>Tests that select the process-wide P-256 and MIKEY engines run alone.</summary>
    [CollectionDefinition("ECC offload", DisableParallelization = true)]
    public class OffloadCollection
    {
    }
}
