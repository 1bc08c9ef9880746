using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Modes
{
    /// <summary>
    /// Where each payload of one received message lies, recorded in a single pass of a <see cref="MikeyReader"/>; the modes
    /// then check the order their RFC prescribes and re-bind views from the offsets. Fixed capacity, no allocation.
    /// </summary>
    internal sealed class MessageLayout
    {
        internal const int MaxIds = 2;
        internal const int MaxPolicies = 8;
        internal const int MaxCerts = 4;
        internal const int MaxPayloads = 32;

        // Payload types in chain order (for order checks), and the offsets/lengths per kind.
        internal readonly byte[] Order = new byte[MaxPayloads];
        internal int Count;

        internal TimestampType TimestampType;
        internal int TimestampCount;
        internal int TimestampValueOffset;
        internal int TimestampValueLength;
        internal ulong TimestampValue;

        internal int RandCount;
        internal int RandValueOffset;
        internal int RandValueLength;

        internal int IdCount;
        internal readonly int[] IdDataOffset = new int[MaxIds];
        internal readonly int[] IdDataLength = new int[MaxIds];
        internal readonly IdType[] IdTypes = new IdType[MaxIds];

        internal int PolicyCount;
        internal readonly int[] PolicyOffset = new int[MaxPolicies];
        internal readonly int[] PolicyLength = new int[MaxPolicies];

        internal int CertCount;
        internal readonly int[] CertOffset = new int[MaxCerts];
        internal readonly int[] CertLength = new int[MaxCerts];

        internal int KemacCount;
        internal int KemacOffset;
        internal int KemacLength;

        internal int VerificationCount;
        internal int VerificationOffset;
        internal int VerificationLength;

        internal int SignCount;
        internal int SignOffset;
        internal int SignLength;

        internal int DhCount;
        internal readonly int[] DhOffset = new int[2];
        internal readonly int[] DhLength = new int[2];
        internal int EccptCount;
        internal readonly int[] EccptOffset = new int[2];
        internal readonly int[] EccptLength = new int[2];
        internal int PkeCount;
        internal int PkeOffset;
        internal int PkeLength;
        internal int ChashCount;
        internal int ChashOffset;
        internal int ChashLength;
        internal int ErrorCount;
        internal int ErrorOffset;
        internal int OtherCount;

        /// <summary>Walks the whole message; the reader must have been <see cref="MikeyReader.Reset"/> on it.</summary>
        /// <returns>End when the chain was read to its last byte and every count fits, otherwise the failure.</returns>
        internal MikeyStatus Fill(MikeyReader reader)
        {
            Clear();
            MikeyStatus s;
            while ((s = reader.Read()) == MikeyStatus.Ok)
            {
                if (Count == MaxPayloads) return MikeyStatus.InvalidValue;
                PayloadType type = reader.PayloadType;
                Order[Count++] = (byte)type;
                int p = reader.PayloadOffset;
                int len = reader.PayloadLength;
                switch (type)
                {
                    case PayloadType.Timestamp:
                        TimestampCount++;
                        TimestampType = reader.Timestamp.TimestampType;
                        TimestampValueOffset = reader.Timestamp.ValueOffset;
                        TimestampValueLength = reader.Timestamp.ValueLength;
                        TimestampValue = reader.Timestamp.Value;
                        break;
                    case PayloadType.Rand:
                        RandCount++;
                        RandValueOffset = reader.Rand.RandOffset;
                        RandValueLength = reader.Rand.RandLength;
                        break;
                    case PayloadType.Id:
                        if (IdCount == MaxIds) return MikeyStatus.InvalidValue;
                        IdDataOffset[IdCount] = reader.Id.DataOffset;
                        IdDataLength[IdCount] = reader.Id.DataLength;
                        IdTypes[IdCount] = reader.Id.IdType;
                        IdCount++;
                        break;
                    case PayloadType.SecurityPolicy:
                        if (PolicyCount == MaxPolicies) return MikeyStatus.InvalidValue;
                        PolicyOffset[PolicyCount] = p;
                        PolicyLength[PolicyCount] = len;
                        PolicyCount++;
                        break;
                    case PayloadType.Cert:
                        if (CertCount == MaxCerts) return MikeyStatus.InvalidValue;
                        CertOffset[CertCount] = p;
                        CertLength[CertCount] = len;
                        CertCount++;
                        break;
                    case PayloadType.Kemac:
                        KemacCount++;
                        KemacOffset = p;
                        KemacLength = len;
                        break;
                    case PayloadType.Verification:
                        VerificationCount++;
                        VerificationOffset = p;
                        VerificationLength = len;
                        break;
                    case PayloadType.Sign:
                        SignCount++;
                        SignOffset = p;
                        SignLength = len;
                        break;
                    case PayloadType.Dh:
                        // DH-SIGN and DHHMAC answers carry DHr then DHi (RFC 3830 §3.3, RFC 4650 §3).
                        if (DhCount == 2) return MikeyStatus.InvalidValue;
                        DhOffset[DhCount] = p;
                        DhLength[DhCount] = len;
                        DhCount++;
                        break;
                    case PayloadType.Eccpt:
                        if (EccptCount == 2) return MikeyStatus.InvalidValue;
                        EccptOffset[EccptCount] = p;
                        EccptLength[EccptCount] = len;
                        EccptCount++;
                        break;
                    case PayloadType.Pke:
                        PkeCount++;
                        PkeOffset = p;
                        PkeLength = len;
                        break;
                    case PayloadType.Chash:
                        ChashCount++;
                        ChashOffset = p;
                        ChashLength = len;
                        break;
                    case PayloadType.Error:
                        ErrorCount++;
                        if (ErrorCount == 1) ErrorOffset = p;
                        break;
                    default:
                        OtherCount++;
                        break;
                }
            }

            return s;
        }

        /// <summary>Type of the last payload in the chain.</summary>
        internal PayloadType Last
        {
            get { return Count == 0 ? PayloadType.Last : (PayloadType)Order[Count - 1]; }
        }

        /// <summary>Type of payload <paramref name="index"/> in chain order.</summary>
        internal PayloadType At(int index)
        {
            return (PayloadType)Order[index];
        }

        /// <summary>The received timestamp as 64-bit NTP (NTP-UTC-32: seconds ‖ 0, RFC 6043 §6.3; COUNTER: zero-extended, RFC 3830 §6.6).</summary>
        internal ulong Timestamp64
        {
            get { return TimestampType == TimestampType.NtpUtc32 ? TimestampValue << 32 : TimestampValue; }
        }

        internal void Clear()
        {
            Count = 0;
            TimestampCount = 0;
            RandCount = 0;
            IdCount = 0;
            PolicyCount = 0;
            CertCount = 0;
            KemacCount = 0;
            VerificationCount = 0;
            SignCount = 0;
            DhCount = 0;
            EccptCount = 0;
            PkeCount = 0;
            ChashCount = 0;
            ErrorCount = 0;
            OtherCount = 0;
            TimestampValue = 0;
        }
    }
}
