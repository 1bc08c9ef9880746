namespace NanoMikey.Emulator.Scenarios
{
    /// <summary>Which demo runs.</summary>
    public enum DemoScenarioKind
    {
        /// <summary>A door station calls an indoor unit; audio both ways.</summary>
        Intercom = 0,

        /// <summary>A sensor keys with its collector (PSK) and streams one way.</summary>
        Sensor = 1,
    }
}
