using System.IO;
using NanoMikey.Sip.Message;

namespace NanoMikey.Sip.Tests.Message
{
    /// <summary>RFC 3665 example messages (tests/vectors/sip/rfc3665): §2.1 registration with digest, §3.1 a whole call.</summary>
    public class CallFlowTests
    {
        private static SipMessageReader Read(string name)
        {
            var r = new SipMessageReader();
            byte[] b = File.ReadAllBytes(TestData.VectorPath("sip", "rfc3665", name + ".txt"));
            Assert.Equal(SipReadStatus.Ok, r.Read(b, 0, b.Length));
            return r;
        }

        [Fact]
        public void Registration_2_1_WithChallengeAndAuthorization()
        {
            var r = Read("2.1-registration-F1-register");
            Assert.Equal(SipMethod.Register, r.Method);
            Assert.Equal("sips:ss2.biloxi.example.com", r.RequestUri);
            Assert.Equal(70, r.MaxForwards);
            Assert.Equal("sips:bob@client.biloxi.example.com", r.ContactUri);
            Assert.Equal(-1, r.Expires);
            Assert.Null(r.ChallengeHeader);

            r = Read("2.1-registration-F2-401");
            Assert.False(r.IsRequest);
            Assert.Equal(401, r.StatusCode);
            Assert.Equal("Unauthorized", r.ReasonPhrase);
            Assert.Equal("192.0.2.201", r.TopViaReceived);
            Assert.Equal(5061, r.TopViaPort);
            Assert.Equal("TLS", r.TopViaTransport);
            Assert.Equal("z9hG4bKnashds7", r.TopViaBranch);
            Assert.True(r.TopViaHasCookie);
            Assert.Equal("1410948204", r.ToTag);
            Assert.False(r.IsProxyChallenge);

            // The folded WWW-Authenticate comes back as one line (folds become spaces).
            Assert.Equal("Digest realm=\"atlanta.example.com\", qop=\"auth\",   nonce=\"ea9c8e88df84f1cec4341ae6cbe5a359\",   opaque=\"\", stale=FALSE, algorithm=MD5", r.ChallengeHeader);

            r = Read("2.1-registration-F3-register-authorization");
            Assert.Equal(2u, r.CSeq);
            Assert.Equal(SipMethod.Register, r.CSeqMethod);
            Assert.StartsWith("Digest username=\"bob\"", r.HeaderValue("authorization"));
            Assert.EndsWith("response=\"dfe56131d1958046689d83306477ecc\"", r.HeaderValue(SipHeaderName.Authorization));

            r = Read("2.1-registration-F4-200");
            Assert.Equal(200, r.StatusCode);
            Assert.Equal(3600, r.ContactExpires);
        }

        [Fact]
        public void Session_3_1_InviteRingingOkAckBye()
        {
            var r = Read("3.1-session-F1-invite");
            Assert.Equal(SipMethod.Invite, r.Method);
            Assert.Equal("sip:alice@atlanta.example.com", r.FromUri);
            Assert.Equal("9fxced76sl", r.FromTag);
            Assert.Null(r.ToTag);
            Assert.Equal("3848276298220188511@atlanta.example.com", r.CallId);
            Assert.Equal("sip:alice@client.atlanta.example.com;transport=tcp", r.ContactUri);
            Assert.Equal("application/sdp", r.ContentType);
            Assert.Equal(151, r.BodyLength);
            Assert.StartsWith("v=0\r\no=alice", r.Body);
            Assert.EndsWith("a=rtpmap:0 PCMU/8000\r\n", r.Body);
            var uri = new SipUri();
            Assert.True(uri.Parse(r.ContactUri!));
            Assert.Equal("tcp", uri.Transport);
            Assert.Equal("alice", uri.User);

            r = Read("3.1-session-F2-180");
            Assert.Equal(180, r.StatusCode);
            Assert.Equal("8321234356", r.ToTag);
            Assert.Equal(SipMethod.Invite, r.CSeqMethod);

            r = Read("3.1-session-F3-200");
            Assert.Equal(200, r.StatusCode);
            Assert.Equal(147, r.BodyLength);

            r = Read("3.1-session-F4-ack");
            Assert.Equal(SipMethod.Ack, r.Method);
            Assert.Equal(1u, r.CSeq);

            r = Read("3.1-session-F5-bye");
            Assert.Equal(SipMethod.Bye, r.Method);
            Assert.Equal(1u, r.CSeq);

            r = Read("3.1-session-F6-200");
            Assert.Equal(SipMethod.Bye, r.CSeqMethod);
        }
    }
}
