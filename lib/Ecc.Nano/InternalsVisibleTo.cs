using System.Runtime.CompilerServices;

// The P-256 field, scalar and group internals are tested directly against System.Numerics.BigInteger.
[assembly: InternalsVisibleTo("Ecc.Nano.Tests")]
