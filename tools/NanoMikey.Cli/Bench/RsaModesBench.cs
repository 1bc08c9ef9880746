using System;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NanoMikey.BigNum;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Hal;
using NanoMikey.Crypto.Hash;
using NanoMikey.Crypto.Random;
using NanoMikey.Ecc;
using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Rsa;
using NanoMikey.Mikey.Time;
using NanoMikey.Rsa;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Cli.Bench
{
    /// <summary>
    /// Complete exchanges of the RSA and MODP modes (PK, RSA-R, DH-SIGN over OAKLEY 5, DHHMAC over OAKLEY 5 and over P-256),
    /// both sides, RSA-2048 keys with certificate chains validated where the mode signs, next to the same public-key work
    /// done by .NET (RSA, BigInteger.ModPow for the MODP exponentiations). Certificates are made at start with .NET's
    /// CertificateRequest: an RSA CA and two end entities.
    /// </summary>
    public sealed class RsaModesBench
    {
        /// <summary>The modes this bench runs, in table order.</summary>
        public static readonly string[] Modes = { "PK", "RSA-R", "DH-SIGN OAKLEY 5", "DHHMAC OAKLEY 5", "DHHMAC P-256" };

        private sealed class BenchClock : IMikeyClock
        {
            public ulong NtpNow { get; set; }
            public uint OffsetBoundSeconds => 1;
        }

        private static readonly byte[] Alice = System.Text.Encoding.ASCII.GetBytes("sip:alice@example.com");
        private static readonly byte[] Bob = System.Text.Encoding.ASCII.GetBytes("sip:bob@example.com");

        private readonly BenchClock _clock = new BenchClock();
        private readonly string _mode;
        private readonly RsaInitiator? _rsaInitiator;
        private readonly DhHmacInitiator? _hmacInitiator;
        private readonly MikeyResponder _responder;
        private readonly byte[] _offer = new byte[4096];
        private readonly byte[] _answer = new byte[4096];
        private readonly RSA _caKey, _aliceKey, _bobKey;
        private readonly byte[] _aliceTbsHash, _bobTbsHash, _aliceCertSig, _bobCertSig;
        private readonly byte[] _hash = new byte[32];
        private readonly byte[] _envelope = new byte[16];
        private long _sink;

        /// <summary>Creates the two parties of <paramref name="mode"/> (one of <see cref="Modes"/>).</summary>
        public RsaModesBench(string mode)
        {
            _mode = mode;
            DateTimeOffset now = DateTimeOffset.UtcNow;
            _clock.NtpNow = (ulong)(now.ToUnixTimeSeconds() + 2208988800L) << 32;
            _caKey = RSA.Create(2048);
            _aliceKey = RSA.Create(2048);
            _bobKey = RSA.Create(2048);
            var caReq = new CertificateRequest("CN=bench RSA CA", _caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            caReq.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            caReq.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
            using X509Certificate2 ca = caReq.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
            byte[] aliceCert = Issue(ca, "CN=Alice", _aliceKey, "sip:alice@example.com", 1, now);
            byte[] bobCert = Issue(ca, "CN=Bob", _bobKey, "sip:bob@example.com", 2, now);
            _aliceTbsHash = SHA256.HashData(aliceCert);
            _bobTbsHash = SHA256.HashData(bobCert);
            _aliceCertSig = _caKey.SignHash(_aliceTbsHash, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            _bobCertSig = _caKey.SignHash(_bobTbsHash, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

            // The device's software AES: the host engine allocates per key (.NET's Aes objects), the device path does not.
            IAesEngineFactory aes = new SoftwareAesFactory();
            var cache = new ReplayCache(256, _clock, new FreshnessPolicy { BaseSkewSeconds = 1 });
            RsaCredentials alice = Credentials(_aliceKey, Alice, aliceCert), bob = Credentials(_bobKey, Bob, bobCert);
            switch (mode)
            {
                case "PK":
                    var pk = new PkInitiator(aes, Drbg(), _clock, alice, Trust(ca.RawData));
                    pk.RequestVerification = true;
                    Check(pk.SetResponderCertificate(bobCert, 0, bobCert.Length));
                    _rsaInitiator = pk;
                    _responder = new PkResponder(aes, _clock, cache, bob, Trust(ca.RawData));
                    break;
                case "RSA-R":
                    _rsaInitiator = new RsaRInitiator(aes, Drbg(), _clock, alice, Trust(ca.RawData));
                    _responder = new RsaRResponder(aes, Drbg(), _clock, cache, bob, Trust(ca.RawData));
                    break;
                case "DH-SIGN OAKLEY 5":
                    _rsaInitiator = new DhSignInitiator(Drbg(), _clock, alice, Trust(ca.RawData)) { Group = DhGroup.Oakley5 };
                    _responder = new DhSignResponder(Drbg(), _clock, cache, bob, Trust(ca.RawData));
                    break;
                case "DHHMAC OAKLEY 5":
                case "DHHMAC P-256":
                    byte[] psk = new byte[20];
                    _hmacInitiator = new DhHmacInitiator(Drbg(), _clock) { Group = mode == "DHHMAC P-256" ? DhHmacGroup.P256 : DhHmacGroup.Oakley5 };
                    _hmacInitiator.SetPreSharedKey(psk, 0, psk.Length);
                    _hmacInitiator.SetIdentities(IdType.Uri, Alice, Alice.Length, Bob, Bob.Length);
                    _hmacInitiator.AddCryptoSession(0x01020304, 0, SrtpPolicy.AesCm128HmacSha1_80());
                    var r = new DhHmacResponder(Drbg(), _clock, cache);
                    r.SetPreSharedKey(psk, 0, psk.Length);
                    r.SetIdentity(IdType.Uri, Bob, 0, Bob.Length);
                    _responder = r;
                    break;
                default:
                    throw new ArgumentException("unknown mode " + mode);
            }

            if (_rsaInitiator != null)
            {
                _rsaInitiator.SetResponderIdentity(IdType.Uri, Bob, 0, Bob.Length);
                _rsaInitiator.AddCryptoSession(0x01020304, 0, SrtpPolicy.AesCm128HmacSha1_80());
            }

            Exchange();
        }

        /// <summary>The mode's name (one of <see cref="Modes"/>).</summary>
        public string Mode => _mode;

        /// <summary>Keeps results observable.</summary>
        public long Sink => _sink;

        /// <summary>Offer bytes on the wire.</summary>
        public int OfferBytes { get; private set; }

        /// <summary>Answer bytes on the wire.</summary>
        public int AnswerBytes { get; private set; }

        /// <summary>What <see cref="DotNetLoop"/> does, for the table.</summary>
        public string DotNetWork => _mode switch
        {
            "PK" => ".NET RSA-2048: encrypt + decrypt envelope, sign + verify SIGNi, 2 certificate verifies",
            "RSA-R" => ".NET RSA-2048: encrypt + decrypt TGK envelope, 2 signs + 2 verifies, 4 certificate verifies",
            "DH-SIGN OAKLEY 5" => ".NET RSA-2048 2 signs + 2 verifies + 4 certificate verifies; BigInteger.ModPow 4× OAKLEY 5 (256-bit exponents)",
            "DHHMAC OAKLEY 5" => "BigInteger.ModPow 4× OAKLEY 5 (256-bit exponents); the HMACs are not counted",
            _ => ".NET ECDiffieHellman P-256: 2 key pairs + 2 agreements; the HMACs are not counted",
        };

        /// <summary>Runs complete exchanges.</summary>
        public void ExchangeLoop(int iterations)
        {
            for (int i = 0; i < iterations; i++) _sink += Exchange();
        }

        /// <summary>The public-key work of one exchange done by .NET (see <see cref="DotNetWork"/>).</summary>
        public void DotNetLoop(int iterations)
        {
            for (int i = 0; i < iterations; i++)
            {
                switch (_mode)
                {
                    case "PK":
                        Envelope(_bobKey);
                        SignVerify(_aliceKey);
                        CertificateVerifies(2);
                        break;
                    case "RSA-R":
                        Envelope(_aliceKey);
                        SignVerify(_aliceKey);
                        SignVerify(_bobKey);
                        CertificateVerifies(4);
                        break;
                    case "DH-SIGN OAKLEY 5":
                        SignVerify(_aliceKey);
                        SignVerify(_bobKey);
                        CertificateVerifies(4);
                        ModpExchange();
                        break;
                    case "DHHMAC OAKLEY 5":
                        ModpExchange();
                        break;
                    default:
                        using (var a = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256))
                        using (var b = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256))
                        using (ECDiffieHellmanPublicKey pa = a.PublicKey)
                        using (ECDiffieHellmanPublicKey pb = b.PublicKey)
                        {
                            _sink += a.DeriveRawSecretAgreement(pb)[0] + b.DeriveRawSecretAgreement(pa)[0];
                        }

                        break;
                }
            }
        }

        /// <summary>Counts one exchange per side: Montgomery products, their 32-bit limb multiplications, P-256 field operations, hash compressions.</summary>
        /// <returns>initiator products, limb products, field ops, compressions; then the responder's four.</returns>
        public long[] CountOneExchange()
        {
            var r = new long[8];
            Tick();
            Reset();
            Check(WriteOffer());
            long[] i = Counts();
            Reset();
            Check(_responder.Respond(_offer, 0, OfferLength, _answer, 0, _answer.Length));
            long[] s = Counts();
            Reset();
            Check(ReadAnswer());
            long[] j = Counts();
            for (int k = 0; k < 4; k++)
            {
                r[k] = i[k] + j[k];
                r[4 + k] = s[k];
            }

            return r;
        }

        private static long[] Counts() => new long[]
        {
            MontgomeryOperationCounter.Products, MontgomeryOperationCounter.LimbProducts,
            P256OperationCounter.Multiplications + P256OperationCounter.Squarings, HashCompressionCounter.Count,
        };

        private static void Reset()
        {
            MontgomeryOperationCounter.Reset();
            P256OperationCounter.Reset();
            HashCompressionCounter.Reset();
        }

        private int OfferLength => _rsaInitiator != null ? _rsaInitiator.OfferLength : _hmacInitiator!.OfferLength;

        private MikeyExchangeStatus WriteOffer() => _rsaInitiator != null ? _rsaInitiator.WriteOffer(_offer, 0, _offer.Length) : _hmacInitiator!.WriteOffer(_offer, 0, _offer.Length);

        private MikeyExchangeStatus ReadAnswer() => _rsaInitiator != null
            ? _rsaInitiator.ReadAnswer(_answer, 0, _responder.AnswerLength)
            : _hmacInitiator!.ReadAnswer(_answer, 0, _responder.AnswerLength);

        private int Exchange()
        {
            Tick();
            Check(WriteOffer());
            Check(_responder.Respond(_offer, 0, OfferLength, _answer, 0, _answer.Length));
            Check(ReadAnswer());
            OfferBytes = OfferLength;
            AnswerBytes = _responder.AnswerLength;
            return _answer[_responder.AnswerLength - 1];
        }

        private void Envelope(RSA key)
        {
            byte[] c = key.Encrypt(_envelope, RSAEncryptionPadding.Pkcs1);
            _sink += key.Decrypt(c, RSAEncryptionPadding.Pkcs1).Length;
        }

        private void SignVerify(RSA key)
        {
            SHA256.HashData(_offer.AsSpan(0, OfferBytes), _hash);
            byte[] sig = key.SignHash(_hash, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            if (!key.VerifyHash(_hash, sig, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)) throw new InvalidOperationException();
        }

        private void CertificateVerifies(int count)
        {
            for (int i = 0; i < count; i += 2)
            {
                if (!_caKey.VerifyHash(_aliceTbsHash, _aliceCertSig, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                    || !_caKey.VerifyHash(_bobTbsHash, _bobCertSig, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
                {
                    throw new InvalidOperationException();
                }
            }
        }

        // RFC 3526 §2: the 1536-bit MODP prime, generator 2.
        private static readonly BigInteger Oakley5 = BigInteger.Parse(
            "0FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B"
            + "302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE6"
            + "49286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D"
            + "670C354E4ABC9804F1746C08CA237327FFFFFFFFFFFFFFFF", System.Globalization.NumberStyles.HexNumber);

        private void ModpExchange()
        {
            var x = new BigInteger(RandomNumberGenerator.GetBytes(32), true, true);
            var y = new BigInteger(RandomNumberGenerator.GetBytes(32), true, true);
            BigInteger gx = BigInteger.ModPow(2, x, Oakley5), gy = BigInteger.ModPow(2, y, Oakley5);
            _sink += (long)(BigInteger.ModPow(gy, x, Oakley5) & 0xFF) + (long)(BigInteger.ModPow(gx, y, Oakley5) & 0xFF);
        }

        private void Tick()
        {
            _clock.NtpNow += 1UL << 26;
        }

        private static HmacDrbg Drbg() => new HmacDrbg(new HostEntropySource(), null);

        private byte[] Issue(X509Certificate2 ca, string subject, RSA key, string uri, byte serial, DateTimeOffset now)
        {
            var req = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            req.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
            var san = new SubjectAlternativeNameBuilder();
            san.AddUri(new Uri(uri));
            req.CertificateExtensions.Add(san.Build());
            using X509Certificate2 cert = req.Create(ca.SubjectName, X509SignatureGenerator.CreateForRSA(_caKey, RSASignaturePadding.Pkcs1),
                now.AddDays(-1), now.AddYears(1), new[] { (byte)0x10, serial });
            return cert.RawData;
        }

        private static RsaCredentials Credentials(RSA key, byte[] identity, byte[] cert)
        {
            var c = new RsaCredentials(2048);
            RSAParameters p = key.ExportParameters(true);
            if (!c.Key.TryImportPrimes(p.P!, 0, p.P!.Length, p.Q!, 0, p.Q!.Length, p.Exponent!, 0, p.Exponent!.Length))
            {
                throw new InvalidOperationException("key import");
            }

            c.SetIdentity(IdType.Uri, identity, 0, identity.Length);
            c.AddCertificate(cert, 0, cert.Length);
            return c;
        }

        private static RsaPeerTrust Trust(byte[] caDer)
        {
            var t = new RsaPeerTrust(2048) { CertificateVerifier = new RsaCertificateVerifier(2048) };
            if (t.AddTrustAnchor(caDer, 0, caDer.Length) != NanoMikey.X509.Asn1.Asn1Status.Ok) throw new InvalidOperationException("anchor");
            return t;
        }

        private static void Check(MikeyExchangeStatus s)
        {
            if (s != MikeyExchangeStatus.Ok) throw new InvalidOperationException("exchange failed: " + s);
        }
    }
}
