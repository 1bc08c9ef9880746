using NanoMikey.Firmware.Config;
using NanoMikey.Mikey.Modes;

namespace NanoMikey.Firmware.Tests
{
    public class DeviceConfigReaderTests
    {
        private const string Minimal = "role = sensor\naddress = 10.0.0.30\npeer = 10.0.0.40\npsk = 000102030405060708090a0b0c0d0e0f\n";

        internal static (ConfigStatus, int, DeviceConfig) Read(string text)
        {
            var c = new DeviceConfig();
            var r = new DeviceConfigReader();
            ConfigStatus s = r.Read(text, c);
            return (s, r.ErrorLine, c);
        }

        [Fact]
        public void ReadsEveryKeyAndKeepsDefaults()
        {
            var (s, line, c) = Read("# a comment\n  role = intercom   # trailing comment\r\nname=door\naddress = 10.0.0.10\npeer = 10.0.0.20\n" +
                "mikey-port = 12269\nrtp-port = 6000\npeer-modes = psk, ecdh-sign ecmqv\nmode = ecmqv\nprefer-lowest-cost = yes\n" +
                "psk = 000102030405060708090a0b0c0d0e0f\nidentity = sip:door@x\npeer-identity = sip:indoor@x\n" +
                "private-key = " + new string('1', 64) + "\ncertificate = 3082\ncertificate = 3083\ntrust-anchor = 3084\n" +
                "sntp = 10.0.0.1\nsntp = 10.0.0.2:10123\nprofile = AEAD_AES_128_GCM\ncodec = pcma\nstream-seconds = 0\nsleep-seconds = 60\ncycles = 3\njitter-frames = 5\n");
            Assert.Equal(ConfigStatus.Ok, s);
            Assert.Equal(0, line);
            Assert.Equal(DeviceRole.Intercom, c.Role);
            Assert.Equal("door", c.Name);
            Assert.Equal(0x0A00000Au, c.Address);
            Assert.Equal(0x0A000014u, c.Peer);
            Assert.Equal(12269, c.MikeyPort);
            Assert.Equal(6000, c.RtpPort);
            Assert.Equal(MikeyMode.Psk | MikeyMode.EcdhSign | MikeyMode.Ecmqv, c.PeerModes);
            Assert.Equal(MikeyMode.Ecmqv, c.Mode);
            Assert.True(c.PreferLowestCost);
            Assert.Equal(16, c.PreSharedKey!.Length);
            Assert.Equal(2, c.CertificateCount);
            Assert.Equal(new byte[] { 0x30, 0x83 }, c.GetCertificate(1));
            Assert.Equal(1, c.TrustAnchorCount);
            Assert.Equal(2, c.TimeServerCount);
            Assert.Equal(123, c.GetTimeServerPort(0));
            Assert.Equal(0x0A000002u, c.GetTimeServerAddress(1));
            Assert.Equal(10123, c.GetTimeServerPort(1));
            Assert.Equal(SrtpProfile.AeadAes128Gcm, c.Profile);
            Assert.Equal(MediaCodec.Pcma, c.Codec);
            Assert.Equal(0, c.StreamSeconds);
            Assert.Equal(60, c.SleepSeconds);
            Assert.Equal(3, c.Cycles);
            Assert.Equal(5, c.JitterFrames);
        }

        [Fact]
        public void MinimalSensorIsComplete()
        {
            var (s, _, c) = Read(Minimal);
            Assert.Equal(ConfigStatus.Ok, s);
            Assert.Equal(2269, c.MikeyPort);
            Assert.Equal(5004, c.RtpPort);
            Assert.Equal(MediaCodec.Pcmu, c.Codec);
        }

        [Fact]
        public void ReadsRtspKeysAndAnRtspSensorNeedsNoPeer()
        {
            var (s, _, c) = Read("role = sensor\naddress = 10.0.0.30\nrtsp-port = 8554\nrtsp-path = mic.0\nrtsp-clients = 3\n" +
                "profile = AES_256_CM_HMAC_SHA1_80\n");
            Assert.Equal(ConfigStatus.Ok, s);
            Assert.Equal(8554, c.RtspPort);
            Assert.Equal("mic.0", c.RtspPath);
            Assert.Equal(3, c.RtspClients);
            Assert.False(c.RtspPskKeying);
            Assert.Equal(SrtpProfile.AesCm256HmacSha1_80, c.Profile);
            Assert.Equal(32, c.CreatePolicy().MasterKeyLength);
            Assert.Equal("audio", new DeviceConfig().RtspPath);
            Assert.Equal(2, new DeviceConfig().RtspClients);

            (s, _, c) = Read("role = sensor\naddress = 10.0.0.30\nrtsp-port = 8554\nrtsp-keying = psk\nprofile = AEAD_AES_256_GCM\n");
            Assert.Equal(ConfigStatus.Incomplete, s); // PSK keying without a PSK
            Assert.Equal(SrtpProfile.AeadAes256Gcm, c.Profile);
            (s, _, c) = Read("role = sensor\naddress = 10.0.0.30\nrtsp-port = 8554\nrtsp-keying = psk\npsk = 000102030405060708090a0b0c0d0e0f\n");
            Assert.Equal(ConfigStatus.Ok, s);
            Assert.True(c.RtspPskKeying);
        }

        [Fact]
        public void ReadsTheRecorderAndARecordingSensorNeedsNoPeer()
        {
            var (s, _, c) = Read("role = sensor\naddress = 10.0.0.30\nrtsp-record = rtsp://10.0.0.50:8554/rec/mic-1\n");
            Assert.Equal(ConfigStatus.Ok, s);
            Assert.Equal("rtsp://10.0.0.50:8554/rec/mic-1", c.RtspRecordUri);
            Assert.Equal(0x0A000032u, c.RtspRecordAddress);
            Assert.Equal(8554, c.RtspRecordPort);
            (s, _, c) = Read("role = sensor\naddress = 10.0.0.30\nrtsp-record = rtsp://10.0.0.50/rec\n");
            Assert.Equal(ConfigStatus.Ok, s);
            Assert.Equal(554, c.RtspRecordPort);
            (s, _, _) = Read("role = sensor\naddress = 10.0.0.30\nrtsp-record = rtsp://10.0.0.50/rec\nrtsp-port = 8554\n");
            Assert.Equal(ConfigStatus.Incomplete, s); // a sensor serves or records, not both
            Assert.True(c.SetRtspRecordUri(null));
            Assert.Null(c.RtspRecordUri);
        }

        [Theory]
        [InlineData("rtsp-record = http://10.0.0.50/rec\n", ConfigStatus.BadValue, 1)]
        [InlineData("rtsp-record = rtsp://10.0.0.50\n", ConfigStatus.BadValue, 1)]
        [InlineData("rtsp-record = rtsp://10.0.0.50/\n", ConfigStatus.BadValue, 1)]
        [InlineData("rtsp-record = rtsp://recorder.local/rec\n", ConfigStatus.BadValue, 1)]
        [InlineData("rtsp-record = rtsp://10.0.0.50:0/rec\n", ConfigStatus.BadValue, 1)]
        [InlineData("rtsp-record = rtsp://10.0.0.50:70000/rec\n", ConfigStatus.BadValue, 1)]
        [InlineData("rtsp-record = rtsp://10.0.0.50/rec?x=1\n", ConfigStatus.BadValue, 1)]
        [InlineData("rtsp-port = 0\n", ConfigStatus.BadValue, 1)]
        [InlineData("rtsp-port = 65536\n", ConfigStatus.BadValue, 1)]
        [InlineData("rtsp-path = a/b\n", ConfigStatus.BadValue, 1)]
        [InlineData("rtsp-path = abcdefghijklmnopqrstuvwxyz0123456\n", ConfigStatus.BadValue, 1)]
        [InlineData("rtsp-clients = 0\n", ConfigStatus.BadValue, 1)]
        [InlineData("rtsp-clients = 9\n", ConfigStatus.BadValue, 1)]
        [InlineData("rtsp-keying = sdes\n", ConfigStatus.BadValue, 1)]
        public void RejectsBadRtspValues(string text, ConfigStatus expected, int expectedLine)
        {
            var (s, line, _) = Read(text);
            Assert.Equal(expected, s);
            Assert.Equal(expectedLine, line);
        }

        [Theory]
        [InlineData("role = sensor\nthis line has no equals\n", ConfigStatus.Syntax, 2)]
        [InlineData("role = sensor\naddres = 10.0.0.1\n", ConfigStatus.UnknownKey, 2)]
        [InlineData("role = speaker\n", ConfigStatus.BadValue, 1)]
        [InlineData("address = 10.0.0.256\n", ConfigStatus.BadValue, 1)]
        [InlineData("address = 10.0.0\n", ConfigStatus.BadValue, 1)]
        [InlineData("address = 10..0.1\n", ConfigStatus.BadValue, 1)]
        [InlineData("address = 10.0.0.1.2\n", ConfigStatus.BadValue, 1)]
        [InlineData("mikey-port = 70000\n", ConfigStatus.BadValue, 1)]
        [InlineData("mikey-port = 0\n", ConfigStatus.BadValue, 1)]
        [InlineData("psk = 0011\n", ConfigStatus.BadValue, 1)]
        [InlineData("psk = 000102030405060708090a0b0c0d0e0g\n", ConfigStatus.BadValue, 1)]
        [InlineData("private-key = 00\n", ConfigStatus.BadValue, 1)]
        [InlineData("peer-modes = psk, rsa\n", ConfigStatus.BadValue, 1)]
        [InlineData("sntp = 10.0.0.1:x\n", ConfigStatus.BadValue, 1)]
        [InlineData("sntp = 1.1.1.1\nsntp = 1.1.1.2\nsntp = 1.1.1.3\nsntp = 1.1.1.4\nsntp = 1.1.1.5\n", ConfigStatus.TooMany, 5)]
        [InlineData("role = sensor\naddress = 10.0.0.30\npsk = 000102030405060708090a0b0c0d0e0f\n", ConfigStatus.Incomplete, 0)]
        [InlineData("role = collector\naddress = 10.0.0.40\n", ConfigStatus.Incomplete, 0)]
        [InlineData("role = intercom\naddress = 10.0.0.40\nprivate-key = " + "1111111111111111111111111111111111111111111111111111111111111111" + "\n", ConfigStatus.Incomplete, 0)]
        public void RejectsWithTheLine(string text, ConfigStatus expected, int expectedLine)
        {
            var (s, line, _) = Read(text);
            Assert.Equal(expected, s);
            Assert.Equal(expectedLine, line);
        }
    }
}
