using System.Runtime.CompilerServices;

// The ECC modes (lib/Mikey.Ecc.Nano, docs/ecc-profile.md) reuse MessageLayout, BundleLoader and the bundle's internal setters.
[assembly: InternalsVisibleTo("NanoMikey.Mikey.Ecc")]
[assembly: InternalsVisibleTo("Mikey.Ecc.Tests")]
// The RSA/MODP modes (lib/Mikey.Rsa.Nano, issue 14) derive MikeyResponder and reuse the same internals.
[assembly: InternalsVisibleTo("NanoMikey.Mikey.Rsa")]
[assembly: InternalsVisibleTo("Mikey.Rsa.Tests")]
[assembly: InternalsVisibleTo("NanoMikey.Net")] // SNTP (Net.Nano/Sntp) reads and writes its fields with NetworkOrder
