using System;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Tests.Codec
{
    /// <summary>Re-encodes a message field by field: MikeyReader views in, MikeyWriter calls out (no raw copying of payloads).</summary>
    internal static class Reencoder
    {
        /// <summary>Returns the re-encoded bytes, or null with the reader's status when the input is not a valid message.</summary>
        public static byte[]? Reencode(byte[] msg, MikeyQuirks quirks, out MikeyStatus status, bool csbUpdate = false)
        {
            var r = new MikeyReader(quirks) { IsCsbUpdate = csbUpdate };
            status = r.Reset(msg, 0, msg.Length);
            if (status != MikeyStatus.Ok)
            {
                return null;
            }

            var outBuf = new byte[msg.Length + 16];
            var w = new MikeyWriter();
            w.Reset(outBuf, 0, outBuf.Length);
            Copy(r, w);
            status = r.Status;
            if (status != MikeyStatus.End)
            {
                return null;
            }

            if (w.Finish() != MikeyStatus.Ok)
            {
                throw new InvalidOperationException("writer failed");
            }

            return outBuf.AsSpan(0, w.Length).ToArray();
        }

        public static void Copy(MikeyReader r, MikeyWriter w)
        {
            CommonHeader h = r.Header;
            byte[] b = r.Buffer;
            w.WriteHeader(h.DataType, h.V, h.PrfFunction, h.CsbId, h.CsIdMapType);
            for (int i = 0; i < h.CsCount; i++)
            {
                if (h.CsIdMapType == CsIdMapType.SrtpId)
                {
                    w.AddSrtpIdEntry(h.GetPolicyNo(i), h.GetSsrc(i), h.GetRoc(i));
                }
                else if (h.CsIdMapType == CsIdMapType.GenericId)
                {
                    int e = h.GetGenericIdEntryOffset(i);
                    w.AddGenericIdEntry(h.GetGenericCsId(i), h.GetGenericProtocolType(i), h.GetGenericS(i), b, e + 3, h.GetGenericPolicyCount(i),
                        b, h.GetGenericSessionDataOffset(i), h.GetGenericSessionDataLength(i), b, h.GetGenericSpiOffset(i), h.GetGenericSpiLength(i));
                }
            }

            if (h.CsIdMapType == CsIdMapType.Empty)
            {
                w.SetEmptyMapCsCount(h.CsCount);
            }

            while (r.Read() == MikeyStatus.Ok)
            {
                switch (r.PayloadType)
                {
                    case PayloadType.Timestamp:
                        w.WriteTimestamp(r.Timestamp.TimestampType, r.Timestamp.Value);
                        break;
                    case PayloadType.Rand:
                        w.WriteRand(b, r.Rand.RandOffset, r.Rand.RandLength);
                        break;
                    case PayloadType.Id:
                        w.WriteId(r.Id.IdType, b, r.Id.DataOffset, r.Id.DataLength);
                        break;
                    case PayloadType.Cert:
                        w.WriteCert(r.Cert.CertType, b, r.Cert.DataOffset, r.Cert.DataLength);
                        break;
                    case PayloadType.Chash:
                        w.WriteChash(r.Chash.HashFunction, b, r.Chash.HashOffset);
                        break;
                    case PayloadType.Pke:
                        w.WritePke(r.Pke.Cache, b, r.Pke.DataOffset, r.Pke.DataLength);
                        break;
                    case PayloadType.Dh:
                        {
                            DhPayload d = r.Dh;
                            w.WriteDh(d.Group, b, d.ValueOffset, d.Kv, b, d.Kv == KvType.Spi ? d.SpiOffset : d.ValidFromOffset,
                                d.Kv == KvType.Spi ? d.SpiLength : d.ValidFromLength, b, d.ValidToOffset, d.ValidToLength);
                            break;
                        }

                    case PayloadType.Verification:
                        w.WriteVerification(r.Verification.AuthAlgorithm);
                        Array.Copy(b, r.Verification.VerDataOffset, w.Buffer, w.IntegrityFieldOffset, w.IntegrityFieldLength);
                        break;
                    case PayloadType.Sign:
                        w.WriteSign(r.Sign.SignatureType, r.Sign.SignatureLength);
                        Array.Copy(b, r.Sign.SignatureOffset, w.Buffer, w.IntegrityFieldOffset, w.IntegrityFieldLength);
                        break;
                    case PayloadType.Error:
                        w.WriteError(r.Error.ErrorNo);
                        break;
                    case PayloadType.SecurityPolicy:
                        {
                            SecurityPolicyPayload sp = r.SecurityPolicy;
                            w.BeginSecurityPolicy(sp.PolicyNo, sp.ProtocolType);
                            for (int p = sp.FirstParameter(); p >= 0; p = sp.NextParameter(p))
                            {
                                w.WritePolicyParameter(sp.GetParameterType(p), b, p + 2, sp.GetParameterLength(p));
                            }

                            w.EndSecurityPolicy();
                            break;
                        }

                    case PayloadType.Kemac:
                        CopyKemac(r, w);
                        break;
                    case PayloadType.GeneralExtension:
                        w.WriteGeneralExtension((int)r.GeneralExtension.ExtensionType, b, r.GeneralExtension.DataOffset, r.GeneralExtension.DataLength);
                        break;
                    case PayloadType.Eccpt:
                        {
                            EccptPayload e = r.Eccpt;
                            w.WriteEccpt(e.Curve, b, e.PointOffset, e.PointLength, e.AuthAlgorithm, e.TgkLength, e.Kv,
                                b, e.Kv == KvType.Spi ? e.SpiOffset : e.ValidFromOffset, e.Kv == KvType.Spi ? e.SpiLength : e.ValidFromLength,
                                b, e.ValidToOffset, e.ValidToLength);
                            break;
                        }

                    case PayloadType.Tr:
                        w.WriteTr(r.Tr.Role, r.Tr.TimestampType, r.Tr.Value);
                        break;
                    case PayloadType.Idr:
                        w.WriteIdr(r.Idr.Role, r.Idr.IdType, b, r.Idr.DataOffset, r.Idr.DataLength);
                        break;
                    case PayloadType.Randr:
                        w.WriteRandr(r.Randr.Role, b, r.Randr.RandOffset, r.Randr.RandLength);
                        break;
                    case PayloadType.Tp:
                        w.WriteTicketPolicy(r.Tp.TicketType, r.Tp.Subtype, r.Tp.TicketVersion, r.Tp.PrfFunction, r.Tp.Flags, b, r.Tp.TpDataOffset, r.Tp.TpDataLength);
                        break;
                    case PayloadType.Ticket:
                        {
                            TicketPayload t = r.Ticket;
                            w.WriteTicket(t.TicketType, t.Subtype, t.TicketVersion, t.PrfFunction, t.Flags, b, t.TpDataOffset, t.TpDataLength,
                                b, t.TicketDataOffset, t.TicketDataLength, b, t.InitiatorDataOffset, t.InitiatorDataLength);
                            break;
                        }

                    case PayloadType.Sakke:
                        w.WriteSakke(r.Sakke.SakkeParams, r.Sakke.IdScheme, b, r.Sakke.DataOffset, r.Sakke.DataLength);
                        break;
                    case PayloadType.Ibake:
                    case PayloadType.Esk:
                        w.WriteEncryptedData(r.PayloadType, b, r.EncryptedData.EncrDataOffset, r.EncryptedData.EncrDataLength);
                        break;
                    default:
                        throw new InvalidOperationException("unexpected payload " + r.PayloadType);
                }
            }
        }

        private static void CopyKemac(MikeyReader r, MikeyWriter w)
        {
            KemacPayload k = r.Kemac;
            byte[] b = r.Buffer;
            if (k.EncryptionAlgorithm != EncryptionAlgorithm.Null || k.EncrDataLength == 0)
            {
                w.WriteKemac(k.EncryptionAlgorithm, b, k.EncrDataOffset, k.EncrDataLength, k.MacAlgorithm);
            }
            else
            {
                w.BeginKemac(k.EncryptionAlgorithm);
                var sub = new MikeyReader();
                sub.ResetChain(b, k.EncrDataOffset, k.EncrDataLength, KemacPayload.FirstSubPayload(r.Header.DataType), r.Header.DataType);
                while (sub.Read() == MikeyStatus.Ok)
                {
                    switch (sub.PayloadType)
                    {
                        case PayloadType.KeyData:
                            {
                                KeyDataSubPayload kd = sub.KeyData;
                                w.WriteKeyData(kd.KeyType, b, kd.KeyDataOffset, kd.KeyDataLength, b, kd.SaltOffset, kd.SaltLength, kd.Kv,
                                    b, kd.Kv == KvType.Spi ? kd.SpiOffset : kd.ValidFromOffset, kd.Kv == KvType.Spi ? kd.SpiLength : kd.ValidFromLength,
                                    b, kd.ValidToOffset, kd.ValidToLength);
                                break;
                            }

                        case PayloadType.Id:
                            w.WriteId(sub.Id.IdType, b, sub.Id.DataOffset, sub.Id.DataLength);
                            break;
                        case PayloadType.Idr:
                            w.WriteIdr(sub.Idr.Role, sub.Idr.IdType, b, sub.Idr.DataOffset, sub.Idr.DataLength);
                            break;
                    }
                }

                if (sub.Status != MikeyStatus.End)
                {
                    throw new InvalidOperationException("outer reader accepted a KEMAC whose sub-chain fails: " + sub.Status);
                }

                w.EndKemac(k.MacAlgorithm);
            }

            Array.Copy(b, k.MacOffset, w.Buffer, w.IntegrityFieldOffset, w.IntegrityFieldLength);
        }
    }
}
