using System.Runtime.CompilerServices;

// The limb arithmetic is tested directly against System.Numerics.BigInteger.
[assembly: InternalsVisibleTo("BigNum.Nano.Tests")]

// RSA keys (lib/Rsa.Nano/Keys) run CRT and key derivation on the limb arithmetic and Montgomery internals.
[assembly: InternalsVisibleTo("NanoMikey.Rsa")]
[assembly: InternalsVisibleTo("Rsa.Nano.Tests")]

// The on-device constant-time probe (tests/OnDevice/ConstantTime) sets the DH private exponent of its secret inputs.
[assembly: InternalsVisibleTo("ConstantTimeProbe")]
