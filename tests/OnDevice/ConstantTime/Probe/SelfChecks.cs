using System;

namespace NanoMikey.OnDevice.ConstantTimeProbe
{
    // Deliberately secret-dependent variants (break-it-once, kept): each must be flagged, or the comparison has gone
    // blind. One per kind of leak the counters see: a branch (IL count and path: AreEqualOperation.Create(true)), a
    // secret table index (index hash only, below), a native call with a secret length (native hash, below).

    /// <summary>An S-box lookup indexed by a secret byte: same instructions, different array index.</summary>
    internal sealed class SecretIndexedLookup : KeyedOperation
    {
        private readonly byte[] _table = Inputs.RandomBytes(256);
        private int _sink;

        private SecretIndexedLookup(byte[][] keys, string[] labels) : base("a table lookup indexed by a secret byte (S-box style)", keys, labels)
        {
        }

        public static SecretIndexedLookup Create()
        {
            string[] labels;
            byte[][] keys = Keys(1, out labels);
            return new SecretIndexedLookup(keys, labels);
        }

        public override void Run()
        {
            _sink = _table[Key[0]];
        }
    }

    /// <summary>Array.Copy whose length is a secret byte: one native call either way, its length differs.</summary>
    internal sealed class SecretLengthCopy : KeyedOperation
    {
        private readonly byte[] _source = new byte[256];
        private readonly byte[] _destination = new byte[256];

        private SecretLengthCopy(byte[][] keys, string[] labels) : base("Array.Copy with a secret length", keys, labels)
        {
        }

        public static SecretLengthCopy Create()
        {
            string[] labels;
            byte[][] keys = Keys(1, out labels);
            return new SecretLengthCopy(keys, labels);
        }

        public override void Run()
        {
            Array.Copy(_source, 0, _destination, 0, Key[0]);
        }
    }
}
