using System.Diagnostics;

namespace NanoMikey.Fuzz
{
    /// <summary>
    /// One fuzz target: feeds an input to one parser and checks the parser's contract (issue 16): bounded time, nothing
    /// written outside the caller's buffer, a typed failure for invalid input, state unchanged after a rejection. Any
    /// violation throws <see cref="ContractViolation"/> (any other exception is a crash too), which AFL records.
    /// </summary>
    public abstract class FuzzTarget
    {
        /// <summary>Bytes of guard before and after every input placed in a buffer.</summary>
        public const int Guard = 16;

        private const byte GuardByte = 0xA5;
        private readonly Stopwatch _clock = new Stopwatch();
        private bool _warm;

        /// <summary>The target's name: the folder of its corpus (tests/Fuzz/corpus/NAME) and the argument of run.sh --target.</summary>
        public abstract string Name { get; }

        /// <summary>
        /// Longest time one input may take (not checked on a target's first input: JIT compilation). Parsers are linear in
        /// their input (64 KiB at most under run.sh); the responders do public-key operations. Generous, because the machine
        /// is shared: afl-fuzz's -t catches real hangs. FUZZ_TIME_SCALE multiplies it.
        /// </summary>
        protected virtual int TimeLimitMilliseconds => 2000;

        /// <summary>Runs one input through the contract check.</summary>
        public void Run(byte[] input)
        {
            _clock.Restart();
            Check(input);
            _clock.Stop();
            long limit = TimeLimitMilliseconds * TimeScale;
            bool first = !_warm;
            _warm = true;
            if (!first && _clock.ElapsedMilliseconds > limit)
            {
                Fail("took " + _clock.ElapsedMilliseconds + " ms (limit " + limit + " ms) for " + input.Length + " bytes");
            }
        }

        /// <summary>The contract check of one input.</summary>
        protected abstract void Check(byte[] input);

        private static readonly long TimeScale = ReadTimeScale();

        private static long ReadTimeScale()
        {
            string? s = Environment.GetEnvironmentVariable("FUZZ_TIME_SCALE");
            return s != null && long.TryParse(s, out long v) && v > 0 ? v : 1;
        }

        /// <summary>Throws the contract violation.</summary>
        protected static void Fail(string what)
        {
            throw new ContractViolation(what);
        }

        /// <summary>Fails unless <paramref name="condition"/>.</summary>
        protected static void Require(bool condition, string what)
        {
            if (!condition)
            {
                Fail(what);
            }
        }

        /// <summary>Fails unless the enum value is a named member (a typed status, not an arbitrary number).</summary>
        protected static void RequireDefined<T>(T value) where T : struct, Enum
        {
            if (!Enum.IsDefined(value))
            {
                Fail(typeof(T).Name + " " + value + " is not a defined status");
            }
        }

        /// <summary>Fails unless [offset, offset+length) lies inside [start, end).</summary>
        protected static void RequireRange(int offset, int length, int start, int end, string what)
        {
            if (length < 0 || offset < start || offset > end || length > end - offset)
            {
                Fail(what + " [" + offset + ", +" + length + ") outside [" + start + ", " + end + ")");
            }
        }

        /// <summary>A buffer holding <paramref name="input"/> at <see cref="Guard"/> with guard bytes on both sides.</summary>
        protected static byte[] Guarded(byte[] input)
        {
            byte[] b = new byte[input.Length + 2 * Guard];
            FillGuards(b, Guard, input.Length);
            Array.Copy(input, 0, b, Guard, input.Length);
            return b;
        }

        /// <summary>A buffer of <paramref name="length"/> zero bytes at <see cref="Guard"/> with guard bytes on both sides.</summary>
        protected static byte[] GuardedOutput(int length)
        {
            byte[] b = new byte[length + 2 * Guard];
            FillGuards(b, Guard, length);
            return b;
        }

        private static void FillGuards(byte[] b, int start, int length)
        {
            for (int i = 0; i < start; i++) b[i] = GuardByte;
            for (int i = start + length; i < b.Length; i++) b[i] = GuardByte;
        }

        /// <summary>Fails when a guard byte around [Guard, Guard+length) was overwritten.</summary>
        protected static void RequireGuards(byte[] b, int length, string what)
        {
            for (int i = 0; i < Guard; i++)
            {
                Require(b[i] == GuardByte, what + " wrote before its buffer (guard byte " + i + ")");
            }

            for (int i = Guard + length; i < b.Length; i++)
            {
                Require(b[i] == GuardByte, what + " wrote after its buffer (guard byte " + (i - Guard - length) + ")");
            }
        }

        /// <summary>Fails when the input bytes in a guarded buffer changed (a reader must not write to what it reads).</summary>
        protected static void RequireUnchanged(byte[] b, byte[] input, string what)
        {
            RequireGuards(b, input.Length, what);
            for (int i = 0; i < input.Length; i++)
            {
                Require(b[Guard + i] == input[i], what + " changed input byte " + i);
            }
        }

        /// <summary>The input as text, one char per byte (Latin-1), so every byte value reaches the text parsers.</summary>
        protected static string Latin1(byte[] input)
        {
            return System.Text.Encoding.Latin1.GetString(input);
        }
    }

    /// <summary>A parser broke its contract on a fuzz input.</summary>
    public sealed class ContractViolation : Exception
    {
        /// <summary>Creates the violation.</summary>
        public ContractViolation(string message) : base("contract violation: " + message)
        {
        }
    }
}
