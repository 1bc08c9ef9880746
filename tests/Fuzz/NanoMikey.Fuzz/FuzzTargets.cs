using NanoMikey.Fuzz.Targets;

namespace NanoMikey.Fuzz
{
    /// <summary>Every target by name: the list run.sh fuzzes and the replay tests cover.</summary>
    public static class FuzzTargets
    {
        /// <summary>The target names, in run order (cheap parsers first).</summary>
        public static readonly string[] Names = BuildNames();

        private static string[] BuildNames()
        {
            var names = new List<string> { "mikey-reader", "base64", "sdp-keymgmt", "rtsp-keymgmt", "rtsp-request", "sip-message", "der", "x509", "srtp", "srtcp" };
            foreach (string m in ResponderTarget.Modes) names.Add("responder-" + m);
            return names.ToArray();
        }

        /// <summary>Creates the target <paramref name="name"/>.</summary>
        public static FuzzTarget Create(string name)
        {
            switch (name)
            {
                case "mikey-reader": return new MikeyReaderTarget();
                case "base64": return new Base64Target();
                case "sdp-keymgmt": return new SdpKeyMgmtTarget();
                case "rtsp-keymgmt": return new RtspKeyMgmtTarget();
                case "rtsp-request": return new RtspRequestTarget();
                case "sip-message": return new SipMessageTarget();
                case "der": return new DerTarget();
                case "x509": return new X509Target();
                case "srtp": return new SrtpTarget(false);
                case "srtcp": return new SrtpTarget(true);
            }

            if (name.StartsWith("responder-", StringComparison.Ordinal) && Array.IndexOf(ResponderTarget.Modes, name.Substring(10)) >= 0)
            {
                return new ResponderTarget(name.Substring(10));
            }

            throw new ArgumentException("unknown target '" + name + "'; targets: " + string.Join(", ", Names));
        }
    }
}
