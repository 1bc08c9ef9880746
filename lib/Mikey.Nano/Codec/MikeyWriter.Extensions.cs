using System;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Codec
{
    /// <summary>ECCPT (RFC 6267), the RFC 6043 payloads (TR, IDR, RANDR, TP, TICKET), SAKKE (RFC 6509), IBAKE/ESK.</summary>
    public sealed partial class MikeyWriter
    {
        /// <summary>Writes an ECCPT payload; the point (SEC 1 octet string of the curve's size) is zero-padded to 32 bits.</summary>
        public MikeyStatus WriteEccpt(EccCurve curve, byte[] point, int offset, int count, MacAlgorithm authAlgorithm, int tgkLength,
            KvType kv, byte[]? kv1, int kv1Offset, int kv1Length, byte[]? kv2, int kv2Offset, int kv2Length)
        {
            CheckRange(point, offset, count, 0xFFFF);
            if (count == 0 || EccptPayload.PointLengthOf(curve, point[offset]) != count)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            if ((uint)tgkLength > 0xFFFF || KemacPayload.MacLengthOf(authAlgorithm) < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(tgkLength));
            }

            int padded = (count + 3) & ~3;
            int kvl = KvDataLength(kv, kv1, kv1Offset, kv1Length, kv2, kv2Offset, kv2Length);
            int p = Begin(PayloadType.Eccpt, 6 + padded + kvl);
            if (p >= 0)
            {
                byte[] b = _buffer;
                b[p + 1] = (byte)curve;
                Put(p + 2, point, offset, count);
                Array.Clear(b, p + 2 + count, padded - count);
                int q = p + 2 + padded;
                b[q] = (byte)authAlgorithm;
                NetworkOrder.WriteUInt16(b, q + 1, tgkLength);
                b[q + 3] = (byte)kv;
                PutKvData(q + 4, kv, kv1, kv1Offset, kv1Length, kv2, kv2Offset, kv2Length);
            }

            return _status;
        }

        /// <summary>Writes a TR payload (timestamp with role).</summary>
        public MikeyStatus WriteTr(TimestampRole role, TimestampType type, ulong value)
        {
            int vl = TimestampPayload.ValueLengthOf(type);
            if (vl < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(type));
            }

            int p = Begin(PayloadType.Tr, 3 + vl);
            if (p >= 0)
            {
                _buffer[p + 1] = (byte)role;
                _buffer[p + 2] = (byte)type;
                WriteValue(p + 3, vl, value);
            }

            return _status;
        }

        /// <summary>Writes an IDR payload (identity with role); inside an open KEMAC it becomes a sub-payload.</summary>
        public MikeyStatus WriteIdr(IdRole role, IdType type, byte[] data, int offset, int count)
        {
            CheckRange(data, offset, count, 0xFFFF);
            int p = Begin(PayloadType.Idr, 5 + count);
            if (p >= 0)
            {
                _buffer[p + 1] = (byte)role;
                _buffer[p + 2] = (byte)type;
                NetworkOrder.WriteUInt16(_buffer, p + 3, count);
                Put(p + 5, data, offset, count);
            }

            return _status;
        }

        /// <summary>Writes a RANDR payload (RAND with role).</summary>
        public MikeyStatus WriteRandr(RandRole role, byte[] rand, int offset, int count)
        {
            if (count < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            CheckRange(rand, offset, count, 255);
            int p = Begin(PayloadType.Randr, 3 + count);
            if (p >= 0)
            {
                _buffer[p + 1] = (byte)role;
                _buffer[p + 2] = (byte)count;
                Put(p + 3, rand, offset, count);
            }

            return _status;
        }

        /// <summary>Writes a TP payload; TP Data (a payload chain) is given raw.</summary>
        public MikeyStatus WriteTicketPolicy(TicketType type, int subtype, int version, PrfFunction prf, TicketFlags flags,
            byte[] tpData, int offset, int count)
        {
            CheckRange(tpData, offset, count, 0xFFFF);
            CheckTicketHead(subtype, version, prf, flags);
            int p = Begin(PayloadType.Tp, 10 + count);
            if (p >= 0)
            {
                PutTicketHead(p, type, subtype, version, prf, flags);
                NetworkOrder.WriteUInt16(_buffer, p + 8, count);
                Put(p + 10, tpData, offset, count);
            }

            return _status;
        }

        /// <summary>Writes a TICKET payload; TP Data, Ticket Data and Initiator Data are given raw.</summary>
        public MikeyStatus WriteTicket(TicketType type, int subtype, int version, PrfFunction prf, TicketFlags flags,
            byte[]? tpData, int tpOffset, int tpCount, byte[]? ticketData, int ticketOffset, int ticketCount,
            byte[]? initiatorData, int initiatorOffset, int initiatorCount)
        {
            CheckRange(tpData, tpOffset, tpCount, 0xFFFF);
            CheckRange(ticketData, ticketOffset, ticketCount, 0xFFFF);
            CheckRange(initiatorData, initiatorOffset, initiatorCount, 0xFFFF);
            CheckTicketHead(subtype, version, prf, flags);
            int p = Begin(PayloadType.Ticket, 14 + tpCount + ticketCount + initiatorCount);
            if (p >= 0)
            {
                PutTicketHead(p, type, subtype, version, prf, flags);
                int q = p + 8;
                NetworkOrder.WriteUInt16(_buffer, q, tpCount);
                Put(q + 2, tpData!, tpOffset, tpCount);
                q += 2 + tpCount;
                NetworkOrder.WriteUInt16(_buffer, q, ticketCount);
                Put(q + 2, ticketData!, ticketOffset, ticketCount);
                q += 2 + ticketCount;
                NetworkOrder.WriteUInt16(_buffer, q, initiatorCount);
                Put(q + 2, initiatorData!, initiatorOffset, initiatorCount);
            }

            return _status;
        }

        /// <summary>Writes a SAKKE payload with raw SAKKE data.</summary>
        public MikeyStatus WriteSakke(int sakkeParams, int idScheme, byte[] data, int offset, int count)
        {
            if ((uint)sakkeParams > 255 || (uint)idScheme > 255)
            {
                throw new ArgumentOutOfRangeException(nameof(sakkeParams));
            }

            CheckRange(data, offset, count, 0xFFFF);
            int p = Begin(PayloadType.Sakke, 5 + count);
            if (p >= 0)
            {
                _buffer[p + 1] = (byte)sakkeParams;
                _buffer[p + 2] = (byte)idScheme;
                NetworkOrder.WriteUInt16(_buffer, p + 3, count);
                Put(p + 5, data, offset, count);
            }

            return _status;
        }

        /// <summary>Writes an IBAKE or ESK payload with raw Encr data.</summary>
        public MikeyStatus WriteEncryptedData(PayloadType type, byte[] data, int offset, int count)
        {
            if (type != PayloadType.Ibake && type != PayloadType.Esk)
            {
                throw new ArgumentOutOfRangeException(nameof(type));
            }

            CheckRange(data, offset, count, 0xFFFF);
            int p = Begin(type, 3 + count);
            if (p >= 0)
            {
                NetworkOrder.WriteUInt16(_buffer, p + 1, count);
                Put(p + 3, data, offset, count);
            }

            return _status;
        }

        private static void CheckTicketHead(int subtype, int version, PrfFunction prf, TicketFlags flags)
        {
            if ((uint)subtype > 255 || (uint)version > 255 || (int)prf > 127 || ((int)flags & ~0xFFF) != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(flags));
            }
        }

        private void PutTicketHead(int p, TicketType type, int subtype, int version, PrfFunction prf, TicketFlags flags)
        {
            byte[] b = _buffer;
            int f = (int)flags;
            NetworkOrder.WriteUInt16(b, p + 1, (int)type);
            b[p + 3] = (byte)subtype;
            b[p + 4] = (byte)version;
            b[p + 5] = (byte)(((int)prf << 1) | (f >> 11));
            b[p + 6] = (byte)(f >> 3);
            b[p + 7] = (byte)((f & 7) << 5);
        }
    }
}
