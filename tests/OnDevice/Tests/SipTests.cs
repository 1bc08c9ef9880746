using nanoFramework.TestFramework;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Mikey.Ecc.Offers;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Net.Sockets;
using NanoMikey.Sip.Auth;
using NanoMikey.Sip.Keying;
using NanoMikey.Sip.Message;
using NanoMikey.Sip.Sdp;
using NanoMikey.Srtp;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.OnDevice
{
    /// <summary>
    /// The SIP pieces on the interpreter (firmware/Sip.Nano; tests/Sip.Nano.Tests on the host): the RFC 3665 messages read,
    /// the RFC 7616 / RFC 2617 digest examples answered (MD5 and SHA-256), and a door station's PSK offer carried in an
    /// INVITE's SDP, answered by two forked indoor units (RFC 5197 §5.2), each fork with its own SSRC, the winner's keys
    /// carrying SRTP both ways and the loser's wiped.
    /// </summary>
    [TestClass]
    public class SipTests
    {
        [TestMethod]
        public void ReadsTheRfc3665Messages()
        {
            var reader = new SipMessageReader();
            var records = new VectorRecords(Vectors.SipRfc3665());
            int count = 0;
            while (records.Next())
            {
                byte[] m = records.Field(1);
                Assert.IsTrue(reader.Read(m, 0, m.Length) == SipReadStatus.Ok, "not read: " + records.Text(0));
                count++;
                if (records.Is(0, "3.1-session-F1-invite"))
                {
                    Assert.IsTrue(reader.Method == SipMethod.Invite, "method");
                    Assert.AreEqual("9fxced76sl", reader.FromTag);
                    Assert.AreEqual("3848276298220188511@atlanta.example.com", reader.CallId);
                    Assert.AreEqual(151, reader.BodyLength);
                }
                else if (records.Is(0, "2.1-registration-F2-401"))
                {
                    Assert.AreEqual(401, reader.StatusCode);
                    Assert.IsFalse(reader.IsProxyChallenge, "WWW-Authenticate");
                }
            }

            Assert.AreEqual(10, count);
        }

        [TestMethod]
        public void DigestAnswersTheRfcExamples()
        {
            var records = new VectorRecords(Vectors.SipDigest());
            int count = 0;
            while (records.Next())
            {
                var challenge = new DigestChallenge();
                Assert.IsTrue(challenge.Read(records.Text(1)) == DigestStatus.Ok, "challenge " + records.Text(0));
                var authorization = new DigestAuthorization();
                var credentials = new DigestCredentials(records.Text(2), challenge.Realm, records.Text(3));
                Assert.IsTrue(authorization.Write(challenge, credentials, records.Text(4), records.Text(5), records.Text(6)) == DigestStatus.Ok,
                    "authorization " + records.Text(0));
                Assert.AreEqual(records.Text(8), authorization.Response, records.Text(0));
                count++;
            }

            Assert.AreEqual(3, count);
        }

        [TestMethod]
        public void ForkedPskOfferInAnInviteKeysTheWinnerOnly()
        {
            var clock = new TestClock(Fixtures.T);
            var aes = new SoftwareAesFactory();
            byte[] psk = Bytes.Ascii("nanoMikey SIP keying test PSK 01");

            // The door station: a PSK offer for the flat it dials, in the SDP of an INVITE.
            var policy = new SipAnswerPolicy();
            byte[] bob = Fixtures.Bob, carol = Bytes.Ascii("sip:carol@example.com");
            policy.Allow(bob, 0, bob.Length);
            policy.Allow(carol, 0, carol.Length);
            var offer = new SipMikeyOffer(Fixtures.Drbg("sip/ssrc"), new PskOfferer(new PskInitiator(aes, Fixtures.Drbg("sip/psk"), clock)), null,
                policy, Fixtures.Alice);
            var target = new SipMikeyTarget("sip:flat7@example.com");
            target.SetPreSharedKey(psk, 0, psk.Length);
            Assert.IsTrue(offer.Build(target, SrtpPolicy.AesCm128HmacSha1_80()) == SipMikeyStatus.Ok, "offer");
            string sdp = new SdpOfferWriter().Write(1, 1, IPv4.Loopback, 40000, offer.WriteOffer());

            var writer = new SipMessageWriter(2048);
            writer.StartRequest(SipMethod.Invite, "sip:flat7@example.com");
            writer.Header("Via", "SIP/2.0/UDP 10.0.0.20:5060;branch=z9hG4bK776asdhds");
            writer.Header("Max-Forwards", "70");
            writer.Header("To", "<sip:flat7@example.com>");
            writer.Header("From", "<sip:door@example.com>;tag=1928301774");
            writer.Header("Call-ID", "a84b4c76e66710@10.0.0.20");
            writer.HeaderCSeq(1, SipMethod.Invite);
            writer.Header("Contact", "<sip:door@10.0.0.20>");
            writer.Body("application/sdp", sdp);
            Assert.IsFalse(writer.Failed, "INVITE too large");

            // Each indoor unit reads the INVITE and answers from its own early dialog.
            var reader = new SipMessageReader();
            Assert.IsTrue(reader.Read(writer.Buffer, writer.Offset, writer.Length) == SipReadStatus.Ok, "INVITE not read");
            var session = new SdpSessionReader();
            Assert.IsTrue(session.Read(reader.Body) == SdpReadStatus.Ok, "SDP");
            Assert.IsTrue(session.HasMikey && session.Profile == SdpMediaProfile.RtpSavp, "no MIKEY over RTP/SAVP");

            SipMikeyAnswerer first = Unit(clock, aes, psk, bob, 0x1000), second = Unit(clock, aes, psk, carol, 0x2000);
            Assert.IsTrue(first.Answer(session) == SipMikeyStatus.Ok, "first unit");
            Assert.IsTrue(second.Answer(session) == SipMikeyStatus.Ok, "second unit");
            Assert.IsTrue(offer.AcceptAnswer("t1", first.AnswerData) == SipMikeyStatus.Ok, "first fork");
            Assert.IsTrue(offer.AcceptAnswer("t2", second.AnswerData) == SipMikeyStatus.Ok, "second fork");
            Assert.AreEqual(2, offer.ForkCount);

            SrtpMasterKeyEntry lostOut = offer.EarlyBundle("t1").Get(0).GetMasterKey(0), lostIn = offer.EarlyBundle("t1").Get(1).GetMasterKey(0);
            Assert.IsFalse(Bytes.AllZero(lostIn.Key), "no key before Confirm");
            Assert.IsTrue(offer.Confirm("t2") == SipMikeyStatus.Ok, "confirm");
            Assert.IsTrue(Bytes.AllZero(lostOut.Key) && Bytes.AllZero(lostOut.Salt) && Bytes.AllZero(lostIn.Key) && Bytes.AllZero(lostIn.Salt),
                "the losing fork's keys are not wiped");

            CryptoSessionBundle mine = offer.Bundle, theirs = second.Bundle;
            Assert.IsTrue(Carries(mine.Get(0), theirs.Get(0), aes), "door to unit");
            Assert.IsTrue(Carries(theirs.Get(1), mine.Get(1), aes), "unit to door");
            Assert.AreEqual(0x2000, (int)mine.Get(1).Ssrc);
        }

        private static SipMikeyAnswerer Unit(TestClock clock, SoftwareAesFactory aes, byte[] psk, byte[] identity, uint ssrc)
        {
            var r = new PskResponder(aes, clock, Fixtures.Cache(clock));
            r.SetPreSharedKey(psk, 0, psk.Length);
            r.SetIdentity(IdType.Uri, identity, 0, identity.Length);
            var a = new SipMikeyAnswerer();
            a.Accept(MikeyMode.Psk, r);
            a.SetOwnStream(ssrc);
            return a;
        }

        private static bool Carries(CryptoSession sender, CryptoSession receiver, SoftwareAesFactory aes)
        {
            SrtpCryptoContext tx = sender.CreateSrtpContext(SrtpDirection.Outbound, aes, SrtpMinimumPolicy.Strict);
            SrtpCryptoContext rx = receiver.CreateSrtpContext(SrtpDirection.Inbound, aes, SrtpMinimumPolicy.Strict);
            byte[] pkt = Packets.Rtp(sender.Ssrc, 1, 172, 200);
            int len = 172;
            if (tx.Protect(pkt, 0, ref len, pkt.Length) != SrtpStatus.Ok) return false;
            return rx.Unprotect(pkt, 0, ref len) == SrtpStatus.Ok && len == 172;
        }
    }
}
