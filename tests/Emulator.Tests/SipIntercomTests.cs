using NanoMikey.Emulator.Audio;
using NanoMikey.Emulator.Network;
using NanoMikey.Emulator.Scenarios;
using NanoMikey.Emulator.Scheduling;
using NanoMikey.Emulator.Sip;
using NanoMikey.Emulator.Sntp;
using NanoMikey.Firmware.Config;
using NanoMikey.Firmware.Roles;
using NanoMikey.Mikey.Modes;
using NanoMikey.Net.Sockets;
using NanoMikey.Net.Time;
using NanoMikey.Sip.UserAgent;

namespace NanoMikey.Emulator.Tests
{
    /// <summary>
    /// The firmware's <see cref="SipIntercom"/> with PSK keying through a real Kamailio on 127.0.0.1:19620 (devices on
    /// 127.0.0.12–14, ports 19620–19625): indoor units that ring until picked up by hand, the callee hanging up, and a fresh
    /// SSRC for every answer (units sharing a PSK must never reuse a keystream, RFC 3711 §9.1). Fails without kamailio.
    /// </summary>
    public class SipIntercomTests
    {
        private const int Port = 19620;
        private const long Second = 1_000_000;
        private static readonly byte[] Psk = Convert.FromHexString("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

        [Fact]
        public void PskCallsAreAnsweredByHandEndedByTheCalleeAndEachAnswerHasAFreshSsrc()
        {
            Assert.True(KamailioRunner.IsInstalled, KamailioRunner.NotInstalled);
            using var kamailio = new KamailioRunner(Port);
            var scheduler = new VirtualScheduler { Paced = true };
            uint local = IPv4.FromOctets(127, 0, 0, 1);
            IDatagramSocket ts = new LoopbackNetworkInterface(local).CreateUdpSocket();
            Assert.Equal(DatagramStatus.Ok, ts.Bind(local, 0));
            scheduler.Add(new SntpServerTask(new SntpServer(ts, () => NtpTimestamp.FromUtcTicks(DateTime.UtcNow.Ticks))));
            EmulatedDevice door = Device("door", 12, "flat", scheduler, ts.LocalPort);
            EmulatedDevice one = Device("flat", 13, null, scheduler, ts.LocalPort);
            EmulatedDevice two = Device("flat", 14, null, scheduler, ts.LocalPort);
            SipIntercom caller = door.SipIntercom!, a = one.SipIntercom!, b = two.SipIntercom!;
            Assert.True(scheduler.RunUntil(() => caller.Registered && a.Registered && b.Registered && door.Stack.Clock.IsSynchronised, 20 * Second));

            var ssrcs = new List<uint>();
            for (int call = 0; call < 2; call++)
            {
                caller.PressCall();
                Assert.True(scheduler.RunUntil(() => a.State == StationState.Ringing && b.State == StationState.Ringing, scheduler.NowMicros + 10 * Second),
                    "call " + call + ": " + a.State + " " + b.State + " " + caller.UserAgent.CallState + "; callee UAs " + a.UserAgent.CallState + " " + b.UserAgent.CallState
                    + "; registered " + a.Registered + " " + b.Registered + "; a refused " + a.UserAgent.Refused + ", last status " + a.UserAgent.LastStatusCode
                    + ", transactions " + a.UserAgent.Transactions.ActiveClients + "/" + a.UserAgent.Transactions.ActiveServers);
                a.Answer();
                Assert.True(scheduler.RunUntil(() => caller.State == StationState.InCall && a.State == StationState.InCall, scheduler.NowMicros + 5 * Second));
                Assert.Equal(MikeyMode.Psk, caller.CallerKeying!.Offer.Mode);
                ssrcs.Add(a.CalleeKeying!.Keys!.Get(1).Ssrc);
                Assert.True(scheduler.RunUntil(() => b.State == StationState.Idle, scheduler.NowMicros + 5 * Second), b.State.ToString()); // CANCELled
                Assert.Null(b.CalleeKeying!.Keys);
                scheduler.RunUntil(scheduler.NowMicros + Second);
                a.HangUp(one.Clock.MonotonicMicroseconds);
                // The stations are idle as soon as the callee hangs up, but its BYE is answered a moment later: a call arriving while the
                // BYE is in flight meets a callee still "Ending", which rightly answers 486 (one call at a time). Wait for both ends.
                Assert.True(scheduler.RunUntil(() => caller.State == StationState.Idle && a.State == StationState.Idle
                    && caller.UserAgent.CallState == SipCallState.Ended && a.UserAgent.CallState == SipCallState.Ended, scheduler.NowMicros + 5 * Second),
                    caller.State + " " + caller.UserAgent.CallState + " " + a.UserAgent.CallState);
                Assert.True(a.Totals.PacketsReceived > 30 && caller.Totals.PacketsReceived > 30, a.Totals.PacketsReceived + " " + caller.Totals.PacketsReceived);
                Assert.Equal(0, a.Totals.AuthenticationFailures + caller.Totals.AuthenticationFailures);
            }

            Assert.Equal(2, caller.Calls);
            Assert.Equal(2, a.Calls);
            Assert.Equal(0, b.Calls);
            Assert.NotEqual(ssrcs[0], ssrcs[1]);
        }

        private static EmulatedDevice Device(string user, int host, string? call, VirtualScheduler scheduler, int sntpPort)
        {
            uint address = IPv4.FromOctets(127, 0, 0, (byte)host);
            var c = new DeviceConfig
            {
                Role = DeviceRole.Intercom,
                Name = user + host,
                Address = address,
                PreSharedKey = Psk,
                SipRegistrarAddress = IPv4.FromOctets(127, 0, 0, 1),
                SipRegistrarPort = Port,
                SipDomain = KamailioRunner.Domain,
                SipUser = user,
                SipPassword = KamailioRunner.Password(user),
                SipCall = call,
                SipPort = Port + 1,
                MikeyPort = Port + 2,
                RtpPort = Port + 4,
                StreamSeconds = 0,
            };
            c.AddTimeServer(IPv4.FromOctets(127, 0, 0, 1), sntpPort);
            Assert.Equal(ConfigStatus.Ok, DeviceConfigReader.Validate(c));
            return new EmulatedDevice(c, scheduler, new LoopbackNetworkInterface(address, null, scheduler), 11, 0, 0,
                new ToneSource(ToneShape.TwoTone, 500, 0.5, 1200), recordSeconds: 30);
        }
    }
}
