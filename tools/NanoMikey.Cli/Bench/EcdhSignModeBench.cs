using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NanoMikey.Crypto.Hash;
using NanoMikey.Crypto.Random;
using NanoMikey.Ecc;
using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Ecc;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Time;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Cli.Bench
{
    /// <summary>
    /// Complete MIKEY ECDH-SIGN exchanges (docs/ecc-profile.md: offer with CERTi and SIGNi, answer with CERTr and SIGNr, both
    /// certificate chains validated), next to the same exchange built from .NET's primitives (ECDiffieHellman, ECDsa).
    /// Certificates are made at start with .NET's CertificateRequest: a CA and two end entities.
    /// </summary>
    public sealed class EcdhSignModeBench
    {
        private sealed class BenchClock : IMikeyClock
        {
            public ulong NtpNow { get; set; }
            public uint OffsetBoundSeconds => 1;
        }

        private static readonly byte[] Alice = System.Text.Encoding.ASCII.GetBytes("sip:alice@example.com");
        private static readonly byte[] Bob = System.Text.Encoding.ASCII.GetBytes("sip:bob@example.com");

        private readonly BenchClock _clock = new BenchClock();
        private readonly EcdhSignInitiator _initiator;
        private readonly EcdhSignResponder _responder;
        private readonly byte[] _offer = new byte[2048];
        private readonly byte[] _answer = new byte[2048];
        private readonly ECDsa _caKey, _aliceKey, _bobKey;
        private readonly byte[] _aliceTbsHash, _bobTbsHash, _aliceCertSig, _bobCertSig;
        private readonly byte[] _hashI = new byte[32], _hashR = new byte[32];
        private long _sink;

        /// <summary>Creates the parties and their certificates.</summary>
        public EcdhSignModeBench()
        {
            DateTimeOffset now = DateTimeOffset.UtcNow;
            _clock.NtpNow = (ulong)(now.ToUnixTimeSeconds() + 2208988800L) << 32;
            _caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            _aliceKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            _bobKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var caReq = new CertificateRequest("CN=bench CA", _caKey, HashAlgorithmName.SHA256);
            caReq.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            caReq.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
            using X509Certificate2 ca = caReq.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
            byte[] aliceCert = Issue(ca, "CN=Alice", _aliceKey, "sip:alice@example.com", 1, now);
            byte[] bobCert = Issue(ca, "CN=Bob", _bobKey, "sip:bob@example.com", 2, now);

            var alice = Credentials(_aliceKey, Alice, aliceCert);
            var bob = Credentials(_bobKey, Bob, bobCert);
            _initiator = new EcdhSignInitiator(new HmacDrbg(new HostEntropySource(), null), _clock, alice, Trust(ca.RawData));
            _initiator.SetResponderIdentity(IdType.Uri, Bob, 0, Bob.Length);
            _initiator.AddCryptoSession(0x01020304, 0, SrtpPolicy.AesCm128HmacSha1_80());
            _responder = new EcdhSignResponder(new HmacDrbg(new HostEntropySource(), null), _clock,
                new ReplayCache(256, _clock, new FreshnessPolicy { BaseSkewSeconds = 1 }), bob, Trust(ca.RawData));

            // .NET reference inputs: the to-be-signed hashes and CA signatures of both certificates.
            _aliceTbsHash = SHA256.HashData(aliceCert);
            _bobTbsHash = SHA256.HashData(bobCert);
            _aliceCertSig = _caKey.SignHash(_aliceTbsHash);
            _bobCertSig = _caKey.SignHash(_bobTbsHash);
            Exchange();
        }

        /// <summary>Keeps results observable.</summary>
        public long Sink => _sink;

        /// <summary>Offer bytes on the wire.</summary>
        public int OfferBytes { get; private set; }

        /// <summary>Answer bytes on the wire.</summary>
        public int AnswerBytes { get; private set; }

        /// <summary>Runs complete exchanges.</summary>
        public void ExchangeLoop(int iterations)
        {
            for (int i = 0; i < iterations; i++) _sink += Exchange();
        }

        /// <summary>The same steps from .NET's primitives: 2 ephemeral keys, 2 signatures, 4 verifications, 2 ECDH.</summary>
        public void DotNetLoop(int iterations)
        {
            for (int i = 0; i < iterations; i++)
            {
                using var ephA = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
                ephA.ExportParameters(false);
                using var ephB = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
                ephB.ExportParameters(false);
                SHA256.HashData(_offer.AsSpan(0, OfferBytes), _hashI);
                byte[] sigA = _aliceKey.SignHash(_hashI);
                SHA256.HashData(_answer.AsSpan(0, AnswerBytes), _hashR);
                byte[] sigB = _bobKey.SignHash(_hashR);
                using ECDiffieHellmanPublicKey pubA = ephA.PublicKey;
                using ECDiffieHellmanPublicKey pubB = ephB.PublicKey;
                if (!_caKey.VerifyHash(_aliceTbsHash, _aliceCertSig) || !_aliceKey.VerifyHash(_hashI, sigA)
                    || !_caKey.VerifyHash(_bobTbsHash, _bobCertSig) || !_bobKey.VerifyHash(_hashR, sigB))
                {
                    throw new InvalidOperationException();
                }

                _sink += ephB.DeriveRawSecretAgreement(pubA)[0] + ephA.DeriveRawSecretAgreement(pubB)[0];
            }
        }

        /// <summary>Counts one exchange: P-256 field multiplications and squarings, hash compressions, per side.</summary>
        /// <returns>initiator mul, sqr, compressions; responder mul, sqr, compressions.</returns>
        public long[] CountOneExchange()
        {
            var r = new long[6];
            Tick();
            Reset();
            Check(_initiator.WriteOffer(_offer, 0, _offer.Length));
            long im = P256OperationCounter.Multiplications, isq = P256OperationCounter.Squarings, ih = HashCompressionCounter.Count;
            Reset();
            Check(_responder.Respond(_offer, 0, _initiator.OfferLength, _answer, 0, _answer.Length));
            r[3] = P256OperationCounter.Multiplications;
            r[4] = P256OperationCounter.Squarings;
            r[5] = HashCompressionCounter.Count;
            Reset();
            Check(_initiator.ReadAnswer(_answer, 0, _responder.AnswerLength));
            r[0] = im + P256OperationCounter.Multiplications;
            r[1] = isq + P256OperationCounter.Squarings;
            r[2] = ih + HashCompressionCounter.Count;
            return r;
        }

        private static void Reset()
        {
            P256OperationCounter.Reset();
            HashCompressionCounter.Reset();
        }

        private int Exchange()
        {
            Tick();
            Check(_initiator.WriteOffer(_offer, 0, _offer.Length));
            Check(_responder.Respond(_offer, 0, _initiator.OfferLength, _answer, 0, _answer.Length));
            Check(_initiator.ReadAnswer(_answer, 0, _responder.AnswerLength));
            OfferBytes = _initiator.OfferLength;
            AnswerBytes = _responder.AnswerLength;
            return _answer[_responder.AnswerLength - 1];
        }

        private void Tick()
        {
            _clock.NtpNow += 1UL << 26;
        }

        private byte[] Issue(X509Certificate2 ca, string subject, ECDsa key, string uri, byte serial, DateTimeOffset now)
        {
            var req = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
            req.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            var san = new SubjectAlternativeNameBuilder();
            san.AddUri(new Uri(uri));
            req.CertificateExtensions.Add(san.Build());
            using X509Certificate2 cert = req.Create(ca.SubjectName, X509SignatureGenerator.CreateForECDsa(_caKey), now.AddDays(-1), now.AddYears(1), new[] { (byte)0x10, serial });
            return cert.RawData;
        }

        private static EccCredentials Credentials(ECDsa key, byte[] identity, byte[] cert)
        {
            var c = new EccCredentials();
            byte[] d = key.ExportParameters(true).D!;
            if (!c.Key.TryImport(d, 0)) throw new InvalidOperationException("key import");
            c.SetIdentity(IdType.Uri, identity, 0, identity.Length);
            c.AddCertificate(cert, 0, cert.Length);
            return c;
        }

        private static EccPeerTrust Trust(byte[] caDer)
        {
            var t = new EccPeerTrust();
            if (t.AddTrustAnchor(caDer, 0, caDer.Length) != NanoMikey.X509.Asn1.Asn1Status.Ok) throw new InvalidOperationException("anchor");
            return t;
        }

        private static void Check(MikeyExchangeStatus s)
        {
            if (s != MikeyExchangeStatus.Ok) throw new InvalidOperationException("exchange failed: " + s);
        }
    }
}
