using System.Text;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Mikey.Ecc;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Rsa;
using NanoMikey.Mikey.Time;
using NanoMikey.Srtp.Policy;
using NanoMikey.X509.Asn1;

namespace NanoMikey.Fuzz.Targets
{
    /// <summary>
    /// The MIKEY responder of one mode (PSK RFC 3830 §3.1, PK §3.2, DH-SIGN §3.3, DHHMAC RFC 4650, RSA-R RFC 4738, and the
    /// ECC profile's ECDH-SIGN, ECIES, ECMQV) fed an I_MESSAGE. The genuine offer of a fixed initiator is the seed. Contract:
    /// Respond never throws and returns a defined status; it yields keys (Ok) only for the genuine offer byte for byte, never
    /// for a mutated one; after a rejection the bundle is as before and the genuine offer is still accepted (probed every
    /// <see cref="ProbeInterval"/> inputs, and after every input in the replay tests); nothing is written outside the answer
    /// buffer, and the offer's bytes are not written.
    /// </summary>
    public sealed class ResponderTarget : FuzzTarget
    {
        /// <summary>The modes, as target names "responder-MODE".</summary>
        public static readonly string[] Modes = { "psk", "pk", "dhsign", "dhhmac", "rsar", "ecdhsign", "ecies", "ecmqv" };

        /// <summary>Inputs between two probes with the genuine offer while fuzzing.</summary>
        public const int ProbeInterval = 256;

        private const int AnswerCapacity = 8192;
        private static readonly byte[] Alice = Encoding.ASCII.GetBytes("sip:alice@example.com");
        private static readonly byte[] Bob = Encoding.ASCII.GetBytes("sip:bob@example.com");
        private static readonly byte[] Psk = System.Security.Cryptography.SHA256.HashData(Encoding.ASCII.GetBytes("nanoMikey fuzz PSK"));

        private readonly string _mode;
        private readonly SoftwareAesFactory _aes = new SoftwareAesFactory();
        private readonly FixedClock _clock = new FixedClock();
        private readonly byte[] _genuine;
        private readonly byte[] _answer = GuardedOutput(AnswerCapacity);
        private RsaCredentials? _bobRsa;
        private EccCredentials? _bobEcc;
        private MikeyResponder _responder;
        private int _sinceProbe;
        private int _responders;

        /// <summary>Creates the target of one mode: writes the genuine offer and a responder for it.</summary>
        public ResponderTarget(string mode)
        {
            _mode = mode;
            _genuine = WriteOffer();
            _responder = NewResponder();
            if (!Probe()) throw new InvalidOperationException("fixture: the " + mode + " responder refuses the genuine offer: " + _responder.ErrorCode);
        }

        /// <summary>Probe after every input (the replay tests), not only every <see cref="ProbeInterval"/>.</summary>
        public bool ProbeAlways { get; set; }

        /// <inheritdoc />
        public override string Name => "responder-" + _mode;

        /// <summary>The genuine offer (the seed corpus).</summary>
        public byte[] Genuine => _genuine;

        /// <inheritdoc />
        protected override int TimeLimitMilliseconds => 20000;

        /// <inheritdoc />
        protected override void Check(byte[] input)
        {
            bool genuine = input.AsSpan().SequenceEqual(_genuine);
            byte[] b = Guarded(input);
            int before = _responder.Bundle.Count;
            MikeyExchangeStatus s = _responder.Respond(b, Guard, input.Length, _answer, Guard, AnswerCapacity);
            RequireDefined(s);
            RequireUnchanged(b, input, "Respond (offer)");
            RequireGuards(_answer, AnswerCapacity, "Respond (answer)");
            Require(_responder.AnswerLength >= 0 && _responder.AnswerLength <= AnswerCapacity, "answer length " + _responder.AnswerLength);
            if (s == MikeyExchangeStatus.Ok)
            {
                Require(genuine, "a mutated I_MESSAGE yielded keys");
                _responder = NewResponder();
                return;
            }

            Require(_responder.Bundle.Count == before, "the bundle changed on a rejection (" + s + ")");
            if (ProbeAlways || ++_sinceProbe >= ProbeInterval)
            {
                _sinceProbe = 0;
                Require(Probe(), "after a rejection the genuine offer is refused (" + _responder.ErrorCode + "): a rejected input changed the responder's state");
            }
        }

        // The genuine offer on the current responder must be accepted; then a fresh responder (its replay cache now holds it).
        private bool Probe()
        {
            byte[] answer = new byte[AnswerCapacity];
            byte[] offer = (byte[])_genuine.Clone();
            MikeyExchangeStatus s = _responder.Respond(offer, 0, offer.Length, answer, 0, answer.Length);
            bool ok = s == MikeyExchangeStatus.Ok && _responder.Bundle.Count > 0;
            _responder = NewResponder();
            return ok;
        }

        private ReplayCache Cache() => new ReplayCache(16, _clock, new FreshnessPolicy());

        private static RsaCredentials Rsa(string name, byte[] identity)
        {
            var c = new RsaCredentials(2048);
            var (p, q, e) = Fixtures.RsaKey(name);
            if (!c.Key.TryImportPrimes(p, 0, p.Length, q, 0, q.Length, e, 0, e.Length)) throw new InvalidOperationException("fixture key " + name);
            c.SetIdentity(IdType.Uri, identity, 0, identity.Length);
            byte[] der = Fixtures.Vector("mikey-rsa", "pk-" + name + ".der");
            c.AddCertificate(der, 0, der.Length);
            return c;
        }

        private static RsaPeerTrust RsaTrust()
        {
            var t = new RsaPeerTrust(2048);
            byte[] ca = Fixtures.Vector("mikey-ecc", "ca.der");
            if (t.AddTrustAnchor(ca, 0, ca.Length) != Asn1Status.Ok) throw new InvalidOperationException("fixture CA");
            return t;
        }

        private static EccCredentials Ecc(string name, byte[] identity)
        {
            var c = new EccCredentials();
            if (!c.Key.TryImport(Fixtures.EccScalar(name), 0)) throw new InvalidOperationException("fixture key " + name);
            c.SetIdentity(IdType.Uri, identity, 0, identity.Length);
            byte[] der = Fixtures.Vector("mikey-ecc", name + ".der");
            c.AddCertificate(der, 0, der.Length);
            return c;
        }

        private static EccPeerTrust EccTrust()
        {
            var t = new EccPeerTrust();
            byte[] ca = Fixtures.Vector("mikey-ecc", "ca.der");
            if (t.AddTrustAnchor(ca, 0, ca.Length) != Asn1Status.Ok) throw new InvalidOperationException("fixture CA");
            return t;
        }

        private byte[] WriteOffer()
        {
            byte[] buf = new byte[AnswerCapacity];
            string seed = "fuzz/" + _mode + "/i";
            MikeyExchangeStatus s;
            int n;
            SrtpPolicy policy = SrtpPolicy.AesCm128HmacSha1_80();
            switch (_mode)
            {
                case "psk":
                {
                    var i = new PskInitiator(_aes, Fixtures.Drbg(seed), _clock);
                    i.SetPreSharedKey(Psk, 0, Psk.Length);
                    i.SetIdentities(IdType.Uri, Alice, Alice.Length, Bob, Bob.Length);
                    i.RequestVerification = true;
                    i.AddCryptoSession(0x11111111, 0, policy);
                    s = i.WriteOffer(buf, 0, buf.Length);
                    n = i.OfferLength;
                    break;
                }

                case "dhhmac":
                {
                    var i = new DhHmacInitiator(Fixtures.Drbg(seed), _clock);
                    i.SetPreSharedKey(Psk, 0, Psk.Length);
                    i.SetIdentities(IdType.Uri, Alice, Alice.Length, Bob, Bob.Length);
                    i.AddCryptoSession(0x11111111, 0, policy);
                    s = i.WriteOffer(buf, 0, buf.Length);
                    n = i.OfferLength;
                    break;
                }

                case "pk":
                case "dhsign":
                case "rsar":
                {
                    RsaCredentials alice = Rsa("alice", Alice);
                    RsaInitiator i;
                    if (_mode == "pk")
                    {
                        var pk = new PkInitiator(_aes, Fixtures.Drbg(seed), _clock, alice, RsaTrust());
                        byte[] bobCert = Fixtures.Vector("mikey-rsa", "pk-bob.der");
                        if (pk.SetResponderCertificate(bobCert, 0, bobCert.Length) != MikeyExchangeStatus.Ok) throw new InvalidOperationException("fixture bob");
                        i = pk;
                    }
                    else if (_mode == "dhsign")
                    {
                        i = new DhSignInitiator(Fixtures.Drbg(seed), _clock, alice, RsaTrust());
                    }
                    else
                    {
                        i = new RsaRInitiator(_aes, Fixtures.Drbg(seed), _clock, alice, RsaTrust());
                    }

                    i.SetResponderIdentity(IdType.Uri, Bob, 0, Bob.Length);
                    i.AddCryptoSession(0x11111111, 0, policy);
                    s = i.WriteOffer(buf, 0, buf.Length);
                    n = i.OfferLength;
                    break;
                }

                default:
                {
                    EccCredentials alice = Ecc("alice", Alice);
                    EccInitiator i = _mode == "ecdhsign" ? new EcdhSignInitiator(Fixtures.Drbg(seed), _clock, alice, EccTrust())
                        : _mode == "ecies" ? new EciesInitiator(_aes, Fixtures.Drbg(seed), _clock, alice, EccTrust())
                        : _mode == "ecmqv" ? new EcmqvInitiator(_aes, Fixtures.Drbg(seed), _clock, alice, EccTrust())
                        : throw new ArgumentException("unknown mode " + _mode);
                    i.SetResponderIdentity(IdType.Uri, Bob, 0, Bob.Length);
                    if (i is EccStaticKeyInitiator sk)
                    {
                        byte[] bobCert = Fixtures.Vector("mikey-ecc", "bob.der");
                        if (sk.SetResponderCertificate(bobCert, 0, bobCert.Length) != MikeyExchangeStatus.Ok) throw new InvalidOperationException("fixture bob");
                    }

                    i.AddCryptoSession(0x11111111, 0, policy);
                    s = i.WriteOffer(buf, 0, buf.Length);
                    n = i.OfferLength;
                    break;
                }
            }

            if (s != MikeyExchangeStatus.Ok) throw new InvalidOperationException("fixture: the " + _mode + " initiator wrote no offer: " + s);
            return buf.AsSpan(0, n).ToArray();
        }

        private MikeyResponder NewResponder()
        {
            _responders++;
            string seed = "fuzz/" + _mode + "/r" + _responders;
            switch (_mode)
            {
                case "psk":
                {
                    var r = new PskResponder(_aes, _clock, Cache());
                    r.SetPreSharedKey(Psk, 0, Psk.Length);
                    r.SetIdentity(IdType.Uri, Bob, 0, Bob.Length);
                    return r;
                }

                case "dhhmac":
                {
                    var r = new DhHmacResponder(Fixtures.Drbg(seed), _clock, Cache());
                    r.SetPreSharedKey(Psk, 0, Psk.Length);
                    r.SetIdentity(IdType.Uri, Bob, 0, Bob.Length);
                    return r;
                }

                case "pk":
                    return new PkResponder(_aes, _clock, Cache(), _bobRsa ??= Rsa("bob", Bob), RsaTrust());
                case "dhsign":
                    return new DhSignResponder(Fixtures.Drbg(seed), _clock, Cache(), _bobRsa ??= Rsa("bob", Bob), RsaTrust());
                case "rsar":
                    return new RsaRResponder(_aes, Fixtures.Drbg(seed), _clock, Cache(), _bobRsa ??= Rsa("bob", Bob), RsaTrust());
                case "ecdhsign":
                    return new EcdhSignResponder(Fixtures.Drbg(seed), _clock, Cache(), _bobEcc ??= Ecc("bob", Bob), EccTrust());
                case "ecies":
                    return new EciesResponder(_aes, _clock, Cache(), _bobEcc ??= Ecc("bob", Bob), EccTrust());
                default:
                    return new EcmqvResponder(_aes, _clock, Cache(), _bobEcc ??= Ecc("bob", Bob), EccTrust());
            }
        }
    }
}
