using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Codec
{
    /// <summary>KEMAC and its Key data sub-payload chain (RFC 3830 §6.2, §6.13, §6.14).</summary>
    public sealed partial class MikeyReader
    {
        private int MeasureKemac(int p, int end)
        {
            byte[] b = _buffer;
            if (end - p < 5)
            {
                return TooShort(end);
            }

            if (b[p + 1] > (int)EncryptionAlgorithm.AesCm256)
            {
                return Invalid(MikeyStatus.InvalidValue, ErrorCode.InvalidEa, p + 1);
            }

            int el = NetworkOrder.ReadUInt16(b, p + 2);
            if (end - p < 5 + el)
            {
                return TooShort(end);
            }

            int macAt = p + 4 + el;
            int ml = KemacPayload.MacLengthOf((MacAlgorithm)b[macAt]);
            if (ml < 0)
            {
                return Invalid(MikeyStatus.InvalidValue, ErrorCode.InvalidMac, macAt);
            }

            if (end - p < 5 + el + ml)
            {
                return TooShort(end);
            }

            // With NULL encryption the sub-payload chain is in clear: validate it as strictly as the outer chain.
            if (b[p + 1] == (int)EncryptionAlgorithm.Null && el > 0)
            {
                if (!_chainOnly && !ValidateSubChain((int)KemacPayload.FirstSubPayload((DataType)_dataType), p + 4, p + 4 + el))
                {
                    return -1;
                }
            }

            return 5 + el + ml;
        }

        private bool ValidateSubChain(int first, int p, int end)
        {
            int type = first;
            while (true)
            {
                if (type != (int)PayloadType.KeyData && type != (int)PayloadType.Id && type != (int)PayloadType.Idr)
                {
                    Fail(IsKnownType(type) ? MikeyStatus.PayloadNotAllowed : MikeyStatus.UnknownPayloadType, ErrorCode.UnsupportedMessageType, p);
                    return false;
                }

                if (p >= end)
                {
                    TooShort(end);
                    return false;
                }

                int len = Measure(type, p, end);
                if (len < 0)
                {
                    return false;
                }

                _bytesExamined += len;
                type = _buffer[p];
                p += len;
                if (type == 0)
                {
                    break;
                }
            }

            if (p != end)
            {
                Fail(MikeyStatus.LengthMismatch, ErrorCode.UnsupportedMessageType, p);
                return false;
            }

            return true;
        }

        private int MeasureKeyData(int p, int end)
        {
            byte[] b = _buffer;
            if (end - p < 4)
            {
                return TooShort(end);
            }

            int type = b[p + 1] >> 4;
            if (type > (int)KeyDataType.KPr)
            {
                return Invalid(MikeyStatus.InvalidValue, ErrorCode.UnsupportedMessageType, p + 1);
            }

            int kl = NetworkOrder.ReadUInt16(b, p + 2);
            int q = p + 4 + kl;
            if (end - p < 4 + kl)
            {
                return TooShort(end);
            }

            if (KeyDataSubPayload.HasSaltField((KeyDataType)type))
            {
                if (end - q < 2 || end - q < 2 + NetworkOrder.ReadUInt16(b, q))
                {
                    return TooShort(end);
                }

                q += 2 + NetworkOrder.ReadUInt16(b, q);
            }

            int kv = MeasureKvData(b[p + 1] & 0x0F, p + 1, q, end);
            return kv < 0 ? -1 : q + kv - p;
        }
    }
}
