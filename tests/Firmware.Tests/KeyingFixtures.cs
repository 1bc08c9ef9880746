using System.Security.Cryptography;
using System.Text;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Hal;
using NanoMikey.Crypto.Random;
using NanoMikey.Firmware.Keying;
using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Ecc.Offers;
using NanoMikey.Mikey.Ecc;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Net.Sockets;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Firmware.Tests
{
    /// <summary>A settable MIKEY clock (NTP time; the transport's own time is the monotonic tick the tests pass to Run).</summary>
    internal sealed class KeyingClock : IMikeyClock
    {
        public ulong NtpNow { get; set; }
        public uint OffsetBoundSeconds { get; set; }
    }

    /// <summary>
    /// Two devices on 127.0.0.1: Alice's initiator task and Bob's responder task over real UDP sockets, optionally through a
    /// <see cref="KeyingRelay"/> that can lose, duplicate, record and inject datagrams; the monotonic tick is fake.
    /// </summary>
    internal sealed class KeyingPair : IDisposable
    {
        /// <summary>2022-08-20, inside every tests/vectors/mikey-ecc certificate's validity but the expired one's.</summary>
        public const ulong T = 0xe6a9c0d800000000;

        public static readonly byte[] Psk = Encoding.ASCII.GetBytes("nanoMikey keying test PSK");
        public static readonly byte[] Alice = Encoding.ASCII.GetBytes("sip:alice@example.com");
        public static readonly byte[] Bob = Encoding.ASCII.GetBytes("sip:bob@example.com");

        public readonly KeyingClock Clock = new() { NtpNow = T };
        public readonly HostDatagramSocket InitiatorSocket = new();
        public readonly HostDatagramSocket ResponderSocket = new();
        public readonly MikeyUdpInitiator Initiator;
        public readonly MikeyUdpResponder Responder;
        public readonly ReplayCache ReplayCache;
        public KeyingRelay? Relay;
        public IMikeyOfferer Offerer = null!;
        public long Now;

        public KeyingPair(int cacheEntries = 4)
        {
            Assert.Equal(DatagramStatus.Ok, InitiatorSocket.Bind(IPv4.Loopback, 0));
            Assert.Equal(DatagramStatus.Ok, ResponderSocket.Bind(IPv4.Loopback, 0));
            Initiator = new MikeyUdpInitiator(InitiatorSocket, 2048);
            Responder = new MikeyUdpResponder(ResponderSocket, Clock, 2048, cacheEntries);
            ReplayCache = new ReplayCache(256, Clock, new FreshnessPolicy());
        }

        public static SrtpPolicy Policy { get; } = SrtpPolicy.AesCm128HmacSha1_80();

        public static HmacDrbg Drbg(string seed) =>
            new(SHA256.HashData(Encoding.ASCII.GetBytes("nanoMikey keying test DRBG: " + seed)), new byte[16], null, 1 << 16);

        /// <summary>Bob accepts PSK (and Alice offers it, asking for the verification message).</summary>
        public KeyingPair WithPsk(byte[]? alicePsk = null, bool softwareAes = false, bool responderAccepts = true, string seed = "psk/i")
        {
            IAesEngineFactory aes = softwareAes ? new SoftwareAesFactory() : new HostAesEngineFactory();
            var i = new PskInitiator(aes, Drbg(seed), Clock) { RequestVerification = true };
            byte[] key = alicePsk ?? Psk;
            i.SetPreSharedKey(key, 0, key.Length);
            i.SetIdentities(IdType.Uri, Alice, Alice.Length, Bob, Bob.Length);
            Offerer = new PskOfferer(i);
            if (responderAccepts)
            {
                var r = new PskResponder(aes, Clock, ReplayCache);
                r.SetPreSharedKey(Psk, 0, Psk.Length);
                Responder.Accept(MikeyMode.Psk, r);
            }
            Offerer.AddCryptoSession(0x11111111, 0, Policy);
            return this;
        }

        /// <summary>Bob accepts ECC mode <paramref name="mode"/>; Alice offers it with the certificate chain given.</summary>
        public KeyingPair WithEcc(MikeyMode mode, string aliceCertificate = "alice", bool responderAccepts = true)
        {
            var aes = new HostAesEngineFactory();
            EccCredentials alice = Credentials("alice", Alice, aliceCertificate);
            EccCredentials bob = Credentials("bob", Bob, "bob");
            EccInitiator i;
            MikeyResponder r;
            switch (mode)
            {
                case MikeyMode.EcdhSign:
                    i = new EcdhSignInitiator(Drbg("ecdh/i"), Clock, alice, TrustCa());
                    r = new EcdhSignResponder(Drbg("ecdh/r"), Clock, ReplayCache, bob, TrustCa());
                    break;
                case MikeyMode.Ecies:
                    i = new EciesInitiator(aes, Drbg("ecies/i"), Clock, alice, TrustCa());
                    r = new EciesResponder(aes, Clock, ReplayCache, bob, TrustCa());
                    break;
                default:
                    i = new EcmqvInitiator(aes, Drbg("ecmqv/i"), Clock, alice, TrustCa());
                    r = new EcmqvResponder(aes, Clock, ReplayCache, bob, TrustCa());
                    break;
            }

            i.SetResponderIdentity(IdType.Uri, Bob, 0, Bob.Length);
            if (i is EccStaticKeyInitiator s)
            {
                byte[] bobCert = Cert("bob");
                Assert.Equal(MikeyExchangeStatus.Ok, s.SetResponderCertificate(bobCert, 0, bobCert.Length));
                s.RequestVerification = true; // over UDP: an answer to wait for (MikeyUdpInitiator remarks)
            }

            Offerer = new EccOfferer(i);
            if (responderAccepts) Responder.Accept(mode, r);
            Offerer.AddCryptoSession(0x11111111, 0, Policy);
            return this;
        }

        public static byte[] Cert(string name) => File.ReadAllBytes(TestData.VectorPath("mikey-ecc", name + ".der"));

        /// <summary>Key "name" is SHA-256("nanoMikey ECC test key: " + name) (tests/vectors/SOURCE.md, mikey-ecc).</summary>
        public static EccCredentials Credentials(string key, byte[] identity, string certificate)
        {
            var c = new EccCredentials();
            Assert.True(c.Key.TryImport(SHA256.HashData(Encoding.ASCII.GetBytes("nanoMikey ECC test key: " + key)), 0));
            c.SetIdentity(IdType.Uri, identity, 0, identity.Length);
            byte[] der = Cert(certificate);
            c.AddCertificate(der, 0, der.Length);
            return c;
        }

        public static EccPeerTrust TrustCa()
        {
            var t = new EccPeerTrust();
            byte[] ca = Cert("ca");
            Assert.Equal(NanoMikey.X509.Asn1.Asn1Status.Ok, t.AddTrustAnchor(ca, 0, ca.Length));
            return t;
        }

        /// <summary>Puts a relay between the two (Alice talks to the relay; the relay talks to Bob from its own port).</summary>
        public KeyingRelay UseRelay()
        {
            Relay = new KeyingRelay(ResponderSocket.LocalPort);
            return Relay;
        }

        public int PeerPort => Relay?.Port ?? ResponderSocket.LocalPort;

        /// <summary>Starts Alice's exchange at the current tick.</summary>
        public MikeyExchangeStatus Start() => Initiator.Start(Offerer, IPv4.Loopback, PeerPort, Now);

        /// <summary>
        /// Runs both tasks (and the relay) until Alice's exchange has ended and no datagram is in flight: the tick stands still
        /// while datagrams move and jumps to the initiator's next due time when the network is quiet.
        /// </summary>
        public void Drive(long limitMicros = 120_000_000)
        {
            for (int step = 0; step < 10_000; step++)
            {
                Initiator.Run(Now);
                Relay?.Pump();
                Responder.Run(Now);
                Relay?.Pump();
                Initiator.Run(Now);
                if (InFlight()) continue;
                if (Initiator.State != MikeyUdpExchangeState.Waiting) return;
                long next = Initiator.NextDueMicros;
                if (next > limitMicros) throw new TimeoutException("exchange still waiting at the limit");
                if (next > Now) Now = next;
            }
            throw new InvalidOperationException("no progress");
        }

        /// <summary>Runs the responder (and relay) until the network is quiet, the tick unchanged.</summary>
        public void Settle()
        {
            for (int step = 0; step < 1000; step++)
            {
                Relay?.Pump();
                Responder.Run(Now);
                Relay?.Pump();
                Initiator.Run(Now);
                if (!InFlight()) return;
            }
        }

        private bool InFlight() =>
            InitiatorSocket.Poll(0) || ResponderSocket.Poll(0) || (Relay != null && Relay.Socket.Poll(0))
            // Nothing waiting: give loopback delivery (softirq, maybe deferred on a busy machine) a moment before the tick moves.
            || InitiatorSocket.Poll(20_000) || ResponderSocket.Poll(20_000) || (Relay != null && Relay.Socket.Poll(20_000));

        public static byte[] MasterKey(CryptoSessionBundle b) { var k = b.Get(0).GetMasterKey(0); return k.Key.AsSpan(0, k.KeyLength).ToArray(); }

        public static byte[] MasterSalt(CryptoSessionBundle b) { var k = b.Get(0).GetMasterKey(0); return k.Salt.AsSpan(0, k.SaltLength).ToArray(); }

        public void Dispose()
        {
            InitiatorSocket.Dispose();
            ResponderSocket.Dispose();
            Relay?.Dispose();
        }
    }

    /// <summary>
    /// A UDP relay on 127.0.0.1 between an initiator and the responder's port: forwards both ways, and can drop, duplicate,
    /// record and inject datagrams (the lossy or hostile network of the tests).
    /// </summary>
    internal sealed class KeyingRelay : IDisposable
    {
        private readonly int _responderPort;
        private readonly byte[] _buffer = new byte[65536];
        private int _initiatorPort;

        public readonly HostDatagramSocket Socket = new();
        public readonly List<byte[]> FromInitiator = new();
        public readonly List<byte[]> FromResponder = new();

        /// <summary>Datagrams from the initiator still to drop.</summary>
        public int DropFromInitiator;

        /// <summary>Datagrams from the responder still to drop.</summary>
        public int DropFromResponder;

        /// <summary>Datagrams from the initiator still to forward twice.</summary>
        public int DuplicateFromInitiator;

        /// <summary>Forward nothing at all.</summary>
        public bool DropAll;

        /// <summary>Called with each answer before it is forwarded (to inject something ahead of it).</summary>
        public Action<byte[]>? BeforeAnswer;

        public KeyingRelay(int responderPort)
        {
            _responderPort = responderPort;
            Assert.Equal(DatagramStatus.Ok, Socket.Bind(IPv4.Loopback, 0));
        }

        public int Port => Socket.LocalPort;

        public void Pump()
        {
            while (true)
            {
                DatagramStatus s = Socket.ReceiveFrom(_buffer, 0, _buffer.Length, out int n, out uint address, out int port);
                if (s != DatagramStatus.Ok) return;
                byte[] d = _buffer.AsSpan(0, n).ToArray();
                if (port == _responderPort)
                {
                    FromResponder.Add(d);
                    if (DropAll) continue;
                    if (DropFromResponder > 0) { DropFromResponder--; continue; }
                    BeforeAnswer?.Invoke(d);
                    ToInitiator(d);
                }
                else
                {
                    _initiatorPort = port;
                    FromInitiator.Add(d);
                    if (DropAll) continue;
                    if (DropFromInitiator > 0) { DropFromInitiator--; continue; }
                    ToResponder(d);
                    if (DuplicateFromInitiator > 0) { DuplicateFromInitiator--; ToResponder(d); }
                }
            }
        }

        public void ToResponder(byte[] d) => Assert.Equal(DatagramStatus.Ok, Socket.SendTo(d, 0, d.Length, IPv4.Loopback, _responderPort));

        public void ToInitiator(byte[] d) => Assert.Equal(DatagramStatus.Ok, Socket.SendTo(d, 0, d.Length, IPv4.Loopback, _initiatorPort));

        public void Dispose() => Socket.Dispose();
    }
}
