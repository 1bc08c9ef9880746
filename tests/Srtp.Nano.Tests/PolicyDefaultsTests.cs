using System.Reflection;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Srtp.Tests
{
    /// <summary>
    /// SrtpPolicy.SetDefaults: a MIKEY responder starts each crypto session's policy from the RFC 3711 defaults in place
    /// (RFC 3830 §6.10.1) instead of copying from a defaults policy it holds (issue 10 §2 heap), so SetDefaults must reset
    /// every property to what the constructor gives, whatever the policy held before.
    /// </summary>
    public class PolicyDefaultsTests
    {
        [Fact]
        public void SetDefaults_RestoresEveryPropertyOfANewPolicy()
        {
            PropertyInfo[] settable = typeof(SrtpPolicy).GetProperties(BindingFlags.Instance | BindingFlags.Public)
                .Where(p => p.CanWrite && p.CanRead).ToArray();
            Assert.True(settable.Length >= 26);
            var fresh = new SrtpPolicy();
            var used = SrtpPolicy.AeadAes256Gcm();
            foreach (PropertyInfo p in settable)
            {
                // Move every property off its default (a value the setter accepts: the default's neighbour, or flipped).
                object d = p.GetValue(fresh)!;
                object other = d switch
                {
                    bool b => !b,
                    int i => i + 1,
                    uint u => u + 1,
                    ulong l => l - 1,
                    Enum e => Enum.ToObject(p.PropertyType, Convert.ToInt32(e) + 1),
                    _ => throw new InvalidOperationException(p.Name + ": " + d.GetType().Name),
                };
                p.SetValue(used, other);
                Assert.NotEqual(d, p.GetValue(used));
            }

            used.SetDefaults();
            foreach (PropertyInfo p in settable) Assert.True(Equals(p.GetValue(fresh), p.GetValue(used)), p.Name + " not reset");
        }
    }
}
