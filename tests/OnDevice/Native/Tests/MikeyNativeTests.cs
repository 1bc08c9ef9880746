using System;
using nanoFramework.TestFramework;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Ecc;
using NanoMikey.Esp32.Native.Mikey;
using NanoMikey.Esp32.Native.Selection;
using NanoMikey.Mikey.Ecc;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.OnDevice
{
    /// <summary>
    /// MIKEY through the native crypto pack on the interpreter (issue 15): with NativeP256Offload and NativeMikeyOffload
    /// selected, ECDH-SIGN, ECIES and PSK exchanges give byte for byte the managed path's messages and SRTP master keys for
    /// the same DRBG seeds (and tests/vectors/mikey-ecc's); P-256 reproduces RFC 6979 A.2.5 and refuses invalid points; and
    /// the P-256 timings through the pack and managed are printed (MIKEYBENCH lines).
    /// </summary>
    [TestClass]
    public class MikeyNativeTests
    {
        // The pack's adapters behind counters, so a test can show its exchange went through them.
        private static readonly CountingP256 s_p256 = new CountingP256(new NativeP256Offload());
        private static readonly CountingMikey s_mikey = new CountingMikey(new NativeMikeyOffload());

        private static void SelectPack()
        {
            NativeCryptoSelection s = NativeCryptoSelection.Select(new SoftwareAesFactory());
            Assert.IsTrue(s.IsNative, "the pack is not selected: " + s.Reason);
            s_p256.Calls = 0;
            s_mikey.Calls = 0;
            P256Offload.Engine = s_p256;
            MikeyOffload.Engine = s_mikey;
        }

        private static void SelectManaged()
        {
            P256Offload.Engine = null;
            MikeyOffload.Engine = null;
        }

        /// <summary>One ECC exchange (Alice initiates, Bob answers) with the seeds of tests/vectors/mikey-ecc; returns offer ‖ answer ‖ key ‖ salt.</summary>
        private static byte[] Ecc(string mode)
        {
            string seed = "vector/" + mode;
            var clock = new TestClock(Fixtures.T);
            EccCredentials alice = Fixtures.Credentials("alice", Fixtures.Alice, "alice"), bob = Fixtures.Credentials("bob", Fixtures.Bob, "bob");
            EccInitiator i;
            EccResponder r;
            var aes = new SoftwareAesFactory();
            if (mode == "ecdh")
            {
                i = new EcdhSignInitiator(Fixtures.Drbg(seed + "/i"), clock, alice, Fixtures.TrustCa());
                r = new EcdhSignResponder(Fixtures.Drbg(seed + "/r"), clock, Fixtures.Cache(clock), bob, Fixtures.TrustCa());
                i.SetResponderIdentity(IdType.Uri, Fixtures.Bob, 0, Fixtures.Bob.Length);
            }
            else
            {
                var e = new EciesInitiator(aes, Fixtures.Drbg(seed + "/i"), clock, alice, Fixtures.TrustCa());
                e.SetResponderIdentity(IdType.Uri, Fixtures.Bob, 0, Fixtures.Bob.Length);
                byte[] bobCert = Fixtures.Cert("bob");
                Assert.IsTrue(e.SetResponderCertificate(bobCert, 0, bobCert.Length) == MikeyExchangeStatus.Ok, "Bob's certificate");
                e.RequestVerification = true;
                i = e;
                r = new EciesResponder(aes, clock, Fixtures.Cache(clock), bob, Fixtures.TrustCa());
            }

            i.AddCryptoSession(0x11111111, 0, SrtpPolicy.AesCm128HmacSha1_80());
            var offer = new byte[2048];
            var answer = new byte[2048];
            Assert.IsTrue(i.WriteOffer(offer, 0, offer.Length) == MikeyExchangeStatus.Ok, mode + " offer");
            Assert.IsTrue(r.Respond(offer, 0, i.OfferLength, answer, 0, answer.Length) == MikeyExchangeStatus.Ok, mode + " respond");
            Assert.IsTrue(i.ReadAnswer(answer, 0, r.AnswerLength) == MikeyExchangeStatus.Ok, mode + " read answer");
            SrtpMasterKeyEntry ki = i.Bundle.Get(0).GetMasterKey(0), kr = r.Bundle.Get(0).GetMasterKey(0);
            Assert.IsTrue(Bytes.Equal(ki.Key, 0, kr.Key, 0, ki.KeyLength) && ki.KeyLength == kr.KeyLength, mode + " both sides' TEK");
            Bytes.AssertEqual(V(mode + "-i-message"), offer, 0, i.OfferLength, mode + " I_MESSAGE");
            Bytes.AssertEqual(V(mode + "-r-message"), answer, 0, r.AnswerLength, mode + " R_MESSAGE");
            Bytes.AssertEqual(V(mode + "-srtp-master-key"), ki.Key, 0, ki.KeyLength, mode + " SRTP master key");
            Bytes.AssertEqual(V(mode + "-srtp-master-salt"), ki.Salt, 0, ki.SaltLength, mode + " SRTP master salt");
            return Join(offer, i.OfferLength, answer, r.AnswerLength, ki);
        }

        private static byte[] V(string name) => VectorRecords.Lookup(Vectors.MikeyEccVectors(), name);

        private static byte[] Join(byte[] offer, int offerLength, byte[] answer, int answerLength, SrtpMasterKeyEntry k)
        {
            var all = new byte[offerLength + answerLength + k.KeyLength + k.SaltLength];
            Array.Copy(offer, 0, all, 0, offerLength);
            Array.Copy(answer, 0, all, offerLength, answerLength);
            Array.Copy(k.Key, 0, all, offerLength + answerLength, k.KeyLength);
            Array.Copy(k.Salt, 0, all, offerLength + answerLength + k.KeyLength, k.SaltLength);
            return all;
        }

        private static void SameWithPackAndManaged(string mode)
        {
            SelectManaged();
            byte[] managed = Ecc(mode);
            SelectPack();
            byte[] native;
            try
            {
                native = Ecc(mode);
            }
            finally
            {
                SelectManaged();
            }

            Assert.IsTrue(Bytes.Equal(managed, native), mode + ": the pack's messages and keys differ from the managed ones");
            // Keys, certificate and ECCPT points, SIGN, the agreements; the PRF of the TEK (and of ECIES's KEMAC keys).
            Assert.IsTrue(s_p256.Calls >= 8, mode + ": P-256 calls through the pack " + s_p256.Calls.ToString());
            Assert.IsTrue(s_mikey.Calls >= 2, mode + ": PRF/MAC calls through the pack " + s_mikey.Calls.ToString());
        }

        [TestMethod]
        public void MikeyEcdhSign_ThroughThePackIsByteIdenticalToManaged() => SameWithPackAndManaged("ecdh");

        [TestMethod]
        public void MikeyEcies_ThroughThePackIsByteIdenticalToManaged() => SameWithPackAndManaged("ecies");

        private static byte[] Psk(MacAlgorithm mac, PrfFunction prf)
        {
            byte[] psk = Bytes.Ascii("nanoMikey on-device pre-shared key");
            var clock = new TestClock(Fixtures.T);
            var i = new PskInitiator(new SoftwareAesFactory(), Fixtures.Drbg("native/psk/i"), clock);
            i.SetPreSharedKey(psk, 0, psk.Length);
            i.SetIdentities(IdType.Uri, Fixtures.Alice, Fixtures.Alice.Length, Fixtures.Bob, Fixtures.Bob.Length);
            i.RequestVerification = true;
            i.Mac = mac;
            i.Prf = prf;
            i.AddCryptoSession(0xDEADBEEF, 0, SrtpPolicy.AesCm128HmacSha1_80());
            var r = new PskResponder(new SoftwareAesFactory(), clock, Fixtures.Cache(clock));
            r.SetPreSharedKey(psk, 0, psk.Length);
            var offer = new byte[512];
            var answer = new byte[512];
            Assert.IsTrue(i.WriteOffer(offer, 0, offer.Length) == MikeyExchangeStatus.Ok, "PSK offer");
            Assert.IsTrue(r.Respond(offer, 0, i.OfferLength, answer, 0, answer.Length) == MikeyExchangeStatus.Ok, "PSK respond");
            Assert.IsTrue(i.ReadAnswer(answer, 0, r.AnswerLength) == MikeyExchangeStatus.Ok, "PSK read answer (V checked)");
            SrtpMasterKeyEntry ki = i.Bundle.Get(0).GetMasterKey(0), kr = r.Bundle.Get(0).GetMasterKey(0);
            Assert.IsTrue(Bytes.Equal(ki.Key, 0, kr.Key, 0, ki.KeyLength), "PSK both sides' TEK");
            return Join(offer, i.OfferLength, answer, r.AnswerLength, kr);
        }

        [TestMethod]
        public void MikeyPsk_NativePrfAndMacAreByteIdenticalToManaged()
        {
            MacAlgorithm[] macs = { MacAlgorithm.HmacSha1160, MacAlgorithm.HmacSha256256 };
            PrfFunction[] prfs = { PrfFunction.Mikey1, PrfFunction.PrfHmacSha256 };
            for (int n = 0; n < 2; n++)
            {
                SelectManaged();
                byte[] managed = Psk(macs[n], prfs[n]);
                SelectPack();
                byte[] native;
                try
                {
                    native = Psk(macs[n], prfs[n]);
                }
                finally
                {
                    SelectManaged();
                }

                Assert.IsTrue(Bytes.Equal(managed, native), "PSK " + n.ToString() + ": the pack's messages and keys differ from the managed ones");
                // encr_key, salt_key, auth_key on both sides, the TEK on both sides; KEMAC and V MACs written and checked.
                Assert.IsTrue(s_mikey.Calls >= 12, "PSK " + n.ToString() + ": PRF/MAC calls through the pack " + s_mikey.Calls.ToString());
            }
        }

        [TestMethod]
        public void MikeyP256_Rfc6979KnownAnswerAndInvalidPointsThroughThePack()
        {
            // RFC 6979 A.2.5, P-256 with SHA-256, message "sample".
            byte[] d = NativeSrtpTests.Hex("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721");
            byte[] q = NativeSrtpTests.Hex("0460FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB67903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299");
            byte[] hash = NativeSrtpTests.Hex("AF2BDBE1AA9B6EC1E2ADE1D694F41FC71A831D0268E9891562113D8A62ADD1BF");
            byte[] rs = NativeSrtpTests.Hex("EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8");
            SelectPack();
            try
            {
                P256PrivateKey key = P256PrivateKey.FromScalar(d, 0);
                Assert.IsNotNull(key, "A.2.5 key");
                var pub = new byte[65];
                key.PublicKey.ExportUncompressed(pub, 0);
                Assert.IsTrue(Bytes.Equal(q, pub), "A.2.5 public key");
                var sig = new byte[64];
                EcdsaP256.Sign(key, hash, 0, 32, sig, 0);
                Assert.IsTrue(Bytes.Equal(rs, sig), "A.2.5 signature");
                Assert.IsTrue(EcdsaP256.Verify(key.PublicKey, hash, 0, 32, sig, 0), "A.2.5 verifies");
                sig[5] ^= 1;
                Assert.IsFalse(EcdsaP256.Verify(key.PublicKey, hash, 0, 32, sig, 0), "tampered signature");

                // An off-curve point and a coordinate of p or more are refused; the key keeps its point; ECDH writes nothing.
                var peer = new P256PublicKey();
                Assert.IsTrue(peer.TryImport(q, 0, 65), "valid point");
                q[64] ^= 1;
                Assert.IsFalse(peer.TryImport(q, 0, 65), "off-curve point");
                q[64] ^= 1;
                byte[] big = (byte[])q.Clone();
                for (int i = 1; i < 33; i++) big[i] = 0xFF;
                Assert.IsFalse(peer.TryImport(big, 0, 65), "x >= p");
                var back = new byte[65];
                peer.ExportUncompressed(back, 0);
                Assert.IsTrue(Bytes.Equal(q, back), "point kept");
                var secret = new byte[32];
                for (int i = 0; i < 32; i++) secret[i] = 0xAA;
                q[64] ^= 1;
                Assert.IsFalse(EcdhP256.ComputeSharedSecret(key, q, 0, 65, secret, 0), "ECDH with an off-curve point");
                for (int i = 0; i < 32; i++) Assert.IsTrue(secret[i] == 0xAA, "nothing written");
            }
            finally
            {
                SelectManaged();
            }
        }

        // Microseconds per operation of `row` (0 ECDH, 1 sign, 2 verify) over n runs.
        private static long Time(int row, int n, P256PrivateKey a, P256PrivateKey b, byte[] hash, byte[] sig, byte[] secret)
        {
            long t0 = DateTime.UtcNow.Ticks;
            for (int i = 0; i < n; i++)
            {
                if (row == 0) Assert.IsTrue(EcdhP256.ComputeSharedSecret(a, b.PublicKey, secret, 0), "ECDH");
                else if (row == 1) EcdsaP256.Sign(a, hash, 0, 32, sig, 0);
                else Assert.IsTrue(EcdsaP256.Verify(a.PublicKey, hash, 0, 32, sig, 0), "verify");
            }

            return (DateTime.UtcNow.Ticks - t0) / 10 / n;
        }

        [TestMethod]
        public void MikeyP256_TimingsThroughThePackAndManaged()
        {
            string[] names = { "ECDH", "ECDSA sign", "ECDSA verify" };
            var hash = new byte[32];
            var sig = new byte[64];
            var secret = new byte[32];
            for (int i = 0; i < 32; i++) hash[i] = (byte)(3 * i);
            P256PrivateKey a = P256PrivateKey.FromScalar(Fixtures.Scalar("alice"), 0), b = P256PrivateKey.FromScalar(Fixtures.Scalar("bob"), 0);
            var managed = new long[3];
            var native = new long[3];
            EcdsaP256.Sign(a, hash, 0, 32, sig, 0);
            for (int row = 0; row < 3; row++) managed[row] = Time(row, 2, a, b, hash, sig, secret);
            SelectPack();
            try
            {
                for (int row = 0; row < 3; row++) native[row] = Time(row, 50, a, b, hash, sig, secret);
            }
            finally
            {
                SelectManaged();
            }

            for (int row = 0; row < 3; row++)
            {
                Console.WriteLine("MIKEYBENCH|P-256 " + names[row] + "|pack " + native[row].ToString() + " us|managed " + managed[row].ToString() + " us");
                Assert.IsTrue(native[row] < managed[row], names[row] + ": the pack is not faster");
            }
        }
    }

    /// <summary>Counts the calls it passes on to a P-256 engine.</summary>
    internal sealed class CountingP256 : IP256Offload
    {
        private readonly IP256Offload _inner;
        public int Calls;

        public CountingP256(IP256Offload inner)
        {
            _inner = inner;
        }

        public bool DerivePublicKey(byte[] scalar, int scalarOffset, byte[] point, int pointOffset)
        {
            Calls++;
            return _inner.DerivePublicKey(scalar, scalarOffset, point, pointOffset);
        }

        public bool ValidatePoint(byte[] point, int offset, int length)
        {
            Calls++;
            return _inner.ValidatePoint(point, offset, length);
        }

        public bool ComputeSharedSecret(byte[] scalar, int scalarOffset, byte[] peer, int peerOffset, int peerLength, byte[] secret, int secretOffset)
        {
            Calls++;
            return _inner.ComputeSharedSecret(scalar, scalarOffset, peer, peerOffset, peerLength, secret, secretOffset);
        }

        public bool SignHedged(byte[] scalar, int scalarOffset, byte[] hash, int hashOffset, int hashLength,
            byte[] extra, int extraOffset, int extraLength, byte[] signature, int signatureOffset)
        {
            Calls++;
            return _inner.SignHedged(scalar, scalarOffset, hash, hashOffset, hashLength, extra, extraOffset, extraLength, signature, signatureOffset);
        }

        public bool Verify(byte[] point, int pointOffset, int pointLength, byte[] hash, int hashOffset, int hashLength, byte[] signature, int signatureOffset)
        {
            Calls++;
            return _inner.Verify(point, pointOffset, pointLength, hash, hashOffset, hashLength, signature, signatureOffset);
        }
    }

    /// <summary>Counts the calls it passes on to a MIKEY PRF / MAC engine.</summary>
    internal sealed class CountingMikey : IMikeyOffload
    {
        private readonly IMikeyOffload _inner;
        public int Calls;

        public CountingMikey(IMikeyOffload inner)
        {
            _inner = inner;
        }

        public bool Derive(PrfFunction function, byte[] inkey, int inkeyOffset, int inkeyLength,
            byte[] label, int labelOffset, int labelLength, byte[] output, int outputOffset, int outputLength)
        {
            Calls++;
            return _inner.Derive(function, inkey, inkeyOffset, inkeyLength, label, labelOffset, labelLength, output, outputOffset, outputLength);
        }

        public bool ComputeMac(MacAlgorithm algorithm, byte[] key, int keyOffset, int keyLength, byte[] data, int offset, int length,
            byte[] extra, int extraOffset, int extraLength, byte[] mac, int macOffset)
        {
            Calls++;
            return _inner.ComputeMac(algorithm, key, keyOffset, keyLength, data, offset, length, extra, extraOffset, extraLength, mac, macOffset);
        }
    }
}
