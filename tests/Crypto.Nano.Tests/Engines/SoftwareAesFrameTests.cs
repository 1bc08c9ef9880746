using System.Reflection;
using NanoMikey.Crypto.Cipher;

namespace NanoMikey.Crypto.Tests.Engines
{
    // The nanoFramework interpreter allocates every local of a method's frame on the managed heap when it calls the
    // method, so one method with a huge frame sets a transient heap peak (issue 10 §2: a 176-local EncryptFour was the
    // out-of-memory point of both device scenarios). The host build has the same locals as the device build (or more:
    // Debug keeps every named local), so the bound checked here also holds on the device.
    public class SoftwareAesFrameTests
    {
        // SubBytes' 29 gate registers are the largest frame; room for a few compiler temporaries.
        private const int MaxLocals = 40;

        [Fact]
        public void EveryMethod_HasASmallFrame()
        {
            const BindingFlags all = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
            int checkedMethods = 0;
            foreach (MethodInfo m in typeof(SoftwareAes).GetMethods(all))
            {
                MethodBody? body = m.GetMethodBody();
                if (body == null) continue;
                checkedMethods++;
                Assert.True(body.LocalVariables.Count <= MaxLocals,
                    "SoftwareAes." + m.Name + " has " + body.LocalVariables.Count + " locals (at most " + MaxLocals + ")");
            }
            Assert.True(checkedMethods > 10);
        }
    }
}
