using System;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Random;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Ecc;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Srtp;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.OnDevice
{
    /// <summary>
    /// Allocation and heap probes for the interpreter (see Probe.csproj). Output lines: "PROBE BEGIN name" / "PROBE END name"
    /// around each measured region (run.sh counts the nanoCLR's NFGC lines between them), "PROBE OK" when everything ran,
    /// "PROBE FAILED ..." otherwise (an exception, OutOfMemoryException included, or a wrong status).
    /// </summary>
    public static class Program
    {
        private const ulong T = 0xe6a9c0d800000000; // the vectors' exchange time

#if PROBE_GC
        private const int Packets = 10000;   // per direction and transform (issue 10 §2)
        private const int Messages = 1000;   // MIKEY parses and builds
        private const int WarmUp = 200;
#else
        private const int Packets = 500;
        private const int WarmUp = 0;
#endif

        public static void Main()
        {
            try
            {
#if PROBE_GC
                SrtpBothWays("aes-cm-128-hmac-sha1-80", SrtpPolicy.AesCm128HmacSha1_80(), false);
                SrtpBothWays("aes-cm-128-hmac-sha1-32", SrtpPolicy.AesCm128HmacSha1_32(), false);
                SrtpBothWays("null-hmac-sha1-80", SrtpPolicy.NullHmacSha1_80(), false);
                SrtpBothWays("aead-aes-128-gcm", SrtpPolicy.AeadAes128Gcm(), false);
                SrtpBothWays("srtcp-aes-cm-128-hmac-sha1-80", SrtpPolicy.AesCm128HmacSha1_80(), true);
                SrtpBothWays("srtcp-aead-aes-128-gcm", SrtpPolicy.AeadAes128Gcm(), true);
                MikeyParseAndBuild();
#elif PROBE_CALL
                CallProbe.Run();
#elif PROBE_SENSOR
                Sensor();
#elif PROBE_INTERCOM
                Intercom();
#endif
                Console.WriteLine("PROBE OK");
            }
            catch (Exception e)
            {
                Console.WriteLine("PROBE FAILED " + e.GetType().FullName + ": " + e.Message);
                Console.WriteLine(e.StackTrace);
            }
        }

        private static void Fail(string what)
        {
            throw new InvalidOperationException(what);
        }

#if PROBE_GC
        // Two peers, each with an outbound and an inbound context; Packets packets each way after WarmUp each way.
        private static void SrtpBothWays(string name, SrtpPolicy p, bool rtcp)
        {
            const uint A = 0x0A0A0A0A, B = 0x0B0B0B0B;
            var aes = new SoftwareAesFactory();
            SrtpCryptoContext aOut = NanoMikey.OnDevice.Packets.Context(p, A, SrtpDirection.Outbound, 1, aes), bIn = NanoMikey.OnDevice.Packets.Context(p, A, SrtpDirection.Inbound, 1, aes);
            SrtpCryptoContext bOut = NanoMikey.OnDevice.Packets.Context(p, B, SrtpDirection.Outbound, 2, aes), aIn = NanoMikey.OnDevice.Packets.Context(p, B, SrtpDirection.Inbound, 2, aes);
            byte[] ab = new byte[256], ba = new byte[256];
            int seq = 1;
            for (int i = 0; i < WarmUp; i++, seq++)
            {
                NanoMikey.OnDevice.Packets.Send(aOut, bIn, ab, A, seq, rtcp);
                NanoMikey.OnDevice.Packets.Send(bOut, aIn, ba, B, seq, rtcp);
            }
            Console.WriteLine("PROBE BEGIN " + name);
            for (int i = 0; i < Packets; i++, seq++)
            {
                NanoMikey.OnDevice.Packets.Send(aOut, bIn, ab, A, seq, rtcp);
                NanoMikey.OnDevice.Packets.Send(bOut, aIn, ba, B, seq, rtcp);
            }
            Console.WriteLine("PROBE END " + name);
        }

        private static void MikeyParseAndBuild()
        {
            // Parse: the worked PSK offer of samples.md §8.2 and the ECDH-SIGN offer of mikey-ecc/vectors.txt, every payload walked.
            byte[] ecdh = VectorRecords.Lookup(Vectors.MikeyEccVectors(), "ecdh-i-message");
            byte[] psk = SamplesBlock("8.2");
            var reader = new MikeyReader();
            var writer = new MikeyWriter();
            byte[] built = new byte[512];
            byte[] rand = new byte[16], tek = new byte[30];
            long sum = 0;
            for (int i = 0; i < 10; i++) sum += Parse(reader, psk) + Parse(reader, ecdh) + Build(writer, built, rand, tek);
            Console.WriteLine("PROBE BEGIN mikey-parse-build");
            for (int i = 0; i < Messages; i++)
            {
                long one = Parse(reader, psk) + Parse(reader, ecdh) + Build(writer, built, rand, tek);
                if (one <= 0) Fail("MIKEY parse/build");
                sum += one;
            }
            Console.WriteLine("PROBE END mikey-parse-build");
            if (sum <= 0) Fail("MIKEY sum");
        }

        private static byte[] SamplesBlock(string section)
        {
            var r = new VectorRecords(Vectors.MikeySamples());
            while (r.Next())
            {
                if (r.Byte(1) == (byte)'h' && r.Is(0, section)) return r.Field(2);
            }
            Fail("samples.md block");
            return null;
        }

        // Reads every payload and the fields a responder looks at; returns a checksum (no allocation).
        private static long Parse(MikeyReader r, byte[] m)
        {
            if (r.Reset(m, 0, m.Length) != MikeyStatus.Ok) return -1;
            long sum = r.Header.CsbId + r.Header.CsCount;
            while (r.Read() == MikeyStatus.Ok)
            {
                sum += r.PayloadOffset + r.PayloadLength;
                if (r.PayloadType == PayloadType.SecurityPolicy)
                {
                    SecurityPolicyPayload sp = r.SecurityPolicy;
                    for (int p = sp.FirstParameter(); p >= 0; p = sp.NextParameter(p)) sum += sp.GetParameterValue(p);
                }
                else if (r.PayloadType == PayloadType.Timestamp)
                {
                    sum += (long)(r.Timestamp.Value >> 40);
                }
            }
            return r.Status == MikeyStatus.End ? sum + r.CoveredLength : -1;
        }

        // A MIKEY-NULL offer of the GStreamer shape (samples.md §5): HDR, T, RAND, SP, KEMAC with one TEK.
        private static long Build(MikeyWriter w, byte[] buf, byte[] rand, byte[] tek)
        {
            w.Reset(buf, 0, buf.Length);
            w.WriteHeader(DataType.PreShared, false, PrfFunction.Mikey1, 0x12345678, CsIdMapType.SrtpId);
            w.AddSrtpIdEntry(0, 0xDEADBEEF, 0);
            w.WriteTimestamp(TimestampType.NtpUtc, T);
            w.WriteRand(rand, 0, rand.Length);
            w.BeginSecurityPolicy(0, ProtocolType.Srtp);
            w.WritePolicyParameter((int)SrtpPolicyParameterType.EncryptionAlgorithm, 1);
            w.WritePolicyParameter((int)SrtpPolicyParameterType.SessionEncryptionKeyLength, 16);
            w.WritePolicyParameter((int)SrtpPolicyParameterType.AuthenticationAlgorithm, 1);
            w.WritePolicyParameter((int)SrtpPolicyParameterType.AuthenticationTagLength, 10);
            w.EndSecurityPolicy();
            w.WriteKemac(EncryptionAlgorithm.Null, tek, 0, tek.Length, MacAlgorithm.Null);
            return w.Finish() == MikeyStatus.Ok ? w.Length : -1;
        }
#endif

        private sealed class FixedClock : IMikeyClock
        {
            public ulong NtpNow => T;

            public uint OffsetBoundSeconds => 0;
        }

#if PROBE_SENSOR
        // A sensor: answers the PSK offer of samples.md §8.2 (keys by PSK), then sends one SRTP stream. The responder stays
        // alive while the stream runs (a sensor keeps it for re-keying; it is used after the stream, so the interpreter, which
        // keeps every local of a live frame, cannot have collected it). The check that the stream is right (a "peer" context
        // unprotects the last packet) runs after the sensor's state is dropped, so it does not count in the sensor's heap.
        private static void Sensor()
        {
            // The inputs first, and the 16 KB samples file dropped before the sensor's state exists: a device holds no vector
            // file, and loaded after the responder the file was counted in the sensor's heap.
            byte[] samples = Vectors.MikeySamples();
            byte[] offer = Find(samples, "h", "8.2"), psk = Find(samples, "n", "psk");
            samples = null;
            Stage("inputs");
            var clock = new FixedClock();
            var responder = new PskResponder(new SoftwareAesFactory(), clock, new ReplayCache(4, clock, new FreshnessPolicy()));
            responder.ReleaseExchangeScratch = true; // keys once, then streams: the exchange's scratch is not held while streaming
            Stage("responder");
            responder.SetPreSharedKey(psk, 0, psk.Length);
            byte[] bob = Ascii("sip:bob@example.com");
            responder.SetIdentity(IdType.Uri, bob, 0, bob.Length);
            var answer = new byte[128];
            if (responder.Respond(offer, 0, offer.Length, answer, 0, answer.Length) != MikeyExchangeStatus.Ok) Fail("PSK respond");
            Stage("respond");
            CryptoSession cs = responder.Bundle.Get(0);
            var buf = new byte[256];
            // The sensor's packets fit its 256-byte buffer: the context's scratch is sized to that, not to a 1500-byte MTU
            // (SrtpPolicy.MaxPacketLength is a local sizing hint, not negotiated).
            cs.Policy.MaxPacketLength = buf.Length;
            SrtpCryptoContext tx = cs.CreateSrtpContext(SrtpDirection.Outbound, new SoftwareAesFactory(), SrtpMinimumPolicy.Strict);
            Stage("context");
            Console.WriteLine("PROBE BEGIN sensor");
            int l = 0;
            for (int i = 1; i <= Packets + 1; i++)
            {
                NanoMikey.OnDevice.Packets.Fill(buf, cs.Ssrc, i, 172);
                l = 172;
                if (tx.Protect(buf, 0, ref l, buf.Length) != SrtpStatus.Ok) Fail("protect");
            }
            Console.WriteLine("PROBE END sensor");
            // Still the sensor's: the responder (ready to re-key) and the stream's context.
            if (responder.Bundle.Count != 1 || responder.Bundle.Get(0) != cs || tx.Ssrc != cs.Ssrc) Fail("sensor state");
            responder = null;
            tx = null;
            Stage("sensor dropped");
            // The peer: same keys (the crypto session), unprotects the last packet (buf holds it, l bytes).
            SrtpCryptoContext check = cs.CreateSrtpContext(SrtpDirection.Inbound, new SoftwareAesFactory(), SrtpMinimumPolicy.Strict);
            if (check.Unprotect(buf, 0, ref l) != SrtpStatus.Ok || l != 172) Fail("peer unprotect");
            Stage("check");
        }

        // Marks a step of a heap scenario: under NF_GC_TRACE the NFGC lines between markers say which step collected.
        private static void Stage(string name)
        {
            Console.WriteLine("PROBE STAGE " + name);
        }
#endif

#if PROBE_INTERCOM
        // An intercom answering a call: Bob's side of the ECDH-SIGN exchange of mikey-ecc/vectors.txt (his key and certificate,
        // trust in the CA, the replay cache), then SRTP and SRTCP both ways through his outbound and inbound contexts (the
        // inbound one takes what the outbound one protected: same keys and SSRC, as for a single crypto session).
        private static void Intercom()
        {
#if PROBE_PACK
            // The pack at start-up: its AES/SRTP factory, P-256 and the MIKEY PRF/MAC (the managed P-256 workspace is never built).
            var selection = NanoMikey.Esp32.Native.Selection.NativeCryptoSelection.Select(new SoftwareAesFactory());
            if (!selection.IsNative) Fail("native pack: " + selection.Reason);
            selection.InstallMikeyEngines();
            s_aes = selection.Aes;
#endif
            // The intercom trades signing time for 8 KB of heap: k·G by the ladder, no comb table (P256.FixedBaseComb).
            NanoMikey.Ecc.P256.FixedBaseComb = false;
            EcdhSignResponder responder = IntercomResponder();
            var answer = new byte[1024];
            if (responder.Respond(s_offer, 0, s_offer.Length, answer, 0, answer.Length) != MikeyExchangeStatus.Ok) Fail("ECDH-SIGN respond");
            s_offer = null;
            // No ECC until the next exchange: the P-256 scratch goes back to the heap for the streams (made again on re-key).
            NanoMikey.Ecc.P256.ReleaseScratch();
            IntercomStreams(responder.Bundle.Get(0));
        }

        // The offer and the expected key, kept out of Intercom's frame: the interpreter's frames are heap blocks sized by
        // their locals, and Intercom's frame sits under the whole exchange (a device's call site has no vector files).
        private static byte[] s_offer, s_expectedKey;
#if PROBE_PACK
        private static NanoMikey.Crypto.Hal.IAesEngineFactory s_aes;
#endif

        private static EcdhSignResponder IntercomResponder()
        {
            var clock = new FixedClock();
            byte[] certs = Vectors.MikeyEccCertificates();
            byte[] bobCert = Find(certs, null, "bob"), ca = Find(certs, null, "ca");
            certs = null;
            byte[] vectors = Vectors.MikeyEccVectors();
            s_offer = Find(vectors, null, "ecdh-i-message");
            byte[] scalar = Find(vectors, null, "bob-static-scalar");
            s_expectedKey = Find(vectors, null, "ecdh-srtp-master-key");
            vectors = null;
            var creds = new EccCredentials();
            if (!creds.Key.TryImport(scalar, 0)) Fail("key");
            byte[] bob = Ascii("sip:bob@example.com");
            creds.SetIdentity(IdType.Uri, bob, 0, bob.Length);
            creds.AddCertificate(bobCert, 0, bobCert.Length);
            var trust = new EccPeerTrust();
            if (trust.AddTrustAnchor(ca, 0, ca.Length) != NanoMikey.X509.Asn1.Asn1Status.Ok) Fail("anchor");
            return new EcdhSignResponder(Drbg("vector/ecdh/r"), clock, new ReplayCache(4, clock, new FreshnessPolicy()), creds, trust);
        }

        private static void IntercomStreams(CryptoSession cs)
        {
            SrtpMasterKeyEntry k = cs.GetMasterKey(0);
            for (int i = 0; i < 16; i++)
            {
                if (k.Key[i] != s_expectedKey[i]) Fail("SRTP master key differs from vectors.txt");
            }
#if PROBE_PACK
            NanoMikey.Crypto.Hal.IAesEngineFactory aes = s_aes;
#else
            var aes = new SoftwareAesFactory();
#endif
            SrtpCryptoContext tx = cs.CreateSrtpContext(SrtpDirection.Outbound, aes, SrtpMinimumPolicy.Strict);
            SrtpCryptoContext rx = cs.CreateSrtpContext(SrtpDirection.Inbound, aes, SrtpMinimumPolicy.Strict);
            var buf = new byte[256];
            Console.WriteLine("PROBE BEGIN intercom");
            for (int i = 1; i <= Packets; i++)
            {
                NanoMikey.OnDevice.Packets.Send(tx, rx, buf, cs.Ssrc, i, false);
                if (i % 50 == 0) NanoMikey.OnDevice.Packets.Send(tx, rx, buf, cs.Ssrc, i, true);
            }
            Console.WriteLine("PROBE END intercom");
        }

        private static HmacDrbg Drbg(string seed)
        {
            byte[] b = Ascii("nanoMikey ECC test DRBG: " + seed), h = new byte[32];
            NanoMikey.Crypto.Hash.Sha256.Hash(b, 0, b.Length, h, 0);
            return new HmacDrbg(h, new byte[16], null, 1 << 16);
        }
#endif

        // The value field of a record (name-keyed sets: field 0 = name; samples: field 0 = section, 1 = kind).
        private static byte[] Find(byte[] data, string kind, string name)
        {
            var r = new VectorRecords(data);
            while (r.Next())
            {
                if (kind == null && r.Is(0, name)) return r.Field(1);
                if (kind == "h" && r.Byte(1) == (byte)'h' && r.Is(0, name)) return r.Field(2);
                if (kind == "n" && r.Byte(1) == (byte)'n' && r.Is(2, name)) return r.Field(3);
            }
            Fail("vector " + name);
            return null;
        }

        private static byte[] Ascii(string s)
        {
            var b = new byte[s.Length];
            for (int i = 0; i < s.Length; i++) b[i] = (byte)s[i];
            return b;
        }
    }
}
