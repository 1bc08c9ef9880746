using System.Reflection;
using NanoMikey.Ecc;
using NanoMikey.Ecc.Tests.Offload;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Tests.Keys.Offload;

namespace NanoMikey.Mikey.Ecc.Tests.Offload
{
    /// <summary>
    /// The ECC modes with the P-256 and MIKEY engines selected (issue 15): the same DRBG seeds give byte-identical offers,
    /// answers and SRTP master keys to the managed path, the expensive primitives go to the engines, and ECDH-SIGN then
    /// never builds the managed P-256 workspace.
    /// </summary>
    [Collection("ECC offload")]
    public class OffloadedExchangeTests
    {
        private sealed class Outcome
        {
            public byte[] Offer = [], Answer = [];
            public string Keys = "";
        }

        private static Outcome Run(string mode)
        {
            Exchange x = Exchange.Make(mode, seed: "offload/" + mode);
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.ReadAnswer(x.Answer, 0, x.AnswerLength));
            Media.BothWays(x.I.Bundle, x.R.Bundle);
            var o = new Outcome
            {
                Offer = x.Offer.AsSpan(0, x.OfferLength).ToArray(),
                Answer = x.Answer.AsSpan(0, x.AnswerLength).ToArray(),
            };
            for (int i = 0; i < x.R.Bundle.Count; i++)
            {
                SrtpMasterKeyEntry k = x.R.Bundle.Get(i).GetMasterKey(0);
                o.Keys += EccFixtures.Hex(k.Key, 0, k.KeyLength) + EccFixtures.Hex(k.Salt, 0, k.SaltLength) + "/";
            }

            return o;
        }

        private static FieldInfo SharedWorkspace =>
            typeof(P256PrivateKey).Assembly.GetType("NanoMikey.Ecc.P256Workspace")!.GetField("s_shared", BindingFlags.NonPublic | BindingFlags.Static)!;

        [Theory]
        [MemberData(nameof(Exchange.Modes), MemberType = typeof(Exchange))]
        public void OffloadedExchangeIsByteIdentical(string mode)
        {
            Outcome managed = Run(mode);
            var p256 = new DotNetP256Offload();
            var mikey = new DotNetMikeyOffload();
            Outcome offloaded;
            object? workspace = SharedWorkspace.GetValue(null);
            SharedWorkspace.SetValue(null, null);
            P256Offload.Engine = p256;
            MikeyOffload.Engine = mikey;
            try
            {
                offloaded = Run(mode);
            }
            finally
            {
                P256Offload.Engine = null;
                MikeyOffload.Engine = null;
                if (mode == "ecdh") Assert.Null(SharedWorkspace.GetValue(null));
                SharedWorkspace.SetValue(null, workspace);
            }

            Assert.Equal(managed.Offer, offloaded.Offer);
            Assert.Equal(managed.Answer, offloaded.Answer);
            Assert.Equal(managed.Keys, offloaded.Keys);
            Assert.NotEqual("", offloaded.Keys);
            Assert.True(mikey.Derivations > 0);
            Assert.True(p256.Verifications >= 2, "verifications: " + p256.Verifications); // certificates, SIGN
            Assert.True(p256.Validations >= 2, "validations: " + p256.Validations); // certificate keys, ECCPT
            switch (mode)
            {
                case "ecdh":
                    // Alice's and Bob's long-term keys, one ephemeral each; TGK = x(d·Q) on both sides; SIGNi, SIGNr.
                    Assert.Equal(4, p256.Derivations);
                    Assert.Equal(2, p256.Agreements);
                    Assert.Equal(2, p256.Signatures);
                    break;
                case "ecies":
                    // Sender's ephemeral agreement and the recipient's (RFC 5197 ECIES); the initiator signs SIGNi.
                    Assert.Equal(2, p256.Agreements);
                    Assert.Equal(1, p256.Signatures);
                    break;
                default:
                    // ECMQV's agreement itself stays managed; the keys and SIGN go to the engine.
                    Assert.Equal(0, p256.Agreements);
                    Assert.True(p256.Signatures >= 1);
                    break;
            }
        }
    }
}
