namespace NanoMikey.X509.Asn1
{
    /// <summary>Reads and writes the P-256 public-key AlgorithmIdentifier shared by SubjectPublicKeyInfo and PKCS #8.</summary>
    internal static class EcAlgorithmIdentifier
    {
        /// <summary>
        /// RFC 5480 §2.1.1: SEQUENCE { id-ecPublicKey, ECParameters } where only namedCurve secp256r1 is accepted
        /// (implicitCurve NULL and specifiedCurve are forbidden by RFC 5480 and rejected as unsupported curves).
        /// </summary>
        internal static bool Read(DerReader r)
        {
            int start = r.Position;
            int off;
            int len;
            if (!r.EnterSequence() || !r.ReadObjectIdentifier(out off, out len))
            {
                return false;
            }

            if (!Asn1Oid.Matches(r.Data, off, len, Asn1Oid.EcPublicKey))
            {
                return r.Fail(Asn1Status.UnsupportedAlgorithm, start);
            }

            if (!ReadNamedCurve(r))
            {
                return false;
            }

            return r.Exit();
        }

        /// <summary>ECParameters ::= CHOICE { namedCurve OID, implicitCurve NULL, specifiedCurve SEQUENCE }; only P-256 passes.</summary>
        internal static bool ReadNamedCurve(DerReader r)
        {
            int start = r.Position;
            int tag = r.PeekTag();
            if (tag < 0)
            {
                return r.IsOk && r.Fail(Asn1Status.InvalidParameters, start);
            }

            if (tag != Asn1Tag.ObjectIdentifier)
            {
                r.Skip();
                return r.Fail(Asn1Status.UnsupportedCurve, start);
            }

            int off;
            int len;
            if (!r.ReadObjectIdentifier(out off, out len))
            {
                return false;
            }

            return Asn1Oid.Matches(r.Data, off, len, Asn1Oid.Prime256v1) || r.Fail(Asn1Status.UnsupportedCurve, start);
        }

        internal static bool Write(DerWriter w)
        {
            return w.PushSequence()
                && w.WriteObjectIdentifier(Asn1Oid.EcPublicKey, 0, Asn1Oid.EcPublicKey.Length)
                && w.WriteObjectIdentifier(Asn1Oid.Prime256v1, 0, Asn1Oid.Prime256v1.Length)
                && w.Pop();
        }

        /// <summary>SEC 1 §2.3.3 point forms for P-256: 0x04‖X‖Y (65 bytes) or 0x02/0x03‖X (33 bytes); hybrid forms are refused.</summary>
        internal static bool IsPointEncoding(byte[] d, int off, int len)
        {
            if (len == 65)
            {
                return d[off] == 0x04;
            }

            return len == 33 && (d[off] == 0x02 || d[off] == 0x03);
        }
    }
}
