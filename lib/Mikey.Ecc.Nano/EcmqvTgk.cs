using NanoMikey.Crypto;
using NanoMikey.Ecc;

namespace NanoMikey.Mikey.Ecc
{
    /// <summary>
    /// The ECMQV TGK of docs/ecc-profile.md §4.3: X9.63-KDF-SHA-256(Z, TGK len, "MIKEY-ECMQV" ‖ CSB ID ‖ RAND ‖ ECCPTi point as
    /// sent). Owns the KDF and the SharedInfo prefix buffer; no allocation.
    /// </summary>
    internal sealed class EcmqvTgk
    {
        private const int PrefixLength = EccProfileValues.EcmqvLabelLength + 4 + 255;

        private readonly X963Kdf _kdf = new X963Kdf();
        private readonly byte[] _prefix = new byte[PrefixLength];

        internal EcmqvTgk()
        {
            EccProfileValues.WriteEcmqvLabel(_prefix, 0);
        }

        internal void Derive(byte[] z, uint csbId, byte[] rand, int randOffset, int randLength, byte[] point, int pointOffset, int pointLength,
            byte[] tgk, int tgkLength)
        {
            int n = EccProfileValues.EcmqvLabelLength;
            _prefix[n] = (byte)(csbId >> 24);
            _prefix[n + 1] = (byte)(csbId >> 16);
            _prefix[n + 2] = (byte)(csbId >> 8);
            _prefix[n + 3] = (byte)csbId;
            System.Array.Copy(rand, randOffset, _prefix, n + 4, randLength);
            _kdf.Derive(z, 0, EcmqvP256.SecretLength, _prefix, 0, n + 4 + randLength, point, pointOffset, pointLength, tgk, 0, tgkLength);
            SecureMemory.Wipe(z);
        }
    }
}
