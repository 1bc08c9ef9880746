using System.Runtime.CompilerServices;

// The mode tests reach the shared internals (signature scheme, exchange state) directly.
[assembly: InternalsVisibleTo("Mikey.Rsa.Tests")]
