using NanoMikey.Crypto.Cipher;
using NanoMikey.Srtp;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Fuzz.Targets
{
    /// <summary>
    /// SRTP (<see cref="SrtpCryptoContext.Unprotect"/>) or SRTCP (<see cref="SrtpCryptoContext.UnprotectRtcp"/>) on an
    /// established inbound context (RFC 3711 §3.3, §3.4). The first input byte picks one of five policies (AES-CM with 80-
    /// and 32-bit tags, AES-GCM 128/256 (RFC 7714), NULL cipher), some with an MKI; the rest is the packet. Contract: never
    /// an exception; Ok only for a packet the sender really protected (the seeds), never for a mutated one; after a
    /// rejection the packet, its length and the context's state (ROC, highest index, packet counts) are unchanged; nothing
    /// is written outside the packet.
    /// </summary>
    public sealed class SrtpTarget : FuzzTarget
    {
        private static readonly uint Ssrc = 0x11223344;
        private readonly bool _rtcp;
        private readonly SoftwareAesFactory _aes = new SoftwareAesFactory();
        private readonly SrtpPolicy[] _policies;
        private readonly byte[][] _keys, _salts;
        private readonly byte[]?[] _mkis;
        private readonly byte[][] _establishing;
        private readonly SrtpCryptoContext[] _rx;
        private readonly HashSet<string> _genuine = new HashSet<string>();
        private readonly List<byte[]> _seeds = new List<byte[]>();

        /// <summary>Creates the SRTP target, or the SRTCP one.</summary>
        public SrtpTarget(bool rtcp)
        {
            _rtcp = rtcp;
            _policies = new[]
            {
                SrtpPolicy.AesCm128HmacSha1_80(), SrtpPolicy.AesCm128HmacSha1_32(), SrtpPolicy.AeadAes128Gcm(),
                SrtpPolicy.AeadAes256Gcm(), SrtpPolicy.NullHmacSha1_80(),
            };
            _policies[1].MkiLength = 4;
            _policies[3].MkiLength = 2;
            int n = _policies.Length;
            _keys = new byte[n][];
            _salts = new byte[n][];
            _mkis = new byte[n][];
            _establishing = new byte[n][];
            _rx = new SrtpCryptoContext[n];
            var rng = new Random(3711);
            for (int i = 0; i < n; i++)
            {
                SrtpPolicy p = _policies[i];
                _keys[i] = Bytes(rng, p.MasterKeyLength);
                _salts[i] = Bytes(rng, p.MasterSaltLength);
                _mkis[i] = p.MkiLength > 0 ? Bytes(rng, p.MkiLength) : null;
                var tx = NewContext(i, SrtpDirection.Outbound);
                tx.SetRolloverCounter(rtcp ? 0u : 7u);
                // One packet establishes the receiver (RFC 3711 §3.3.1), two more are the genuine inputs.
                _establishing[i] = Protect(tx, 65534, rng, 0, -1);
                for (int k = 0; k < 2; k++)
                {
                    byte[] pkt = Protect(tx, 65535 + k, rng, k, k == 1 ? 2 : -1);
                    _genuine.Add(i + ":" + Convert.ToHexString(pkt));
                    byte[] seed = new byte[pkt.Length + 1];
                    seed[0] = (byte)i;
                    Array.Copy(pkt, 0, seed, 1, pkt.Length);
                    _seeds.Add(seed);
                }

                _rx[i] = Established(i);
            }
        }

        /// <inheritdoc />
        public override string Name => _rtcp ? "srtcp" : "srtp";

        /// <summary>The genuine protected packets, each prefixed with its policy byte (the seed corpus).</summary>
        public IReadOnlyList<byte[]> Seeds => _seeds;

        /// <inheritdoc />
        protected override void Check(byte[] input)
        {
            if (input.Length == 0) return;
            int i = input[0] % _policies.Length;
            byte[] packet = input.AsSpan(1).ToArray();
            SrtpCryptoContext rx = _rx[i];
            uint roc = rx.RolloverCounter;
            ulong highest = rx.HighestIndex, srtpCount = rx.GetSrtpPacketCount(0), srtcpCount = rx.GetSrtcpPacketCount(0);
            int active = rx.ActiveMasterKey;
            byte[] b = Guarded(packet);
            int len = packet.Length;
            SrtpStatus s = _rtcp ? rx.UnprotectRtcp(b, Guard, ref len) : rx.Unprotect(b, Guard, ref len);
            RequireDefined(s);
            RequireGuards(b, packet.Length, _rtcp ? "UnprotectRtcp" : "Unprotect");
            if (s == SrtpStatus.Ok)
            {
                Require(_genuine.Contains(i + ":" + Convert.ToHexString(packet)), "a packet the sender never protected was accepted");
                Require(len >= 0 && len < packet.Length, "length after unprotect " + len);
                _rx[i] = Established(i);
                return;
            }

            Require(len == packet.Length, "length changed on rejection: " + len);
            Require(b.AsSpan(Guard, packet.Length).SequenceEqual(packet), "a rejected packet was modified (" + s + ")");
            Require(rx.RolloverCounter == roc && rx.HighestIndex == highest, "ROC or highest index changed on rejection");
            Require(rx.GetSrtpPacketCount(0) == srtpCount && rx.GetSrtcpPacketCount(0) == srtcpCount, "packet counts changed on rejection");
            Require(rx.ActiveMasterKey == active, "active master key changed on rejection");
        }

        private SrtpCryptoContext NewContext(int i, SrtpDirection direction)
        {
            var c = new SrtpCryptoContext(_policies[i], Ssrc, direction, _aes, SrtpMinimumPolicy.Strict);
            c.AddMasterKey(_keys[i], 0, _salts[i], 0, _mkis[i], 0);
            return c;
        }

        private SrtpCryptoContext Established(int i)
        {
            SrtpCryptoContext rx = NewContext(i, SrtpDirection.Inbound);
            if (!_rtcp) rx.SetRolloverCounter(7);
            byte[] p = (byte[])_establishing[i].Clone();
            int len = p.Length;
            SrtpStatus s = _rtcp ? rx.UnprotectRtcp(p, 0, ref len) : rx.Unprotect(p, 0, ref len);
            if (s != SrtpStatus.Ok) throw new InvalidOperationException("fixture: establishing packet refused: " + s);
            return rx;
        }

        private byte[] Protect(SrtpCryptoContext tx, int seq, Random rng, int csrcs, int extWords)
        {
            byte[] buf = new byte[256];
            int len;
            if (_rtcp)
            {
                buf[0] = 0x80; buf[1] = 200; buf[2] = 0; buf[3] = 6;
                buf[4] = (byte)(Ssrc >> 24); buf[5] = (byte)(Ssrc >> 16); buf[6] = (byte)(Ssrc >> 8); buf[7] = (byte)Ssrc;
                for (int k = 8; k < 28; k++) buf[k] = (byte)rng.Next(256);
                len = 28;
            }
            else
            {
                int p = 0;
                buf[p++] = (byte)(0x80 | (extWords >= 0 ? 0x10 : 0) | csrcs);
                buf[p++] = 0x60;
                buf[p++] = (byte)(seq >> 8);
                buf[p++] = (byte)seq;
                p += 4;
                buf[p++] = (byte)(Ssrc >> 24); buf[p++] = (byte)(Ssrc >> 16); buf[p++] = (byte)(Ssrc >> 8); buf[p++] = (byte)Ssrc;
                for (int k = 0; k < csrcs * 4; k++) buf[p++] = (byte)rng.Next(256);
                if (extWords >= 0)
                {
                    buf[p++] = 0xBE; buf[p++] = 0xDE; buf[p++] = 0; buf[p++] = (byte)extWords;
                    for (int k = 0; k < extWords * 4; k++) buf[p++] = (byte)rng.Next(256);
                }

                for (int k = 0; k < 40; k++) buf[p++] = (byte)rng.Next(256);
                len = p;
            }

            SrtpStatus s = _rtcp ? tx.ProtectRtcp(buf, 0, ref len, buf.Length) : tx.Protect(buf, 0, ref len, buf.Length);
            if (s != SrtpStatus.Ok) throw new InvalidOperationException("fixture: protect failed: " + s);
            return buf.AsSpan(0, len).ToArray();
        }

        private static byte[] Bytes(Random rng, int n)
        {
            byte[] b = new byte[n];
            rng.NextBytes(b);
            return b;
        }
    }
}
