using System;
using NanoMikey.Net.Sockets;
using NanoMikey.Sip.Dialog;
using NanoMikey.Sip.Message;
using NanoMikey.Sip.Transaction;

namespace NanoMikey.Sip.UserAgent
{
    // The callee's side: INVITE, 100/183/180/200 (the transaction retransmits the 2xx until the ACK, RFC 6026 §7.1),
    // CANCEL → 487, BYE, the dialog limit (486) and MIKEY refusals (488).
    public sealed partial class SipUserAgent
    {
        private SipServerTransaction? _incoming;
        private readonly byte[] _inviteCopy = new byte[SipLimits.MaxDatagram];
        private int _inviteCopyLength;
        private string _answerSdp = string.Empty;
        private long _answerAt = long.MaxValue;

        /// <summary>Answers the ringing incoming call now (200 with our SDP answer); does nothing when none is ringing.</summary>
        /// <param name="nowMicros">The monotonic tick.</param>
        public void Answer(long nowMicros)
        {
            AnswerNow(nowMicros);
        }

        private void OnInvite(SipServerTransaction t, uint address, int port, long nowMicros)
        {
            string? toTag = _reader.ToTag;
            if (toTag != null && toTag.Length > 0)
            {
                // A re-INVITE: we do not renegotiate keys or media in a dialog (RFC 3261 §14.2: 488 keeps the session as it was).
                SipDialog? d = _dialogs.Find(_reader.CallId, toTag, _reader.FromTag);
                if (d != null) Respond(t, 488, "Not Acceptable Here", nowMicros);
                else Respond(t, 481, "Call/Transaction Does Not Exist", nowMicros);
                return;
            }

            if (CallState != SipCallState.Idle && CallState != SipCallState.Ended && CallState != SipCallState.Failed)
            {
                // One call at a time: the dialog limit is answered 486 Busy Here (RFC 3261 §21.4.24).
                Refused++;
                BeginResponse(486, "Busy Here", NewToken());
                _writer.EndNoBody();
                SendThrough(t, nowMicros);
                return;
            }

            if (_options.RejectWith >= 300)
            {
                LastStatusCode = _options.RejectWith;
                BeginResponse(_options.RejectWith, _options.RejectWith == 486 ? "Busy Here" : "Decline", NewToken());
                _writer.EndNoBody();
                SendThrough(t, nowMicros);
                return;
            }

            string? mikey = null;
            string? answer = null;
            string? refusal = null;
            if (_reader.BodyLength == 0 || !ReadRemoteSdp(_reader.Body, out mikey)) refusal = "SDP offer not usable";
            else if (mikey == null) refusal = "no MIKEY key-mgmt"; // RFC 5197 §5: never media in clear
            else if (_answerer == null) refusal = "MIKEY not accepted";
            else
            {
                answer = _answerer.Answer(mikey);
                KeyStatus = answer != null ? SipKeyOutcome.Accepted : SipKeyOutcome.Refused;
                if (answer == null) refusal = "MIKEY offer refused"; // a replayed offer lands here (replay cache)
            }

            string localTag = NewToken();
            if (refusal != null)
            {
                // RFC 3261 §21.4.26: 488 with a Warning (399, §20.43); nothing of the call is kept.
                KeyRefusals++;
                BeginResponse(488, "Not Acceptable Here", localTag);
                _writer.Header("Warning", "399 " + IPv4.ToText(_options.LocalAddress) + " \"" + refusal + "\"");
                _writer.EndNoBody();
                SendThrough(t, nowMicros);
                if (_answerer != null) _answerer.Clear();
                return;
            }

            ClearCall();
            LastFailure = SipCallFailure.None;
            IsCaller = false;
            SipDialog dialog = _dialogs.Allocate()!;
            // RFC 3261 §8.1.1.5: our first CSeq in the dialog, random below 2^31 (with room to count up).
            uint localCSeq = RandomBelow2To31() >> 1;
            dialog.OpenAsCallee(_reader.CallId ?? string.Empty, localTag, _reader.FromTag ?? string.Empty, _reader.ToUri ?? string.Empty,
                _reader.FromUri ?? string.Empty, _reader.CSeq, _reader.ContactUri ?? string.Empty, localCSeq);
            // RFC 3261 §12.1.1: the callee keeps the INVITE's Record-Route in its order.
            for (int i = 0; i < _reader.RecordRouteCount; i++) dialog.AddRoute(_reader.RecordRoute(i));
            ActiveDialog = dialog;
            TakeRemoteMedia();
            _callId = dialog.CallId;
            _localTag = localTag;
            _incoming = t;
            // The INVITE is kept: its 200 (or 487, 603) is written from it later, after other messages used the reader.
            Array.Copy(_receiveBuffer, 0, _inviteCopy, 0, _receivedLength);
            _inviteCopyLength = _receivedLength;
            _sdpSession = RandomBelow2To31();
            _sdpVersion = 0;
            _answerSdp = LocalSdp(answer!);

            BeginResponse(100, "Trying", null);
            _writer.EndNoBody();
            SendThrough(t, nowMicros);
            // RFC 5197 §5.1: 183 with the SDP answer lets the caller key early media before the 200.
            if (_options.EarlyMedia)
            {
                BeginResponse(183, "Session Progress", localTag);
                SipResponseTemplate.WriteRecordRoute(_writer, _reader);
                _writer.Header(SipHeaderName.Contact, _contact);
                _writer.Body(ApplicationSdp, _answerSdp);
            }
            else
            {
                BeginResponse(180, "Ringing", localTag);
                SipResponseTemplate.WriteRecordRoute(_writer, _reader);
                _writer.Header(SipHeaderName.Contact, _contact);
                _writer.EndNoBody();
            }

            SendThrough(t, nowMicros);
            CallState = SipCallState.Incoming;
            _answerAt = _options.AutoAnswerDelayMicros >= 0 ? nowMicros + _options.AutoAnswerDelayMicros : long.MaxValue;
        }

        // Reads the kept INVITE back into the reader (to answer it after other messages were read).
        private bool RereadInvite()
        {
            return _inviteCopyLength > 0 && _reader.Read(_inviteCopy, 0, _inviteCopyLength) == SipReadStatus.Ok;
        }

        private void AnswerNow(long nowMicros)
        {
            _answerAt = long.MaxValue;
            if (IsCaller || CallState != SipCallState.Incoming || _incoming == null || ActiveDialog == null || !RereadInvite()) return;
            SipDialog d = ActiveDialog;
            BeginResponse(200, "OK", d.LocalTag);
            SipResponseTemplate.WriteRecordRoute(_writer, _reader);
            _writer.Header(SipHeaderName.Contact, _contact);
            _writer.Body(ApplicationSdp, _answerSdp);
            // RFC 3261 §13.3.1.4 / RFC 6026 §7.1: the transaction retransmits the 2xx until the ACK or 64·T1.
            SendThrough(_incoming, nowMicros);
            LastStatusCode = 200;
            d.Confirm();
            ActiveCallKeys = _answerer!.Keys;
            CallState = SipCallState.Answering;
        }

        private void OnAck(long nowMicros)
        {
            SipDialog? d = _dialogs.Find(_reader.CallId, _reader.ToTag, _reader.FromTag);
            if (d == null || d != ActiveDialog || IsCaller) return;
            if (CallState == SipCallState.Answering) CallState = SipCallState.Established;
        }

        private void OnCancel(SipServerTransaction t, long nowMicros)
        {
            // RFC 3261 §9.2: the CANCEL names the INVITE by its top Via branch and sent-by; 200 to it, 487 to the INVITE.
            SipServerTransaction? invite = _transactions.FindInvite(_reader);
            bool ours = !IsCaller && CallState == SipCallState.Incoming && invite != null && invite == _incoming;
            if (!ours)
            {
                Respond(t, 481, "Call/Transaction Does Not Exist", nowMicros);
                return;
            }

            Respond(t, 200, "OK", nowMicros);
            if (RereadInvite())
            {
                BeginResponse(487, "Request Terminated", _localTag);
                _writer.EndNoBody();
                SendThrough(_incoming!, nowMicros);
            }

            LastStatusCode = 487;
            EndCall(SipCallState.Ended);
        }

        private void OnBye(SipServerTransaction t, long nowMicros)
        {
            SipDialog? d = _dialogs.Find(_reader.CallId, _reader.ToTag, _reader.FromTag);
            if (d == null)
            {
                Respond(t, 481, "Call/Transaction Does Not Exist", nowMicros);
                return;
            }

            if (!d.AcceptRemoteCSeq(_reader.CSeq))
            {
                Respond(t, 500, "Server Internal Error", nowMicros); // RFC 3261 §12.2.2: out of order
                return;
            }

            Respond(t, 200, "OK", nowMicros);
            if (d == ActiveDialog && CallState != SipCallState.Ended && CallState != SipCallState.Failed) EndCall(SipCallState.Ended);
            else d.Terminate();
        }

        private void HangupCallee(long nowMicros)
        {
            switch (CallState)
            {
                case SipCallState.Incoming:
                    // Declined before answering: 603 Decline (RFC 3261 §21.6.2) through the INVITE's transaction.
                    if (_incoming != null && RereadInvite())
                    {
                        BeginResponse(603, "Decline", _localTag);
                        _writer.EndNoBody();
                        SendThrough(_incoming, nowMicros);
                    }

                    LastStatusCode = 603;
                    EndCall(SipCallState.Ended);
                    break;
                case SipCallState.Answering:
                case SipCallState.Established:
                    WipeKeys();
                    _bye = SendBye(ActiveDialog!, nowMicros);
                    CallState = _bye != null ? SipCallState.Ending : SipCallState.Ended;
                    break;
            }
        }

        private void Respond(SipServerTransaction t, int code, string reason, long nowMicros)
        {
            BeginResponse(code, reason, null);
            _writer.EndNoBody();
            SendThrough(t, nowMicros);
        }

        private void SendThrough(SipServerTransaction t, long nowMicros)
        {
            if (!_writer.Failed) t.Respond(_writer, nowMicros);
        }

        // RFC 3261 §8.2.6.2: Via (all, in order), From, To (with our tag when it had none), Call-ID and CSeq of the request.
        private void BeginResponse(int code, string reason, string? toTag)
        {
            SipResponseTemplate.Write(_writer, _reader, code, reason, code > 100 ? toTag : null);
            if (_options.UserAgentName.Length > 0) _writer.Header(SipHeaderName.Server, _options.UserAgentName);
        }

        private void CheckTransactions(long nowMicros)
        {
            if (IsCaller && _invite != null && (CallState == SipCallState.Calling || CallState == SipCallState.Early || CallState == SipCallState.Cancelling))
            {
                SipTransactionState s = _invite.State;
                if (s == SipTransactionState.TimedOut) Fail(SipCallFailure.Timeout);
                else if (s == SipTransactionState.TransportError) Fail(SipCallFailure.TransportError);
            }

            if (!IsCaller && CallState == SipCallState.Answering && _incoming != null && _incoming.State == SipTransactionState.TimedOut)
            {
                // RFC 3261 §13.3.1.4: no ACK for our 2xx: the dialog is ended with BYE.
                if (ActiveDialog != null) SendBye(ActiveDialog, nowMicros);
                Fail(SipCallFailure.Timeout);
            }

            if (CallState == SipCallState.Ending && _bye != null)
            {
                SipTransactionState s = _bye.State;
                if (s == SipTransactionState.Completed || s == SipTransactionState.Terminated || s == SipTransactionState.TimedOut
                    || s == SipTransactionState.TransportError)
                {
                    _bye = null;
                    EndCall(SipCallState.Ended);
                }
            }
        }
    }
}
