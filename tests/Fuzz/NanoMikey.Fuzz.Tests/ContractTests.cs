using NanoMikey.Fuzz;
using NanoMikey.Fuzz.Targets;

namespace NanoMikey.Fuzz.Tests
{
    /// <summary>The contract checks can fail: inputs that break a contract, made by hand, are reported as violations.</summary>
    public class ContractTests
    {
        [Theory]
        [InlineData("responder-psk")]
        [InlineData("responder-ecdhsign")]
        [InlineData("responder-dhhmac")]
        public void EveryByteFlipOfTheGenuineOfferIsRejectedAndTheGenuineOneAccepted(string name)
        {
            var t = (ResponderTarget)FuzzTargets.Create(name);
            t.ProbeAlways = true;
            byte[] g = t.Genuine;
            t.Run(g);
            for (int i = 0; i < g.Length; i += Math.Max(1, g.Length / 64))
            {
                byte[] m = (byte[])g.Clone();
                m[i] ^= 0x01;
                t.Run(m);
            }
        }

        [Fact]
        public void SrtpTargetAcceptsItsGenuinePacketsAndRejectsFlips()
        {
            var t = (SrtpTarget)FuzzTargets.Create("srtp");
            foreach (byte[] seed in t.Seeds)
            {
                t.Run(seed);
                byte[] m = (byte[])seed.Clone();
                m[m.Length - 1] ^= 0x80;
                t.Run(m);
            }
        }

        [Fact]
        public void AContractViolationIsAnException()
        {
            // Base64's contract: it must reject what .NET rejects. A target whose parser accepted "A===" would throw; check the
            // machinery by a violation of the guard check itself.
            var ex = Assert.Throws<ContractViolation>(() => new GuardProbe().Run(new byte[] { 1, 2, 3 }));
            Assert.Contains("wrote after its buffer", ex.Message);
        }

        private sealed class GuardProbe : FuzzTarget
        {
            public override string Name => "probe";

            protected override void Check(byte[] input)
            {
                byte[] b = Guarded(input);
                b[Guard + input.Length] = 0; // one byte past the input: what a parser must never do
                RequireUnchanged(b, input, "probe");
            }
        }
    }
}
