using NanoMikey.Firmware.Config;

namespace NanoMikey.Firmware.Tests
{
    /// <summary>The configuration keys of an intercom on SIP (SipIntercom).</summary>
    public class SipConfigTests
    {
        private const string Base = "role = intercom\naddress = 10.0.0.10\npsk = 000102030405060708090a0b0c0d0e0f\n";

        private static (ConfigStatus, int, DeviceConfig) Read(string text) => DeviceConfigReaderTests.Read(text);

        [Fact]
        public void ReadsEverySipKey()
        {
            var (s, _, c) = Read(Base + "sip-registrar = 10.0.0.1:15060\nsip-domain = example.com\nsip-user = door\nsip-password = s3cret!\n" +
                "sip-call = flat\nsip-answer-ms = 1500\nsip-port = 15061\n");
            Assert.Equal(ConfigStatus.Ok, s);
            Assert.Equal(0x0A000001u, c.SipRegistrarAddress);
            Assert.Equal(15060, c.SipRegistrarPort);
            Assert.Equal("example.com", c.SipDomain);
            Assert.Equal("door", c.SipUser);
            Assert.Equal("s3cret!", c.SipPassword);
            Assert.Equal("flat", c.SipCall);
            Assert.Equal(1500, c.SipAnswerMillis);
            Assert.Equal(15061, c.SipPort);
        }

        [Fact]
        public void DefaultsAreThePlainIntercomAndSipPorts()
        {
            var (s, _, c) = Read(Base);
            Assert.Equal(ConfigStatus.Ok, s);
            Assert.Equal(0u, c.SipRegistrarAddress);
            Assert.Equal(-1, c.SipAnswerMillis);
            Assert.Equal(5060, c.SipPort);
            Assert.Null(c.SipCall);

            (s, _, c) = Read(Base + "sip-registrar = 10.0.0.1\nsip-user = indoor1\n");
            Assert.Equal(ConfigStatus.Ok, s);
            Assert.Equal(5060, c.SipRegistrarPort);
            Assert.Null(c.SipDomain);
        }

        [Theory]
        [InlineData("sip-registrar = 10.0.0.1:0\n", 4)]
        [InlineData("sip-registrar = 0.0.0.0\n", 4)]
        [InlineData("sip-registrar = 10.0.0\n", 4)]
        [InlineData("sip-user = door@x\n", 4)]
        [InlineData("sip-user = \n", 4)]
        [InlineData("sip-call = a b\n", 4)]
        [InlineData("sip-domain = ex/ample\n", 4)]
        [InlineData("sip-answer-ms = -5\n", 4)]
        [InlineData("sip-answer-ms = 600001\n", 4)]
        [InlineData("sip-port = 70000\n", 4)]
        public void BadSipValuesAreRefusedOnTheirLine(string line, int at)
        {
            var (s, errorLine, _) = Read(Base + line);
            Assert.Equal(ConfigStatus.BadValue, s);
            Assert.Equal(at, errorLine);
        }

        [Theory]
        [InlineData("sip-registrar = 10.0.0.1\n")] // no user
        [InlineData("sip-user = door\n")] // no registrar
        [InlineData("sip-call = flat\n")]
        [InlineData("sip-password = x\n")]
        public void SipKeysWithoutTheirPartnersAreIncomplete(string lines)
        {
            Assert.Equal(ConfigStatus.Incomplete, Read(Base + lines).Item1);
        }

        [Fact]
        public void OnlyAnIntercomTalksSip()
        {
            string sensor = "role = sensor\naddress = 10.0.0.30\npeer = 10.0.0.40\npsk = 000102030405060708090a0b0c0d0e0f\n";
            Assert.Equal(ConfigStatus.Incomplete, Read(sensor + "sip-registrar = 10.0.0.1\nsip-user = s\n").Item1);
        }
    }
}
