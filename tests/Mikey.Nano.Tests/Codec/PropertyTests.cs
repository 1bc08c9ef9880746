using System;
using CsCheck;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Tests.Codec
{
    /// <summary>CsCheck properties: generated valid messages round-trip; corrupted messages never throw or loop.</summary>
    public class PropertyTests
    {
        private static readonly Gen<byte[]> Script = Gen.Byte.Array[0, 600];

        private static readonly string[] SampleMessages =
        {
            Convert.ToHexString(Samples.B64(Samples.Rfc4567IMessageBase64)),
            Convert.ToHexString(Samples.B64(Samples.Rfc4567RMessageBase64)),
            Convert.ToHexString(Samples.B64(Samples.GortsplibABase64)),
            Samples.GortsplibCHex,
            Convert.ToHexString(Samples.B64(Samples.JavaMkiBase64)),
            Convert.ToHexString(Samples.B64(Samples.PskIMessageBase64)),
            Convert.ToHexString(Samples.B64(Samples.PskRMessageBase64)),
        };

        [Fact]
        public void RandomValidMessages_OfEveryDataType_RoundTripByteExactly()
        {
            for (int dataType = 0; dataType <= (int)DataType.Sakke; dataType++)
            {
                int dt = dataType;
                Script.Sample(script =>
                {
                    byte[] msg = MessageBuilder.Build(script, dt);
                    byte[]? again = Reencoder.Reencode(msg, MikeyQuirks.None, out MikeyStatus s);
                    Assert.True(again != null, "generated message rejected: " + s + " " + Convert.ToHexString(msg));
                    Assert.Equal(Convert.ToHexString(msg), Convert.ToHexString(again!));
                }, iter: 150, threads: 1);
            }
        }

        [Fact]
        public void Truncations_NeverThrow_AndAreRejected()
        {
            Gen.Select(Script, Gen.Int[0, 100000]).Sample((script, cut) =>
            {
                byte[] msg = MessageBuilder.Build(script);
                int len = cut % msg.Length;
                CheckCorrupted(msg.AsSpan(0, len).ToArray(), mustFail: true);
            }, iter: 1500, threads: 1);
        }

        [Fact]
        public void BitFlips_NeverThrow_AndEitherFailOrReencodeIdentically()
        {
            Gen.Select(Script, Gen.Int[0, 1 << 30], Gen.Int[1, 3]).Sample((script, pos, flips) =>
            {
                byte[] msg = MessageBuilder.Build(script);
                for (int i = 0; i < flips; i++)
                {
                    int bit = (pos >> (i * 7)) % (msg.Length * 8);
                    msg[bit / 8] ^= (byte)(1 << (bit % 8));
                }

                CheckCorrupted(msg, mustFail: false);
            }, iter: 3000, threads: 1);
        }

        [Fact]
        public void LengthFieldCorruptions_NeverThrow_AndEitherFailOrReencodeIdentically()
        {
            // Overwrite the bytes right after a payload's first byte (where every type/length field lives) with random values.
            Gen.Select(Script, Gen.Int[0, 1000], Gen.UShort).Sample((script, which, value) =>
            {
                byte[] msg = MessageBuilder.Build(script);
                int[] starts = PayloadStarts(msg);
                int s = starts[which % starts.Length];
                int at = Math.Min(msg.Length - 1, s + 1 + which % 4);
                msg[at] = (byte)value;
                if (at + 1 < msg.Length && (value & 0x100) != 0)
                {
                    msg[at + 1] = (byte)(value >> 9);
                }

                CheckCorrupted(msg, mustFail: false);
            }, iter: 3000, threads: 1);
        }

        [Fact]
        public void SampleCorruptions_NeverThrow()
        {
            var rnd = new Random(4567);
            foreach (string hex in SampleMessages)
            {
                byte[] orig = Convert.FromHexString(hex);
                for (int n = 0; n < orig.Length; n++)
                {
                    CheckCorrupted(orig.AsSpan(0, n).ToArray(), mustFail: true);
                }

                for (int i = 0; i < 2000; i++)
                {
                    byte[] m = (byte[])orig.Clone();
                    m[rnd.Next(m.Length)] = (byte)rnd.Next(256);
                    CheckCorrupted(m, mustFail: false);
                }
            }
        }

        private static int[] PayloadStarts(byte[] msg)
        {
            var r = new MikeyReader();
            r.Reset(msg, 0, msg.Length);
            var list = new System.Collections.Generic.List<int> { 0, 7 };
            while (r.Read() == MikeyStatus.Ok)
            {
                list.Add(r.PayloadOffset);
            }

            return list.ToArray();
        }

        internal static void CheckCorrupted(byte[] msg, bool mustFail)
        {
            var r = new MikeyReader();
            MikeyStatus s = r.Reset(msg, 0, msg.Length);
            if (s == MikeyStatus.Ok)
            {
                int guard = 0;
                do
                {
                    s = r.Read();
                    Assert.True(++guard <= msg.Length + 1, "reader did not terminate");
                }
                while (s == MikeyStatus.Ok);
            }

            Assert.True(r.StepCount <= msg.Length + 1);
            if (s == MikeyStatus.End)
            {
                Assert.False(mustFail, "a truncated message was accepted");
                byte[]? again = Reencoder.Reencode(msg, MikeyQuirks.None, out MikeyStatus s2);
                Assert.True(again != null, s2.ToString());
                Assert.Equal(Convert.ToHexString(msg), Convert.ToHexString(again!));
            }
            else
            {
                Assert.True(s >= MikeyStatus.Truncated && s <= MikeyStatus.MissingRand, s.ToString());
                Assert.InRange(r.ErrorOffset, 0, msg.Length);
                Assert.True(Enum.IsDefined(r.ErrorCode));
            }
        }
    }
}
