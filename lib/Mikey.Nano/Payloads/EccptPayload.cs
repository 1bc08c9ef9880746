namespace NanoMikey.Mikey.Payloads
{
    /// <summary>ECCPT, EC Diffie-Hellman payload (RFC 6267 §6.1.4): curve, SEC 1 point padded to 32 bits, Auth alg, TGK len, KV.</summary>
    public sealed class EccptPayload : KeyValidityPayloadView
    {
        /// <summary>ECC Curve.</summary>
        public EccCurve Curve
        {
            get { return (EccCurve)U8(1); }
        }

        /// <summary>Absolute offset of the ECC point (SEC 1 octet string).</summary>
        public int PointOffset
        {
            get { return _offset + 2; }
        }

        /// <summary>Length of the ECC point without padding.</summary>
        public int PointLength
        {
            get { return PointLengthOf(Curve, U8(2)); }
        }

        /// <summary>Length of the ECC point field including its padding to a 32-bit boundary.</summary>
        public int PaddedPointLength
        {
            get { return (PointLength + 3) & ~3; }
        }

        /// <summary>Auth alg: MAC algorithm for the verification message.</summary>
        public MacAlgorithm AuthAlgorithm
        {
            get { return (MacAlgorithm)U8(2 + PaddedPointLength); }
        }

        /// <summary>TGK len in bytes.</summary>
        public int TgkLength
        {
            get { return U16(3 + PaddedPointLength); }
        }

        /// <inheritdoc />
        public override KvType Kv
        {
            get { return (KvType)(U8(5 + PaddedPointLength) & 0x0F); }
        }

        /// <summary>Field element size in bytes of a curve, or -1 when unknown.</summary>
        public static int FieldLengthOf(EccCurve curve)
        {
            switch (curve)
            {
                case EccCurve.P192: return 24;
                case EccCurve.B163:
                case EccCurve.K163:
                case EccCurve.Sect163r1: return 21;
                case EccCurve.P224: return 28;
                case EccCurve.B233:
                case EccCurve.K233: return 30;
                case EccCurve.P256: return 32;
                case EccCurve.B283:
                case EccCurve.K283: return 36;
                case EccCurve.P384: return 48;
                case EccCurve.B409:
                case EccCurve.K409: return 52;
                case EccCurve.P521: return 66;
                case EccCurve.B571:
                case EccCurve.K571: return 72;
                default: return -1;
            }
        }

        /// <summary>
        /// Point length from the curve and the SEC 1 §2.3.3 first octet (0x04 uncompressed, 0x02/0x03 compressed),
        /// or -1 when unknown: the payload has no length field, so the point length must be inferred.
        /// </summary>
        public static int PointLengthOf(EccCurve curve, int firstOctet)
        {
            int f = FieldLengthOf(curve);
            if (f < 0)
            {
                return -1;
            }

            if (firstOctet == 4)
            {
                return 1 + 2 * f;
            }

            return firstOctet == 2 || firstOctet == 3 ? 1 + f : -1;
        }

        /// <inheritdoc />
        protected override void OnBind()
        {
            _kvDataOffset = _offset + 6 + PaddedPointLength;
        }
    }
}
