using System;
using System.Security.Cryptography;
using System.Text;
using NanoMikey.X509.Asn1;
using Xunit;
using static NanoMikey.X509.Tests.ChainFixtures;

namespace NanoMikey.X509.Tests
{
    // The certificate half of EccPeerTrust and RsaPeerTrust (lib/X509.Nano/X509PeerTrust.cs).
    public class X509PeerTrustTests
    {
        private static readonly ulong Now = Ntp(2026, 1, 1);

        private static X509Certificate? Read(X509PeerTrust t, params byte[][] ders)
        {
            int total = 0;
            foreach (byte[] d in ders) total += d.Length;
            var data = new byte[total];
            var off = new int[ders.Length];
            var len = new int[ders.Length];
            int at = 0;
            for (int i = 0; i < ders.Length; i++)
            {
                Array.Copy(ders[i], 0, data, at, ders[i].Length);
                off[i] = at;
                len[i] = ders[i].Length;
                at += ders[i].Length;
            }

            return t.ReadChain(data, off, len, ders.Length, Now);
        }

        [Fact]
        public void AnchoredChainIsTrustedAndOtherAnchorIsNot()
        {
            var t = new X509PeerTrust(4, 4, 128);
            Assert.False(t.RequiresCertificate);
            Assert.Equal(Asn1Status.Ok, t.AddTrustAnchor(Der("root"), 0, Der("root").Length));
            Assert.True(t.RequiresCertificate);
            Assert.NotNull(Read(t, Der("leaf"), Der("intermediate")));
            Assert.Equal(SHA256.HashData(Der("leaf")), t.LeafHash);
            Assert.True(t.ChainTrusted(2, Now));
            Assert.Equal(X509ChainStatus.Valid, t.ChainStatus);

            var other = new X509PeerTrust(4, 1, 128);
            other.AddTrustAnchor(Der("other-root"), 0, Der("other-root").Length);
            Assert.Throws<InvalidOperationException>(() => other.AddTrustAnchor(Der("root"), 0, Der("root").Length));
            Assert.NotNull(Read(other, Der("leaf"), Der("intermediate")));
            Assert.False(other.ChainTrusted(2, Now));
        }

        [Fact]
        public void PinnedFingerprintTrustsOnlyThatLeaf()
        {
            var t = new X509PeerTrust(4, 4, 128);
            Assert.NotNull(Read(t, Der("leaf")));
            Assert.False(t.ChainTrusted(1, Now)); // nothing configured
            byte[] pin = SHA256.HashData(Der("leaf"));
            t.PinCertificateHash(pin, 0);
            Assert.True(t.RequiresCertificate);
            Assert.True(t.ChainTrusted(1, Now));
            Assert.NotNull(Read(t, Der("leaf-critical-san")));
            Assert.False(t.ChainTrusted(1, Now));
            t.ClearPins();
            Assert.False(t.RequiresCertificate);
        }

        [Fact]
        public void ReadChainRejectsTooManyMalformedAndExpired()
        {
            var t = new X509PeerTrust(2, 4, 128);
            Assert.Null(Read(t, Der("leaf-deep"), Der("deep-3"), Der("deep-2")));
            byte[] bad = Der("leaf");
            bad[bad.Length / 2] ^= 0xFF;
            bad[1] ^= 0x01;
            Assert.Null(Read(t, bad));
            Assert.Null(Read(t, Der("leaf-2050"))); // not yet valid in 2026
            Assert.NotNull(Read(t, Der("leaf")));
        }

        [Fact]
        public void LeafNamesUsesSubjectAltNameElseCommonName()
        {
            var t = new X509PeerTrust(4, 4, 128);
            byte[] alice = Encoding.ASCII.GetBytes("sip:alice@example.com");
            byte[] leafCn = Encoding.ASCII.GetBytes("Leaf");
            Assert.NotNull(Read(t, Der("leaf-critical-san")));
            Assert.True(t.LeafNames(alice, 0, alice.Length));
            Assert.False(t.LeafNames(alice, 0, alice.Length - 1));
            Assert.False(t.LeafNames(leafCn, 0, leafCn.Length)); // a subjectAltName hides the CN
            Assert.NotNull(Read(t, Der("leaf")));
            Assert.True(t.LeafNames(leafCn, 0, leafCn.Length));
            Assert.False(t.LeafNames(alice, 0, alice.Length));
        }

        [Fact]
        public void ExpectedIdentityIsOptionalAndExact()
        {
            var t = new X509PeerTrust(4, 4, 8);
            byte[] id = Encoding.ASCII.GetBytes("xxsip:bob");
            Assert.True(t.ExpectedIdentityAllows(id, 0, 3));
            t.SetExpectedIdentity(id, 2, 7);
            Assert.True(t.ExpectedIdentityAllows(Encoding.ASCII.GetBytes("sip:bob"), 0, 7));
            Assert.False(t.ExpectedIdentityAllows(Encoding.ASCII.GetBytes("sip:bot"), 0, 7));
            Assert.False(t.ExpectedIdentityAllows(id, 2, 6));
            Assert.Throws<ArgumentOutOfRangeException>(() => t.SetExpectedIdentity(id, 0, 9));
            t.ClearPins();
            Assert.True(t.ExpectedIdentityAllows(id, 0, 1));
        }
    }
}
