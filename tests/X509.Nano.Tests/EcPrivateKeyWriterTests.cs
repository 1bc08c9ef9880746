using System;
using System.Security.Cryptography;
using NanoMikey.X509.Asn1;
using NanoMikey.Ecc;

namespace NanoMikey.X509.Tests
{
    public class EcPrivateKeyWriterTests
    {
        [Fact]
        public void OursReadByDotNetAndEqualToItsExports()
        {
            for (int i = 0; i < 10; i++)
            {
                using ECDsa dn = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                var key = new P256PrivateKey();
                Assert.True(key.TryImport(dn.ExportParameters(true).D!, 0));
                byte[] buf = new byte[200];

                Assert.Equal(Asn1Status.Ok, EcPrivateKeyWriter.WritePkcs8(key, buf, 3, 197, out int n));
                Assert.Equal(EcPrivateKeyWriter.Pkcs8Length, n);
                Assert.Equal(dn.ExportPkcs8PrivateKey(), buf.AsSpan(3, n).ToArray());
                using (ECDsa back = ECDsa.Create())
                {
                    back.ImportPkcs8PrivateKey(buf.AsSpan(3, n), out int read);
                    Assert.Equal(n, read);
                }

                Assert.Equal(Asn1Status.Ok, EcPrivateKeyWriter.WriteEcPrivateKey(key, buf, 0, 200, out n));
                Assert.Equal(EcPrivateKeyWriter.EcPrivateKeyLength, n);
                Assert.Equal(dn.ExportECPrivateKey(), buf.AsSpan(0, n).ToArray());
                var again = new P256PrivateKey();
                Assert.Equal(Asn1Status.Ok, EcPrivateKeyReader.ReadEcPrivateKey(buf, 0, n, again));
                Assert.True(again.PublicKey.SameAs(key.PublicKey));
            }
        }

        [Fact]
        public void SmallBufferIsWiped()
        {
            var key = new P256PrivateKey();
            byte[] d = new byte[32];
            d[31] = 7;
            Assert.True(key.TryImport(d, 0));
            byte[] buf = new byte[EcPrivateKeyWriter.Pkcs8Length - 1];
            Assert.Equal(Asn1Status.BufferTooSmall, EcPrivateKeyWriter.WritePkcs8(key, buf, 0, buf.Length, out int n));
            Assert.Equal(0, n);
            Assert.All(buf, b => Assert.Equal(0, b));
            Assert.Throws<InvalidOperationException>(() => EcPrivateKeyWriter.WritePkcs8(new P256PrivateKey(), new byte[200], 0, 200, out _));
        }
    }
}
