using NanoMikey.Hardware.Host;
using NanoMikey.LibSrtp.Interop;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Srtp;
using NanoMikey.Srtp.Context;

namespace NanoMikey.Mikey.Tests.Modes
{
    /// <summary>
    /// MIKEY-NULL offers as GStreamer-shaped peers write them (tests/vectors/mikey/samples.md §5, §5.1, §6): the responder
    /// yields the SRTP keys those peers use, and SRTP protected with them is unprotected by libsrtp2 (Debian's, the real peer
    /// library) and the other way round.
    /// </summary>
    public class PeerNullModeTests
    {
        public static IEnumerable<object[]> Samples() => new[]
        {
            // samples.md §5 gortsplib case "a": SP type 3 = 10 (GStreamer's tag length), TEK = key ‖ salt.
            new object[] { "gortsplib a", "01000500e69d51f8010000306857600000000" + "00b00ebfe6f2db1c13fd00a10c2dde443a84930a5757a7ed9c3a417fb010000001500010101011002010103010a0701010801010a0101000000220020001e9091783dfce8ddcd443a53508b64509f35bd8a86bc4d8b7637a502493daf00",
                "9091783dfce8ddcd443a53508b64509f", "35bd8a86bc4d8b7637a502493daf", "", MikeyQuirks.GStreamerTagLengthInAuthKeyLength },
            // samples.md §5 case "b".
            new object[] { "gortsplib b", "01000500feaf9752010000cc836237000000000b00ebfef66ba28c9b840a10276e94180e8875c2eaad31d82f864620010000001500010101011002010103010a0701010801010a0101000000220020001e991b0f148f094b4e5b8b3053cd6276877fcced1866f141772adddde7064b00",
                "991b0f148f094b4e5b8b3053cd627687", "7fcced1866f141772adddde7064b", "", MikeyQuirks.GStreamerTagLengthInAuthKeyLength },
            // samples.md §5.1 gortsplib RTSP KeyMgmt header.
            new object[] { "gortsplib header", "010005007a23295e010000958c2327000000000b00ebf99d4cb05ea24c0a106c1c02e3ebc63ebf7a7c9bf80dbeacd7010000001500010101011002010103010a0701010801010a0101000000220020001e5fc5ef382cc8321d094ce5a2bd62f111f953512a757e38f68bcc46ec3f4300",
                "5fc5ef382cc8321d094ce5a2bd62f111", "f953512a757e38f68bcc46ec3f43", "", MikeyQuirks.GStreamerTagLengthInAuthKeyLength },
            // samples.md §6 live555-like Java server: RFC-correct SP, TEK with a 4-byte SPI = MKI 00000001.
            new object[] { "live555-like", "01000500496ae1220100003acc2ceb000000000b00edde661d5532a9cb0a10ff589e7877ac80294bae2ce4634339be010000001e000101010110020101030114040" + "10e0501000701010801010a01010b010a00000027002100" + "1ea67335a9c40b0ad5cc519f229978611382b7edbd4f4cc6a5dd684381db2c040000000100",
                "a67335a9c40b0ad5cc519f2299786113", "82b7edbd4f4cc6a5dd684381db2c", "00000001", MikeyQuirks.None },
        };

        [Theory]
        [MemberData(nameof(Samples))]
        public void PeerOfferGivesThePeersKeysAndLibSrtpAgrees(string name, string hex, string key, string salt, string mki, MikeyQuirks quirks)
        {
            byte[] msg = TestData.Hex(hex);
            ulong t = ((ulong)msg[21] << 56) | ((ulong)msg[22] << 48) | ((ulong)msg[23] << 40) | ((ulong)msg[24] << 32)
                | ((ulong)msg[25] << 24) | ((ulong)msg[26] << 16) | ((ulong)msg[27] << 8) | msg[28];
            var clock = new TestClock { NtpNow = t };
            var r = new PskResponder(new HostAesEngineFactory(), clock, new ReplayCache(4, clock, new FreshnessPolicy()))
            {
                AcceptNullMode = true,
                Quirks = quirks,
            };
            byte[] answer = new byte[128];
            Assert.True(MikeyExchangeStatus.Ok == r.Respond(msg, 0, msg.Length, answer, 0, answer.Length), name + ": " + r.ErrorCode);
            CryptoSession cs = r.Bundle.Get(0);
            SrtpMasterKeyEntry k = cs.GetMasterKey(0);
            Assert.Equal(key, Convert.ToHexString(k.Key, 0, k.KeyLength).ToLowerInvariant());
            Assert.Equal(salt, Convert.ToHexString(k.Salt, 0, k.SaltLength).ToLowerInvariant());
            Assert.Equal(mki, Convert.ToHexString(k.Mki, 0, k.MkiLength).ToLowerInvariant());
            Assert.Equal(10, cs.Policy.EffectiveSrtpTagLength);

            byte[] material = TestData.Hex(key + salt);
            byte[][]? mkis = mki.Length > 0 ? new[] { TestData.Hex(mki) } : null;
            var ours = new SrtpCryptoContext(cs.Policy, cs.Ssrc, SrtpDirection.Outbound, new HostAesEngineFactory());
            ours.AddMasterKey(k.Key, 0, k.Salt, 0, k.MkiLength > 0 ? k.Mki : null, 0);
            using var lib = new LibSrtpSession(LibSrtpProfile.AesCm128HmacSha1_80, cs.Ssrc, 1, new[] { material }, mkis);
            var back = new SrtpCryptoContext(cs.Policy, cs.Ssrc, SrtpDirection.Inbound, new HostAesEngineFactory());
            back.AddMasterKey(k.Key, 0, k.Salt, 0, k.MkiLength > 0 ? k.Mki : null, 0);
            using var libTx = new LibSrtpSession(LibSrtpProfile.AesCm128HmacSha1_80, cs.Ssrc, 1, new[] { material }, mkis);

            byte[] buf = new byte[256];
            for (int seq = 1; seq <= 5; seq++)
            {
                int len = Rtp(buf, seq, cs.Ssrc);
                Assert.Equal(SrtpStatus.Ok, ours.Protect(buf, 0, ref len, buf.Length));
                Assert.Equal(0, lib.Unprotect(buf, 0, ref len));
                Assert.Equal(172, len);

                len = Rtp(buf, seq, cs.Ssrc);
                Assert.Equal(0, libTx.Protect(buf, 0, ref len));
                Assert.Equal(SrtpStatus.Ok, back.Unprotect(buf, 0, ref len));
                Assert.Equal(172, len);
            }
        }

        private static int Rtp(byte[] buf, int seq, uint ssrc)
        {
            Array.Clear(buf);
            buf[0] = 0x80; buf[1] = 0; buf[2] = (byte)(seq >> 8); buf[3] = (byte)seq;
            buf[8] = (byte)(ssrc >> 24); buf[9] = (byte)(ssrc >> 16); buf[10] = (byte)(ssrc >> 8); buf[11] = (byte)ssrc;
            for (int i = 12; i < 172; i++) buf[i] = (byte)(i * 7);
            return 172;
        }
    }
}
