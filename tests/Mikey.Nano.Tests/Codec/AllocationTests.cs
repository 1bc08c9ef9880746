using NanoMikey.Srtp.Policy;
using System;
using System.Text;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Tests.Codec
{
    /// <summary>The hot path allocates nothing: reading every field of, and writing, a 200-byte PSK I_MESSAGE.</summary>
    public class AllocationTests
    {
        private static readonly byte[] IdI = Encoding.ASCII.GetBytes("sip:alice.liddell@example.com.u");
        private static readonly byte[] IdR = Encoding.ASCII.GetBytes("sip:bob.the.builder@example.co");
        private static readonly byte[] Rand = new byte[16];
        private static readonly byte[] Encr = new byte[36];
        private static readonly byte[] Mac = new byte[20];

        internal static int WritePskIMessage(MikeyWriter w, byte[] buffer)
        {
            w.Reset(buffer, 0, buffer.Length);
            w.WriteHeader(DataType.PreShared, true, PrfFunction.Mikey1, 0x12345678, CsIdMapType.SrtpId);
            w.AddSrtpIdEntry(0, 0xDEADBEEF, 0);
            w.WriteTimestamp(TimestampType.NtpUtc, 0xE6A9C0D800000000UL);
            w.WriteRand(Rand, 0, Rand.Length);
            w.WriteId(IdType.Uri, IdI, 0, IdI.Length);
            w.WriteId(IdType.Uri, IdR, 0, IdR.Length);
            w.BeginSecurityPolicy(0, ProtocolType.Srtp);
            w.WritePolicyParameter((int)SrtpPolicyParameterType.EncryptionAlgorithm, 1);
            w.WritePolicyParameter((int)SrtpPolicyParameterType.SessionEncryptionKeyLength, 16);
            w.WritePolicyParameter((int)SrtpPolicyParameterType.AuthenticationAlgorithm, 1);
            w.WritePolicyParameter((int)SrtpPolicyParameterType.SessionAuthenticationKeyLength, 20);
            w.WritePolicyParameter((int)SrtpPolicyParameterType.SessionSaltKeyLength, 14);
            w.WritePolicyParameter((int)SrtpPolicyParameterType.AuthenticationTagLength, 10);
            w.EndSecurityPolicy();
            w.WriteKemac(EncryptionAlgorithm.AesCm128, Encr, 0, Encr.Length, MacAlgorithm.HmacSha1160);
            Array.Copy(Mac, 0, buffer, w.IntegrityFieldOffset, Mac.Length);
            return w.Finish() == MikeyStatus.Ok ? w.Length : -1;
        }

        internal static int WritePskIMessageTolerant(MikeyWriter w, byte[] buffer)
        {
            // Same as WritePskIMessage but skips the MAC copy when the writer has already run out of room.
            w.Reset(buffer, 0, buffer.Length);
            w.WriteHeader(DataType.PreShared, true, PrfFunction.Mikey1, 0x12345678, CsIdMapType.SrtpId);
            w.AddSrtpIdEntry(0, 0xDEADBEEF, 0);
            w.WriteTimestamp(TimestampType.NtpUtc, 0xE6A9C0D800000000UL);
            w.WriteRand(Rand, 0, Rand.Length);
            w.WriteId(IdType.Uri, IdI, 0, IdI.Length);
            w.WriteId(IdType.Uri, IdR, 0, IdR.Length);
            w.BeginSecurityPolicy(0, ProtocolType.Srtp);
            w.WritePolicyParameter((int)SrtpPolicyParameterType.EncryptionAlgorithm, 1);
            w.WritePolicyParameter((int)SrtpPolicyParameterType.AuthenticationTagLength, 10);
            w.WritePolicyParameter((int)SrtpPolicyParameterType.SessionEncryptionKeyLength, 16);
            w.WritePolicyParameter((int)SrtpPolicyParameterType.AuthenticationAlgorithm, 1);
            w.WritePolicyParameter((int)SrtpPolicyParameterType.SessionAuthenticationKeyLength, 20);
            w.WritePolicyParameter((int)SrtpPolicyParameterType.SessionSaltKeyLength, 14);
            w.EndSecurityPolicy();
            w.WriteKemac(EncryptionAlgorithm.AesCm128, Encr, 0, Encr.Length, MacAlgorithm.HmacSha1160);
            if (w.Status == MikeyStatus.Ok)
            {
                Array.Copy(Mac, 0, buffer, w.IntegrityFieldOffset, Mac.Length);
            }

            return w.Finish() == MikeyStatus.Ok ? w.Length : -1;
        }

        private static long ReadAll(MikeyReader r, byte[] msg)
        {
            long sum = 0;
            if (r.Reset(msg, 0, msg.Length) != MikeyStatus.Ok)
            {
                return -1;
            }

            CommonHeader h = r.Header;
            sum += h.Version + (int)h.DataType + (int)h.NextPayload + (h.V ? 1 : 0) + (int)h.PrfFunction + h.CsbId + h.CsCount + (int)h.CsIdMapType;
            for (int i = 0; i < h.CsCount; i++)
            {
                sum += h.GetPolicyNo(i) + h.GetSsrc(i) + h.GetRoc(i);
            }

            while (r.Read() == MikeyStatus.Ok)
            {
                sum += (int)r.Current!.NextPayload + r.PayloadOffset + r.PayloadLength;
                switch (r.PayloadType)
                {
                    case PayloadType.Timestamp:
                        sum += (long)(r.Timestamp.Value >> 8) + (int)r.Timestamp.TimestampType + r.Timestamp.ValueLength;
                        break;
                    case PayloadType.Rand:
                        sum += r.Rand.RandOffset + r.Rand.RandLength + msg[r.Rand.RandOffset];
                        break;
                    case PayloadType.Id:
                        sum += (int)r.Id.IdType + r.Id.DataOffset + r.Id.DataLength;
                        break;
                    case PayloadType.SecurityPolicy:
                        SecurityPolicyPayload sp = r.SecurityPolicy;
                        sum += sp.PolicyNo + (int)sp.ProtocolType + sp.ParametersLength;
                        for (int p = sp.FirstParameter(); p >= 0; p = sp.NextParameter(p))
                        {
                            sum += sp.GetParameterType(p) + sp.GetParameterLength(p) + sp.GetParameterValue(p);
                        }

                        break;
                    case PayloadType.Kemac:
                        KemacPayload k = r.Kemac;
                        sum += (int)k.EncryptionAlgorithm + k.EncrDataOffset + k.EncrDataLength + (int)k.MacAlgorithm + k.MacOffset + k.MacLength;
                        break;
                }
            }

            return r.Status == MikeyStatus.End ? sum + r.CoveredLength + r.IntegrityFieldLength : -1;
        }

        [Fact]
        public void ReadingEveryField_Of200BytePskIMessage_AllocatesNothing()
        {
            var buffer = new byte[512];
            int len = WritePskIMessage(new MikeyWriter(), buffer);
            Assert.Equal(200, len);
            byte[] msg = buffer.AsSpan(0, len).ToArray();
            var r = new MikeyReader();
            long expected = ReadAll(r, msg);
            Assert.True(expected > 0);
            for (int i = 0; i < 10; i++)
            {
                ReadAll(r, msg);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            long total = 0;
            for (int i = 0; i < 1000; i++)
            {
                total += ReadAll(r, msg);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(expected * 1000, total);
            Assert.Equal(0, allocated);
        }

        [Fact]
        public void Writing200BytePskIMessage_AllocatesNothing()
        {
            var buffer = new byte[512];
            var w = new MikeyWriter();
            for (int i = 0; i < 10; i++)
            {
                WritePskIMessage(w, buffer);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            int total = 0;
            for (int i = 0; i < 1000; i++)
            {
                total += WritePskIMessage(w, buffer);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(200 * 1000, total);
            Assert.Equal(0, allocated);
        }
    }
}
