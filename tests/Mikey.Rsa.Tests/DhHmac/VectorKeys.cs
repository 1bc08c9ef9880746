namespace NanoMikey.Mikey.Rsa.Tests.DhHmac
{
    /// <summary>The key lines of the DHHMAC and DH-SIGN vector files (tests/vectors/mikey-rsa/dh*.txt).</summary>
    internal static class VectorKeys
    {
        /// <summary>Both sides' TGK and crypto session 1's SRTP master key and salt must agree; their lines, named with <paramref name="prefix"/>.</summary>
        internal static void AddKeys(List<(string, string)> o, string prefix, NanoMikey.Mikey.Session.CryptoSessionBundle initiator,
            NanoMikey.Mikey.Session.CryptoSessionBundle responder)
        {
            string H(byte[] b, int n) => Convert.ToHexString(b, 0, n).ToLowerInvariant();
            Assert.Equal(H(initiator.Tgk, initiator.TgkLength), H(responder.Tgk, responder.TgkLength));
            o.Add((prefix + "tgk", H(responder.Tgk, responder.TgkLength)));
            NanoMikey.Mikey.Session.SrtpMasterKeyEntry k = responder.Get(0).GetMasterKey(0), ki = initiator.Get(0).GetMasterKey(0);
            Assert.Equal(H(ki.Key, ki.KeyLength), H(k.Key, k.KeyLength));
            Assert.Equal(H(ki.Salt, ki.SaltLength), H(k.Salt, k.SaltLength));
            o.Add((prefix + "srtp-master-key", H(k.Key, k.KeyLength)));
            o.Add((prefix + "srtp-master-salt", H(k.Salt, k.SaltLength)));
        }
    }
}
