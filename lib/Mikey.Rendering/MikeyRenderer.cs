using NanoMikey.Srtp.Policy;
using System;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Rendering
{
    /// <summary>
    /// Renders any MIKEY message as text or JSON: every field named as in the RFCs, registry values with their meaning
    /// (e.g. <c>PRF func: 0 (MIKEY-1)</c>), key material elided unless <see cref="ShowKeys"/>. Portable (string concatenation
    /// into a char buffer) so devices can log what they receive; not a hot path: it allocates its output.
    /// </summary>
    public sealed class MikeyRenderer
    {
        private readonly MikeyReader _reader = new MikeyReader();
        private readonly MikeyReader _subReader = new MikeyReader();
        private readonly TextRenderTarget _text = new TextRenderTarget();
        private readonly JsonRenderTarget _json = new JsonRenderTarget();

        /// <summary>Show key data and salts (TGK/TEK, TESLA I-Key) instead of eliding them.</summary>
        public bool ShowKeys { get; set; }

        /// <summary>Peer tolerances the reader applies.</summary>
        public MikeyQuirks Quirks { get; set; }

        /// <summary>Read the message as a CSB update (no RAND required).</summary>
        public bool IsCsbUpdate { get; set; }

        /// <summary>Status of the last rendered message: End when valid, else the failure.</summary>
        public MikeyStatus Status { get; private set; }

        /// <summary>MIKEY error code of the last failure.</summary>
        public ErrorCode ErrorCode { get; private set; }

        /// <summary>Byte offset of the last failure.</summary>
        public int ErrorOffset { get; private set; }

        /// <summary>Renders as indented text.</summary>
        public string RenderText(byte[] message, int offset, int count)
        {
            return Render(_text, message, offset, count);
        }

        /// <summary>Renders as JSON.</summary>
        public string RenderJson(byte[] message, int offset, int count)
        {
            return Render(_json, message, offset, count);
        }

        /// <summary>One-line reason for a reader status.</summary>
        public static string Describe(MikeyStatus status)
        {
            switch (status)
            {
                case MikeyStatus.Ok: return "ok";
                case MikeyStatus.End: return "valid message";
                case MikeyStatus.Truncated: return "a field or length runs past the end of the message";
                case MikeyStatus.TrailingBytes: return "bytes remain after the last payload";
                case MikeyStatus.UnsupportedVersion: return "HDR version is not 1";
                case MikeyStatus.UnsupportedDataType: return "HDR data type is not a registered value";
                case MikeyStatus.UnsupportedPrf: return "HDR PRF func is not a registered value";
                case MikeyStatus.UnsupportedMapType: return "unknown CS ID map type, the map cannot be measured";
                case MikeyStatus.UnknownPayloadType: return "next payload names an unknown payload type";
                case MikeyStatus.PayloadNotAllowed: return "payload type not allowed at this place";
                case MikeyStatus.ReservedBitsSet: return "a reserved field or padding is not zero";
                case MikeyStatus.LengthMismatch: return "inner lengths do not add up to the enclosing length";
                case MikeyStatus.InvalidValue: return "a field holds an unregistered or out-of-range value";
                case MikeyStatus.MissingRand: return "initial Initiator message without RAND (RFC 3830 §3)";
                case MikeyStatus.BufferTooSmall: return "buffer too small";
                default: return "invalid state";
            }
        }

        /// <summary>Name of a reader status for output.</summary>
        public static string StatusName(MikeyStatus status)
        {
            switch (status)
            {
                case MikeyStatus.Ok: return "Ok";
                case MikeyStatus.End: return "End";
                case MikeyStatus.Truncated: return "Truncated";
                case MikeyStatus.TrailingBytes: return "TrailingBytes";
                case MikeyStatus.UnsupportedVersion: return "UnsupportedVersion";
                case MikeyStatus.UnsupportedDataType: return "UnsupportedDataType";
                case MikeyStatus.UnsupportedPrf: return "UnsupportedPrf";
                case MikeyStatus.UnsupportedMapType: return "UnsupportedMapType";
                case MikeyStatus.UnknownPayloadType: return "UnknownPayloadType";
                case MikeyStatus.PayloadNotAllowed: return "PayloadNotAllowed";
                case MikeyStatus.ReservedBitsSet: return "ReservedBitsSet";
                case MikeyStatus.LengthMismatch: return "LengthMismatch";
                case MikeyStatus.InvalidValue: return "InvalidValue";
                case MikeyStatus.MissingRand: return "MissingRand";
                case MikeyStatus.BufferTooSmall: return "BufferTooSmall";
                default: return "InvalidState";
            }
        }

        /// <summary>RFC 3830 §6.12 name of an error code.</summary>
        public static string ErrorName(ErrorCode code)
        {
            return MikeyNames.Error((int)code);
        }

        private string Render(RenderTarget t, byte[] message, int offset, int count)
        {
            MikeyReader r = _reader;
            r.Quirks = Quirks;
            r.IsCsbUpdate = IsCsbUpdate;
            t.BeginMessage(count);
            MikeyStatus s = r.Reset(message, offset, count);
            if (s == MikeyStatus.Ok)
            {
                RenderHeader(t, r.Header);
                while ((s = r.Read()) == MikeyStatus.Ok)
                {
                    RenderPayload(t, r, message);
                }
            }

            Status = s;
            ErrorCode = r.ErrorCode;
            ErrorOffset = r.ErrorOffset;
            if (s != MikeyStatus.End)
            {
                t.Error(StatusName(s), (int)r.ErrorCode, MikeyNames.Error((int)r.ErrorCode), r.ErrorOffset - offset, Describe(s));
            }

            return t.EndMessage(s == MikeyStatus.End);
        }

        private static void RenderHeader(RenderTarget t, CommonHeader h)
        {
            byte[] b = h.Buffer;
            t.BeginPayload("HDR", -1, h.Offset, h.Length);
            t.Number("version", h.Version);
            t.Named("data type", (int)h.DataType, MikeyNames.DataType((int)h.DataType));
            t.Named("next payload", (int)h.NextPayload, MikeyNames.Payload((int)h.NextPayload));
            t.Named("V", h.V ? 1 : 0, h.V ? "response expected" : "no response expected");
            t.Named("PRF func", (int)h.PrfFunction, MikeyNames.Prf((int)h.PrfFunction));
            t.Hex("CSB ID", h.CsbId, 8);
            t.Number("#CS", h.CsCount);
            t.Named("CS ID map type", (int)h.CsIdMapType, MikeyNames.MapType((int)h.CsIdMapType));
            if (h.CsCount > 0 && h.CsIdMapType != CsIdMapType.Empty)
            {
                t.BeginList("CS ID map info");
                for (int i = 0; i < h.CsCount; i++)
                {
                    t.BeginItem("CS " + (i + 1));
                    if (h.CsIdMapType == CsIdMapType.SrtpId)
                    {
                        t.Number("CS ID", i + 1);
                        t.Number("Policy_no", h.GetPolicyNo(i));
                        t.Hex("SSRC", h.GetSsrc(i), 8);
                        t.Number("ROC", h.GetRoc(i));
                    }
                    else
                    {
                        int e = h.GetGenericIdEntryOffset(i);
                        t.Number("CS ID", h.GetGenericCsId(i));
                        t.Named("Prot type", (int)h.GetGenericProtocolType(i), MikeyNames.ProtType((int)h.GetGenericProtocolType(i)));
                        t.Number("S", h.GetGenericS(i) ? 1 : 0);
                        t.Number("#P", h.GetGenericPolicyCount(i));
                        t.Bytes("Ps", b, e + 3, h.GetGenericPolicyCount(i));
                        t.Bytes("Session Data", b, h.GetGenericSessionDataOffset(i), h.GetGenericSessionDataLength(i));
                        t.Bytes("SPI", b, h.GetGenericSpiOffset(i), h.GetGenericSpiLength(i));
                    }

                    t.EndItem();
                }

                t.EndList();
            }

            t.EndPayload();
        }

        private void RenderPayload(RenderTarget t, MikeyReader r, byte[] b)
        {
            PayloadType type = r.PayloadType;
            PayloadView v = r.Current!;
            t.BeginPayload(MikeyNames.Payload((int)type), (int)type, r.PayloadOffset, r.PayloadLength);
            if (type != PayloadType.Sign)
            {
                t.Named("next payload", (int)v.NextPayload, MikeyNames.Payload((int)v.NextPayload));
            }

            switch (type)
            {
                case PayloadType.Kemac:
                    RenderKemac(t, r.Kemac, r.Header.DataType, b);
                    break;
                case PayloadType.Pke:
                    t.Named("C", (int)r.Pke.Cache, MikeyNames.Cache((int)r.Pke.Cache));
                    t.Number("Data len", r.Pke.DataLength);
                    t.Bytes("Data", b, r.Pke.DataOffset, r.Pke.DataLength);
                    break;
                case PayloadType.Dh:
                    t.Named("DH-Group", (int)r.Dh.Group, MikeyNames.DhGroup((int)r.Dh.Group));
                    t.Bytes("DH-value", b, r.Dh.ValueOffset, r.Dh.ValueLength);
                    RenderKv(t, r.Dh, b);
                    break;
                case PayloadType.Sign:
                    t.Named("S type", (int)r.Sign.SignatureType, MikeyNames.SType((int)r.Sign.SignatureType));
                    t.Number("Signature len", r.Sign.SignatureLength);
                    t.Bytes("Signature", b, r.Sign.SignatureOffset, r.Sign.SignatureLength);
                    break;
                case PayloadType.Timestamp:
                    RenderTimestamp(t, r.Timestamp.TimestampType, r.Timestamp.Value);
                    break;
                case PayloadType.Id:
                    t.Named("ID type", (int)r.Id.IdType, MikeyNames.IdType((int)r.Id.IdType));
                    t.Number("ID len", r.Id.DataLength);
                    RenderData(t, "ID data", b, r.Id.DataOffset, r.Id.DataLength);
                    break;
                case PayloadType.Cert:
                    t.Named("Cert type", (int)r.Cert.CertType, MikeyNames.CertType((int)r.Cert.CertType));
                    t.Number("Cert len", r.Cert.DataLength);
                    RenderData(t, "Certificate", b, r.Cert.DataOffset, r.Cert.DataLength);
                    break;
                case PayloadType.Chash:
                    t.Named("Hash func", (int)r.Chash.HashFunction, MikeyNames.HashFunc((int)r.Chash.HashFunction));
                    t.Bytes("Hash", b, r.Chash.HashOffset, r.Chash.HashLength);
                    break;
                case PayloadType.Verification:
                    t.Named("Auth alg", (int)r.Verification.AuthAlgorithm, MikeyNames.MacAlg((int)r.Verification.AuthAlgorithm));
                    t.Bytes("Ver data", b, r.Verification.VerDataOffset, r.Verification.VerDataLength);
                    break;
                case PayloadType.SecurityPolicy:
                    RenderPolicy(t, r.SecurityPolicy, b);
                    break;
                case PayloadType.Rand:
                    t.Number("RAND len", r.Rand.RandLength);
                    t.Bytes("RAND", b, r.Rand.RandOffset, r.Rand.RandLength);
                    break;
                case PayloadType.Error:
                    t.Named("Error no", (int)r.Error.ErrorNo, MikeyNames.Error((int)r.Error.ErrorNo));
                    break;
                case PayloadType.GeneralExtension:
                    RenderExtension(t, r.GeneralExtension, b);
                    break;
                case PayloadType.Eccpt:
                    EccptPayload e = r.Eccpt;
                    t.Named("ECC Curve", (int)e.Curve, MikeyNames.Curve((int)e.Curve));
                    t.Bytes("ECC Point", b, e.PointOffset, e.PointLength);
                    t.Named("Auth alg", (int)e.AuthAlgorithm, MikeyNames.MacAlg((int)e.AuthAlgorithm));
                    t.Number("TGK len", e.TgkLength);
                    RenderKv(t, e, b);
                    break;
                case PayloadType.Tr:
                    t.Named("TS Role", (int)r.Tr.Role, MikeyNames.TsRole((int)r.Tr.Role));
                    RenderTimestamp(t, r.Tr.TimestampType, r.Tr.Value);
                    break;
                case PayloadType.Idr:
                    t.Named("ID Role", (int)r.Idr.Role, MikeyNames.IdRole((int)r.Idr.Role));
                    t.Named("ID type", (int)r.Idr.IdType, MikeyNames.IdType((int)r.Idr.IdType));
                    t.Number("ID len", r.Idr.DataLength);
                    RenderData(t, "ID data", b, r.Idr.DataOffset, r.Idr.DataLength);
                    break;
                case PayloadType.Randr:
                    t.Named("RAND Role", (int)r.Randr.Role, MikeyNames.RandRole((int)r.Randr.Role));
                    t.Number("RAND length", r.Randr.RandLength);
                    t.Bytes("RAND", b, r.Randr.RandOffset, r.Randr.RandLength);
                    break;
                case PayloadType.Tp:
                case PayloadType.Ticket:
                    RenderTicket(t, type == PayloadType.Ticket ? r.Ticket : r.Tp, b);
                    break;
                case PayloadType.Sakke:
                    t.Number("SAKKE params", r.Sakke.SakkeParams);
                    t.Number("ID scheme", r.Sakke.IdScheme);
                    t.Number("SAKKE data length", r.Sakke.DataLength);
                    t.Bytes("SAKKE data", b, r.Sakke.DataOffset, r.Sakke.DataLength);
                    break;
                case PayloadType.Ibake:
                case PayloadType.Esk:
                    t.Number("Encr data len", r.EncryptedData.EncrDataLength);
                    t.Bytes("Encr data", b, r.EncryptedData.EncrDataOffset, r.EncryptedData.EncrDataLength);
                    break;
            }

            t.EndPayload();
        }

        private void RenderKemac(RenderTarget t, KemacPayload k, DataType dataType, byte[] b)
        {
            t.Named("Encr alg", (int)k.EncryptionAlgorithm, MikeyNames.EncrAlg((int)k.EncryptionAlgorithm));
            t.Number("Encr data len", k.EncrDataLength);
            if (k.EncryptionAlgorithm == EncryptionAlgorithm.Null && k.EncrDataLength > 0)
            {
                // RFC 3830 §6.2: NULL encryption leaves the sub-payload chain in clear; its first type is implicit.
                MikeyReader s = _subReader;
                s.ResetChain(b, k.EncrDataOffset, k.EncrDataLength, KemacPayload.FirstSubPayload(dataType), dataType);
                t.BeginList("Encr data (sub-payloads, in clear)");
                while (s.Read() == MikeyStatus.Ok)
                {
                    PayloadView v = s.Current!;
                    t.BeginItem(MikeyNames.Payload((int)s.PayloadType));
                    t.Named("next payload", (int)v.NextPayload, MikeyNames.Payload((int)v.NextPayload));
                    if (s.PayloadType == PayloadType.KeyData)
                    {
                        RenderKeyData(t, s.KeyData, b);
                    }
                    else if (s.PayloadType == PayloadType.Id)
                    {
                        t.Named("ID type", (int)s.Id.IdType, MikeyNames.IdType((int)s.Id.IdType));
                        t.Number("ID len", s.Id.DataLength);
                        RenderData(t, "ID data", b, s.Id.DataOffset, s.Id.DataLength);
                    }
                    else if (s.PayloadType == PayloadType.Idr)
                    {
                        t.Named("ID Role", (int)s.Idr.Role, MikeyNames.IdRole((int)s.Idr.Role));
                        t.Named("ID type", (int)s.Idr.IdType, MikeyNames.IdType((int)s.Idr.IdType));
                        RenderData(t, "ID data", b, s.Idr.DataOffset, s.Idr.DataLength);
                    }

                    t.EndItem();
                }

                t.EndList();
            }
            else
            {
                t.Bytes("Encr data", b, k.EncrDataOffset, k.EncrDataLength);
            }

            t.Named("MAC alg", (int)k.MacAlgorithm, MikeyNames.MacAlg((int)k.MacAlgorithm));
            t.Bytes("MAC", b, k.MacOffset, k.MacLength);
        }

        private void RenderKeyData(RenderTarget t, KeyDataSubPayload kd, byte[] b)
        {
            t.Named("Type", (int)kd.KeyType, MikeyNames.KeyType((int)kd.KeyType));
            t.Named("KV", (int)kd.Kv, MikeyNames.Kv((int)kd.Kv));
            t.Number("Key data len", kd.KeyDataLength);
            Secret(t, "Key data", b, kd.KeyDataOffset, kd.KeyDataLength);
            if (kd.HasSalt)
            {
                t.Number("Salt len", kd.SaltLength);
                Secret(t, "Salt data", b, kd.SaltOffset, kd.SaltLength);
            }

            RenderKv(t, kd, b);
        }

        private static void RenderKv(RenderTarget t, KeyValidityPayloadView v, byte[] b)
        {
            if (!(v is KeyDataSubPayload))
            {
                t.Named("KV", (int)v.Kv, MikeyNames.Kv((int)v.Kv));
            }

            if (v.Kv == KvType.Spi)
            {
                t.Number("SPI Length", v.SpiLength);
                t.Bytes("SPI/MKI", b, v.SpiOffset, v.SpiLength);
            }
            else if (v.Kv == KvType.Interval)
            {
                t.Number("VF Length", v.ValidFromLength);
                t.Bytes("Valid From", b, v.ValidFromOffset, v.ValidFromLength);
                t.Number("VT Length", v.ValidToLength);
                t.Bytes("Valid To", b, v.ValidToOffset, v.ValidToLength);
            }
        }

        private static void RenderTimestamp(RenderTarget t, TimestampType type, ulong value)
        {
            t.Named("TS type", (int)type, MikeyNames.TsType((int)type));
            if (type == TimestampType.NtpUtc || type == TimestampType.Ntp)
            {
                t.Hex("TS value", value, 16);
                t.Text("time", NtpTime.ToIso8601((uint)(value >> 32), (uint)value), null!, 0, 0);
            }
            else if (type == TimestampType.NtpUtc32)
            {
                t.Hex("TS value", value, 8);
                t.Text("time", NtpTime.ToIso8601((uint)value, 0), null!, 0, 0);
            }
            else
            {
                t.Number("TS value", (long)value);
            }
        }

        private static void RenderPolicy(RenderTarget t, SecurityPolicyPayload sp, byte[] b)
        {
            bool srtp = sp.ProtocolType == ProtocolType.Srtp;
            t.Number("Policy no", sp.PolicyNo);
            t.Named("Prot type", (int)sp.ProtocolType, MikeyNames.ProtType((int)sp.ProtocolType));
            t.Number("Policy param length", sp.ParametersLength);
            if (sp.ParametersLength == 0)
            {
                return;
            }

            t.BeginList("Policy params");
            for (int p = sp.FirstParameter(); p >= 0; p = sp.NextParameter(p))
            {
                int type = sp.GetParameterType(p);
                int len = sp.GetParameterLength(p);
                string name = srtp ? MikeyNames.SrtpParam(type) : MikeyNames.TeslaParam(type);
                t.BeginItem(name);
                t.Named("Type", type, name);
                t.Number("Length", len);
                string meaning = srtp ? SrtpValueMeaning(type, (int)sp.GetParameterValue(p)) : TeslaValueMeaning(type, (int)sp.GetParameterValue(p));
                if (!srtp && len == 8 && (type == (int)TeslaPolicyParameter.StartOfSession || type == (int)TeslaPolicyParameter.LocalTimestamp))
                {
                    // RFC 4442 §4.2: NTP-UTC timestamps.
                    t.Bytes("Value", b, p + 2, len);
                    t.Text("time", NtpTime.ToIso8601(Codec32(b, p + 2), Codec32(b, p + 6)), null!, 0, 0);
                }
                else if (meaning != null)
                {
                    t.Named("Value", sp.GetParameterValue(p), meaning);
                }
                else if (len <= 4)
                {
                    t.Number("Value", sp.GetParameterValue(p));
                }
                else
                {
                    t.Bytes("Value", b, p + 2, len);
                }

                t.EndItem();
            }

            t.EndList();
        }

        private static uint Codec32(byte[] b, int o)
        {
            return ((uint)b[o] << 24) | ((uint)b[o + 1] << 16) | ((uint)b[o + 2] << 8) | b[o + 3];
        }

        // RFC 4442 §6: TESLA PRF and MAC identifiers, 0 = HMAC-SHA1.
        private static string TeslaValueMeaning(int type, int value)
        {
            if (type == (int)TeslaPolicyParameter.PrfIdentifier || type == (int)TeslaPolicyParameter.MacIdentifier)
            {
                return value == 0 ? "HMAC-SHA1" : "unassigned";
            }

            return null!;
        }

        private static string SrtpValueMeaning(int type, int value)
        {
            switch ((SrtpPolicyParameterType)type)
            {
                case SrtpPolicyParameterType.EncryptionAlgorithm: return MikeyNames.SrtpEncr(value);
                case SrtpPolicyParameterType.AuthenticationAlgorithm:
                case SrtpPolicyParameterType.SrtpAuthenticationAlgorithm:
                case SrtpPolicyParameterType.SrtcpAuthenticationAlgorithm: return MikeyNames.SrtpAuth(value);
                case SrtpPolicyParameterType.PseudoRandomFunction: return MikeyNames.SrtpPrf(value);
                case SrtpPolicyParameterType.SrtpEncryption:
                case SrtpPolicyParameterType.SrtcpEncryption:
                case SrtpPolicyParameterType.SrtpAuthentication: return MikeyNames.OffOn(value);
                case SrtpPolicyParameterType.FecOrder: return MikeyNames.Fec(value);
                case SrtpPolicyParameterType.SessionEncryptionKeyLength:
                case SrtpPolicyParameterType.SessionAuthenticationKeyLength:
                case SrtpPolicyParameterType.SessionSaltKeyLength:
                case SrtpPolicyParameterType.AuthenticationTagLength:
                case SrtpPolicyParameterType.SrtpPrefixLength:
                case SrtpPolicyParameterType.SrtpSessionAuthenticationKeyLength:
                case SrtpPolicyParameterType.SrtcpSessionAuthenticationKeyLength:
                case SrtpPolicyParameterType.SrtpAuthenticationTagLength:
                case SrtpPolicyParameterType.SrtcpAuthenticationTagLength:
                case SrtpPolicyParameterType.AeadAuthenticationTagLength: return value + " bytes";
                default: return null!;
            }
        }

        private void RenderExtension(RenderTarget t, GeneralExtensionPayload g, byte[] b)
        {
            int type = (int)g.ExtensionType;
            t.Named("Type", type, MikeyNames.GenExt(type));
            t.Number("Length", g.DataLength);
            switch (g.ExtensionType)
            {
                case GeneralExtensionType.SdpIds:
                    RenderData(t, "SDP IDs", b, g.DataOffset, g.DataLength);
                    break;
                case GeneralExtensionType.TeslaIKey:
                    Secret(t, "TESLA I-Key", b, g.DataOffset, g.DataLength);
                    break;
                case GeneralExtensionType.KeyId:
                    t.BeginList("Key ID Information");
                    for (int p = g.FirstKeyId(); p >= 0; p = g.NextKeyId(p))
                    {
                        t.BeginItem("Key ID");
                        t.Named("Key ID Type", (int)g.GetKeyIdType(p), MikeyNames.KeyIdType((int)g.GetKeyIdType(p)));
                        t.Number("Key ID Length", g.GetKeyIdLength(p));
                        t.Bytes("Key ID", b, p + 2, g.GetKeyIdLength(p));
                        t.EndItem();
                    }

                    t.EndList();
                    break;
                case GeneralExtensionType.CsbId:
                    t.Hex("CSB_ID", g.CsbId, 8);
                    break;
                case GeneralExtensionType.OmaBcast:
                    t.Named("Subtype", (int)g.OmaBcastSubtype, MikeyNames.OmaBcast((int)g.OmaBcastSubtype));
                    t.Bytes("Subtype data", b, g.DataOffset + 1, g.DataLength - 1);
                    break;
                default:
                    t.Bytes("Data", b, g.DataOffset, g.DataLength);
                    break;
            }
        }

        private static void RenderTicket(RenderTarget t, TpPayload tp, byte[] b)
        {
            t.Named("Ticket Type", (int)tp.TicketType, MikeyNames.TicketType((int)tp.TicketType));
            t.Number("Subtype", tp.Subtype);
            t.Number("Version", tp.TicketVersion);
            t.Named("PRF Func", (int)tp.PrfFunction, MikeyNames.Prf((int)tp.PrfFunction));
            t.Text("flags", TicketFlagsText(tp.Flags), null!, 0, 0);
            t.Number("TP Data length", tp.TpDataLength);
            t.Bytes("TP Data", b, tp.TpDataOffset, tp.TpDataLength);
            var ticket = tp as TicketPayload;
            if (ticket != null)
            {
                t.Number("Ticket Data length", ticket.TicketDataLength);
                t.Bytes("Ticket Data", b, ticket.TicketDataOffset, ticket.TicketDataLength);
                t.Number("Initiator Data length", ticket.InitiatorDataLength);
                t.Bytes("Initiator Data", b, ticket.InitiatorDataOffset, ticket.InitiatorDataLength);
            }
        }

        private static string TicketFlagsText(TicketFlags flags)
        {
            const string Letters = "DEFGHIJKLMNO";
            var chars = new char[12];
            for (int i = 0; i < 12; i++)
            {
                chars[i] = ((int)flags & (1 << (11 - i))) != 0 ? Letters[i] : '-';
            }

            return new string(chars);
        }

        private void Secret(RenderTarget t, string name, byte[] b, int offset, int count)
        {
            if (ShowKeys)
            {
                t.Bytes(name, b, offset, count);
            }
            else
            {
                t.Elided(name, count);
            }
        }

        private static void RenderData(RenderTarget t, string name, byte[] b, int offset, int count)
        {
            bool printable = count > 0;
            for (int i = 0; i < count && printable; i++)
            {
                printable = b[offset + i] >= 0x20 && b[offset + i] < 0x7F;
            }

            if (!printable)
            {
                t.Bytes(name, b, offset, count);
                return;
            }

            var chars = new char[count];
            for (int i = 0; i < count; i++)
            {
                chars[i] = (char)b[offset + i];
            }

            t.Text(name, new string(chars), b, offset, count);
        }
    }
}
