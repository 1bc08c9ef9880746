#if PROBE_CALL
using System;
using NanoMikey.Firmware.Call;
using NanoMikey.Mikey.Modes;
using NanoMikey.OnDevice.Emulated;

namespace NanoMikey.OnDevice
{
    /// <summary>
    /// A whole call between two emulated devices on the interpreter (issue 11: "steady state allocates nothing per packet"):
    /// PSK keying over MIKEY/UDP, then MediaChannel both ways (G.711 µ-law, RTP, SRTP AES_CM_128_HMAC_SHA1_80, jitter buffer,
    /// SRTCP reports). Warm-up lasts until each side has received the other's first SRTCP report (SRTCP keys are derived on
    /// the first report); then <see cref="Frames"/> frames each way inside PROBE BEGIN/END. run.sh runs it on its own with a
    /// heap a little above what the two devices need (NF_CALL_HEAP_BYTES, default 216 KB: ~29 KB free at BEGIN), so that one
    /// allocation per frame (1 000 in the region) cannot fit without a collection.
    /// </summary>
    internal static class CallProbe
    {
        public const int Frames = 500;      // 10 s each way

        public static void Run()
        {
            var call = new EmulatedCall();
            if (call.Key() != MikeyExchangeStatus.Ok) Fail("PSK keying over UDP");
            MediaStatistics a = call.A.Media.Statistics, b = call.B.Media.Statistics;
            int warm = 0;
            while (a.ReportsReceived == 0 || b.ReportsReceived == 0)
            {
                call.Frames(1);
                if (++warm > 400) Fail("no SRTCP report in 8 s");
            }

            Console.WriteLine("PROBE INFO warm-up " + warm + " frames");
            long t0 = DateTime.UtcNow.Ticks;
            Console.WriteLine("PROBE BEGIN call-g711-srtp");
            call.Frames(Frames);
            Console.WriteLine("PROBE END call-g711-srtp");
            long t1 = DateTime.UtcNow.Ticks;
            call.Drain();
            if (!call.Clean()) Fail("call: " + Counters(a) + " / " + Counters(b));
            if (a.PacketsSent != warm + Frames || b.PacketsSent != warm + Frames) Fail("frames sent " + a.PacketsSent + "/" + b.PacketsSent);
            if (a.ReportsReceived < 2 || b.ReportsReceived < 2 || call.B.Speaker.Energy == 0) Fail("reports or audio missing");
            // Both directions run in the span: per frame and direction, protect + unprotect, G.711 both ways, jitter buffer.
            long us = (t1 - t0) / 10;
            Console.WriteLine("PROBE TIME call-g711-srtp frames=" + Frames + " total_us=" + us + " us_per_frame_per_direction=" + (us / (2 * Frames)));
            Console.WriteLine("PROBE INFO call " + Counters(a) + " / " + Counters(b));
        }

        private static string Counters(MediaStatistics s)
        {
            return "sent=" + s.PacketsSent + " received=" + s.PacketsReceived + " auth=" + s.AuthenticationFailures + " replay=" + s.ReplaysDropped
                + " malformed=" + s.Malformed + " played=" + s.FramesPlayed + " concealed=" + s.FramesConcealed + " late=" + s.Late
                + " reports=" + s.ReportsSent + "/" + s.ReportsReceived + " dropped=" + s.ReportsDropped;
        }

        private static void Fail(string what)
        {
            throw new InvalidOperationException(what);
        }
    }
}
#endif
