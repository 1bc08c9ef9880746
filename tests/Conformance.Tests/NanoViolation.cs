namespace NanoMikey.Conformance.Tests
{
    /// <summary>One rule broken at one place: the type and member that break it.</summary>
    public sealed record NanoViolation(NanoRule Rule, string Where, string Detail)
    {
        public override string ToString() => $"{Rule} at {Where}: {Detail}";
    }
}
