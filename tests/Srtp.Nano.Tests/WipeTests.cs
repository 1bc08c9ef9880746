using System;
using System.Collections.Generic;
using System.Reflection;
using System.Security.Cryptography;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Kdf;
using NanoMikey.Srtp.Policy;
using NanoMikey.Srtp.Transforms;
using static NanoMikey.Srtp.Tests.TestKit;

namespace NanoMikey.Srtp.Tests
{
    /// <summary>
    /// Issue 8 §5/§6: no key, round key or keystream outlives its use. Walks an object's private fields by reflection
    /// (into every owned object and array of our assemblies) and fails on any array that still holds data.
    /// </summary>
    public class WipeTests
    {
        // SHA-1's initial chaining value (FIPS 180-4 §5.3.1): what a cleared hash holds, public.
        private static readonly uint[] Sha1Iv = { 0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0 };

        private readonly struct Node
        {
            internal Node(string path, object value, FieldInfo? field)
            {
                Path = path;
                Value = value;
                Field = field;
            }

            internal string Path { get; }

            internal object Value { get; }

            internal FieldInfo? Field { get; }
        }

        /// <summary>Every object reachable from <paramref name="root"/> through fields of NanoMikey types and arrays.</summary>
        private static List<Node> Walk(object root)
        {
            var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
            var found = new List<Node>();
            var todo = new Stack<Node>();
            todo.Push(new Node(root.GetType().Name, root, null));
            while (todo.Count > 0)
            {
                Node n = todo.Pop();
                if (!seen.Add(n.Value)) continue;
                found.Add(n);
                if (n.Value is Array a)
                {
                    if (a.GetType().GetElementType()!.IsPrimitive) continue;
                    for (int i = 0; i < a.Length; i++)
                    {
                        object? e = a.GetValue(i);
                        if (e != null) todo.Push(new Node(n.Path + "[" + i + "]", e, n.Field));
                    }
                    continue;
                }
                if (!n.Value.GetType().Assembly.GetName().Name!.StartsWith("NanoMikey", StringComparison.Ordinal)) continue;
                for (Type? t = n.Value.GetType(); t != null && t != typeof(object); t = t.BaseType)
                {
                    foreach (FieldInfo f in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    {
                        if (f.FieldType.IsValueType) continue;
                        object? v = f.GetValue(n.Value);
                        if (v != null && v is not string) todo.Push(new Node(n.Path + "." + f.Name, v, f));
                    }
                }
            }
            return found;
        }

        /// <summary>Paths of arrays that still hold anything but zeros (the replay bitmap and a reset hash state are public).</summary>
        private static List<string> Leftovers(object root)
        {
            var bad = new List<string>();
            foreach (Node n in Walk(root))
            {
                if (n.Value is not Array a || !a.GetType().GetElementType()!.IsPrimitive) continue;
                if (n.Field != null && n.Field.Name == "_bits" && n.Field.DeclaringType!.Name == "ReplayWindow") continue;
                if (n.Field != null && n.Field.Name == "State" && n.Field.DeclaringType!.Name == "MerkleDamgardHash"
                    && ((uint[])a).AsSpan().SequenceEqual(Sha1Iv)) continue;
                bool zero = a switch
                {
                    byte[] b => Array.TrueForAll(b, x => x == 0),
                    uint[] u => Array.TrueForAll(u, x => x == 0),
                    ulong[] l => Array.TrueForAll(l, x => x == 0),
                    int[] i => Array.TrueForAll(i, x => x == 0),
                    _ => throw new InvalidOperationException(a.GetType().Name),
                };
                if (!zero) bad.Add(n.Path);
            }
            return bad;
        }

        // The GHASH key H sits in AesGcm's ulong fields (not an array): looked for by value.
        private static List<string> HashKeyHolders(object root, byte[] h)
        {
            ulong h0 = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(h);
            ulong h1 = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(h.AsSpan(8));
            var holders = new List<string>();
            foreach (Node n in Walk(root))
            {
                if (n.Value is Array || !n.Value.GetType().Assembly.GetName().Name!.StartsWith("NanoMikey", StringComparison.Ordinal)) continue;
                foreach (FieldInfo f in n.Value.GetType().GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public))
                {
                    if (f.FieldType == typeof(ulong) && f.GetValue(n.Value) is ulong v && v != 0 && (v == h0 || v == h1)) holders.Add(n.Path + "." + f.Name);
                }
            }
            return holders;
        }

        private static void Exercise(SrtpCryptoContext tx, SrtpCryptoContext rx, int mkiLength, Random rng)
        {
            byte[] buf = new byte[1600];
            for (int i = 0; i < 40; i++)
            {
                if (mkiLength > 0) tx.ActiveMasterKey = i & 1;
                int len = BuildRtp(buf, 0, 65520 + i & 0xFFFF, tx.Ssrc, 20 + 37 * i, rng);
                Assert.Equal(SrtpStatus.Ok, tx.Protect(buf, 0, ref len, buf.Length));
                Assert.Equal(SrtpStatus.Ok, rx.Unprotect(buf, 0, ref len));
                len = BuildRtcp(buf, 0, tx.Ssrc, 28 + 4 * i, rng);
                Assert.Equal(SrtpStatus.Ok, tx.ProtectRtcp(buf, 0, ref len, buf.Length));
                Assert.Equal(SrtpStatus.Ok, rx.UnprotectRtcp(buf, 0, ref len));
            }
        }

        public static TheoryData<string> Cases => new TheoryData<string> { "cm80", "cm256-mki", "cm-kdr", "gcm128", "gcm256-kdr", "null-hmac" };

        private static SrtpPolicy PolicyFor(string name)
        {
            SrtpPolicy p = name.StartsWith("gcm256") ? SrtpPolicy.AeadAes256Gcm()
                : name.StartsWith("gcm") ? SrtpPolicy.AeadAes128Gcm()
                : name.StartsWith("cm256") ? SrtpPolicy.AesCm256HmacSha1_80()
                : name.StartsWith("null") ? SrtpPolicy.NullHmacSha1_80()
                : SrtpPolicy.AesCm128HmacSha1_80();
            if (name.EndsWith("-kdr")) p.KeyDerivationRate = 8;
            if (name.EndsWith("-mki")) p.MkiLength = 2;
            return p;
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Context_AfterClear_HoldsNoKeyMaterial(string name)
        {
            SrtpPolicy p = PolicyFor(name);
            var rng = new Random(name.Length);
            byte[] key = TestKit.Random(rng, p.MasterKeyLength), salt = TestKit.Random(rng, p.MasterSaltLength);
            // Software AES (null factory): its round keys live in our objects, where the walk can see them.
            var tx = new SrtpCryptoContext(p, 77, SrtpDirection.Outbound, null);
            var rx = new SrtpCryptoContext(p, 77, SrtpDirection.Inbound, null);
            int keys = p.MkiLength > 0 ? 2 : 1;
            for (int k = 0; k < keys; k++)
            {
                byte[] mki = { 0x10, (byte)k };
                tx.AddMasterKey(key, 0, salt, 0, mki, 0);
                rx.AddMasterKey(key, 0, salt, 0, mki, 0);
            }
            Exercise(tx, rx, p.MkiLength, rng);
            Assert.NotEmpty(Leftovers(rx)); // the walk does see live keys

            // With KDR 8 the keys in use are those of r = index DIV 8.
            ulong r = p.KeyDerivationRate == 0 ? 0 : rx.HighestIndex >> 3;
            byte[]? h = p.IsAead ? GhashKey(key, salt, r) : null;
            if (h != null) Assert.NotEmpty(HashKeyHolders(rx, h));

            tx.Clear();
            rx.Clear();
            Assert.Empty(Leftovers(tx));
            Assert.Empty(Leftovers(rx));
            if (h != null)
            {
                Assert.Empty(HashKeyHolders(tx, h));
                Assert.Empty(HashKeyHolders(rx, h));
            }
        }

        [Fact]
        public void Session_AfterClear_HoldsNoKeyMaterial()
        {
            SrtpPolicy p = SrtpPolicy.AeadAes128Gcm();
            var rng = new Random(9);
            byte[] key = TestKit.Random(rng, 16), salt = TestKit.Random(rng, 12);
            var tx = new SrtpSession(p, SrtpDirection.Outbound, null, 4);
            var rx = new SrtpSession(p, SrtpDirection.Inbound, null, 4);
            tx.AddMasterKey(key, 0, salt, 0, null, 0);
            rx.AddMasterKey(key, 0, salt, 0, null, 0);
            byte[] buf = new byte[256];
            for (uint ssrc = 1; ssrc <= 3; ssrc++)
            {
                int len = BuildRtp(buf, 0, 1, ssrc, 100, rng);
                Assert.Equal(SrtpStatus.Ok, tx.Protect(buf, 0, ref len, buf.Length));
                Assert.Equal(SrtpStatus.Ok, rx.Unprotect(buf, 0, ref len));
            }
            int forged = BuildRtp(buf, 0, 1, 99, 100, rng) + 16;
            Assert.Equal(SrtpStatus.AuthFailure, rx.Unprotect(buf, 0, ref forged)); // keys the spare context
            byte[] h = GhashKey(key, salt, 0);
            Assert.NotEmpty(HashKeyHolders(rx, h));
            tx.Clear();
            rx.Clear();
            Assert.Empty(Leftovers(tx));
            Assert.Empty(Leftovers(rx));
            Assert.Empty(HashKeyHolders(rx, h));
        }

        // The keystream is wiped as soon as it has been XORed in, not only by Clear.
        [Theory]
        [InlineData(16)]
        [InlineData(2000)]
        public void AesCmCipher_AfterUse_HoldsNoKeystream(int length)
        {
            var aes = new SoftwareAes();
            aes.SetKey(new byte[16], 0, 16);
            var cm = new AesCmCipher(1500);
            byte[] data = new byte[length];
            byte[] iv = new byte[16];
            cm.Apply(aes, iv, 0, data, 0, length);
            Assert.Contains(data, x => x != 0); // data now is the keystream
            aes.ClearKey();
            Assert.Empty(Leftovers(cm));
        }

        [Fact]
        public void Context_AfterPackets_HoldsNoKeystream()
        {
            var rng = new Random(5);
            byte[] key = TestKit.Random(rng, 16), salt = TestKit.Random(rng, 14);
            var tx = NewContext(SrtpPolicy.AesCm128HmacSha1_80(), 77, SrtpDirection.Outbound, key, salt);
            var rx = NewContext(SrtpPolicy.AesCm128HmacSha1_80(), 77, SrtpDirection.Inbound, key, salt);
            Exercise(tx, rx, 0, rng);
            foreach (SrtpCryptoContext c in new[] { tx, rx })
            {
                var cm = (AesCmCipher)typeof(SrtpCryptoContext).GetField("_cm", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(c)!;
                Assert.Empty(Leftovers(cm));
            }
        }

        // H = AES(k_e, 0^128) with k_e the SRTP session encryption key for r (RFC 3711 §4.3.1, RFC 7714 §11).
        private static byte[] GhashKey(byte[] masterKey, byte[] masterSalt, ulong r)
        {
            var master = new SoftwareAes();
            master.SetKey(masterKey, 0, masterKey.Length);
            var kdf = new SrtpKeyDerivation(master, masterSalt, 0, masterSalt.Length);
            byte[] ke = new byte[masterKey.Length];
            kdf.Derive(SrtpKeyDerivation.LabelSrtpEncryption, r, ke, 0, ke.Length);
            using var aes = Aes.Create();
            aes.Key = ke;
            return aes.EncryptEcb(new byte[16], PaddingMode.None);
        }
    }
}
