using System;
using NanoMikey.Sip.Auth;
using NanoMikey.Sip.Message;
using NanoMikey.Sip.Transaction;

namespace NanoMikey.Sip.UserAgent
{
    /// <summary>
    /// The user agent's binding at a registrar (RFC 3261 §10.2): REGISTER with our Contact, a refresh at half the expiry the
    /// registrar granted, one digest retry per nonce on 401/407 (RFC 3261 §22.2, RFC 8760), a retry after
    /// <see cref="RetryDelayMicros"/> when it failed. One Call-ID for the binding, CSeq incremented per REGISTER (§10.2).
    /// </summary>
    public sealed class SipRegistration
    {
        private readonly SipUserAgent _agent;
        private readonly DigestChallenge _challenge = new DigestChallenge();
        private readonly DigestAuthorization _authorization = new DigestAuthorization();
        private SipClientTransaction? _transaction;
        private DigestCredentials? _credentials;
        private string _registrar = string.Empty;
        private string _callId = string.Empty;
        private string _fromTag = string.Empty;
        private string _lastNonce = string.Empty;
        private string? _authorizationHeader;
        private bool _proxyAuthorization;
        private uint _cseq;
        private int _requestedExpires;
        private long _refreshAt = long.MaxValue;

        internal SipRegistration(SipUserAgent agent)
        {
            _agent = agent;
            RetryDelayMicros = 30000000;
        }

        /// <summary>Where the registration is.</summary>
        public SipRegistrationState State { get; private set; }

        /// <summary>Why it failed (<see cref="SipRegistrationFailure.None"/> unless <see cref="State"/> is Failed).</summary>
        public SipRegistrationFailure Failure { get; private set; }

        /// <summary>The status code of the registrar's last final answer (0 before one).</summary>
        public int LastStatusCode { get; private set; }

        /// <summary>The expiry the registrar granted, in seconds (0 before a 2xx).</summary>
        public int GrantedExpires { get; private set; }

        /// <summary>REGISTERs sent (first, digest retries and refreshes).</summary>
        public uint Requests { get; private set; }

        /// <summary>How long after a failure the next attempt goes out (default 30 s).</summary>
        public long RetryDelayMicros { get; set; }

        /// <summary>When the next refresh or retry is due (<see cref="long.MaxValue"/> when none).</summary>
        public long NextDueMicros
        {
            get { return _refreshAt; }
        }

        /// <summary>Starts registering our Contact for the user agent's address-of-record.</summary>
        /// <param name="registrarUri">The registrar, e.g. <c>sip:127.0.0.1:5060</c> (the Request-URI, RFC 3261 §10.2).</param>
        /// <param name="expiresSeconds">The expiry asked for (1 .. 2^31-1 seconds).</param>
        /// <param name="credentials">Our digest credentials, or null when the registrar does not challenge.</param>
        /// <param name="nowMicros">The monotonic tick.</param>
        public void Start(string registrarUri, int expiresSeconds, DigestCredentials? credentials, long nowMicros)
        {
            if (registrarUri == null) throw new ArgumentNullException();
            if (expiresSeconds < 1) throw new ArgumentOutOfRangeException();
            _registrar = registrarUri;
            _requestedExpires = expiresSeconds;
            _credentials = credentials;
            _callId = _agent.NewCallId();
            _fromTag = _agent.NewToken();
            _cseq = 0;
            _lastNonce = string.Empty;
            _authorizationHeader = null;
            GrantedExpires = 0;
            Send(_requestedExpires, nowMicros);
        }

        /// <summary>Removes our binding (REGISTER with Expires: 0, RFC 3261 §10.2.2) and stops refreshing.</summary>
        /// <param name="nowMicros">The monotonic tick.</param>
        public void Stop(long nowMicros)
        {
            if (_registrar.Length == 0) return;
            _requestedExpires = 0;
            Send(0, nowMicros);
            _refreshAt = long.MaxValue;
        }

        internal bool Owns(SipMessageReader r)
        {
            return r.CSeqMethod == SipMethod.Register && _callId.Length > 0 && string.Equals(r.CallId, _callId);
        }

        internal void OnResponse(SipClientTransaction t, SipMessageReader r, long nowMicros)
        {
            if (t != _transaction) return;
            int code = r.StatusCode;
            if (code < 200) return;
            _transaction = null;
            LastStatusCode = code;
            if (code < 300)
            {
                if (_requestedExpires == 0)
                {
                    State = SipRegistrationState.Idle;
                    _refreshAt = long.MaxValue;
                    return;
                }

                // RFC 3261 §10.2.4: the Contact's expires parameter, else Expires, else what we asked for.
                long granted = r.ContactExpires >= 0 ? r.ContactExpires : r.Expires >= 0 ? r.Expires : _requestedExpires;
                if (granted < 1) granted = 1;
                if (granted > 0x7FFFFFFF) granted = 0x7FFFFFFF;
                GrantedExpires = (int)granted;
                State = SipRegistrationState.Registered;
                Failure = SipRegistrationFailure.None;
                _refreshAt = nowMicros + granted * 500000; // a refresh at half the granted expiry
                return;
            }

            if ((code == 401 || code == 407) && _credentials != null)
            {
                // RFC 3261 §22.2: answer the challenge once per nonce; the same nonce challenged again means wrong credentials.
                string? value = r.ChallengeHeader;
                if (value != null && _challenge.Read(value) == DigestStatus.Ok && _challenge.Nonce != null && !string.Equals(_challenge.Nonce, _lastNonce))
                {
                    _lastNonce = _challenge.Nonce;
                    _proxyAuthorization = r.IsProxyChallenge;
                    if (_authorization.Write(_challenge, _credentials, "REGISTER", _registrar, _agent.NewToken()) == DigestStatus.Ok)
                    {
                        _authorizationHeader = _authorization.Value;
                        Send(_requestedExpires, nowMicros);
                        return;
                    }
                }

                Fail(SipRegistrationFailure.AuthenticationFailed, nowMicros);
                return;
            }

            Fail(SipRegistrationFailure.Rejected, nowMicros);
        }

        internal void Run(long nowMicros)
        {
            if (_transaction != null)
            {
                SipTransactionState s = _transaction.State;
                if (s == SipTransactionState.TimedOut || s == SipTransactionState.TransportError)
                {
                    _transaction = null;
                    Fail(SipRegistrationFailure.Timeout, nowMicros);
                }
            }

            if (nowMicros >= _refreshAt)
            {
                _refreshAt = long.MaxValue;
                Send(_requestedExpires, nowMicros);
            }
        }

        private void Send(int expires, long nowMicros)
        {
            uint address;
            int port;
            if (!_agent.Destination(_registrar, out address, out port))
            {
                Fail(SipRegistrationFailure.RequestFailed, nowMicros);
                return;
            }

            string aor = "<" + _agent.Options.LocalUri + ">";
            string branch;
            SipMessageWriter w = _agent.Writer;
            _cseq++;
            w.StartRequest(SipMethod.Register, _registrar);
            // RFC 3261 §10.2: To and From are the address-of-record; the From-tag stays for the binding's Call-ID.
            _agent.WriteCommon(_agent.NewVia(out branch), aor + ";tag=" + _fromTag, aor, _callId, _cseq, SipMethod.Register);
            w.Header(SipHeaderName.Contact, _agent.ContactHeader);
            w.HeaderUInt(SipHeaderName.Expires, (uint)expires);
            if (_authorizationHeader != null)
            {
                w.Header(_proxyAuthorization ? SipHeaderName.ProxyAuthorization : SipHeaderName.Authorization, _authorizationHeader);
            }

            w.EndNoBody();
            Requests++;
            _transaction = w.Failed ? null : _agent.StartClient(address, port, nowMicros);
            if (_transaction == null)
            {
                Fail(SipRegistrationFailure.RequestFailed, nowMicros);
                return;
            }

            if (State != SipRegistrationState.Registered) State = SipRegistrationState.Registering;
        }

        private void Fail(SipRegistrationFailure failure, long nowMicros)
        {
            Failure = failure;
            State = SipRegistrationState.Failed;
            GrantedExpires = 0;
            _lastNonce = string.Empty;
            _authorizationHeader = null;
            _refreshAt = _requestedExpires > 0 ? nowMicros + RetryDelayMicros : long.MaxValue;
        }
    }
}
