using System;

namespace NanoMikey.Srtp.Replay
{
    /// <summary>
    /// Sliding replay window over packet indices (RFC 3711 §3.3.2): a bitmap of the last
    /// <see cref="Size"/> indices below the highest one received. Checking and updating are separate
    /// so a packet is only recorded after it authenticated.
    /// </summary>
    public sealed class ReplayWindow
    {
        private readonly uint[] _bits;
        private readonly int _size;
        private ulong _highest;
        private bool _started;

        /// <summary>Creates an empty window of <paramref name="size"/> packets (1 to 1024).</summary>
        /// <param name="size">Window size in packets.</param>
        public ReplayWindow(int size)
        {
            if (size < 1 || size > 1024) throw new ArgumentOutOfRangeException(nameof(size));
            _size = size;
            _bits = new uint[(size + 31) >> 5];
        }

        /// <summary>Window size in packets.</summary>
        public int Size { get { return _size; } }

        /// <summary>True once an index has been recorded.</summary>
        public bool HasStarted { get { return _started; } }

        /// <summary>Highest index recorded (meaningful when <see cref="HasStarted"/>).</summary>
        public ulong Highest { get { return _highest; } }

        /// <summary>Whether <paramref name="index"/> may be accepted: Ok, ReplayOld (behind the window) or ReplayDuplicate.</summary>
        /// <param name="index">The packet index.</param>
        /// <returns>The replay verdict; the window is not changed.</returns>
        public SrtpStatus Check(ulong index)
        {
            if (!_started || index > _highest) return SrtpStatus.Ok;
            ulong delta = _highest - index;
            if (delta >= (ulong)_size) return SrtpStatus.ReplayOld;
            int d = (int)delta;
            return (_bits[d >> 5] & (1u << (d & 31))) != 0 ? SrtpStatus.ReplayDuplicate : SrtpStatus.Ok;
        }

        /// <summary>Records <paramref name="index"/> (after <see cref="Check"/> returned Ok and the packet authenticated).</summary>
        /// <param name="index">The packet index.</param>
        public void Update(ulong index)
        {
            uint[] bits = _bits;
            if (!_started)
            {
                _started = true;
                _highest = index;
                Array.Clear(bits, 0, bits.Length);
                bits[0] = 1;
                return;
            }
            if (index > _highest)
            {
                ulong shift = index - _highest;
                _highest = index;
                if (shift >= (ulong)_size)
                {
                    Array.Clear(bits, 0, bits.Length);
                }
                else
                {
                    ShiftTowardsOlder((int)shift);
                }
                bits[0] |= 1;
                return;
            }
            ulong delta = _highest - index;
            if (delta >= (ulong)_size) return;
            int di = (int)delta;
            bits[di >> 5] |= 1u << (di & 31);
        }

        /// <summary>Forgets everything (a new key or a new ROC from signalling).</summary>
        public void Reset()
        {
            Array.Clear(_bits, 0, _bits.Length);
            _highest = 0;
            _started = false;
        }

        private void ShiftTowardsOlder(int shift)
        {
            uint[] bits = _bits;
            int words = bits.Length;
            int wordShift = shift >> 5;
            int bitShift = shift & 31;
            for (int w = words - 1; w >= 0; w--)
            {
                int src = w - wordShift;
                uint v = 0;
                if (src >= 0)
                {
                    v = bits[src] << bitShift;
                    if (bitShift != 0 && src > 0) v |= bits[src - 1] >> (32 - bitShift);
                }
                bits[w] = v;
            }
        }
    }
}
