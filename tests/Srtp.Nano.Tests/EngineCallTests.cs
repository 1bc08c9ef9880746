using System;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;
using static NanoMikey.Srtp.Tests.TestKit;

namespace NanoMikey.Srtp.Tests
{
    /// <summary>
    /// Issue 10 §4: where an AES engine exists (hardware on the device), a packet costs one engine call for its whole
    /// keystream and no per-block call: the managed path builds the counter blocks, the engine encrypts them at once.
    /// </summary>
    public class EngineCallTests
    {
        public static TheoryData<string, int> Cases => new TheoryData<string, int>
        {
            { "cm80", 1 }, { "cm80", 160 }, { "cm80", 1188 }, { "gcm128", 1 }, { "gcm128", 160 }, { "gcm128", 1000 },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void OneEngineCallPerPacketForTheWholeKeystream(string name, int payload)
        {
            bool gcm = name == "gcm128";
            SrtpPolicy p = gcm ? SrtpPolicy.AeadAes128Gcm() : SrtpPolicy.AesCm128HmacSha1_80();
            var rng = new Random(payload);
            byte[] key = Random(rng, p.MasterKeyLength), salt = Random(rng, p.MasterSaltLength);
            var txEngines = new RecordingAesFactory();
            var rxEngines = new RecordingAesFactory();
            var tx = NewContext(p, 0x01020304, SrtpDirection.Outbound, key, salt, null, txEngines);
            var rx = NewContext(p, 0x01020304, SrtpDirection.Inbound, key, salt, null, rxEngines);
            // Keystream blocks cover the payload; GCM adds the block for E(K, J0) that masks the tag (SP 800-38D §7.1).
            int expected = ((payload + 15) & ~15) + (gcm ? 16 : 0);
            byte[] buf = new byte[payload + 64];
            for (int seq = 0; seq < 4; seq++)
            {
                int len = BuildRtp(buf, 0, seq, 0x01020304, payload, rng);
                txEngines.Encrypts.Clear();
                rxEngines.Encrypts.Clear();
                int loads = txEngines.KeyLoads + rxEngines.KeyLoads;
                Assert.Equal(SrtpStatus.Ok, tx.Protect(buf, 0, ref len, buf.Length));
                Assert.Equal(SrtpStatus.Ok, rx.Unprotect(buf, 0, ref len));
                Assert.Equal(new[] { expected }, txEngines.Encrypts);
                Assert.Equal(new[] { expected }, rxEngines.Encrypts);
                Assert.Equal(loads, txEngines.KeyLoads + rxEngines.KeyLoads);
            }
        }
    }
}
