using NanoMikey.Rsa;
using NanoMikey.X509;
using NanoMikey.X509.Asn1;

namespace NanoMikey.Fuzz.Targets
{
    /// <summary>
    /// The X.509 certificate reader (RFC 5280 §4.1) and signature check. Contract: Parse gives a defined status and, on Ok,
    /// every range lies in the input and every accessor (extensions, basic constraints, key usage, names, keys,
    /// fingerprints) answers without an exception or a write outside the caller's buffer; and a certificate verifies
    /// against any of the repository's certificates (ECDSA P-256 and RSA issuers) only when it is byte for byte one of
    /// them: a mutated certificate never verifies.
    /// </summary>
    public sealed class X509Target : FuzzTarget
    {
        private static readonly X509ExtensionType[] Handled = { X509ExtensionType.BasicConstraints, X509ExtensionType.KeyUsage, X509ExtensionType.SubjectAltName };
        private readonly X509Certificate _cert = new X509Certificate();
        private readonly List<X509Certificate> _issuers = new List<X509Certificate>();
        private readonly HashSet<string> _originals = new HashSet<string>();
        private readonly RsaCertificateVerifier _rsa = new RsaCertificateVerifier(4096);
        private readonly P256PublicKeyHolder _key = new P256PublicKeyHolder();

        /// <summary>Loads every certificate of tests/vectors as an issuer (and as the only inputs allowed to verify).</summary>
        public X509Target()
        {
            foreach (byte[] der in Certificates())
            {
                var c = new X509Certificate();
                if (c.Parse(der, 0, der.Length) != Asn1Status.Ok) continue;
                _issuers.Add(c);
                _originals.Add(Convert.ToHexString(der));
            }
        }

        /// <inheritdoc />
        public override string Name => "x509";

        /// <inheritdoc />
        protected override int TimeLimitMilliseconds => 10000;

        /// <summary>The DER of every certificate under tests/vectors (mikey-ecc, mikey-rsa, x509/rsa, x509/chains).</summary>
        public static IEnumerable<byte[]> Certificates()
        {
            string v = Path.Combine(Fixtures.RepoRoot, "tests", "vectors");
            foreach (string dir in new[] { "mikey-ecc", "mikey-rsa", Path.Combine("x509", "rsa") })
            {
                foreach (string f in Directory.GetFiles(Path.Combine(v, dir), "*.der").OrderBy(x => x, StringComparer.Ordinal))
                {
                    yield return File.ReadAllBytes(f);
                }
            }

            foreach (string f in Directory.GetFiles(Path.Combine(v, "x509", "chains"), "*.pem").OrderBy(x => x, StringComparer.Ordinal))
            {
                string pem = File.ReadAllText(f);
                int a = pem.IndexOf("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal);
                int z = pem.IndexOf("-----END CERTIFICATE-----", StringComparison.Ordinal);
                if (a < 0 || z < a) continue;
                a += "-----BEGIN CERTIFICATE-----".Length;
                yield return Convert.FromBase64String(pem.Substring(a, z - a).Replace("\r", "").Replace("\n", ""));
            }
        }

        /// <inheritdoc />
        protected override void Check(byte[] input)
        {
            byte[] b = Guarded(input);
            int start = Guard, end = Guard + input.Length;
            Asn1Status s = _cert.Parse(b, start, input.Length);
            RequireDefined(s);
            RequireUnchanged(b, input, "X509Certificate.Parse");
            if (s != Asn1Status.Ok)
            {
                return;
            }

            X509Certificate c = _cert;
            RequireRange(c.Offset, c.Length, start, end, "certificate");
            RequireRange(c.TbsOffset, c.TbsLength, start, end, "TBS");
            RequireRange(c.SerialNumberOffset, c.SerialNumberLength, start, end, "serial");
            RequireRange(c.IssuerOffset, c.IssuerLength, start, end, "issuer");
            RequireRange(c.SubjectOffset, c.SubjectLength, start, end, "subject");
            RequireRange(c.PublicKeyInfoOffset, c.PublicKeyInfoLength, start, end, "SPKI");
            RequireRange(c.SignatureOffset, c.SignatureLength, start, end, "signature");
            RequireRange(c.SignatureAlgorithmOidOffset, c.SignatureAlgorithmOidLength, start, end, "signature OID");
            if (c.ExtensionsLength > 0) RequireRange(c.ExtensionsOffset, c.ExtensionsLength, start, end, "extensions");
            RequireDefined(c.PublicKeyStatus);
            if (c.PublicKeyStatus == Asn1Status.Ok && c.PublicKeyLength > 0) RequireRange(c.PublicKeyOffset, c.PublicKeyLength, start, end, "public key");
            _ = c.Version; _ = c.SignatureAlgorithm; _ = c.SignatureHashAlgorithm; _ = c.PssMaskHashAlgorithm; _ = c.PssSaltLength;
            _ = c.PublicKeyAlgorithm; _ = c.NotBefore; _ = c.NotAfter; _ = c.IsValidAt(Fixtures.T); _ = c.IsSelfIssued;
            foreach (X509ExtensionType t in Enum.GetValues<X509ExtensionType>())
            {
                if (c.FindExtension(t, out _, out int vo, out int vl) == Asn1Status.Ok && vl > 0) RequireRange(vo, vl, start, end, "extension " + t);
            }

            RequireDefined(c.FindUnhandledCriticalExtension(Handled, out _, out _));
            RequireDefined(c.ReadBasicConstraints(out _, out _));
            RequireDefined(c.ReadKeyUsage(out _));
            _ = c.GetSubjectCommonName();
            _ = c.GetIssuerCommonName();
            byte[] fp = GuardedOutput(32);
            c.ComputeSha256Fingerprint(fp, Guard);
            RequireGuards(fp, 32, "ComputeSha256Fingerprint");
            byte[] fp1 = GuardedOutput(20);
            c.ComputeSha1Fingerprint(fp1, Guard);
            RequireGuards(fp1, 20, "ComputeSha1Fingerprint");
            if (c.ReadRsaPublicKey(out int mo, out int ml, out int eo, out int el) == Asn1Status.Ok)
            {
                RequireRange(mo, ml, start, end, "RSA modulus");
                RequireRange(eo, el, start, end, "RSA exponent");
            }

            RequireDefined(c.ReadPublicKey(_key.Key));
            RequireUnchanged(b, input, "X509Certificate accessors");

            bool original = _originals.Contains(Convert.ToHexString(input));
            foreach (X509Certificate issuer in _issuers)
            {
                Asn1Status v = c.VerifySignedBy(issuer, _rsa);
                RequireDefined(v);
                Require(v != Asn1Status.Ok || original, "a mutated certificate verified (issuer " + issuer.GetSubjectCommonName() + ")");
            }

            Asn1Status self = c.VerifySignedBy(c, _rsa);
            RequireDefined(self);
            Require(self != Asn1Status.Ok || original, "a mutated certificate verified as self-signed");
            RequireUnchanged(b, input, "X509Certificate.VerifySignedBy");
        }

        private sealed class P256PublicKeyHolder
        {
            public readonly NanoMikey.Ecc.P256PublicKey Key = new NanoMikey.Ecc.P256PublicKey();
        }
    }
}
