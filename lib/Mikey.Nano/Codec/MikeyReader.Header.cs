using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Codec
{
    /// <summary>HDR and CS ID map measurement (RFC 3830 §6.1, §6.1.1; RFC 4563 §5; RFC 6043 §6.1.1).</summary>
    public sealed partial class MikeyReader
    {
        private int MeasureHeader(int p, int end)
        {
            _measureOffset = p;
            byte[] b = _buffer;
            if (end - p < CommonHeader.FixedLength)
            {
                return TooShort(end);
            }

            if (b[p] != 1)
            {
                return Invalid(MikeyStatus.UnsupportedVersion, ErrorCode.UnsupportedMessageType, p);
            }

            // Values 240 and up are left to private profiles (docs/ecc-profile.md: ECMQV 240/241); 27-239 stay refused.
            if (b[p + 1] > (int)DataType.Sakke && b[p + 1] < 240)
            {
                return Invalid(MikeyStatus.UnsupportedDataType, ErrorCode.InvalidDt, p + 1);
            }

            if ((b[p + 3] & 0x7F) > (int)PrfFunction.PrfHmacSha256)
            {
                return Invalid(MikeyStatus.UnsupportedPrf, ErrorCode.InvalidPrf, p + 3);
            }

            int cs = b[p + 8];
            int map = b[p + 9];
            int q = p + CommonHeader.FixedLength;
            if (map == (int)CsIdMapType.SrtpId)
            {
                if (end - q < cs * CommonHeader.SrtpIdEntryLength)
                {
                    return TooShort(end);
                }

                q += cs * CommonHeader.SrtpIdEntryLength;
            }
            else if (map == (int)CsIdMapType.GenericId)
            {
                for (int i = 0; i < cs; i++)
                {
                    int n = MeasureGenericIdEntry(q, end);
                    if (n < 0)
                    {
                        return -1;
                    }

                    q += n;
                }
            }
            else if (map != (int)CsIdMapType.Empty)
            {
                // RFC 4563 §5: the Empty map has no map info; unknown map types cannot be measured.
                return Invalid(MikeyStatus.UnsupportedMapType, ErrorCode.UnsupportedMessageType, p + 9);
            }

            return q - p;
        }

        private int MeasureGenericIdEntry(int q, int end)
        {
            byte[] b = _buffer;
            if (end - q < 3)
            {
                return TooShort(end);
            }

            if (b[q + 1] > (int)ProtocolType.Tesla)
            {
                return Invalid(MikeyStatus.InvalidValue, ErrorCode.InvalidSp, q + 1);
            }

            int np = b[q + 2] & 0x7F;
            if (end - q < 3 + np + 2)
            {
                return TooShort(end);
            }

            int sd = NetworkOrder.ReadUInt16(b, q + 3 + np);
            if (end - q < 5 + np + sd + 1)
            {
                return TooShort(end);
            }

            int spi = b[q + 5 + np + sd];
            if (end - q < 6 + np + sd + spi)
            {
                return TooShort(end);
            }

            return 6 + np + sd + spi;
        }

        // Truncation is reported at the start of the payload (or sub-payload) that does not fit.
        private int TooShort(int end)
        {
            Fail(MikeyStatus.Truncated, ErrorCode.UnsupportedMessageType, _measureOffset < end ? _measureOffset : end);
            return -1;
        }

        private int Invalid(MikeyStatus status, ErrorCode code, int offset)
        {
            Fail(status, code, offset);
            return -1;
        }
    }
}
