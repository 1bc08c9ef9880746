namespace NanoMikey.Media.Jitter
{
    /// <summary>Result of <see cref="JitterBuffer.Next"/>, once per playout tick.</summary>
    public enum JitterPlayout
    {
        /// <summary>Playout has not started (target delay not reached yet): play silence of your own.</summary>
        Waiting = 0,

        /// <summary>The frame due now was received and copied out.</summary>
        Played = 1,

        /// <summary>The frame due now is missing: a concealment frame (repetition, fading to silence) was copied out.</summary>
        Concealed = 2,
    }
}
