using System;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Transport;

namespace NanoMikey.Cli.Bench
{
    /// <summary>The operations timed by `bench codec`, on the RFC 4567 §5.1 PSK I_MESSAGE (mikey-samples.md §1).</summary>
    public sealed class CodecBench
    {
        /// <summary>RFC 4567 §5.1 Example 1 I_MESSAGE as carried in the SDP offer.</summary>
        public const string Rfc4567Base64 =
            "AQAFgM0XflABAAAAAAAAAAAAAAsAyONQ6gAAAAAGEEoo2pee4hp2UaDX8ZE22YwKAAAPZG9uYWxkQGR1Y2suY29tAQAAAAAAAQAk0JKpgaVkDaawi9whVBtBt0KZ14ymNuu62+Nv3ozPLygwK/GbAV9iemnGUIZ19fWQUOSrzKTAv9zV";

        private readonly byte[] _message = Convert.FromBase64String(Rfc4567Base64);
        private readonly byte[] _decodeBuffer = new byte[256];
        private readonly byte[] _buildBuffer = new byte[256];
        private readonly char[] _chars = new char[256];
        private readonly MikeyReader _reader = new MikeyReader();
        private readonly MikeyWriter _writer = new MikeyWriter();
        private readonly byte[] _rand;
        private readonly byte[] _id;
        private readonly byte[] _encr;
        private readonly byte[] _mac;
        private long _sink;

        /// <summary>Creates the bench and checks that build reproduces the sample.</summary>
        public CodecBench()
        {
            _rand = _message.AsSpan(31, 16).ToArray();
            _id = _message.AsSpan(51, 15).ToArray();
            _encr = _message.AsSpan(75, 36).ToArray();
            _mac = _message.AsSpan(112, 20).ToArray();
            int n = Build();
            if (n != _message.Length || !_buildBuffer.AsSpan(0, n).SequenceEqual(_message) || Parse(_message, _message.Length) <= 0)
            {
                throw new InvalidOperationException("codec bench self-check failed");
            }
        }

        /// <summary>Message size in bytes.</summary>
        public int MessageLength => _message.Length;

        /// <summary>Keeps results observable so the JIT cannot drop the work.</summary>
        public long Sink => _sink;

        /// <summary>Parse: Reset + every payload + every field read in place.</summary>
        public void ParseLoop(int iterations)
        {
            for (int i = 0; i < iterations; i++)
            {
                _sink += Parse(_message, _message.Length);
            }
        }

        /// <summary>Build the same message with MikeyWriter into a caller buffer (MAC field reserved, then filled).</summary>
        public void BuildLoop(int iterations)
        {
            for (int i = 0; i < iterations; i++)
            {
                _sink += Build();
            }
        }

        /// <summary>Ours: strict Base64.Decode into a caller buffer, then parse.</summary>
        public void DecodeAndParseLoop(int iterations)
        {
            for (int i = 0; i < iterations; i++)
            {
                int n = Base64.Decode(Rfc4567Base64, 0, Rfc4567Base64.Length, _decodeBuffer, 0);
                _sink += Parse(_decodeBuffer, n);
            }
        }

        /// <summary>Reference: .NET Convert.FromBase64String (allocates the array), then our parse.</summary>
        public void ConvertAndParseLoop(int iterations)
        {
            for (int i = 0; i < iterations; i++)
            {
                byte[] m = Convert.FromBase64String(Rfc4567Base64);
                _sink += Parse(m, m.Length);
            }
        }

        /// <summary>Ours: build, then Base64.Encode into a caller char buffer.</summary>
        public void BuildAndEncodeLoop(int iterations)
        {
            for (int i = 0; i < iterations; i++)
            {
                int n = Build();
                _sink += Base64.Encode(_buildBuffer, 0, n, _chars, 0);
            }
        }

        /// <summary>Reference: build, then .NET Convert.ToBase64String (allocates the string).</summary>
        public void BuildAndConvertLoop(int iterations)
        {
            for (int i = 0; i < iterations; i++)
            {
                int n = Build();
                _sink += Convert.ToBase64String(_buildBuffer, 0, n).Length;
            }
        }

        private long Parse(byte[] m, int length)
        {
            MikeyReader r = _reader;
            if (r.Reset(m, 0, length) != MikeyStatus.Ok)
            {
                return -1;
            }

            CommonHeader h = r.Header;
            long sum = (int)h.DataType + h.CsbId + h.CsCount + (int)h.PrfFunction + (h.V ? 1 : 0) + h.GetSsrc(0) + h.GetRoc(0) + h.GetPolicyNo(0);
            while (r.Read() == MikeyStatus.Ok)
            {
                switch (r.PayloadType)
                {
                    case PayloadType.Timestamp:
                        sum += (long)(r.Timestamp.Value >> 8) + (int)r.Timestamp.TimestampType;
                        break;
                    case PayloadType.Rand:
                        sum += r.Rand.RandOffset + r.Rand.RandLength;
                        break;
                    case PayloadType.Id:
                        sum += (int)r.Id.IdType + r.Id.DataOffset + r.Id.DataLength;
                        break;
                    case PayloadType.SecurityPolicy:
                        sum += r.SecurityPolicy.PolicyNo + (int)r.SecurityPolicy.ProtocolType + r.SecurityPolicy.ParametersLength;
                        break;
                    case PayloadType.Kemac:
                        sum += (int)r.Kemac.EncryptionAlgorithm + r.Kemac.EncrDataLength + (int)r.Kemac.MacAlgorithm + r.Kemac.MacOffset;
                        break;
                }
            }

            return r.Status == MikeyStatus.End ? sum + r.CoveredLength : -1;
        }

        private int Build()
        {
            MikeyWriter w = _writer;
            w.Reset(_buildBuffer, 0, _buildBuffer.Length);
            w.WriteHeader(DataType.PreShared, true, PrfFunction.Mikey1, 0xCD177E50, CsIdMapType.SrtpId);
            w.AddSrtpIdEntry(0, 0, 0);
            w.WriteTimestamp(TimestampType.NtpUtc, 0xC8E350EA00000000UL);
            w.WriteRand(_rand, 0, _rand.Length);
            w.WriteId(IdType.Nai, _id, 0, _id.Length);
            w.BeginSecurityPolicy(0, ProtocolType.Srtp);
            w.EndSecurityPolicy();
            w.WriteKemac(EncryptionAlgorithm.AesCm128, _encr, 0, _encr.Length, MacAlgorithm.HmacSha1160);
            Array.Copy(_mac, 0, _buildBuffer, w.IntegrityFieldOffset, _mac.Length);
            return w.Finish() == MikeyStatus.Ok ? w.Length : -1;
        }
    }
}
