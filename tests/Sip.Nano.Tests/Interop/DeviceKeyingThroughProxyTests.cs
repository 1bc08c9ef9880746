using System.Net;
using System.Net.Sockets;
using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Session;
using NanoMikey.Sip.Keying;
using NanoMikey.Sip.Tests.Fixtures;
using NanoMikey.Sip.Tests.Keying;
using NanoMikey.Sip.Tests.UserAgent;
using NanoMikey.Sip.UserAgent;
using NanoMikey.Srtp;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;
using static NanoMikey.Sip.Tests.Keying.SipKeyingFixtures;

namespace NanoMikey.Sip.Tests.Interop
{
    /// <summary>
    /// Issue 13's scenarios through the real Kamailio with the device's keying (<see cref="SipMikeyOffer"/> and
    /// <see cref="SipMikeyAnswerer"/> through <see cref="SipMikeyCallerKeying"/> / <see cref="SipMikeyCalleeKeying"/>) and
    /// SRTP packets over real UDP from the bundles' contexts: forking with early media per fork, retargeting judged by
    /// identity, two 200s, a three-party shared-key conference. Ports 19700–19729: Kamailio on 19700, our UAs' SIP on
    /// 19710–19719, their media sockets 10 above.
    /// </summary>
    public sealed class DeviceKeyingThroughProxyTests
    {
        private const int ProxyPort = 19700;
        private const int DoorPort = 19710;
        private static readonly int[] IndoorPorts = { 19711, 19712, 19713 };
        private static readonly int[] LegPorts = { 19714, 19715, 19716 };
        private static readonly byte[][] IndoorIds = { Id("sip:indoor1@nanomikey.test"), Id("sip:indoor2@nanomikey.test"), Id("sip:indoor3@nanomikey.test") };
        private static readonly byte[] GuardId = Id("sip:guard@nanomikey.test");
        private readonly SipTestClock _clock = new SipTestClock { NtpNow = UaKeys.Clock.NtpNow, OffsetBoundSeconds = 1 };

        private SipMikeyCallerKeying DoorKeying(SipAnswerPolicy policy, string user)
        {
            var k = new SipMikeyCallerKeying(Caller(_clock, policy), Policy(), 4);
            Assert.True(k.AddTarget(PskTarget(Psk, "sip:" + user + "@" + KamailioProcess.Domain)));
            return k;
        }

        private UaNode Indoor(int port, string user, uint ssrc, byte[] identity, Action<SipUserAgentOptions>? configure = null)
            => ProxiedUa.Node(ProxyPort, port, user, null, configure, new SipMikeyCalleeKeying(PskDevice(_clock, ssrc, identity)));

        private static SipMikeyAnswerer AnswererOf(UaNode n) => ((SipMikeyCalleeKeying)n.CalleeKeying).Answerer;

        [Fact]
        public void DoorCallsFlatOfThreeIndoorUnits_SrtpPerForkInEarlyMedia_WinnersKeysBothWays_LosersWipedAtTheDoor()
        {
            using var proxy = new KamailioProcess(ProxyPort);
            using var door = ProxiedUa.Node(ProxyPort, DoorPort, "door");
            var indoor = new UaNode[3];
            var media = new UdpClient[4];
            try
            {
                for (int i = 0; i < 3; i++) indoor[i] = Indoor(IndoorPorts[i], "flat", 0x1000u * (uint)(i + 1), IndoorIds[i]);
                media[0] = MediaSocket(DoorPort);
                for (int i = 0; i < 3; i++) media[i + 1] = MediaSocket(IndoorPorts[i]);
                foreach (UaNode n in indoor) ProxiedUa.Register(n, "flat");
                SipUserAgent[] all = { door.Ua, indoor[0].Ua, indoor[1].Ua, indoor[2].Ua };

                var keying = DoorKeying(Allow(IndoorIds), "flat");
                Assert.Equal(SipCallFailure.None, door.Ua.Call("sip:flat@" + KamailioProcess.Domain, keying, Pump.Now));
                Assert.True(Pump.Until(() => door.Ua.EarlyTag(2) != null, 5000, all),
                    door.Ua.CallState + " " + door.Ua.LastFailure + " " + keying.Offer.LastStatus + "\n" + proxy.Log);
                Assert.Equal(3, keying.Offer.ForkCount);

                // RFC 5197 §5.1/§5.2: early media per fork, each indoor unit → door under its fork's keys (its own SSRC).
                var doorRx = new Dictionary<uint, SrtpCryptoContext>();
                var tags = new string[3];
                for (int i = 0; i < 3; i++)
                {
                    tags[i] = indoor[i].Ua.ActiveDialog!.LocalTag;
                    CryptoSessionBundle fork = door.Ua.EarlyMediaKeys(tags[i])!;
                    Assert.Same(fork, keying.Offer.EarlyBundle(tags[i]));
                    Assert.Equal(0x1000u * (uint)(i + 1), fork.Get(1).Ssrc);
                    doorRx.Add(fork.Get(1).Ssrc, Context(fork.Get(1), SrtpDirection.Inbound));
                    SendSrtp(media[i + 1], MediaPort(DoorPort), Context(AnswererOf(indoor[i]).Bundle.Get(1), SrtpDirection.Outbound), 1);
                }

                for (int i = 0; i < 3; i++) ReceiveSrtp(media[0], doorRx);
                Assert.All(doorRx.Values, c => Assert.Equal(1ul, c.HighestIndex));

                // Door → units: one stream, encrypted once and sent to every early dialog (the same packets, docs/sip.md),
                // each unit unprotects it with its own fork's keys.
                CryptoSession doorStream = door.Ua.EarlyMediaKeys(tags[0])!.Get(0);
                SrtpCryptoContext doorTx = Context(doorStream, SrtpDirection.Outbound);
                byte[] packet = Protect(doorTx, 1, doorStream.Ssrc);
                for (int i = 0; i < 3; i++)
                {
                    media[0].Send(packet, packet.Length, new IPEndPoint(IPAddress.Loopback, MediaPort(IndoorPorts[i])));
                    CryptoSession own = AnswererOf(indoor[i]).Bundle.Get(0);
                    ReceiveSrtp(media[i + 1], new Dictionary<uint, SrtpCryptoContext> { { own.Ssrc, Context(own, SrtpDirection.Inbound) } });
                }

                // The losers' key bytes at the door, to see them wiped.
                var loserKeys = new List<byte[]>();
                for (int i = 1; i < 3; i++)
                {
                    CryptoSessionBundle fork = door.Ua.EarlyMediaKeys(tags[i])!;
                    for (int cs = 0; cs < 2; cs++)
                    {
                        loserKeys.Add(fork.Get(cs).GetMasterKey(0).Key);
                        loserKeys.Add(fork.Get(cs).GetMasterKey(0).Salt);
                    }
                }

                Assert.All(loserKeys, k => Assert.False(AllZero(k)));

                // The first 200 wins, the proxy cancels the others (RFC 3261 §16.7 step 10).
                indoor[0].Ua.Answer(Pump.Now);
                Assert.True(Pump.Until(() => door.Ua.CallState == SipCallState.Established && indoor[0].Ua.CallState == SipCallState.Established
                    && indoor[1].Ua.CallState == SipCallState.Ended && indoor[2].Ua.CallState == SipCallState.Ended, 8000, all),
                    door.Ua.CallState + " " + indoor[0].Ua.CallState + " " + indoor[1].Ua.CallState + " " + indoor[2].Ua.CallState + "\n" + proxy.Log);
                Assert.Equal(tags[0], door.Ua.ActiveDialog!.RemoteTag);
                Assert.Equal(487, indoor[1].Ua.LastStatusCode);
                Assert.Equal(487, indoor[2].Ua.LastStatusCode);
                Assert.Equal(1, keying.Offer.ForkCount);
                Assert.All(loserKeys, k => Assert.True(AllZero(k)));
                Assert.Null(keying.Offer.EarlyBundle(tags[1]));
                Assert.Null(keying.Offer.EarlyBundle(tags[2]));

                // Media both ways with the winner's keys, over UDP to the port each side's SDP gave.
                CryptoSessionBundle doorKeys = door.Ua.ActiveCallKeys!, unitKeys = indoor[0].Ua.ActiveCallKeys!;
                Assert.Equal(MediaPort(IndoorPorts[0]), door.Ua.RemoteMediaPort);
                SendSrtp(media[0], door.Ua.RemoteMediaPort, Context(doorKeys.Get(0), SrtpDirection.Outbound), 2);
                ReceiveSrtp(media[1], new Dictionary<uint, SrtpCryptoContext> { { unitKeys.Get(0).Ssrc, Context(unitKeys.Get(0), SrtpDirection.Inbound) } });
                Assert.Equal(MediaPort(DoorPort), indoor[0].Ua.RemoteMediaPort);
                SendSrtp(media[1], indoor[0].Ua.RemoteMediaPort, Context(unitKeys.Get(1), SrtpDirection.Outbound), 2);
                ReceiveSrtp(media[0], new Dictionary<uint, SrtpCryptoContext> { { doorKeys.Get(1).Ssrc, Context(doorKeys.Get(1), SrtpDirection.Inbound) } });

                door.Ua.Hangup(Pump.Now);
                Assert.True(Pump.Until(() => door.Ua.CallState == SipCallState.Ended && indoor[0].Ua.CallState == SipCallState.Ended, 5000, all));
                Assert.Null(keying.Offer.Bundle);
            }
            finally
            {
                foreach (UdpClient? m in media) m?.Dispose();
                foreach (UaNode? n in indoor) n?.Dispose();
            }
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void RetargetNightToGuard_JudgedByTheIdentityInTheMikeyAnswer(bool guardAllowed)
        {
            // The door dials `night`; the proxy rewrites the Request-URI to `guard`, who answers with its own IDr. The
            // door's SipAnswerPolicy, not the URI dialled, decides (RFC 5197 §5, retargeting).
            using var proxy = new KamailioProcess(ProxyPort);
            using var door = ProxiedUa.Node(ProxyPort, DoorPort, "door");
            using var guard = Indoor(IndoorPorts[0], "guard", 0x6A4D, GuardId, o => o.AutoAnswerDelayMicros = 100000);
            ProxiedUa.Register(guard, "guard");
            var keying = DoorKeying(guardAllowed ? Allow(IndoorIds[0], GuardId) : Allow(IndoorIds), "night");
            Assert.Equal(SipCallFailure.None, door.Ua.Call("sip:night@" + KamailioProcess.Domain, keying, Pump.Now));
            if (guardAllowed)
            {
                Assert.True(Pump.Until(() => door.Ua.CallState == SipCallState.Established && guard.Ua.CallState == SipCallState.Established,
                    6000, door.Ua, guard.Ua), door.Ua.CallState + " " + door.Ua.LastFailure + " " + keying.Offer.LastStatus + "\n" + proxy.Log);
                Assert.Equal(KeyCompare.MasterKey(guard.Ua.ActiveCallKeys), KeyCompare.MasterKey(door.Ua.ActiveCallKeys));
                Assert.Equal(0x6A4Du, door.Ua.ActiveCallKeys!.Get(1).Ssrc);
                AssertSrtpBothWays(door.Ua.ActiveCallKeys!, guard.Ua.ActiveCallKeys!);
                door.Ua.Hangup(Pump.Now);
                Assert.True(Pump.Until(() => guard.Ua.CallState == SipCallState.Ended, 5000, door.Ua, guard.Ua));
                return;
            }

            // Refused: the call ends (CANCEL on the 183, or BYE on a 200) and no keys are kept on either side.
            Assert.True(Pump.Until(() => (door.Ua.CallState == SipCallState.Failed || door.Ua.CallState == SipCallState.Ended)
                && (guard.Ua.CallState == SipCallState.Ended || guard.Ua.CallState == SipCallState.Failed), 8000, door.Ua, guard.Ua),
                door.Ua.CallState + " " + guard.Ua.CallState + " " + door.Ua.LastFailure + "\n" + proxy.Log);
            Assert.Equal(SipCallFailure.KeyRejected, door.Ua.LastFailure);
            Assert.Equal(SipKeyOutcome.Refused, door.Ua.KeyStatus);
            Assert.Null(door.Ua.ActiveCallKeys);
            Assert.Null(keying.Offer.Bundle);
            Assert.Equal(0, keying.Offer.ForkCount);
            Assert.Null(guard.Ua.ActiveCallKeys);
            Pump.For(300, door.Ua, guard.Ua);
            Assert.NotEqual(SipCallState.Established, door.Ua.CallState);
        }

        [Fact]
        public void TwoIndoorUnitsAnswerAtOnce_BothTwoHundredsAcked_TheLoserByedAndItsKeysGone()
        {
            // RFC 3261 §13.2.2.4 / §16.7 step 5: the proxy forwards every 2xx; the door ACKs each and ends the extra one with BYE.
            using var proxy = new KamailioProcess(ProxyPort);
            using var door = ProxiedUa.Node(ProxyPort, DoorPort, "door");
            using var a = Indoor(IndoorPorts[0], "flat", 0xA001, IndoorIds[0]);
            using var b = Indoor(IndoorPorts[1], "flat", 0xB002, IndoorIds[1]);
            ProxiedUa.Register(a, "flat");
            ProxiedUa.Register(b, "flat");
            SipUserAgent[] all = { door.Ua, a.Ua, b.Ua };
            var keying = DoorKeying(Allow(IndoorIds), "flat");
            door.Ua.Call("sip:flat@" + KamailioProcess.Domain, keying, Pump.Now);
            Assert.True(Pump.Until(() => door.Ua.EarlyTag(1) != null && a.Ua.CallState == SipCallState.Incoming && b.Ua.CallState == SipCallState.Incoming,
                5000, all), door.Ua.CallState + " " + keying.Offer.LastStatus + "\n" + proxy.Log);
            var unitKeys = new Dictionary<UaNode, List<byte[]>> { { a, KeyBytes(AnswererOf(a).Bundle) }, { b, KeyBytes(AnswererOf(b).Bundle) } };
            var tagOf = new Dictionary<UaNode, string> { { a, a.Ua.ActiveDialog!.LocalTag }, { b, b.Ua.ActiveDialog!.LocalTag } };
            var doorForkKeys = new Dictionary<UaNode, List<byte[]>> { { a, KeyBytes(door.Ua.EarlyMediaKeys(tagOf[a])!) }, { b, KeyBytes(door.Ua.EarlyMediaKeys(tagOf[b])!) } };

            // Both answer before either hears of the other: two 200s reach the door.
            a.Ua.Answer(Pump.Now);
            b.Ua.Answer(Pump.Now);
            Assert.True(Pump.Until(() => door.Ua.CallState == SipCallState.Established
                && (a.Ua.CallState == SipCallState.Ended || b.Ua.CallState == SipCallState.Ended), 8000, all),
                door.Ua.CallState + " " + a.Ua.CallState + " " + b.Ua.CallState + "\n" + proxy.Log);
            UaNode winner = door.Ua.ActiveDialog!.RemoteTag == tagOf[a] ? a : b, loser = winner == a ? b : a;
            Assert.True(Pump.Until(() => winner.Ua.CallState == SipCallState.Established, 3000, all), winner.Ua.CallState.ToString());
            Assert.Equal(SipCallState.Ended, loser.Ua.CallState);
            Assert.Equal(SipCallFailure.None, loser.Ua.LastFailure); // ended by the BYE, not by a missing ACK (Timer H)

            // Through the proxy: an ACK to each unit's Contact, a BYE to the loser's only.
            // (Kamailio's log arrives asynchronously: wait for the lines.)
            string[] expected = { "ACK to sip:127.0.0.1:" + winner.Port, "ACK to sip:127.0.0.1:" + loser.Port, "BYE to sip:127.0.0.1:" + loser.Port };
            Assert.True(Pump.Until(() => expected.All(e => proxy.Log.Contains("in-dialog " + e + "\n")), 3000, all), proxy.Log);
            Assert.DoesNotContain("in-dialog BYE to sip:127.0.0.1:" + winner.Port, proxy.Log);

            // The loser's keys are gone on both ends, the winner's carry the call.
            Assert.All(doorForkKeys[loser], k => Assert.True(AllZero(k)));
            Assert.Null(keying.Offer.EarlyBundle(tagOf[loser]));
            Assert.All(unitKeys[loser], k => Assert.True(AllZero(k)));
            Assert.Null(loser.Ua.ActiveCallKeys);
            Assert.Equal(1, keying.Offer.ForkCount);
            AssertSrtpBothWays(door.Ua.ActiveCallKeys!, winner.Ua.ActiveCallKeys!);
            Assert.Equal(winner.Port + 10, door.Ua.RemoteMediaPort);
        }

        [Fact]
        public void ConferenceUnitInvitesThreeParticipantsWithTheSameOffer_SharedKeyMediaAmongThemWithDistinctSsrcs()
        {
            // RFC 5197 §5.4: the unit (three legs of user `conf`) invites alice, bob and carol with one offer; each answers
            // with its own SSRC, all hold the same TGK. docs/sip.md has the trade-off (group authentication only).
            using var proxy = new KamailioProcess(ProxyPort);
            string[] users = { "alice", "bob", "carol" };
            string[] uris = users.Select(u => "sip:" + u + "@" + KamailioProcess.Domain).ToArray();
            byte[][] ids = uris.Select(Id).ToArray();
            var conference = new SharedKeyConference(Caller(_clock, Allow(ids)), PskTarget(Psk, "sip:room@" + KamailioProcess.Domain), Policy(), uris);
            var parts = new UaNode[3];
            var legs = new UaNode[3];
            var partMedia = new UdpClient[3];
            var legMedia = new UdpClient[3];
            try
            {
                for (int i = 0; i < 3; i++)
                {
                    parts[i] = Indoor(IndoorPorts[i], users[i], 0xC0F1u + (uint)i, ids[i], o => o.AutoAnswerDelayMicros = 100000);
                    legs[i] = ProxiedUa.Node(ProxyPort, LegPorts[i], "conf");
                    partMedia[i] = MediaSocket(IndoorPorts[i]);
                    legMedia[i] = MediaSocket(LegPorts[i]);
                    ProxiedUa.Register(parts[i], users[i]);
                }

                SipUserAgent[] all = parts.Concat(legs).Select(n => n.Ua).ToArray();
                for (int i = 0; i < 3; i++) Assert.Equal(SipCallFailure.None, legs[i].Ua.Call(uris[i], conference.Leg(), Pump.Now));
                Assert.True(Pump.Until(() => all.All(u => u.CallState == SipCallState.Established), 8000, all),
                    string.Join(" ", all.Select(u => u.CallState + "/" + u.LastFailure)) + " " + conference.Offer.LastStatus + "\n" + proxy.Log);
                Assert.Equal(3, conference.Offer.ForkCount);

                // One TGK: every participant holds the same keys; the SSRCs (the unit's and each participant's) are distinct.
                var ssrcs = new HashSet<uint> { conference.Offer.OwnSsrc };
                CryptoSessionBundle[] keys = parts.Select(n => n.Ua.ActiveCallKeys!).ToArray();
                for (int i = 0; i < 3; i++)
                {
                    Assert.Equal(KeyCompare.MasterKey(keys[0]), KeyCompare.MasterKey(keys[i]));
                    Assert.Equal(MasterKey(keys[0].Get(1)), MasterKey(keys[i].Get(1)));
                    Assert.Equal(conference.Offer.OwnSsrc, keys[i].Get(0).Ssrc);
                    Assert.True(ssrcs.Add(keys[i].Get(1).Ssrc));
                    AssertSrtpBothWays(legs[i].Ua.ActiveCallKeys!, keys[i]);
                }

                // The unit's stream: encrypted once, the same packet to every participant.
                CryptoSession unit = legs[0].Ua.ActiveCallKeys!.Get(0);
                byte[] packet = Protect(Context(unit, SrtpDirection.Outbound), 1, unit.Ssrc);
                for (int i = 0; i < 3; i++)
                {
                    Assert.Equal(MediaPort(IndoorPorts[i]), legs[i].Ua.RemoteMediaPort);
                    legMedia[i].Send(packet, packet.Length, new IPEndPoint(IPAddress.Loopback, legs[i].Ua.RemoteMediaPort));
                    Assert.Equal(unit.Ssrc, ReceiveSrtp(partMedia[i], new Dictionary<uint, SrtpCryptoContext> { { unit.Ssrc, Context(keys[i].Get(0), SrtpDirection.Inbound) } }));
                }

                // Each participant's stream goes to the unit, which checks it and forwards the packet unchanged to the
                // others; they decrypt it with the shared key under the sender's SSRC (no re-encryption in the middle).
                for (int i = 0; i < 3; i++)
                {
                    SendSrtp(partMedia[i], parts[i].Ua.RemoteMediaPort, Context(keys[i].Get(1), SrtpDirection.Outbound), 1);
                    var from = new IPEndPoint(IPAddress.Any, 0);
                    byte[] got = legMedia[i].Receive(ref from);
                    byte[] check = (byte[])got.Clone();
                    int n = check.Length;
                    Assert.Equal(SrtpStatus.Ok, Context(legs[i].Ua.ActiveCallKeys!.Get(1), SrtpDirection.Inbound).Unprotect(check, 0, ref n));
                    for (int j = 0; j < 3; j++)
                    {
                        if (j == i) continue;
                        legMedia[j].Send(got, got.Length, new IPEndPoint(IPAddress.Loopback, MediaPort(IndoorPorts[j])));
                        var rx = new Dictionary<uint, SrtpCryptoContext> { { keys[i].Get(1).Ssrc, SharedKeyContext(keys[j].Get(1), keys[i].Get(1).Ssrc) } };
                        Assert.Equal(keys[i].Get(1).Ssrc, ReceiveSrtp(partMedia[j], rx));
                    }
                }

                // One participant leaves: its leg's keys go, the others' stay (rekeying the rest is the unit's job, docs/sip.md).
                legs[1].Ua.Hangup(Pump.Now);
                Assert.True(Pump.Until(() => parts[1].Ua.CallState == SipCallState.Ended && legs[1].Ua.CallState == SipCallState.Ended, 5000, all));
                Assert.Equal(2, conference.Offer.ForkCount);
                AssertSrtpBothWays(legs[0].Ua.ActiveCallKeys!, keys[0]);
                AssertSrtpBothWays(legs[2].Ua.ActiveCallKeys!, keys[2]);
            }
            finally
            {
                foreach (UdpClient? m in partMedia.Concat(legMedia)) m?.Dispose();
                foreach (UaNode? n in parts.Concat(legs)) n?.Dispose();
            }
        }

        private static string MasterKey(CryptoSession cs)
        {
            SrtpMasterKeyEntry k = cs.GetMasterKey(0);
            return Convert.ToHexString(k.Key, 0, k.KeyLength) + "/" + Convert.ToHexString(k.Salt, 0, k.SaltLength);
        }

        // A receiving context for another member's SSRC under this member's copy of the shared key.
        private static SrtpCryptoContext SharedKeyContext(CryptoSession own, uint ssrc)
        {
            var c = new SrtpCryptoContext(own.Policy, ssrc, SrtpDirection.Inbound, new HostAesEngineFactory(), SrtpMinimumPolicy.Strict);
            SrtpMasterKeyEntry k = own.GetMasterKey(0);
            c.AddMasterKey(k.Key, 0, k.Salt, 0, k.MkiLength > 0 ? k.Mki : null, 0);
            return c;
        }

        /// <summary>Every master key and salt array of a bundle (kept by reference, to see them wiped).</summary>
        internal static List<byte[]> KeyBytes(CryptoSessionBundle bundle)
        {
            var list = new List<byte[]>();
            for (int cs = 0; cs < bundle.Count; cs++)
            {
                SrtpMasterKeyEntry k = bundle.Get(cs).GetMasterKey(0);
                list.Add(k.Key);
                list.Add(k.Salt);
            }

            Assert.All(list, k => Assert.False(AllZero(k)));
            return list;
        }

        internal static int MediaPort(int sipPort) => sipPort + 10;

        internal static UdpClient MediaSocket(int sipPort)
        {
            var u = new UdpClient(new IPEndPoint(IPAddress.Loopback, MediaPort(sipPort)));
            u.Client.ReceiveTimeout = 3000;
            return u;
        }

        internal static SrtpCryptoContext Context(CryptoSession cs, SrtpDirection direction)
            => cs.CreateSrtpContext(direction, new HostAesEngineFactory(), SrtpMinimumPolicy.Strict);

        internal static byte[] Protect(SrtpCryptoContext tx, int seq, uint ssrc)
        {
            byte[] p = new byte[256];
            int n = Rtp(p, seq, ssrc);
            Assert.Equal(SrtpStatus.Ok, tx.Protect(p, 0, ref n, p.Length));
            return p.AsSpan(0, n).ToArray();
        }

        internal static void SendSrtp(UdpClient from, int toPort, SrtpCryptoContext tx, int seq)
        {
            byte[] p = Protect(tx, seq, tx.Ssrc);
            from.Send(p, p.Length, new IPEndPoint(IPAddress.Loopback, toPort));
        }

        /// <summary>Receives one SRTP packet and unprotects it with the context for its SSRC; returns the SSRC.</summary>
        internal static uint ReceiveSrtp(UdpClient at, Dictionary<uint, SrtpCryptoContext> bySsrc)
        {
            var from = new IPEndPoint(IPAddress.Any, 0);
            byte[] p = at.Receive(ref from);
            uint ssrc = (uint)(p[8] << 24 | p[9] << 16 | p[10] << 8 | p[11]);
            Assert.True(bySsrc.TryGetValue(ssrc, out SrtpCryptoContext? rx), "unexpected SSRC " + ssrc.ToString("X"));
            int n = p.Length;
            Assert.Equal(SrtpStatus.Ok, rx!.Unprotect(p, 0, ref n));
            Assert.Equal(172, n);
            Assert.Equal(100, p[100]);
            return ssrc;
        }
    }
}
