using System.Runtime.CompilerServices;

// Padding internals are tested directly against .NET's RSA.
[assembly: InternalsVisibleTo("Rsa.Nano.Tests")]
