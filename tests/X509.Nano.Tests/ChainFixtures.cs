using System;
using System.IO;
using System.Security.Cryptography.X509Certificates;
using NanoMikey.X509.Asn1;
using X509Certificate = NanoMikey.X509.X509Certificate;

namespace NanoMikey.X509.Tests
{
    /// <summary>The OpenSSL-made chains of tests/vectors/x509/chains (see make-chains.sh there) and the time scale they use.</summary>
    internal static class ChainFixtures
    {
        /// <summary>DER of chains/NAME.pem.</summary>
        public static byte[] Der(string name) =>
            X509Certificate2.CreateFromPem(File.ReadAllText(TestData.VectorPath("x509", "chains", name + ".pem"))).RawData;

        /// <summary>chains/NAME.pem, parsed.</summary>
        public static X509Certificate Load(string name) => Parse(Der(name));

        /// <summary>Several fixtures, parsed, in the given order.</summary>
        public static X509Certificate[] LoadAll(string[] names)
        {
            var all = new X509Certificate[names.Length];
            for (int i = 0; i < names.Length; i++)
            {
                all[i] = Load(names[i]);
            }

            return all;
        }

        /// <summary>Parses a certificate that must be well-formed.</summary>
        public static X509Certificate Parse(byte[] der)
        {
            var c = new X509Certificate();
            Assert.Equal(Asn1Status.Ok, c.Parse(der, 0, der.Length));
            return c;
        }

        /// <summary>A UTC time as seconds since 1900-01-01T00:00:00Z, the validator's scale.</summary>
        public static ulong Ntp(int year, int month, int day, int hour = 0, int minute = 0, int second = 0)
        {
            var t = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
            return (ulong)(t - new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero)).Ticks / TimeSpan.TicksPerSecond;
        }
    }
}
