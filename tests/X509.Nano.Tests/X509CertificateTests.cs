using System;
using System.Collections.Generic;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NanoMikey.X509.Asn1;
using NanoMikey.X509;
using DotNetCert = System.Security.Cryptography.X509Certificates.X509Certificate2;
using DotNetTag = System.Formats.Asn1.Asn1Tag;
using X509Certificate = NanoMikey.X509.X509Certificate;

namespace NanoMikey.X509.Tests
{
    public class X509CertificateTests
    {
        private static readonly DateTimeOffset Epoch1900 = new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

        internal sealed class Chain : IDisposable
        {
            public ECDsa RootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            public ECDsa LeafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            public DotNetCert Root;
            public DotNetCert Leaf;

            public Chain(DateTimeOffset? leafNotAfter = null)
            {
                var rootReq = new CertificateRequest("CN=nanoMikey Root CA, O=nanoMikey, C=DE", RootKey, HashAlgorithmName.SHA256);
                rootReq.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 1, true));
                rootReq.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(rootReq.PublicKey, false));
                var nb = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
                DateTimeOffset rootEnd = leafNotAfter.HasValue && leafNotAfter.Value > nb.AddYears(10) ? leafNotAfter.Value.AddDays(1) : nb.AddYears(10);
                Root = rootReq.CreateSelfSigned(nb, rootEnd);

                var leafReq = new CertificateRequest("CN=intercom-01, OU=Stations, O=nanoMikey", LeafKey, HashAlgorithmName.SHA256);
                leafReq.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
                leafReq.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
                Leaf = leafReq.Create(Root, nb.AddDays(1), leafNotAfter ?? nb.AddYears(2), new byte[] { 0x00, 0x9a, 0x01, 0x02, 0x03 });
            }

            public void Dispose()
            {
                RootKey.Dispose();
                LeafKey.Dispose();
                Root.Dispose();
                Leaf.Dispose();
            }
        }

        private static ulong Ntp(DateTime t)
        {
            return (ulong)(new DateTimeOffset(t.ToUniversalTime(), TimeSpan.Zero) - Epoch1900).TotalSeconds;
        }

        private static byte[] Slice(byte[] d, int off, int len) => d.AsSpan(off, len).ToArray();

        private static void AssertMatchesDotNet(X509Certificate ours, DotNetCert cert, ECDsa issuerKey)
        {
            byte[] der = ours.Data;
            Assert.Equal(3, ours.Version);
            Assert.Equal(cert.SerialNumberBytes.ToArray(), Slice(der, ours.SerialNumberOffset, ours.SerialNumberLength));
            Assert.Equal(X509SignatureAlgorithm.EcdsaWithSha256, ours.SignatureAlgorithm);
            Assert.Equal("1.2.840.10045.4.3.2", Asn1Oid.ToDottedString(der, ours.SignatureAlgorithmOidOffset, ours.SignatureAlgorithmOidLength));
            Assert.Equal(cert.IssuerName.RawData, Slice(der, ours.IssuerOffset, ours.IssuerLength));
            Assert.Equal(cert.SubjectName.RawData, Slice(der, ours.SubjectOffset, ours.SubjectLength));
            Assert.Equal(Ntp(cert.NotBefore), ours.NotBefore);
            Assert.Equal(Ntp(cert.NotAfter), ours.NotAfter);
            Assert.Equal(cert.PublicKey.ExportSubjectPublicKeyInfo(), Slice(der, ours.PublicKeyInfoOffset, ours.PublicKeyInfoLength));
            Assert.Equal(Asn1Status.Ok, ours.PublicKeyStatus);
            ECParameters p = cert.GetECDsaPublicKey()!.ExportParameters(false);
            Assert.Equal(4, der[ours.PublicKeyOffset]);
            Assert.Equal(p.Q.X, Slice(der, ours.PublicKeyOffset + 1, 32));
            Assert.Equal(p.Q.Y, Slice(der, ours.PublicKeyOffset + 33, 32));

            // The TBS range and signature range are exactly what the issuer signed: .NET verifies them.
            byte[] tbs = Slice(der, ours.TbsOffset, ours.TbsLength);
            byte[] sig = Slice(der, ours.SignatureOffset, ours.SignatureLength);
            Assert.True(issuerKey.VerifyData(tbs, sig, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

            byte[] fp = new byte[32];
            ours.ComputeSha256Fingerprint(fp, 0);
            Assert.Equal(cert.GetCertHash(HashAlgorithmName.SHA256), fp);
            byte[] fp1 = new byte[20];
            ours.ComputeSha1Fingerprint(fp1, 0);
            Assert.Equal(cert.GetCertHash(HashAlgorithmName.SHA1), fp1);

            // Fingerprints and name lookups with a caller's reader allocate nothing once warm (a device checks CHASH pins
            // and identities on every exchange).
            var reader = new DerReader(4);
            int t, o, l;
            X509Name.FindAttribute(reader, der, ours.SubjectOffset, ours.SubjectLength, X509NameAttribute.CommonName, out t, out o, out l);
            long before = GC.GetAllocatedBytesForCurrentThread();
            ours.ComputeSha256Fingerprint(fp, 0);
            ours.ComputeSha1Fingerprint(fp1, 0);
            Asn1Status found = X509Name.FindAttribute(reader, der, ours.SubjectOffset, ours.SubjectLength, X509NameAttribute.CommonName, out t, out o, out l);
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.Equal(cert.GetCertHash(HashAlgorithmName.SHA256), fp);
            Assert.Equal(cert.GetCertHash(HashAlgorithmName.SHA1), fp1);
            Assert.Equal(cert.GetNameInfo(X509NameType.SimpleName, false) == null ? Asn1Status.NotFound : Asn1Status.Ok, found);

            Assert.Equal(cert.GetNameInfo(X509NameType.SimpleName, false), ours.GetSubjectCommonName());
            Assert.Equal(cert.GetNameInfo(X509NameType.SimpleName, true), ours.GetIssuerCommonName());
            Assert.Equal(cert.Subject, X509Name.ToDisplayString(der, ours.SubjectOffset, ours.SubjectLength));
            Assert.Equal(cert.Issuer, X509Name.ToDisplayString(der, ours.IssuerOffset, ours.IssuerLength));
        }

        [Fact]
        public void ReadsDotNetSelfSignedAndCaSignedCertificates()
        {
            var ours = new X509Certificate();
            for (int i = 0; i < 20; i++)
            {
                using var chain = new Chain();
                byte[] rootDer = chain.Root.RawData;
                Assert.Equal(Asn1Status.Ok, ours.Parse(rootDer, 0, rootDer.Length));
                AssertMatchesDotNet(ours, chain.Root, chain.RootKey);
                Assert.Equal(Asn1Status.Ok, ours.ReadBasicConstraints(out bool ca, out int path));
                Assert.True(ca);
                Assert.Equal(1, path);
                Assert.Equal(Asn1Status.Ok, ours.FindExtension(X509ExtensionType.BasicConstraints, out bool critical, out _, out _));
                Assert.True(critical);
                Assert.Equal(Asn1Status.Ok, ours.FindExtension(X509ExtensionType.SubjectKeyIdentifier, out critical, out _, out _));
                Assert.False(critical);
                Assert.Equal(Asn1Status.NotFound, ours.FindExtension(X509ExtensionType.SubjectAltName, out _, out _, out _));

                // The leaf at an offset inside a larger buffer.
                byte[] leafDer = new byte[chain.Leaf.RawData.Length + 10];
                chain.Leaf.RawData.CopyTo(leafDer, 4);
                Assert.Equal(Asn1Status.Ok, ours.Parse(leafDer, 4, chain.Leaf.RawData.Length));
                Assert.Equal(4, ours.Offset);
                AssertMatchesDotNet(ours, chain.Leaf, chain.RootKey);
                Assert.Equal(Asn1Status.Ok, ours.ReadBasicConstraints(out ca, out path));
                Assert.False(ca);
                Assert.Equal(-1, path);
                Assert.Equal(Asn1Status.Ok, ours.FindExtension(X509ExtensionType.KeyUsage, out critical, out _, out _));
                Assert.True(critical);
                Assert.True(ours.IsValidAt(Ntp(new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc))));
                Assert.False(ours.IsValidAt(Ntp(new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc))));
                Assert.False(ours.IsValidAt(Ntp(new DateTime(2029, 6, 1, 0, 0, 0, DateTimeKind.Utc))));
            }
        }

        [Fact]
        public void GeneralizedTimeFrom2050()
        {
            using var chain = new Chain(new DateTimeOffset(2061, 3, 4, 5, 6, 7, TimeSpan.Zero));
            var ours = new X509Certificate();
            byte[] der = chain.Leaf.RawData;
            Assert.Equal(Asn1Status.Ok, ours.Parse(der, 0, der.Length));
            Assert.Equal(Ntp(new DateTime(2061, 3, 4, 5, 6, 7, DateTimeKind.Utc)), ours.NotAfter);
        }

        [Fact]
        public void OtherAlgorithmsParseButAreMarkedUnsupported()
        {
            var ours = new X509Certificate();
            using (RSA rsa = RSA.Create(2048))
            {
                var req = new CertificateRequest("CN=rsa", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using DotNetCert c = req.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
                Assert.Equal(Asn1Status.Ok, ours.Parse(c.RawData, 0, c.RawData.Length));
                Assert.Equal(X509SignatureAlgorithm.RsaPkcs1Sha256, ours.SignatureAlgorithm);
                Assert.Equal(Asn1Status.UnsupportedAlgorithm, ours.PublicKeyStatus);
                Assert.Equal(0, ours.PublicKeyLength);
            }

            using (RSA rsa = RSA.Create(2048))
            {
                var req = new CertificateRequest("CN=pss", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
                using DotNetCert c = req.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
                Assert.Equal(Asn1Status.Ok, ours.Parse(c.RawData, 0, c.RawData.Length));
                Assert.Equal(X509SignatureAlgorithm.RsaPss, ours.SignatureAlgorithm);
            }

            using (ECDsa p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384))
            {
                var req = new CertificateRequest("CN=p384", p384, HashAlgorithmName.SHA384);
                using DotNetCert c = req.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
                Assert.Equal(Asn1Status.Ok, ours.Parse(c.RawData, 0, c.RawData.Length));
                Assert.Equal(X509SignatureAlgorithm.EcdsaWithSha384, ours.SignatureAlgorithm);
                Assert.Equal(Asn1Status.UnsupportedCurve, ours.PublicKeyStatus);
            }
        }

        [Fact]
        public void NameStringsAndDisplay()
        {
            using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var dn = new X500DistinguishedNameBuilder();
            dn.AddCountryOrRegion("DE");
            dn.AddOrganizationName("Grüße & Co");
            dn.AddCommonName("站点 \U0001F600");
            var req = new CertificateRequest(dn.Build(), key, HashAlgorithmName.SHA256);
            using DotNetCert c = req.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
            var ours = new X509Certificate();
            Assert.Equal(Asn1Status.Ok, ours.Parse(c.RawData, 0, c.RawData.Length));
            Assert.Equal("站点 \U0001F600", ours.GetSubjectCommonName());
            Assert.Equal("Grüße & Co", X509Name.GetAttributeString(ours.Data, ours.SubjectOffset, ours.SubjectLength, X509NameAttribute.Organization));
            Assert.Equal("DE", X509Name.GetAttributeString(ours.Data, ours.SubjectOffset, ours.SubjectLength, X509NameAttribute.Country));
            Assert.Null(X509Name.GetAttributeString(ours.Data, ours.SubjectOffset, ours.SubjectLength, X509NameAttribute.Locality));
            Assert.Equal(Asn1Status.NotFound, X509Name.FindAttribute(ours.Data, ours.SubjectOffset, ours.SubjectLength, X509NameAttribute.Locality, out _, out _, out _));
            Assert.Equal(c.Subject, X509Name.ToDisplayString(ours.Data, ours.SubjectOffset, ours.SubjectLength));
        }

        [Theory]
        [InlineData(0x0C, "616263", "abc")]
        [InlineData(0x0C, "c3a9", "é")]
        [InlineData(0x0C, "c0af", null)]        // overlong '/'
        [InlineData(0x0C, "eda080", null)]      // surrogate
        [InlineData(0x0C, "f4908080", null)]    // above U+10FFFF
        [InlineData(0x0C, "e282", null)]        // truncated
        [InlineData(0x0C, "6100", null)]        // NUL
        [InlineData(0x13, "41422d3f", "AB-?")]
        [InlineData(0x13, "4140", null)]        // '@' not printable
        [InlineData(0x16, "6140", "a@")]
        [InlineData(0x16, "61ff", null)]
        [InlineData(0x1E, "00410042", "AB")]
        [InlineData(0x1E, "004100", null)]
        [InlineData(0x1C, "0001f600", "\U0001F600")]
        [InlineData(0x1C, "00110000", null)]
        [InlineData(0x14, "e9", "é")]
        [InlineData(0x04, "41", null)]
        public void DecodeStringRules(int tag, string hex, string? expected)
        {
            byte[] b = TestData.Hex(hex);
            Assert.Equal(expected, X509Name.DecodeString(b, tag, 0, b.Length));
        }

        // ---- Malformed certificates built by editing a .NET certificate's DER. ----

        internal static List<byte[]> Elements(ReadOnlyMemory<byte> seq)
        {
            var list = new List<byte[]>();
            var r = new AsnReader(seq, AsnEncodingRules.DER).ReadSequence();
            while (r.HasData)
            {
                list.Add(r.ReadEncodedValue().ToArray());
            }

            return list;
        }

        internal static byte[] Seq(IEnumerable<byte[]> parts, DotNetTag? tag = null)
        {
            var w = new AsnWriter(AsnEncodingRules.BER);
            w.PushSequence(tag);
            foreach (byte[] p in parts)
            {
                w.WriteEncodedValue(p);
            }

            w.PopSequence(tag);
            return w.Encode();
        }

        /// <summary>Rebuilds a certificate with an edited TBS (element list) and re-signs nothing: the parser never checks signatures.</summary>
        private static byte[] Rebuild(byte[] certDer, Action<List<byte[]>> editTbs)
        {
            List<byte[]> outer = Elements(certDer);
            List<byte[]> tbs = Elements(outer[0]);
            editTbs(tbs);
            outer[0] = Seq(tbs);
            return Seq(outer);
        }

        private static Asn1Status ParseStatus(byte[] der)
        {
            return new X509Certificate().Parse(der, 0, der.Length);
        }

        private static byte[] Hex(string h) => TestData.Hex(h);

        [Fact]
        public void StructuralRejections()
        {
            using var chain = new Chain();
            byte[] good = chain.Leaf.RawData;
            Assert.Equal(Asn1Status.Ok, ParseStatus(Rebuild(good, t => { })));

            byte[] trailing = new byte[good.Length + 1];
            good.CopyTo(trailing, 0);
            Assert.Equal(Asn1Status.TrailingData, ParseStatus(trailing));
            Assert.Equal(Asn1Status.Truncated, ParseStatus(good.AsSpan(0, good.Length - 1).ToArray()));

            // Explicit v1 ([0] INTEGER 0) is a DEFAULT value encoded: not DER.
            Assert.Equal(Asn1Status.NotCanonical, ParseStatus(Rebuild(good, t => t[0] = Hex("a003020100"))));
            Assert.Equal(Asn1Status.UnsupportedVersion, ParseStatus(Rebuild(good, t => t[0] = Hex("a003020103"))));
            // Version absent (v1) but extensions present.
            Assert.Equal(Asn1Status.FieldNotAllowed, ParseStatus(Rebuild(good, t => t.RemoveAt(0))));
            // v1 without extensions parses as version 1.
            byte[] v1 = Rebuild(good, t => { t.RemoveAt(0); t.RemoveAt(t.Count - 1); });
            var ours = new X509Certificate();
            Assert.Equal(Asn1Status.Ok, ours.Parse(v1, 0, v1.Length));
            Assert.Equal(1, ours.Version);
            Assert.Equal(0, ours.ExtensionsLength);
            Assert.Equal(Asn1Status.NotFound, ours.ReadBasicConstraints(out _, out _));
            // v2 with a subjectUniqueID, and v1 with one.
            Assert.Equal(Asn1Status.Ok, ParseStatus(Rebuild(good, t => { t[0] = Hex("a003020101"); t[t.Count - 1] = Hex("82020000"); })));
            Assert.Equal(Asn1Status.FieldNotAllowed, ParseStatus(Rebuild(good, t => { t.RemoveAt(0); t[t.Count - 1] = Hex("82020000"); })));
            Assert.Equal(Asn1Status.FieldNotAllowed, ParseStatus(Rebuild(good, t => t[0] = Hex("a003020101"))));

            // Serial: non-minimal, empty, too long.
            Assert.Equal(Asn1Status.NonMinimalInteger, ParseStatus(Rebuild(good, t => t[1] = Hex("0202007f"))));
            Assert.Equal(Asn1Status.NonMinimalInteger, ParseStatus(Rebuild(good, t => t[1] = Hex("0200"))));
            Assert.Equal(Asn1Status.IntegerTooLarge, ParseStatus(Rebuild(good, t => t[1] = Hex("0215" + "01" + new string('0', 40)))));
            Assert.Equal(Asn1Status.Ok, ParseStatus(Rebuild(good, t => t[1] = Hex("0215" + "00ff" + new string('0', 38)))));

            // TBS signature algorithm differs from the outer one; ECDSA with parameters.
            Assert.Equal(Asn1Status.AlgorithmMismatch, ParseStatus(Rebuild(good, t => t[2] = Hex("300a06082a8648ce3d040303"))));
            Assert.Equal(Asn1Status.InvalidParameters, ParseStatus(Rebuild(good, t => t[2] = Hex("300c06082a8648ce3d0403020500"))));

            // Validity: GeneralizedTime before 2050, bad date, wrong tag.
            Assert.Equal(Asn1Status.InvalidTime, ParseStatus(Rebuild(good, t => t[4] = Hex("3022180f32303236303130323030303030305a180f32303238303130313030303030305a"))));
            Assert.Equal(Asn1Status.InvalidTime, ParseStatus(Rebuild(good, t => t[4] = Hex("301e170d3236303233303030303030305a170d3238303130313030303030305a"))));
            Assert.Equal(Asn1Status.UnexpectedTag, ParseStatus(Rebuild(good, t => t[4] = Hex("301e040d3236303130323030303030305a170d3238303130313030303030305a"))));
        }

        [Fact]
        public void NameAndExtensionRejections()
        {
            using var chain = new Chain();
            byte[] good = chain.Leaf.RawData;

            // Empty RDN SET, and a multi-valued RDN out of DER order.
            Assert.Equal(Asn1Status.MissingElement, ParseStatus(Rebuild(good, t => t[5] = Hex("30023100"))));
            string cnA = "300806035504030c0161";
            string cnB = "300806035504030c0162";
            Assert.Equal(Asn1Status.Ok, ParseStatus(Rebuild(good, t => t[5] = Hex("3016" + "3114" + cnA + cnB))));
            Assert.Equal(Asn1Status.NotCanonical, ParseStatus(Rebuild(good, t => t[5] = Hex("3016" + "3114" + cnB + cnA))));
            // An empty subject is allowed (RFC 5280 §4.1.2.6 with subjectAltName).
            Assert.Equal(Asn1Status.Ok, ParseStatus(Rebuild(good, t => t[5] = Hex("3000"))));

            List<byte[]> ext = Elements(new AsnReader(Elements(Elements(good)[0])[7], AsnEncodingRules.DER)
                .ReadSequence(new DotNetTag(TagClass.ContextSpecific, 3)).ReadEncodedValue());
            var a3 = new DotNetTag(TagClass.ContextSpecific, 3, true);
            byte[] WithExt(List<byte[]> e) => Seq(new[] { Seq(e) }, a3);

            var dup = new List<byte[]>(ext) { ext[0] };
            Assert.Equal(Asn1Status.DuplicateExtension, ParseStatus(Rebuild(good, t => t[7] = WithExt(dup))));
            Assert.Equal(Asn1Status.MissingElement, ParseStatus(Rebuild(good, t => t[7] = Hex("a3023000"))));
            var falseCritical = new List<byte[]>(ext) { Hex("300c0603551d20010100" + "04023000") };
            Assert.Equal(Asn1Status.NotCanonical, ParseStatus(Rebuild(good, t => t[7] = WithExt(falseCritical))));
            var extra = new List<byte[]>(ext) { Hex("300b0603551d20040230000500") };
            Assert.Equal(Asn1Status.TrailingData, ParseStatus(Rebuild(good, t => t[7] = WithExt(extra))));
            var unknownCritical = new List<byte[]>(ext) { Hex("300c0603551d200101ff04023000") };
            Assert.Equal(Asn1Status.Ok, ParseStatus(Rebuild(good, t => t[7] = WithExt(unknownCritical))));
        }

        [Fact]
        public void BerVariantsOfTheWholeCertificateAreRejected()
        {
            using var chain = new Chain();
            byte[] good = chain.Leaf.RawData;
            // Indefinite outer length (BER): 30 80 ... 00 00.
            List<byte[]> outer = Elements(good);
            var w = new List<byte>();
            w.Add(0x30);
            w.Add(0x80);
            foreach (byte[] p in outer)
            {
                w.AddRange(p);
            }

            w.Add(0);
            w.Add(0);
            Assert.Equal(Asn1Status.IndefiniteLength, ParseStatus(w.ToArray()));

            // Non-minimal outer length: 30 82 xx xx -> 30 83 00 xx xx.
            Assert.Equal(0x82, good[1]);
            byte[] wide = new byte[good.Length + 1];
            wide[0] = 0x30;
            wide[1] = 0x83;
            wide[2] = 0;
            Array.Copy(good, 2, wide, 3, good.Length - 2);
            Assert.Equal(Asn1Status.NonMinimalLength, ParseStatus(wide));

            // Signature BIT STRING with unused bits.
            byte[] sigBits = Rebuild(good, t => { });
            List<byte[]> o2 = Elements(sigBits);
            byte[] bs = o2[2];
            Assert.True(bs[1] < 0x80);
            bs[2] = 1; // one unused bit, padding bit cleared: well-formed DER, but a signature must be whole octets
            bs[bs.Length - 1] &= 0xFE;
            Assert.Equal(Asn1Status.InvalidBitString, ParseStatus(Seq(o2)));
        }

        [Theory]
        [InlineData("03020780", Asn1Status.Ok, X509KeyUsage.DigitalSignature)]
        [InlineData("03020106", Asn1Status.Ok, X509KeyUsage.KeyCertSign | X509KeyUsage.CrlSign)]
        [InlineData("0303070080", Asn1Status.Ok, X509KeyUsage.DecipherOnly)]
        [InlineData("03020080", Asn1Status.NotCanonical, X509KeyUsage.None)]
        [InlineData("030100", Asn1Status.InvalidBitString, X509KeyUsage.None)]
        [InlineData("0304000000ff", Asn1Status.InvalidBitString, X509KeyUsage.None)]
        [InlineData("0302078000", Asn1Status.TrailingData, X509KeyUsage.None)]
        public void KeyUsageBits(string valueHex, Asn1Status status, X509KeyUsage expected)
        {
            using var chain = new Chain();
            byte[] value = Hex(valueHex);
            var w = new AsnWriter(AsnEncodingRules.DER);
            w.PushSequence();
            w.WriteObjectIdentifier("2.5.29.15");
            w.WriteBoolean(true);
            w.WriteOctetString(value);
            w.PopSequence();
            byte[] ext = w.Encode();
            byte[] der = Rebuild(chain.Root.RawData, t => t[7] = Seq(new[] { Seq(new[] { ext }) }, new DotNetTag(TagClass.ContextSpecific, 3, true)));
            var ours = new X509Certificate();
            Assert.Equal(Asn1Status.Ok, ours.Parse(der, 0, der.Length));
            Assert.Equal(status, ours.ReadKeyUsage(out X509KeyUsage usage));
            Assert.Equal(expected, usage);
        }

        [Fact]
        public void KeyUsageOfDotNetCertificates()
        {
            using var chain = new Chain();
            var ours = new X509Certificate();
            ours.Parse(chain.Leaf.RawData, 0, chain.Leaf.RawData.Length);
            Assert.Equal(Asn1Status.Ok, ours.ReadKeyUsage(out X509KeyUsage usage));
            Assert.Equal(X509KeyUsage.DigitalSignature, usage);
            ours.Parse(chain.Root.RawData, 0, chain.Root.RawData.Length);
            Assert.Equal(Asn1Status.NotFound, ours.ReadKeyUsage(out usage));
            Assert.Equal(X509KeyUsage.None, usage);

            using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var req = new CertificateRequest("CN=ca", key, HashAlgorithmName.SHA256);
            req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DecipherOnly, true));
            using DotNetCert c = req.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
            ours.Parse(c.RawData, 0, c.RawData.Length);
            Assert.Equal(Asn1Status.Ok, ours.ReadKeyUsage(out usage));
            Assert.Equal(X509KeyUsage.KeyCertSign | X509KeyUsage.CrlSign | X509KeyUsage.DecipherOnly, usage);
        }

        [Fact]
        public void UnhandledCriticalExtensions()
        {
            using var chain = new Chain();
            var ours = new X509Certificate();
            ours.Parse(chain.Leaf.RawData, 0, chain.Leaf.RawData.Length);
            var both = new[] { X509ExtensionType.BasicConstraints, X509ExtensionType.KeyUsage };
            Assert.Equal(Asn1Status.NotFound, ours.FindUnhandledCriticalExtension(both, out _, out _));
            // basicConstraints is not critical in the leaf; keyUsage is.
            Assert.Equal(Asn1Status.Ok, ours.FindUnhandledCriticalExtension(new[] { X509ExtensionType.BasicConstraints }, out int o, out int l));
            Assert.Equal("2.5.29.15", Asn1Oid.ToDottedString(ours.Data, o, l));

            // A critical extension outside id-ce is never handled.
            byte[] der = Rebuild(chain.Leaf.RawData, t =>
            {
                List<byte[]> ext = Elements(new AsnReader(t[7], AsnEncodingRules.DER).ReadSequence(new DotNetTag(TagClass.ContextSpecific, 3)).ReadEncodedValue());
                ext.Add(Hex("300f06062b0601040101" + "0101ff" + "04023000"));
                t[7] = Seq(new[] { Seq(ext) }, new DotNetTag(TagClass.ContextSpecific, 3, true));
            });
            Assert.Equal(Asn1Status.Ok, ours.Parse(der, 0, der.Length));
            Assert.Equal(Asn1Status.Ok, ours.FindUnhandledCriticalExtension(both, out o, out l));
            Assert.Equal("1.3.6.1.4.1.1", Asn1Oid.ToDottedString(ours.Data, o, l));
        }

        [Theory]
        [InlineData("2a864886f70d010101", "1.2.840.113549.1.1.1")]
        [InlineData("550403", "2.5.4.3")]
        [InlineData("00", "0.0")]
        [InlineData("27", "0.39")]
        [InlineData("28", "1.0")]
        [InlineData("8837", "2.999")]
        [InlineData("2b8104", "1.3.132")]
        [InlineData("2b81", null)]
        [InlineData("2b808104", null)]
        public void OidText(string hex, string? expected)
        {
            byte[] b = TestData.Hex(hex);
            Assert.Equal(expected, Asn1Oid.ToDottedString(b, 0, b.Length));
        }

        [Fact]
        public void TruncationsAndBitFlipsNeverThrow()
        {
            using var chain = new Chain();
            byte[] good = chain.Leaf.RawData;
            var ours = new X509Certificate();
            var rng = new System.Random(42);
            int ok = 0;
            for (int len = 0; len < good.Length; len++)
            {
                Asn1Status s = ours.Parse(good, 0, len);
                Assert.NotEqual(Asn1Status.Ok, s);
                Assert.True(ours.ErrorOffset >= 0 && ours.ErrorOffset <= len);
            }

            byte[] m = new byte[good.Length];
            for (int i = 0; i < 20000; i++)
            {
                good.CopyTo(m, 0);
                int flips = 1 + rng.Next(3);
                for (int k = 0; k < flips; k++)
                {
                    m[rng.Next(m.Length)] ^= (byte)(1 << rng.Next(8));
                }

                Asn1Status s = ours.Parse(m, 0, m.Length);
                if (s == Asn1Status.Ok)
                {
                    ok++;
                    Assert.InRange(ours.TbsOffset + ours.TbsLength, 0, m.Length);
                    Assert.InRange(ours.SignatureOffset + ours.SignatureLength, 0, m.Length);
                    X509Name.ToDisplayString(m, ours.SubjectOffset, ours.SubjectLength);
                    ours.ReadBasicConstraints(out _, out _);
                    ours.ReadKeyUsage(out _);
                }
                else
                {
                    Assert.True(Enum.IsDefined(s));
                    Assert.InRange(ours.ErrorOffset, 0, m.Length);
                }
            }

            Assert.True(ok > 0); // flips inside names, keys or signature bits leave valid DER
        }

        [Fact]
        public void ParseAllocatesNothing()
        {
            using var chain = new Chain();
            byte[] der = chain.Leaf.RawData;
            var ours = new X509Certificate();
            Assert.Equal(Asn1Status.Ok, ours.Parse(der, 0, der.Length));
            ours.FindExtension(X509ExtensionType.KeyUsage, out _, out _, out _);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 50; i++)
            {
                ours.Parse(der, 0, der.Length);
                ours.FindExtension(X509ExtensionType.KeyUsage, out _, out _, out _);
                ours.ReadBasicConstraints(out _, out _);
            }

            Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        }

        [Fact]
        public void UnparsedStateIsSafe()
        {
            var ours = new X509Certificate();
            Assert.NotEqual(Asn1Status.Ok, ours.Status);
            Assert.False(ours.IsValidAt(0));
            Assert.Null(ours.GetSubjectCommonName());
            Assert.Throws<InvalidOperationException>(() => ours.ComputeSha256Fingerprint(new byte[32], 0));
            Assert.Equal(Asn1Status.NotFound, ours.FindExtension(X509ExtensionType.KeyUsage, out _, out _, out _));
            Assert.Throws<ArgumentOutOfRangeException>(() => ours.Parse(new byte[3], 1, 3));
        }
    }
}
