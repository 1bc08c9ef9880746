using System.Reflection;
using System.Security.Cryptography;
using NanoMikey.Ecc;

namespace NanoMikey.Ecc.Tests.Offload
{
    /// <summary>
    /// With an engine selected (issue 15), key derivation, point validation, ECDH and ECDSA go to it and give the managed
    /// results byte for byte; what the managed code refuses, the offloaded path refuses too; no scalar stays in its scratch.
    /// </summary>
    [Collection("P256 offload")]
    public class P256OffloadTests
    {
        private static readonly byte[] Hash = SHA256.HashData("offload"u8.ToArray());

        private sealed class Results
        {
            public byte[] PublicA = new byte[65], PublicB = new byte[65], Secret = new byte[32], SecretBytes = new byte[32];
            public byte[] Plain = new byte[64], Hedged = new byte[64];
            public bool VerifiedPlain, VerifiedHedged, RejectedTampered;
        }

        private static Results Run(byte[] a, byte[] b)
        {
            var r = new Results();
            var ka = P256PrivateKey.FromScalar(a, 0)!;
            var kb = P256PrivateKey.FromScalar(b, 0)!;
            ka.PublicKey.ExportUncompressed(r.PublicA, 0);
            kb.PublicKey.ExportUncompressed(r.PublicB, 0);
            Assert.True(EcdhP256.ComputeSharedSecret(ka, kb.PublicKey, r.Secret, 0));
            Assert.True(EcdhP256.ComputeSharedSecret(kb, r.PublicA, 0, 65, r.SecretBytes, 0));
            EcdsaP256.Sign(ka, Hash, 0, 32, r.Plain, 0);
            byte[] extra = [1, 2, 3, 4, 5, 6, 7, 8, 9];
            EcdsaP256.SignHedged(ka, Hash, 0, 32, extra, 1, 7, r.Hedged, 0);
            r.VerifiedPlain = EcdsaP256.Verify(ka.PublicKey, Hash, 0, 32, r.Plain, 0);
            r.VerifiedHedged = EcdsaP256.Verify(ka.PublicKey, Hash, 0, 32, r.Hedged, 0);
            byte[] bad = (byte[])r.Plain.Clone();
            bad[40] ^= 0x10;
            r.RejectedTampered = !EcdsaP256.Verify(ka.PublicKey, Hash, 0, 32, bad, 0);
            return r;
        }

        /// <summary>Runs <paramref name="run"/> with <paramref name="engine"/> selected, then the managed code again.</summary>
        private static void With(IP256Offload engine, Action run)
        {
            P256Offload.Engine = engine;
            try
            {
                run();
            }
            finally
            {
                P256Offload.Engine = null;
            }
        }

        private static byte[] Scalar(int seed)
        {
            var b = new byte[32];
            new Random(seed).NextBytes(b);
            b[0] &= 0x7F;
            return b;
        }

        [Fact]
        public void OffloadedOperationsGiveTheManagedBytesAndEachGoesToTheEngine()
        {
            for (int i = 0; i < 3; i++)
            {
                byte[] a = Scalar(2 * i + 1), b = Scalar(2 * i + 2);
                Results managed = Run(a, b);
                var engine = new DotNetP256Offload();
                Results offloaded = null!;
                With(engine, () =>
                {
                    offloaded = Run(a, b);
                });

                Assert.Equal(managed.PublicA, offloaded.PublicA);
                Assert.Equal(managed.PublicB, offloaded.PublicB);
                Assert.Equal(managed.Secret, offloaded.Secret);
                Assert.Equal(managed.Secret, offloaded.SecretBytes);
                Assert.Equal(managed.Plain, offloaded.Plain);
                Assert.Equal(managed.Hedged, offloaded.Hedged);
                Assert.True(offloaded.VerifiedPlain && offloaded.VerifiedHedged && offloaded.RejectedTampered);
                Assert.True(managed.VerifiedPlain && managed.VerifiedHedged && managed.RejectedTampered);
                // Two key imports, two agreements (the encoded peer goes straight to the engine: no separate validation),
                // two signatures, three verifications.
                Assert.Equal(2, engine.Derivations);
                Assert.Equal(0, engine.Validations);
                Assert.Equal(2, engine.Agreements);
                Assert.Equal(2, engine.Signatures);
                Assert.Equal(3, engine.Verifications);
            }
        }

        [Fact]
        public void KeysImportedWithAndWithoutTheEngineMix()
        {
            var a = P256PrivateKey.FromScalar(Scalar(31), 0)!;
            var b = P256PrivateKey.FromScalar(Scalar(32), 0)!;
            byte[] pa = new byte[65], pb = new byte[65], expected = new byte[32], secret = new byte[32], back = new byte[65];
            a.PublicKey.ExportUncompressed(pa, 0);
            b.PublicKey.ExportUncompressed(pb, 0);
            Assert.True(EcdhP256.ComputeSharedSecret(a, b.PublicKey, expected, 0));

            var engine = new DotNetP256Offload();
            var key = new P256PublicKey();
            With(engine, () =>
            {
                // b's key was imported by the managed code: the engine gets its exported encoding.
                Assert.True(EcdhP256.ComputeSharedSecret(a, b.PublicKey, secret, 0));
                Assert.Equal(expected, secret);
                Assert.True(key.TryImport(pa, 0, 65));
            });

            // Imported through the engine, then replaced by the managed code: its encoding follows the new point.
            key.ExportUncompressed(back, 0);
            Assert.Equal(pa, back);
            Assert.True(key.TryImport(pb, 0, 65));
            key.ExportUncompressed(back, 0);
            Assert.Equal(pb, back);
            With(engine, () =>
            {
                Assert.True(EcdhP256.ComputeSharedSecret(a, key, secret, 0));
                Assert.Equal(expected, secret);
            });

            key.Clear();
            Assert.False(key.HasValue);
        }

        [Fact]
        public void AFailingEngineFallsBackToTheManagedCode()
        {
            Results managed = Run(Scalar(21), Scalar(22));
            var engine = new DotNetP256Offload { Failing = true };
            Results fallback = null!;
            With(engine, () =>
            {
                fallback = Run(Scalar(21), Scalar(22));
            });

            Assert.Equal(managed.PublicA, fallback.PublicA);
            Assert.Equal(managed.Plain, fallback.Plain);
            Assert.Equal(managed.Hedged, fallback.Hedged);
            Assert.Equal(managed.Secret, fallback.Secret);
            Assert.Equal(2, engine.Derivations);
            Assert.Equal(2, engine.Signatures);
        }

        [Fact]
        public void OffloadedImportRefusesWhatTheManagedImportRefuses()
        {
            var good = P256PrivateKey.FromScalar(Scalar(7), 0)!;
            byte[] point = new byte[65];
            good.PublicKey.ExportUncompressed(point, 0);
            byte[] offCurve = (byte[])point.Clone();
            offCurve[64] ^= 1;
            byte[] xTooBig = (byte[])point.Clone();
            for (int i = 1; i < 33; i++) xTooBig[i] = 0xFF;
            byte[] n = TestData.Hex("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");
            byte[] zero = new byte[32];

            var engine = new DotNetP256Offload();
            With(engine, () =>
            {
                var key = new P256PublicKey();
                Assert.True(key.TryImport(point, 0, 65));
                Assert.False(key.TryImport(offCurve, 0, 65));
                Assert.False(key.TryImport(xTooBig, 0, 65));
                Assert.Equal(3, engine.Validations);
                // The refused imports kept the valid point.
                byte[] back = new byte[65];
                key.ExportUncompressed(back, 0);
                Assert.Equal(point, back);

                // Scalars outside [1, n-1] never reach the engine.
                Assert.Null(P256PrivateKey.FromScalar(zero, 0));
                Assert.Null(P256PrivateKey.FromScalar(n, 0));
                Assert.Equal(0, engine.Derivations);

                // An off-curve peer in an ECDH: refused, nothing written.
                var own = P256PrivateKey.FromScalar(Scalar(8), 0)!;
                byte[] secret = Enumerable.Repeat((byte)0xAA, 32).ToArray();
                Assert.False(EcdhP256.ComputeSharedSecret(own, offCurve, 0, 65, secret, 0));
                Assert.All(secret, x => Assert.Equal(0xAA, x));
            });

            // Managed import agrees on all three points.
            var m = new P256PublicKey();
            Assert.True(m.TryImport(point, 0, 65));
            Assert.False(m.TryImport(offCurve, 0, 65));
            Assert.False(m.TryImport(xTooBig, 0, 65));
        }

        [Fact]
        public void NoScalarOrSecretStaysInTheOffloadScratch()
        {
            With(new DotNetP256Offload(), () =>
            {
                Run(Scalar(11), Scalar(12));
            });

            foreach (string name in new[] { "s_scalar", "s_secret" })
            {
                var scratch = (byte[])typeof(P256Offload).GetField(name, BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
                Assert.All(scratch, x => Assert.Equal(0, x));
            }
        }
    }
}
