using System;
using NanoMikey.Crypto.Hash;
using NanoMikey.Crypto.Mac;

namespace NanoMikey.Crypto.Tests.Symmetric
{
    // Hot paths allocate nothing after warm-up (measured inside one method on this thread).
    public class AllocationTests
    {
        [Fact]
        public void ShaUpdateFinal_AllocateNothing()
        {
            var data = new byte[1000];
            var d = new byte[32];
            var s1 = new Sha1();
            var s2 = new Sha256();
            s1.Update(data, 0, 100);
            s1.Final(d, 0);
            s2.Update(data, 0, 100);
            s2.Final(d, 0);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 200; i++)
            {
                s1.Update(data, 0, 7);
                s1.Update(data, 7, 993 - (i & 63));
                s1.Final(d, 0);
                s2.Update(data, 0, 65);
                s2.Update(data, 65, 900 - i);
                s2.Final(d, 0);
            }
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [Fact]
        public void HmacKeyedState_AllocatesNothing_IncludingRekey()
        {
            var key = new byte[100];
            var data = new byte[176];
            var mac = new byte[32];
            var h1 = new HmacSha1(key, 0, 20);
            var h2 = new HmacSha256(key, 0, 32);
            h1.Compute(data, 0, 176, mac, 0, 10);
            h2.Compute(data, 0, 176, mac, 0, 32);
            h1.Verify(data, 0, 176, mac, 0, 10);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 200; i++)
            {
                h1.Compute(data, 0, 176, mac, 0, 10);
                h1.Update(data, 0, 12);
                h1.Update(data, 12, 100);
                h1.Final(mac, 0, 20);
                h1.Verify(data, 0, 176, mac, 0, 10);
                h2.Compute(data, 0, 176, mac, 0, 16);
                h2.Update(data, 0, 176);
                h2.Final(mac, 0, 32);
                h1.SetKey(key, 0, 100);
                h2.SetKey(key, 0, 16);
            }
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }
}
