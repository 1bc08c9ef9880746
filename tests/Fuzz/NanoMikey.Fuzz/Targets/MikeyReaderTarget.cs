using System.Reflection;
using System.Text.Json;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Rendering;

namespace NanoMikey.Fuzz.Targets
{
    /// <summary>
    /// MikeyReader strict and with every quirk (one at a time and all together), as an initial message and as a CSB update:
    /// walks every payload reading every property, the header's CS map, SP parameters and General Extension key IDs,
    /// then the KEMAC's Encr data as a sub-payload chain (RFC 3830 §6.2); renders text and JSON (the JSON must parse).
    /// Contract: every status is a defined MikeyStatus, every offset lies inside the message, the buffer is not written,
    /// the step count is bounded by the length, and the renderer agrees with the reader on validity.
    /// </summary>
    public sealed class MikeyReaderTarget : FuzzTarget
    {
        private static readonly MikeyQuirks[] QuirkSets =
        {
            MikeyQuirks.None, MikeyQuirks.GStreamerTagLengthInAuthKeyLength, MikeyQuirks.MissingRand, MikeyQuirks.TrailingPadByte,
            MikeyQuirks.GStreamerAesGcmDefaults,
            MikeyQuirks.GStreamerTagLengthInAuthKeyLength | MikeyQuirks.MissingRand | MikeyQuirks.TrailingPadByte | MikeyQuirks.GStreamerAesGcmDefaults,
        };

        private static readonly Dictionary<Type, PropertyInfo[]> Properties = new Dictionary<Type, PropertyInfo[]>();
        private readonly MikeyReader _reader = new MikeyReader();
        private readonly MikeyReader _sub = new MikeyReader();
        private readonly MikeyRenderer _renderer = new MikeyRenderer { ShowKeys = true };

        /// <inheritdoc />
        public override string Name => "mikey-reader";

        /// <inheritdoc />
        protected override void Check(byte[] input)
        {
            byte[] b = Guarded(input);
            int start = Guard, end = Guard + input.Length;
            for (int q = 0; q < QuirkSets.Length; q++)
            {
                for (int update = 0; update < 2; update++)
                {
                    MikeyStatus s = Walk(b, start, end, QuirkSets[q], update == 1);
                    RequireUnchanged(b, input, "MikeyReader");
                    if (update == 0 && (q == 0 || q == QuirkSets.Length - 1))
                    {
                        Render(b, start, input.Length, QuirkSets[q], s);
                        RequireUnchanged(b, input, "MikeyRenderer");
                    }
                }
            }
        }

        private MikeyStatus Walk(byte[] b, int start, int end, MikeyQuirks quirks, bool update)
        {
            MikeyReader r = _reader;
            r.Quirks = quirks;
            r.IsCsbUpdate = update;
            MikeyStatus s = r.Reset(b, start, end - start);
            RequireDefined(s);
            if (s != MikeyStatus.Ok)
            {
                return RequireFailure(r, s, start, end);
            }

            Require(r.Header != null, "no header after Ok");
            TouchHeader(r.Header!, start, end);
            DataType dataType = r.Header!.DataType;
            int steps = 0;
            while ((s = r.Read()) == MikeyStatus.Ok)
            {
                Require(++steps <= end - start + 1, "more payloads than bytes");
                RequireRange(r.PayloadOffset, r.PayloadLength, start, end, "payload");
                Require(r.PayloadLength > 0, "empty payload");
                PayloadView? v = r.Current;
                Require(v != null, "Ok without a current payload");
                RequireRange(v!.Offset, v.Length, start, end, "payload view");
                Touch(v);
                if (v is SecurityPolicyPayload sp) TouchPolicy(sp, start, end);
                if (v is GeneralExtensionPayload ge) TouchExtension(ge, start, end);
                if (v is KemacPayload k)
                {
                    RequireRange(k.EncrDataOffset, k.EncrDataLength, v.Offset, v.Offset + v.Length, "KEMAC Encr data");
                    RequireRange(k.MacOffset, k.MacLength, v.Offset, v.Offset + v.Length, "KEMAC MAC");
                    WalkKemac(b, k.EncrDataOffset, k.EncrDataLength, dataType, quirks);
                }

                if (r.IntegrityFieldOffset >= 0)
                {
                    RequireRange(r.IntegrityFieldOffset, r.IntegrityFieldLength, start, end, "integrity field");
                }
            }

            RequireDefined(s);
            Require(r.Read() == s, "status after End/failure not sticky");
            if (s == MikeyStatus.End)
            {
                Require(r.StepCount <= end - start + 2, "step count unbounded");
                // KEMAC sub-payloads are measured inside the KEMAC step too (MikeyReader.Kemac.cs): at most twice the length.
                Require(r.BytesExamined <= 2 * (end - start), "examined " + r.BytesExamined + " bytes of " + (end - start));
                return s;
            }

            return RequireFailure(r, s, start, end);
        }

        // KEMAC Encr data as the decrypted sub-payload chain would be read (RFC 3830 §6.2): with NULL encryption that is what
        // a responder reads; for other algorithms the ciphertext bytes are hostile input just the same.
        private void WalkKemac(byte[] b, int offset, int length, DataType dataType, MikeyQuirks quirks)
        {
            MikeyReader r = _sub;
            r.Quirks = quirks;
            r.IsCsbUpdate = false;
            MikeyStatus s = r.ResetChain(b, offset, length, KemacPayload.FirstSubPayload(dataType), dataType);
            Require(s == MikeyStatus.Ok, "ResetChain failed: " + s);
            int steps = 0;
            while ((s = r.Read()) == MikeyStatus.Ok)
            {
                Require(++steps <= length + 1, "more sub-payloads than bytes");
                RequireRange(r.PayloadOffset, r.PayloadLength, offset, offset + length, "KEMAC sub-payload");
                PayloadView? v = r.Current;
                Require(v != null, "Ok without a current sub-payload");
                Touch(v!);
                if (v is KeyDataSubPayload kd)
                {
                    RequireRange(kd.KeyDataOffset, kd.KeyDataLength, v.Offset, v.Offset + v.Length, "Key data");
                    if (kd.HasSalt) RequireRange(kd.SaltOffset, kd.SaltLength, v.Offset, v.Offset + v.Length, "salt");
                }
            }

            RequireDefined(s);
            if (s != MikeyStatus.End)
            {
                RequireFailure(r, s, offset, offset + length);
            }
        }

        private static MikeyStatus RequireFailure(MikeyReader r, MikeyStatus s, int start, int end)
        {
            Require(s != MikeyStatus.Ok && s != MikeyStatus.End && s != MikeyStatus.BufferTooSmall, "unexpected failure status " + s);
            Require(r.Status == s, "Status property disagrees");
            RequireDefined(r.ErrorCode);
            Require(r.ErrorOffset >= start && r.ErrorOffset <= end, "error offset " + r.ErrorOffset + " outside the message");
            Require(r.Current == null, "a current payload after a failure");
            return s;
        }

        private static void TouchHeader(CommonHeader h, int start, int end)
        {
            Touch(h);
            RequireRange(h.MapInfoOffset, h.MapInfoLength, start, end, "CS ID map info");
            int n = h.CsCount;
            Require(n >= 0 && n <= 255, "CS count " + n);
            if (h.CsIdMapType == CsIdMapType.SrtpId)
            {
                for (int i = 0; i < n; i++) { _ = h.GetPolicyNo(i); _ = h.GetSsrc(i); _ = h.GetRoc(i); }
            }
            else if (h.CsIdMapType == CsIdMapType.GenericId)
            {
                for (int i = 0; i < n; i++)
                {
                    RequireRange(h.GetGenericIdEntryOffset(i), 1, start, end, "generic CS entry");
                    _ = h.GetGenericCsId(i); _ = h.GetGenericProtocolType(i); _ = h.GetGenericS(i);
                    int pc = h.GetGenericPolicyCount(i);
                    for (int p = 0; p < pc; p++) _ = h.GetGenericPolicyNo(i, p);
                    RequireRange(h.GetGenericSessionDataOffset(i), h.GetGenericSessionDataLength(i), start, end, "session data");
                    RequireRange(h.GetGenericSpiOffset(i), h.GetGenericSpiLength(i), start, end, "SPI");
                }
            }
        }

        private static void TouchPolicy(SecurityPolicyPayload sp, int start, int end)
        {
            RequireRange(sp.ParametersOffset, sp.ParametersLength, start, end, "SP parameters");
            int guard = 0;
            for (int p = sp.FirstParameter(); p >= 0; p = sp.NextParameter(p))
            {
                Require(++guard <= sp.ParametersLength, "SP parameter walk does not end");
                RequireRange(p, 2, sp.ParametersOffset, sp.ParametersOffset + sp.ParametersLength, "SP parameter");
                _ = sp.GetParameterType(p);
                int len = sp.GetParameterLength(p);
                RequireRange(p + 2, len, sp.ParametersOffset, sp.ParametersOffset + sp.ParametersLength, "SP parameter value");
                if (len <= 4) _ = sp.GetParameterValue(p);
            }

            for (int t = 0; t < 24; t++) _ = sp.FindParameter(t);
        }

        private static void TouchExtension(GeneralExtensionPayload ge, int start, int end)
        {
            RequireRange(ge.DataOffset, ge.DataLength, start, end, "General Extension data");
            if (ge.ExtensionType != GeneralExtensionType.KeyId) return;
            int guard = 0;
            for (int k = ge.FirstKeyId(); k >= 0; k = ge.NextKeyId(k))
            {
                Require(++guard <= ge.DataLength, "key ID walk does not end");
                RequireRange(k, 1, ge.DataOffset, ge.DataOffset + ge.DataLength, "key ID");
                _ = ge.GetKeyIdType(k);
                _ = ge.GetKeyIdLength(k);
            }
        }

        // Every public parameterless property of a payload view: a view's getters must not throw once the reader said Ok.
        private static void Touch(PayloadView v)
        {
            Type t = v.GetType();
            if (!Properties.TryGetValue(t, out PropertyInfo[]? props))
            {
                props = t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.CanRead).ToArray();
                Properties[t] = props;
            }

            foreach (PropertyInfo p in props)
            {
                try
                {
                    _ = p.GetValue(v);
                }
                catch (TargetInvocationException e) when (e.InnerException != null)
                {
                    throw new ContractViolation(t.Name + "." + p.Name + " threw " + e.InnerException.GetType().Name + ": " + e.InnerException.Message);
                }
            }
        }

        private void Render(byte[] b, int start, int count, MikeyQuirks quirks, MikeyStatus readerStatus)
        {
            _renderer.Quirks = quirks;
            _renderer.IsCsbUpdate = false;
            string text = _renderer.RenderText(b, start, count);
            Require(text != null && text.Length > 0, "empty text rendering");
            RequireDefined(_renderer.Status);
            Require(_renderer.Status == readerStatus,
                "renderer says " + _renderer.Status + ", reader " + readerStatus);
            string json = _renderer.RenderJson(b, start, count);
            try
            {
                using JsonDocument d = JsonDocument.Parse(json);
            }
            catch (JsonException e)
            {
                Fail("JSON rendering does not parse: " + e.Message);
            }
        }
    }
}
