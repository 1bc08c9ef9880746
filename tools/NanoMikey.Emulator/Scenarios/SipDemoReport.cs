using System.Collections.Generic;

namespace NanoMikey.Emulator.Scenarios
{
    /// <summary>What `demo --sip` measured: the door station's call to a flat of three indoor units through Kamailio.</summary>
    public sealed class SipDemoReport
    {
        /// <summary>Devices whose registration the registrar accepted (of 4).</summary>
        public int Registrations { get; init; }

        /// <summary>Indoor units that rang (of 3).</summary>
        public int Rang { get; init; }

        /// <summary>Most early dialogs the door station keyed at once (one MIKEY answer per 183, RFC 5197 §5.2).</summary>
        public int ForksSeen { get; init; }

        /// <summary>The indoor unit whose 200 won (null: none).</summary>
        public string? Winner { get; init; }

        /// <summary>The MIKEY mode of the call.</summary>
        public string Mode { get; init; } = string.Empty;

        /// <summary>The losers whose keys are wiped on both sides (their own answer state and the door's fork).</summary>
        public int LosersWiped { get; init; }

        /// <summary>SRTP packets the door sent / the winner accepted.</summary>
        public int DoorSent { get; init; }

        /// <summary>SRTP packets the winner accepted from the door.</summary>
        public int WinnerReceived { get; init; }

        /// <summary>SRTP packets the winner sent.</summary>
        public int WinnerSent { get; init; }

        /// <summary>SRTP packets the door accepted from the winner.</summary>
        public int DoorReceived { get; init; }

        /// <summary>Packets refused as unauthentic on either side.</summary>
        public int AuthenticationFailures { get; init; }

        /// <summary>SRTCP reports accepted on either side.</summary>
        public int Reports { get; init; }

        /// <summary>Audio SNR door → winner in dB.</summary>
        public double SnrDoorToWinner { get; init; }

        /// <summary>Audio SNR winner → door in dB.</summary>
        public double SnrWinnerToDoor { get; init; }

        /// <summary>Why it failed (empty: PASSED).</summary>
        public List<string> Failures { get; } = new List<string>();

        /// <summary>True when nothing failed.</summary>
        public bool Passed => Failures.Count == 0;
    }
}
