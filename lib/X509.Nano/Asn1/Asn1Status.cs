namespace NanoMikey.X509.Asn1
{
    /// <summary>
    /// Outcome of a DER, key-format or certificate operation; every malformed input maps to one of these values
    /// (together with the byte offset where reading stopped), never to an exception.
    /// </summary>
    public enum Asn1Status
    {
        /// <summary>Success.</summary>
        Ok = 0,

        /// <summary>An element's header or contents run past the end of the input or of the enclosing element.</summary>
        Truncated = 1,

        /// <summary>An element was expected but the input or the enclosing element has ended.</summary>
        MissingElement = 2,

        /// <summary>The identifier octet is 0 (end-of-contents) or uses the high-tag-number form, which no supported structure needs.</summary>
        InvalidTag = 3,

        /// <summary>The element has another tag than the structure requires.</summary>
        UnexpectedTag = 4,

        /// <summary>Indefinite length (0x80), allowed in BER but not in DER (X.690 §10.1).</summary>
        IndefiniteLength = 5,

        /// <summary>The length uses more octets than needed (X.690 §10.1, §8.1.3.5).</summary>
        NonMinimalLength = 6,

        /// <summary>The length does not fit in 31 bits or uses the reserved form 0xFF.</summary>
        LengthTooLarge = 7,

        /// <summary>Bytes remain after the last element of the input or of a constructed element.</summary>
        TrailingData = 8,

        /// <summary>Constructed elements are nested deeper than the reader allows.</summary>
        NestingTooDeep = 9,

        /// <summary>An INTEGER has no content octets or a redundant leading 0x00/0xFF octet (X.690 §8.3.2).</summary>
        NonMinimalInteger = 10,

        /// <summary>An INTEGER is negative where only non-negative values are allowed.</summary>
        NegativeInteger = 11,

        /// <summary>An INTEGER does not fit in the room the structure allows.</summary>
        IntegerTooLarge = 12,

        /// <summary>A BOOLEAN is not one octet of 0x00 or 0xFF (X.690 §11.1).</summary>
        InvalidBoolean = 13,

        /// <summary>A NULL has content octets.</summary>
        InvalidNull = 14,

        /// <summary>A BIT STRING is empty, has more than 7 unused bits, or non-zero padding bits (X.690 §11.2).</summary>
        InvalidBitString = 15,

        /// <summary>An OBJECT IDENTIFIER is empty, truncated or has a sub-identifier with a leading 0x80 octet (X.690 §8.19).</summary>
        InvalidObjectIdentifier = 16,

        /// <summary>A UTCTime or GeneralizedTime is not in the DER form of RFC 5280 §4.1.2.5 or names an impossible date.</summary>
        InvalidTime = 17,

        /// <summary>A character string is not valid for its type.</summary>
        InvalidString = 18,

        /// <summary>A DER SET OF is not sorted (X.690 §11.6) or a DEFAULT value is encoded (X.690 §11.5).</summary>
        NotCanonical = 19,

        /// <summary>The output buffer is too small; nothing usable was written.</summary>
        BufferTooSmall = 20,

        /// <summary>A structure version this reader does not support.</summary>
        UnsupportedVersion = 21,

        /// <summary>An algorithm identifier that is well-formed but not supported (e.g. a key type or hash the operation does not handle).</summary>
        UnsupportedAlgorithm = 22,

        /// <summary>An elliptic curve other than P-256 (prime256v1), or implicit/explicit curve parameters.</summary>
        UnsupportedCurve = 23,

        /// <summary>Algorithm parameters are present where they must be absent, or the reverse.</summary>
        InvalidParameters = 24,

        /// <summary>A public key point encoding that is neither 65-byte uncompressed nor 33-byte compressed SEC 1 form, or not on the curve.</summary>
        InvalidPublicKey = 25,

        /// <summary>A private key that is not a 32-byte scalar in [1, n-1].</summary>
        InvalidPrivateKey = 26,

        /// <summary>The certificate's outer signatureAlgorithm differs from the TBS signature field (RFC 5280 §4.1.1.2).</summary>
        AlgorithmMismatch = 27,

        /// <summary>An extension appears twice (RFC 5280 §4.2).</summary>
        DuplicateExtension = 28,

        /// <summary>A field that is only allowed in a later certificate version (RFC 5280 §4.1.2.8, §4.1.2.9).</summary>
        FieldNotAllowed = 29,

        /// <summary>The requested attribute or extension is not present.</summary>
        NotFound = 30,

        /// <summary>The signature does not verify under the given key.</summary>
        SignatureInvalid = 31,

        /// <summary>The issuer certificate's subject does not match this certificate's issuer name.</summary>
        IssuerMismatch = 32,

        /// <summary>The signature algorithm (RSA) is verified by an <see cref="NanoMikey.X509.IX509SignatureVerifier"/> and none was given.</summary>
        VerifierMissing = 33,
    }
}
