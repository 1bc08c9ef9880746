namespace NanoMikey.Esp32.Native.Selection
{
    /// <summary>What <see cref="NativeCryptoSelection.Select"/> found at start-up.</summary>
    public enum NativeCryptoOutcome
    {
        /// <summary>The image carries the pack this application was built against and it passed its self-test: native crypto.</summary>
        Native = 0,

        /// <summary>The image carries no native crypto pack (stock nanoFramework firmware): managed crypto.</summary>
        NoPack = 1,

        /// <summary>The image carries another generation or build of the pack than this application needs: managed crypto.</summary>
        Mismatch = 2,

        /// <summary>The image's pack matched but gave a wrong known answer (or failed) in the self-test: managed crypto.</summary>
        SelfTestFailed = 3,
    }
}
