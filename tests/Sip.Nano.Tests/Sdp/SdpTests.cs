using NanoMikey.Net.Sockets;
using NanoMikey.Sip.Sdp;

namespace NanoMikey.Sip.Tests.Sdp
{
    public class SdpTests
    {
        private const string Mikey = "AQAFAP8AAAAAAAA="; // any strict base64
        private static readonly uint Addr = IPv4.FromOctets(192, 168, 1, 20);

        private static SdpSessionReader ReadOk(string sdp)
        {
            var r = new SdpSessionReader();
            Assert.Equal(SdpReadStatus.Ok, r.Read(sdp));
            return r;
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void WrittenOffer_ReadBack(bool sessionLevel)
        {
            var w = new SdpOfferWriter { KeyMgmtAtSessionLevel = sessionLevel, Direction = SdpDirection.SendOnly };
            string sdp = w.Write(4711, 2, Addr, 40000, Mikey);
            Assert.StartsWith("v=0\r\no=- 4711 2 IN IP4 192.168.1.20\r\ns=-\r\nc=IN IP4 192.168.1.20\r\nt=0 0\r\n", sdp);
            Assert.Contains("m=audio 40000 RTP/SAVP 0 8\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=sendonly\r\n", sdp);
            int key = sdp.IndexOf("a=key-mgmt:mikey " + Mikey + "\r\n", StringComparison.Ordinal);
            Assert.True(key > 0);
            Assert.Equal(sessionLevel, key < sdp.IndexOf("m=audio", StringComparison.Ordinal));
            SdpSessionReader r = ReadOk(sdp);
            Assert.Equal(40000, r.AudioPort);
            Assert.Equal(Addr, r.ConnectionAddress);
            Assert.Equal(SdpMediaProfile.RtpSavp, r.Profile);
            Assert.Equal(SdpDirection.SendOnly, r.Direction);
            Assert.Equal(2, r.PayloadTypeCount);
            Assert.Equal(0, r.PayloadType(0));
            Assert.Equal(8, r.PayloadType(1));
            Assert.True(r.HasMikey);
            Assert.Equal(Mikey, r.MikeyData);
            Assert.Equal(!sessionLevel, r.MikeyAtMediaLevel);
            Assert.False(r.HasCrypto);
            Assert.False(r.HasOtherKeyManagement);
        }

        [Fact]
        public void Writer_PcmaOnly_AndPreferPcma_Recvonly()
        {
            var w = new SdpOfferWriter { OfferPcmu = false, Direction = SdpDirection.RecvOnly };
            SdpSessionReader r = ReadOk(w.Write(1, 1, Addr, 5004, Mikey));
            Assert.Equal(1, r.PayloadTypeCount);
            Assert.Equal(8, r.PreferredG711);
            Assert.Equal(SdpDirection.RecvOnly, r.Direction);
            w = new SdpOfferWriter { PreferPcma = true };
            Assert.Contains("RTP/SAVP 8 0\r\n", w.Write(1, 1, Addr, 5004, Mikey));
        }

        [Fact]
        public void Writer_CallerBugs_Throw()
        {
            var w = new SdpOfferWriter();
            Assert.Throws<ArgumentNullException>(() => w.Write(1, 1, Addr, 5004, null!));
            Assert.Throws<ArgumentException>(() => w.Write(1, 1, Addr, 5004, "not base64!"));
            Assert.Throws<ArgumentException>(() => w.Write(1, 1, Addr, 70000, Mikey));
            w.OfferPcma = w.OfferPcmu = false;
            Assert.Throws<ArgumentException>(() => w.Write(1, 1, Addr, 5004, Mikey));
        }

        private const string Head = "v=0\r\no=- 1 1 IN IP4 10.0.0.2\r\ns=-\r\nc=IN IP4 10.0.0.2\r\nt=0 0\r\n";

        // RFC 5197 §5 / issue 13: answers that leave the media unkeyed by MIKEY are recognised, so the call fails secure.
        [Fact]
        public void Answer_NoKeyMgmt()
        {
            SdpSessionReader r = ReadOk(Head + "m=audio 5004 RTP/SAVP 0\r\n");
            Assert.False(r.HasMikey);
            Assert.Null(r.MikeyData);
            Assert.Equal(SdpMediaProfile.RtpSavp, r.Profile);
        }

        [Fact]
        public void Answer_SdesOnly()
        {
            SdpSessionReader r = ReadOk(Head + "m=audio 5004 RTP/SAVP 0\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32\r\n");
            Assert.False(r.HasMikey);
            Assert.True(r.HasCrypto);
        }

        [Fact]
        public void Answer_PlainRtpAvp()
        {
            SdpSessionReader r = ReadOk(Head + "m=audio 5004 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n");
            Assert.Equal(SdpMediaProfile.RtpAvp, r.Profile);
            Assert.False(r.HasMikey);
            Assert.Equal(2, r.PayloadTypeCount);
            Assert.Equal(101, r.PayloadType(1));
        }

        [Fact]
        public void Answer_KeyMgmtForAnotherProtocol()
        {
            SdpSessionReader r = ReadOk(Head + "a=key-mgmt:kerberos AAAA\r\nm=audio 5004 RTP/SAVP 0\r\n");
            Assert.False(r.HasMikey);
            Assert.True(r.HasOtherKeyManagement);
        }

        [Fact]
        public void MediaLevelMikey_OverridesSessionLevel_OtherStreamsIgnored()
        {
            SdpSessionReader r = ReadOk(Head + "a=key-mgmt:mikey AAAA\r\nm=video 5006 RTP/SAVP 96\r\na=key-mgmt:mikey BBBB\r\na=crypto:1 x\r\n"
                + "m=audio 5004 RTP/SAVP 8\r\nc=IN IP4 10.0.0.9\r\na=key-mgmt:mikey CCCC\r\na=recvonly\r\n");
            Assert.Equal("CCCC", r.MikeyData);
            Assert.True(r.MikeyAtMediaLevel);
            Assert.Equal(1, r.AudioMediaIndex);
            Assert.False(r.HasCrypto); // the video stream's SDES is not the audio stream's
            Assert.Equal(IPv4.FromOctets(10, 0, 0, 9), r.ConnectionAddress);
            Assert.Equal(SdpDirection.RecvOnly, r.Direction);
            r = ReadOk(Head + "a=key-mgmt:mikey AAAA\r\na=sendonly\r\nm=video 5006 RTP/SAVP 96\r\na=key-mgmt:mikey BBBB\r\nm=audio 5004 RTP/SAVP 0\r\n");
            Assert.Equal("AAAA", r.MikeyData);
            Assert.False(r.MikeyAtMediaLevel);
            Assert.Equal(SdpDirection.SendOnly, r.Direction);
        }

        [Fact]
        public void LfLineEnds_RejectedStreamPort0_MulticastTtl()
        {
            SdpSessionReader r = ReadOk("v=0\no=- 1 1 IN IP4 10.0.0.2\ns=-\nc=IN IP4 224.2.1.1/127\nt=0 0\nm=audio 0 RTP/SAVP 0\n");
            Assert.Equal(0, r.AudioPort);
            Assert.Equal(IPv4.FromOctets(224, 2, 1, 1), r.ConnectionAddress);
        }

        public static readonly TheoryData<string, SdpReadStatus> Hostile = new()
        {
            { "", SdpReadStatus.NoAudio },
            { "o=- 1 1 IN IP4 1.2.3.4\r\nv=0\r\n", SdpReadStatus.Malformed },
            { "v=1\r\nm=audio 1 RTP/SAVP 0\r\n", SdpReadStatus.Malformed },
            { Head + "garbage\r\nm=audio 1 RTP/SAVP 0\r\n", SdpReadStatus.Malformed },
            { Head + "m=audio 70000 RTP/SAVP 0\r\n", SdpReadStatus.Malformed },
            { Head + "m=audio x RTP/SAVP 0\r\n", SdpReadStatus.Malformed },
            { Head + "m=audio 5004\r\n", SdpReadStatus.Malformed },
            { Head + "m=audio 5004 RTP/SAVP 0 999\r\n", SdpReadStatus.Malformed },
            { Head + "m=video 5004 RTP/SAVP 96\r\n", SdpReadStatus.NoAudio },
            { "v=0\r\nc=IN IP4 300.1.1.1\r\nm=audio 5004 RTP/SAVP 0\r\n", SdpReadStatus.Malformed },
            { "v=0\r\nc=IN IP4 1.1.1\r\nm=audio 5004 RTP/SAVP 0\r\n", SdpReadStatus.Malformed },
            { "v=0\r\nc=IN IP6 ::1\r\nm=audio 5004 RTP/SAVP 0\r\n", SdpReadStatus.NoConnection },
            { Head + "m=audio 5004 RTP/SAVP 0\r\nc=IN IP6 ::1\r\n", SdpReadStatus.NoConnection },
            { "v=0\r\nm=audio 5004 RTP/SAVP 0\r\n", SdpReadStatus.NoConnection },
            { Head + "m=audio 5004 RTP/SAVP 0\r\n" + new string('a', SdpSessionReader.MaxLength), SdpReadStatus.TooLarge },
            { Head + string.Concat(Enumerable.Repeat("a=x\r\n", SdpSessionReader.MaxLines)) + "m=audio 5004 RTP/SAVP 0\r\n", SdpReadStatus.TooLarge },
        };

        [Theory]
        [MemberData(nameof(Hostile))]
        public void HostileSdp_Status_StateKept(string sdp, SdpReadStatus expected)
        {
            var r = new SdpSessionReader();
            Assert.Equal(SdpReadStatus.Ok, r.Read(Head + "a=key-mgmt:mikey AAAA\r\nm=audio 5004 RTP/SAVP 0 8\r\na=crypto:1 x\r\n"));
            Assert.Equal(expected, r.Read(sdp));
            Assert.Equal(5004, r.AudioPort);
            Assert.Equal("AAAA", r.MikeyData);
            Assert.Equal(2, r.PayloadTypeCount);
            Assert.True(r.HasCrypto);
            Assert.Equal(IPv4.FromOctets(10, 0, 0, 2), r.ConnectionAddress);
        }

        [Fact]
        public void ManyPayloadTypes_KeptUpToLimit()
        {
            string fmts = string.Concat(Enumerable.Range(96, 30).Select(i => " " + i));
            SdpSessionReader r = ReadOk(Head + "m=audio 5004 RTP/SAVP" + fmts + " 0\r\n");
            Assert.Equal(SdpSessionReader.MaxPayloadTypes, r.PayloadTypeCount);
            Assert.Equal(-1, r.PreferredG711);
        }
    }
}
