namespace NanoMikey.OnDevice.ConstantTimeProbe
{
    /// <summary>
    /// One secret-dependent operation and its secret inputs. <see cref="Prepare"/> puts input i into the operation's
    /// fixed buffers and picks its objects (outside the measured region, so indexing by i is allowed there);
    /// <see cref="Run"/> is the measured code and must not depend on i except through the prepared secret.
    /// Everything public (lengths, messages, peer points, buffers) stays the same for every input.
    /// </summary>
    internal abstract class Operation
    {
        private readonly string _name;
        private readonly string[] _labels;

        protected Operation(string name, string[] labels)
        {
            _name = name;
            _labels = labels;
        }

        /// <summary>What is measured and what varies.</summary>
        public string Name
        {
            get { return _name; }
        }

        /// <summary>Number of secret inputs.</summary>
        public int Count
        {
            get { return _labels.Length; }
        }

        /// <summary>A short description of input i (e.g. "n-1", "random #3").</summary>
        public string Label(int i)
        {
            return _labels[i];
        }

        /// <summary>Loads secret input i (not measured).</summary>
        public abstract void Prepare(int i);

        /// <summary>The measured operation.</summary>
        public abstract void Run();
    }
}
