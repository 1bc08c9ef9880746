using System;
using NanoMikey.Mikey.Session;
using NanoMikey.Sip.Dialog;
using NanoMikey.Sip.Message;
using NanoMikey.Sip.Transaction;

namespace NanoMikey.Sip.UserAgent
{
    // The caller's side: INVITE, early dialogs per To-tag, the first 2xx, ACK, extra 2xx, 3xx, CANCEL, BYE.
    public sealed partial class SipUserAgent
    {
        private ISipCallerKeying? _offer;
        private SipClientTransaction? _invite;
        private SipClientTransaction? _bye;
        private string _callId = string.Empty;
        private string _localTag = string.Empty;
        private string _targetUri = string.Empty;
        private string _toUri = string.Empty;
        private string _inviteVia = string.Empty;
        private string _inviteBranch = string.Empty;
        private uint _inviteAddress;
        private int _invitePort;
        private uint _cseq;
        private int _redirects;
        private bool _provisional;
        private bool _cancelPending;

        /// <summary>
        /// Places a call: an INVITE to <paramref name="targetUri"/> whose SDP carries <paramref name="offer"/>'s MIKEY offer
        /// (RFC 4567 §3.1). The rest happens in <see cref="Run"/>; <see cref="CallState"/> tells how it goes.
        /// </summary>
        /// <param name="targetUri">The callee, e.g. <c>sip:indoor@192.0.2.20:5060</c> (its host is used without an outbound proxy).</param>
        /// <param name="offer">The MIKEY offer built for that target (kept: forks, the winner's keys and redirects go through it).</param>
        /// <param name="nowMicros">The monotonic tick.</param>
        /// <returns><see cref="SipCallFailure.None"/> when the INVITE is on its way, else why not (the call is then Failed).</returns>
        public SipCallFailure Call(string targetUri, ISipCallerKeying offer, long nowMicros)
        {
            if (targetUri == null || offer == null) throw new ArgumentNullException();
            if (CallState != SipCallState.Idle && CallState != SipCallState.Ended && CallState != SipCallState.Failed)
            {
                throw new InvalidOperationException();
            }

            ClearCall();
            LastFailure = SipCallFailure.None;
            IsCaller = true;
            _offer = offer;
            _callId = NewCallId();
            _localTag = NewToken();
            _targetUri = targetUri;
            _toUri = targetUri;
            _cseq = 1;
            _redirects = 0;
            _sdpSession = RandomBelow2To31();
            _sdpVersion = 0;
            return SendInvite(nowMicros);
        }

        /// <summary>The keys of the early dialog with To-tag <paramref name="toTag"/> (RFC 5197 §5.1 early media), or null.</summary>
        /// <param name="toTag">The early dialog's To-tag (ours when we are the callee).</param>
        /// <returns>The crypto sessions of that dialog's MIKEY exchange, or null when it has none (yet).</returns>
        public CryptoSessionBundle? EarlyMediaKeys(string toTag)
        {
            if (toTag == null) return null;
            if (IsCaller)
            {
                if (_offer == null || CallState != SipCallState.Early) return null;
                return _offer.EarlyKeys(toTag);
            }

            if (_answerer == null || (CallState != SipCallState.Incoming && CallState != SipCallState.Answering)) return null;
            return string.Equals(toTag, _localTag) ? _answerer.Keys : null;
        }

        /// <summary>The To-tag of early dialog number <paramref name="index"/> of our call (its forks), or null.</summary>
        /// <param name="index">0 .. <see cref="SipUserAgentOptions.MaxDialogs"/> - 1.</param>
        /// <returns>A To-tag with keys accepted, or null.</returns>
        public string? EarlyTag(int index)
        {
            int n = 0;
            for (int i = 0; i < _dialogs.Capacity; i++)
            {
                SipDialog d = _dialogs.Get(i);
                if (d.State != SipDialogState.Early || !_keyed[i]) continue;
                if (n++ == index) return d.RemoteTag;
            }

            return null;
        }

        private SipCallFailure SendInvite(long nowMicros)
        {
            string? mikey = _offer!.WriteOffer(_targetUri);
            KeyStatus = mikey != null ? SipKeyOutcome.Accepted : SipKeyOutcome.OfferFailed;
            if (mikey == null) return FailWith(SipCallFailure.OfferFailed);
            uint address;
            int port;
            if (!Destination(_targetUri, out address, out port)) return FailWith(SipCallFailure.TargetUnusable);

            string branch;
            string via = NewVia(out branch);
            _writer.StartRequest(SipMethod.Invite, _targetUri);
            WriteCommon(via, Tagged(_options.LocalUri, _localTag), "<" + _toUri + ">", _callId, _cseq, SipMethod.Invite);
            _writer.Header("Contact", _contact);
            _writer.Body(ApplicationSdp, LocalSdp(mikey));
            if (_writer.Failed) return FailWith(SipCallFailure.RequestFailed);
            _invite = StartClient(address, port, nowMicros);
            if (_invite == null) return FailWith(SipCallFailure.RequestFailed);
            _inviteVia = via;
            _inviteBranch = branch;
            _inviteAddress = address;
            _invitePort = port;
            _provisional = false;
            _cancelPending = false;
            for (int i = 0; i < _keyed.Length; i++)
            {
                _keyed[i] = false;
                _byeSent[i] = false;
            }
            CallState = SipCallState.Calling;
            return SipCallFailure.None;
        }

        private SipCallFailure FailWith(SipCallFailure failure)
        {
            Fail(failure);
            return failure;
        }

        private void OnInviteResponse(SipClientTransaction? t, long nowMicros)
        {
            if (!IsCaller || !string.Equals(_reader.CallId, _callId) || !string.Equals(_reader.FromTag, _localTag)) return;
            int code = _reader.StatusCode;
            bool current = _reader.CSeq == _cseq;
            if (code >= 200 && code < 300)
            {
                On2xx(current, nowMicros);
                return;
            }

            if (!current || t == null || t != _invite) return;
            if (code < 200)
            {
                OnProvisional(code, nowMicros);
                return;
            }

            LastStatusCode = code;
            if (code < 400)
            {
                Redirect(nowMicros);
                return;
            }

            if (CallState == SipCallState.Cancelling)
            {
                // RFC 3261 §9.1: 487 Request Terminated ends a cancelled INVITE; cancelled for a refused key, it failed.
                if (LastFailure != SipCallFailure.None) Fail(LastFailure);
                else EndCall(SipCallState.Ended);
                return;
            }

            if (CallState == SipCallState.Calling || CallState == SipCallState.Early) Fail(SipCallFailure.Rejected);
        }

        private void OnProvisional(int code, long nowMicros)
        {
            _provisional = true;
            if (_cancelPending)
            {
                // RFC 3261 §9.1: CANCEL only once a provisional response came.
                SendCancel(nowMicros);
                return;
            }

            string? toTag = _reader.ToTag;
            if (code == 100 || toTag == null || toTag.Length == 0 || CallState == SipCallState.Cancelling) return;
            int slot = FindOrOpenDialog(toTag, true);
            if (slot < 0) return; // more forks than dialogs: this one gets no media
            if (_reader.BodyLength == 0 || _keyed[slot]) return;

            // RFC 5197 §5.2: each early dialog has its own MIKEY answer; a second 183 from a new To-tag is a new fork.
            SipCallFailure f = AcceptForkAnswer(toTag, slot);
            if (f != SipCallFailure.None)
            {
                // RFC 5197 §5: never media in clear or under a refused key; CANCEL the INVITE.
                LastFailure = f;
                SendCancel(nowMicros);
                return;
            }

            if (CallState == SipCallState.Calling) CallState = SipCallState.Early;
        }

        // Reads a fork's SDP answer into its MIKEY state; the fork is keyed when it returns None.
        private SipCallFailure AcceptForkAnswer(string toTag, int slot)
        {
            string? mikey;
            if (!ReadRemoteSdp(_reader.Body, out mikey)) return SipCallFailure.SdpUnusable;
            if (mikey == null) return SipCallFailure.NoKeyManagement;
            KeyStatus = _offer!.AcceptAnswer(toTag, mikey);
            if (KeyStatus != SipKeyOutcome.Accepted && KeyStatus != SipKeyOutcome.Retransmission) return SipCallFailure.KeyRejected;
            _keyed[slot] = true;
            _forkAddress[slot] = _sdpReader.ConnectionAddress;
            _forkPort[slot] = _sdpReader.AudioPort;
            if (ActiveDialog == null) TakeRemoteMedia();
            return SipCallFailure.None;
        }

        private void On2xx(bool current, long nowMicros)
        {
            string? toTag = _reader.ToTag;
            if (toTag == null || toTag.Length == 0) return; // RFC 3261 §8.2.6.2: a 2xx without To-tag names no dialog
            int slot = FindDialog(toTag);
            if (ActiveDialog != null && slot >= 0 && _dialogs.Get(slot) == ActiveDialog)
            {
                SendAck(ActiveDialog); // a retransmitted 2xx: our ACK was lost (RFC 3261 §13.2.2.4)
                return;
            }

            bool wanted = current && ActiveDialog == null && (CallState == SipCallState.Calling || CallState == SipCallState.Early);
            if (slot < 0) slot = FindOrOpenDialog(toTag, false);
            if (slot < 0)
            {
                // No slot left for it: ACK and BYE it from a scratch dialog so the callee does not ring on.
                SipDialog scratch = new SipDialog();
                OpenFromResponse(scratch, toTag, false);
                SendAck(scratch);
                SendBye(scratch, nowMicros);
                return;
            }

            SipDialog d = _dialogs.Get(slot);
            if (_byeSent[slot])
            {
                SendAck(d); // a dialog we already ended with BYE: its 2xx retransmitted, repeat the ACK only
                return;
            }

            // RFC 3261 §13.2.2.4: the 2xx's Record-Route and Contact fix the route set and the remote target.
            OpenFromResponse(d, toTag, false);
            SendAck(d);
            if (!wanted)
            {
                // RFC 3261 §13.2.2.4 / RFC 5197 §5.2: a second 2xx (another fork) is ACKed and ended with BYE; its keys go.
                EndExtraDialog(d, toTag, nowMicros);
                if (current && CallState == SipCallState.Cancelling)
                {
                    // RFC 3261 §9.1: our CANCEL crossed the 2xx; no 487 will come, so the call ends here.
                    if (LastFailure != SipCallFailure.None) Fail(LastFailure);
                    else EndCall(SipCallState.Ended);
                }

                return;
            }

            SipCallFailure f = SipCallFailure.None;
            if (_reader.BodyLength > 0)
            {
                string? mikey;
                if (!ReadRemoteSdp(_reader.Body, out mikey)) f = SipCallFailure.SdpUnusable;
                else if (mikey == null) f = _keyed[slot] ? SipCallFailure.None : SipCallFailure.NoKeyManagement;
                else if (!_keyed[slot]) f = AcceptForkAnswer(toTag, slot);
                if (f == SipCallFailure.None && _keyed[slot])
                {
                    _forkAddress[slot] = _sdpReader.ConnectionAddress;
                    _forkPort[slot] = _sdpReader.AudioPort;
                }
            }
            else if (!_keyed[slot])
            {
                f = SipCallFailure.NoKeyManagement;
            }

            if (f != SipCallFailure.None)
            {
                // An answer without our key: the call is ended at once, never continued in clear.
                SendBye(d, nowMicros);
                d.Terminate();
                _byeSent[slot] = true;
                LastStatusCode = _reader.StatusCode;
                Fail(f);
                return;
            }

            KeyStatus = _offer!.Confirm(toTag);
            if (KeyStatus != SipKeyOutcome.Accepted)
            {
                SendBye(d, nowMicros);
                d.Terminate();
                Fail(SipCallFailure.KeyRejected);
                return;
            }

            LastStatusCode = _reader.StatusCode;
            ActiveCallKeys = _offer.Keys;
            // The winner's media address: from its 2xx's SDP if it had one, else from its 18x's (RFC 3264 §4).
            RemoteMediaAddress = _forkAddress[slot];
            RemoteMediaPort = _forkPort[slot];
            ActiveDialog = d;
            // The other early dialogs end with this one (RFC 3261 §13.2.2.4); their MIKEY states were wiped by Confirm.
            for (int i = 0; i < _dialogs.Capacity; i++)
            {
                SipDialog other = _dialogs.Get(i);
                if (other != d && other.State == SipDialogState.Early) other.Terminate();
            }

            CallState = SipCallState.Established;
        }

        private void EndExtraDialog(SipDialog d, string toTag, long nowMicros)
        {
            if (_offer != null) _offer.Drop(toTag);
            SendBye(d, nowMicros);
            d.Terminate();
            for (int i = 0; i < _dialogs.Capacity; i++)
            {
                if (_dialogs.Get(i) == d) _byeSent[i] = true;
            }
        }

        private void Redirect(long nowMicros)
        {
            // RFC 3261 §8.1.3.4 / RFC 5197 §5.3: a new INVITE to the Contact with a new MIKEY offer built for it.
            string? contact = _reader.ContactUri;
            if (contact == null || contact.Length == 0 || _redirects >= _options.MaxRedirects)
            {
                Fail(SipCallFailure.RedirectFailed);
                return;
            }

            // The old target's forks and keys go; SendInvite writes a new offer built for the new target.
            _redirects++;
            _offer!.Reset();
            _dialogs.Clear();
            _targetUri = contact;
            _cseq++;
            SendInvite(nowMicros);
        }

        private void HangupCaller(long nowMicros)
        {
            switch (CallState)
            {
                case SipCallState.Calling:
                case SipCallState.Early:
                    WipeKeys();
                    if (_provisional) SendCancel(nowMicros);
                    else
                    {
                        _cancelPending = true;
                        CallState = SipCallState.Cancelling;
                    }

                    break;
                case SipCallState.Established:
                    WipeKeys();
                    _bye = SendBye(ActiveDialog!, nowMicros);
                    CallState = _bye != null ? SipCallState.Ending : SipCallState.Ended;
                    break;
            }
        }

        private void SendCancel(long nowMicros)
        {
            // RFC 3261 §9.1: the INVITE's Request-URI, Call-ID, From, To (no tag), CSeq number and top Via (its branch).
            _cancelPending = false;
            CallState = SipCallState.Cancelling;
            _writer.StartRequest(SipMethod.Cancel, _targetUri);
            WriteCommon(_inviteVia, Tagged(_options.LocalUri, _localTag), "<" + _toUri + ">", _callId, _cseq, SipMethod.Cancel);
            _writer.EndNoBody();
            if (_writer.Failed || StartClient(_inviteAddress, _invitePort, nowMicros) == null)
            {
                Fail(SipCallFailure.RequestFailed);
            }
        }

        private void SendAck(SipDialog d)
        {
            // RFC 3261 §13.2.2.4: the ACK of a 2xx is the core's, a new branch, the INVITE's CSeq number, the dialog's route set.
            uint address;
            int port;
            if (!DialogDestination(d, out address, out port)) return;
            string branch;
            _writer.StartRequest(SipMethod.Ack, d.RequestUri);
            WriteCommon(NewVia(out branch), Tagged(d.LocalUri, d.LocalTag), Tagged(d.RemoteUri, d.RemoteTag), d.CallId, d.InviteCSeq, SipMethod.Ack);
            WriteRoutes(d);
            _writer.EndNoBody();
            SendRaw(address, port);
        }

        private SipClientTransaction? SendBye(SipDialog d, long nowMicros)
        {
            // RFC 3261 §15.1.1: BYE in the dialog, the next local CSeq, through its route set.
            uint address;
            int port;
            if (!DialogDestination(d, out address, out port)) return null;
            string branch;
            _writer.StartRequest(SipMethod.Bye, d.RequestUri);
            WriteCommon(NewVia(out branch), Tagged(d.LocalUri, d.LocalTag), Tagged(d.RemoteUri, d.RemoteTag), d.CallId, d.NextLocalCSeq(), SipMethod.Bye);
            WriteRoutes(d);
            _writer.EndNoBody();
            if (_writer.Failed) return null;
            return StartClient(address, port, nowMicros);
        }

        // Fills a caller dialog from the response in the reader (RFC 3261 §12.1.2): route set reversed, Contact as target.
        private void OpenFromResponse(SipDialog d, string toTag, bool early)
        {
            string target = _reader.ContactUri ?? string.Empty;
            if (d.State == SipDialogState.Free)
            {
                d.OpenAsCaller(_callId, _localTag, toTag, _options.LocalUri, _toUri, _reader.CSeq, target, early);
            }
            else
            {
                d.RefreshTarget(target);
                if (!early) d.Confirm();
            }

            d.ClearRoutes();
            for (int i = _reader.RecordRouteCount - 1; i >= 0; i--) d.AddRoute(_reader.RecordRoute(i));
        }

        private int FindDialog(string toTag)
        {
            for (int i = 0; i < _dialogs.Capacity; i++)
            {
                if (_dialogs.Get(i).Matches(_callId, _localTag, toTag)) return i;
            }

            return -1;
        }

        private int FindOrOpenDialog(string toTag, bool early)
        {
            int slot = FindDialog(toTag);
            if (slot >= 0) return slot;
            for (int i = 0; i < _dialogs.Capacity; i++)
            {
                SipDialog d = _dialogs.Get(i);
                if (d.State != SipDialogState.Free) continue;
                OpenFromResponse(d, toTag, early);
                _keyed[i] = false;
                _byeSent[i] = false;
                return i;
            }

            return -1;
        }
    }
}
