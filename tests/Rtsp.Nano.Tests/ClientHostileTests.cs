using NanoMikey.Crypto.Random;
using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Transport;
using NanoMikey.Net.Sockets;
using NanoMikey.Rtsp.Client;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Rtsp.Tests
{
    /// <summary>
    /// Hostile servers: truncated, oversized, malformed answers, a KeyMgmt with bad base64, a MIKEY message that fails
    /// authentication (PSK), a SETUP answer that drops SRTP. Each ends the client with its typed failure, never an
    /// exception: no keys installed, no media sent, the connection closed, and later Runs change nothing. Ports 18640..18669.
    /// </summary>
    public class ClientHostileTests
    {
        private const string Uri = "rtsp://127.0.0.1:{0}/test";
        private static readonly byte[] Psk = TestData.Hex("000102030405060708090a0b0c0d0e0f10111213");
        private static readonly byte[] OtherPsk = TestData.Hex("f00102030405060708090a0b0c0d0e0f10111213");

        /// <summary>A server MIKEY message as GStreamer writes it (NULL, TEK = key ‖ salt), or under a PSK.</summary>
        private static string ServerKey(byte[]? psk = null)
        {
            var clock = new ClientSystemClock();
            var entropy = new byte[32];
            new Random(7).NextBytes(entropy);
            var ini = new PskInitiator(new HostAesEngineFactory(), new HmacDrbg(entropy, new byte[16], null, 1 << 16), clock)
            {
                UseNullMode = psk == null,
                KeyTransport = KeyDataType.Tek,
            };
            if (psk != null) ini.SetPreSharedKey(psk, 0, psk.Length);
            ini.AddCryptoSession(0x11223344, 0, SrtpPolicy.AesCm128HmacSha1_80());
            var msg = new byte[512];
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(msg, 0, msg.Length));
            return RtspKeyMgmtHeader.Format("rtsp://127.0.0.1/test/stream=0", msg, 0, ini.OfferLength, true);
        }

        private static byte[] Ok(string headers = "") => ClientScriptedServer.Text("RTSP/1.0 200 OK\r\nCSeq: {cseq}\r\n" + headers + "\r\n");

        private static byte[] AnnounceOk() => Ok("KeyMgmt: " + ServerKey() + "\r\n");

        /// <summary>Starts a client against the script and runs it until it ends (or 5 s); checks the common aftermath.</summary>
        /// <remarks>The answer timeout is 3 s: a loaded machine (the whole solution's tests in parallel) once took over 300 ms to
        /// deliver the script's first answer; only the timeout test shortens it.</remarks>
        private static ClientHarness RunAgainst(ClientScriptedServer server, int port, RtspClientMode mode, byte[]? responderPsk = null,
            long responseTimeoutMicros = 3000000)
        {
            var h = new ClientHarness(mode, port, responderPsk);
            h.Client.ResponseTimeoutMicros = responseTimeoutMicros;
            RtspClientStatus start = h.Client.Start(IPv4.Loopback, port, string.Format(Uri, port), 0x4E414E4F, SrtpPolicy.AesCm128HmacSha1_80(), h.Now);
            Assert.Equal(RtspClientStatus.None, start);
            Assert.True(h.RunUntil(() => h.Client.State == RtspClientState.Failed || h.Client.State == RtspClientState.Streaming, 15000),
                "still " + h.Client.State);
            Assert.Equal(RtspClientState.Failed, h.Client.State);
            // Nothing went out on the media path, and running on changes nothing.
            Assert.Equal(0u, h.Client.PacketsSent);
            Assert.Equal(0u, h.Client.ReportsSent);
            RtspClientStatus failure = h.Client.Failure;
            for (int i = 0; i < 5; i++) h.Client.Run(h.Now);
            Assert.Equal(RtspClientState.Failed, h.Client.State);
            Assert.Equal(failure, h.Client.Failure);
            Assert.Equal(long.MaxValue, h.Client.NextDueMicros);
            Assert.False(h.Control.IsConnected);
            return h;
        }

        [Fact]
        public void TruncatedAnswerThenCloseIsConnectionLost()
        {
            using var server = new ClientScriptedServer(18640, true, ClientScriptedServer.Text("RTSP/1.0 200 OK\r\nCSeq: {cseq}\r\nContent-Len"));
            using ClientHarness h = RunAgainst(server, 18640, RtspClientMode.Record);
            Assert.Equal(RtspClientStatus.ConnectionLost, h.Client.Failure);
            Assert.Equal(0, h.Responder.Bundle.Count);
        }

        [Fact]
        public void TruncatedAnswerTimesOut()
        {
            using var server = new ClientScriptedServer(18641, false, ClientScriptedServer.Text("RTSP/1.0 200 OK\r\nCSeq: {cseq}\r\n"));
            using ClientHarness h = RunAgainst(server, 18641, RtspClientMode.Play, null, 300000);
            Assert.Equal(RtspClientStatus.Timeout, h.Client.Failure);
        }

        [Fact]
        public void BodyLongerThanTheBufferIsTooLargeWithoutWaitingForIt()
        {
            using var server = new ClientScriptedServer(18642, false, Ok("Content-Type: application/sdp\r\nContent-Length: 100000\r\n"));
            using ClientHarness h = RunAgainst(server, 18642, RtspClientMode.Play);
            Assert.Equal(RtspClientStatus.ResponseTooLarge, h.Client.Failure);
        }

        [Fact]
        public void EndlessHeadersAreTooLarge()
        {
            string flood = "RTSP/1.0 200 OK\r\nCSeq: {cseq}\r\n";
            while (flood.Length < 3 * RtspClient.ResponseCapacity) flood += "X-Padding: " + new string('a', 60) + "\r\n";
            using var server = new ClientScriptedServer(18643, false, ClientScriptedServer.Text(flood));
            using ClientHarness h = RunAgainst(server, 18643, RtspClientMode.Record);
            Assert.Equal(RtspClientStatus.ResponseTooLarge, h.Client.Failure);
        }

        [Theory]
        [InlineData(18644, "HTTP/1.1 200 OK\r\nCSeq: {cseq}\r\n\r\n")]
        [InlineData(18645, "RTSP/1.0 2x0 OK\r\nCSeq: {cseq}\r\n\r\n")]
        [InlineData(18646, "RTSP/1.0 200 OK\r\nCSeq: {cseq}\r\nno colon here\r\n\r\n")]
        [InlineData(18647, "RTSP/1.0 200 OK\r\nCSeq: 99\r\n\r\n")]
        [InlineData(18648, "RTSP/1.0 200 OK\r\nCSeq: {cseq}\r\nContent-Length: -5\r\n\r\n")]
        [InlineData(18649, "RTSP/1.0 200 OK\r\nCSeq: {cseq}\r\nSession: \u0001\u0002\r\n\r\n")]
        public void MalformedAnswerIsResponseMalformed(int port, string reply)
        {
            using var server = new ClientScriptedServer(port, false, ClientScriptedServer.Text(reply));
            using ClientHarness h = RunAgainst(server, port, RtspClientMode.Record);
            Assert.Equal(RtspClientStatus.ResponseMalformed, h.Client.Failure);
        }

        [Theory]
        [InlineData(18650, "prot=mikey;uri=\"rtsp://127.0.0.1/test\";data=\"AQAF*AAAbad!\"")]
        [InlineData(18651, "prot=mikey;uri=\"rtsp://127.0.0.1/test\";data=\"AQA\"")]
        [InlineData(18652, "prot=sdes;data=\"AQAFAA==\"")]
        [InlineData(18653, "prot=mikey;data=")]
        public void AnnounceAnswerKeyMgmtThatIsNotBase64MikeyIsMalformed(int port, string keyMgmt)
        {
            using var server = new ClientScriptedServer(port, false, Ok("KeyMgmt: " + keyMgmt + "\r\n"));
            using ClientHarness h = RunAgainst(server, port, RtspClientMode.Record);
            Assert.Equal(RtspClientStatus.KeyMgmtMalformed, h.Client.Failure);
            Assert.Equal(0, h.Responder.Bundle.Count);
            Assert.Single(server.Requests); // no SETUP after a refused key
        }

        [Fact]
        public void AnnounceAnswerWithoutKeyMgmtIsKeyMgmtMissing()
        {
            using var server = new ClientScriptedServer(18654, false, Ok());
            using ClientHarness h = RunAgainst(server, 18654, RtspClientMode.Record);
            Assert.Equal(RtspClientStatus.KeyMgmtMissing, h.Client.Failure);
        }

        [Fact]
        public void ServerMikeyUnderAnotherPskFailsAuthenticationAndInstallsNothing()
        {
            using var server = new ClientScriptedServer(18655, false, Ok("KeyMgmt: " + ServerKey(OtherPsk) + "\r\n"));
            using ClientHarness h = RunAgainst(server, 18655, RtspClientMode.Record, Psk);
            Assert.Equal(RtspClientStatus.KeyRejected, h.Client.Failure);
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, h.Client.KeyStatus);
            Assert.Equal(0, h.Responder.Bundle.Count);
            Assert.Equal(0u, h.Client.ServerSsrc);
            Assert.Single(server.Requests);
        }

        [Fact]
        public void ServerMikeyUnderTheSharedPskIsAccepted()
        {
            // The same path with the right PSK gets past the key: the failure above is the MAC, not the shape.
            using var server = new ClientScriptedServer(18656, false, Ok("KeyMgmt: " + ServerKey(Psk) + "\r\n"),
                ClientScriptedServer.Text("RTSP/1.0 461 Unsupported transport\r\nCSeq: {cseq}\r\n\r\n"));
            using ClientHarness h = RunAgainst(server, 18656, RtspClientMode.Record, Psk);
            Assert.Equal(RtspClientStatus.RequestRefused, h.Client.Failure);
            Assert.Equal(461, h.Client.LastStatusCode);
            Assert.Equal(0x11223344u, h.Client.ServerSsrc);
            Assert.Equal(2, server.Requests.Count);
            Assert.Contains("mode=record", server.Requests[1]);
            Assert.Contains("KeyMgmt: prot=mikey;", server.Requests[1]);
        }

        [Fact]
        public void RecordSetupRepeatsTheSdpKeyInAFreshMikeyMessage()
        {
            using var server = new ClientScriptedServer(18661, false, AnnounceOk(),
                ClientScriptedServer.Text("RTSP/1.0 461 Unsupported transport\r\nCSeq: {cseq}\r\n\r\n"));
            using ClientHarness h = RunAgainst(server, 18661, RtspClientMode.Record);
            Assert.Equal(461, h.Client.LastStatusCode);
            string announce = server.Requests[0], setup = server.Requests[1];
            int a = announce.IndexOf("a=key-mgmt:mikey ", StringComparison.Ordinal) + 17;
            string sdpKey = announce.Substring(a, announce.IndexOf('\r', a) - a);
            int d = setup.IndexOf("data=\"", StringComparison.Ordinal) + 6;
            string setupKey = setup.Substring(d, setup.IndexOf('"', d) - d);
            // Not the same message (a responder's replay cache would refuse it), but the same TEK for the same SSRC.
            Assert.NotEqual(sdpKey, setupKey);
            Assert.Equal(KeyOf(sdpKey), KeyOf(setupKey));
        }

        private static string KeyOf(string base64)
        {
            var clock = new ClientSystemClock();
            var r = new PskResponder(new HostAesEngineFactory(), clock, new NanoMikey.Mikey.Time.ReplayCache(4, clock, new NanoMikey.Mikey.Time.FreshnessPolicy()))
            {
                AcceptNullMode = true,
                Quirks = NanoMikey.Mikey.Codec.MikeyQuirks.GStreamerTagLengthInAuthKeyLength,
            };
            byte[] msg = Convert.FromBase64String(base64);
            Assert.Equal(MikeyExchangeStatus.Ok, r.Respond(msg, 0, msg.Length, new byte[256], 0, 256));
            var cs = r.Bundle.Get(0);
            var k = cs.GetMasterKey(0);
            return cs.Ssrc.ToString("x8") + ":" + Convert.ToHexString(k.Key, 0, k.KeyLength) + Convert.ToHexString(k.Salt, 0, k.SaltLength);
        }

        [Fact]
        public void DescribeSdpWithBadBase64KeyIsRefused()
        {
            string sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=x\r\nt=0 0\r\nm=audio 0 RTP/SAVP 0\r\na=control:stream=0\r\n"
                + "a=key-mgmt:mikey AQAF*not-base64*\r\n";
            using var server = new ClientScriptedServer(18657, false,
                Ok("Content-Type: application/sdp\r\nContent-Length: " + sdp.Length + "\r\n").Concat(ClientScriptedServer.Text(sdp)).ToArray());
            using ClientHarness h = RunAgainst(server, 18657, RtspClientMode.Play);
            Assert.Equal(RtspClientStatus.KeyMgmtMalformed, h.Client.Failure);
            Assert.Equal(0, h.Responder.Bundle.Count);
            Assert.Single(server.Requests);
        }

        [Fact]
        public void DescribeSdpWithoutSavpAudioIsUnusable()
        {
            string sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=x\r\nt=0 0\r\nm=audio 0 RTP/AVP 0\r\na=control:stream=0\r\n";
            using var server = new ClientScriptedServer(18658, false,
                Ok("Content-Type: application/sdp\r\nContent-Length: " + sdp.Length + "\r\n").Concat(ClientScriptedServer.Text(sdp)).ToArray());
            using ClientHarness h = RunAgainst(server, 18658, RtspClientMode.Play);
            Assert.Equal(RtspClientStatus.SdpUnusable, h.Client.Failure);
        }

        [Fact]
        public void SetupAnswerThatDropsSrtpIsRefused()
        {
            using var server = new ClientScriptedServer(18659, false, AnnounceOk(),
                Ok("Session: abc\r\nTransport: RTP/AVP;unicast;client_port=1-2;server_port=5000-5001\r\n"));
            using ClientHarness h = RunAgainst(server, 18659, RtspClientMode.Record);
            Assert.Equal(RtspClientStatus.TransportUnusable, h.Client.Failure);
            Assert.Equal(2, server.Requests.Count);
        }

        [Fact]
        public void ClientClosesTheConnectionWhenItFails()
        {
            using var server = new ClientScriptedServer(18660, false, ClientScriptedServer.Text("garbage\r\n\r\n"));
            using ClientHarness h = RunAgainst(server, 18660, RtspClientMode.Record);
            Assert.Equal(RtspClientStatus.ResponseMalformed, h.Client.Failure);
            var sw = System.Diagnostics.Stopwatch.StartNew();
            while (!server.ClientClosed && sw.ElapsedMilliseconds < 2000) Thread.Sleep(10);
            Assert.True(server.ClientClosed);
        }
    }
}
