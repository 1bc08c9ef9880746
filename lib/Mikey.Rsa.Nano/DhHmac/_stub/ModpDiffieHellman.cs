// TEMPORARY stand-in for the contract's NanoMikey.BigNum MODP API (branch bignum); deleted when bignum is merged.
using System;
using NanoMikey.Crypto.Random;

namespace NanoMikey.BigNum
{
    /// <summary>Contract stand-in (rsa-contract.md).</summary>
    public enum ModpGroupId
    {
        /// <summary>OAKLEY 1.</summary>
        Oakley1 = 1,

        /// <summary>OAKLEY 2.</summary>
        Oakley2 = 2,

        /// <summary>OAKLEY 5.</summary>
        Oakley5 = 5,
    }

    /// <summary>Contract stand-in (rsa-contract.md).</summary>
    public sealed class ModpDiffieHellman
    {
        /// <summary>Stand-in.</summary>
        /// <param name="maxBits">Largest group.</param>
        public ModpDiffieHellman(int maxBits)
        {
        }

        /// <summary>Stand-in.</summary>
        /// <param name="group">Group.</param>
        /// <returns>False.</returns>
        public bool TrySetGroup(ModpGroupId group)
        {
            return false;
        }

        /// <summary>Stand-in.</summary>
        public ModpGroupId Group
        {
            get { return ModpGroupId.Oakley5; }
        }

        /// <summary>Stand-in.</summary>
        public int ValueLength
        {
            get { return 0; }
        }

        /// <summary>Stand-in.</summary>
        public bool HasKeyPair
        {
            get { return false; }
        }

        /// <summary>Stand-in.</summary>
        /// <param name="random">DRBG.</param>
        public void GenerateKeyPair(HmacDrbg random)
        {
            throw new NotSupportedException();
        }

        /// <summary>Stand-in.</summary>
        /// <param name="destination">Out.</param>
        /// <param name="offset">Offset.</param>
        public void ExportPublicValue(byte[] destination, int offset)
        {
            throw new NotSupportedException();
        }

        /// <summary>Stand-in.</summary>
        /// <param name="peer">Peer.</param>
        /// <param name="offset">Offset.</param>
        /// <param name="length">Length.</param>
        /// <param name="secret">Out.</param>
        /// <param name="secretOffset">Offset.</param>
        /// <returns>False.</returns>
        public bool ComputeSharedSecret(byte[] peer, int offset, int length, byte[] secret, int secretOffset)
        {
            return false;
        }

        /// <summary>Stand-in.</summary>
        public void Clear()
        {
        }
    }
}
