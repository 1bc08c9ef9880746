using System.Security.Cryptography;
using System.Text;
using NanoMikey.Sip.Auth;
using NanoMikey.Sip.UserAgent;

namespace NanoMikey.Sip.Tests.UserAgent
{
    /// <summary>REGISTER with digest and refresh against a hand-written registrar; hostile datagrams and an INVITE flood (ports 19380–19399).</summary>
    public class RegistrationAndHostileTests
    {
        private static string Md5Hex(string s) => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(s))).ToLowerInvariant();

        private static string Param(string header, string name)
        {
            int i = header.IndexOf(name + "=", StringComparison.Ordinal);
            Assert.True(i >= 0, name + " missing in " + header);
            i += name.Length + 1;
            if (header[i] == '"') return header.Substring(i + 1, header.IndexOf('"', i + 1) - i - 1);
            int end = header.IndexOf(',', i);
            return (end < 0 ? header.Substring(i) : header.Substring(i, end - i)).Trim();
        }

        [Fact]
        public void RegisterAnswersTheChallengeRefreshesAtHalfTheExpiryAndStopsOnASecondChallengeOfTheSameNonce()
        {
            using var registrar = new RawSipPeer(19380);
            using var phone = new UaNode(19381, "door");
            phone.Ua.Register("sip:127.0.0.1:19380", 3600, new DigestCredentials("door", "test", "secret"), Pump.Now);
            string first = RawPeerTests.WaitFor(registrar, "REGISTER", 3000, phone.Ua);
            Assert.Null(RawSipPeer.Header(first, "Authorization"));
            Assert.Equal("3600", RawSipPeer.Header(first, "Expires"));
            registrar.Received.Clear();
            registrar.Send(RawSipPeer.Response(first, 401, "Unauthorized", "reg1",
                "WWW-Authenticate: Digest realm=\"test\", nonce=\"n1\", qop=\"auth\", algorithm=MD5\r\n"), 19381);

            // RFC 3261 §22.2 / RFC 7616 §3.4: the same Call-ID, the next CSeq, the digest over our credentials.
            string second = RawPeerTests.WaitFor(registrar, "REGISTER", 3000, phone.Ua);
            Assert.Equal(RawSipPeer.Header(first, "Call-ID"), RawSipPeer.Header(second, "Call-ID"));
            Assert.Equal("2 REGISTER", RawSipPeer.Header(second, "CSeq"));
            string auth = RawSipPeer.Header(second, "Authorization")!;
            string ha1 = Md5Hex("door:test:secret"), ha2 = Md5Hex("REGISTER:sip:127.0.0.1:19380");
            string expected = Md5Hex(ha1 + ":n1:" + Param(auth, "nc") + ":" + Param(auth, "cnonce") + ":auth:" + ha2);
            Assert.Equal(expected, Param(auth, "response"));
            Assert.Equal(SipRegistrationState.Registering, phone.Ua.Registration.State);

            registrar.Received.Clear();
            registrar.Send(RawSipPeer.Response(second, 200, "OK", "reg1", "Contact: <sip:127.0.0.1:19381>;expires=2\r\n"), 19381);
            Assert.True(Pump.Until(() => phone.Ua.Registration.State == SipRegistrationState.Registered, 2000, phone.Ua));
            Assert.Equal(2, phone.Ua.Registration.GrantedExpires);

            // The refresh comes at half the granted expiry (1 s), not before.
            long registeredAt = Pump.Now;
            string refresh = RawPeerTests.WaitFor(registrar, "REGISTER", 3000, phone.Ua);
            Assert.InRange(Pump.Now - registeredAt, 800000, 2000000);
            Assert.Equal("3 REGISTER", RawSipPeer.Header(refresh, "CSeq"));

            // Challenged, answered, challenged again with the same nonce: the credentials are wrong; it fails, no loop.
            registrar.Received.Clear();
            registrar.Send(RawSipPeer.Response(refresh, 401, "Unauthorized", "reg1", "WWW-Authenticate: Digest realm=\"test\", nonce=\"n2\"\r\n"), 19381);
            string answered = RawPeerTests.WaitFor(registrar, "REGISTER", 3000, phone.Ua);
            Assert.Contains("nonce=\"n2\"", RawSipPeer.Header(answered, "Authorization"));
            registrar.Received.Clear();
            registrar.Send(RawSipPeer.Response(answered, 401, "Unauthorized", "reg1", "WWW-Authenticate: Digest realm=\"test\", nonce=\"n2\"\r\n"), 19381);
            Assert.True(Pump.Until(() => phone.Ua.Registration.State == SipRegistrationState.Failed, 2000, phone.Ua));
            Assert.Equal(SipRegistrationFailure.AuthenticationFailed, phone.Ua.Registration.Failure);
            Pump.For(200, phone.Ua);
            Assert.Empty(registrar.Poll());
        }

        [Fact]
        public void MalformedDatagramsAreDroppedWithoutExceptionAndTheUserAgentStillAnswers()
        {
            using var attacker = new RawSipPeer(19385);
            using var indoor = new UaNode(19386, "indoor");
            string longLine = "X-Long: " + new string('a', 2000) + "\r\n";
            string[] hostile =
            {
                "\u0001\u0002garbage",
                "INVITE sip:x SIP/2.0\r\n\r\n",
                "INVITE sip:indoor@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:19385;branch=z9hG4bKh1\r\n" + longLine + "\r\n",
                "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:19386;branch=z9hG4bKnothing\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>;tag=2\r\nCall-ID: zz\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n",
                "BYE sip:indoor@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:19385;branch=z9hG4bKh2\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>;tag=2\r\nCall-ID: none\r\nCSeq: 5 BYE\r\nContent-Length: 0\r\n\r\n",
                "INVITE sip:indoor@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:19385;branch=z9hG4bKh3\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>\r\nCall-ID: nosdp\r\nCSeq: 1 INVITE\r\nContent-Type: application/sdp\r\nContent-Length: 10\r\n\r\nv=0\r\nx=?\r\n",
            };
            foreach (string h in hostile) attacker.Send(h, 19386);
            Pump.For(300, indoor.Ua);
            attacker.Poll();
            Assert.True(indoor.Ua.Malformed >= 3, indoor.Ua.Malformed.ToString());
            Assert.Equal(SipCallState.Idle, indoor.Ua.CallState);
            Assert.Contains(attacker.Received, m => m.StartsWith("SIP/2.0 481", StringComparison.Ordinal) && m.Contains("Call-ID: none"));
            Assert.True(attacker.Received.Any(m => m.StartsWith("SIP/2.0 488", StringComparison.Ordinal) && m.Contains("Call-ID: nosdp")), string.Join("|", attacker.Received));

            attacker.Received.Clear();
            attacker.Send("OPTIONS sip:indoor@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:19385;branch=z9hG4bKok\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>\r\nCall-ID: alive\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n", 19386);
            Assert.True(Pump.Until(() => attacker.Poll().Count > 0 || attacker.Received.Count > 0, 2000, indoor.Ua));
            Assert.StartsWith("SIP/2.0 200", attacker.Received[0]);
        }

        [Fact]
        public void AnInviteFloodGetsOneCallAndOtherwise486Or503WithinTheTables()
        {
            using var flood = new RawSipPeer(19390);
            using var indoor = new UaNode(19391, "indoor", o => { o.MaxTransactions = 3; o.AutoAnswerDelayMicros = -1; });
            var caller = new UaKeys().NewCaller(0x1234);
            for (int i = 0; i < 8; i++)
            {
                string sdp = RawPeerTests.AnswerSdp(19392, caller.WriteOffer("sip:indoor@127.0.0.1:19391"));
                flood.Send("INVITE sip:indoor@127.0.0.1:19391 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:19390;branch=z9hG4bKflood" + i + "\r\nMax-Forwards: 70\r\n"
                    + "From: <sip:f@127.0.0.1:19390>;tag=f" + i + "\r\nTo: <sip:indoor@127.0.0.1:19391>\r\nCall-ID: flood" + i + "\r\nCSeq: 1 INVITE\r\n"
                    + "Contact: <sip:f@127.0.0.1:19390>\r\nContent-Type: application/sdp\r\nContent-Length: " + sdp.Length + "\r\n\r\n" + sdp, 19391);
            }

            Pump.For(300, indoor.Ua);
            flood.Poll();
            // One final per INVITE (Timer G repeats it until an ACK: counted once per Call-ID).
            var finals = flood.Received.Where(m => !m.StartsWith("SIP/2.0 1", StringComparison.Ordinal))
                .GroupBy(m => RawSipPeer.Header(m, "Call-ID")).Select(g => g.First().Substring(8, 3)).ToList();
            Assert.Equal(SipCallState.Incoming, indoor.Ua.CallState);
            Assert.Equal("flood0", indoor.Ua.ActiveDialog!.CallId);
            Assert.Equal(7, finals.Count);
            Assert.All(finals, c => Assert.True(c == "486" || c == "503", c));
            Assert.Contains("486", finals);
            Assert.Contains("503", finals);
            Assert.Equal(7u, indoor.Ua.Refused);
            Assert.Equal(1, indoor.Answerer.Answered);
        }
    }
}
