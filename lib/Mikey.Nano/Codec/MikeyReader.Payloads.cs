using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Codec
{
    /// <summary>Layout measurement of the RFC 3830 payloads: each returns the payload length or -1 after recording the failure.</summary>
    public sealed partial class MikeyReader
    {
        private int Measure(int type, int p, int end)
        {
            _measureOffset = p;
            if (end - p < 2)
            {
                return TooShort(end);
            }

            switch ((PayloadType)type)
            {
                case PayloadType.Kemac: return MeasureKemac(p, end);
                case PayloadType.Pke: return MeasurePke(p, end);
                case PayloadType.Dh: return MeasureDh(p, end);
                case PayloadType.Sign: return MeasureSign(p, end);
                case PayloadType.Timestamp: return MeasureTimestamp(p, 1, end);
                case PayloadType.Id: return MeasureIdOrCert(p, end, true);
                case PayloadType.Cert: return MeasureIdOrCert(p, end, false);
                case PayloadType.Chash: return MeasureChash(p, end);
                case PayloadType.Verification: return MeasureVerification(p, end);
                case PayloadType.SecurityPolicy: return MeasureSecurityPolicy(p, end);
                case PayloadType.Rand: return MeasureRand(p, end);
                case PayloadType.Error: return MeasureError(p, end);
                case PayloadType.Tr: return MeasureTr(p, end);
                case PayloadType.Idr: return MeasureIdr(p, end);
                case PayloadType.Randr: return MeasureRandr(p, end);
                case PayloadType.Tp: return MeasureTicket(p, end, false);
                case PayloadType.Ticket: return MeasureTicket(p, end, true);
                case PayloadType.KeyData: return MeasureKeyData(p, end);
                case PayloadType.GeneralExtension: return MeasureGeneralExtension(p, end);
                case PayloadType.Ibake:
                case PayloadType.Esk: return MeasureEncryptedData(p, end);
                case PayloadType.Eccpt: return MeasureEccpt(p, end);
                case PayloadType.Sakke: return MeasureSakke(p, end);
                default: return Invalid(MikeyStatus.UnknownPayloadType, ErrorCode.UnsupportedMessageType, p);
            }
        }

        // Returns the total length when `need` bytes from p fit before end, else records Truncated.
        private int Fits(int p, int need, int end)
        {
            return end - p < need ? TooShort(end) : need;
        }

        private int MeasurePke(int p, int end)
        {
            if (end - p < 3)
            {
                return TooShort(end);
            }

            if ((_buffer[p + 1] >> 6) > (int)EnvelopeCacheType.CacheForCsb)
            {
                return Invalid(MikeyStatus.InvalidValue, ErrorCode.Unspecified, p + 1);
            }

            return Fits(p, 3 + (NetworkOrder.ReadUInt16(_buffer, p + 1) & 0x3FFF), end);
        }

        private int MeasureDh(int p, int end)
        {
            int vl = DhPayload.ValueLengthOf((DhGroup)_buffer[p + 1]);
            if (vl < 0)
            {
                return Invalid(MikeyStatus.InvalidValue, ErrorCode.InvalidDh, p + 1);
            }

            if (end - p < 3 + vl)
            {
                return TooShort(end);
            }

            int kvAt = p + 2 + vl;
            if ((_buffer[kvAt] & 0xF0) != 0)
            {
                return Invalid(MikeyStatus.ReservedBitsSet, ErrorCode.UnsupportedMessageType, kvAt);
            }

            int kv = MeasureKvData(_buffer[kvAt] & 0x0F, kvAt, kvAt + 1, end);
            return kv < 0 ? -1 : 3 + vl + kv;
        }

        private int MeasureSign(int p, int end)
        {
            // S type 14 is the ECC profile's private ECDSA value (docs/ecc-profile.md); other unassigned values stay refused.
            int sType = _buffer[p] >> 4;
            if (sType > (int)SignatureType.Eccsi && sType != 14)
            {
                return Invalid(MikeyStatus.InvalidValue, ErrorCode.Unspecified, p);
            }

            return Fits(p, 2 + (NetworkOrder.ReadUInt16(_buffer, p) & 0x0FFF), end);
        }

        private int MeasureTimestamp(int p, int typeAt, int end)
        {
            int vl = TimestampPayload.ValueLengthOf((TimestampType)_buffer[p + typeAt]);
            if (vl < 0)
            {
                return Invalid(MikeyStatus.InvalidValue, ErrorCode.InvalidTs, p + typeAt);
            }

            return Fits(p, typeAt + 1 + vl, end);
        }

        private int MeasureIdOrCert(int p, int end, bool isId)
        {
            if (end - p < 4)
            {
                return TooShort(end);
            }

            int t = _buffer[p + 1];
            if (isId ? t > (int)IdType.ByteString : t > (int)CertType.X509v3Encr)
            {
                return Invalid(MikeyStatus.InvalidValue, isId ? ErrorCode.InvalidId : ErrorCode.InvalidCert, p + 1);
            }

            return Fits(p, 4 + NetworkOrder.ReadUInt16(_buffer, p + 2), end);
        }

        private int MeasureChash(int p, int end)
        {
            int hl = ChashPayload.HashLengthOf((HashFunction)_buffer[p + 1]);
            if (hl < 0)
            {
                return Invalid(MikeyStatus.InvalidValue, ErrorCode.InvalidHa, p + 1);
            }

            return Fits(p, 2 + hl, end);
        }

        private int MeasureVerification(int p, int end)
        {
            int ml = KemacPayload.MacLengthOf((MacAlgorithm)_buffer[p + 1]);
            if (ml < 0)
            {
                return Invalid(MikeyStatus.InvalidValue, ErrorCode.InvalidMac, p + 1);
            }

            return Fits(p, 2 + ml, end);
        }

        private int MeasureRand(int p, int end)
        {
            int n = _buffer[p + 1];
            if (n == 0)
            {
                // RFC 3830 §6.11: RAND is at least 128 bits for the PRF; an empty RAND is never valid.
                return Invalid(MikeyStatus.InvalidValue, ErrorCode.UnsupportedMessageType, p + 1);
            }

            return Fits(p, 2 + n, end);
        }

        private int MeasureError(int p, int end)
        {
            if (end - p < 4)
            {
                return TooShort(end);
            }

            if (_buffer[p + 1] > (int)ErrorCode.InvalidTpPar && _buffer[p + 1] < 241)
            {
                return Invalid(MikeyStatus.InvalidValue, ErrorCode.Unspecified, p + 1);
            }

            if (_buffer[p + 2] != 0 || _buffer[p + 3] != 0)
            {
                return Invalid(MikeyStatus.ReservedBitsSet, ErrorCode.UnsupportedMessageType, p + 2);
            }

            return 4;
        }

        // KV data (RFC 3830 §6.14): SPI = length + value; Interval = VF length + VF + VT length + VT.
        private int MeasureKvData(int kv, int kvFieldAt, int q, int end)
        {
            switch (kv)
            {
                case (int)KvType.Null:
                    return 0;
                case (int)KvType.Spi:
                    if (end - q < 1 || end - q < 1 + _buffer[q])
                    {
                        return TooShort(end);
                    }

                    return 1 + _buffer[q];
                case (int)KvType.Interval:
                    if (end - q < 1 || end - q < 2 + _buffer[q])
                    {
                        return TooShort(end);
                    }

                    int vf = _buffer[q];
                    int vt = _buffer[q + 1 + vf];
                    if (end - q < 2 + vf + vt)
                    {
                        return TooShort(end);
                    }

                    return 2 + vf + vt;
                default:
                    return Invalid(MikeyStatus.InvalidValue, ErrorCode.UnsupportedMessageType, kvFieldAt);
            }
        }
    }
}
