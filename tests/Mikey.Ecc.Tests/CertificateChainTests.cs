using System;
using System.Security.Cryptography;
using NanoMikey.Mikey.Certificates;
using NanoMikey.Mikey.Payloads;
using Xunit;

namespace NanoMikey.Mikey.Ecc.Tests
{
    // The chain/identity holder EccCredentials and RsaCredentials share (lib/Mikey.Nano/Credentials).
    public class CertificateChainTests
    {
        private static byte[] Der(int length, byte fill)
        {
            var b = new byte[length];
            for (int i = 0; i < length; i++) b[i] = (byte)(fill + i);
            return b;
        }

        [Fact]
        public void LeafHashIsTheFirstCertificatesSha256AndChainKeepsEveryCertificate()
        {
            var c = new CertificateChain(4, 1000, 16);
            byte[] leaf = Der(300, 1);
            byte[] ca = Der(200, 7);
            var padded = new byte[310];
            Array.Copy(leaf, 0, padded, 5, 300);
            c.AddCertificate(padded, 5, 300);
            c.AddCertificate(ca, 0, 200);
            Assert.Equal(2, c.CertificateCount);
            Assert.Equal(SHA256.HashData(leaf), c.LeafHash);
            Assert.Equal(leaf, c.Chain.AsSpan(c.CertificateOffset(0), c.CertificateLength(0)).ToArray());
            Assert.Equal(ca, c.Chain.AsSpan(c.CertificateOffset(1), c.CertificateLength(1)).ToArray());
            c.ClearCertificates();
            Assert.Equal(0, c.CertificateCount);
            Assert.Equal(new byte[32], c.LeafHash);
        }

        [Fact]
        public void LimitsAreCallerBugsAndLeaveTheChainUnchanged()
        {
            var c = new CertificateChain(2, 500, 8);
            c.AddCertificate(Der(300, 1), 0, 300);
            Assert.Throws<InvalidOperationException>(() => c.AddCertificate(Der(201, 2), 0, 201));
            c.AddCertificate(Der(200, 3), 0, 200);
            Assert.Throws<InvalidOperationException>(() => c.AddCertificate(Der(1, 4), 0, 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => c.AddCertificate(Der(10, 4), 5, 6));
            Assert.Equal(2, c.CertificateCount);
            Assert.Throws<ArgumentOutOfRangeException>(() => c.SetIdentity(IdType.Uri, new byte[9], 0, 9));
            Assert.Throws<ArgumentOutOfRangeException>(() => c.SetIdentity(IdType.Uri, new byte[8], 0, 0));
            Assert.Equal(0, c.IdentityLength);
        }

        [Fact]
        public void ClearWipesTheIdentity()
        {
            var c = new CertificateChain(4, 1000, 16);
            Assert.Equal(IdType.Uri, c.IdentityType);
            c.SetIdentity(IdType.Nai, Der(12, 0x41), 2, 10);
            Assert.Equal(IdType.Nai, c.IdentityType);
            Assert.Equal(10, c.IdentityLength);
            Assert.Equal(Der(12, 0x41).AsSpan(2, 10).ToArray(), c.Identity.AsSpan(0, 10).ToArray());
            c.AddCertificate(Der(20, 1), 0, 20);
            c.Clear();
            Assert.Equal(0, c.IdentityLength);
            Assert.Equal(0, c.CertificateCount);
            Assert.Equal(new byte[16], c.Identity);
        }
    }
}
