using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NanoMikey.Emulator.Audio
{
    /// <summary>
    /// How well received audio matches what was sent: the signal-to-noise ratio after the best alignment.
    /// </summary>
    /// <remarks>
    /// For each lag L in 0..maxLag (received delayed by L samples: r[n + L] ≈ s[n]) over the overlap n = 0..N−1,
    /// N = min(|s|, |r| − L), the normalised cross-correlation ρ(L) = Σ s[n]·r[n+L] / √(Σ s[n]² · Σ r[n+L]²) is computed and
    /// the lag with the largest ρ (the smallest such lag on ties) is taken; then
    /// SNR = 10·log₁₀( Σ s[n]² / Σ (r[n+L] − s[n])² ) dB over that overlap, without gain correction (G.711 keeps the level).
    /// A G.711 round trip of a tone gives about 35–38 dB; silence received gives 0 dB, unrelated noise of the same power
    /// about −3 dB. Identical signals give +∞; a silent sent signal gives NaN.
    /// </remarks>
    public sealed class SignalToNoise
    {
        private SignalToNoise(double decibels, int lagSamples, int comparedSamples, double correlation)
        {
            Decibels = decibels;
            LagSamples = lagSamples;
            ComparedSamples = comparedSamples;
            Correlation = correlation;
        }

        /// <summary>The SNR in dB.</summary>
        public double Decibels { get; }

        /// <summary>The chosen lag: how many samples the received audio trails the sent audio.</summary>
        public int LagSamples { get; }

        /// <summary>The chosen lag in milliseconds (8 kHz).</summary>
        public double LagMilliseconds => LagSamples * 1000.0 / WavFile.SampleRate;

        /// <summary>Samples compared at that lag.</summary>
        public int ComparedSamples { get; }

        /// <summary>The normalised cross-correlation at that lag (−1..1).</summary>
        public double Correlation { get; }

        /// <summary>Measures received against sent audio (see the remarks for the formula).</summary>
        /// <param name="sent">What the sender's microphone gave.</param>
        /// <param name="received">What the receiver's speaker played.</param>
        /// <param name="maxLagSamples">Largest lag searched (default 3200: 400 ms at 8 kHz).</param>
        /// <returns>The measurement.</returns>
        public static SignalToNoise Measure(ReadOnlySpan<short> sent, ReadOnlySpan<short> received, int maxLagSamples = 3200)
        {
            if (maxLagSamples < 0) throw new ArgumentOutOfRangeException(nameof(maxLagSamples));
            if (sent.Length == 0 || received.Length == 0) return new SignalToNoise(double.NaN, 0, 0, 0);
            float[] s = ToFloat(sent);
            float[] r = ToFloat(received);
            double[] sEnergy = PrefixEnergy(s);
            double[] rEnergy = PrefixEnergy(r);

            int bestLag = -1;
            double bestRho = double.NegativeInfinity;
            int lastLag = Math.Min(maxLagSamples, r.Length - 1);
            for (int lag = 0; lag <= lastLag; lag++)
            {
                int n = Math.Min(s.Length, r.Length - lag);
                double es = sEnergy[n];
                double er = rEnergy[lag + n] - rEnergy[lag];
                if (es <= 0 || er <= 0) continue;
                double rho = Dot(s.AsSpan(0, n), r.AsSpan(lag, n)) / Math.Sqrt(es * er);
                if (rho > bestRho)
                {
                    bestRho = rho;
                    bestLag = lag;
                }
            }
            if (bestLag < 0) bestLag = 0; // silence on either side: no alignment to find

            int count = Math.Min(sent.Length, received.Length - bestLag);
            double signal = 0, noise = 0;
            for (int i = 0; i < count; i++)
            {
                double x = sent[i];
                double d = received[i + bestLag] - x;
                signal += x * x;
                noise += d * d;
            }
            double db = signal == 0 ? double.NaN : noise == 0 ? double.PositiveInfinity : 10 * Math.Log10(signal / noise);
            return new SignalToNoise(db, bestLag, count, bestRho == double.NegativeInfinity ? 0 : bestRho);
        }

        /// <inheritdoc />
        public override string ToString() => Decibels.ToString("F1") + " dB at lag " + LagMilliseconds.ToString("F1") + " ms";

        private static float[] ToFloat(ReadOnlySpan<short> x)
        {
            var f = new float[x.Length];
            for (int i = 0; i < x.Length; i++) f[i] = x[i];
            return f;
        }

        private static double[] PrefixEnergy(float[] x)
        {
            var p = new double[x.Length + 1];
            for (int i = 0; i < x.Length; i++) p[i + 1] = p[i] + (double)x[i] * x[i];
            return p;
        }

        private static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
        {
            // Vector<float> partial sums in blocks, each block's total added in double to keep 80 000-sample sums accurate.
            double total = 0;
            int width = Vector<float>.Count;
            int i = 0;
            ReadOnlySpan<Vector<float>> va = MemoryMarshal.Cast<float, Vector<float>>(a);
            ReadOnlySpan<Vector<float>> vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            for (int block = 0; block < va.Length; block += 64)
            {
                Vector<float> acc = Vector<float>.Zero;
                int end = Math.Min(block + 64, va.Length);
                for (int v = block; v < end; v++) acc += va[v] * vb[v];
                total += Vector.Sum(acc);
            }
            i = va.Length * width;
            for (; i < a.Length; i++) total += (double)a[i] * b[i];
            return total;
        }
    }
}
