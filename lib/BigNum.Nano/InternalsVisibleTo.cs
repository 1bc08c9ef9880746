using System.Runtime.CompilerServices;

// The limb arithmetic is tested directly against System.Numerics.BigInteger.
[assembly: InternalsVisibleTo("BigNum.Nano.Tests")]
