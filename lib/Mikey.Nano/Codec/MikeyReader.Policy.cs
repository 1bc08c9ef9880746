using NanoMikey.Srtp.Policy;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Codec
{
    /// <summary>SP payload: SRTP (RFC 3830 §6.10.1, RFC 4771 §4, RFC 7714 §14.3) and TESLA (RFC 4442 §4.2) parameters.</summary>
    public sealed partial class MikeyReader
    {
        private int MeasureSecurityPolicy(int p, int end)
        {
            byte[] b = _buffer;
            if (end - p < 5)
            {
                return TooShort(end);
            }

            int prot = b[p + 2];
            if (prot > (int)ProtocolType.Tesla)
            {
                return Invalid(MikeyStatus.InvalidValue, ErrorCode.InvalidSp, p + 2);
            }

            int pl = NetworkOrder.ReadUInt16(b, p + 3);
            if (end - p < 5 + pl)
            {
                return TooShort(end);
            }

            int q = p + 5;
            int stop = q + pl;
            while (q < stop)
            {
                if (stop - q < 2 || stop - q < 2 + b[q + 1])
                {
                    return Invalid(MikeyStatus.LengthMismatch, ErrorCode.InvalidSpPar, q);
                }

                bool ok = prot == (int)ProtocolType.Srtp ? IsValidSrtpParameter(b, q) : IsValidTeslaParameter(b, q);
                if (!ok)
                {
                    return Invalid(MikeyStatus.InvalidValue, ErrorCode.InvalidSpPar, q);
                }

                q += 2 + b[q + 1];
            }

            return 5 + pl;
        }

        private static bool IsValidSrtpParameter(byte[] b, int q)
        {
            int type = b[q];
            int len = b[q + 1];
            int v = len > 0 ? b[q + 2] : -1;
            switch ((SrtpPolicyParameterType)type)
            {
                case SrtpPolicyParameterType.EncryptionAlgorithm:
                    return len == 1 && v <= (int)SrtpEncryptionAlgorithm.AriaGcm;
                case SrtpPolicyParameterType.AuthenticationAlgorithm:
                case SrtpPolicyParameterType.SrtpAuthenticationAlgorithm:
                case SrtpPolicyParameterType.SrtcpAuthenticationAlgorithm:
                    return len == 1 && v <= (int)SrtpAuthenticationAlgorithm.RccM3;
                case SrtpPolicyParameterType.PseudoRandomFunction:
                    return len == 1 && v <= (int)SrtpPrf.AriaCtr;
                case SrtpPolicyParameterType.SrtpEncryption:
                case SrtpPolicyParameterType.SrtcpEncryption:
                case SrtpPolicyParameterType.SrtpAuthentication:
                    return len == 1 && v <= 1;
                case SrtpPolicyParameterType.FecOrder:
                    return len == 1 && v == 0;
                case SrtpPolicyParameterType.KeyDerivationRate:
                    // Width is not specified (spec §4.7.1 note): accept 1–4 bytes, unsigned big-endian.
                    return len >= 1 && len <= 4;
                case SrtpPolicyParameterType.RocTransmissionRate:
                    // RFC 4771 §4: 16-bit, non-zero.
                    return len == 2 && ((b[q + 2] << 8) | b[q + 3]) != 0;
                case SrtpPolicyParameterType.SessionEncryptionKeyLength:
                case SrtpPolicyParameterType.SessionAuthenticationKeyLength:
                case SrtpPolicyParameterType.SessionSaltKeyLength:
                case SrtpPolicyParameterType.AuthenticationTagLength:
                case SrtpPolicyParameterType.SrtpPrefixLength:
                case SrtpPolicyParameterType.SrtpSessionAuthenticationKeyLength:
                case SrtpPolicyParameterType.SrtcpSessionAuthenticationKeyLength:
                case SrtpPolicyParameterType.SrtpAuthenticationTagLength:
                case SrtpPolicyParameterType.SrtcpAuthenticationTagLength:
                case SrtpPolicyParameterType.AeadAuthenticationTagLength:
                    return len == 1;
                default:
                    return false;
            }
        }

        private static bool IsValidTeslaParameter(byte[] b, int q)
        {
            int type = b[q];
            int len = b[q + 1];
            switch ((TeslaPolicyParameter)type)
            {
                case TeslaPolicyParameter.PrfIdentifier:
                case TeslaPolicyParameter.MacIdentifier:
                    // RFC 4442 §6: 0 = HMAC-SHA1 is the only registered value.
                    return len == 1 && b[q + 2] == 0;
                case TeslaPolicyParameter.StartOfSession:
                case TeslaPolicyParameter.LocalTimestamp:
                    return len == 8;
                case TeslaPolicyParameter.PrfOutputLength:
                case TeslaPolicyParameter.MacOutputLength:
                case TeslaPolicyParameter.IntervalDuration:
                case TeslaPolicyParameter.KeyDisclosureDelay:
                case TeslaPolicyParameter.KeyChainLength:
                    return len >= 1 && len <= 4;
                default:
                    return false;
            }
        }
    }
}
