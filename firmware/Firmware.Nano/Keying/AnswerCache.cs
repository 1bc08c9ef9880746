using System;
using NanoMikey.Crypto;

namespace NanoMikey.Firmware.Keying
{
    /// <summary>
    /// The responder's last answers, one per peer (address, port): the I_MESSAGE it completed and the answer it sent, so a
    /// retransmitted copy is answered again without going back to the mode, whose replay cache would refuse it (RFC 3830
    /// §5.4). A hit needs the same source and the same bytes (FNV-1a hash first, then every byte). An entry is replaced only
    /// by the next completed exchange of its peer, or after the duplicate window; failed messages never enter, so forged
    /// datagrams cannot push a genuine entry out. Buffers grow to fit during warm-up and are reused after.
    /// </summary>
    [HotPath]
    internal sealed class AnswerCache
    {
        private readonly Entry[] _entries;

        internal AnswerCache(int capacity)
        {
            _entries = new Entry[capacity];
            for (int i = 0; i < capacity; i++) _entries[i] = new Entry();
        }

        /// <summary>Microseconds an entry answers duplicates.</summary>
        internal long WindowMicros;

        /// <summary>The entry holding this exact message from this source, or -1.</summary>
        internal int Find(uint address, int port, byte[] message, int length, long nowMicros)
        {
            uint hash = Hash(message, length);
            for (int i = 0; i < _entries.Length; i++)
            {
                Entry e = _entries[i];
                if (!e.Used || nowMicros - e.StoredMicros > WindowMicros) continue;
                if (e.Address != address || e.Port != port || e.MessageLength != length || e.Hash != hash) continue;
                bool same = true;
                for (int j = 0; j < length; j++)
                {
                    if (e.Message[j] != message[j])
                    {
                        same = false;
                        break;
                    }
                }

                if (same) return i;
            }

            return -1;
        }

        /// <summary>The cached answer of entry <paramref name="index"/>.</summary>
        internal byte[] Answer(int index)
        {
            return _entries[index].Answer;
        }

        /// <summary>Length of the cached answer of entry <paramref name="index"/> (0: the exchange had no answer).</summary>
        internal int AnswerLength(int index)
        {
            return _entries[index].AnswerLength;
        }

        /// <summary>Remembers a completed exchange: the peer's own entry, else a free or expired one, else the oldest.</summary>
        internal void Store(uint address, int port, byte[] message, int length, byte[] answer, int answerLength, long nowMicros)
        {
            int slot = -1;
            int free = -1;
            int oldest = 0;
            for (int i = 0; i < _entries.Length; i++)
            {
                Entry e = _entries[i];
                if (e.Used && e.Address == address && e.Port == port)
                {
                    slot = i;
                    break;
                }

                if (free < 0 && (!e.Used || nowMicros - e.StoredMicros > WindowMicros)) free = i;
                if (e.StoredMicros < _entries[oldest].StoredMicros) oldest = i;
            }

            if (slot < 0) slot = free >= 0 ? free : oldest;
            Entry s = _entries[slot];
            if (s.Message.Length < length) s.Message = new byte[length];
            if (s.Answer.Length < answerLength) s.Answer = new byte[answerLength];
            Array.Copy(message, 0, s.Message, 0, length);
            if (answerLength > 0) Array.Copy(answer, 0, s.Answer, 0, answerLength);
            s.MessageLength = length;
            s.AnswerLength = answerLength;
            s.Hash = Hash(message, length);
            s.Address = address;
            s.Port = port;
            s.StoredMicros = nowMicros;
            s.Used = true;
        }

        // FNV-1a, 32 bits: a cheap filter before the byte compare (no security role: the compare decides).
        private static uint Hash(byte[] b, int length)
        {
            uint h = 2166136261;
            for (int i = 0; i < length; i++)
            {
                h ^= b[i];
                h *= 16777619;
            }

            return h;
        }

        private sealed class Entry
        {
            internal bool Used;
            internal uint Address;
            internal int Port;
            internal long StoredMicros;
            internal uint Hash;
            internal int MessageLength;
            internal int AnswerLength;
            internal byte[] Message = new byte[0];
            internal byte[] Answer = new byte[0];
        }
    }
}
