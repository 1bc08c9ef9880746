namespace NanoMikey.Mikey.Payloads
{
    /// <summary>PKE C field: envelope key cache indicator (RFC 3830 table 6.3).</summary>
    public enum EnvelopeCacheType : byte
    {
        /// <summary>The envelope key MUST NOT be cached.</summary>
        NoCache = 0,

        /// <summary>The envelope key MUST be cached.</summary>
        Cache = 1,

        /// <summary>Cache, use only for this CSB.</summary>
        CacheForCsb = 2,
    }
}
