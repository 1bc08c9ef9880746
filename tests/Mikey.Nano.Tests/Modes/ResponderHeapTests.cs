using System.Reflection;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Time;

namespace NanoMikey.Mikey.Tests.Modes
{
    /// <summary>
    /// Issue 10 §2 (heap): a responder holds one MIKEY reader; the bundle loader reads decrypted KEMAC key data with it
    /// (ResetChain keeps the HDR the exchange read) instead of owning a second one. The exchanges of PskModeTests show the
    /// shared reader changes nothing.
    /// </summary>
    public class ResponderHeapTests
    {
        private sealed class Clock : IMikeyClock
        {
            public ulong NtpNow => 0xe6a9c0d800000000;

            public uint OffsetBoundSeconds => 0;
        }

        [Fact]
        public void TheBundleLoaderReadsKeyDataWithTheRespondersOwnReader()
        {
            var clock = new Clock();
            var r = new PskResponder(new SoftwareAesFactory(), clock, new ReplayCache(4, clock, new FreshnessPolicy()));
            const BindingFlags Any = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
            object reader = typeof(MikeyResponder).GetField("Reader", Any)!.GetValue(r)!;
            object loader = typeof(MikeyResponder).GetField("Loader", Any)!.GetValue(r)!;
            object chain = loader.GetType().GetField("_chain", Any)!.GetValue(loader)!;
            Assert.IsType<MikeyReader>(reader);
            Assert.Same(reader, chain);
        }
    }
}
