using System;
using NanoMikey.Crypto.Hal;

namespace NanoMikey.Srtp.Transforms
{
    /// <summary>AES-GCM as RFC 7714 uses it: 12-byte IV, AAD, in-place encryption, tag appended by the caller's layout.</summary>
    internal sealed class AeadGcm
    {
        private readonly IAesEngine _engine;
        private readonly int _tagLength;

        internal AeadGcm(IAesEngine engine, int tagLength, int maxLength)
        {
            _engine = engine;
            _tagLength = tagLength;
        }

        internal int TagLength { get { return _tagLength; } }

        internal void Rekey()
        {
        }

        internal void Seal(byte[] iv, byte[] aad, int aadOffset, int aadLength, byte[] data, int offset, int length, byte[] tag, int tagOffset)
        {
            throw new NotSupportedException();
        }

        internal bool Open(byte[] iv, byte[] aad, int aadOffset, int aadLength, byte[] data, int offset, int length, byte[] tag, int tagOffset)
        {
            throw new NotSupportedException();
        }

        internal void Clear()
        {
        }
    }
}
