using System;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Srtp.Tests
{
    /// <summary>The parameter set maps one-to-one to MIKEY SP SRTP parameters (RFC 3830 §6.10.1, RFC 4771 §4, RFC 7714 §14.3).</summary>
    public class PolicyTests
    {
        [Fact]
        public void CopyFrom_CopiesEveryProperty()
        {
            // Every settable property gets a value unlike the default; a property CopyFrom forgets shows up here.
            var source = new SrtpPolicy();
            int n = 3;
            foreach (var p in typeof(SrtpPolicy).GetProperties().Where(p => p.CanWrite))
            {
                object v = p.PropertyType == typeof(bool) ? !(bool)p.GetValue(source)!
                    : p.PropertyType.IsEnum ? Enum.ToObject(p.PropertyType, n)
                    : Convert.ChangeType(n, p.PropertyType);
                p.SetValue(source, v);
                n++;
            }
            var target = new SrtpPolicy();
            target.CopyFrom(source);
            foreach (var p in typeof(SrtpPolicy).GetProperties().Where(p => p.CanWrite))
                Assert.Equal(p.GetValue(source), p.GetValue(target));
        }

        [Fact]
        public void Defaults_AreRfc3711()
        {
            var p = new SrtpPolicy();
            Assert.Equal(SrtpEncryptionAlgorithm.AesCm, p.EncryptionAlgorithm);
            Assert.Equal(16, p.SessionEncryptionKeyLength);
            Assert.Equal(SrtpAuthenticationAlgorithm.HmacSha1, p.AuthenticationAlgorithm);
            Assert.Equal(20, p.SessionAuthenticationKeyLength);
            Assert.Equal(14, p.SessionSaltKeyLength);
            Assert.Equal(10, p.AuthenticationTagLength);
            Assert.Equal(0u, p.KeyDerivationRate);
            Assert.True(p.SrtpEncryption && p.SrtcpEncryption && p.SrtpAuthentication);
            Assert.Equal(128, p.ReplayWindowSize);
            Assert.True(p.IsSupported(out _));
        }

        [Fact]
        public void WriteThenSet_RoundTrips()
        {
            var p = SrtpPolicy.AeadAes256Gcm();
            p.KeyDerivationRate = 1u << 20;
            p.RocTransmissionRate = 300;
            p.SrtcpAuthenticationTagLength = 10;
            byte[] buf = new byte[128];
            int n = p.WriteParameters(buf, 0);
            Assert.True(n > 0);
            var q = new SrtpPolicy();
            int pos = 0;
            while (pos < n)
            {
                Assert.True(q.SetParameter(buf[pos], buf, pos + 2, buf[pos + 1]));
                pos += 2 + buf[pos + 1];
            }
            Assert.Equal(p.EncryptionAlgorithm, q.EncryptionAlgorithm);
            Assert.Equal(32, q.SessionEncryptionKeyLength);
            Assert.Equal(12, q.SessionSaltKeyLength);
            Assert.Equal(1u << 20, q.KeyDerivationRate);
            Assert.Equal(300, q.RocTransmissionRate);
            Assert.Equal(10, q.SrtcpAuthenticationTagLength);
            Assert.Equal(16, q.AeadAuthenticationTagLength);
            Assert.True(q.IsSupported(out _));
            Assert.Equal(-1, p.WriteParameters(new byte[10], 0));
        }

        [Fact]
        public void KdrAcceptsAnyWidth()
        {
            var p = new SrtpPolicy();
            Assert.True(p.SetParameter(6, new byte[] { 0 }, 0, 1));
            Assert.Equal(0u, p.KeyDerivationRate);
            Assert.True(p.SetParameter(6, new byte[] { 0x01, 0x00, 0x00, 0x00 }, 0, 4));
            Assert.Equal(1u << 24, p.KeyDerivationRate);
            Assert.True(p.IsSupported(out _));
            Assert.True(p.SetParameter(6, new byte[] { 0x03 }, 0, 1));
            Assert.False(p.IsSupported(out _));
            Assert.False(p.SetParameter(6, new byte[5], 0, 5));
            Assert.False(p.SetParameter(13, new byte[] { 0, 0 }, 0, 2));
            Assert.False(p.SetParameter(99, new byte[] { 1 }, 0, 1));
            Assert.False(p.SetParameter(7, new byte[] { 2 }, 0, 1));
        }

        // RFC 4771 §4: the specific SRTP/SRTCP type wins over the general one for its protocol only.
        [Fact]
        public void SpecificParametersTakePrecedence()
        {
            var p = new SrtpPolicy();
            p.SetParameter(2, new byte[] { 3 }, 0, 1);   // general: RCCm2
            p.SetParameter(11, new byte[] { 14 }, 0, 1); // general tag (with ROC)
            p.SetParameter(19, new byte[] { 10 }, 0, 1); // SRTCP tag
            Assert.Equal(SrtpAuthenticationAlgorithm.RccM2, p.EffectiveSrtpAuthentication);
            Assert.Equal(14, p.EffectiveSrtpTagLength);
            Assert.Equal(SrtpAuthenticationAlgorithm.HmacSha1, p.EffectiveSrtcpAuthentication);
            Assert.Equal(10, p.EffectiveSrtcpTagLength);
            p.SetParameter(14, new byte[] { 1 }, 0, 1);  // SRTP: plain HMAC
            p.SetParameter(18, new byte[] { 4 }, 0, 1);
            Assert.Equal(SrtpAuthenticationAlgorithm.HmacSha1, p.EffectiveSrtpAuthentication);
            Assert.Equal(4, p.EffectiveSrtpTagLength);
            p.SetParameter(10, new byte[] { 0 }, 0, 1);  // SRTP authentication off
            Assert.Equal(SrtpAuthenticationAlgorithm.Null, p.EffectiveSrtpAuthentication);
            Assert.Equal(0, p.EffectiveSrtpTagLength);
        }

        [Theory]
        [InlineData(2, 2)]   // AES-F8
        [InlineData(5, 1)]   // SEED-CTR PRF
        [InlineData(12, 4)]  // prefix length
        [InlineData(1, 20)]  // odd key length
        public void Unsupported_IsRefusedWithReason(int type, int value)
        {
            var p = new SrtpPolicy();
            if (type == 2) p.EncryptionAlgorithm = SrtpEncryptionAlgorithm.AesF8;
            else Assert.True(p.SetParameter(type, new byte[] { (byte)value }, 0, 1));
            Assert.False(p.IsSupported(out string? reason));
            Assert.False(string.IsNullOrEmpty(reason));
            Assert.Throws<ArgumentException>(() => new SrtpCryptoContext(p, 1, SrtpDirection.Inbound, null));
        }

        [Fact]
        public void Esp32LikeFactory_FallsBackToSoftwareAesFor256()
        {
            var rng = new Random(32);
            var p = SrtpPolicy.AesCm256HmacSha1_80();
            byte[] key = TestKit.Random(rng, 32), salt = TestKit.Random(rng, 14);
            var esp = new NanoMikey.Hardware.Host.HostAesEngineFactory(esp32Like: true);
            var tx = TestKit.NewContext(p, 1, SrtpDirection.Outbound, key, salt, null, esp);
            var rx = TestKit.NewContext(p, 1, SrtpDirection.Inbound, key, salt, null, TestKit.Host);
            byte[] buf = new byte[128];
            int len = TestKit.BuildRtp(buf, 0, 1, 1, 50, rng);
            Assert.Equal(SrtpStatus.Ok, tx.Protect(buf, 0, ref len, buf.Length));
            Assert.Equal(SrtpStatus.Ok, rx.Unprotect(buf, 0, ref len));
        }
    }
}
