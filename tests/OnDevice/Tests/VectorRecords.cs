using System;

namespace NanoMikey.OnDevice
{
    /// <summary>Walks a data set that VectorGen wrote: records of length-prefixed fields (see VectorGen/Program.cs).</summary>
    internal sealed class VectorRecords
    {
        private readonly byte[] _data;
        private int _next;
        private int _fieldCount;
        private readonly int[] _offsets = new int[16];
        private readonly int[] _lengths = new int[16];

        public VectorRecords(byte[] data)
        {
            _data = data;
        }

        /// <summary>The whole data set.</summary>
        public byte[] Data => _data;

        /// <summary>Moves to the next record; false at the end.</summary>
        public bool Next()
        {
            if (_next >= _data.Length) return false;
            int p = _next;
            _fieldCount = _data[p++];
            for (int i = 0; i < _fieldCount; i++)
            {
                int n = (_data[p] << 8) | _data[p + 1];
                p += 2;
                _offsets[i] = p;
                _lengths[i] = n;
                p += n;
            }
            _next = p;
            return true;
        }

        public int FieldCount => _fieldCount;

        public int Offset(int field) => _offsets[field];

        public int Length(int field) => _lengths[field];

        /// <summary>A copy of one field.</summary>
        public byte[] Field(int field)
        {
            var b = new byte[_lengths[field]];
            Array.Copy(_data, _offsets[field], b, 0, b.Length);
            return b;
        }

        public int U16(int field) => (_data[_offsets[field]] << 8) | _data[_offsets[field] + 1];

        public byte Byte(int field) => _data[_offsets[field]];

        /// <summary>An ASCII field as a string.</summary>
        public string Text(int field)
        {
            var c = new char[_lengths[field]];
            for (int i = 0; i < c.Length; i++) c[i] = (char)_data[_offsets[field] + i];
            return new string(c);
        }

        /// <summary>The field, compared with an ASCII name.</summary>
        public bool Is(int field, string name)
        {
            if (_lengths[field] != name.Length) return false;
            for (int i = 0; i < name.Length; i++)
            {
                if (_data[_offsets[field] + i] != name[i]) return false;
            }
            return true;
        }

        /// <summary>
        /// A Wycheproof data set: record 0 holds (total tests in the file, tests taken), read here; the caller's Next() then
        /// gives (result, tcId, fields...) per test.
        /// </summary>
        public static VectorRecords OpenWycheproof(byte[] data, out int taken)
        {
            var r = new VectorRecords(data);
            r.Next();
            taken = r.U16(1);
            return r;
        }

        /// <summary>The second field of the record whose first field is <paramref name="name"/> (name/value data sets).</summary>
        public static byte[] Lookup(byte[] data, string name)
        {
            var r = new VectorRecords(data);
            while (r.Next())
            {
                if (r.Is(0, name)) return r.Field(1);
            }
            throw new ArgumentException("no vector named " + name);
        }
    }
}
