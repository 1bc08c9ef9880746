using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Codec
{
    /// <summary>General extension (RFC 3830 §6.15, RFC 4563, 4909), ECCPT (RFC 6267) and the RFC 6043 / 6509 payloads.</summary>
    public sealed partial class MikeyReader
    {
        private int MeasureGeneralExtension(int p, int end)
        {
            byte[] b = _buffer;
            if (end - p < 4)
            {
                return TooShort(end);
            }

            int dl = NetworkOrder.ReadUInt16(b, p + 2);
            if (end - p < 4 + dl)
            {
                return TooShort(end);
            }

            int type = b[p + 1];
            int q = p + 4;
            int stop = q + dl;
            if (type == (int)GeneralExtensionType.KeyId)
            {
                // RFC 4563 §4: a list of Key ID Type (8) | Key ID Length (8) | Key ID that fills Data exactly.
                while (q < stop)
                {
                    if (stop - q < 2 || stop - q < 2 + b[q + 1])
                    {
                        return Invalid(MikeyStatus.LengthMismatch, ErrorCode.UnsupportedMessageType, q);
                    }

                    q += 2 + b[q + 1];
                }
            }
            else if (type == (int)GeneralExtensionType.OmaBcast && dl < 1)
            {
                // RFC 4909 §3: at least the subtype byte.
                return Invalid(MikeyStatus.LengthMismatch, ErrorCode.UnsupportedMessageType, p + 2);
            }
            else if (type == (int)GeneralExtensionType.CsbId && dl != 4)
            {
                return Invalid(MikeyStatus.LengthMismatch, ErrorCode.UnsupportedMessageType, p + 2);
            }

            return 4 + dl;
        }

        private int MeasureEccpt(int p, int end)
        {
            byte[] b = _buffer;
            if (end - p < 3)
            {
                return TooShort(end);
            }

            if (EccptPayload.FieldLengthOf((EccCurve)b[p + 1]) < 0)
            {
                return Invalid(MikeyStatus.InvalidValue, ErrorCode.Unspecified, p + 1);
            }

            int pl = EccptPayload.PointLengthOf((EccCurve)b[p + 1], b[p + 2]);
            if (pl < 0)
            {
                return Invalid(MikeyStatus.InvalidValue, ErrorCode.Unspecified, p + 2);
            }

            int padded = (pl + 3) & ~3;
            if (end - p < 6 + padded)
            {
                return TooShort(end);
            }

            for (int i = pl; i < padded; i++)
            {
                if (b[p + 2 + i] != 0)
                {
                    return Invalid(MikeyStatus.ReservedBitsSet, ErrorCode.UnsupportedMessageType, p + 2 + i);
                }
            }

            int q = p + 2 + padded;
            if (KemacPayload.MacLengthOf((MacAlgorithm)b[q]) < 0)
            {
                return Invalid(MikeyStatus.InvalidValue, ErrorCode.InvalidMac, q);
            }

            if ((b[q + 3] & 0xF0) != 0)
            {
                return Invalid(MikeyStatus.ReservedBitsSet, ErrorCode.UnsupportedMessageType, q + 3);
            }

            int kv = MeasureKvData(b[q + 3] & 0x0F, q + 3, q + 4, end);
            return kv < 0 ? -1 : 6 + padded + kv;
        }

        private int MeasureTr(int p, int end)
        {
            if (end - p < 3)
            {
                return TooShort(end);
            }

            if (!IsRole(_buffer[p + 1], (int)TimestampRole.RekeyingInterval))
            {
                return Invalid(MikeyStatus.InvalidValue, ErrorCode.UnsupportedMessageType, p + 1);
            }

            return MeasureTimestamp(p, 2, end);
        }

        private int MeasureIdr(int p, int end)
        {
            if (end - p < 5)
            {
                return TooShort(end);
            }

            if (!IsRole(_buffer[p + 1], (int)IdRole.ResponderKms))
            {
                return Invalid(MikeyStatus.InvalidValue, ErrorCode.InvalidId, p + 1);
            }

            if (_buffer[p + 2] > (int)IdType.ByteString)
            {
                return Invalid(MikeyStatus.InvalidValue, ErrorCode.InvalidId, p + 2);
            }

            return Fits(p, 5 + NetworkOrder.ReadUInt16(_buffer, p + 3), end);
        }

        private int MeasureRandr(int p, int end)
        {
            if (end - p < 3)
            {
                return TooShort(end);
            }

            if (!IsRole(_buffer[p + 1], (int)RandRole.Kms))
            {
                return Invalid(MikeyStatus.InvalidValue, ErrorCode.UnsupportedMessageType, p + 1);
            }

            if (_buffer[p + 2] == 0)
            {
                return Invalid(MikeyStatus.InvalidValue, ErrorCode.UnsupportedMessageType, p + 2);
            }

            return Fits(p, 3 + _buffer[p + 2], end);
        }

        // RFC 6043 §14: role 0 and 255 reserved, 240–254 private use.
        private static bool IsRole(int role, int lastAssigned)
        {
            return (role >= 1 && role <= lastAssigned) || (role >= 240 && role <= 254);
        }

        private int MeasureTicket(int p, int end, bool isTicket)
        {
            byte[] b = _buffer;
            if (end - p < 10)
            {
                return TooShort(end);
            }

            int tt = NetworkOrder.ReadUInt16(b, p + 1);
            if (tt == 0 || tt == 0xFFFF)
            {
                return Invalid(MikeyStatus.InvalidValue, ErrorCode.InvalidTicket, p + 1);
            }

            if ((b[p + 5] >> 1) > (int)PrfFunction.PrfHmacSha256)
            {
                return Invalid(MikeyStatus.InvalidValue, ErrorCode.InvalidPrf, p + 5);
            }

            if ((b[p + 7] & 0x1F) != 0)
            {
                return Invalid(MikeyStatus.ReservedBitsSet, ErrorCode.UnsupportedMessageType, p + 7);
            }

            int q = p + 8;
            int fields = isTicket ? 3 : 1;
            for (int i = 0; i < fields; i++)
            {
                if (end - q < 2 || end - q < 2 + NetworkOrder.ReadUInt16(b, q))
                {
                    return TooShort(end);
                }

                q += 2 + NetworkOrder.ReadUInt16(b, q);
            }

            return q - p;
        }

        private int MeasureSakke(int p, int end)
        {
            return end - p < 5 ? TooShort(end) : Fits(p, 5 + NetworkOrder.ReadUInt16(_buffer, p + 3), end);
        }

        private int MeasureEncryptedData(int p, int end)
        {
            return end - p < 3 ? TooShort(end) : Fits(p, 3 + NetworkOrder.ReadUInt16(_buffer, p + 1), end);
        }
    }
}
