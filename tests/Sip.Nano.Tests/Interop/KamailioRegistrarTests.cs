using NanoMikey.Sip.Tests.Fixtures;

namespace NanoMikey.Sip.Tests.Interop
{
    /// <summary>
    /// The proxy fixture on its own, byte by byte from a bare UDP peer: digest registration with MD5 and with SHA-256
    /// (RFC 8760; the auth module's algorithm parameter), wrong password and unknown user refused, Max-Forwards and
    /// sanity checks. Ports 19400–19409.
    /// </summary>
    public sealed class KamailioRegistrarTests
    {
        private const int ProxyPort = 19400;
        private const int ClientPort = 19402;

        [Theory]
        [InlineData(false, "MD5")]
        [InlineData(true, "SHA-256")]
        public void RegisterWithDigest_ChallengedWithTheAlgorithm_ThenAccepted(bool sha256, string algorithm)
        {
            using var proxy = new KamailioProcess(ProxyPort, sha256);
            using var client = new RawSipClient(ClientPort, ProxyPort);
            string www = Challenge(client, "door");
            Assert.Equal(KamailioProcess.Domain, RawSipClient.ChallengeParam(www, "realm"));
            Assert.Equal("auth", RawSipClient.ChallengeParam(www, "qop"));
            // Kamailio names the algorithm only when it is set (MD5 is the RFC 2617 default when absent).
            Assert.Equal(algorithm, RawSipClient.ChallengeParam(www, "algorithm") ?? "MD5");

            string auth = RawSipClient.DigestAuthorization(www, "door", KamailioProcess.Password("door"), "REGISTER", "sip:" + KamailioProcess.Domain);
            client.Send(client.Register("door", 2, auth));
            string? ok = client.ReceiveFinal(3000);
            Assert.True(RawSipClient.StatusCode(ok) == 200, ok + "\n" + proxy.Log);
            Assert.Contains("127.0.0.1:" + ClientPort, RawSipClient.Header(ok!, "Contact"));
        }

        [Fact]
        public void RegisterWithWrongPassword_ChallengedAgain()
        {
            using var proxy = new KamailioProcess(ProxyPort);
            using var client = new RawSipClient(ClientPort, ProxyPort);
            Assert.Equal(401, Answer(client, Challenge(client, "door"), "door", "door", "wrong"));
        }

        [Fact]
        public void RegisterAnotherUsersAddressOfRecord_ChallengedAgain()
        {
            // Authenticated as alice, registering door: the auth user must be the To user (RFC 3261 §10.3 step 6).
            using var proxy = new KamailioProcess(ProxyPort);
            using var client = new RawSipClient(ClientPort, ProxyPort);
            Assert.Equal(401, Answer(client, Challenge(client, "door"), "door", "alice", KamailioProcess.Password("alice")));
        }

        [Fact]
        public void RegisterUnknownUser_Forbidden()
        {
            using var proxy = new KamailioProcess(ProxyPort);
            using var client = new RawSipClient(ClientPort, ProxyPort);
            Assert.Equal(403, Answer(client, Challenge(client, "mallory"), "mallory", "mallory", "x"));
        }

        [Fact]
        public void InviteWithMaxForwardsZero_TooManyHops()
        {
            using var proxy = new KamailioProcess(ProxyPort);
            using var client = new RawSipClient(ClientPort, ProxyPort);
            client.Send(Invite(client.LocalPort, "flat", "Max-Forwards: 0\r\n"));
            Assert.Equal(483, RawSipClient.StatusCode(client.ReceiveFinal(3000)));
        }

        [Fact]
        public void InviteToUnregisteredUser_NotFound()
        {
            using var proxy = new KamailioProcess(ProxyPort);
            using var client = new RawSipClient(ClientPort, ProxyPort);
            client.Send(Invite(client.LocalPort, "flat", "Max-Forwards: 70\r\n"));
            Assert.Equal(404, RawSipClient.StatusCode(client.ReceiveFinal(3000)));
        }

        [Fact]
        public void InviteWithBadCSeq_RefusedBySanity_ProxyStillServes()
        {
            using var proxy = new KamailioProcess(ProxyPort);
            using var client = new RawSipClient(ClientPort, ProxyPort);
            client.Send(Invite(client.LocalPort, "flat", "Max-Forwards: 70\r\n").Replace("CSeq: 1 INVITE", "CSeq: x INVITE"));
            // The sanity module's CSeq value check (RFC 3261 §8.1.1.5: a 32-bit unsigned integer) answers 400.
            string? bad = client.ReceiveFinal(3000);
            Assert.True(RawSipClient.StatusCode(bad) == 400, bad + "\n" + proxy.Log);
            client.Send(Invite(client.LocalPort, "flat", "Max-Forwards: 0\r\n"));
            Assert.Equal(483, RawSipClient.StatusCode(client.ReceiveFinal(3000)));
        }

        /// <summary>Sends an unauthenticated REGISTER of <paramref name="user"/> and returns the 401's WWW-Authenticate.</summary>
        private static string Challenge(RawSipClient client, string user)
        {
            client.Send(client.Register(user, 1, null));
            string? challenge = client.ReceiveFinal(3000);
            Assert.Equal(401, RawSipClient.StatusCode(challenge));
            string? www = RawSipClient.Header(challenge!, "WWW-Authenticate");
            Assert.NotNull(www);
            return www!;
        }

        /// <summary>Answers the challenge as <paramref name="authUser"/> for <paramref name="user"/>'s AOR; returns the final status.</summary>
        private static int Answer(RawSipClient client, string www, string user, string authUser, string password)
        {
            client.Send(client.Register(user, 2, RawSipClient.DigestAuthorization(www, authUser, password, "REGISTER", "sip:" + KamailioProcess.Domain)));
            return RawSipClient.StatusCode(client.ReceiveFinal(3000));
        }

        private static string Invite(int localPort, string user, string maxForwards)
            => "INVITE sip:" + user + "@" + KamailioProcess.Domain + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + localPort + ";branch=z9hG4bK-raw-inv-" + Environment.TickCount64 + "\r\n"
                + maxForwards
                + "From: <sip:door@" + KamailioProcess.Domain + ">;tag=raw\r\n"
                + "To: <sip:" + user + "@" + KamailioProcess.Domain + ">\r\n"
                + "Call-ID: raw-inv-" + Environment.TickCount64 + "\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:door@127.0.0.1:" + localPort + ">\r\n"
                + "Content-Length: 0\r\n\r\n";
    }
}
