using NanoMikey.X509;
using NanoMikey.X509.Asn1;

namespace NanoMikey.Fuzz.Targets
{
    /// <summary>
    /// The DER reader (X.690 §8, §10) walking any TLV tree to its depth limit, every primitive also read by each typed
    /// reader, plus the DER readers built on it (SubjectPublicKeyInfo, ECDSA signature, EC private key). Contract: no
    /// exception, every status defined, every content range inside its parent, depth never above the limit, the input
    /// untouched and output written only inside the caller's buffer.
    /// </summary>
    public sealed class DerTarget : FuzzTarget
    {
        private readonly DerReader _reader = new DerReader();
        private readonly DerReader _typed = new DerReader();

        /// <inheritdoc />
        public override string Name => "der";

        /// <inheritdoc />
        protected override void Check(byte[] input)
        {
            byte[] b = Guarded(input);
            _reader.Reset(b, Guard, input.Length);
            int elements = 0;
            Walk(b, Guard, Guard + input.Length, ref elements);
            RequireDefined(_reader.Status);
            RequireUnchanged(b, input, "DerReader");

            RequireDefined(SubjectPublicKeyInfo.Read(b, Guard, input.Length, out int po, out int pl));
            if (pl > 0) RequireRange(po, pl, Guard, Guard + input.Length, "SPKI point");
            byte[] rs = GuardedOutput(EcdsaSignatureEncoding.RawLength);
            RequireDefined(EcdsaSignatureEncoding.DecodeDer(b, Guard, input.Length, rs, Guard));
            RequireGuards(rs, EcdsaSignatureEncoding.RawLength, "EcdsaSignatureEncoding.DecodeDer");
            byte[] scalar = GuardedOutput(EcPrivateKeyReader.ScalarLength);
            RequireDefined(EcPrivateKeyReader.ReadEcPrivateKey(b, Guard, input.Length, scalar, Guard, out po, out pl));
            if (pl > 0) RequireRange(po, pl, Guard, Guard + input.Length, "EC public key");
            RequireDefined(EcPrivateKeyReader.ReadPkcs8(b, Guard, input.Length, scalar, Guard, out po, out pl));
            if (pl > 0) RequireRange(po, pl, Guard, Guard + input.Length, "PKCS#8 public key");
            RequireGuards(scalar, EcPrivateKeyReader.ScalarLength, "EcPrivateKeyReader");
            RequireUnchanged(b, input, "DER readers");
        }

        private void Walk(byte[] b, int start, int end, ref int elements)
        {
            DerReader r = _reader;
            while (r.IsOk && r.HasData)
            {
                Require(++elements <= end - start, "more elements than bytes");
                Require(r.Depth <= DerReader.DefaultMaxDepth, "depth " + r.Depth);
                int at = r.Position;
                if (!r.ReadAny(out int tag, out int co, out int cl))
                {
                    RequireDefined(r.Status);
                    Require(r.ErrorOffset >= start && r.ErrorOffset <= end, "error offset outside");
                    return;
                }

                RequireRange(co, cl, at, end, "content");
                Require(r.Position > at, "ReadAny did not advance");
                if ((tag & 0x20) != 0)
                {
                    // Constructed: enter it from a fresh position (re-read the element as a container).
                    WalkNested(new DerReader(b, co, cl), co, co + cl, 1, ref elements);
                }
                else
                {
                    Typed(b, at, co + cl - at);
                }
            }
        }

        private void WalkNested(DerReader r, int start, int end, int depth, ref int elements)
        {
            if (depth > DerReader.DefaultMaxDepth + 1) return;
            while (r.IsOk && r.HasData)
            {
                Require(++elements <= r.Data.Length, "more nested elements than bytes");
                int at = r.Position;
                if (!r.ReadAny(out int tag, out int co, out int cl))
                {
                    RequireDefined(r.Status);
                    return;
                }

                RequireRange(co, cl, start, end, "nested content");
                Require(r.Position > at, "nested ReadAny did not advance");
                if ((tag & 0x20) != 0)
                {
                    WalkNested(new DerReader(r.Data, co, cl), co, co + cl, depth + 1, ref elements);
                }
                else
                {
                    Typed(r.Data, at, co + cl - at);
                }
            }
        }

        // Each typed reader over one encoded element: each must fail with a status or return ranges inside it.
        private void Typed(byte[] b, int offset, int length)
        {
            DerReader t = _typed;
            int end = offset + length;
            t.Reset(b, offset, length);
            if (t.ReadInteger(out int o, out int l)) RequireRange(o, l, offset, end, "INTEGER");
            t.Reset(b, offset, length);
            byte[] u = GuardedOutput(32);
            t.ReadUnsignedInteger(u, Guard, 32);
            RequireGuards(u, 32, "ReadUnsignedInteger");
            t.Reset(b, offset, length);
            if (t.ReadNonNegativeInt32(out int v)) Require(v >= 0, "negative from ReadNonNegativeInt32");
            t.Reset(b, offset, length);
            t.ReadBoolean(out _);
            t.Reset(b, offset, length);
            t.ReadNull();
            t.Reset(b, offset, length);
            if (t.ReadObjectIdentifier(out o, out l)) RequireRange(o, l, offset, end, "OID");
            t.Reset(b, offset, length);
            if (t.ReadBitString(out int unused, out o, out l))
            {
                RequireRange(o, l, offset, end, "BIT STRING");
                Require(unused >= 0 && unused <= 7, "unused bits " + unused);
            }

            t.Reset(b, offset, length);
            if (t.ReadOctetString(out o, out l)) RequireRange(o, l, offset, end, "OCTET STRING");
            t.Reset(b, offset, length);
            t.ReadTime(out _);
            RequireDefined(t.Status);
        }
    }
}
