using System;
using NanoMikey.X509.Asn1;

namespace NanoMikey.X509
{
    /// <summary>
    /// Reads X.501 Names (RFC 5280 §4.1.2.4): <c>SEQUENCE OF SET OF SEQUENCE { type OID, value ANY }</c>, kept as raw
    /// DER ranges; attribute values are decoded to text only on request, for display.
    /// </summary>
    public static class X509Name
    {
        /// <summary>Finds the first attribute of type <paramref name="attribute"/> (in encoding order) in a DER Name.</summary>
        /// <param name="data">Buffer holding the Name.</param>
        /// <param name="nameOffset">Offset of the Name's SEQUENCE.</param>
        /// <param name="nameLength">Length of the whole Name encoding.</param>
        /// <param name="attribute">Attribute type to find.</param>
        /// <param name="valueTag">Identifier octet of the value (e.g. UTF8String).</param>
        /// <param name="valueOffset">Offset of the value's content octets.</param>
        /// <param name="valueLength">Length of the value's content octets.</param>
        /// <returns><see cref="Asn1Status.Ok"/>, <see cref="Asn1Status.NotFound"/>, or the Name's first encoding error.</returns>
        public static Asn1Status FindAttribute(byte[] data, int nameOffset, int nameLength, X509NameAttribute attribute,
            out int valueTag, out int valueOffset, out int valueLength)
        {
            return FindAttribute(new DerReader(4), data, nameOffset, nameLength, attribute, out valueTag, out valueOffset, out valueLength);
        }

        /// <summary>As the other overload, with a reader the caller owns (depth 4 or more), so repeated lookups allocate nothing.</summary>
        /// <param name="r">Scratch reader, reset by this call.</param>
        /// <param name="data">Buffer holding the Name.</param>
        /// <param name="nameOffset">Offset of the Name's SEQUENCE.</param>
        /// <param name="nameLength">Length of the whole Name encoding.</param>
        /// <param name="attribute">Attribute to find.</param>
        /// <param name="valueTag">Tag of the value found.</param>
        /// <param name="valueOffset">Offset of the value's contents.</param>
        /// <param name="valueLength">Length of the value's contents.</param>
        /// <returns>Ok when found, NotFound, or the structural failure.</returns>
        public static Asn1Status FindAttribute(DerReader r, byte[] data, int nameOffset, int nameLength, X509NameAttribute attribute,
            out int valueTag, out int valueOffset, out int valueLength)
        {
            if (r == null) throw new ArgumentNullException("r");
            DerReader.CheckRange(data, nameOffset, nameLength);
            valueTag = 0;
            valueOffset = 0;
            valueLength = 0;
            r.Reset(data, nameOffset, nameLength);
            bool found = false;
            if (r.EnterSequence())
            {
                while (r.HasData && r.EnterSet())
                {
                    while (r.HasData)
                    {
                        int oidOff;
                        int oidLen;
                        int tag;
                        int off;
                        int len;
                        if (!r.EnterSequence() || !r.ReadObjectIdentifier(out oidOff, out oidLen) || !r.ReadAny(out tag, out off, out len) || !r.Exit())
                        {
                            break;
                        }

                        if (!found && IsAttribute(data, oidOff, oidLen, (int)attribute))
                        {
                            found = true;
                            valueTag = tag;
                            valueOffset = off;
                            valueLength = len;
                        }
                    }

                    r.Exit();
                }

                r.Exit();
            }

            r.Finish();
            if (!r.IsOk)
            {
                valueTag = 0;
                valueOffset = 0;
                valueLength = 0;
                return r.Status;
            }

            return found ? Asn1Status.Ok : Asn1Status.NotFound;
        }

        /// <summary>The first <paramref name="attribute"/> value of a DER Name as text, for display.</summary>
        /// <param name="data">Buffer holding the Name.</param>
        /// <param name="nameOffset">Offset of the Name's SEQUENCE.</param>
        /// <param name="nameLength">Length of the whole Name encoding.</param>
        /// <param name="attribute">Attribute type, e.g. <see cref="X509NameAttribute.CommonName"/>.</param>
        /// <returns>The text, or null when absent, malformed, or not a decodable string type.</returns>
        public static string? GetAttributeString(byte[] data, int nameOffset, int nameLength, X509NameAttribute attribute)
        {
            int tag;
            int off;
            int len;
            if (FindAttribute(data, nameOffset, nameLength, attribute, out tag, out off, out len) != Asn1Status.Ok)
            {
                return null;
            }

            return DecodeString(data, tag, off, len);
        }

        /// <summary>Renders a DER Name for display in RFC 4514 order, most specific RDN first (e.g. "CN=leaf, O=Example, C=DE"); values are not escaped.</summary>
        /// <param name="data">Buffer holding the Name.</param>
        /// <param name="nameOffset">Offset of the Name's SEQUENCE.</param>
        /// <param name="nameLength">Length of the whole Name encoding.</param>
        /// <returns>The text (values that are not decodable strings shown as #hex), or null when the Name is malformed.</returns>
        public static string? ToDisplayString(byte[] data, int nameOffset, int nameLength)
        {
            DerReader.CheckRange(data, nameOffset, nameLength);
            var r = new DerReader(4);
            r.Reset(data, nameOffset, nameLength);
            string text = string.Empty;
            if (r.EnterSequence())
            {
                while (r.HasData && r.EnterSet())
                {
                    string rdn = string.Empty;
                    while (r.HasData)
                    {
                        int oidOff;
                        int oidLen;
                        int tag;
                        int off;
                        int len;
                        int valueStart;
                        if (!r.EnterSequence() || !r.ReadObjectIdentifier(out oidOff, out oidLen))
                        {
                            break;
                        }

                        valueStart = r.Position;
                        if (!r.ReadAny(out tag, out off, out len) || !r.Exit())
                        {
                            break;
                        }

                        string? value = DecodeString(data, tag, off, len);
                        if (value == null)
                        {
                            value = "#" + Hex(data, valueStart, off + len - valueStart);
                        }

                        string part = TypeName(data, oidOff, oidLen) + "=" + value;
                        rdn = rdn.Length == 0 ? part : rdn + "+" + part;
                    }

                    r.Exit();
                    text = text.Length == 0 ? rdn : rdn + ", " + text;
                }

                r.Exit();
            }

            r.Finish();
            return r.IsOk ? text : null;
        }

        /// <summary>True when two DER Names are byte-for-byte identical (the comparison RFC 5280 §7.1 allows for DER).</summary>
        /// <param name="a">First buffer.</param>
        /// <param name="aOffset">Offset of the first Name.</param>
        /// <param name="aLength">Length of the first Name.</param>
        /// <param name="b">Second buffer.</param>
        /// <param name="bOffset">Offset of the second Name.</param>
        /// <param name="bLength">Length of the second Name.</param>
        /// <returns>Whether both encodings are equal.</returns>
        public static bool AreEqual(byte[] a, int aOffset, int aLength, byte[] b, int bOffset, int bLength)
        {
            DerReader.CheckRange(a, aOffset, aLength);
            DerReader.CheckRange(b, bOffset, bLength);
            if (aLength != bLength)
            {
                return false;
            }

            for (int i = 0; i < aLength; i++)
            {
                if (a[aOffset + i] != b[bOffset + i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Decodes a directory string value (UTF8String, PrintableString, IA5String, TeletexString as Latin-1, BMPString,
        /// UniversalString, NumericString, VisibleString) checking the type's character set; U+0000 is refused everywhere.
        /// </summary>
        /// <param name="data">Buffer holding the content octets.</param>
        /// <param name="tag">Identifier octet of the value.</param>
        /// <param name="offset">Offset of the content octets.</param>
        /// <param name="length">Number of content octets.</param>
        /// <returns>The text, or null for other types or invalid contents.</returns>
        public static string? DecodeString(byte[] data, int tag, int offset, int length)
        {
            DerReader.CheckRange(data, offset, length);
            char[] chars;
            int n = 0;
            int end = offset + length;
            switch (tag)
            {
                case Asn1Tag.Utf8String:
                    chars = new char[length];
                    for (int i = offset; i < end;)
                    {
                        int cp;
                        int used = DecodeUtf8(data, i, end, out cp);
                        if (used == 0 || cp == 0)
                        {
                            return null;
                        }

                        i += used;
                        n = Append(chars, n, cp);
                    }

                    break;

                case Asn1Tag.BmpString:
                    if ((length & 1) != 0)
                    {
                        return null;
                    }

                    chars = new char[length / 2];
                    for (int i = offset; i < end; i += 2)
                    {
                        int c = (data[i] << 8) | data[i + 1];
                        if (c == 0)
                        {
                            return null;
                        }

                        chars[n++] = (char)c;
                    }

                    break;

                case Asn1Tag.UniversalString:
                    if ((length & 3) != 0)
                    {
                        return null;
                    }

                    chars = new char[length / 2];
                    for (int i = offset; i < end; i += 4)
                    {
                        if (data[i] != 0 || data[i + 1] > 0x10)
                        {
                            return null;
                        }

                        int cp = (data[i + 1] << 16) | (data[i + 2] << 8) | data[i + 3];
                        if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF))
                        {
                            return null;
                        }

                        n = Append(chars, n, cp);
                    }

                    break;

                case Asn1Tag.PrintableString:
                case Asn1Tag.Ia5String:
                case Asn1Tag.TeletexString:
                case 0x12: // NumericString
                case 0x1A: // VisibleString
                    chars = new char[length];
                    for (int i = offset; i < end; i++)
                    {
                        int c = data[i];
                        if (!Allowed(tag, c))
                        {
                            return null;
                        }

                        chars[n++] = (char)c;
                    }

                    break;

                default:
                    return null;
            }

            return new string(chars, 0, n);
        }

        /// <summary>Checks a Name's structure at the reader's position (SET OF sorted per X.690 §11.6) and returns its range.</summary>
        internal static bool Read(DerReader r, out int offset, out int length)
        {
            offset = r.Position;
            length = 0;
            if (!r.EnterSequence())
            {
                return false;
            }

            while (r.HasData)
            {
                int setStart = r.Position;
                if (!r.EnterSet())
                {
                    return false;
                }

                if (!r.HasData)
                {
                    // RelativeDistinguishedName ::= SET SIZE (1..MAX).
                    return r.IsOk && r.Fail(Asn1Status.MissingElement, setStart);
                }

                int prevOffset = -1;
                int prevLength = 0;
                while (r.HasData)
                {
                    int start = r.Position;
                    int oidOff;
                    int oidLen;
                    if (!r.EnterSequence() || !r.ReadObjectIdentifier(out oidOff, out oidLen) || !r.Skip() || !r.Exit())
                    {
                        return false;
                    }

                    int len = r.Position - start;
                    if (prevOffset >= 0 && CompareSetElements(r.Data, prevOffset, prevLength, start, len) > 0)
                    {
                        return r.Fail(Asn1Status.NotCanonical, start);
                    }

                    prevOffset = start;
                    prevLength = len;
                }

                if (!r.Exit())
                {
                    return false;
                }
            }

            if (!r.Exit())
            {
                return false;
            }

            length = r.Position - offset;
            return true;
        }

        /// <summary>X.690 §11.6: order of SET OF components, as octet strings with the shorter padded by trailing zeros.</summary>
        private static int CompareSetElements(byte[] d, int aOff, int aLen, int bOff, int bLen)
        {
            int max = aLen > bLen ? aLen : bLen;
            for (int i = 0; i < max; i++)
            {
                int x = i < aLen ? d[aOff + i] : 0;
                int y = i < bLen ? d[bOff + i] : 0;
                if (x != y)
                {
                    return x - y;
                }
            }

            return 0;
        }

        private static bool IsAttribute(byte[] d, int off, int len, int arc)
        {
            return arc < 128 && Asn1Oid.IsUnder(d, off, len, Asn1Oid.AttributeTypeArc, 1) && d[off + 2] == arc;
        }

        private static string TypeName(byte[] d, int off, int len)
        {
            if (Asn1Oid.IsUnder(d, off, len, Asn1Oid.AttributeTypeArc, 1))
            {
                switch (d[off + 2])
                {
                    case 3: return "CN";
                    case 5: return "SERIALNUMBER";
                    case 6: return "C";
                    case 7: return "L";
                    case 8: return "ST";
                    case 9: return "STREET";
                    case 10: return "O";
                    case 11: return "OU";
                }
            }

            string? dotted = Asn1Oid.ToDottedString(d, off, len);
            return dotted == null ? "?" : dotted;
        }

        private static bool Allowed(int tag, int c)
        {
            if (c == 0)
            {
                return false;
            }

            switch (tag)
            {
                case Asn1Tag.PrintableString:
                    // X.680 §41.4: A-Z a-z 0-9 space ' ( ) + , - . / : = ?
                    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                        || c == ' ' || c == '\'' || c == '(' || c == ')' || c == '+' || c == ','
                        || c == '-' || c == '.' || c == '/' || c == ':' || c == '=' || c == '?';
                case Asn1Tag.Ia5String:
                    return c < 0x80;
                case 0x12:
                    return (c >= '0' && c <= '9') || c == ' ';
                case 0x1A:
                    return c >= 0x20 && c <= 0x7E;
                default:
                    return true; // TeletexString read as Latin-1, as common practice does.
            }
        }

        /// <summary>Strict UTF-8 (RFC 3629 §3): no overlong forms, no surrogates, nothing above U+10FFFF. Returns bytes used, 0 if invalid.</summary>
        private static int DecodeUtf8(byte[] d, int i, int end, out int cp)
        {
            cp = 0;
            int b0 = d[i];
            int need;
            int min;
            if (b0 < 0x80)
            {
                cp = b0;
                return 1;
            }
            else if (b0 >= 0xC2 && b0 <= 0xDF)
            {
                need = 1;
                min = 0x80;
                cp = b0 & 0x1F;
            }
            else if (b0 >= 0xE0 && b0 <= 0xEF)
            {
                need = 2;
                min = 0x800;
                cp = b0 & 0x0F;
            }
            else if (b0 >= 0xF0 && b0 <= 0xF4)
            {
                need = 3;
                min = 0x10000;
                cp = b0 & 0x07;
            }
            else
            {
                return 0;
            }

            if (end - i - 1 < need)
            {
                return 0;
            }

            for (int k = 1; k <= need; k++)
            {
                int b = d[i + k];
                if ((b & 0xC0) != 0x80)
                {
                    return 0;
                }

                cp = (cp << 6) | (b & 0x3F);
            }

            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            {
                return 0;
            }

            return need + 1;
        }

        private static int Append(char[] chars, int n, int cp)
        {
            if (cp < 0x10000)
            {
                chars[n++] = (char)cp;
                return n;
            }

            cp -= 0x10000;
            chars[n++] = (char)(0xD800 + (cp >> 10));
            chars[n++] = (char)(0xDC00 + (cp & 0x3FF));
            return n;
        }

        private static string Hex(byte[] d, int off, int len)
        {
            const string Digits = "0123456789abcdef";
            char[] c = new char[len * 2];
            for (int i = 0; i < len; i++)
            {
                c[2 * i] = Digits[d[off + i] >> 4];
                c[(2 * i) + 1] = Digits[d[off + i] & 0xF];
            }

            return new string(c);
        }
    }
}
