using System.Reflection;

namespace NanoMikey.Tests
{
    /// <summary>
    /// Finds key material left behind in an object: walks its instance fields by reflection (private ones and those of base
    /// classes included), recursively through the objects and object arrays it references (each object once), and searches
    /// every integer array and integer field for any window of a secret's bytes.
    /// </summary>
    /// <remarks>
    /// A secret is searched as given and byte-reversed (little-endian limbs); word arrays and fields are read both
    /// big- and little-endian. Windows made of one repeated byte are skipped: zero fill and HMAC padding are not residue.
    /// Shared by the Crypto and Ecc test projects (linked).
    /// </remarks>
    public static class KeyResidue
    {
        /// <summary>Default window: any 4 consecutive bytes of a secret count as a trace.</summary>
        public const int DefaultWindow = 4;

        private const int MaxObjects = 100_000;

        /// <summary>Fails when <paramref name="obj"/> still holds any 4-byte window of a secret.</summary>
        public static void AssertNoTrace(object obj, params byte[][] secrets)
        {
            AssertNoTrace(obj, DefaultWindow, Array.Empty<Array>(), secrets);
        }

        /// <summary>
        /// Fails when <paramref name="obj"/>, or any array in <paramref name="earlier"/> (captured with <see cref="Arrays"/>
        /// before the wipe: a key array replaced instead of wiped is still in memory), holds a <paramref name="window"/>-byte
        /// window of a secret.
        /// </summary>
        public static void AssertNoTrace(object obj, int window, Array[] earlier, params byte[][] secrets)
        {
            string? trace = FindTrace(obj, window, earlier, secrets);
            Assert.True(trace == null, trace);
        }

        /// <summary>Describes the first trace found, or returns null.</summary>
        public static string? FindTrace(object obj, int window, Array[] earlier, params byte[][] secrets)
        {
            var needles = new Dictionary<string, int>();
            for (int s = 0; s < secrets.Length; s++)
            {
                byte[] secret = secrets[s];
                byte[] reversed = secret.Reverse().ToArray();
                foreach (byte[] form in new[] { secret, reversed })
                {
                    for (int i = 0; i + window <= form.Length; i++)
                    {
                        if (IsOneByte(form, i, window)) continue;
                        needles.TryAdd(Convert.ToHexString(form, i, window), s);
                    }
                }
            }
            if (needles.Count == 0) throw new ArgumentException("No secret has a searchable window.", nameof(secrets));

            var hay = new List<(string Where, byte[] Bytes)>();
            Walk(obj, "obj", hay, new HashSet<object>(ReferenceEqualityComparer.Instance));
            for (int i = 0; i < earlier.Length; i++)
            {
                AddArray(earlier[i], "earlier[" + i + "] (" + earlier[i].GetType().Name + ")", hay);
            }
            foreach (var (where, bytes) in hay)
            {
                for (int i = 0; i + window <= bytes.Length; i++)
                {
                    if (needles.TryGetValue(Convert.ToHexString(bytes, i, window), out int s))
                    {
                        return "secret #" + s + " found in " + where + " at byte " + i;
                    }
                }
            }
            return null;
        }

        /// <summary>Every array reachable from <paramref name="obj"/> now, to check again after a wipe.</summary>
        public static Array[] Arrays(object obj)
        {
            var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
            var hay = new List<(string, byte[])>();
            Walk(obj, "obj", hay, seen);
            return seen.OfType<Array>().ToArray();
        }

        /// <summary>
        /// Reachable native handles still open (key boxes, cipher contexts): key material the walk cannot read must at least
        /// have been released, which zeroes it (.NET's key boxes, OpenSSL's cipher contexts cleanse on free).
        /// </summary>
        public static string[] OpenHandles(object obj)
        {
            var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
            Walk(obj, "obj", new List<(string, byte[])>(), seen);
            return seen.OfType<System.Runtime.InteropServices.SafeHandle>()
                .Where(h => !h.IsClosed && !h.IsInvalid)
                .Select(h => h.GetType().FullName!)
                .ToArray();
        }

        /// <summary>
        /// A copy, as bytes (words big-endian), of the integer array or integer field at a dotted field path such as
        /// "_hash.State": captures a round key, H or a chaining state before it is wiped.
        /// </summary>
        public static byte[] Capture(object obj, string path)
        {
            object? value = obj;
            foreach (string name in path.Split('.'))
            {
                FieldInfo f = FindField(value!.GetType(), name) ?? throw new ArgumentException("No field " + name + " in " + value.GetType().Name);
                value = f.GetValue(value);
            }
            return value switch
            {
                byte[] b => (byte[])b.Clone(),
                Array a => Serialize(a, true),
                ulong u => BitConverter.GetBytes(u).Reverse().ToArray(),
                uint u => BitConverter.GetBytes(u).Reverse().ToArray(),
                _ => throw new ArgumentException(path + " is not an integer array or field"),
            };
        }

        /// <summary>Sets an integer field at a dotted path (tests that reach a limit without 2^32 calls).</summary>
        public static void SetField(object obj, string path, object value)
        {
            string[] names = path.Split('.');
            object target = obj;
            for (int i = 0; i < names.Length - 1; i++)
            {
                target = FindField(target.GetType(), names[i])!.GetValue(target)!;
            }
            FindField(target.GetType(), names[^1])!.SetValue(target, value);
        }

        private static FieldInfo? FindField(Type? t, string name)
        {
            for (; t != null; t = t.BaseType)
            {
                FieldInfo? f = t.GetField(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);
                if (f != null) return f;
            }
            return null;
        }

        private static bool IsOneByte(byte[] b, int offset, int length)
        {
            for (int i = 1; i < length; i++)
            {
                if (b[offset + i] != b[offset]) return false;
            }
            return true;
        }

        private static bool IsSkipped(Type t)
        {
            return t == typeof(string) || typeof(MemberInfo).IsAssignableFrom(t) || typeof(Delegate).IsAssignableFrom(t)
                || t == typeof(IntPtr) || t == typeof(UIntPtr) || t.IsPointer || t.IsEnum || t == typeof(bool) || t == typeof(char);
        }

        private static bool IsInteger(Type t)
        {
            return t == typeof(byte) || t == typeof(sbyte) || t == typeof(short) || t == typeof(ushort)
                || t == typeof(int) || t == typeof(uint) || t == typeof(long) || t == typeof(ulong);
        }

        private static void Walk(object obj, string where, List<(string, byte[])> hay, HashSet<object> seen)
        {
            Type t = obj.GetType();
            if (IsSkipped(t) || !seen.Add(obj)) return;
            if (seen.Count > MaxObjects) throw new InvalidOperationException("Object graph too large to search: " + where);
            if (obj is Array array)
            {
                Type e = t.GetElementType()!;
                if (IsInteger(e))
                {
                    AddArray(array, where, hay);
                }
                else if (!e.IsValueType || !e.IsPrimitive)
                {
                    int i = 0;
                    foreach (object? item in array)
                    {
                        if (item != null) Walk(item, where + "[" + i + "]", hay, seen);
                        i++;
                    }
                }
                return;
            }
            for (Type? c = t; c != null && c != typeof(object); c = c.BaseType)
            {
                foreach (FieldInfo f in c.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    object? v = f.GetValue(obj);
                    if (v == null) continue;
                    string path = where + "." + f.Name;
                    if (IsInteger(f.FieldType))
                    {
                        AddScalar(v, path, hay);
                    }
                    else if (!IsSkipped(f.FieldType) && !f.FieldType.IsPrimitive)
                    {
                        // Reference fields and (boxed) structs.
                        Walk(v, path, hay, seen);
                    }
                }
            }
        }

        private static void AddScalar(object v, string where, List<(string, byte[])> hay)
        {
            byte[] le = v switch
            {
                long x => BitConverter.GetBytes(x),
                ulong x => BitConverter.GetBytes(x),
                int x => BitConverter.GetBytes(x),
                uint x => BitConverter.GetBytes(x),
                _ => Array.Empty<byte>(),
            };
            if (le.Length == 0) return;
            hay.Add((where, le));
            hay.Add((where + " (big-endian)", le.Reverse().ToArray()));
        }

        private static void AddArray(Array array, string where, List<(string, byte[])> hay)
        {
            if (array is byte[] b)
            {
                hay.Add((where, b));
                return;
            }
            if (array is sbyte[] sb)
            {
                hay.Add((where, (byte[])(Array)sb));
                return;
            }
            if (!IsInteger(array.GetType().GetElementType()!)) return;
            hay.Add((where + " (big-endian words)", Serialize(array, true)));
            hay.Add((where + " (little-endian words)", Serialize(array, false)));
        }

        private static byte[] Serialize(Array a, bool bigEndian)
        {
            var output = new List<byte>();
            foreach (object item in a)
            {
                byte[] w = item switch
                {
                    short x => BitConverter.GetBytes(x),
                    ushort x => BitConverter.GetBytes(x),
                    int x => BitConverter.GetBytes(x),
                    uint x => BitConverter.GetBytes(x),
                    long x => BitConverter.GetBytes(x),
                    ulong x => BitConverter.GetBytes(x),
                    _ => throw new ArgumentException("not a word array"),
                };
                if (bigEndian == BitConverter.IsLittleEndian) Array.Reverse(w);
                output.AddRange(w);
            }
            return output.ToArray();
        }
    }
}
