using NanoMikey.X509.Asn1;

namespace NanoMikey.X509
{
    /// <summary>Reads RSASSA-PSS-params (RFC 4055 §3.1) and hash AlgorithmIdentifiers (RFC 4055 §2.1).</summary>
    internal static class RsaPssParameters
    {
        /// <summary>RFC 4055 §3.1: saltLength DEFAULT 20.</summary>
        internal const int DefaultSaltLength = 20;

        /// <summary>
        /// RSASSA-PSS-params ::= SEQUENCE { hashAlgorithm [0] DEFAULT sha1, maskGenAlgorithm [1] DEFAULT mgf1SHA1,
        /// saltLength [2] INTEGER DEFAULT 20, trailerField [3] INTEGER DEFAULT 1 }, EXPLICIT tags. DER leaves DEFAULT
        /// values out (X.690 §11.5), so an encoded default is NotCanonical; a trailerField other than 1 is refused
        /// (RFC 4055 §3.1: it MUST be 1). An unknown hash or mask function reads as <see cref="X509HashAlgorithm.Unknown"/>.
        /// </summary>
        internal static bool Read(DerReader r, out X509HashAlgorithm hash, out X509HashAlgorithm maskHash, out int saltLength)
        {
            hash = X509HashAlgorithm.Sha1;
            maskHash = X509HashAlgorithm.Sha1;
            saltLength = DefaultSaltLength;
            if (!r.EnterSequence())
            {
                return false;
            }

            int at = r.Position;
            if (r.PeekTag() == Asn1Tag.ContextConstructed(0))
            {
                if (!r.Enter(Asn1Tag.ContextConstructed(0)) || !ReadHash(r, out hash) || !r.Exit())
                {
                    return false;
                }

                if (hash == X509HashAlgorithm.Sha1)
                {
                    return r.Fail(Asn1Status.NotCanonical, at);
                }
            }

            at = r.Position;
            if (r.PeekTag() == Asn1Tag.ContextConstructed(1))
            {
                // MaskGenAlgorithm ::= AlgorithmIdentifier { id-mgf1, HashAlgorithm } (RFC 4055 §2.2).
                int oidOff;
                int oidLen;
                if (!r.Enter(Asn1Tag.ContextConstructed(1)) || !r.EnterSequence() || !r.ReadObjectIdentifier(out oidOff, out oidLen))
                {
                    return false;
                }

                bool mgf1 = Asn1Oid.Matches(r.Data, oidOff, oidLen, Asn1Oid.Mgf1);
                if (mgf1)
                {
                    if (!ReadHash(r, out maskHash))
                    {
                        return false;
                    }
                }
                else
                {
                    maskHash = X509HashAlgorithm.Unknown;
                    if (r.HasData)
                    {
                        r.Skip();
                    }
                }

                if (!r.Exit() || !r.Exit())
                {
                    return false;
                }

                if (mgf1 && maskHash == X509HashAlgorithm.Sha1)
                {
                    return r.Fail(Asn1Status.NotCanonical, at);
                }
            }

            at = r.Position;
            if (r.PeekTag() == Asn1Tag.ContextConstructed(2))
            {
                if (!r.Enter(Asn1Tag.ContextConstructed(2)) || !r.ReadNonNegativeInt32(out saltLength) || !r.Exit())
                {
                    return false;
                }

                if (saltLength == DefaultSaltLength)
                {
                    return r.Fail(Asn1Status.NotCanonical, at);
                }
            }

            at = r.Position;
            if (r.PeekTag() == Asn1Tag.ContextConstructed(3))
            {
                int trailer;
                if (!r.Enter(Asn1Tag.ContextConstructed(3)) || !r.ReadNonNegativeInt32(out trailer) || !r.Exit())
                {
                    return false;
                }

                return r.Fail(trailer == 1 ? Asn1Status.NotCanonical : Asn1Status.InvalidParameters, at);
            }

            return r.Exit();
        }

        /// <summary>HashAlgorithm ::= AlgorithmIdentifier; parameters absent or NULL, both accepted (RFC 4055 §2.1).</summary>
        internal static bool ReadHash(DerReader r, out X509HashAlgorithm hash)
        {
            hash = X509HashAlgorithm.Unknown;
            int start = r.Position;
            int off;
            int len;
            if (!r.EnterSequence() || !r.ReadObjectIdentifier(out off, out len))
            {
                return false;
            }

            byte[] d = r.Data;
            if (Asn1Oid.Matches(d, off, len, Asn1Oid.Sha1))
            {
                hash = X509HashAlgorithm.Sha1;
            }
            else if (Asn1Oid.IsUnder(d, off, len, Asn1Oid.NistHashArc, 1) && d[off + len - 1] >= 1 && d[off + len - 1] <= 3)
            {
                // id-sha256 (1), id-sha384 (2), id-sha512 (3) map onto Sha256..Sha512.
                hash = (X509HashAlgorithm)(d[off + len - 1] + 1);
            }

            if (r.HasData)
            {
                if (r.PeekTag() != Asn1Tag.Null)
                {
                    return r.IsOk && r.Fail(Asn1Status.InvalidParameters, start);
                }

                r.ReadNull();
            }

            return r.Exit();
        }
    }
}
