using System;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Hal;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;
using static NanoMikey.Srtp.Tests.TestKit;

namespace NanoMikey.Srtp.Tests
{
    /// <summary>Protect and unprotect allocate nothing per packet after a stream's first packet.</summary>
    public class AllocationTests
    {
        public static TheoryData<string> Cases => new TheoryData<string> { "cm80", "gcm128", "cm256-kdr", "rccm2", "null80" };

        [Theory]
        [MemberData(nameof(Cases))]
        public void ZeroBytesPerPacket_SoftwareAes(string name) => Run(name, new SoftwareAesFactory());

        [Theory]
        [MemberData(nameof(Cases))]
        public void ZeroBytesPerPacket_HostAes(string name) => Run(name, Host);

        private static void Run(string name, IAesEngineFactory factory)
        {
            SrtpPolicy p = name switch
            {
                "cm80" => SrtpPolicy.AesCm128HmacSha1_80(),
                "gcm128" => SrtpPolicy.AeadAes128Gcm(),
                "cm256-kdr" => SrtpPolicy.AesCm256HmacSha1_80(),
                "rccm2" => SrtpPolicy.AesCm128HmacSha1_80(),
                _ => SrtpPolicy.NullHmacSha1_80(),
            };
            if (name == "cm256-kdr") p.KeyDerivationRate = 1u << 24;
            if (name == "rccm2")
            {
                p.AuthenticationAlgorithm = SrtpAuthenticationAlgorithm.RccM2;
                p.AuthenticationTagLength = 14;
                p.RocTransmissionRate = 4;
            }
            p.MkiLength = 2;
            var rng = new Random(1);
            byte[] key = TestKit.Random(rng, p.MasterKeyLength), salt = TestKit.Random(rng, p.MasterSaltLength);
            var tx = NewContext(p, 42, SrtpDirection.Outbound, key, salt, new byte[] { 1, 2 }, factory);
            var rx = NewContext(p, 42, SrtpDirection.Inbound, key, salt, new byte[] { 1, 2 }, factory);
            byte[] rtp = new byte[1300];
            int plainLen = BuildRtp(rtp, 0, 0, 42, 1200, rng);
            byte[] buf = new byte[1400];
            byte[] rtcp = new byte[1400];
            int seq = 0;
            void OnePacket()
            {
                Array.Copy(rtp, buf, plainLen);
                buf[2] = (byte)(seq >> 8);
                buf[3] = (byte)seq;
                seq = (seq + 1) & 0xFFFF;
                int len = plainLen;
                if (tx.Protect(buf, 0, ref len, buf.Length) != SrtpStatus.Ok) throw new Exception("protect");
                if (rx.Unprotect(buf, 0, ref len) != SrtpStatus.Ok) throw new Exception("unprotect");
                int rl = BuildRtcpNoAlloc(rtcp);
                if (tx.ProtectRtcp(rtcp, 0, ref rl, rtcp.Length) != SrtpStatus.Ok) throw new Exception("protect rtcp");
                if (rx.UnprotectRtcp(rtcp, 0, ref rl) != SrtpStatus.Ok) throw new Exception("unprotect rtcp");
            }
            for (int i = 0; i < 200; i++) OnePacket(); // warm-up: first-use growth and JIT done before counting
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 2000; i++) OnePacket();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0L, allocated);
        }

        private static int BuildRtcpNoAlloc(byte[] b)
        {
            b[0] = 0x80; b[1] = 200; b[2] = 0; b[3] = 6;
            b[4] = 0; b[5] = 0; b[6] = 0; b[7] = 42;
            for (int i = 8; i < 28; i++) b[i] = (byte)i;
            return 28;
        }
    }
}
