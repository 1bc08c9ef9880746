using System;

namespace NanoMikey.X509.Asn1
{
    /// <summary>
    /// A strict, forward-only DER reader over a byte range (X.690 §10): single-octet tags, definite minimal lengths,
    /// minimal INTEGERs, no trailing bytes. Values are returned as offset/length ranges into the input, never copied.
    /// </summary>
    /// <remarks>
    /// The first failure is sticky: every later read returns false, and <see cref="Status"/> and <see cref="ErrorOffset"/>
    /// keep the first error, so a caller can read a whole structure and check once. Constructed elements are entered
    /// with <see cref="Enter"/> and left with <see cref="Exit"/>, which rejects unread bytes. One reader can be reused
    /// through <see cref="Reset"/>; reading allocates nothing.
    /// </remarks>
    public sealed class DerReader
    {
        /// <summary>Nesting depth used by the parameterless constructor; X.509 certificates need about 8.</summary>
        public const int DefaultMaxDepth = 16;

        private static readonly byte[] Empty = new byte[0];

        private readonly int[] _ends;
        private byte[] _data;
        private int _pos;
        private int _end;
        private int _depth;
        private Asn1Status _status;
        private int _errorOffset;

        /// <summary>Creates a reader with the default nesting limit and no input.</summary>
        public DerReader() : this(DefaultMaxDepth)
        {
        }

        /// <summary>Creates a reader that accepts at most <paramref name="maxDepth"/> nested constructed elements.</summary>
        /// <param name="maxDepth">Nesting limit, 1..64.</param>
        public DerReader(int maxDepth)
        {
            if (maxDepth < 1 || maxDepth > 64)
            {
                throw new ArgumentOutOfRangeException("maxDepth");
            }

            _ends = new int[maxDepth];
            _data = Empty;
        }

        /// <summary>Creates a reader over <paramref name="length"/> bytes of <paramref name="data"/> with the default nesting limit.</summary>
        /// <param name="data">Input buffer (kept by reference).</param>
        /// <param name="offset">Start of the DER input.</param>
        /// <param name="length">Length of the DER input.</param>
        public DerReader(byte[] data, int offset, int length) : this(DefaultMaxDepth)
        {
            Reset(data, offset, length);
        }

        /// <summary>The input buffer; all offsets returned by the reader index into it.</summary>
        public byte[] Data
        {
            get { return _data; }
        }

        /// <summary>The first error met, or <see cref="Asn1Status.Ok"/>.</summary>
        public Asn1Status Status
        {
            get { return _status; }
        }

        /// <summary>Offset in <see cref="Data"/> of the element (or byte) where the first error was found; -1 while there is none.</summary>
        public int ErrorOffset
        {
            get { return _status == Asn1Status.Ok ? -1 : _errorOffset; }
        }

        /// <summary>True while no error has been met.</summary>
        public bool IsOk
        {
            get { return _status == Asn1Status.Ok; }
        }

        /// <summary>Offset in <see cref="Data"/> of the next element to read.</summary>
        public int Position
        {
            get { return _pos; }
        }

        /// <summary>Number of constructed elements currently entered.</summary>
        public int Depth
        {
            get { return _depth; }
        }

        /// <summary>True when no error has been met and the current element (or the input) has unread bytes.</summary>
        public bool HasData
        {
            get { return _status == Asn1Status.Ok && _pos < _end; }
        }

        /// <summary>Starts reading a new input; clears the error and the nesting.</summary>
        /// <param name="data">Input buffer (kept by reference).</param>
        /// <param name="offset">Start of the DER input.</param>
        /// <param name="length">Length of the DER input.</param>
        public void Reset(byte[] data, int offset, int length)
        {
            CheckRange(data, offset, length);
            _data = data;
            _pos = offset;
            _end = offset + length;
            _depth = 0;
            _status = Asn1Status.Ok;
            _errorOffset = 0;
        }

        /// <summary>Records an error found by the caller (e.g. an unsupported algorithm); keeps an earlier error if there is one.</summary>
        /// <param name="status">The error; must not be <see cref="Asn1Status.Ok"/>.</param>
        /// <param name="offset">Offset in <see cref="Data"/> the error refers to.</param>
        /// <returns>Always false, so that callers can write <c>return reader.Fail(...)</c>.</returns>
        public bool Fail(Asn1Status status, int offset)
        {
            if (status == Asn1Status.Ok)
            {
                throw new ArgumentException("An error status is required.", "status");
            }

            if (_status == Asn1Status.Ok)
            {
                _status = status;
                _errorOffset = offset;
            }

            return false;
        }

        /// <summary>The identifier octet of the next element, or -1 when there is none (or after an error).</summary>
        /// <returns>The tag byte, not yet validated.</returns>
        public int PeekTag()
        {
            return HasData ? _data[_pos] : -1;
        }

        /// <summary>Reads any element and moves past it.</summary>
        /// <param name="tag">Its identifier octet.</param>
        /// <param name="contentOffset">Offset of its contents.</param>
        /// <param name="contentLength">Length of its contents.</param>
        /// <returns>False on error (see <see cref="Status"/>).</returns>
        public bool ReadAny(out int tag, out int contentOffset, out int contentLength)
        {
            tag = 0;
            contentOffset = 0;
            contentLength = 0;
            if (_status != Asn1Status.Ok)
            {
                return false;
            }

            Asn1Status s = ReadHeader(_data, _pos, _end, out tag, out contentOffset, out contentLength);
            if (s != Asn1Status.Ok)
            {
                return Fail(s, _pos);
            }

            _pos = contentOffset + contentLength;
            return true;
        }

        /// <summary>Reads an element that must carry <paramref name="expectedTag"/> and moves past it.</summary>
        /// <param name="expectedTag">Required identifier octet.</param>
        /// <param name="contentOffset">Offset of its contents.</param>
        /// <param name="contentLength">Length of its contents.</param>
        /// <returns>False on error (see <see cref="Status"/>).</returns>
        public bool ReadElement(int expectedTag, out int contentOffset, out int contentLength)
        {
            int start = _pos;
            int tag;
            if (!ReadAny(out tag, out contentOffset, out contentLength))
            {
                return false;
            }

            if (tag != expectedTag)
            {
                _pos = start;
                contentOffset = 0;
                contentLength = 0;
                return Fail(Asn1Status.UnexpectedTag, start);
            }

            return true;
        }

        /// <summary>Reads the next element whole (header and contents) and returns its encoded range.</summary>
        /// <param name="offset">Offset of the element's identifier octet.</param>
        /// <param name="length">Length of the whole encoding.</param>
        /// <returns>False on error (see <see cref="Status"/>).</returns>
        public bool ReadEncodedValue(out int offset, out int length)
        {
            offset = _pos;
            int tag;
            int contentOffset;
            int contentLength;
            if (!ReadAny(out tag, out contentOffset, out contentLength))
            {
                offset = 0;
                length = 0;
                return false;
            }

            length = _pos - offset;
            return true;
        }

        /// <summary>Skips the next element, whatever its tag.</summary>
        /// <returns>False on error (see <see cref="Status"/>).</returns>
        public bool Skip()
        {
            int tag;
            int contentOffset;
            int contentLength;
            return ReadAny(out tag, out contentOffset, out contentLength);
        }

        /// <summary>Enters a constructed element with tag <paramref name="tag"/>; reads then stay inside it until <see cref="Exit"/>.</summary>
        /// <param name="tag">Required identifier octet (constructed).</param>
        /// <returns>False on error (see <see cref="Status"/>).</returns>
        public bool Enter(int tag)
        {
            if ((tag & Asn1Tag.ConstructedFlag) == 0)
            {
                throw new ArgumentException("Only constructed tags can be entered.", "tag");
            }

            int start = _pos;
            int contentOffset;
            int contentLength;
            if (!ReadElement(tag, out contentOffset, out contentLength))
            {
                return false;
            }

            if (_depth == _ends.Length)
            {
                return Fail(Asn1Status.NestingTooDeep, start);
            }

            _ends[_depth++] = _end;
            _pos = contentOffset;
            _end = contentOffset + contentLength;
            return true;
        }

        /// <summary>Enters a SEQUENCE.</summary>
        /// <returns>False on error (see <see cref="Status"/>).</returns>
        public bool EnterSequence()
        {
            return Enter(Asn1Tag.Sequence);
        }

        /// <summary>Enters a SET.</summary>
        /// <returns>False on error (see <see cref="Status"/>).</returns>
        public bool EnterSet()
        {
            return Enter(Asn1Tag.Set);
        }

        /// <summary>Leaves the innermost entered element, which must have been read completely.</summary>
        /// <returns>False on error, including <see cref="Asn1Status.TrailingData"/> for unread contents.</returns>
        /// <exception cref="InvalidOperationException">No element is entered.</exception>
        public bool Exit()
        {
            if (_status != Asn1Status.Ok)
            {
                return false;
            }

            if (_depth == 0)
            {
                throw new InvalidOperationException("No constructed element is entered.");
            }

            if (_pos != _end)
            {
                return Fail(Asn1Status.TrailingData, _pos);
            }

            _end = _ends[--_depth];
            return true;
        }

        /// <summary>Checks that the whole input was read: no element left entered and no trailing bytes.</summary>
        /// <returns>False on error, including <see cref="Asn1Status.TrailingData"/>.</returns>
        /// <exception cref="InvalidOperationException">An entered element was not left.</exception>
        public bool Finish()
        {
            if (_status != Asn1Status.Ok)
            {
                return false;
            }

            if (_depth != 0)
            {
                throw new InvalidOperationException("A constructed element is still entered.");
            }

            if (_pos != _end)
            {
                return Fail(Asn1Status.TrailingData, _pos);
            }

            return true;
        }

        /// <summary>Reads a DER INTEGER of any sign and returns its two's-complement content octets.</summary>
        /// <param name="contentOffset">Offset of the content octets.</param>
        /// <param name="contentLength">Number of content octets (at least 1).</param>
        /// <returns>False on error (see <see cref="Status"/>).</returns>
        public bool ReadInteger(out int contentOffset, out int contentLength)
        {
            int start = _pos;
            if (!ReadElement(Asn1Tag.Integer, out contentOffset, out contentLength))
            {
                return false;
            }

            Asn1Status s = CheckInteger(_data, contentOffset, contentLength, false);
            return s == Asn1Status.Ok || Fail(s, start);
        }

        /// <summary>
        /// Reads a non-negative DER INTEGER into exactly <paramref name="size"/> big-endian bytes (left-padded with zeros).
        /// </summary>
        /// <param name="output">Destination buffer; zeroed on error.</param>
        /// <param name="outputOffset">Offset in <paramref name="output"/>.</param>
        /// <param name="size">Field width in bytes; larger values fail with <see cref="Asn1Status.IntegerTooLarge"/>.</param>
        /// <returns>False on error (see <see cref="Status"/>).</returns>
        public bool ReadUnsignedInteger(byte[] output, int outputOffset, int size)
        {
            CheckRange(output, outputOffset, size);
            int start = _pos;
            int contentOffset;
            int contentLength;
            Asn1Status s = Asn1Status.Ok;
            if (ReadElement(Asn1Tag.Integer, out contentOffset, out contentLength))
            {
                s = CopyUnsignedInteger(_data, contentOffset, contentLength, output, outputOffset, size);
            }

            if (s != Asn1Status.Ok || _status != Asn1Status.Ok)
            {
                Array.Clear(output, outputOffset, size);
                return s == Asn1Status.Ok ? false : Fail(s, start);
            }

            return true;
        }

        /// <summary>Reads a non-negative DER INTEGER that fits in an <see cref="int"/> (versions, small counters).</summary>
        /// <param name="value">The value; 0 on error.</param>
        /// <returns>False on error (see <see cref="Status"/>).</returns>
        public bool ReadNonNegativeInt32(out int value)
        {
            value = 0;
            int start = _pos;
            int contentOffset;
            int contentLength;
            if (!ReadInteger(out contentOffset, out contentLength))
            {
                return false;
            }

            if (_data[contentOffset] >= 0x80)
            {
                return Fail(Asn1Status.NegativeInteger, start);
            }

            // A minimal non-negative int32 has at most 4 octets, or 5 with a leading 0x00.
            if (contentLength > 5 || (contentLength == 5 && _data[contentOffset] != 0))
            {
                return Fail(Asn1Status.IntegerTooLarge, start);
            }

            int v = 0;
            for (int i = 0; i < contentLength; i++)
            {
                v = (v << 8) | _data[contentOffset + i];
            }

            if (v < 0)
            {
                return Fail(Asn1Status.IntegerTooLarge, start);
            }

            value = v;
            return true;
        }

        /// <summary>Reads a DER BOOLEAN (one octet, 0x00 or 0xFF; X.690 §11.1).</summary>
        /// <param name="value">The value; false on error.</param>
        /// <returns>False on error (see <see cref="Status"/>).</returns>
        public bool ReadBoolean(out bool value)
        {
            value = false;
            int start = _pos;
            int contentOffset;
            int contentLength;
            if (!ReadElement(Asn1Tag.Boolean, out contentOffset, out contentLength))
            {
                return false;
            }

            if (contentLength != 1 || (_data[contentOffset] != 0 && _data[contentOffset] != 0xFF))
            {
                return Fail(Asn1Status.InvalidBoolean, start);
            }

            value = _data[contentOffset] != 0;
            return true;
        }

        /// <summary>Reads a NULL (no content octets).</summary>
        /// <returns>False on error (see <see cref="Status"/>).</returns>
        public bool ReadNull()
        {
            int start = _pos;
            int contentOffset;
            int contentLength;
            if (!ReadElement(Asn1Tag.Null, out contentOffset, out contentLength))
            {
                return false;
            }

            return contentLength == 0 || Fail(Asn1Status.InvalidNull, start);
        }

        /// <summary>Reads an OBJECT IDENTIFIER and checks its encoding (X.690 §8.19).</summary>
        /// <param name="contentOffset">Offset of the content octets.</param>
        /// <param name="contentLength">Number of content octets.</param>
        /// <returns>False on error (see <see cref="Status"/>).</returns>
        public bool ReadObjectIdentifier(out int contentOffset, out int contentLength)
        {
            int start = _pos;
            if (!ReadElement(Asn1Tag.ObjectIdentifier, out contentOffset, out contentLength))
            {
                return false;
            }

            return CheckObjectIdentifier(_data, contentOffset, contentLength) || Fail(Asn1Status.InvalidObjectIdentifier, start);
        }

        /// <summary>Reads a universal BIT STRING and checks its DER form (X.690 §11.2).</summary>
        /// <param name="unusedBits">Number of unused bits in the last octet, 0..7.</param>
        /// <param name="contentOffset">Offset of the bit octets (after the unused-bits octet).</param>
        /// <param name="contentLength">Number of bit octets.</param>
        /// <returns>False on error (see <see cref="Status"/>).</returns>
        public bool ReadBitString(out int unusedBits, out int contentOffset, out int contentLength)
        {
            return ReadBitString(Asn1Tag.BitString, out unusedBits, out contentOffset, out contentLength);
        }

        /// <summary>Reads a BIT STRING carrying tag <paramref name="tag"/> (for IMPLICIT tagging) and checks its DER form.</summary>
        /// <param name="tag">Required identifier octet.</param>
        /// <param name="unusedBits">Number of unused bits in the last octet, 0..7.</param>
        /// <param name="contentOffset">Offset of the bit octets (after the unused-bits octet).</param>
        /// <param name="contentLength">Number of bit octets.</param>
        /// <returns>False on error (see <see cref="Status"/>).</returns>
        public bool ReadBitString(int tag, out int unusedBits, out int contentOffset, out int contentLength)
        {
            unusedBits = 0;
            int start = _pos;
            int off;
            int len;
            if (!ReadElement(tag, out off, out len))
            {
                contentOffset = 0;
                contentLength = 0;
                return false;
            }

            contentOffset = 0;
            contentLength = 0;
            if (len == 0)
            {
                return Fail(Asn1Status.InvalidBitString, start);
            }

            int unused = _data[off];
            if (unused > 7 || (len == 1 && unused != 0))
            {
                return Fail(Asn1Status.InvalidBitString, start);
            }

            // X.690 §11.2.1: the unused bits of the last octet are zero in DER.
            if (unused != 0 && (_data[off + len - 1] & ((1 << unused) - 1)) != 0)
            {
                return Fail(Asn1Status.InvalidBitString, start);
            }

            unusedBits = unused;
            contentOffset = off + 1;
            contentLength = len - 1;
            return true;
        }

        /// <summary>Reads a universal OCTET STRING (primitive, as DER requires).</summary>
        /// <param name="contentOffset">Offset of the octets.</param>
        /// <param name="contentLength">Number of octets.</param>
        /// <returns>False on error (see <see cref="Status"/>).</returns>
        public bool ReadOctetString(out int contentOffset, out int contentLength)
        {
            return ReadElement(Asn1Tag.OctetString, out contentOffset, out contentLength);
        }

        /// <summary>
        /// Reads a UTCTime or GeneralizedTime in the DER form RFC 5280 §4.1.2.5 requires (seconds present, 'Z', no fraction)
        /// as seconds since 1900-01-01T00:00:00Z (the NTP era-0 origin, not wrapped at 2036).
        /// </summary>
        /// <param name="ntpSeconds">Seconds since 1900-01-01 UTC; 0 on error.</param>
        /// <returns>False on error (see <see cref="Status"/>); years before 1900 are <see cref="Asn1Status.InvalidTime"/>.</returns>
        public bool ReadTime(out ulong ntpSeconds)
        {
            ntpSeconds = 0;
            int start = _pos;
            int tag;
            int contentOffset;
            int contentLength;
            if (!ReadAny(out tag, out contentOffset, out contentLength))
            {
                return false;
            }

            if (tag != Asn1Tag.UtcTime && tag != Asn1Tag.GeneralizedTime)
            {
                _pos = start;
                return Fail(Asn1Status.UnexpectedTag, start);
            }

            Asn1Status s = ParseTime(_data, contentOffset, contentLength, tag == Asn1Tag.GeneralizedTime, out ntpSeconds);
            return s == Asn1Status.Ok || Fail(s, start);
        }

        // ---- Allocation-free primitives shared with the fixed-layout codecs. ----

        /// <summary>Reads one DER header at <paramref name="pos"/> inside [pos, end) (X.690 §8.1.2, §8.1.3, §10.1).</summary>
        internal static Asn1Status ReadHeader(byte[] d, int pos, int end, out int tag, out int contentOffset, out int contentLength)
        {
            tag = 0;
            contentOffset = 0;
            contentLength = 0;
            if (pos >= end)
            {
                return Asn1Status.MissingElement;
            }

            int t = d[pos++];
            if (t == 0 || (t & 0x1F) == 0x1F)
            {
                return Asn1Status.InvalidTag;
            }

            if (pos >= end)
            {
                return Asn1Status.Truncated;
            }

            int b = d[pos++];
            int len;
            if (b < 0x80)
            {
                len = b;
            }
            else if (b == 0x80)
            {
                return Asn1Status.IndefiniteLength;
            }
            else
            {
                int n = b & 0x7F;
                if (n > 4)
                {
                    return Asn1Status.LengthTooLarge;
                }

                if (end - pos < n)
                {
                    return Asn1Status.Truncated;
                }

                if (d[pos] == 0)
                {
                    return Asn1Status.NonMinimalLength;
                }

                if (n == 4 && d[pos] >= 0x80)
                {
                    return Asn1Status.LengthTooLarge;
                }

                len = 0;
                for (int i = 0; i < n; i++)
                {
                    len = (len << 8) | d[pos++];
                }

                if (len < 0x80)
                {
                    return Asn1Status.NonMinimalLength;
                }
            }

            if (len > end - pos)
            {
                return Asn1Status.Truncated;
            }

            tag = t;
            contentOffset = pos;
            contentLength = len;
            return Asn1Status.Ok;
        }

        /// <summary>Reads one DER header at <paramref name="pos"/> that must carry <paramref name="expectedTag"/> (UnexpectedTag otherwise).</summary>
        internal static Asn1Status ReadHeader(byte[] d, int pos, int end, int expectedTag, out int contentOffset, out int contentLength)
        {
            int tag;
            Asn1Status s = ReadHeader(d, pos, end, out tag, out contentOffset, out contentLength);
            return s == Asn1Status.Ok && tag != expectedTag ? Asn1Status.UnexpectedTag : s;
        }

        /// <summary>Reads the header of a SEQUENCE that must fill [pos, end) exactly (TrailingData otherwise); out: where its contents start.</summary>
        internal static Asn1Status ReadWholeSequence(byte[] d, int pos, int end, out int contentOffset)
        {
            int len;
            Asn1Status s = ReadHeader(d, pos, end, Asn1Tag.Sequence, out contentOffset, out len);
            return s == Asn1Status.Ok && contentOffset + len != end ? Asn1Status.TrailingData : s;
        }

        /// <summary>X.690 §8.3.2: at least one octet, first nine bits not all equal.</summary>
        internal static Asn1Status CheckInteger(byte[] d, int off, int len, bool requireNonNegative)
        {
            if (len == 0)
            {
                return Asn1Status.NonMinimalInteger;
            }

            if (len > 1 && ((d[off] == 0 && d[off + 1] < 0x80) || (d[off] == 0xFF && d[off + 1] >= 0x80)))
            {
                return Asn1Status.NonMinimalInteger;
            }

            if (requireNonNegative && d[off] >= 0x80)
            {
                return Asn1Status.NegativeInteger;
            }

            return Asn1Status.Ok;
        }

        /// <summary>Checks a non-negative INTEGER's contents and copies its magnitude right-aligned into size bytes.</summary>
        internal static Asn1Status CopyUnsignedInteger(byte[] d, int off, int len, byte[] output, int outputOffset, int size)
        {
            Asn1Status s = CheckInteger(d, off, len, true);
            if (s != Asn1Status.Ok)
            {
                return s;
            }

            if (len > 1 && d[off] == 0)
            {
                off++;
                len--;
            }

            if (len > size)
            {
                return Asn1Status.IntegerTooLarge;
            }

            int pad = size - len;
            Array.Clear(output, outputOffset, pad);
            Array.Copy(d, off, output, outputOffset + pad, len);
            return Asn1Status.Ok;
        }

        /// <summary>X.690 §8.19.2: non-empty, each sub-identifier minimal (no leading 0x80), last octet ends a sub-identifier.</summary>
        internal static bool CheckObjectIdentifier(byte[] d, int off, int len)
        {
            if (len == 0 || (d[off + len - 1] & 0x80) != 0)
            {
                return false;
            }

            bool atStart = true;
            for (int i = off; i < off + len; i++)
            {
                if (atStart && d[i] == 0x80)
                {
                    return false;
                }

                atStart = (d[i] & 0x80) == 0;
            }

            return true;
        }

        /// <summary>Parses DER UTCTime "YYMMDDHHMMSSZ" or GeneralizedTime "YYYYMMDDHHMMSSZ" (RFC 5280 §4.1.2.5.1, §4.1.2.5.2).</summary>
        internal static Asn1Status ParseTime(byte[] d, int off, int len, bool generalized, out ulong ntpSeconds)
        {
            ntpSeconds = 0;
            int digits = generalized ? 14 : 12;
            if (len != digits + 1 || d[off + digits] != (byte)'Z')
            {
                return Asn1Status.InvalidTime;
            }

            for (int i = 0; i < digits; i++)
            {
                int c = d[off + i];
                if (c < '0' || c > '9')
                {
                    return Asn1Status.InvalidTime;
                }
            }

            int year;
            int p = off;
            if (generalized)
            {
                year = (Two(d, p) * 100) + Two(d, p + 2);
                p += 4;
            }
            else
            {
                // RFC 5280 §4.1.2.5.1: YY >= 50 is 19YY, YY < 50 is 20YY.
                int yy = Two(d, p);
                year = yy >= 50 ? 1900 + yy : 2000 + yy;
                p += 2;
            }

            int month = Two(d, p);
            int day = Two(d, p + 2);
            int hour = Two(d, p + 4);
            int minute = Two(d, p + 6);
            int second = Two(d, p + 8);
            if (year < 1900 || month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)
                || hour > 23 || minute > 59 || second > 59)
            {
                return Asn1Status.InvalidTime;
            }

            long days = DaysFromCivil(year, month, day) - DaysFromCivil(1900, 1, 1);
            ntpSeconds = (ulong)((days * 86400L) + (hour * 3600L) + (minute * 60L) + second);
            return Asn1Status.Ok;
        }

        /// <summary>Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), for years >= 1.</summary>
        internal static long DaysFromCivil(int year, int month, int day)
        {
            long y = month <= 2 ? year - 1 : year;
            long era = y / 400;
            long yoe = y - (era * 400);
            long doy = ((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5 + day - 1;
            long doe = (yoe * 365) + (yoe / 4) - (yoe / 100) + doy;
            return (era * 146097) + doe - 719468;
        }

        internal static void CheckRange(byte[] data, int offset, int length)
        {
            if (data == null)
            {
                throw new ArgumentNullException("data");
            }

            if (offset < 0 || length < 0 || offset > data.Length || length > data.Length - offset)
            {
                throw new ArgumentOutOfRangeException("offset", "Offset and length do not describe a range of the buffer.");
            }
        }

        private static int Two(byte[] d, int p)
        {
            return ((d[p] - '0') * 10) + (d[p + 1] - '0');
        }

        private static int DaysInMonth(int year, int month)
        {
            if (month == 2)
            {
                bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            }

            return (month == 4 || month == 6 || month == 9 || month == 11) ? 30 : 31;
        }
    }
}
