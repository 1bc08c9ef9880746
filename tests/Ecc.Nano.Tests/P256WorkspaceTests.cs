using System.Threading;
using NanoMikey.Ecc;

namespace NanoMikey.Ecc.Tests
{
    /// <summary>
    /// One process-wide P256Workspace (issue 10 §2 heap): key objects own no workspace, and operations on several threads
    /// at once (each holding the workspace's lock) give the same results as one after the other.
    /// </summary>
    public class P256WorkspaceTests
    {
        [Fact]
        public void KeysOwnNoWorkspace()
        {
            var warm = P256PrivateKey.FromScalar(P256ReferenceCurve.Bytes32(5), 0)!;
            Assert.NotNull(warm);
            long before = GC.GetAllocatedBytesForCurrentThread();
            var key = new P256PrivateKey();
            var pub = new P256PublicKey();
            long perKey = GC.GetAllocatedBytesForCurrentThread() - before;
            GC.KeepAlive(key);
            GC.KeepAlive(pub);
            // A private key with its public key, scalar and scratch arrays is well under 1 KB; with a workspace of its own
            // (engine, tables, points) it was several KB.
            Assert.True(perKey < 1500, "a private + public key allocated " + perKey + " bytes");
        }

        [Fact]
        public void ConcurrentOperationsAgreeWithSequentialOnes()
        {
            const int Threads = 4, Rounds = 12;
            var keys = new P256PrivateKey[Threads];
            var expected = new byte[Threads][];
            var peer = P256PrivateKey.FromScalar(P256ReferenceCurve.Bytes32(0xC0FFEE), 0)!;
            for (int t = 0; t < Threads; t++)
            {
                keys[t] = P256PrivateKey.FromScalar(P256ReferenceCurve.Bytes32((ulong)(1000 + t * 7919)), 0)!;
                expected[t] = new byte[32];
                Assert.True(EcdhP256.ComputeSharedSecret(keys[t], peer.PublicKey, expected[t], 0));
            }

            var failures = new int[Threads];
            var threads = new Thread[Threads];
            for (int t = 0; t < Threads; t++)
            {
                int me = t;
                threads[t] = new Thread(() =>
                {
                    var secret = new byte[32];
                    var hash = new byte[32];
                    var sig = new byte[64];
                    hash[0] = (byte)me;
                    for (int r = 0; r < Rounds; r++)
                    {
                        if (!EcdhP256.ComputeSharedSecret(keys[me], peer.PublicKey, secret, 0) || !secret.AsSpan().SequenceEqual(expected[me])) failures[me]++;
                        EcdsaP256.Sign(keys[me], hash, 0, 32, sig, 0);
                        if (!EcdsaP256.Verify(keys[me].PublicKey, hash, 0, 32, sig, 0)) failures[me]++;
                    }
                });
                threads[t].Start();
            }

            foreach (Thread th in threads) th.Join();
            Assert.Equal(new int[Threads], failures);
        }
    }
}
