namespace NanoMikey.Mikey.Keys
{
    /// <summary>
    /// Start-up selection of the engine the MIKEY PRF (<see cref="MikeyPrf"/>) and the KEMAC / V MAC
    /// (<see cref="KemacProtection"/>) go to (issue 15). Null (the default) keeps the managed code unchanged; the managed
    /// HMAC objects are then created only for what the engine declines. Set it once at start-up.
    /// </summary>
    public static class MikeyOffload
    {
        private static IMikeyOffload? s_engine;

        /// <summary>The engine, or null for the managed code.</summary>
        public static IMikeyOffload? Engine
        {
            get { return s_engine; }
            set { s_engine = value; }
        }
    }
}
