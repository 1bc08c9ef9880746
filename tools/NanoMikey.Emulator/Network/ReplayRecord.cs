namespace NanoMikey.Emulator.Network
{
    /// <summary>One replay by the <see cref="ManInTheMiddle"/>: the captured datagram and when it was injected again.</summary>
    /// <param name="Datagram">The captured original.</param>
    /// <param name="AtMicros">Virtual time of the injection (and delivery: a replay takes no impairment).</param>
    public readonly record struct ReplayRecord(CapturedDatagram Datagram, long AtMicros);
}
