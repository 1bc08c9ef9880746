using System;
using System.Security.Cryptography;
using NanoMikey.X509.Asn1;
using NanoMikey.X509;

namespace NanoMikey.X509.Tests
{
    public class SubjectPublicKeyInfoTests
    {
        private static byte[] Uncompressed(ECParameters p)
        {
            byte[] q = new byte[65];
            q[0] = 4;
            p.Q.X!.CopyTo(q, 1);
            p.Q.Y!.CopyTo(q, 33);
            return q;
        }

        [Fact]
        public void DotNetSpkiReadAndOursReadByDotNet()
        {
            for (int i = 0; i < 50; i++)
            {
                using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                byte[] spki = key.ExportSubjectPublicKeyInfo();
                byte[] padded = new byte[spki.Length + 7];
                spki.CopyTo(padded, 3);
                Assert.Equal(Asn1Status.Ok, SubjectPublicKeyInfo.Read(padded, 3, spki.Length, out int off, out int len));
                byte[] q = Uncompressed(key.ExportParameters(false));
                Assert.Equal(65, len);
                Assert.Equal(q, padded.AsSpan(off, len).ToArray());

                byte[] ours = new byte[SubjectPublicKeyInfo.UncompressedLength + 4];
                Assert.Equal(Asn1Status.Ok, SubjectPublicKeyInfo.Write(q, 0, 65, ours, 2, ours.Length - 2, out int n));
                Assert.Equal(SubjectPublicKeyInfo.UncompressedLength, n);
                Assert.Equal(spki, ours.AsSpan(2, n).ToArray());
                using ECDsa back = ECDsa.Create();
                back.ImportSubjectPublicKeyInfo(ours.AsSpan(2, n), out int read);
                Assert.Equal(n, read);
                Assert.Equal(q, Uncompressed(back.ExportParameters(false)));
            }
        }

        [Fact]
        public void CompressedPointRoundTrip()
        {
            byte[] point = new byte[33];
            point[0] = 0x03;
            for (int i = 1; i < 33; i++)
            {
                point[i] = (byte)i;
            }

            byte[] spki = new byte[SubjectPublicKeyInfo.CompressedLength];
            Assert.Equal(Asn1Status.Ok, SubjectPublicKeyInfo.Write(point, 0, 33, spki, 0, spki.Length, out int n));
            Assert.Equal(59, n);
            Assert.Equal(Asn1Status.Ok, SubjectPublicKeyInfo.Read(spki, 0, n, out int off, out int len));
            Assert.Equal(point, spki.AsSpan(off, len).ToArray());
            // .NET parses the structure as a P-256 SPKI too (its own check of the point may differ).
            var rd = new System.Formats.Asn1.AsnReader(spki, System.Formats.Asn1.AsnEncodingRules.DER);
            rd.ReadSequence();
            rd.ThrowIfNotEmpty();
        }

        [Fact]
        public void WriteRejectsBadPointsAndSmallBuffers()
        {
            Assert.Throws<ArgumentException>(() => SubjectPublicKeyInfo.Write(new byte[65], 0, 65, new byte[91], 0, 91, out _));
            Assert.Throws<ArgumentException>(() => SubjectPublicKeyInfo.Write(new byte[64], 0, 64, new byte[91], 0, 91, out _));
            byte[] q = new byte[65];
            q[0] = 4;
            Assert.Equal(Asn1Status.BufferTooSmall, SubjectPublicKeyInfo.Write(q, 0, 65, new byte[90], 0, 90, out int n));
            Assert.Equal(0, n);
        }

        private const string Good = "3059301306072a8648ce3d020106082a8648ce3d03010703420004"
            + "2927b10512bae3eddcfe467828128bad2903269919f7086069c8c4df6c732838c7787964eaac00e5921fb1498a60f4606766b3d9685001558d1a974e7341513e";

        [Theory]
        [InlineData(Good, Asn1Status.Ok)]
        // trailing byte
        [InlineData(Good + "00", Asn1Status.TrailingData)]
        // other curve: secp384r1
        [InlineData("3056301006072a8648ce3d020106052b81040022034200042927b10512bae3eddcfe467828128bad2903269919f7086069c8c4df6c732838c7787964eaac00e5921fb1498a60f4606766b3d9685001558d1a974e7341513e", Asn1Status.UnsupportedCurve)]
        // rsaEncryption algorithm
        [InlineData("305c300d06092a864886f70d0101010500034b00304802410000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000203010001", Asn1Status.UnsupportedAlgorithm)]
        // implicitCurve NULL parameters
        [InlineData("3051300b06072a8648ce3d020105000342000400000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", Asn1Status.UnsupportedCurve)]
        // missing parameters
        [InlineData("304f300906072a8648ce3d02010342000400000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", Asn1Status.InvalidParameters)]
        // hybrid point form 0x06
        [InlineData("3059301306072a8648ce3d020106082a8648ce3d030107034200062927b10512bae3eddcfe467828128bad2903269919f7086069c8c4df6c732838c7787964eaac00e5921fb1498a60f4606766b3d9685001558d1a974e7341513e", Asn1Status.InvalidPublicKey)]
        // unused bits in the BIT STRING (padding zero: well-formed, but not a whole-octet point)
        [InlineData("3059301306072a8648ce3d020106082a8648ce3d030107034201042927b10512bae3eddcfe467828128bad2903269919f7086069c8c4df6c732838c7787964eaac00e5921fb1498a60f4606766b3d9685001558d1a974e7341513e", Asn1Status.InvalidPublicKey)]
        // unused bits with a non-zero padding bit
        [InlineData("3059301306072a8648ce3d020106082a8648ce3d030107034201042927b10512bae3eddcfe467828128bad2903269919f7086069c8c4df6c732838c7787964eaac00e5921fb1498a60f4606766b3d9685001558d1a974e7341513f", Asn1Status.InvalidBitString)]
        // indefinite outer length
        [InlineData("3080301306072a8648ce3d020106082a8648ce3d030107034200042927b10512bae3eddcfe467828128bad2903269919f7086069c8c4df6c732838c7787964eaac00e5921fb1498a60f4606766b3d9685001558d1a974e7341513e0000", Asn1Status.IndefiniteLength)]
        // non-minimal outer length
        [InlineData("308159301306072a8648ce3d020106082a8648ce3d030107034200042927b10512bae3eddcfe467828128bad2903269919f7086069c8c4df6c732838c7787964eaac00e5921fb1498a60f4606766b3d9685001558d1a974e7341513e", Asn1Status.NonMinimalLength)]
        // point of 64 bytes (length 0x41 BIT STRING)
        [InlineData("3058301306072a8648ce3d020106082a8648ce3d030107034100042927b10512bae3eddcfe467828128bad2903269919f7086069c8c4df6c732838c7787964eaac00e5921fb1498a60f4606766b3d9685001558d1a974e734151", Asn1Status.InvalidPublicKey)]
        // extra element inside AlgorithmIdentifier
        [InlineData("305b301506072a8648ce3d020106082a8648ce3d0301070500034200042927b10512bae3eddcfe467828128bad2903269919f7086069c8c4df6c732838c7787964eaac00e5921fb1498a60f4606766b3d9685001558d1a974e7341513e", Asn1Status.TrailingData)]
        public void Rejections(string hex, Asn1Status expected)
        {
            byte[] der = TestData.Hex(hex);
            Asn1Status s = SubjectPublicKeyInfo.Read(der, 0, der.Length, out int off, out int len);
            Assert.Equal(expected, s);
            if (s != Asn1Status.Ok)
            {
                Assert.Equal(0, off);
                Assert.Equal(0, len);
            }
        }

        [Fact]
        public void WycheproofEcdhSpkiKeysParseOrFailTyped()
        {
            // Wycheproof ecdh_secp256r1_test.json: public keys are SPKI DER; every one parses to a P-256 point or fails with
            // a typed status (other curves, bad encodings), never an exception.
            string path = TestData.VectorPath("wycheproof", "ecdh_secp256r1_test.json");
            using var doc = System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllText(path));
            int ok = 0, rejected = 0;
            foreach (var g in doc.RootElement.GetProperty("testGroups").EnumerateArray())
            {
                foreach (var t in g.GetProperty("tests").EnumerateArray())
                {
                    byte[] pub = TestData.Hex(t.GetProperty("public").GetString()!);
                    Asn1Status s = SubjectPublicKeyInfo.Read(pub, 0, pub.Length, out _, out _);
                    bool dotnetOk;
                    try
                    {
                        using ECDiffieHellman e = ECDiffieHellman.Create();
                        e.ImportSubjectPublicKeyInfo(pub, out int read);
                        dotnetOk = read == pub.Length && e.KeySize == 256;
                    }
                    catch (Exception ex) when (ex is CryptographicException || ex is PlatformNotSupportedException)
                    {
                        dotnetOk = false;
                    }

                    if (s == Asn1Status.Ok)
                    {
                        ok++;
                    }
                    else
                    {
                        rejected++;
                        // Whatever we refuse, .NET refuses too or it is a case we refuse on purpose (non-P-256 / odd encodings).
                        if (dotnetOk)
                        {
                            Assert.True(s == Asn1Status.UnsupportedCurve || s == Asn1Status.InvalidPublicKey
                                || s == Asn1Status.InvalidParameters, "tc " + t.GetProperty("tcId").GetInt32() + ": " + s);
                        }
                    }
                }
            }

            Assert.True(ok > 100);
            Assert.True(rejected > 0);
        }
    }
}
