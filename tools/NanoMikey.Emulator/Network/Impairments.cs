using System;

namespace NanoMikey.Emulator.Network
{
    /// <summary>
    /// What a <see cref="VirtualNetwork"/> does to datagrams (globally or per destination port), applied per datagram in
    /// this order: Gilbert–Elliott burst state transition and burst loss, independent loss, delay + jitter (+ the reorder
    /// delay), duplication (the copy gets its own jitter), corruption (per delivered copy: one random bit flipped).
    /// Every draw comes from the network's seeded generator, and only parameters above zero draw, so a run is a function of
    /// the seed and the traffic.
    /// </summary>
    /// <remarks>
    /// Burst loss is the Gilbert–Elliott two-state chain: before each datagram the chain moves good→bad with
    /// <see cref="BurstEnterPercent"/> and bad→good with <see cref="BurstLeavePercent"/>; in the bad state a datagram is lost with
    /// <see cref="BurstLossPercent"/> (default 100: the Gilbert model). Long-run bad-state share p/(p+r), mean burst 1/r.
    /// The chain's state lives in this object: share one instance between ports to share one chain.
    /// Reordering holds the chosen datagram back by <see cref="ReorderDelayMs"/> so those sent after it overtake it.
    /// </remarks>
    public sealed class Impairments
    {
        /// <summary>Independent loss probability in percent (0..100).</summary>
        public double LossPercent { get; set; }

        /// <summary>Gilbert–Elliott: probability in percent of entering the bad state before a datagram (good state).</summary>
        public double BurstEnterPercent { get; set; }

        /// <summary>Gilbert–Elliott: probability in percent of leaving the bad state before a datagram (bad state).</summary>
        public double BurstLeavePercent { get; set; } = 100;

        /// <summary>Gilbert–Elliott: loss probability in percent while in the bad state (default 100).</summary>
        public double BurstLossPercent { get; set; } = 100;

        /// <summary>Probability in percent that a datagram is held back by <see cref="ReorderDelayMs"/>.</summary>
        public double ReorderPercent { get; set; }

        /// <summary>Extra delay of a reordered datagram in milliseconds (default 30: later than the next 20 ms media frame).</summary>
        public double ReorderDelayMs { get; set; } = 30;

        /// <summary>Probability in percent that a datagram is delivered twice.</summary>
        public double DuplicatePercent { get; set; }

        /// <summary>Fixed one-way delay in milliseconds.</summary>
        public double DelayMs { get; set; }

        /// <summary>Jitter in milliseconds: each copy gets an extra delay drawn uniformly from [0, JitterMs).</summary>
        public double JitterMs { get; set; }

        /// <summary>Probability in percent that a delivered copy has one random bit flipped.</summary>
        public double CorruptPercent { get; set; }

        /// <summary>Whether the Gilbert–Elliott chain is in the bad state (starts good).</summary>
        public bool InBadState { get; internal set; }

        /// <summary>Checks every parameter is in range (percentages 0..100, delays non-negative).</summary>
        public void Validate()
        {
            CheckPercent(LossPercent, nameof(LossPercent));
            CheckPercent(BurstEnterPercent, nameof(BurstEnterPercent));
            CheckPercent(BurstLeavePercent, nameof(BurstLeavePercent));
            CheckPercent(BurstLossPercent, nameof(BurstLossPercent));
            CheckPercent(ReorderPercent, nameof(ReorderPercent));
            CheckPercent(DuplicatePercent, nameof(DuplicatePercent));
            CheckPercent(CorruptPercent, nameof(CorruptPercent));
            if (!(DelayMs >= 0) || !(JitterMs >= 0) || !(ReorderDelayMs >= 0)) throw new ArgumentOutOfRangeException(nameof(DelayMs), "delays must be >= 0 ms");
        }

        private static void CheckPercent(double value, string name)
        {
            if (!(value >= 0 && value <= 100)) throw new ArgumentOutOfRangeException(name, value, "percent must be 0..100");
        }
    }
}
