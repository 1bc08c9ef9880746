using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Transport;

namespace NanoMikey.Fuzz.Targets
{
    /// <summary>The checks SDP a=key-mgmt and RTSP KeyMgmt share: a found data value decodes like .NET or not at all.</summary>
    internal static class KeyMgmtText
    {
        /// <summary>
        /// Decodes the data into a guarded buffer of exactly the decoded length and compares with .NET; when
        /// <paramref name="mustDecode"/> is false a -1 is allowed only where .NET's strict counterpart rejects too.
        /// </summary>
        internal static void CheckData(string text, int start, int length, Func<byte[], int, int> decode, MikeyReader? reader, bool allowInvalid)
        {
            int n = Base64.GetDecodedLength(text, start, length);
            byte[]? reference = null;
            try
            {
                reference = Convert.FromBase64String(text.Substring(start, length));
            }
            catch (FormatException)
            {
            }

            int size = n < 0 ? 0 : n;
            byte[] o = new byte[size + 2 * FuzzTarget.Guard];
            for (int i = 0; i < o.Length; i++) o[i] = 0x5A;
            int w = decode(o, FuzzTarget.Guard);
            for (int i = 0; i < FuzzTarget.Guard; i++)
            {
                if (o[i] != 0x5A || o[o.Length - 1 - i] != 0x5A) throw new ContractViolation("DecodeData wrote outside its buffer");
            }

            if (w < 0)
            {
                if (!allowInvalid) throw new ContractViolation("DecodeData failed after Parse succeeded");
                if (reference != null && Convert.ToBase64String(reference) == text.Substring(start, length))
                {
                    throw new ContractViolation("canonical base64 refused");
                }

                return;
            }

            if (w != n || reference == null || !o.AsSpan(FuzzTarget.Guard, n).SequenceEqual(reference))
            {
                throw new ContractViolation("DecodeData gave " + w + " bytes that differ from .NET's decoder");
            }

            if (reader != null && reader.Reset(o, FuzzTarget.Guard, n) == MikeyStatus.Ok)
            {
                MikeyStatus s = reader.Validate();
                if (!Enum.IsDefined(s)) throw new ContractViolation("undefined MikeyStatus " + s);
            }
        }
    }
}
