using NanoMikey.Emulator.Sip;

namespace NanoMikey.Sip.Tests.Fixtures
{
    /// <summary>
    /// Kamailio as the tests' registrar and forking proxy on 127.0.0.1 (Fixtures/kamailio.cfg, which the emulator embeds):
    /// the emulator's <see cref="KamailioRunner"/> (by pid, foreground, temp dir, stopped with SIGTERM) with the tests'
    /// switches. A missing kamailio throws: the tests fail, they do not skip.
    /// </summary>
    public sealed class KamailioProcess : IDisposable
    {
        /// <summary>Default UDP port.</summary>
        public const int DefaultPort = 19460;

        /// <summary>The SIP domain of the configuration's users.</summary>
        public const string Domain = KamailioRunner.Domain;

        private readonly KamailioRunner _runner;

        /// <summary>Starts Kamailio and waits until it answers OPTIONS.</summary>
        /// <param name="port">UDP port on 127.0.0.1.</param>
        /// <param name="sha256">Digest with SHA-256 (RFC 8760) instead of MD5: the auth module's algorithm is global.</param>
        /// <param name="inviteAuth">Challenge INVITEs with 407 too (RFC 3261 §22.3).</param>
        public KamailioProcess(int port = DefaultPort, bool sha256 = false, bool inviteAuth = false)
        {
            var defines = new List<string>();
            if (sha256) defines.Add("AUTH_SHA256");
            if (inviteAuth) defines.Add("INVITE_AUTH");
            _runner = new KamailioRunner(port, defines.ToArray());
        }

        /// <summary>The proxy's UDP port on 127.0.0.1.</summary>
        public int Port => _runner.Port;

        /// <summary>The proxy's address as a SIP host:port.</summary>
        public string HostPort => "127.0.0.1:" + Port;

        /// <summary>Kamailio's log so far.</summary>
        public string Log => _runner.Log;

        /// <summary>The password of a user in the cfg's fixed table.</summary>
        public static string Password(string user) => KamailioRunner.Password(user);

        /// <summary>Stops Kamailio by its pid and deletes its temp directory.</summary>
        public void Dispose() => _runner.Dispose();
    }
}
