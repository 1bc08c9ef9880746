namespace NanoMikey.Emulator.Network
{
    /// <summary>What a <see cref="VirtualNetwork"/> did, per kind (counts of datagrams or copies).</summary>
    public sealed class NetworkCounters
    {
        /// <summary>Datagrams the sockets sent.</summary>
        public long Sent { get; internal set; }

        /// <summary>Copies put into a receiving socket's queue.</summary>
        public long Delivered { get; internal set; }

        /// <summary>Datagrams lost to the independent loss probability.</summary>
        public long Lost { get; internal set; }

        /// <summary>Datagrams lost in the Gilbert–Elliott bad state.</summary>
        public long BurstLost { get; internal set; }

        /// <summary>Datagrams held back so later ones overtake them.</summary>
        public long Reordered { get; internal set; }

        /// <summary>Extra copies made.</summary>
        public long Duplicated { get; internal set; }

        /// <summary>Copies with a bit flipped by the corruption probability.</summary>
        public long Corrupted { get; internal set; }

        /// <summary>Datagrams the man in the middle dropped.</summary>
        public long MitmDropped { get; internal set; }

        /// <summary>Datagrams the man in the middle flipped bits in.</summary>
        public long MitmFlipped { get; internal set; }

        /// <summary>Datagrams the man in the middle replayed.</summary>
        public long Replayed { get; internal set; }

        /// <summary>Copies that found no socket bound at their destination (UDP: silently gone).</summary>
        public long NoListener { get; internal set; }

        /// <summary>Copies dropped because the receiving socket's queue was full.</summary>
        public long QueueOverflow { get; internal set; }
    }
}
