using System;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Codec
{
    /// <summary>The RFC 3830 payloads other than KEMAC and SP.</summary>
    public sealed partial class MikeyWriter
    {
        /// <summary>Writes a T payload; the value width follows the TS type (8 bytes NTP, 4 bytes COUNTER / NTP-UTC-32).</summary>
        public MikeyStatus WriteTimestamp(TimestampType type, ulong value)
        {
            int vl = TimestampPayload.ValueLengthOf(type);
            if (vl < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(type));
            }

            int p = Begin(PayloadType.Timestamp, 2 + vl);
            if (p >= 0)
            {
                _buffer[p + 1] = (byte)type;
                WriteValue(p + 2, vl, value);
            }

            return _status;
        }

        /// <summary>Writes a RAND payload (1–255 bytes; RFC 3830 §6.11 recommends at least 16).</summary>
        public MikeyStatus WriteRand(byte[] rand, int offset, int count)
        {
            if (count < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            CheckRange(rand, offset, count, 255);
            int p = Begin(PayloadType.Rand, 2 + count);
            if (p >= 0)
            {
                _buffer[p + 1] = (byte)count;
                Put(p + 2, rand, offset, count);
            }

            return _status;
        }

        /// <summary>Writes an ID payload; inside an open KEMAC it becomes a sub-payload (IDi/IDr of PK and RSA-R modes).</summary>
        public MikeyStatus WriteId(IdType type, byte[] data, int offset, int count)
        {
            return WriteTypeLengthData(PayloadType.Id, (int)type, data, offset, count);
        }

        /// <summary>Writes a CERT payload.</summary>
        public MikeyStatus WriteCert(CertType type, byte[] data, int offset, int count)
        {
            return WriteTypeLengthData(PayloadType.Cert, (int)type, data, offset, count);
        }

        /// <summary>Writes a General extension payload of any type with raw Data (Key ID lists, OMA BCAST, vendor data…).</summary>
        public MikeyStatus WriteGeneralExtension(int type, byte[] data, int offset, int count)
        {
            if ((uint)type > 255)
            {
                throw new ArgumentOutOfRangeException(nameof(type));
            }

            return WriteTypeLengthData(PayloadType.GeneralExtension, type, data, offset, count);
        }

        /// <summary>Writes a CHASH payload; the hash length follows the hash function.</summary>
        public MikeyStatus WriteChash(HashFunction function, byte[] hash, int offset)
        {
            int hl = ChashPayload.HashLengthOf(function);
            if (hl < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(function));
            }

            CheckRange(hash, offset, hl, hl);
            int p = Begin(PayloadType.Chash, 2 + hl);
            if (p >= 0)
            {
                _buffer[p + 1] = (byte)function;
                Put(p + 2, hash, offset, hl);
            }

            return _status;
        }

        /// <summary>Writes a PKE payload (C and up to 16383 bytes of encrypted envelope key).</summary>
        public MikeyStatus WritePke(EnvelopeCacheType cache, byte[] data, int offset, int count)
        {
            if ((int)cache > 3)
            {
                throw new ArgumentOutOfRangeException(nameof(cache));
            }

            CheckRange(data, offset, count, 0x3FFF);
            int p = Begin(PayloadType.Pke, 3 + count);
            if (p >= 0)
            {
                NetworkOrder.WriteUInt16(_buffer, p + 1, ((int)cache << 14) | count);
                Put(p + 3, data, offset, count);
            }

            return _status;
        }

        /// <summary>Writes a DH payload: the value must have the group's fixed length (left-padded, spec §3.4), then KV.</summary>
        public MikeyStatus WriteDh(DhGroup group, byte[] value, int offset, KvType kv, byte[]? kv1, int kv1Offset, int kv1Length,
            byte[]? kv2, int kv2Offset, int kv2Length)
        {
            int vl = DhPayload.ValueLengthOf(group);
            if (vl < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(group));
            }

            CheckRange(value, offset, vl, vl);
            int kvl = KvDataLength(kv, kv1, kv1Offset, kv1Length, kv2, kv2Offset, kv2Length);
            int p = Begin(PayloadType.Dh, 3 + vl + kvl);
            if (p >= 0)
            {
                _buffer[p + 1] = (byte)group;
                Put(p + 2, value, offset, vl);
                _buffer[p + 2 + vl] = (byte)kv;
                PutKvData(p + 3 + vl, kv, kv1, kv1Offset, kv1Length, kv2, kv2Offset, kv2Length);
            }

            return _status;
        }

        /// <summary>Writes a V payload and reserves its Ver data (length from the Auth alg); the covered range is reported.</summary>
        public MikeyStatus WriteVerification(MacAlgorithm authAlgorithm)
        {
            int ml = KemacPayload.MacLengthOf(authAlgorithm);
            if (ml < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(authAlgorithm));
            }

            int p = Begin(PayloadType.Verification, 2 + ml);
            if (p >= 0)
            {
                _buffer[p + 1] = (byte)authAlgorithm;
                Reserve(p + 2, ml);
            }

            return _status;
        }

        /// <summary>Writes the final SIGN payload and reserves the signature field; no payload may follow.</summary>
        public MikeyStatus WriteSign(SignatureType type, int signatureLength)
        {
            if ((int)type > 15)
            {
                throw new ArgumentOutOfRangeException(nameof(type));
            }

            if (signatureLength < 0 || signatureLength > 0x0FFF)
            {
                throw new ArgumentOutOfRangeException(nameof(signatureLength));
            }

            int p = Begin(PayloadType.Sign, 2 + signatureLength);
            if (p >= 0)
            {
                NetworkOrder.WriteUInt16(_buffer, p, ((int)type << 12) | signatureLength);
                Reserve(p + 2, signatureLength);
                _signed = true;
            }

            return _status;
        }

        /// <summary>Writes an ERR payload (reserved field 0).</summary>
        public MikeyStatus WriteError(ErrorCode code)
        {
            int p = Begin(PayloadType.Error, 4);
            if (p >= 0)
            {
                _buffer[p + 1] = (byte)code;
                _buffer[p + 2] = 0;
                _buffer[p + 3] = 0;
            }

            return _status;
        }

        private MikeyStatus WriteTypeLengthData(PayloadType payload, int type, byte[] data, int offset, int count)
        {
            CheckRange(data, offset, count, 0xFFFF);
            int p = Begin(payload, 4 + count);
            if (p >= 0)
            {
                _buffer[p + 1] = (byte)type;
                NetworkOrder.WriteUInt16(_buffer, p + 2, count);
                Put(p + 4, data, offset, count);
            }

            return _status;
        }

        private void WriteValue(int at, int length, ulong value)
        {
            if (length == 8)
            {
                NetworkOrder.WriteUInt64(_buffer, at, value);
            }
            else
            {
                NetworkOrder.WriteUInt32(_buffer, at, (uint)value);
            }
        }

        private static int KvDataLength(KvType kv, byte[]? kv1, int kv1Offset, int kv1Length, byte[]? kv2, int kv2Offset, int kv2Length)
        {
            switch (kv)
            {
                case KvType.Null:
                    return 0;
                case KvType.Spi:
                    CheckRange(kv1, kv1Offset, kv1Length, 255);
                    return 1 + kv1Length;
                case KvType.Interval:
                    CheckRange(kv1, kv1Offset, kv1Length, 255);
                    CheckRange(kv2, kv2Offset, kv2Length, 255);
                    return 2 + kv1Length + kv2Length;
                default:
                    throw new ArgumentOutOfRangeException(nameof(kv));
            }
        }

        private void PutKvData(int at, KvType kv, byte[]? kv1, int kv1Offset, int kv1Length, byte[]? kv2, int kv2Offset, int kv2Length)
        {
            if (kv == KvType.Null)
            {
                return;
            }

            _buffer[at] = (byte)kv1Length;
            Put(at + 1, kv1!, kv1Offset, kv1Length);
            if (kv == KvType.Interval)
            {
                _buffer[at + 1 + kv1Length] = (byte)kv2Length;
                Put(at + 2 + kv1Length, kv2!, kv2Offset, kv2Length);
            }
        }
    }
}
