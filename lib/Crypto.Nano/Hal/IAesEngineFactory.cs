namespace NanoMikey.Crypto.Hal
{
    /// <summary>Creates AES engines: one per key holder (an SRTP context, a MIKEY session).</summary>
    public interface IAesEngineFactory
    {
        /// <summary>Creates an engine that supports keys of <paramref name="keyLength"/> bytes, or returns null when it cannot.</summary>
        /// <param name="keyLength">Key length in bytes (16, 24 or 32).</param>
        /// <returns>A fresh engine without a key, or null.</returns>
        IAesEngine? Create(int keyLength);
    }
}
