using NanoMikey.Ecc;

namespace NanoMikey.Ecc.Tests
{
    /// <summary>
    /// NIST CAVP "ECC CDH Primitive" test vectors (SP 800-56A §5.7.1.2), KAS_ECC_CDH_PrimitiveTest.txt from
    /// ecccdhtestvectors.zip (CAVS 14.1), section [P-256], COUNT = 0..3.
    /// </summary>
    public class NistCdhTests
    {
        [Theory]
        [InlineData("700c48f77f56584c5cc632ca65640db91b6bacce3a4df6b42ce7cc838833d287", "db71e509e3fd9b060ddb20ba5c51dcc5948d46fbf640dfe0441782cab85fa4ac",
            "7d7dc5f71eb29ddaf80d6214632eeae03d9058af1fb6d22ed80badb62bc1a534", "46fc62106420ff012e54a434fbdd2d25ccc5852060561e68040dd7778997bd7b")]
        [InlineData("809f04289c64348c01515eb03d5ce7ac1a8cb9498f5caa50197e58d43a86a7ae", "b29d84e811197f25eba8f5194092cb6ff440e26d4421011372461f579271cda3",
            "38f65d6dce47676044d58ce5139582d568f64bb16098d179dbab07741dd5caf5", "057d636096cb80b67a8c038c890e887d1adfa4195e9b3ce241c8a778c59cda67")]
        [InlineData("df3989b9fa55495719b3cf46dccd28b5153f7808191dd518eff0c3cff2b705ed", "422294ff46003429d739a33206c8752552c8ba54a270defc06e221e0feaf6ac4",
            "207c43a79bfee03db6f4b944f53d2fb76cc49ef1c9c4d34d51b6c65c4db6932d", "96441259534b80f6aee3d287a6bb17b5094dd4277d9e294f8fe73e48bf2a0024")]
        [InlineData("356c5a444c049a52fee0adeb7e5d82ae5aa83030bfff31bbf8ce2096cf161c4b", "57d128de8b2a57a094d1a001e572173f96e8866ae352bf29cddaf92fc85b2f92",
            "85a268f9d7772f990c36b42b0a331adc92b5941de0b862d5d89a347cbf8faab0", "1e51373bd2c6044c129c436e742a55be2a668a85ae08441b6756445df5493857")]
        public void SharedSecretMatchesZIut(string qx, string qy, string d, string z)
        {
            var key = P256PrivateKey.FromScalar(TestData.Hex(d), 0)!;
            byte[] point = TestData.Hex("04" + qx + qy);
            var secret = new byte[32];
            Assert.True(EcdhP256.ComputeSharedSecret(key, point, 0, point.Length, secret, 0));
            Assert.Equal(z, Convert.ToHexString(secret).ToLowerInvariant());
        }

        [Fact]
        public void PublicKeyMatchesQIut()
        {
            // COUNT = 0 and 1: QIUT = dIUT * G.
            var k0 = P256PrivateKey.FromScalar(TestData.Hex("7d7dc5f71eb29ddaf80d6214632eeae03d9058af1fb6d22ed80badb62bc1a534"), 0)!;
            var k1 = P256PrivateKey.FromScalar(TestData.Hex("38f65d6dce47676044d58ce5139582d568f64bb16098d179dbab07741dd5caf5"), 0)!;
            var p = new byte[65];
            k0.PublicKey.ExportUncompressed(p, 0);
            Assert.Equal("04ead218590119e8876b29146ff89ca61770c4edbbf97d38ce385ed281d8a6b23028af61281fd35e2fa7002523acc85a429cb06ee6648325389f59edfce1405141", Convert.ToHexString(p).ToLowerInvariant());
            k1.PublicKey.ExportUncompressed(p, 0);
            Assert.Equal("04119f2f047902782ab0c9e27a54aff5eb9b964829ca99c06b02ddba95b0a3f6d08f52b726664cac366fc98ac7a012b2682cbd962e5acb544671d41b9445704d1d", Convert.ToHexString(p).ToLowerInvariant());
        }
    }
}
