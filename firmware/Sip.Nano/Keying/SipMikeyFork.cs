using NanoMikey.Crypto.Hash;
using NanoMikey.Mikey.Session;

namespace NanoMikey.Sip.Keying
{
    /// <summary>One early dialog's MIKEY state (RFC 5197 §5.2): its To-tag, its keys, and a fingerprint of its answer.</summary>
    internal sealed class SipMikeyFork
    {
        internal readonly CryptoSessionBundle Bundle = new CryptoSessionBundle();
        internal readonly byte[] AnswerHash = new byte[Sha256.HashSize];
        internal string? ToTag;

        internal bool InUse
        {
            get { return ToTag != null; }
        }

        /// <summary>Wipes the keys and frees the slot.</summary>
        internal void Clear()
        {
            Bundle.Clear();
            System.Array.Clear(AnswerHash, 0, AnswerHash.Length);
            ToTag = null;
        }
    }
}
