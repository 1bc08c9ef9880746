using System;
using System.Collections.Generic;
using System.IO;
using NanoMikey.Sip.Message;

namespace NanoMikey.Sip.Tests.Message
{
    /// <summary>
    /// Random mutations of valid messages (byte flips, separators, digits, line ends, cuts, duplicated spans): the reader
    /// returns a status and, when it says Ok, every property can be read without an exception.
    /// </summary>
    public class MutationTests
    {
        private static readonly byte[] Interesting = { (byte)'\r', (byte)'\n', (byte)' ', (byte)'\t', (byte)':', (byte)';', (byte)',', (byte)'"', (byte)'<', (byte)'>', (byte)'\\', (byte)'=', (byte)'9', (byte)'0', (byte)'-', 0, 0x7F, 0xFF, (byte)'[', (byte)'@' };

        private static IEnumerable<byte[]> Seeds()
        {
            string[] valid = { "wsinv", "intmeth", "esc01", "escnull", "esc02", "lwsdisp", "longreq", "dblreq", "semiuri", "transports", "mpart01", "unreason", "noreason" };
            foreach (string v in valid) yield return TortureTests.Load(v);
            foreach (string f in Directory.GetFiles(Path.GetDirectoryName(TestData.VectorPath("sip", "rfc3665", "3.1-session-F1-invite.txt"))!)) yield return File.ReadAllBytes(f);
            yield return System.Text.Encoding.ASCII.GetBytes(HostileInputTests.Options);
        }

        [Fact]
        public void ThousandsOfMutatedMessagesNeverThrow()
        {
            var rng = new Random(4475);
            var r = new SipMessageReader();
            var w = new SipMessageWriter(SipLimits.MaxDatagram);
            int ok = 0, total = 0;
            foreach (byte[] seed in Seeds())
            {
                for (int round = 0; round < 400; round++)
                {
                    byte[] b = Mutate(seed, rng);
                    SipReadStatus s = r.Read(b, 0, b.Length);
                    total++;
                    Assert.True(Enum.IsDefined(s));
                    if (s != SipReadStatus.Ok) continue;
                    ok++;
                    Touch(r);
                    if (r.IsRequest)
                    {
                        SipResponseTemplate.Write(w, r, 400, "Bad Request", "t");
                        SipResponseTemplate.WriteRecordRoute(w, r);
                        int n = w.EndNoBody();
                        if (n > 0) Assert.Equal(SipReadStatus.Ok, new SipMessageReader().Read(w.Buffer, 0, n));
                    }
                }
            }

            Assert.True(total >= 8000);
            Assert.True(ok > 100, "too few mutants stayed valid: " + ok);
        }

        private static void Touch(SipMessageReader r)
        {
            _ = r.MethodText; _ = r.ReasonPhrase; _ = r.RequestUri; _ = r.CallId; _ = r.FromUri; _ = r.FromTag; _ = r.ToUri;
            _ = r.ToTag; _ = r.CSeqMethodText; _ = r.TopViaBranch; _ = r.TopViaHost; _ = r.TopViaReceived; _ = r.TopViaTransport;
            _ = r.ContactUri; _ = r.ContentType; _ = r.Body; _ = r.ChallengeHeader; _ = r.HeaderValue("Subject"); _ = r.HasHeader("x");
            Assert.InRange(r.ViaCount, 1, SipLimits.MaxVia);
            for (int i = 0; i < r.ViaCount; i++) _ = r.ViaHeaderValue(i);
            for (int i = 0; i < r.RecordRouteCount; i++) _ = r.RecordRoute(i);
            Assert.InRange(r.BodyOffset + r.BodyLength, 0, r.Buffer.Length);
            var u = new SipUri();
            if (r.ContactUri != null) u.Parse(r.ContactUri);
            if (r.RequestUri != null) u.Parse(r.RequestUri);
            u.Parse(r.FromUri!);
        }

        private static byte[] Mutate(byte[] seed, Random rng)
        {
            var b = new List<byte>(seed);
            int edits = 1 + rng.Next(4);
            for (int e = 0; e < edits && b.Count > 0; e++)
            {
                int at = rng.Next(b.Count);
                switch (rng.Next(7))
                {
                    case 0: b[at] = (byte)rng.Next(256); break;
                    case 1: b[at] = Interesting[rng.Next(Interesting.Length)]; break;
                    case 2: b.Insert(at, Interesting[rng.Next(Interesting.Length)]); break;
                    case 3: b.RemoveAt(at); break;
                    case 4: b.RemoveRange(at, b.Count - at); break;
                    case 5:
                    {
                        int len = Math.Min(b.Count - at, 1 + rng.Next(40));
                        b.InsertRange(at, b.GetRange(at, len));
                        break;
                    }
                    default: b.InsertRange(at, new byte[] { (byte)'\r', (byte)'\n', (byte)' ' }); break;
                }
            }

            return b.ToArray();
        }
    }
}
