using System;
using NanoMikey.Crypto.Hal;
using NanoMikey.Hardware.Host;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Srtp.Tests
{
    /// <summary>Shared helpers: hex, RTP/RTCP packet builders, context pairs.</summary>
    internal static class TestKit
    {
        internal static readonly IAesEngineFactory Host = new HostAesEngineFactory();

        internal static string ToHex(byte[] b, int offset, int length) => Convert.ToHexString(b, offset, length).ToLowerInvariant();

        /// <summary>An RTP packet: V=2, optional CSRCs and header extension, random payload.</summary>
        internal static int BuildRtp(byte[] buf, int offset, int seq, uint ssrc, int payloadLength, Random rng, int csrcs = 0, int extWords = -1)
        {
            int p = offset;
            buf[p++] = (byte)(0x80 | (extWords >= 0 ? 0x10 : 0) | csrcs);
            buf[p++] = 0x60;
            buf[p++] = (byte)(seq >> 8);
            buf[p++] = (byte)seq;
            uint ts = (uint)seq * 160u;
            buf[p++] = (byte)(ts >> 24); buf[p++] = (byte)(ts >> 16); buf[p++] = (byte)(ts >> 8); buf[p++] = (byte)ts;
            buf[p++] = (byte)(ssrc >> 24); buf[p++] = (byte)(ssrc >> 16); buf[p++] = (byte)(ssrc >> 8); buf[p++] = (byte)ssrc;
            for (int i = 0; i < csrcs * 4; i++) buf[p++] = (byte)rng.Next(256);
            if (extWords >= 0)
            {
                buf[p++] = 0xBE; buf[p++] = 0xDE; buf[p++] = (byte)(extWords >> 8); buf[p++] = (byte)extWords;
                for (int i = 0; i < extWords * 4; i++) buf[p++] = (byte)rng.Next(256);
            }
            for (int i = 0; i < payloadLength; i++) buf[p++] = (byte)rng.Next(256);
            return p - offset;
        }

        /// <summary>An RTCP SR-like compound packet of <paramref name="length"/> bytes (multiple of 4, at least 8).</summary>
        internal static int BuildRtcp(byte[] buf, int offset, uint ssrc, int length, Random rng)
        {
            buf[offset] = 0x80;
            buf[offset + 1] = 200;
            int words = length / 4 - 1;
            buf[offset + 2] = (byte)(words >> 8);
            buf[offset + 3] = (byte)words;
            buf[offset + 4] = (byte)(ssrc >> 24); buf[offset + 5] = (byte)(ssrc >> 16); buf[offset + 6] = (byte)(ssrc >> 8); buf[offset + 7] = (byte)ssrc;
            for (int i = 8; i < length; i++) buf[offset + i] = (byte)rng.Next(256);
            return length;
        }

        /// <summary>Accepts every opt-in below the strict minimum (SRTCP authentication stays mandatory).</summary>
        internal static readonly SrtpMinimumPolicy Permissive = new SrtpMinimumPolicy(true, true, true);

        internal static SrtpCryptoContext NewContext(SrtpPolicy policy, uint ssrc, SrtpDirection dir, byte[] key, byte[] salt, byte[]? mki = null, IAesEngineFactory? factory = null, SrtpMinimumPolicy? minimum = null)
        {
            var c = new SrtpCryptoContext(policy, ssrc, dir, factory ?? Host, minimum ?? SrtpMinimumPolicy.Strict);
            c.AddMasterKey(key, 0, salt, 0, mki, 0);
            return c;
        }

        internal static byte[] Random(Random rng, int n)
        {
            var b = new byte[n];
            rng.NextBytes(b);
            return b;
        }
    }
}
