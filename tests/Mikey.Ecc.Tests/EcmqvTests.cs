using NanoMikey.Mikey.Modes;
using static NanoMikey.Mikey.Ecc.Tests.EccFixtures;

namespace NanoMikey.Mikey.Ecc.Tests
{
    /// <summary>MIKEY-ECMQV specifics (docs/ecc-profile.md §4); what all modes share is in <see cref="ModeTests"/>.</summary>
    public class EcmqvTests
    {
        [Fact]
        public void MessagesCarryThePrivateDataTypes()
        {
            var x = Exchange.Make("ecmqv");
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            // RFC 3830 §10: data types 241-255 are private use.
            Assert.Equal(241, x.Offer[1]);
            Assert.Equal(242, x.Answer[1]);
        }

        [Fact]
        public void VerificationExposesAWrongResponderKey()
        {
            // The initiator computes MQV with Carol's key instead of Bob's: Bob derives another TGK and his V does not verify.
            var x = Exchange.Make("ecmqv");
            ((EcmqvInitiator)x.I).SetResponderKey(Key("carol").PublicKey);
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, x.I.ReadAnswer(x.Answer, 0, x.AnswerLength));
            Assert.False(x.I.IsComplete);
            Assert.NotEqual(Hex(x.I.Bundle.Get(0).GetMasterKey(0).Key, 0, 16), Hex(x.R.Bundle.Get(0).GetMasterKey(0).Key, 0, 16));
        }
    }
}
