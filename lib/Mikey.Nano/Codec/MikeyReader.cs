using System;
using NanoMikey.Crypto;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Codec
{
    /// <summary>
    /// Forward-only reader over a MIKEY message in a caller buffer (model: .NET's CborReader). <see cref="Reset"/> reads HDR,
    /// each <see cref="Read"/> moves to the next payload of the next-payload chain and re-points the view for its type.
    /// Strict by default; failures are <see cref="MikeyStatus"/> values with a MIKEY <see cref="Payloads.ErrorCode"/> and
    /// the byte offset. Nothing is copied and nothing is allocated after construction.
    /// </summary>
    [HotPath]
    public sealed partial class MikeyReader
    {
        private const int AfterSign = -1;

        private readonly CommonHeader _header = new CommonHeader();
        // Payload views are created on first use, so a reader holds only the views of the payload types it has met (a PSK
        // device never pays for the ECC, ticket or SAKKE views; issue 10 §2 heap budget). Reads after the first allocate nothing.
        private KemacPayload? _kemac;
        private KeyDataSubPayload? _keyData;
        private PkePayload? _pke;
        private DhPayload? _dh;
        private SignPayload? _sign;
        private TimestampPayload? _timestamp;
        private IdPayload? _id;
        private CertPayload? _cert;
        private ChashPayload? _chash;
        private VerificationPayload? _verification;
        private SecurityPolicyPayload? _securityPolicy;
        private RandPayload? _rand;
        private ErrorPayload? _error;
        private GeneralExtensionPayload? _generalExtension;
        private EccptPayload? _eccpt;
        private IdrPayload? _idr;
        private TrPayload? _tr;
        private RandrPayload? _randr;
        private TpPayload? _tp;
        private TicketPayload? _ticket;
        private SakkePayload? _sakke;
        private EncryptedDataPayload? _encryptedData;

        private byte[] _buffer = new byte[0];
        private int _start;
        private int _end;
        private int _position;
        private int _nextType;
        private int _nextTypeOffset;
        private bool _chainOnly;
        private bool _sawRand;
        private bool _sawNullKemac;
        private int _dataType;
        private PayloadType _payloadType;
        private int _payloadOffset;
        private int _payloadLength;
        private MikeyStatus _status = MikeyStatus.InvalidState;
        private ErrorCode _errorCode = ErrorCode.Unspecified;
        private int _errorOffset;
        private int _integrityOffset = -1;
        private int _integrityLength;
        private int _steps;
        private int _bytesExamined;
        private int _measureOffset;

        /// <summary>Creates a strict reader.</summary>
        public MikeyReader()
            : this(MikeyQuirks.None)
        {
        }

        /// <summary>Creates a reader with the given peer tolerances switched on.</summary>
        public MikeyReader(MikeyQuirks quirks)
        {
            Quirks = quirks;
        }

        /// <summary>Peer tolerances in force (off by default).</summary>
        public MikeyQuirks Quirks { get; set; }

        /// <summary>
        /// True when the caller knows the message updates an existing CSB (RFC 3830 §4.5): such messages carry no RAND,
        /// so the missing-RAND check for initial Initiator messages is skipped.
        /// </summary>
        public bool IsCsbUpdate { get; set; }

        /// <summary>The last status: <see cref="MikeyStatus.Ok"/> while on a payload, End after the chain, or the failure.</summary>
        public MikeyStatus Status
        {
            get { return _status; }
        }

        /// <summary>The MIKEY error code that fits the failure (for an Error message), valid when <see cref="Status"/> is a failure.</summary>
        public ErrorCode ErrorCode
        {
            get { return _errorCode; }
        }

        /// <summary>Absolute byte offset where the failure was found.</summary>
        public int ErrorOffset
        {
            get { return _errorOffset; }
        }

        /// <summary>The buffer being read.</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Absolute offset of the message (HDR) in <see cref="Buffer"/>.</summary>
        public int MessageOffset
        {
            get { return _start; }
        }

        /// <summary>Length of the message as given to <see cref="Reset"/>.</summary>
        public int MessageLength
        {
            get { return _end - _start; }
        }

        /// <summary>Type of the payload the reader is on.</summary>
        public PayloadType PayloadType
        {
            get { return _payloadType; }
        }

        /// <summary>Absolute offset of the current payload.</summary>
        public int PayloadOffset
        {
            get { return _payloadOffset; }
        }

        /// <summary>Length of the current payload.</summary>
        public int PayloadLength
        {
            get { return _payloadLength; }
        }

        /// <summary>Number of payload steps taken since <see cref="Reset"/> (for linearity checks).</summary>
        public int StepCount
        {
            get { return _steps; }
        }

        /// <summary>Number of message bytes the payload steps measured since <see cref="Reset"/> (for linearity checks).</summary>
        public int BytesExamined
        {
            get { return _bytesExamined; }
        }

        /// <summary>True when a RAND payload has been read.</summary>
        public bool HasRand
        {
            get { return _sawRand; }
        }

        /// <summary>
        /// Absolute offset of the last MAC / Ver data / Signature field read (KEMAC, V or SIGN), or -1. The bytes from
        /// <see cref="MessageOffset"/> up to it are the range covered in PSK, DHHMAC, V and signature computations
        /// (RFC 3830 §5.2); PK/RSA-R KEMAC MACs cover the KEMAC alone (<see cref="KemacPayload"/> offsets).
        /// </summary>
        public int IntegrityFieldOffset
        {
            get { return _integrityOffset; }
        }

        /// <summary>Length of the MAC / Ver data / Signature field at <see cref="IntegrityFieldOffset"/>.</summary>
        public int IntegrityFieldLength
        {
            get { return _integrityLength; }
        }

        /// <summary>Length of the covered range: message start up to the integrity field, or 0 when none was read.</summary>
        public int CoveredLength
        {
            get { return _integrityOffset < 0 ? 0 : _integrityOffset - _start; }
        }

        /// <summary>HDR view (valid after a successful <see cref="Reset"/>).</summary>
        public CommonHeader Header
        {
            get { return _header; }
        }

        /// <summary>KEMAC view, valid while on a KEMAC payload.</summary>
        public KemacPayload Kemac
        {
            get { return _kemac ?? (_kemac = new KemacPayload()); }
        }

        /// <summary>Key data view, valid while on a Key data sub-payload (chains read with <see cref="ResetChain"/>).</summary>
        public KeyDataSubPayload KeyData
        {
            get { return _keyData ?? (_keyData = new KeyDataSubPayload()); }
        }

        /// <summary>PKE view.</summary>
        public PkePayload Pke
        {
            get { return _pke ?? (_pke = new PkePayload()); }
        }

        /// <summary>DH view.</summary>
        public DhPayload Dh
        {
            get { return _dh ?? (_dh = new DhPayload()); }
        }

        /// <summary>SIGN view.</summary>
        public SignPayload Sign
        {
            get { return _sign ?? (_sign = new SignPayload()); }
        }

        /// <summary>T view.</summary>
        public TimestampPayload Timestamp
        {
            get { return _timestamp ?? (_timestamp = new TimestampPayload()); }
        }

        /// <summary>ID view.</summary>
        public IdPayload Id
        {
            get { return _id ?? (_id = new IdPayload()); }
        }

        /// <summary>CERT view.</summary>
        public CertPayload Cert
        {
            get { return _cert ?? (_cert = new CertPayload()); }
        }

        /// <summary>CHASH view.</summary>
        public ChashPayload Chash
        {
            get { return _chash ?? (_chash = new ChashPayload()); }
        }

        /// <summary>V view.</summary>
        public VerificationPayload Verification
        {
            get { return _verification ?? (_verification = new VerificationPayload()); }
        }

        /// <summary>SP view.</summary>
        public SecurityPolicyPayload SecurityPolicy
        {
            get { return _securityPolicy ?? (_securityPolicy = new SecurityPolicyPayload()); }
        }

        /// <summary>RAND view.</summary>
        public RandPayload Rand
        {
            get { return _rand ?? (_rand = new RandPayload()); }
        }

        /// <summary>ERR view.</summary>
        public ErrorPayload Error
        {
            get { return _error ?? (_error = new ErrorPayload()); }
        }

        /// <summary>General extension view.</summary>
        public GeneralExtensionPayload GeneralExtension
        {
            get { return _generalExtension ?? (_generalExtension = new GeneralExtensionPayload()); }
        }

        /// <summary>ECCPT view.</summary>
        public EccptPayload Eccpt
        {
            get { return _eccpt ?? (_eccpt = new EccptPayload()); }
        }

        /// <summary>IDR view.</summary>
        public IdrPayload Idr
        {
            get { return _idr ?? (_idr = new IdrPayload()); }
        }

        /// <summary>TR view.</summary>
        public TrPayload Tr
        {
            get { return _tr ?? (_tr = new TrPayload()); }
        }

        /// <summary>RANDR view.</summary>
        public RandrPayload Randr
        {
            get { return _randr ?? (_randr = new RandrPayload()); }
        }

        /// <summary>TP view.</summary>
        public TpPayload Tp
        {
            get { return _tp ?? (_tp = new TpPayload()); }
        }

        /// <summary>TICKET view.</summary>
        public TicketPayload Ticket
        {
            get { return _ticket ?? (_ticket = new TicketPayload()); }
        }

        /// <summary>SAKKE view.</summary>
        public SakkePayload Sakke
        {
            get { return _sakke ?? (_sakke = new SakkePayload()); }
        }

        /// <summary>IBAKE / ESK view.</summary>
        public EncryptedDataPayload EncryptedData
        {
            get { return _encryptedData ?? (_encryptedData = new EncryptedDataPayload()); }
        }

        /// <summary>The view for the current payload, or null after the end or a failure.</summary>
        public PayloadView? Current
        {
            get { return _status == MikeyStatus.Ok ? ViewFor(_payloadType) : null; }
        }

        /// <summary>Starts reading a whole message: validates HDR and positions before the first payload.</summary>
        /// <returns><see cref="MikeyStatus.Ok"/>, or the failure (also in <see cref="Status"/>).</returns>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range lies outside the buffer.</exception>
        public MikeyStatus Reset(byte[] buffer, int offset, int count)
        {
            Begin(buffer, offset, count);
            _chainOnly = false;
            int len = MeasureHeader(offset, _end);
            if (len < 0)
            {
                return _status;
            }

            _header.Bind(buffer, offset, len);
            _dataType = buffer[offset + 1];
            _position = offset + len;
            _nextType = buffer[offset + 2];
            _nextTypeOffset = offset + 2;
            _bytesExamined = len;
            return _status = MikeyStatus.Ok;
        }

        /// <summary>
        /// Starts reading a bare payload chain without HDR, such as decrypted KEMAC Encr data (first type implicit,
        /// see <see cref="KemacPayload.FirstSubPayload"/>) or TP Data; <paramref name="context"/> is the message's data type.
        /// </summary>
        /// <returns><see cref="MikeyStatus.Ok"/>; the first <see cref="Read"/> moves onto the first payload.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range lies outside the buffer.</exception>
        public MikeyStatus ResetChain(byte[] buffer, int offset, int count, PayloadType firstPayload, DataType context)
        {
            Begin(buffer, offset, count);
            _chainOnly = true;
            _dataType = (int)context;
            _position = offset;
            _nextType = count == 0 ? 0 : (int)firstPayload;
            _nextTypeOffset = offset;
            return _status = MikeyStatus.Ok;
        }

        /// <summary>Moves to the next payload.</summary>
        /// <returns><see cref="MikeyStatus.Ok"/> when on a payload, <see cref="MikeyStatus.End"/> when the chain ended exactly
        /// at the last byte, or a failure. After End or a failure, further calls return the same status.</returns>
        public MikeyStatus Read()
        {
            if (_status != MikeyStatus.Ok)
            {
                return _status;
            }

            _steps++;
            if (_nextType == 0 || _nextType == AfterSign)
            {
                return Finish();
            }

            int type = _nextType;
            if (!IsKnownType(type))
            {
                return Fail(MikeyStatus.UnknownPayloadType, ErrorCode.UnsupportedMessageType, _nextTypeOffset);
            }

            if (!AllowedHere(type))
            {
                return Fail(MikeyStatus.PayloadNotAllowed, ErrorCode.UnsupportedMessageType, _nextTypeOffset);
            }

            // RFC 4563 §5: with the Empty map the policy is conveyed outside MIKEY; no SP payload may be present.
            if (type == (int)PayloadType.SecurityPolicy && !_chainOnly && _header.CsIdMapType == CsIdMapType.Empty)
            {
                return Fail(MikeyStatus.PayloadNotAllowed, ErrorCode.InvalidSp, _nextTypeOffset);
            }

            int p = _position;
            int len = Measure(type, p, _end);
            if (len < 0)
            {
                return _status;
            }

            _bytesExamined += len;
            _payloadType = (PayloadType)type;
            _payloadOffset = p;
            _payloadLength = len;
            PayloadView view = ViewFor(_payloadType)!;
            view.Bind(_buffer, p, len);
            _position = p + len;
            if (type == (int)PayloadType.Sign)
            {
                _nextType = AfterSign;
                _integrityOffset = Sign.SignatureOffset;
                _integrityLength = Sign.SignatureLength;
            }
            else
            {
                _nextType = _buffer[p];
                _nextTypeOffset = p;
                if (type == (int)PayloadType.Kemac)
                {
                    _integrityOffset = Kemac.MacOffset;
                    _integrityLength = Kemac.MacLength;
                    _sawNullKemac = Kemac.EncryptionAlgorithm == EncryptionAlgorithm.Null && Kemac.MacAlgorithm == MacAlgorithm.Null;
                }
                else if (type == (int)PayloadType.Verification)
                {
                    _integrityOffset = Verification.VerDataOffset;
                    _integrityLength = Verification.VerDataLength;
                }
                else if (type == (int)PayloadType.Rand)
                {
                    _sawRand = true;
                }
            }

            return MikeyStatus.Ok;
        }

        /// <summary>Reads to the end of the chain, returning End or the first failure.</summary>
        public MikeyStatus Validate()
        {
            MikeyStatus s;
            do
            {
                s = Read();
            }
            while (s == MikeyStatus.Ok);
            return s;
        }

        private void Begin(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            if (offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }

            _buffer = buffer;
            _start = offset;
            _end = offset + count;
            _sawRand = false;
            _sawNullKemac = false;
            _integrityOffset = -1;
            _integrityLength = 0;
            _steps = 0;
            _bytesExamined = 0;
            _payloadType = PayloadType.Last;
            _payloadOffset = offset;
            _payloadLength = 0;
            _errorCode = ErrorCode.Unspecified;
            _errorOffset = 0;
            _status = MikeyStatus.Ok;
        }

        private MikeyStatus Finish()
        {
            int remaining = _end - _position;
            if (remaining != 0)
            {
                bool pad = remaining == 1 && !_chainOnly && (Quirks & MikeyQuirks.TrailingPadByte) != 0 && _buffer[_position] == 0;
                if (!pad)
                {
                    return Fail(MikeyStatus.TrailingBytes, ErrorCode.UnsupportedMessageType, _position);
                }
            }

            if (!_chainOnly && !_sawRand && !IsCsbUpdate && RequiresRand(_dataType) && !MissingRandTolerated())
            {
                return Fail(MikeyStatus.MissingRand, ErrorCode.UnsupportedMessageType, _position);
            }

            _payloadType = PayloadType.Last;
            return _status = MikeyStatus.End;
        }

        // MikeyQuirks.MissingRand covers NULL mode only: PSK data type, KEMAC with NULL encryption and NULL MAC.
        private bool MissingRandTolerated()
        {
            return (Quirks & MikeyQuirks.MissingRand) != 0 && _dataType == (int)DataType.PreShared && _sawNullKemac;
        }

        // RFC 3830 §3.1–3.3, RFC 4650 §3: RAND is mandatory in the initial I_MESSAGE of PSK, PK, DH-SIGN and DHHMAC.
        private static bool RequiresRand(int dataType)
        {
            return dataType == (int)DataType.PreShared || dataType == (int)DataType.PublicKey
                || dataType == (int)DataType.DhInit || dataType == (int)DataType.DhHmacInit;
        }

        private MikeyStatus Fail(MikeyStatus status, ErrorCode code, int offset)
        {
            _status = status;
            _errorCode = code;
            _errorOffset = offset;
            _payloadType = PayloadType.Last;
            return status;
        }

        private PayloadView? ViewFor(PayloadType type)
        {
            switch (type)
            {
                case PayloadType.Kemac: return Kemac;
                case PayloadType.Pke: return Pke;
                case PayloadType.Dh: return Dh;
                case PayloadType.Sign: return Sign;
                case PayloadType.Timestamp: return Timestamp;
                case PayloadType.Id: return Id;
                case PayloadType.Cert: return Cert;
                case PayloadType.Chash: return Chash;
                case PayloadType.Verification: return Verification;
                case PayloadType.SecurityPolicy: return SecurityPolicy;
                case PayloadType.Rand: return Rand;
                case PayloadType.Error: return Error;
                case PayloadType.Tr: return Tr;
                case PayloadType.Idr: return Idr;
                case PayloadType.Randr: return Randr;
                case PayloadType.Tp: return Tp;
                case PayloadType.Ticket: return Ticket;
                case PayloadType.KeyData: return KeyData;
                case PayloadType.GeneralExtension: return GeneralExtension;
                case PayloadType.Ibake:
                case PayloadType.Esk: return EncryptedData;
                case PayloadType.Eccpt: return Eccpt;
                case PayloadType.Sakke: return Sakke;
                default: return null;
            }
        }

        private static bool IsKnownType(int type)
        {
            return (type >= 1 && type <= 17) || (type >= 20 && type <= 26);
        }

        private bool AllowedHere(int type)
        {
            if (_chainOnly)
            {
                // Sub-payload chains (KEMAC Encr data, TP Data) hold ordinary payloads plus Key data; never SIGN.
                return type != (int)PayloadType.Sign && type != (int)PayloadType.Sk;
            }

            // Key data and SK are sub-payloads only (RFC 3830 §6.13, RFC 6267 §6.1.5).
            return type != (int)PayloadType.KeyData && type != (int)PayloadType.Sk;
        }
    }
}
