using System.Security.Cryptography;
using System.Text;
using NanoMikey.Sip.Auth;

namespace NanoMikey.Sip.Tests.Auth
{
    public class DigestTests
    {
        /// <summary>The blocks of tests/vectors/sip/digest.txt, by name.</summary>
        private static Dictionary<string, string> Vector(string name)
        {
            var block = new Dictionary<string, string>();
            bool inBlock = false;
            foreach (string line in File.ReadAllLines(TestData.VectorPath("sip", "digest.txt")))
            {
                if (line.StartsWith('#')) continue;
                if (line.Length == 0)
                {
                    if (inBlock) break;
                    continue;
                }

                int colon = line.IndexOf(": ", StringComparison.Ordinal);
                string key = line[..colon], value = line[(colon + 2)..];
                if (key == "name") inBlock = value == name;
                if (inBlock) block[key] = value;
            }

            Assert.True(block.Count > 0, name);
            return block;
        }

        public static readonly TheoryData<string> RfcExamples = new() { "rfc7616-3.9.1-sha256", "rfc7616-3.9.1-md5", "rfc2617-3.5" };

        [Theory]
        [MemberData(nameof(RfcExamples))]
        public void RfcExample_ResponseMatches(string name)
        {
            Dictionary<string, string> v = Vector(name);
            var c = new DigestChallenge();
            Assert.Equal(DigestStatus.Ok, c.Read(v["challenge"]));
            Assert.True(c.QopAuth);
            var a = new DigestAuthorization();
            var cred = new DigestCredentials(v["username"], c.Realm, v["password"]);
            Assert.Equal(DigestStatus.Ok, a.Write(c, cred, v["method"], v["uri"], v["cnonce"]));
            Assert.Equal(v["response"], a.Response);
            Assert.Equal(v["nc"], a.Value![(a.Value!.IndexOf("nc=", StringComparison.Ordinal) + 3)..]);
            Assert.Contains("response=\"" + v["response"] + "\"", a.Value);
            Assert.Contains("cnonce=\"" + v["cnonce"] + "\"", a.Value);
            Assert.Contains("qop=auth", a.Value);
            Assert.Contains("opaque=\"" + c.Opaque + "\"", a.Value);
            Assert.StartsWith("Digest username=\"" + v["username"] + "\", realm=\"" + c.Realm + "\", nonce=\"" + c.Nonce + "\", uri=\"" + v["uri"] + "\"", a.Value);
        }

        [Fact]
        public void Rfc7616_Challenges_Parsed()
        {
            var c = new DigestChallenge();
            Assert.Equal(DigestStatus.Ok, c.Read(Vector("rfc7616-3.9.1-sha256")["challenge"]));
            Assert.Equal(DigestAlgorithm.Sha256, c.Algorithm);
            Assert.Equal("http-auth@example.org", c.Realm);
            Assert.Equal("7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", c.Nonce);
            Assert.Equal("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", c.Opaque);
            Assert.False(c.Stale);
            Assert.Equal(DigestStatus.Ok, c.Read(Vector("rfc2617-3.5")["challenge"]));
            Assert.Equal(DigestAlgorithm.Md5, c.Algorithm); // absent: MD5 (RFC 7616 §3.3)
        }

        // RFC 2617 §3.2.2.1 (RFC 2069 compatibility): no qop -> response = H(H(A1):nonce:H(A2)), no cnonce, no nc.
        [Theory]
        [InlineData("MD5")]
        [InlineData("SHA-256")]
        public void NoQop_ResponseIsRfc2069Form(string algorithm)
        {
            var c = new DigestChallenge();
            Assert.Equal(DigestStatus.Ok, c.Read("Digest realm=\"atlanta.com\", nonce=\"84a4cc6f3082121f32b42a2187831a9e\", algorithm=" + algorithm));
            Assert.False(c.QopAuth);
            var a = new DigestAuthorization();
            Assert.Equal(DigestStatus.Ok, a.Write(c, new DigestCredentials("alice", null, "secret"), "REGISTER", "sip:atlanta.com", "unused"));
            Func<string, string> h = s => Convert.ToHexString(algorithm == "MD5" ? MD5.HashData(Encoding.UTF8.GetBytes(s)) : SHA256.HashData(Encoding.UTF8.GetBytes(s))).ToLowerInvariant();
            string expected = h(h("alice:atlanta.com:secret") + ":84a4cc6f3082121f32b42a2187831a9e:" + h("REGISTER:sip:atlanta.com"));
            Assert.Equal(expected, a.Response);
            Assert.DoesNotContain("cnonce", a.Value);
            Assert.DoesNotContain("nc=", a.Value);
            Assert.DoesNotContain("qop", a.Value);
            Assert.EndsWith("algorithm=" + algorithm, a.Value);
        }

        // RFC 7616 §3.4.2: A1 = H(user:realm:pass):nonce:cnonce for -sess.
        [Theory]
        [InlineData("MD5-sess")]
        [InlineData("SHA-256-sess")]
        public void Sess_A1IncludesNonceAndCnonce(string algorithm)
        {
            var c = new DigestChallenge();
            Assert.Equal(DigestStatus.Ok, c.Read("Digest realm=\"r\", nonce=\"n1\", qop=\"auth\", algorithm=" + algorithm));
            var a = new DigestAuthorization();
            Assert.Equal(DigestStatus.Ok, a.Write(c, new DigestCredentials("u", "r", "p\u00e9"), "INVITE", "sip:bob@b", "cn"));
            Func<string, string> h = s => Convert.ToHexString(algorithm == "MD5-sess" ? MD5.HashData(Encoding.UTF8.GetBytes(s)) : SHA256.HashData(Encoding.UTF8.GetBytes(s))).ToLowerInvariant();
            string ha1 = h(h("u:r:p\u00e9") + ":n1:cn");
            Assert.Equal(h(ha1 + ":n1:00000001:cn:auth:" + h("INVITE:sip:bob@b")), a.Response);
        }

        // RFC 7616 §3.4: nc counts the answers to one nonce; a new nonce (stale=true) starts again at 1.
        [Fact]
        public void NonceCount_CountsPerNonce_StaleStartsAgain()
        {
            var c = new DigestChallenge();
            var a = new DigestAuthorization();
            var cred = new DigestCredentials("alice", "atlanta.com", "secret");
            Assert.Equal(DigestStatus.Ok, c.Read("Digest realm=\"atlanta.com\", nonce=\"aaa\", qop=auth, algorithm=SHA-256"));
            a.Write(c, cred, "REGISTER", "sip:atlanta.com", "c1");
            Assert.Equal(1u, a.NonceCount);
            a.Write(c, cred, "REGISTER", "sip:atlanta.com", "c2");
            Assert.Equal(2u, a.NonceCount);
            Assert.EndsWith("nc=00000002", a.Value);
            Assert.Equal(DigestStatus.Ok, c.Read("Digest realm=\"atlanta.com\", nonce=\"bbb\", stale=TRUE, qop=auth, algorithm=SHA-256"));
            Assert.True(c.Stale);
            a.Write(c, cred, "REGISTER", "sip:atlanta.com", "c3");
            Assert.Equal(1u, a.NonceCount);
        }

        [Fact]
        public void QuotesInServerValues_EscapedInAnswer_HashedUnescaped()
        {
            var c = new DigestChallenge();
            Assert.Equal(DigestStatus.Ok, c.Read("Digest realm=\"a\\\"b\", nonce=\"x\\\\y\""));
            Assert.Equal("a\"b", c.Realm);
            Assert.Equal("x\\y", c.Nonce);
            var a = new DigestAuthorization();
            Assert.Equal(DigestStatus.Ok, a.Write(c, new DigestCredentials("u", null, "p"), "REGISTER", "sip:x", "c"));
            Assert.Contains("realm=\"a\\\"b\", nonce=\"x\\\\y\"", a.Value);
            Func<string, string> h = s => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(s))).ToLowerInvariant();
            Assert.Equal(h(h("u:a\"b:p") + ":x\\y:" + h("REGISTER:sip:x")), a.Response);
        }

        public static readonly TheoryData<string, DigestStatus> Hostile = new()
        {
            { "Digest realm=\"r\"", DigestStatus.MissingNonce },
            { "Digest realm=\"r\", nonce=\"\"", DigestStatus.MissingNonce },
            { "Digest nonce=\"n\"", DigestStatus.MissingRealm },
            { "Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256", DigestStatus.UnsupportedAlgorithm },
            { "Digest realm=\"r\", nonce=\"n\", algorithm=\"\"", DigestStatus.UnsupportedAlgorithm },
            { "Digest realm=\"r\", nonce=\"n\", algorithm=MD5-sess", DigestStatus.UnsupportedQop },
            { "Digest realm=\"r\", nonce=\"n\", qop=\"auth-int\"", DigestStatus.UnsupportedQop },
            { "Basic realm=\"r\"", DigestStatus.UnsupportedScheme },
            { "", DigestStatus.UnsupportedScheme },
            { "Digest realm=\"r, nonce=\"n\"", DigestStatus.Malformed },
            { "Digest realm=\"r\" nonce=\"n\"", DigestStatus.Malformed },
            { "Digest realm", DigestStatus.Malformed },
            { "Digest =x", DigestStatus.Malformed },
            { "Digest realm=\"r\", realm=\"s\", nonce=\"n\"", DigestStatus.Malformed },
            { "Digest realm=\"r\", nonce=\"n\", nonce=\"m\"", DigestStatus.Malformed },
            { "Digest realm=\"r\\", DigestStatus.Malformed },
            { "Digest realm=\"r\", nonce=\"" + new string('n', DigestChallenge.MaxParameterLength + 1) + "\"", DigestStatus.TooLarge },
            { "Digest realm=\"r\", nonce=" + new string('n', DigestChallenge.MaxParameterLength + 1), DigestStatus.TooLarge },
            { "Digest realm=\"r\", nonce=\"n\"" + string.Concat(Enumerable.Repeat(", x=1", DigestChallenge.MaxParameters)), DigestStatus.TooLarge },
            { "Digest realm=\"" + new string('r', DigestChallenge.MaxLength) + "\"", DigestStatus.TooLarge },
        };

        [Theory]
        [MemberData(nameof(Hostile))]
        public void HostileChallenge_Status_LastChallengeKept(string value, DigestStatus expected)
        {
            var c = new DigestChallenge();
            Assert.Equal(DigestStatus.Ok, c.Read("Digest realm=\"good\", nonce=\"n0\", qop=\"auth\", algorithm=SHA-256, opaque=\"o\""));
            Assert.Equal(expected, c.Read(value));
            Assert.Equal("good", c.Realm);
            Assert.Equal("n0", c.Nonce);
            Assert.Equal("o", c.Opaque);
            Assert.Equal(DigestAlgorithm.Sha256, c.Algorithm);
            Assert.True(c.QopAuth);
        }

        [Fact]
        public void UnknownParameters_Ignored_CaseInsensitiveNames()
        {
            var c = new DigestChallenge();
            Assert.Equal(DigestStatus.Ok, c.Read("  digest  REALM = \"r\" ,domain=\"sip:x\",NONCE=\"n\", charset=UTF-8, userhash=false, Algorithm=sha-256  "));
            Assert.Equal(DigestAlgorithm.Sha256, c.Algorithm);
            Assert.Equal("r", c.Realm);
            Assert.Null(c.Opaque);
        }

        [Fact]
        public void Write_WithoutChallenge_OrOtherRealm_Status()
        {
            var a = new DigestAuthorization();
            var c = new DigestChallenge();
            Assert.Equal(DigestStatus.NoChallenge, a.Write(c, new DigestCredentials("u", null, "p"), "REGISTER", "sip:x", "c"));
            Assert.Equal(DigestStatus.Ok, c.Read("Digest realm=\"r\", nonce=\"n\""));
            Assert.Equal(DigestStatus.WrongRealm, a.Write(c, new DigestCredentials("u", "other", "p"), "REGISTER", "sip:x", "c"));
            Assert.Null(a.Value);
            Assert.Throws<ArgumentException>(() => a.Write(c, new DigestCredentials("u", null, "p"), "REGISTER", "sip:x", "bad\"cnonce"));
        }

        [Fact]
        public void Clear_WipesPassword()
        {
            var cred = new DigestCredentials("u", null, "secret");
            cred.Clear();
            var c = new DigestChallenge();
            c.Read("Digest realm=\"r\", nonce=\"n\"");
            var a = new DigestAuthorization();
            a.Write(c, cred, "REGISTER", "sip:x", "c");
            Func<string, string> h = s => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(s))).ToLowerInvariant();
            Assert.Equal(h(h("u:r:") + ":n:" + h("REGISTER:sip:x")), a.Response);
        }
    }
}
