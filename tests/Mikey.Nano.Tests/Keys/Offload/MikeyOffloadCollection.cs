namespace NanoMikey.Mikey.Tests.Keys.Offload
{
    /// <summary>Tests that select a process-wide <see cref="NanoMikey.Mikey.Keys.MikeyOffload.Engine"/> run alone.</summary>
    [CollectionDefinition("Mikey offload", DisableParallelization = true)]
    public class MikeyOffloadCollection
    {
    }
}
