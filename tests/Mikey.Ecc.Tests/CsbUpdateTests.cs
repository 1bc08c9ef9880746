using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Session;
using NanoMikey.Srtp;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;
using static NanoMikey.Mikey.Ecc.Tests.EccFixtures;

namespace NanoMikey.Mikey.Ecc.Tests
{
    /// <summary>ECDH-SIGN CSB updates (RFC 3830 §4.5, docs/ecc-profile.md §2.1): a new ECDH exchange for the same CSB.</summary>
    public class CsbUpdateTests
    {
        private static int RandPayloads(byte[] msg, int length)
        {
            // The codec's own view of the message (MessageLayout is internal to Mikey.Nano, visible to these tests).
            var reader = new NanoMikey.Mikey.Codec.MikeyReader { IsCsbUpdate = true };
            Assert.Equal(NanoMikey.Mikey.Codec.MikeyStatus.Ok, reader.Reset(msg, 0, length));
            var layout = new MessageLayout();
            Assert.Equal(NanoMikey.Mikey.Codec.MikeyStatus.End, layout.Fill(reader));
            return layout.RandCount;
        }

        [Fact]
        public void CsbUpdateRekeysWithoutLosingAPacketInFlightAndAddsACryptoSession()
        {
            var x = Exchange.Make("ecdh");
            var ini = (EcdhSignInitiator)x.I;
            ini.MkiLength = 1;
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            Assert.Equal(MikeyExchangeStatus.Ok, ini.ReadAnswer(x.Answer, 0, x.AnswerLength));
            var host = new HostAesEngineFactory();
            SrtpCryptoContext tx = ini.Bundle.Get(0).CreateSrtpContext(SrtpDirection.Outbound, host, SrtpMinimumPolicy.Strict);
            SrtpCryptoContext rx = x.R.Bundle.Get(0).CreateSrtpContext(SrtpDirection.Inbound, host, SrtpMinimumPolicy.Strict);
            string oldKey = Hex(x.R.Bundle.Get(0).GetMasterKey(0).Key, 0, 16);
            Assert.Equal("00", Hex(x.R.Bundle.Get(0).GetMasterKey(0).Mki, 0, 1));

            // A packet protected under generation 0 is still in flight when the update lands.
            byte[] inFlight = new byte[256];
            int inFlightLength = Media.Rtp(inFlight, 1, 0x11111111);
            Assert.Equal(SrtpStatus.Ok, tx.Protect(inFlight, 0, ref inFlightLength, inFlight.Length));

            // The update: same CSB ID, new T, no RAND, a new ephemeral (new TGK) with MKI 1, plus a new crypto session.
            x.Clock.NtpNow += 5UL << 32;
            ini.AddCryptoSession(0x22222222, 0, SrtpPolicy.AesCm128HmacSha1_80());
            byte[] update = new byte[4096];
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteUpdate(update, 0, update.Length));
            int updateLength = ini.OfferLength;
            Assert.Equal(0, RandPayloads(update, updateLength)); // no RAND
            Assert.Equal(x.R.Bundle.CsbId, (uint)(update[4] << 24 | update[5] << 16 | update[6] << 8 | update[7]));
            Assert.True(ini.IsComplete); // the keys in use stay until the answer is accepted
            Assert.Equal(MikeyExchangeStatus.Ok, x.R.Respond(update, 0, updateLength, x.Answer, 0, x.Answer.Length));
            Assert.Equal(MikeyExchangeStatus.Ok, ini.ReadAnswer(x.Answer, 0, x.R.AnswerLength));

            Assert.Equal(2, x.R.Bundle.Count);
            CryptoSession audio = x.R.Bundle.Get(0);
            Assert.Equal(2, audio.MasterKeyCount);
            Assert.Equal(oldKey, Hex(audio.GetMasterKey(0).Key, 0, 16));
            Assert.NotEqual(oldKey, Hex(audio.GetMasterKey(1).Key, 0, 16));
            Assert.Equal(Hex(ini.Bundle.Get(0).GetMasterKey(1).Key, 0, 16), Hex(audio.GetMasterKey(1).Key, 0, 16));
            Assert.Equal("01", Hex(audio.GetMasterKey(1).Mki, 0, 1));

            ini.Bundle.Get(0).AddNewKeysTo(tx, 1);
            audio.AddNewKeysTo(rx, 1);
            byte[] fresh = new byte[256];
            int freshLength = Media.Rtp(fresh, 2, 0x11111111);
            Assert.Equal(SrtpStatus.Ok, tx.Protect(fresh, 0, ref freshLength, fresh.Length));
            Assert.Equal(0x01, fresh[freshLength - 11]); // protected under the new key (MKI 1)
            Assert.Equal(SrtpStatus.Ok, rx.Unprotect(fresh, 0, ref freshLength));
            Assert.Equal(SrtpStatus.Ok, rx.Unprotect(inFlight, 0, ref inFlightLength)); // old MKI still accepted

            // The crypto session the update added (only the new key, slot 1) works from its first packet.
            Assert.Equal(0, x.R.Bundle.Get(1).GetMasterKey(0).KeyLength);
            SrtpCryptoContext vtx = ini.Bundle.Get(1).CreateSrtpContext(SrtpDirection.Outbound, host, SrtpMinimumPolicy.Strict);
            SrtpCryptoContext vrx = x.R.Bundle.Get(1).CreateSrtpContext(SrtpDirection.Inbound, host, SrtpMinimumPolicy.Strict);
            int vl = Media.Rtp(fresh, 1, 0x22222222);
            Assert.Equal(SrtpStatus.Ok, vtx.Protect(fresh, 0, ref vl, fresh.Length));
            Assert.Equal(SrtpStatus.Ok, vrx.Unprotect(fresh, 0, ref vl));

            // A replayed update changes nothing; an update for another CSB is refused.
            Assert.Equal(MikeyExchangeStatus.Replayed, x.R.Respond(update, 0, updateLength, x.Answer, 0, x.Answer.Length));
            Assert.Equal(2, x.R.Bundle.Get(0).MasterKeyCount);
            update[4] ^= 1; // CSB ID
            Assert.NotEqual(MikeyExchangeStatus.Ok, x.R.Respond(update, 0, updateLength, x.Answer, 0, x.Answer.Length));
            Assert.Equal(2, x.R.Bundle.Get(0).MasterKeyCount);
        }

        [Fact]
        public void OnlyThePartyThatSetTheBundleUpMayUpdateIt()
        {
            // Carol, trusted by the same CA, learns Alice's CSB ID and sends an update for it: refused, keys unchanged.
            var x = Exchange.Make("ecdh");
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.ReadAnswer(x.Answer, 0, x.AnswerLength));
            byte[] carolId = System.Text.Encoding.ASCII.GetBytes("sip:carol@example.com");
            var carol = new EcdhSignInitiator(Drbg("carol/i"), x.Clock, Credentials("carol", carolId, "carol-cn"), TrustCa());
            carol.SetResponderIdentity(NanoMikey.Mikey.Payloads.IdType.Uri, Bob, 0, Bob.Length);
            carol.AddCryptoSession(0x11111111, 0, SrtpPolicy.AesCm128HmacSha1_80());
            Assert.Equal(MikeyExchangeStatus.Ok, carol.WriteOffer(x.Offer, 0, x.Offer.Length));
            Assert.Equal(MikeyExchangeStatus.Ok, x.R.Respond(x.Offer, 0, carol.OfferLength, x.Answer, 0, x.Answer.Length)); // her own CSB
            Assert.Equal(MikeyExchangeStatus.Ok, carol.ReadAnswer(x.Answer, 0, x.R.AnswerLength));

            // Bob's current bundle is Carol's now; Alice's update for her old CSB ID is a mismatch, Carol's update is fine.
            x.Clock.NtpNow += 1UL << 32;
            byte[] update = new byte[4096];
            Assert.Equal(MikeyExchangeStatus.Ok, ((EcdhSignInitiator)x.I).WriteUpdate(update, 0, update.Length));
            Assert.Equal(MikeyExchangeStatus.Mismatch, x.R.Respond(update, 0, x.I.OfferLength, x.Answer, 0, x.Answer.Length));
            Assert.Equal(1, x.R.Bundle.Get(0).MasterKeyCount);

            // Alice re-signs an update carrying Carol's CSB ID: the signature is Alice's, the bundle Carol's: refused.
            uint csb = x.R.Bundle.CsbId;
            update[4] = (byte)(csb >> 24); update[5] = (byte)(csb >> 16); update[6] = (byte)(csb >> 8); update[7] = (byte)csb;
            Exchange.Resign(update, x.I.OfferLength, "alice");
            Assert.Equal(MikeyExchangeStatus.Mismatch, x.R.Respond(update, 0, x.I.OfferLength, x.Answer, 0, x.Answer.Length));
            Assert.Equal(1, x.R.Bundle.Get(0).MasterKeyCount);
            Assert.Equal(NanoMikey.Mikey.Payloads.ErrorCode.AuthFailure, x.R.ErrorCode);

            Assert.Equal(MikeyExchangeStatus.Ok, carol.WriteUpdate(update, 0, update.Length));
            Assert.Equal(MikeyExchangeStatus.Ok, x.R.Respond(update, 0, carol.OfferLength, x.Answer, 0, x.Answer.Length));
            Assert.Equal(2, x.R.Bundle.Get(0).MasterKeyCount);
        }

        [Fact]
        public void NoUpdateBeforeAnExchangeCompleted()
        {
            var x = Exchange.Make("ecdh");
            byte[] update = new byte[4096];
            Assert.Equal(MikeyExchangeStatus.InvalidState, ((EcdhSignInitiator)x.I).WriteUpdate(update, 0, update.Length));
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            Assert.Equal(MikeyExchangeStatus.InvalidState, ((EcdhSignInitiator)x.I).WriteUpdate(update, 0, update.Length)); // answer pending
        }
    }
}
