using NanoMikey.Srtp.Policy;
using System;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Tests.Codec
{
    /// <summary>
    /// Builds a random valid message through MikeyWriter from a choice script (a byte string read as a sequence of
    /// decisions; an exhausted script reads as zeros). CsCheck shrinks the script, which shrinks the message.
    /// </summary>
    internal sealed class MessageBuilder
    {
        private readonly byte[] _script;
        private int _at;

        private MessageBuilder(byte[] script)
        {
            _script = script;
        }

        private int Next(int exclusiveMax)
        {
            int v = _at < _script.Length ? _script[_at] : 0;
            _at++;
            if (exclusiveMax > 256)
            {
                v = (v << 8) | (_at < _script.Length ? _script[_at] : 0);
                _at++;
            }

            return exclusiveMax <= 0 ? 0 : v % exclusiveMax;
        }

        private byte[] Bytes(int n)
        {
            var b = new byte[n];
            for (int i = 0; i < n; i++)
            {
                b[i] = (byte)Next(256);
            }

            return b;
        }

        /// <summary>Builds a message whose data type is <paramref name="dataType"/> (or random when negative).</summary>
        public static byte[] Build(byte[] script, int dataType = -1)
        {
            return new MessageBuilder(script).Build(dataType);
        }

        private byte[] Build(int forcedType)
        {
            var buf = new byte[8192];
            var w = new MikeyWriter();
            w.Reset(buf, 0, buf.Length);
            var dt = (DataType)(forcedType >= 0 ? forcedType : Next(27));
            var map = (CsIdMapType)Next(3);
            w.WriteHeader(dt, Next(2) == 1, (PrfFunction)Next(2), (uint)(Next(65536) * 65536 + Next(65536)), map);
            int cs = Next(4);
            if (map == CsIdMapType.Empty)
            {
                w.SetEmptyMapCsCount(cs);
                cs = 0;
            }

            for (int i = 0; i < cs; i++)
            {
                if (map == CsIdMapType.SrtpId)
                {
                    w.AddSrtpIdEntry(Next(256), (uint)Next(65536) << 8, (uint)Next(65536));
                }
                else
                {
                    byte[] pol = Bytes(Next(3));
                    byte[] sd = Bytes(Next(3) * 5);
                    byte[] spi = Bytes(Next(5));
                    w.AddGenericIdEntry(i + 1, (ProtocolType)Next(2), Next(2) == 1, pol, 0, pol.Length, sd, 0, sd.Length, spi, 0, spi.Length);
                }
            }

            // RAND is mandatory in initial PSK/PK/DH/DHHMAC I_MESSAGEs; always write one first so the message is valid.
            w.WriteTimestamp((TimestampType)Next(4), (ulong)Next(65536) << 32 | (uint)Next(65536));
            byte[] rand = Bytes(1 + Next(32));
            w.WriteRand(rand, 0, rand.Length);
            int count = Next(8);
            for (int i = 0; i < count; i++)
            {
                int kind = Next(20);
                WritePayload(w, dt, kind == 8 && map == CsIdMapType.Empty ? 10 : kind);
            }

            if (Next(4) == 0)
            {
                int len = Next(200);
                w.WriteSign((SignatureType)Next(3), len);
                byte[] sig = Bytes(len);
                Array.Copy(sig, 0, w.Buffer, w.IntegrityFieldOffset, len);
            }

            if (w.Finish() != MikeyStatus.Ok)
            {
                throw new InvalidOperationException();
            }

            return buf.AsSpan(0, w.Length).ToArray();
        }

        private void Kv(out KvType kv, out byte[] a, out byte[] b)
        {
            kv = (KvType)Next(3);
            a = kv == KvType.Null ? Array.Empty<byte>() : Bytes(Next(7));
            b = kv == KvType.Interval ? Bytes(Next(7)) : Array.Empty<byte>();
        }

        private void WritePayload(MikeyWriter w, DataType dt, int kind)
        {
            byte[] d;
            switch (kind)
            {
                case 0:
                    WriteKemac(w, dt);
                    break;
                case 1:
                    d = Bytes(Next(40));
                    w.WritePke((EnvelopeCacheType)Next(3), d, 0, d.Length);
                    break;
                case 2:
                    {
                        var g = (DhGroup)Next(3);
                        d = Bytes(DhPayload.ValueLengthOf(g));
                        Kv(out KvType kv, out byte[] a, out byte[] b);
                        w.WriteDh(g, d, 0, kv, a, 0, a.Length, b, 0, b.Length);
                        break;
                    }

                case 3:
                    w.WriteTimestamp((TimestampType)Next(4), (ulong)Next(65536) << 40 | (uint)Next(65536));
                    break;
                case 4:
                    d = Bytes(Next(30));
                    w.WriteId((IdType)Next(3), d, 0, d.Length);
                    break;
                case 5:
                    d = Bytes(Next(60));
                    w.WriteCert((CertType)Next(4), d, 0, d.Length);
                    break;
                case 6:
                    {
                        var h = (HashFunction)Next(3);
                        d = Bytes(ChashPayload.HashLengthOf(h));
                        w.WriteChash(h, d, 0);
                        break;
                    }

                case 7:
                    w.WriteVerification((MacAlgorithm)Next(3));
                    d = Bytes(w.IntegrityFieldLength);
                    Array.Copy(d, 0, w.Buffer, w.IntegrityFieldOffset, d.Length);
                    break;
                case 8:
                    WritePolicy(w);
                    break;
                case 9:
                    d = Bytes(1 + Next(40));
                    w.WriteRand(d, 0, d.Length);
                    break;
                case 10:
                    w.WriteError((ErrorCode)Next(16));
                    break;
                case 11:
                    WriteExtension(w);
                    break;
                case 12:
                    {
                        var c = (EccCurve)(1 + Next(16));
                        int f = EccptPayload.FieldLengthOf(c);
                        bool compressed = Next(2) == 1;
                        d = Bytes(compressed ? 1 + f : 1 + 2 * f);
                        d[0] = compressed ? (byte)(2 + Next(2)) : (byte)4;
                        Kv(out KvType kv, out byte[] a, out byte[] b);
                        w.WriteEccpt(c, d, 0, d.Length, (MacAlgorithm)Next(3), Next(65536), kv, a, 0, a.Length, b, 0, b.Length);
                        break;
                    }

                case 13:
                    w.WriteTr((TimestampRole)(1 + Next(4)), (TimestampType)Next(4), (ulong)Next(65536));
                    break;
                case 14:
                    d = Bytes(Next(30));
                    w.WriteIdr((IdRole)(1 + Next(7)), (IdType)Next(3), d, 0, d.Length);
                    break;
                case 15:
                    d = Bytes(1 + Next(30));
                    w.WriteRandr((RandRole)(1 + Next(3)), d, 0, d.Length);
                    break;
                case 16:
                    d = Bytes(Next(20));
                    w.WriteTicketPolicy((TicketType)(1 + Next(2)), Next(256), Next(256), (PrfFunction)Next(2), (TicketFlags)Next(4096), d, 0, d.Length);
                    break;
                case 17:
                    {
                        d = Bytes(Next(20));
                        byte[] t = Bytes(Next(20));
                        byte[] i = Bytes(Next(20));
                        w.WriteTicket((TicketType)(1 + Next(2)), Next(256), Next(256), (PrfFunction)Next(2), (TicketFlags)Next(4096),
                            d, 0, d.Length, t, 0, t.Length, i, 0, i.Length);
                        break;
                    }

                case 18:
                    d = Bytes(Next(40));
                    w.WriteSakke(Next(256), Next(256), d, 0, d.Length);
                    break;
                default:
                    d = Bytes(Next(40));
                    w.WriteEncryptedData(Next(2) == 0 ? PayloadType.Ibake : PayloadType.Esk, d, 0, d.Length);
                    break;
            }
        }

        private void WriteKemac(MikeyWriter w, DataType dt)
        {
            var encr = (EncryptionAlgorithm)Next(4);
            var mac = (MacAlgorithm)Next(3);
            if (encr != EncryptionAlgorithm.Null)
            {
                byte[] e = Bytes(Next(60));
                w.WriteKemac(encr, e, 0, e.Length, mac);
            }
            else
            {
                w.BeginKemac(encr);
                int n = Next(4);
                bool idFirst = KemacPayload.FirstSubPayload(dt) == PayloadType.Id;
                if (idFirst && n > 0)
                {
                    byte[] id = Bytes(Next(20));
                    w.WriteId((IdType)Next(3), id, 0, id.Length);
                    n--;
                }

                for (int i = 0; i < n; i++)
                {
                    var type = (KeyDataType)Next(8);
                    byte[] key = Bytes(Next(40));
                    byte[] salt = KeyDataSubPayload.HasSaltField(type) ? Bytes(Next(16)) : Array.Empty<byte>();
                    Kv(out KvType kv, out byte[] a, out byte[] b);
                    w.WriteKeyData(type, key, 0, key.Length, salt, 0, salt.Length, kv, a, 0, a.Length, b, 0, b.Length);
                }

                w.EndKemac(mac);
            }

            byte[] m = Bytes(w.IntegrityFieldLength);
            Array.Copy(m, 0, w.Buffer, w.IntegrityFieldOffset, m.Length);
        }

        private void WritePolicy(MikeyWriter w)
        {
            bool tesla = Next(4) == 0;
            w.BeginSecurityPolicy(Next(256), tesla ? ProtocolType.Tesla : ProtocolType.Srtp);
            int n = Next(12);
            for (int i = 0; i < n; i++)
            {
                if (tesla)
                {
                    int t = 1 + Next(9);
                    if (t == 1 || t == 3)
                    {
                        w.WritePolicyParameter(t, 0);
                    }
                    else
                    {
                        byte[] v = Bytes(t == 5 || t == 9 ? 8 : 1 + Next(4));
                        w.WritePolicyParameter(t, v, 0, v.Length);
                    }

                    continue;
                }

                int type = Next(21);
                switch ((SrtpPolicyParameterType)type)
                {
                    case SrtpPolicyParameterType.EncryptionAlgorithm: w.WritePolicyParameter(type, Next(9)); break;
                    case SrtpPolicyParameterType.AuthenticationAlgorithm:
                    case SrtpPolicyParameterType.SrtpAuthenticationAlgorithm:
                    case SrtpPolicyParameterType.SrtcpAuthenticationAlgorithm: w.WritePolicyParameter(type, Next(5)); break;
                    case SrtpPolicyParameterType.PseudoRandomFunction: w.WritePolicyParameter(type, Next(3)); break;
                    case SrtpPolicyParameterType.SrtpEncryption:
                    case SrtpPolicyParameterType.SrtcpEncryption:
                    case SrtpPolicyParameterType.SrtpAuthentication: w.WritePolicyParameter(type, Next(2)); break;
                    case SrtpPolicyParameterType.FecOrder: w.WritePolicyParameter(type, 0); break;
                    case SrtpPolicyParameterType.KeyDerivationRate:
                        {
                            byte[] v = Bytes(1 + Next(4));
                            w.WritePolicyParameter(type, v, 0, v.Length);
                            break;
                        }

                    case SrtpPolicyParameterType.RocTransmissionRate:
                        w.WritePolicyParameter(type, new byte[] { (byte)Next(256), (byte)(1 + Next(255)) }, 0, 2);
                        break;
                    default: w.WritePolicyParameter(type, Next(256)); break;
                }
            }

            w.EndSecurityPolicy();
        }

        private void WriteExtension(MikeyWriter w)
        {
            int type = Next(8);
            byte[] d;
            if (type == (int)GeneralExtensionType.KeyId)
            {
                int n = Next(4);
                var list = new System.Collections.Generic.List<byte>();
                for (int i = 0; i < n; i++)
                {
                    int len = Next(10);
                    list.Add((byte)Next(3));
                    list.Add((byte)len);
                    list.AddRange(Bytes(len));
                }

                d = list.ToArray();
            }
            else if (type == (int)GeneralExtensionType.CsbId)
            {
                d = Bytes(4);
            }
            else if (type == (int)GeneralExtensionType.OmaBcast)
            {
                d = Bytes(1 + Next(20));
            }
            else
            {
                d = Bytes(Next(30));
                if (type > 5)
                {
                    type = 241 + Next(15);
                }
            }

            w.WriteGeneralExtension(type, d, 0, d.Length);
        }
    }
}
