using System;
using NanoMikey.Crypto;

namespace NanoMikey.Mikey.Session
{
    /// <summary>
    /// One SRTP master key of a crypto session as MIKEY hands it over (RFC 3830 §4.1.3, App. A): key, salt, MKI (the Key data
    /// sub-payload's SPI) and, with an interval KV, the SRTP index range it is valid for (RFC 3830 §6.14).
    /// </summary>
    public sealed class SrtpMasterKeyEntry
    {
        /// <summary>Largest master key, in bytes (AES-256).</summary>
        public const int MaxKeyLength = 32;

        /// <summary>Largest master salt, in bytes.</summary>
        public const int MaxSaltLength = 14;

        /// <summary>Largest MKI, in bytes (the SRTP layer's limit).</summary>
        public const int MaxMkiLength = 4;

        /// <summary>Master key bytes (the first <see cref="KeyLength"/> are valid).</summary>
        public readonly byte[] Key = new byte[MaxKeyLength];

        /// <summary>Master salt bytes (the first <see cref="SaltLength"/> are valid).</summary>
        public readonly byte[] Salt = new byte[MaxSaltLength];

        /// <summary>MKI bytes (the first <see cref="MkiLength"/> are valid).</summary>
        public readonly byte[] Mki = new byte[MaxMkiLength];

        /// <summary>Valid master key length.</summary>
        public int KeyLength { get; internal set; }

        /// <summary>Valid master salt length.</summary>
        public int SaltLength { get; internal set; }

        /// <summary>MKI length; 0 when the key carries no SPI.</summary>
        public int MkiLength { get; internal set; }

        /// <summary>True when an interval KV (From/To SRTP index) came with the key.</summary>
        public bool HasInterval { get; internal set; }

        /// <summary>First SRTP index the key is valid for (48-bit, RFC 3830 §6.14), with <see cref="HasInterval"/>.</summary>
        public ulong ValidFrom { get; internal set; }

        /// <summary>Last SRTP index the key is valid for, with <see cref="HasInterval"/>.</summary>
        public ulong ValidTo { get; internal set; }

        /// <summary>Copies another entry into this one.</summary>
        /// <param name="other">Source entry.</param>
        public void CopyFrom(SrtpMasterKeyEntry other)
        {
            if (other == null) throw new ArgumentNullException();
            Array.Copy(other.Key, Key, MaxKeyLength);
            Array.Copy(other.Salt, Salt, MaxSaltLength);
            Array.Copy(other.Mki, Mki, MaxMkiLength);
            KeyLength = other.KeyLength;
            SaltLength = other.SaltLength;
            MkiLength = other.MkiLength;
            HasInterval = other.HasInterval;
            ValidFrom = other.ValidFrom;
            ValidTo = other.ValidTo;
        }

        /// <summary>Wipes the key and salt and forgets the rest.</summary>
        public void Clear()
        {
            SecureMemory.Wipe(Key);
            SecureMemory.Wipe(Salt);
            Array.Clear(Mki, 0, MaxMkiLength);
            KeyLength = 0;
            SaltLength = 0;
            MkiLength = 0;
            HasInterval = false;
            ValidFrom = 0;
            ValidTo = 0;
        }
    }
}
