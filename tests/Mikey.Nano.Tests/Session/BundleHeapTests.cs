using System;
using NanoMikey.Mikey.Session;

namespace NanoMikey.Mikey.Tests.Session
{
    /// <summary>
    /// Issue 10 §2 (heap): a crypto session bundle's TGK and RAND buffers grow to what an exchange holds (a PSK exchange's
    /// 16-byte values), instead of 256 + 255 bytes up front in each of a responder's two bundles; its crypto sessions are created
    /// on first use.
    /// </summary>
    public class BundleHeapTests
    {
        [Fact]
        public void AnEmptyBundleHoldsNoTgkOrRandBuffer()
        {
            new CryptoSessionBundle(); // JIT and type loading out of the measurement
            long before = GC.GetAllocatedBytesForCurrentThread();
            var b = new CryptoSessionBundle();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            GC.KeepAlive(b);
            long session = MeasureSession();
            // The bundle object and its session array: no crypto session (created on first use), no TGK (256 B) or RAND
            // (255 B) buffer beyond a few bytes.
            Assert.InRange(allocated, 0, 300);
            Assert.True(allocated < session, "an empty bundle holds no crypto session");
        }

        private static long MeasureSession()
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var s = new CryptoSession();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            GC.KeepAlive(s);
            return allocated;
        }
    }
}
