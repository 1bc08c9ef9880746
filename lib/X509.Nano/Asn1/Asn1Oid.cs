namespace NanoMikey.X509.Asn1
{
    /// <summary>
    /// OBJECT IDENTIFIER content octets the key and certificate readers recognise, and rendering of any OID as dotted text.
    /// </summary>
    public static class Asn1Oid
    {
        // RFC 5480 §2.1.1: id-ecPublicKey 1.2.840.10045.2.1.
        internal static readonly byte[] EcPublicKey = { 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01 };

        // RFC 5480 §2.1.1.1: secp256r1 (prime256v1) 1.2.840.10045.3.1.7.
        internal static readonly byte[] Prime256v1 = { 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07 };

        // RFC 5758 §3.2: ecdsa-with-SHA256/384/512 1.2.840.10045.4.3.2/3/4; RFC 3279 §2.2.3: ecdsa-with-SHA1 1.2.840.10045.4.1.
        internal static readonly byte[] EcdsaWithSha256 = { 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x02 };
        internal static readonly byte[] EcdsaWithSha384 = { 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x03 };
        internal static readonly byte[] EcdsaWithSha512 = { 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x04 };
        internal static readonly byte[] EcdsaWithSha1 = { 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x01 };

        // RFC 8017 App. C: PKCS #1 arc 1.2.840.113549.1.1; the last octet selects the scheme.
        internal static readonly byte[] Pkcs1Arc = { 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01 };

        // RFC 8017 App. C / RFC 4055 §1.2: rsaEncryption (…1.1), id-mgf1 (…1.8), id-RSASSA-PSS (…1.10).
        internal static readonly byte[] RsaEncryption = { 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01 };
        internal static readonly byte[] Mgf1 = { 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x08 };
        internal static readonly byte[] RsassaPss = { 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0A };

        // RFC 4055 §2.1: id-sha1 1.3.14.3.2.26; id-sha256/384/512 2.16.840.1.101.3.4.2.1/2/3 (NIST hash arc).
        internal static readonly byte[] Sha1 = { 0x2B, 0x0E, 0x03, 0x02, 0x1A };
        internal static readonly byte[] NistHashArc = { 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02 };

        // RFC 8410 §3: id-Ed25519 1.3.101.112.
        internal static readonly byte[] Ed25519 = { 0x2B, 0x65, 0x70 };

        // X.520 attribute types id-at 2.5.4.x and RFC 5280 §4.2.1 certificate extensions id-ce 2.5.29.x.
        internal static readonly byte[] AttributeTypeArc = { 0x55, 0x04 };
        internal static readonly byte[] CertificateExtensionArc = { 0x55, 0x1D };

        /// <summary>Renders OID content octets as dotted decimal ("1.2.840.10045.2.1"); arcs wider than 63 bits print as "?".</summary>
        /// <param name="data">Buffer holding the content octets.</param>
        /// <param name="offset">Offset of the content octets.</param>
        /// <param name="length">Number of content octets.</param>
        /// <returns>The dotted text, or null when the octets are not a valid OID encoding.</returns>
        public static string? ToDottedString(byte[] data, int offset, int length)
        {
            DerReader.CheckRange(data, offset, length);
            if (!DerReader.CheckObjectIdentifier(data, offset, length))
            {
                return null;
            }

            string text = string.Empty;
            ulong arc = 0;
            int bits = 0;
            bool first = true;
            for (int i = offset; i < offset + length; i++)
            {
                arc = (arc << 7) | (uint)(data[i] & 0x7F);
                bits += 7;
                if ((data[i] & 0x80) != 0)
                {
                    continue;
                }

                string part = bits > 63 ? "?" : arc.ToString();
                if (first)
                {
                    // X.690 §8.19.4: the first sub-identifier packs the first two arcs as 40 * a + b (a <= 2).
                    string a;
                    if (bits > 63)
                    {
                        a = "2";
                    }
                    else if (arc < 40)
                    {
                        a = "0";
                    }
                    else if (arc < 80)
                    {
                        a = "1";
                        part = (arc - 40).ToString();
                    }
                    else
                    {
                        a = "2";
                        part = (arc - 80).ToString();
                    }

                    text = a + "." + part;
                    first = false;
                }
                else
                {
                    text = text + "." + part;
                }

                arc = 0;
                bits = 0;
            }

            return text;
        }

        /// <summary>True when the range holds exactly the content octets <paramref name="oid"/>.</summary>
        internal static bool Matches(byte[] data, int offset, int length, byte[] oid)
        {
            if (length != oid.Length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                if (data[offset + i] != oid[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when the range starts with <paramref name="arc"/> and has exactly <paramref name="extra"/> more octets.</summary>
        internal static bool IsUnder(byte[] data, int offset, int length, byte[] arc, int extra)
        {
            if (length != arc.Length + extra)
            {
                return false;
            }

            for (int i = 0; i < arc.Length; i++)
            {
                if (data[offset + i] != arc[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
