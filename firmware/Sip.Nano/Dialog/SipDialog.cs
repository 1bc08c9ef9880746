using System;
using NanoMikey.Sip.Message;

namespace NanoMikey.Sip.Dialog
{
    /// <summary>
    /// The state of one SIP dialog (RFC 3261 §12): its identifier (Call-ID, local and remote tag), the sequence numbers,
    /// the remote target and the route set. Fixed size: the route set holds at most <see cref="MaxRoutes"/> entries and
    /// the strings are set once per dialog (at its creation or a target refresh), never per packet.
    /// </summary>
    public sealed class SipDialog
    {
        /// <summary>Most route-set entries kept (the message reader's Record-Route limit).</summary>
        public const int MaxRoutes = 8;

        private readonly string[] _routes = new string[MaxRoutes];
        private readonly SipUri _uri = new SipUri();

        /// <summary>Creates a free dialog slot.</summary>
        public SipDialog()
        {
            Clear();
        }

        /// <summary>Where the dialog is; <see cref="SipDialogState.Free"/> for an unused slot.</summary>
        public SipDialogState State { get; private set; }

        /// <summary>True when we sent the INVITE that made the dialog (we are its UAC, RFC 3261 §12.1.2).</summary>
        public bool IsCaller { get; private set; }

        /// <summary>The Call-ID (compared byte for byte, RFC 3261 §20.8).</summary>
        public string CallId { get; private set; } = string.Empty;

        /// <summary>Our tag (From-tag of the caller, To-tag of the callee).</summary>
        public string LocalTag { get; private set; } = string.Empty;

        /// <summary>The peer's tag (empty until it is known).</summary>
        public string RemoteTag { get; private set; } = string.Empty;

        /// <summary>Our URI (the From URI of our requests in the dialog, RFC 3261 §12.2.1.1).</summary>
        public string LocalUri { get; private set; } = string.Empty;

        /// <summary>The peer's URI (the To URI of our requests in the dialog).</summary>
        public string RemoteUri { get; private set; } = string.Empty;

        /// <summary>The peer's Contact URI: where requests in the dialog go without a route set (RFC 3261 §12.1).</summary>
        public string RemoteTarget { get; private set; } = string.Empty;

        /// <summary>The CSeq number of our last request in the dialog (RFC 3261 §12.2.1.1).</summary>
        public uint LocalCSeq { get; private set; }

        /// <summary>The CSeq number of the peer's last request in the dialog (meaningful when <see cref="HasRemoteCSeq"/>).</summary>
        public uint RemoteCSeq { get; private set; }

        /// <summary>False while the peer has sent no request in the dialog (the remote sequence number is empty, RFC 3261 §12.1.2).</summary>
        public bool HasRemoteCSeq { get; private set; }

        /// <summary>The CSeq number of the INVITE that made the dialog (its ACK carries it, RFC 3261 §13.2.2.4).</summary>
        public uint InviteCSeq { get; private set; }

        /// <summary>Entries in the route set.</summary>
        public int RouteCount { get; private set; }

        /// <summary>True when the route set did not fit (<see cref="MaxRoutes"/>); such a dialog is not usable.</summary>
        public bool RouteOverflow { get; private set; }

        /// <summary>An entry of the route set, in the order Route headers carry them.</summary>
        /// <param name="index">0 .. <see cref="RouteCount"/> - 1.</param>
        /// <returns>The Record-Route value (name-addr, e.g. <c>&lt;sip:p.example;lr&gt;</c>).</returns>
        public string Route(int index)
        {
            if (index < 0 || index >= RouteCount) throw new ArgumentOutOfRangeException();
            return _routes[index];
        }

        /// <summary>
        /// Opens the dialog of the caller (RFC 3261 §12.1.2) from a response with a To-tag; the route set is then filled
        /// with <see cref="AddRoute"/> from the response's Record-Route values in reverse order.
        /// </summary>
        /// <param name="callId">The INVITE's Call-ID.</param>
        /// <param name="localTag">Our From-tag.</param>
        /// <param name="remoteTag">The response's To-tag.</param>
        /// <param name="localUri">Our From URI.</param>
        /// <param name="remoteUri">The To URI of the INVITE.</param>
        /// <param name="inviteCSeq">The INVITE's CSeq number (our local sequence number).</param>
        /// <param name="remoteTarget">The response's Contact URI (empty when it had none).</param>
        /// <param name="early">True for a provisional response (early dialog), false for a 2xx.</param>
        public void OpenAsCaller(string callId, string localTag, string remoteTag, string localUri, string remoteUri, uint inviteCSeq,
            string remoteTarget, bool early)
        {
            Open(callId, localTag, remoteTag, localUri, remoteUri, remoteTarget, early);
            IsCaller = true;
            LocalCSeq = inviteCSeq;
            InviteCSeq = inviteCSeq;
            HasRemoteCSeq = false;
        }

        /// <summary>
        /// Opens the dialog of the callee (RFC 3261 §12.1.1) from an INVITE; the route set is then filled with
        /// <see cref="AddRoute"/> from the INVITE's Record-Route values in their order.
        /// </summary>
        /// <param name="callId">The INVITE's Call-ID.</param>
        /// <param name="localTag">The To-tag we chose.</param>
        /// <param name="remoteTag">The INVITE's From-tag.</param>
        /// <param name="localUri">The INVITE's To URI.</param>
        /// <param name="remoteUri">The INVITE's From URI.</param>
        /// <param name="inviteCSeq">The INVITE's CSeq number (the remote sequence number).</param>
        /// <param name="remoteTarget">The INVITE's Contact URI.</param>
        /// <param name="localCSeq">Our first sequence number (random below 2^31 is recommended, RFC 3261 §8.1.1.5).</param>
        public void OpenAsCallee(string callId, string localTag, string remoteTag, string localUri, string remoteUri, uint inviteCSeq,
            string remoteTarget, uint localCSeq)
        {
            Open(callId, localTag, remoteTag, localUri, remoteUri, remoteTarget, true);
            IsCaller = false;
            LocalCSeq = localCSeq;
            RemoteCSeq = inviteCSeq;
            InviteCSeq = inviteCSeq;
            HasRemoteCSeq = true;
        }

        /// <summary>Appends one route-set entry; false (and <see cref="RouteOverflow"/>) when the set is full.</summary>
        /// <param name="route">A Record-Route value.</param>
        /// <returns>True when it was kept.</returns>
        public bool AddRoute(string route)
        {
            if (route == null) throw new ArgumentNullException();
            if (RouteCount == MaxRoutes)
            {
                RouteOverflow = true;
                return false;
            }

            _routes[RouteCount++] = route;
            return true;
        }

        /// <summary>Removes the route set (a 2xx's Record-Route replaces an early dialog's, RFC 3261 §12.1.2 / §13.2.2.4).</summary>
        public void ClearRoutes()
        {
            for (int i = 0; i < MaxRoutes; i++) _routes[i] = string.Empty;
            RouteCount = 0;
            RouteOverflow = false;
        }

        /// <summary>Turns an early dialog into a confirmed one (a 2xx on the caller's side, our 2xx on the callee's).</summary>
        public void Confirm()
        {
            if (State == SipDialogState.Early) State = SipDialogState.Confirmed;
        }

        /// <summary>Marks the dialog ended; the slot stays taken until <see cref="Clear"/>.</summary>
        public void Terminate()
        {
            if (State != SipDialogState.Free) State = SipDialogState.Terminated;
        }

        /// <summary>Replaces the remote target (a target refresh: a 2xx or re-INVITE with a Contact, RFC 3261 §12.2).</summary>
        /// <param name="target">The new Contact URI; empty keeps the old one.</param>
        public void RefreshTarget(string target)
        {
            if (target != null && target.Length > 0) RemoteTarget = target;
        }

        /// <summary>Takes the next local sequence number for a new request in the dialog (not ACK, not CANCEL: RFC 3261 §12.2.1.1).</summary>
        /// <returns>The CSeq number to send.</returns>
        public uint NextLocalCSeq()
        {
            // RFC 3261 §8.1.1.5: CSeq stays below 2^31; a dialog that reaches it ends rather than wraps.
            if (LocalCSeq < 0x7FFFFFFF) LocalCSeq++;
            return LocalCSeq;
        }

        /// <summary>
        /// Checks a request's CSeq in the dialog (RFC 3261 §12.2.2): lower than the remote sequence number is out of order
        /// (answered 500), otherwise it becomes the remote sequence number.
        /// </summary>
        /// <param name="cseq">The request's CSeq number.</param>
        /// <returns>False when the request is out of order (state unchanged).</returns>
        public bool AcceptRemoteCSeq(uint cseq)
        {
            if (HasRemoteCSeq && cseq < RemoteCSeq) return false;
            RemoteCSeq = cseq;
            HasRemoteCSeq = true;
            return true;
        }

        /// <summary>True when the route set is empty or its first entry is a loose router (<c>;lr</c>, RFC 3261 §16.12.1.1).</summary>
        public bool IsLooseRouting
        {
            get { return RouteCount == 0 || HasLrParameter(_routes[0]); }
        }

        /// <summary>
        /// The Request-URI of a request in the dialog (RFC 3261 §12.2.1.1): the remote target, or with a strict router
        /// first in the route set that router's URI.
        /// </summary>
        public string RequestUri
        {
            get { return IsLooseRouting ? RemoteTarget : UriOf(_routes[0]); }
        }

        /// <summary>The URI of the next hop: the first route's, else the remote target (RFC 3261 §8.1.2 with §12.2.1.1).</summary>
        public string NextHopUri
        {
            get { return RouteCount > 0 ? UriOf(_routes[0]) : RemoteTarget; }
        }

        /// <summary>How many Route headers a request in the dialog carries (RFC 3261 §12.2.1.1).</summary>
        public int RouteHeaderCount
        {
            get
            {
                if (RouteCount == 0) return 0;
                // A strict router gets the remote target appended in place of its own entry: as many entries either way.
                return RouteCount;
            }
        }

        /// <summary>
        /// The value of a Route header of a request in the dialog (RFC 3261 §12.2.1.1): the route set as it is behind a
        /// loose router; behind a strict one, the set without its first entry followed by the remote target.
        /// </summary>
        /// <param name="index">0 .. <see cref="RouteHeaderCount"/> - 1.</param>
        /// <returns>A name-addr value.</returns>
        public string RouteHeader(int index)
        {
            if (index < 0 || index >= RouteHeaderCount) throw new ArgumentOutOfRangeException();
            if (IsLooseRouting) return _routes[index];
            return index + 1 < RouteCount ? _routes[index + 1] : "<" + RemoteTarget + ">";
        }

        /// <summary>True when <paramref name="callId"/> and the two tags name this dialog (RFC 3261 §12: byte for byte).</summary>
        /// <param name="callId">Call-ID.</param>
        /// <param name="localTag">Our tag.</param>
        /// <param name="remoteTag">The peer's tag.</param>
        /// <returns>True on a match (a free slot never matches).</returns>
        public bool Matches(string callId, string localTag, string remoteTag)
        {
            return State != SipDialogState.Free && string.Equals(CallId, callId) && string.Equals(LocalTag, localTag)
                && string.Equals(RemoteTag, remoteTag);
        }

        /// <summary>Frees the slot: every field back to empty.</summary>
        public void Clear()
        {
            State = SipDialogState.Free;
            IsCaller = false;
            CallId = string.Empty;
            LocalTag = string.Empty;
            RemoteTag = string.Empty;
            LocalUri = string.Empty;
            RemoteUri = string.Empty;
            RemoteTarget = string.Empty;
            LocalCSeq = 0;
            RemoteCSeq = 0;
            HasRemoteCSeq = false;
            InviteCSeq = 0;
            ClearRoutes();
        }

        /// <summary>The URI inside a name-addr (<c>"x" &lt;sip:a;lr&gt;;p</c> gives <c>sip:a;lr</c>) or an addr-spec as is.</summary>
        /// <param name="value">A Route / Record-Route / Contact value.</param>
        /// <returns>The URI.</returns>
        public static string UriOf(string value)
        {
            if (value == null) throw new ArgumentNullException();
            int lt = value.IndexOf('<');
            if (lt < 0) return value.Trim();
            int gt = value.IndexOf('>', lt + 1);
            return gt < 0 ? value.Substring(lt + 1).Trim() : value.Substring(lt + 1, gt - lt - 1).Trim();
        }

        private bool HasLrParameter(string route)
        {
            // RFC 3261 §19.1.1: lr is a uri-parameter (not a user part, not a header).
            return _uri.Parse(UriOf(route)) && _uri.LooseRouting;
        }

        private void Open(string callId, string localTag, string remoteTag, string localUri, string remoteUri, string remoteTarget, bool early)
        {
            if (callId == null || localTag == null || remoteTag == null || localUri == null || remoteUri == null || remoteTarget == null)
            {
                throw new ArgumentNullException();
            }

            Clear();
            State = early ? SipDialogState.Early : SipDialogState.Confirmed;
            CallId = callId;
            LocalTag = localTag;
            RemoteTag = remoteTag;
            LocalUri = localUri;
            RemoteUri = remoteUri;
            RemoteTarget = remoteTarget;
        }
    }
}
