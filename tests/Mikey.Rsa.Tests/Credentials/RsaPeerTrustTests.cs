using System.Text;
using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Rsa;
using NanoMikey.Srtp.Policy;
using NanoMikey.X509;
using NanoMikey.X509.Asn1;
using static NanoMikey.Mikey.Rsa.Tests.RsaFixtures;

namespace NanoMikey.Mikey.Rsa.Tests
{
    /// <summary>RsaPeerTrust and RsaCredentials: pins, certificate hashes, identities, and all-RSA chains through x509rsa's verifier.</summary>
    public class RsaPeerTrustTests
    {
        private static byte[] X509(string name) => File.ReadAllBytes(TestData.VectorPath("x509", "rsa", name + ".der"));

        private const ulong In2026 = 0xed6b2e0000000000; // 2026-03-23, inside rsa-leaf's validity (2025-06-01 to 2027-06-01)

        private static MikeyExchangeStatus Authenticate(RsaPeerTrust t, byte[] id, params byte[][] chain)
        {
            byte[] all = chain.SelectMany(c => c).ToArray();
            int[] off = new int[4], len = new int[4];
            for (int i = 0, at = 0; i < chain.Length; at += chain[i].Length, i++) { off[i] = at; len[i] = chain[i].Length; }
            return t.Authenticate(all, off, len, chain.Length, id, 0, id.Length, In2026 >> 32);
        }

        [Fact]
        public void AnAllRsaChainNeedsTheRsaVerifier()
        {
            var t = new RsaPeerTrust(2048);
            byte[] root = X509("rsa-root"), inter = X509("rsa-intermediate"), leaf = X509("rsa-leaf");
            Assert.Equal(Asn1Status.Ok, t.AddTrustAnchor(root, 0, root.Length));
            byte[] cn = Encoding.ASCII.GetBytes("RSA Leaf"); // no subjectAltName: the CN is the identity
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, Authenticate(t, cn, leaf, inter));
            Assert.Equal(X509ChainStatus.VerifierMissing, t.ChainStatus);
            t.CertificateVerifier = new RsaCertificateVerifier(3072);
            Assert.Equal(MikeyExchangeStatus.Ok, Authenticate(t, cn, leaf, inter));
            Assert.Equal(2048, t.SignerKey.BitLength);
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, Authenticate(t, Encoding.ASCII.GetBytes("RSA Leag"), leaf, inter));
            Assert.Equal(ErrorCode.InvalidId, t.ErrorCode);
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, Authenticate(t, cn, leaf)); // intermediate missing
            byte[] impostor = X509("rsa-root-impostor");
            var u = new RsaPeerTrust(2048) { CertificateVerifier = new RsaCertificateVerifier(3072) };
            Assert.Equal(Asn1Status.Ok, u.AddTrustAnchor(impostor, 0, impostor.Length));
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, Authenticate(u, cn, leaf, inter));
        }

        [Fact]
        public void PkRunsOverAnAllRsaChain()
        {
            // Alice holds x509rsa's rsa2048 key with the chain rsa-leaf, rsa-intermediate; Bob trusts rsa-root through the RSA verifier.
            byte[] cn = Encoding.ASCII.GetBytes("RSA Leaf"), key = X509("rsa2048.pkcs1"), leaf = X509("rsa-leaf"), inter = X509("rsa-intermediate");
            var alice = new RsaCredentials(2048);
            Assert.Equal(Asn1Status.Ok, NanoMikey.Rsa.RsaKeyReader.ReadRsaPrivateKey(key, 0, key.Length, alice.Key));
            alice.SetIdentity(IdType.Uri, cn, 0, cn.Length);
            alice.AddCertificate(leaf, 0, leaf.Length);
            alice.AddCertificate(inter, 0, inter.Length);
            var bobTrusts = new RsaPeerTrust(2048) { CertificateVerifier = new RsaCertificateVerifier(3072) };
            byte[] root = X509("rsa-root");
            Assert.Equal(Asn1Status.Ok, bobTrusts.AddTrustAnchor(root, 0, root.Length));
            var x = RsaExchange.Make("pk", alice, bobTrusts);
            x.Clock.NtpNow = In2026;
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.ReadAnswer(x.Answer, 0, x.AnswerLength));
            Media.BothWays(x.I.Bundle, x.R.Bundle);
        }

        [Fact]
        public void PinsDecideWithoutAnchors()
        {
            byte[] alice = Cert("alice");
            var t = new RsaPeerTrust(2048);
            Assert.Equal(MikeyExchangeStatus.UnknownPeer, Authenticate(t, Alice, alice)); // trusts nothing yet
            t.PinCertificateHash(System.Security.Cryptography.SHA256.HashData(alice), 0);
            Assert.Equal(MikeyExchangeStatus.Ok, Authenticate(t, Alice, alice));
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, Authenticate(t, Alice, Cert("carol"))); // another certificate
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, Authenticate(t, Alice)); // a hash pin needs the certificate

            var k = new RsaPeerTrust(2048);
            k.PinPublicKey(Key("alice").PublicKey);
            k.SetExpectedIdentity(Alice, 0, Alice.Length);
            Assert.Equal(MikeyExchangeStatus.Ok, Authenticate(k, Alice));               // the pinned key stands alone
            Assert.True(k.SignerKey.SameAs(Key("alice").PublicKey));
            Assert.Equal(MikeyExchangeStatus.Ok, Authenticate(k, Alice, alice));        // or with its certificate
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, Authenticate(k, Bob)); // the expected identity
            Assert.Equal(ErrorCode.InvalidId, k.ErrorCode);
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, Authenticate(k, Alice, Cert("carol")));
            k.ClearPins();
            Assert.Equal(MikeyExchangeStatus.UnknownPeer, Authenticate(k, Alice));
        }

        [Fact]
        public void CredentialsHoldAndWipe()
        {
            RsaCredentials c = Credentials("alice", Alice, "alice");
            Assert.True(c.Ready);
            Assert.Equal(1, c.CertificateCount);
            Assert.Equal(Hex(System.Security.Cryptography.SHA256.HashData(Cert("alice")), 0, 32), Hex(c.LeafHash, 0, 32));
            Assert.Throws<ArgumentOutOfRangeException>(() => c.SetIdentity(IdType.Uri, new byte[200], 0, 200));
            Assert.Throws<ArgumentOutOfRangeException>(() => new RsaCredentials(512));
            c.Clear();
            Assert.False(c.Ready);
            Assert.False(c.Key.HasValue);
            Assert.Equal(0, c.CertificateCount);
            Assert.All(c.Identity, b => Assert.Equal(0, b));
        }
    }
}
