using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text.Json;
using NanoMikey.X509.Asn1;

namespace NanoMikey.X509.Tests.Asn1
{
    public class EcdsaSignatureEncodingTests
    {
        // Flags of Wycheproof ecdsa_secp256r1_sha256_test.json whose "invalid" verdict is about the encoding itself.
        private static readonly HashSet<string> EncodingFlags = new HashSet<string>
        {
            "BerEncodedSignature", "InvalidEncoding", "InvalidTypesInSignature", "MissingZero",
        };

        private static IEnumerable<(int Id, string Result, string[] Flags, byte[] Sig)> Wycheproof()
        {
            string path = TestData.VectorPath("wycheproof", "ecdsa_secp256r1_sha256_test.json");
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
            foreach (JsonElement g in doc.RootElement.GetProperty("testGroups").EnumerateArray())
            {
                foreach (JsonElement t in g.GetProperty("tests").EnumerateArray())
                {
                    var flags = new List<string>();
                    foreach (JsonElement f in t.GetProperty("flags").EnumerateArray())
                    {
                        flags.Add(f.GetString()!);
                    }

                    yield return (t.GetProperty("tcId").GetInt32(), t.GetProperty("result").GetString()!, flags.ToArray(),
                        TestData.Hex(t.GetProperty("sig").GetString()!));
                }
            }
        }

        /// <summary>Wycheproof (C2SP) ecdsa_secp256r1_sha256_test.json: strictness of the DER signature parser.</summary>
        [Fact]
        public void WycheproofDerSignatures()
        {
            int valid = 0, encodingRejected = 0, other = 0;
            byte[] rs = new byte[64];
            byte[] again = new byte[EcdsaSignatureEncoding.MaxDerLength];
            foreach (var t in Wycheproof())
            {
                Asn1Status s = EcdsaSignatureEncoding.DecodeDer(t.Sig, 0, t.Sig.Length, rs, 0);
                bool encodingFlag = Array.Exists(t.Flags, f => EncodingFlags.Contains(f));
                if (t.Result == "valid")
                {
                    Assert.True(s == Asn1Status.Ok, "tc " + t.Id + ": " + s);
                    valid++;
                }
                else if (encodingFlag)
                {
                    Assert.True(s != Asn1Status.Ok, "tc " + t.Id + " must not parse");
                    encodingRejected++;
                }
                else
                {
                    other++;
                }

                if (s == Asn1Status.Ok)
                {
                    // Strictness: an accepted encoding is the unique DER of its (r, s).
                    Assert.Equal(Asn1Status.Ok, EcdsaSignatureEncoding.EncodeDer(rs, 0, again, 0, again.Length, out int n));
                    Assert.True(t.Sig.AsSpan().SequenceEqual(again.AsSpan(0, n)), "tc " + t.Id + " re-encodes differently");
                }
                else
                {
                    Assert.All(rs, b => Assert.Equal(0, b));
                }
            }

            Assert.Equal(174, valid);
            Assert.Equal(163, encodingRejected);
            Assert.Equal(147, other);
        }

        [Theory]
        [InlineData("3006020101020101", Asn1Status.Ok)]
        [InlineData("300602010102010100", Asn1Status.TrailingData)]
        [InlineData("3007020101020101", Asn1Status.Truncated)]
        [InlineData("3008020101020101" + "0000", Asn1Status.TrailingData)]
        [InlineData("30070201010201010500", Asn1Status.TrailingData)]
        [InlineData("3009020101020101050000", Asn1Status.TrailingData)]
        [InlineData("308006020101020101", Asn1Status.IndefiniteLength)]
        [InlineData("30810602010102010100", Asn1Status.NonMinimalLength)]
        [InlineData("3106020101020101", Asn1Status.UnexpectedTag)]
        [InlineData("300602010103010100", Asn1Status.TrailingData)]
        [InlineData("3006020101030101", Asn1Status.UnexpectedTag)]
        [InlineData("3006020101020201", Asn1Status.Truncated)]
        [InlineData("3007020101020200 01", Asn1Status.NonMinimalInteger)]
        [InlineData("30060201010201ff", Asn1Status.NegativeInteger)]
        [InlineData("3005020101 0200", Asn1Status.NonMinimalInteger)]
        [InlineData("3003020101", Asn1Status.MissingElement)]
        [InlineData("", Asn1Status.MissingElement)]
        [InlineData("30", Asn1Status.Truncated)]
        public void HandWrittenRejections(string hex, Asn1Status expected)
        {
            byte[] der = TestData.Hex(hex);
            byte[] rs = new byte[64];
            Assert.Equal(expected, EcdsaSignatureEncoding.DecodeDer(der, 0, der.Length, rs, 0));
        }

        [Fact]
        public void ThirtyThreeByteMagnitudeIsTooLarge()
        {
            byte[] der = new byte[2 + 2 + 33 + 3];
            der[0] = 0x30;
            der[1] = (byte)(der.Length - 2);
            der[2] = 0x02;
            der[3] = 33;
            der[4] = 0x01;
            der[2 + 2 + 33] = 0x02;
            der[2 + 2 + 33 + 1] = 1;
            der[2 + 2 + 33 + 2] = 1;
            byte[] rs = new byte[64];
            Assert.Equal(Asn1Status.IntegerTooLarge, EcdsaSignatureEncoding.DecodeDer(der, 0, der.Length, rs, 0));
        }

        [Fact]
        public void RoundTripsWithDotNetBothWays()
        {
            using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var rng = new System.Random(5);
            byte[] rs = new byte[64];
            byte[] der = new byte[80];
            for (int i = 0; i < 300; i++)
            {
                byte[] msg = new byte[rng.Next(0, 64)];
                rng.NextBytes(msg);
                byte[] theirDer = key.SignData(msg, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
                Assert.Equal(Asn1Status.Ok, EcdsaSignatureEncoding.DecodeDer(theirDer, 0, theirDer.Length, rs, 0));
                Assert.True(key.VerifyData(msg, rs, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

                byte[] theirRaw = key.SignData(msg, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
                Assert.Equal(Asn1Status.Ok, EcdsaSignatureEncoding.EncodeDer(theirRaw, 0, der, 5, 75, out int n));
                Assert.Equal(n, EcdsaSignatureEncoding.GetDerLength(theirRaw, 0));
                Assert.True(key.VerifyData(msg, der.AsSpan(5, n), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
            }
        }

        [Theory]
        [InlineData(0x00, 0x00)]
        [InlineData(0x80, 0x80)]
        [InlineData(0x00, 0xff)]
        [InlineData(0x7f, 0x01)]
        public void EdgeMagnitudesRoundTrip(int fillR, int fillS)
        {
            byte[] rs = new byte[64];
            for (int i = 0; i < 32; i++)
            {
                rs[i] = (byte)fillR;
                rs[32 + i] = (byte)fillS;
            }

            rs[10] = 0; // also a zero in the middle
            byte[] der = new byte[72];
            Assert.Equal(Asn1Status.Ok, EcdsaSignatureEncoding.EncodeDer(rs, 0, der, 0, 72, out int n));
            var reader = new System.Formats.Asn1.AsnReader(der.AsMemory(0, n), System.Formats.Asn1.AsnEncodingRules.DER);
            var seq = reader.ReadSequence();
            seq.ReadInteger();
            seq.ReadInteger();
            seq.ThrowIfNotEmpty();
            byte[] back = new byte[64];
            Assert.Equal(Asn1Status.Ok, EcdsaSignatureEncoding.DecodeDer(der, 0, n, back, 0));
            Assert.Equal(rs, back);
        }

        private static bool ReferenceAccepts(byte[] der)
        {
            try
            {
                var outer = new System.Formats.Asn1.AsnReader(der, System.Formats.Asn1.AsnEncodingRules.DER);
                var seq = outer.ReadSequence();
                outer.ThrowIfNotEmpty();
                for (int i = 0; i < 2; i++)
                {
                    ReadOnlyMemory<byte> v = seq.ReadIntegerBytes();
                    ReadOnlySpan<byte> b = v.Span;
                    if (b[0] >= 0x80)
                    {
                        return false;
                    }

                    int magnitude = b.Length > 1 && b[0] == 0 ? b.Length - 1 : b.Length;
                    if (magnitude > 32)
                    {
                        return false;
                    }
                }

                seq.ThrowIfNotEmpty();
                return true;
            }
            catch (System.Formats.Asn1.AsnContentException)
            {
                return false;
            }
        }

        [Fact]
        public void MutatedSignaturesAgreeWithDotNetDerReader()
        {
            using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var rng = new System.Random(17);
            byte[] rs = new byte[64];
            int accepted = 0;
            var sigs = new byte[64][];
            for (int i = 0; i < sigs.Length; i++)
            {
                sigs[i] = key.SignData(new byte[] { (byte)i }, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            }

            for (int i = 0; i < 20000; i++)
            {
                byte[] sig = sigs[i & 63];
                var m = new System.Collections.Generic.List<byte>(sig);
                switch (rng.Next(4))
                {
                    case 0: m[rng.Next(m.Count)] ^= (byte)(1 << rng.Next(8)); break;
                    case 1: m.Insert(rng.Next(m.Count + 1), (byte)rng.Next(256)); break;
                    case 2: m.RemoveAt(rng.Next(m.Count)); break;
                    default: m[rng.Next(Math.Min(6, m.Count))] = (byte)rng.Next(256); break;
                }

                byte[] der = m.ToArray();
                bool ours = EcdsaSignatureEncoding.DecodeDer(der, 0, der.Length, rs, 0) == Asn1Status.Ok;
                Assert.True(ours == ReferenceAccepts(der), Convert.ToHexString(der));
                if (ours)
                {
                    accepted++;
                }
            }

            Assert.True(accepted > 0);
        }

        [Fact]
        public void SmallBufferWritesNothing()
        {
            byte[] rs = new byte[64];
            rs[0] = 0x80;
            rs[32] = 0x80;
            byte[] der = new byte[71];
            Assert.Equal(Asn1Status.BufferTooSmall, EcdsaSignatureEncoding.EncodeDer(rs, 0, der, 0, 71, out int n));
            Assert.Equal(0, n);
            Assert.All(der, b => Assert.Equal(0, b));
        }

        [Fact]
        public void DecodeAndEncodeAllocateNothing()
        {
            byte[] rs = new byte[64];
            rs[5] = 0x91;
            rs[40] = 0x33;
            byte[] der = new byte[72];
            EcdsaSignatureEncoding.EncodeDer(rs, 0, der, 0, 72, out int n);
            EcdsaSignatureEncoding.DecodeDer(der, 0, n, rs, 0);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                EcdsaSignatureEncoding.EncodeDer(rs, 0, der, 0, 72, out n);
                EcdsaSignatureEncoding.DecodeDer(der, 0, n, rs, 0);
            }

            Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        }
    }
}
