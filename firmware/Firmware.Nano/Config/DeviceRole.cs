namespace NanoMikey.Firmware.Config
{
    /// <summary>What a device does; one firmware, the role comes from its configuration.</summary>
    public enum DeviceRole
    {
        /// <summary>Not configured.</summary>
        None = 0,

        /// <summary>An intercom station: calls another station (MIKEY initiator) or answers (responder); audio both ways.</summary>
        Intercom = 1,

        /// <summary>A sensor streamer: wakes, keys with its collector (initiator), streams one way, sleeps.</summary>
        Sensor = 2,

        /// <summary>A collector: answers sensors (responder) and receives their streams.</summary>
        Collector = 3,
    }
}
