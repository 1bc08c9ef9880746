using System;
using NanoMikey.Crypto;

namespace NanoMikey.Sip.Keying
{
    /// <summary>
    /// Who may answer a call (retargeting, RFC 5197 §5.3 and RFC 4567 §4.3): the identity inside the authenticated MIKEY
    /// answer (IDr; for ECDH-SIGN bound to the certificate the answer is signed with) must be one listed here. The URI the
    /// call was sent to does not count: a proxy may route it anywhere. An empty policy accepts no answer unless
    /// <see cref="AcceptAnyAuthenticated"/> is set.
    /// </summary>
    public sealed class SipAnswerPolicy
    {
        /// <summary>Most identities listed.</summary>
        public const int MaxIdentities = 8;

        /// <summary>Longest identity (the ECC profile's limit).</summary>
        public const int MaxIdentityLength = 128;

        private readonly byte[][] _ids = new byte[MaxIdentities][];
        private readonly int[] _lengths = new int[MaxIdentities];
        private int _count;

        /// <summary>
        /// Accept any answer MIKEY authenticated, with or without an identity: the trust anchors (or the PSK) are the whole
        /// policy. Off by default.
        /// </summary>
        public bool AcceptAnyAuthenticated { get; set; }

        /// <summary>Number of identities listed.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Lists an identity (copied; e.g. the ASCII bytes of <c>sip:indoor1@example.com</c>).</summary>
        /// <param name="id">Buffer holding the identity.</param>
        /// <param name="offset">Its offset.</param>
        /// <param name="length">Its length (1 to <see cref="MaxIdentityLength"/>).</param>
        /// <exception cref="InvalidOperationException"><see cref="MaxIdentities"/> are listed already.</exception>
        public void Allow(byte[] id, int offset, int length)
        {
            if (id == null) throw new ArgumentNullException();
            if (length < 1 || length > MaxIdentityLength || offset < 0 || offset > id.Length - length) throw new ArgumentOutOfRangeException();
            if (_count == MaxIdentities) throw new InvalidOperationException();
            var copy = new byte[length];
            Array.Copy(id, offset, copy, 0, length);
            _ids[_count] = copy;
            _lengths[_count] = length;
            _count++;
        }

        /// <summary>Forgets every identity listed.</summary>
        public void Clear()
        {
            for (int i = 0; i < _count; i++) _ids[i] = null!;
            _count = 0;
        }

        /// <summary>True when an answer carrying this identity (length 0: none) is accepted.</summary>
        /// <param name="id">Buffer holding the identity.</param>
        /// <param name="offset">Its offset.</param>
        /// <param name="length">Its length (0 when the answer named none).</param>
        /// <returns>Whether the answer may key the call.</returns>
        public bool Accepts(byte[] id, int offset, int length)
        {
            if (AcceptAnyAuthenticated) return true;
            if (length <= 0) return false;
            for (int i = 0; i < _count; i++)
            {
                if (_lengths[i] == length && ConstantTime.AreEqual(_ids[i], 0, id, offset, length)) return true;
            }

            return false;
        }
    }
}
