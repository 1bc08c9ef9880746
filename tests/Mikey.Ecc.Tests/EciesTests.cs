using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Srtp.Policy;
using static NanoMikey.Mikey.Ecc.Tests.EccFixtures;

namespace NanoMikey.Mikey.Ecc.Tests
{
    /// <summary>MIKEY-ECIES specifics (docs/ecc-profile.md §3); what all modes share is in <see cref="ModeTests"/>.</summary>
    public class EciesTests
    {
        [Fact]
        public void PinnedKeysWithoutCertificatesWork()
        {
            // No certificate anywhere: Bob pinned Alice's key, Alice pinned Bob's; no CHASH is sent.
            var bobTrusts = new EccPeerTrust();
            bobTrusts.PinPublicKey(Key("alice").PublicKey);
            var x = Exchange.Make("ecies", Credentials("alice", Alice), bobTrusts, bob: Credentials("bob", Bob));
            ((EciesInitiator)x.I).SetResponderKey(Key("bob").PublicKey);
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.ReadAnswer(x.Answer, 0, x.AnswerLength));
            Media.BothWays(x.I.Bundle, x.R.Bundle);
        }

        [Fact]
        public void ResponderCertificateIsCheckedBeforeUse()
        {
            var i = new EciesInitiator(new HostAesEngineFactory(), Drbg("x"), new TestClock { NtpNow = T }, Credentials("alice", Alice, "alice"), TrustCa());
            byte[] rogue = Cert("alice-rogue"), expired = Cert("alice-expired"), bob = Cert("bob");
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, i.SetResponderCertificate(rogue, 0, rogue.Length));
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, i.SetResponderCertificate(expired, 0, expired.Length));
            i.SetResponderIdentity(IdType.Uri, Alice, 0, Alice.Length);
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, i.SetResponderCertificate(bob, 0, bob.Length)); // names Bob, not Alice
            i.AddCryptoSession(1, 0, SrtpPolicy.AesCm128HmacSha1_80());
            Assert.Equal(MikeyExchangeStatus.InvalidState, i.WriteOffer(new byte[4096], 0, 4096)); // no responder key yet
        }

        [Fact]
        public void ChashOfAnotherCertificateIsRefused()
        {
            // Bob holds Carol's certificate as his own: the CHASH the initiator computed from Bob's certificate does not match.
            var x = Exchange.Make("ecies", bob: Credentials("bob", Bob, "carol-cn"));
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, x.Run());
            Assert.Equal(ErrorCode.InvalidCert, x.R.ErrorCode);
        }

        [Fact]
        public void EnvelopeForAnotherKeyFailsAuthentication()
        {
            // PKE encrypted to Carol's key (pinned by mistake): Bob cannot decrypt it.
            var x = Exchange.Make("ecies");
            ((EciesInitiator)x.I).SetResponderKey(Key("carol").PublicKey);
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, x.Run());
            Assert.Equal(ErrorCode.AuthFailure, x.R.ErrorCode);
        }
    }
}
