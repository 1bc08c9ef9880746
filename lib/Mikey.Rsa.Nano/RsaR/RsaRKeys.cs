using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Session;

namespace NanoMikey.Mikey.Rsa
{
    /// <summary>The RSA-R key steps both sides share (RFC 4738 §3.6, RFC 3830 §4.1.3, §6.2, §6.13).</summary>
    internal static class RsaRKeys
    {
        /// <summary>
        /// Gives every crypto session of <paramref name="b"/> (sessions already set) one master key from the TGK with RAND
        /// and the bundle's CSB ID (RFC 3830 §4.1.3), without MKI.
        /// </summary>
        internal static void Derive(CryptoSessionBundle b, MikeyKeyDerivation kd, byte[] rand, int randOffset, int randLength, byte[] tgk, int tgkOffset, int tgkLength)
        {
            b.SetRand(rand, randOffset, randLength);
            b.SetTgk(tgk, tgkOffset, tgkLength);
            for (int i = 0; i < b.Count; i++)
            {
                CryptoSession cs = b.Slot(i);
                cs.MasterKeyCount = 1;
                cs.Policy.MkiLength = 0;
                cs.KeySlot(0).MkiLength = 0;
            }

            b.DeriveFromTgk(kd, 0, false);
        }

        /// <summary>
        /// Finds the TGK in a decrypted R_MESSAGE KEMAC: ID payload (IDr), then one Key data sub-payload of type TGK with KV
        /// Null and no further sub-payload (what RFC 4738 §3.6 sends: IDr ‖ TGK). Returns the TGK's offset, or -1; its length in
        /// <paramref name="tgkLength"/>.
        /// </summary>
        internal static int FindTgk(byte[] plain, int length, out int tgkLength)
        {
            tgkLength = 0;
            if (length < 4 || plain[0] != 20) return -1; // the ID's Next payload: Key data (RFC 3830 §6.1 table: 20)
            int p = 4 + ((plain[2] << 8) | plain[3]);
            if (p > length - 4 || plain[p] != 0 || plain[p + 1] != 0) return -1; // last sub-payload, Type TGK (0), KV Null (0)
            int n = (plain[p + 2] << 8) | plain[p + 3];
            if (n < 1 || n > CryptoSessionBundle.MaxTgkLength || n != length - p - 4) return -1;
            tgkLength = n;
            return p + 4;
        }
    }
}
