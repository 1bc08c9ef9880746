namespace NanoMikey.Firmware.Config
{
    /// <summary>Outcome of reading a configuration; the line of the first problem is in <see cref="DeviceConfigReader.ErrorLine"/>.</summary>
    public enum ConfigStatus
    {
        /// <summary>Read and complete.</summary>
        Ok = 0,

        /// <summary>A line is not <c>key = value</c>.</summary>
        Syntax = 1,

        /// <summary>A key this firmware does not know (a typo would otherwise go unnoticed).</summary>
        UnknownKey = 2,

        /// <summary>A value that does not parse (address, number, hex, name).</summary>
        BadValue = 3,

        /// <summary>A repeatable key given more often than the device has room for.</summary>
        TooMany = 4,

        /// <summary>Something the role needs is missing (role, address, peer, key material).</summary>
        Incomplete = 5,
    }
}
