using System.Diagnostics;
using System.Text;
using NanoMikey.Hardware.Host;
using NanoMikey.Net.Sockets;
using NanoMikey.Sip.Message;
using NanoMikey.Sip.Transaction;

namespace NanoMikey.Sip.Tests.Transaction
{
    /// <summary>
    /// One INVITE client transaction over real UDP on 127.0.0.1 against SIPp's built-in UAS scenario (INVITE → 180, 200;
    /// ACK; BYE → 200), started and killed by pid. Ports 19100–19109 (this class's part of sip-codec's range). Fails, not
    /// skips, when sipp is missing (CI installs sip-tester).
    /// </summary>
    public class SippUdpTests
    {
        private const int LocalPort = 19100;
        private const int SippPort = 19101;
        private const int SippMediaPort = 19104;

        private sealed class SocketSender : ISipSender
        {
            private readonly IDatagramSocket _socket;

            public SocketSender(IDatagramSocket socket) => _socket = socket;

            public bool Send(byte[] buffer, int offset, int length, uint address, int port) =>
                _socket.SendTo(buffer, offset, length, address, port) == DatagramStatus.Ok;
        }

        [Fact]
        public void InviteTransactionAgainstSippUasThenAckAndBye()
        {
            var psi = new ProcessStartInfo("sipp") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string a in new[] { "-sn", "uas", "-i", "127.0.0.1", "-p", SippPort.ToString(), "-mp", SippMediaPort.ToString(), "-m", "1", "-nostdin", "-timeout", "20", "-timeout_error" })
            {
                psi.ArgumentList.Add(a);
            }

            var output = new StringBuilder();
            using var socket = new HostDatagramSocket();
            Assert.Equal(DatagramStatus.Ok, socket.Bind(IPv4.Loopback, LocalPort));
            Process sipp;
            try
            {
                sipp = Process.Start(psi)!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new System.InvalidOperationException("sipp is not installed (apt-get install sip-tester): " + e.Message);
            }

            try
            {
                sipp.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
                sipp.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
                sipp.BeginOutputReadLine();
                sipp.BeginErrorReadLine();
                RunCall(socket, sipp, output);
                Assert.True(sipp.WaitForExit(10000), "sipp did not end after the call: " + Text(output));
                sipp.WaitForExit();
                Assert.True(sipp.ExitCode == 0, "sipp exit code " + sipp.ExitCode + ": " + Text(output));
            }
            finally
            {
                if (!sipp.HasExited)
                {
                    sipp.Kill();
                    sipp.WaitForExit(5000);
                }

                sipp.Dispose();
            }
        }

        private static string Text(StringBuilder b)
        {
            lock (b) return b.ToString();
        }

        private static void RunCall(HostDatagramSocket socket, Process sipp, StringBuilder output)
        {
            var table = new SipTransactionTable(4, 4, SipLimits.MaxDatagram, new SocketSender(socket));
            var tokens = new SipTokenGenerator(new HostEntropySource());
            string target = "sip:service@127.0.0.1:" + SippPort;
            string callId = tokens.NewCallId("127.0.0.1");
            string fromTag = tokens.NewTag();
            string via = "SIP/2.0/UDP 127.0.0.1:" + LocalPort + ";rport;branch=";
            var w = new SipMessageWriter(SipLimits.MaxDatagram);
            w.StartRequest(SipMethod.Invite, target);
            w.Header(SipHeaderName.Via, via + tokens.NewBranch());
            w.HeaderUInt(SipHeaderName.MaxForwards, 70);
            w.Header(SipHeaderName.From, "<sip:panel@127.0.0.1>;tag=" + fromTag);
            w.Header(SipHeaderName.To, "<" + target + ">");
            w.Header(SipHeaderName.CallId, callId);
            w.HeaderCSeq(1, SipMethod.Invite);
            w.Header(SipHeaderName.Contact, "<sip:panel@127.0.0.1:" + LocalPort + ">");
            int n = w.Body("application/sdp", "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 19106 RTP/AVP 0\r\n");
            // An in-dialog request (RFC 3261 §12.2.1.1): the remote target, both tags, a new branch.
            int InDialog(SipMethod method, uint cseq, string remote, string toTag)
            {
                w.StartRequest(method, remote);
                w.Header(SipHeaderName.Via, via + tokens.NewBranch());
                w.HeaderUInt(SipHeaderName.MaxForwards, 70);
                w.Header(SipHeaderName.From, "<sip:panel@127.0.0.1>;tag=" + fromTag);
                w.Header(SipHeaderName.To, "<" + target + ">;tag=" + toTag);
                w.Header(SipHeaderName.CallId, callId);
                w.HeaderCSeq(cseq, method);
                return w.EndNoBody();
            }

            var clock = Stopwatch.StartNew();
            long Now() => clock.ElapsedTicks * 1000000 / Stopwatch.Frequency;

            Assert.Equal(SipStartStatus.Ok, table.StartClient(w.Buffer, 0, n, IPv4.Loopback, SippPort, Now(), out SipClientTransaction? invite));
            SipClientTransaction? bye = null;
            var reader = new SipMessageReader();
            byte[] rx = new byte[SipLimits.MaxDatagram];
            bool ringing = false;
            int oks = 0;
            while (Now() < 15000000)
            {
                table.Run(Now());
                if (invite!.State == SipTransactionState.TimedOut) throw new Xunit.Sdk.XunitException("INVITE timed out: " + Text(output));
                if (bye != null && bye.State == SipTransactionState.Completed) break;
                if (!socket.Poll(20000)) continue;
                if (socket.ReceiveFrom(rx, 0, rx.Length, out int got, out _, out _) != DatagramStatus.Ok) continue;
                Assert.Equal(SipReadStatus.Ok, reader.Read(rx, 0, got));
                if (reader.IsRequest) continue;
                SipReceiveResult r = table.ReceiveResponse(reader, Now(), out SipClientTransaction? t);
                if (r != SipReceiveResult.PassToUser) continue;
                if (t == invite && reader.StatusCode == 180) ringing = true;
                if (t != invite || reader.StatusCode != 200) continue;
                Assert.Equal(SipTransactionState.Accepted, invite.State);
                string toTag = reader.ToTag!;
                string remote = reader.ContactUri ?? target;

                // The ACK for a 2xx is the user's (RFC 3261 §13.2.2.4): new branch, same CSeq number, sent for every 2xx.
                oks++;
                n = InDialog(SipMethod.Ack, 1, remote, toTag);
                Assert.Equal(DatagramStatus.Ok, socket.SendTo(w.Buffer, 0, n, IPv4.Loopback, SippPort));
                if (bye != null) continue;

                n = InDialog(SipMethod.Bye, 2, remote, toTag);
                Assert.Equal(SipStartStatus.Ok, table.StartClient(w.Buffer, 0, n, IPv4.Loopback, SippPort, Now(), out bye));
            }

            Assert.True(ringing, "no 180 from sipp: " + Text(output));
            Assert.True(oks >= 1);
            Assert.NotNull(bye);
            Assert.Equal(SipTransactionState.Completed, bye!.State);
            Assert.Equal(200, bye.LastStatusCode);
            Assert.Equal(200, invite!.LastStatusCode);
        }
    }
}
