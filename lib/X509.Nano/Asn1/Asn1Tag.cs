namespace NanoMikey.X509.Asn1
{
    /// <summary>
    /// Identifier octets (class, constructed bit and number in one byte) of the ASN.1 types the DER reader and writer handle.
    /// Only the low-tag-number form (numbers 0..30) is supported.
    /// </summary>
    public static class Asn1Tag
    {
        /// <summary>UNIVERSAL 1, BOOLEAN.</summary>
        public const int Boolean = 0x01;

        /// <summary>UNIVERSAL 2, INTEGER.</summary>
        public const int Integer = 0x02;

        /// <summary>UNIVERSAL 3, BIT STRING (primitive; DER forbids the constructed form).</summary>
        public const int BitString = 0x03;

        /// <summary>UNIVERSAL 4, OCTET STRING (primitive).</summary>
        public const int OctetString = 0x04;

        /// <summary>UNIVERSAL 5, NULL.</summary>
        public const int Null = 0x05;

        /// <summary>UNIVERSAL 6, OBJECT IDENTIFIER.</summary>
        public const int ObjectIdentifier = 0x06;

        /// <summary>UNIVERSAL 12, UTF8String.</summary>
        public const int Utf8String = 0x0C;

        /// <summary>UNIVERSAL 19, PrintableString.</summary>
        public const int PrintableString = 0x13;

        /// <summary>UNIVERSAL 20, TeletexString (T61String).</summary>
        public const int TeletexString = 0x14;

        /// <summary>UNIVERSAL 22, IA5String.</summary>
        public const int Ia5String = 0x16;

        /// <summary>UNIVERSAL 23, UTCTime.</summary>
        public const int UtcTime = 0x17;

        /// <summary>UNIVERSAL 24, GeneralizedTime.</summary>
        public const int GeneralizedTime = 0x18;

        /// <summary>UNIVERSAL 28, UniversalString (UCS-4 big-endian).</summary>
        public const int UniversalString = 0x1C;

        /// <summary>UNIVERSAL 30, BMPString (UCS-2 big-endian).</summary>
        public const int BmpString = 0x1E;

        /// <summary>UNIVERSAL 16 constructed, SEQUENCE / SEQUENCE OF.</summary>
        public const int Sequence = 0x30;

        /// <summary>UNIVERSAL 17 constructed, SET / SET OF.</summary>
        public const int Set = 0x31;

        /// <summary>The constructed bit of an identifier octet.</summary>
        public const int ConstructedFlag = 0x20;

        /// <summary>Identifier octet of a constructed context-specific tag [number], as used by EXPLICIT tagging.</summary>
        /// <param name="number">Tag number, 0..30.</param>
        /// <returns>The identifier octet.</returns>
        public static int ContextConstructed(int number)
        {
            CheckNumber(number);
            return 0xA0 | number;
        }

        /// <summary>Identifier octet of a primitive context-specific tag [number], as used by IMPLICIT tagging of primitive types.</summary>
        /// <param name="number">Tag number, 0..30.</param>
        /// <returns>The identifier octet.</returns>
        public static int ContextPrimitive(int number)
        {
            CheckNumber(number);
            return 0x80 | number;
        }

        private static void CheckNumber(int number)
        {
            if (number < 0 || number > 30)
            {
                throw new System.ArgumentOutOfRangeException("number");
            }
        }
    }
}
