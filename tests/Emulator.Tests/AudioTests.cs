using NanoMikey.Emulator.Audio;

namespace NanoMikey.Emulator.Tests
{
    public class AudioTests
    {
        private static short[] Read(NanoMikey.Firmware.Hal.IAudioSource source, int count)
        {
            var s = new short[count];
            for (int at = 0; at < count; at += 160) source.Read(s, at, Math.Min(160, count - at));
            return s;
        }

        [Fact]
        public void WavRoundTripAndClearRejection()
        {
            string dir = Path.Combine(Path.GetTempPath(), "emulator-wav-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                short[] tone = Read(new ToneSource(ToneShape.TwoTone, 440, 0.8, 1234), 8000);
                string path = Path.Combine(dir, "a.wav");
                WavFile.Write(path, tone);
                Assert.Equal(44 + 16000, new FileInfo(path).Length);
                Assert.Equal(tone, WavFile.Read(path));

                var sink = new RecordingSink(10);
                sink.Write(tone, 0, 5000);
                sink.Write(tone, 5000, 3000);
                sink.Save(Path.Combine(dir, "b.wav"));
                Assert.Equal(tone, WavFile.Read(Path.Combine(dir, "b.wav")));

                // A LIST chunk before data is skipped; a data size of 0 (unfinished header) reads to the end.
                byte[] file = File.ReadAllBytes(path);
                byte[] list = "LIST"u8.ToArray().Concat(BitConverter.GetBytes(3)).Concat(new byte[] { 1, 2, 3, 0 }).ToArray();
                byte[] withList = file.Take(36).Concat(list).Concat(file.Skip(36)).ToArray();
                Assert.Equal(tone, WavFile.Parse(withList));
                byte[] unfinished = (byte[])file.Clone();
                unfinished[40] = unfinished[41] = unfinished[42] = unfinished[43] = 0;
                Assert.Equal(tone, WavFile.Parse(unfinished));

                byte[] stereo = (byte[])file.Clone();
                stereo[22] = 2;
                Assert.Contains("2 channel(s)", Assert.Throws<InvalidDataException>(() => WavFile.Parse(stereo)).Message);
                byte[] cd = (byte[])file.Clone();
                BitConverter.GetBytes(44100).CopyTo(cd, 24);
                Assert.Contains("44100 Hz", Assert.Throws<InvalidDataException>(() => WavFile.Parse(cd)).Message);
                Assert.Throws<InvalidDataException>(() => WavFile.Parse(new byte[10]));

                var source = new WavSource(path);
                short[] back = Read(source, 8160);
                Assert.Equal(tone, back.Take(8000));
                Assert.All(back.Skip(8000), s => Assert.Equal(0, s)); // dry: silence
                Assert.Equal(tone.Take(100).Concat(tone.Take(60)), Read(new WavSource(tone.Take(100).ToArray(), loop: true), 160));
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void ToneHasTheAskedFrequencyAndAmplitude()
        {
            short[] s = Read(new ToneSource(ToneShape.Sine, 1000, 0.5), 8000);
            Assert.InRange(s.Max(), 16380, 16384);
            int crossings = 0;
            for (int i = 1; i < s.Length; i++) if (s[i - 1] < 0 && s[i] >= 0) crossings++;
            Assert.InRange(crossings, 999, 1000);
            var recording = new RecordingSource(new ToneSource(ToneShape.Chirp, 300, 0.5, 3000));
            short[] c = Read(recording, 8000);
            Assert.Equal(c, recording.ToArray());
        }

        [Fact]
        public void SnrOfShiftedCopyIsHighAndFindsTheLag()
        {
            short[] sent = Read(new ToneSource(ToneShape.Chirp, 200, 0.5, 3400, 1.0), 80000);
            short[] received = new short[1234].Concat(sent).ToArray(); // 154.25 ms late
            SignalToNoise snr = SignalToNoise.Measure(sent, received);
            Assert.Equal(1234, snr.LagSamples);
            Assert.Equal(double.PositiveInfinity, snr.Decibels);
            Assert.Equal(80000, snr.ComparedSamples);

            // Slight noise: still high.
            var rng = new Random(5);
            short[] noisy = received.Select(x => (short)(x + rng.Next(-30, 31))).ToArray();
            SignalToNoise n = SignalToNoise.Measure(sent, noisy);
            Assert.Equal(1234, n.LagSamples);
            Assert.InRange(n.Decibels, 50, 60); // signal power 0.125·32767², noise 30²/3·… ≈ 53 dB
        }

        [Fact]
        public void SnrOfNoiseOrSilenceIsLow()
        {
            short[] sent = Read(new ToneSource(ToneShape.Sine, 440, 0.5), 40000);
            var rng = new Random(9);
            short[] noise = Enumerable.Range(0, 40000).Select(_ => (short)rng.Next(-16000, 16000)).ToArray();
            Assert.True(SignalToNoise.Measure(sent, noise).Decibels < 5);
            Assert.True(SignalToNoise.Measure(sent, new short[40000]).Decibels < 5);
            Assert.Equal(0, SignalToNoise.Measure(sent, new short[40000]).Decibels, 6);
        }

        [Fact]
        public void G711RoundTripOfToneIsAbout35To38Db()
        {
            short[] sent = Read(new ToneSource(ToneShape.Sine, 440, 0.5), 80000);
            short[] received = new short[480].Concat(sent.Select(x => MuLaw.Decode(MuLaw.Encode(x)))).ToArray();
            SignalToNoise snr = SignalToNoise.Measure(sent, received);
            Assert.InRange(snr.Decibels, 35, 40);
            Assert.Equal(0, (snr.LagSamples - 480) % 200); // 440 Hz repeats exactly every 200 samples: a sine aligns up to that

            short[] chirp = Read(new ToneSource(ToneShape.Chirp, 200, 0.5, 3400, 1.0), 80000);
            short[] chirpBack = new short[480].Concat(chirp.Select(x => MuLaw.Decode(MuLaw.Encode(x)))).ToArray();
            SignalToNoise c = SignalToNoise.Measure(chirp, chirpBack);
            Assert.Equal(480, c.LagSamples); // a chirp aligns exactly
            Assert.InRange(c.Decibels, 35, 40);
        }
    }

    /// <summary>ITU-T G.711 µ-law, the classic segment/bias formulation (a reference for the SNR claim, not the product's codec).</summary>
    internal static class MuLaw
    {
        private const int Bias = 0x84;
        private const int Clip = 32635;

        public static byte Encode(short pcm)
        {
            int sign = (pcm >> 8) & 0x80;
            int s = sign != 0 ? -pcm : pcm;
            if (s > Clip) s = Clip;
            s += Bias;
            int exponent = 7;
            for (int mask = 0x4000; (s & mask) == 0 && exponent > 0; exponent--, mask >>= 1) { }
            int mantissa = (s >> (exponent + 3)) & 0x0F;
            return (byte)~(sign | (exponent << 4) | mantissa);
        }

        public static short Decode(byte u)
        {
            int v = ~u & 0xFF;
            int t = (((v & 0x0F) << 3) + Bias) << ((v >> 4) & 7);
            return (short)((v & 0x80) != 0 ? Bias - t : t - Bias);
        }
    }
}
