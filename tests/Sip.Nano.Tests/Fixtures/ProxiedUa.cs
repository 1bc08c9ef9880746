using NanoMikey.Net.Sockets;
using NanoMikey.Sip.Auth;
using NanoMikey.Sip.Tests.UserAgent;
using NanoMikey.Sip.UserAgent;

namespace NanoMikey.Sip.Tests.Fixtures
{
    /// <summary>Our user agents behind the Kamailio fixture: every request to the proxy, registered as user@nanomikey.test.</summary>
    internal static class ProxiedUa
    {
        /// <summary>A user agent on 127.0.0.1:<paramref name="port"/> (media port 10 above), sending through the proxy; it never answers by itself unless configured.</summary>
        public static UaNode Node(int proxyPort, int port, string user, UaKeys? keys = null, Action<SipUserAgentOptions>? configure = null,
            ISipCalleeKeying? callee = null)
            => new UaNode(port, user, o =>
            {
                o.LocalUri = "sip:" + user + "@" + KamailioProcess.Domain;
                o.OutboundProxyAddress = IPv4.Loopback;
                o.OutboundProxyPort = proxyPort;
                o.MediaPort = port + 10;
                o.AutoAnswerDelayMicros = -1;
                configure?.Invoke(o);
            }, keys, callee);

        /// <summary>Registers the node as <paramref name="user"/> with the cfg's password and asserts the 200.</summary>
        public static void Register(UaNode node, string user)
        {
            node.Ua.Register("sip:" + KamailioProcess.Domain, 300, new DigestCredentials(user, null, KamailioProcess.Password(user)), Pump.Now);
            Assert.True(Pump.Until(() => node.Ua.Registration.State != SipRegistrationState.Registering, 5000, node.Ua),
                "registration of " + user + ": " + node.Ua.Registration.State);
            Assert.True(node.Ua.Registration.State == SipRegistrationState.Registered,
                user + ": " + node.Ua.Registration.State + " " + node.Ua.Registration.Failure + " " + node.Ua.Registration.LastStatusCode);
        }
    }
}
