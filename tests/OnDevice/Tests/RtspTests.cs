using nanoFramework.TestFramework;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Transport;
using NanoMikey.Rtsp.Message;
using NanoMikey.Rtsp.Server;
using NanoMikey.Srtp;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.OnDevice
{
    /// <summary>
    /// The RTSP pieces on the interpreter (firmware/Rtsp.Nano): rtspsrc's SETUP read by the request reader, its Transport
    /// and KeyMgmt headers parsed, and the server's MIKEY-NULL offer read back by a GStreamer-quirks responder into keys
    /// that carry SRTP (tests/Rtsp.Nano.Tests on the host).
    /// </summary>
    [TestClass]
    public class RtspTests
    {
        // A SETUP as GStreamer 1.22's rtspsrc sends it (docs/rtsp.md), with a placeholder MIKEY message.
        private const string Setup = "SETUP rtsp://10.0.0.30:8554/audio/stream=0 RTSP/1.0\r\nCSeq: 3\r\n"
            + "Transport: RTP/SAVP;unicast;client_port=50000-50001\r\nUser-Agent: GStreamer/1.22.0\r\n"
            + "KeyMgmt: prot=mikey; uri=\"rtsp://10.0.0.30:8554/audio\"; data=\"AQAFAA==\"\r\n\r\n";

        [TestMethod]
        public void ReadsRtspsrcsSetup()
        {
            byte[] request = Bytes.Ascii(Setup);
            var reader = new RtspRequestReader(24, 1024, 256, 512);
            Assert.IsTrue(reader.Read(request, 0, request.Length) == RtspReadStatus.Complete, "SETUP not read");
            Assert.IsTrue(reader.Method == RtspMethod.Setup, "method");
            Assert.AreEqual(3, reader.CSeq);
            Assert.AreEqual(request.Length, reader.Consumed);

            int t = reader.FindHeader("Transport");
            Assert.IsTrue(t >= 0, "no Transport");
            var transport = new RtspTransport();
            Assert.IsTrue(transport.Parse(reader.Buffer, reader.HeaderValueOffset(t), reader.HeaderValueLength(t)), "Transport");
            Assert.IsTrue(transport.Profile == RtspTransportProfile.Savp, "not RTP/SAVP");
            Assert.AreEqual(50000, transport.ClientRtpPort);
            Assert.AreEqual(50001, transport.ClientRtcpPort);

            int k = reader.FindHeader("KeyMgmt");
            Assert.IsTrue(k >= 0, "no KeyMgmt");
            var keyMgmt = new RtspKeyMgmtHeader();
            Assert.IsTrue(keyMgmt.Parse(reader.HeaderValueText(k)), "KeyMgmt");
            Assert.IsTrue(keyMgmt.IsMikey, "prot");
            Assert.IsTrue(reader.Read(request, 0, request.Length - 3) == RtspReadStatus.Incomplete, "a prefix is not a request");
        }

        [TestMethod]
        public void TheNullOfferKeysTheStream()
        {
            var clock = new TestClock(0xE9000000UL << 32);
            var aes = new SoftwareAesFactory();
            var keys = new MikeyKeyManagement(aes, Fixtures.Drbg("rtsp"), clock, Fixtures.Cache(clock), SrtpPolicy.AesCm128HmacSha1_80());
            byte[] offer = new byte[256];
            int length;
            SrtpCryptoContext tx = keys.WriteOffer(0x1234ABCD, offer, 0, offer.Length, out length);
            Assert.IsTrue(tx != null && length > 0, "no offer");

            // What rtspsrc does with it: NULL mode, GStreamer's reading of the SP.
            var responder = new PskResponder(aes, clock, Fixtures.Cache(clock));
            responder.AcceptNullMode = true;
            responder.Quirks = MikeyQuirks.GStreamerTagLengthInAuthKeyLength | MikeyQuirks.GStreamerAesGcmDefaults;
            byte[] answer = new byte[64];
            Assert.IsTrue(responder.Respond(offer, 0, length, answer, 0, answer.Length) == MikeyExchangeStatus.Ok, "offer refused");
            SrtpCryptoContext rx = responder.Bundle.Get(0).CreateSrtpContext(SrtpDirection.Inbound, aes, SrtpMinimumPolicy.Strict);

            byte[] pkt = Packets.Rtp(0x1234ABCD, 1, 172, 200);
            int len = 172;
            Assert.IsTrue(tx.Protect(pkt, 0, ref len, pkt.Length) == SrtpStatus.Ok, "protect");
            Assert.IsTrue(rx.Unprotect(pkt, 0, ref len) == SrtpStatus.Ok, "unprotect with the offered key");
            Assert.AreEqual(172, len);
        }
    }
}
