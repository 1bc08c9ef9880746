using System.Security.Cryptography;
using System.Text;
using NanoMikey.Crypto.Random;
using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Ecc;
using NanoMikey.Mikey.Ecc.Offers;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Sip.Keying;
using NanoMikey.Srtp;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Sip.Tests.Keying
{
    /// <summary>A settable MIKEY clock.</summary>
    internal sealed class SipTestClock : IMikeyClock
    {
        public ulong NtpNow { get; set; }
        public uint OffsetBoundSeconds { get; set; }
    }

    /// <summary>
    /// The door station (Alice, certificate "alice") calling through a forking proxy, and the devices that answer: PSK
    /// indoor units, and ECDH-SIGN ones with the committed tests/vectors/mikey-ecc certificates (bob; dave under the
    /// intermediate; carol named in her CN). Keys: SHA-256("nanoMikey ECC test key: " + name), tests/vectors/SOURCE.md.
    /// </summary>
    internal static class SipKeyingFixtures
    {
        /// <summary>2022-08-20: inside every fixture certificate's validity but the expired one's.</summary>
        public const ulong T = 0xe6a9c0d800000000;

        public static readonly byte[] Psk = Encoding.ASCII.GetBytes("nanoMikey SIP keying test PSK 01");
        public static readonly byte[] OtherPsk = Encoding.ASCII.GetBytes("nanoMikey SIP keying other PSK 2");
        public static readonly byte[] Alice = Id("sip:alice@example.com");
        public static readonly byte[] Bob = Id("sip:bob@example.com");
        public static readonly byte[] Dave = Id("sip:dave@example.com");
        public static readonly byte[] Carol = Id("sip:carol@example.com");

        public static byte[] Id(string s) => Encoding.ASCII.GetBytes(s);

        public static HmacDrbg Drbg(string seed) =>
            new(SHA256.HashData(Encoding.ASCII.GetBytes("nanoMikey SIP keying test DRBG: " + seed)), new byte[16], null, 1 << 16);

        public static byte[] Cert(string name) => File.ReadAllBytes(TestData.VectorPath("mikey-ecc", name + ".der"));

        public static EccCredentials Credentials(string key, byte[] identity, params string[] chain)
        {
            var c = new EccCredentials();
            Assert.True(c.Key.TryImport(SHA256.HashData(Encoding.ASCII.GetBytes("nanoMikey ECC test key: " + key)), 0));
            c.SetIdentity(IdType.Uri, identity, 0, identity.Length);
            foreach (string name in chain)
            {
                byte[] der = Cert(name);
                c.AddCertificate(der, 0, der.Length);
            }

            return c;
        }

        public static EccPeerTrust TrustCa()
        {
            var t = new EccPeerTrust();
            byte[] ca = Cert("ca");
            Assert.Equal(NanoMikey.X509.Asn1.Asn1Status.Ok, t.AddTrustAnchor(ca, 0, ca.Length));
            return t;
        }

        public static SrtpPolicy Policy() => SrtpPolicy.AesCm128HmacSha1_80();

        /// <summary>The caller: a PSK offerer and an ECDH-SIGN offerer, and a policy listing <paramref name="allowed"/>.</summary>
        public static SipMikeyOffer Caller(SipTestClock clock, SipAnswerPolicy policy, int maxForks = SipMikeyOffer.DefaultMaxForks, string seed = "alice") =>
            Caller(clock, policy, out _, out _, maxForks, seed);

        /// <summary>As <see cref="Caller(SipTestClock, SipAnswerPolicy, int, string)"/>, handing out the offerers.</summary>
        public static SipMikeyOffer Caller(SipTestClock clock, SipAnswerPolicy policy, out PskOfferer psk, out EccOfferer ecdh,
            int maxForks = SipMikeyOffer.DefaultMaxForks, string seed = "alice")
        {
            var aes = new HostAesEngineFactory();
            psk = new PskOfferer(new PskInitiator(aes, Drbg(seed + "/psk"), clock));
            ecdh = new EccOfferer(new EcdhSignInitiator(Drbg(seed + "/ecdh"), clock, Credentials("alice", Alice, "alice"), TrustCa()));
            return new SipMikeyOffer(Drbg(seed + "/ssrc"), psk, ecdh, policy, Alice, maxForks);
        }

        public static SipAnswerPolicy Allow(params byte[][] ids)
        {
            var p = new SipAnswerPolicy();
            foreach (byte[] id in ids) p.Allow(id, 0, id.Length);
            return p;
        }

        /// <summary>A PSK target (the AOR the door station dials).</summary>
        public static SipMikeyTarget PskTarget(byte[]? key = null, string uri = "sip:flat7@example.com")
        {
            var t = new SipMikeyTarget(uri);
            key ??= Psk;
            t.SetPreSharedKey(key, 0, key.Length);
            return t;
        }

        /// <summary>An indoor unit answering PSK offers with its own SSRC and identity, its own replay cache.</summary>
        public static SipMikeyAnswerer PskDevice(SipTestClock clock, uint ssrc, byte[]? identity = null, byte[]? key = null, ReplayCache? cache = null)
        {
            var r = new PskResponder(new HostAesEngineFactory(), clock, cache ?? new ReplayCache(16, clock, new FreshnessPolicy()));
            key ??= Psk;
            r.SetPreSharedKey(key, 0, key.Length);
            if (identity != null) r.SetIdentity(IdType.Uri, identity, 0, identity.Length);
            var a = new SipMikeyAnswerer();
            a.Accept(MikeyMode.Psk, r);
            a.SetOwnStream(ssrc);
            return a;
        }

        /// <summary>An indoor unit answering ECDH-SIGN offers with certificate <paramref name="chain"/>.</summary>
        public static SipMikeyAnswerer EcdhDevice(SipTestClock clock, string key, byte[] identity, params string[] chain)
        {
            var r = new EcdhSignResponder(Drbg(key + "/r"), clock, new ReplayCache(16, clock, new FreshnessPolicy()), Credentials(key, identity, chain), TrustCa());
            var a = new SipMikeyAnswerer();
            a.Accept(MikeyMode.EcdhSign, r);
            return a;
        }

        /// <summary>SRTP both ways between the caller's fork bundle and the answerer's bundle (CS 1 caller to answerer, CS 2 back).</summary>
        public static void AssertSrtpBothWays(CryptoSessionBundle caller, CryptoSessionBundle callee)
        {
            Assert.Equal(2, caller.Count);
            Assert.Equal(2, callee.Count);
            OneWay(caller.Get(0), callee.Get(0));
            OneWay(callee.Get(1), caller.Get(1));
        }

        /// <summary>True when a packet protected with <paramref name="sender"/> unprotects with <paramref name="receiver"/>.</summary>
        public static bool Interoperate(CryptoSession sender, CryptoSession receiver)
        {
            var aes = new HostAesEngineFactory();
            SrtpCryptoContext tx = sender.CreateSrtpContext(SrtpDirection.Outbound, aes, SrtpMinimumPolicy.Strict);
            SrtpCryptoContext rx = receiver.CreateSrtpContext(SrtpDirection.Inbound, aes, SrtpMinimumPolicy.Strict);
            byte[] p = new byte[256];
            int n = Rtp(p, 7, sender.Ssrc);
            Assert.Equal(SrtpStatus.Ok, tx.Protect(p, 0, ref n, p.Length));
            return rx.Unprotect(p, 0, ref n) == SrtpStatus.Ok && n == 172 && p[100] == 100;
        }

        private static void OneWay(CryptoSession sender, CryptoSession receiver)
        {
            Assert.Equal(sender.Ssrc, receiver.Ssrc);
            Assert.NotEqual(0u, sender.Ssrc);
            Assert.True(Interoperate(sender, receiver));
        }

        /// <summary>A 172-byte RTP packet (V=2, PT 0) with a counting payload.</summary>
        public static int Rtp(byte[] buf, int seq, uint ssrc)
        {
            Array.Clear(buf, 0, 12);
            buf[0] = 0x80;
            buf[2] = (byte)(seq >> 8);
            buf[3] = (byte)seq;
            for (int i = 0; i < 4; i++) buf[11 - i] = (byte)(ssrc >> (8 * i));
            for (int i = 12; i < 172; i++) buf[i] = (byte)i;
            return 172;
        }

        public static bool AllZero(byte[] b) => b.All(x => x == 0);
    }
}
