using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Hash;
using NanoMikey.Crypto.Random;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Ecc;
using NanoMikey.Mikey.Ecc.Offers;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Transport;
using NanoMikey.Sip.Sdp;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Sip.Keying
{
    /// <summary>
    /// The caller's MIKEY in a SIP call (RFC 4567 §3.1, RFC 5197 §5): one offer, built for one target, and one MIKEY state per
    /// early dialog that answers it.
    /// <list type="bullet">
    /// <item>Forking (§5.2): each To-tag that answers is its own fork with its own keys; a second answer with the same To-tag and
    /// the same bytes is a retransmission, a new To-tag a new fork (never a retransmission), up to <see cref="MaxForks"/>.
    /// <see cref="Confirm"/> keeps the winner's keys and wipes every other fork's; <see cref="Drop"/> wipes one.</item>
    /// <item>Early media (§5.1): a fork's keys (<see cref="EarlyBundle"/>) are usable as soon as its answer is accepted.</item>
    /// <item>Redirect (§5.3): <see cref="Rebuild"/> builds a fresh offer (new CSB ID, RAND, keys) with the new target's
    /// credentials; the old target's PSK or certificate does not fit it.</item>
    /// <item>Retargeting: an answer is judged by the identity inside it (IDr, for ECDH-SIGN bound to the certificate that
    /// signed it) against the <see cref="SipAnswerPolicy"/>, never by the URI dialled.</item>
    /// <item>An answer without MIKEY (<see cref="SipMikeyStatus.NoKeyManagement"/>) fails secure.</item>
    /// </list>
    /// Modes: PSK and ECDH-SIGN, the two whose offer any responder holding the credentials can answer. With ECDH-SIGN every
    /// responder's DH value gives its own TGK: the initiator keeps its ephemeral key until <see cref="Confirm"/> and derives a
    /// bundle per answer. With PSK every responder derives the same TGK from the offer, so the forks' keys differ only by the
    /// SSRC each responder fills in for its stream (CS 2; the offer leaves it 0, RFC 3830 §4.2.1); SRTP's keystream depends
    /// on the SSRC (RFC 3711 §4.1.1), so two forks with the same SSRC would encrypt under one keystream (a two-time pad). A
    /// fork whose SSRC equals another fork's or this side's own is therefore refused (<see cref="SipMikeyStatus.DuplicateSsrc"/>).
    /// This side's own stream (CS 1) is one stream under one key in every PSK fork: send every early dialog the same packets
    /// (or media only to the winner), never different packets with the same index.
    /// </summary>
    public sealed class SipMikeyOffer
    {
        /// <summary>Early dialogs keyed at once by default.</summary>
        public const int DefaultMaxForks = 4;

        /// <summary>Longest MIKEY message sent or read (an ECDH-SIGN message with a two-certificate chain is ~1.1 KB).</summary>
        public const int MaxMessageLength = 2048;

        private readonly HmacDrbg _random;
        private readonly PskOfferer? _psk;
        private readonly EccOfferer? _ecdh;
        private readonly SipAnswerPolicy _policy;
        private readonly SipMikeyFork[] _forks;
        private readonly byte[] _message = new byte[MaxMessageLength];
        private readonly byte[] _hash = new byte[Sha256.HashSize];
        private readonly byte[] _ssrc = new byte[4];
        private readonly byte[] _localId;
        private readonly Sha256 _sha = new Sha256();
        private readonly MikeyReader _reader = new MikeyReader();
        private IMikeyOfferer? _active;
        private SrtpPolicy? _srtpPolicy;
        private SipMikeyTarget? _target;
        private bool _offered;
        private int _confirmed = -1;
        private uint _ownSsrc;
        private int _idOffset;
        private int _idLength;

        /// <summary>Creates the caller side with <see cref="DefaultMaxForks"/> forks.</summary>
        /// <param name="random">Randomness for the SSRCs.</param>
        /// <param name="psk">The PSK offerer, or null when this side has no pre-shared keys.</param>
        /// <param name="ecdhSign">An ECDH-SIGN offerer (an <see cref="EcdhSignInitiator"/>), or null without a certificate.</param>
        /// <param name="policy">Whose answers are accepted.</param>
        /// <param name="localIdentity">This side's identity, sent as IDi of PSK offers (null: none; ECDH-SIGN sends its credentials').</param>
        public SipMikeyOffer(HmacDrbg random, PskOfferer? psk, EccOfferer? ecdhSign, SipAnswerPolicy policy, byte[]? localIdentity)
            : this(random, psk, ecdhSign, policy, localIdentity, DefaultMaxForks)
        {
        }

        /// <summary>Creates the caller side.</summary>
        /// <param name="random">Randomness for the SSRCs.</param>
        /// <param name="psk">The PSK offerer, or null when this side has no pre-shared keys.</param>
        /// <param name="ecdhSign">An ECDH-SIGN offerer (an <see cref="EcdhSignInitiator"/>), or null without a certificate.</param>
        /// <param name="policy">Whose answers are accepted.</param>
        /// <param name="localIdentity">This side's identity, sent as IDi of PSK offers (null: none; ECDH-SIGN sends its credentials').</param>
        /// <param name="maxForks">Early dialogs keyed at once (1 to 16).</param>
        public SipMikeyOffer(HmacDrbg random, PskOfferer? psk, EccOfferer? ecdhSign, SipAnswerPolicy policy, byte[]? localIdentity, int maxForks)
        {
            if (random == null || policy == null) throw new ArgumentNullException();
            if (maxForks < 1 || maxForks > 16 || (localIdentity != null && localIdentity.Length > 64)) throw new ArgumentOutOfRangeException();
            if (ecdhSign != null && !(ecdhSign.Initiator is EcdhSignInitiator)) throw new ArgumentException();
            _random = random;
            _psk = psk;
            _ecdh = ecdhSign;
            _policy = policy;
            _localId = localIdentity ?? new byte[0];
            _forks = new SipMikeyFork[maxForks];
            for (int i = 0; i < maxForks; i++) _forks[i] = new SipMikeyFork();
        }

        /// <summary>Early dialogs keyed at once; a further To-tag gets <see cref="SipMikeyStatus.TooManyForks"/>.</summary>
        public int MaxForks
        {
            get { return _forks.Length; }
        }

        /// <summary>The mode of the current offer (None before <see cref="Build"/>).</summary>
        public MikeyMode Mode { get; private set; }

        /// <summary>The target the current offer is built for.</summary>
        public SipMikeyTarget? Target
        {
            get { return _target; }
        }

        /// <summary>The base64 of the last offer written (for <c>a=key-mgmt:mikey</c>), or null.</summary>
        public string? Offer { get; private set; }

        /// <summary>The MIKEY outcome behind the last <see cref="SipMikeyStatus.MikeyRefused"/> (or a failed offer).</summary>
        public MikeyExchangeStatus MikeyStatus { get; private set; }

        /// <summary>The outcome of the last <see cref="WriteOffer"/> or <see cref="Rebuild"/>.</summary>
        public SipMikeyStatus LastStatus { get; private set; }

        /// <summary>This side's SSRC (CS 1) in the current offer.</summary>
        public uint OwnSsrc
        {
            get { return _ownSsrc; }
        }

        /// <summary>Early dialogs keyed now.</summary>
        public int ForkCount
        {
            get
            {
                int n = 0;
                for (int i = 0; i < _forks.Length; i++)
                {
                    if (_forks[i].InUse) n++;
                }

                return n;
            }
        }

        /// <summary>The winner's keys after <see cref="Confirm"/> (CS 1 this side's stream, CS 2 the answerer's), else null.</summary>
        public CryptoSessionBundle? Bundle
        {
            get { return _confirmed >= 0 ? _forks[_confirmed].Bundle : null; }
        }

        /// <summary>The keys of the early dialog with this To-tag (early media, RFC 5197 §5.1), or null.</summary>
        /// <param name="toTag">The To-tag.</param>
        /// <returns>The fork's bundle, valid until it is confirmed away, dropped or the offer rebuilt.</returns>
        public CryptoSessionBundle? EarlyBundle(string toTag)
        {
            int i = Find(toTag);
            return i < 0 ? null : _forks[i].Bundle;
        }

        /// <summary>
        /// Chooses the mode for <paramref name="target"/> (<see cref="MikeyModeSelector"/> over PSK and ECDH-SIGN: PSK when a key
        /// is shared with it, else ECDH-SIGN when its certificate is trusted) and loads its credentials; <see cref="WriteOffer"/>
        /// then writes the offer. Every fork of a previous offer is wiped.
        /// </summary>
        /// <param name="target">The target's credentials (kept by reference).</param>
        /// <param name="policy">The SRTP policy of both streams.</param>
        /// <returns>Ok, or NoCommonMode.</returns>
        public SipMikeyStatus Build(SipMikeyTarget target, SrtpPolicy policy)
        {
            if (target == null || policy == null) throw new ArgumentNullException();
            End();
            MikeyMode allowed = target.PeerModes & (MikeyMode.Psk | MikeyMode.EcdhSign);
            MikeyMode mode = MikeyModeSelector.Select(allowed, _psk != null && target.HasPreSharedKey, _ecdh != null, target.CertificateTrusted, false, false);
            _target = null;
            _active = null;
            Mode = MikeyMode.None;
            if (mode == MikeyMode.None) return SipMikeyStatus.NoCommonMode;
            if (mode == MikeyMode.Psk)
            {
                PskInitiator i = _psk!.Initiator;
                i.SetPreSharedKey(target.PreSharedKey, 0, target.PreSharedKeyLength);
                i.SetIdentities(IdType.Uri, _localId, _localId.Length, target.Identity, target.IdentityLength);
                i.RequestVerification = true; // the answer must carry the responder's SSRC, authenticated (RFC 3830 §3.1 V)
                i.KeyTransport = KeyDataType.Tgk;
                i.UseNullMode = false;
                _active = _psk;
            }
            else
            {
                _ecdh!.Initiator.SetResponderIdentity(IdType.Uri, target.Identity, 0, target.IdentityLength);
                _active = _ecdh;
            }

            _target = target;
            _srtpPolicy = policy;
            Mode = mode;
            return SipMikeyStatus.Ok;
        }

        /// <summary>
        /// Writes a fresh I_MESSAGE for the target of <see cref="Build"/> (new CSB ID, RAND, T, SSRCs) and returns its base64
        /// for <c>a=key-mgmt:mikey</c>. Earlier forks are wiped. Write it once per INVITE: retransmissions repeat the body.
        /// </summary>
        /// <returns>The base64, or null (see <see cref="LastStatus"/> and <see cref="MikeyStatus"/>).</returns>
        public string? WriteOffer()
        {
            End();
            Offer = null;
            IMikeyOfferer? o = _active;
            if (o == null)
            {
                LastStatus = SipMikeyStatus.InvalidState;
                return null;
            }

            if (!_random.CanGenerate(4))
            {
                MikeyStatus = MikeyExchangeStatus.ReseedRequired;
                LastStatus = SipMikeyStatus.MikeyRefused;
                return null;
            }

            // RFC 3550 §8.1 random SSRCs, never 0 (MIKEY's "fill in" value, RFC 3830 §6.1.1) and never equal.
            _ownSsrc = NewSsrc(0);
            o.Reset();
            o.AddCryptoSession(_ownSsrc, 0, _srtpPolicy!);
            // PSK: the responder fills in CS 2 (its SSRC makes its fork's keystream its own); ECDH-SIGN: each fork has its own TGK.
            o.AddCryptoSession(Mode == MikeyMode.Psk ? 0 : NewSsrc(_ownSsrc), 0, _srtpPolicy!);
            MikeyExchangeStatus s = o.WriteOffer(_message, 0, _message.Length);
            MikeyStatus = s;
            if (s != MikeyExchangeStatus.Ok)
            {
                LastStatus = SipMikeyStatus.MikeyRefused;
                return null;
            }

            Offer = Base64.Encode(_message, 0, o.OfferLength);
            SecureMemory.Wipe(_message, 0, o.OfferLength);
            _offered = true;
            LastStatus = SipMikeyStatus.Ok;
            return Offer;
        }

        /// <summary>
        /// After a redirect (3xx, RFC 5197 §5.3): wipes every fork and the old offer's secrets, builds for the new target with
        /// its credentials and writes a fresh offer for the new INVITE.
        /// </summary>
        /// <param name="target">The new target's credentials.</param>
        /// <returns>The new offer's base64, or null (see <see cref="LastStatus"/>).</returns>
        public string? Rebuild(SipMikeyTarget target)
        {
            if (_srtpPolicy == null)
            {
                LastStatus = SipMikeyStatus.InvalidState;
                return null;
            }

            SipMikeyStatus s = Build(target, _srtpPolicy);
            if (s != SipMikeyStatus.Ok)
            {
                Offer = null;
                LastStatus = s;
                return null;
            }

            return WriteOffer();
        }

        /// <summary>Takes the SDP answer of an early dialog (18x) or of a 200: its MIKEY key-mgmt for the audio stream.</summary>
        /// <param name="toTag">The To-tag of the response.</param>
        /// <param name="answer">The SDP answer, read with Ok.</param>
        /// <returns>NoKeyManagement when it carries no MIKEY over RTP/SAVP; otherwise as <see cref="AcceptAnswer(string, string)"/>.</returns>
        public SipMikeyStatus AcceptAnswer(string toTag, SdpSessionReader answer)
        {
            if (toTag == null || answer == null) throw new ArgumentNullException();
            if (!answer.HasMikey || answer.Profile != SdpMediaProfile.RtpSavp || answer.MikeyData == null) return SipMikeyStatus.NoKeyManagement;
            return AcceptAnswer(toTag, answer.MikeyData);
        }

        /// <summary>
        /// Takes the MIKEY answer (base64 of <c>a=key-mgmt:mikey</c>) of the early dialog <paramref name="toTag"/>: a new To-tag
        /// is a new fork, keyed here if the answer authenticates, its identity passes the policy and (PSK) its SSRC is its own;
        /// the same To-tag with the same bytes is a retransmission. Nothing changes on a failure.
        /// </summary>
        /// <param name="toTag">The To-tag of the response.</param>
        /// <param name="base64">The key-mgmt data.</param>
        /// <returns>The outcome.</returns>
        public SipMikeyStatus AcceptAnswer(string toTag, string base64)
        {
            if (toTag == null || base64 == null) throw new ArgumentNullException();
            if (!_offered || _confirmed >= 0 || _active == null) return SipMikeyStatus.InvalidState;
            if (toTag.Length == 0) return SipMikeyStatus.Malformed; // an early dialog needs a To-tag (RFC 3261 §12.1)
            if (base64.Length == 0) return SipMikeyStatus.NoKeyManagement;
            int n = Base64.GetDecodedLength(base64, 0, base64.Length);
            if (n < 1 || n > _message.Length) return SipMikeyStatus.Malformed;
            Base64.Decode(base64, 0, base64.Length, _message, 0);
            _sha.Update(_message, 0, n);
            _sha.Final(_hash, 0);

            int known = Find(toTag);
            if (known >= 0)
            {
                return ConstantTime.AreEqual(_forks[known].AnswerHash, 0, _hash, 0, _hash.Length) ? SipMikeyStatus.Retransmission : SipMikeyStatus.AnswerChanged;
            }

            int slot = -1;
            for (int i = 0; i < _forks.Length; i++)
            {
                if (!_forks[i].InUse)
                {
                    if (slot < 0) slot = i;
                }
                else if (ConstantTime.AreEqual(_forks[i].AnswerHash, 0, _hash, 0, _hash.Length))
                {
                    return SipMikeyStatus.DuplicateAnswer;
                }
            }

            if (slot < 0) return SipMikeyStatus.TooManyForks;
            SipMikeyFork f = _forks[slot];
            MikeyExchangeStatus s = _active.ReadForkAnswer(_message, 0, n, f.Bundle);
            MikeyStatus = s;
            if (s != MikeyExchangeStatus.Ok) return SipMikeyStatus.MikeyRefused;

            // Retargeting: the identity inside the authenticated answer decides, not the URI dialled.
            FindIdentity(n);
            if (!_policy.Accepts(_message, _idOffset, _idLength))
            {
                f.Clear();
                return SipMikeyStatus.IdentityRefused;
            }

            if (Mode == MikeyMode.Psk)
            {
                // The two-time-pad guard (class remarks): the responder's SSRC must be set and unused.
                uint ssrc = f.Bundle.Count > 1 ? f.Bundle.Get(1).Ssrc : 0;
                bool clash = ssrc == 0 || ssrc == _ownSsrc;
                for (int i = 0; i < _forks.Length && !clash; i++)
                {
                    clash = _forks[i].InUse && _forks[i].Bundle.Count > 1 && _forks[i].Bundle.Get(1).Ssrc == ssrc;
                }

                if (clash)
                {
                    f.Clear();
                    return SipMikeyStatus.DuplicateSsrc;
                }
            }

            Array.Copy(_hash, 0, f.AnswerHash, 0, _hash.Length);
            f.ToTag = toTag;
            return SipMikeyStatus.Ok;
        }

        /// <summary>
        /// The early dialog <paramref name="toTag"/> won (its 200 came first): keeps its keys as <see cref="Bundle"/>, wipes every
        /// other fork's keys and the offer's remaining secrets (ECDH-SIGN's ephemeral key, PSK's auth key), so no later answer
        /// is accepted. Confirming the winner again is Ok (a retransmitted 200).
        /// </summary>
        /// <param name="toTag">The winner's To-tag.</param>
        /// <returns>Ok, UnknownDialog, or InvalidState (another fork was confirmed).</returns>
        public SipMikeyStatus Confirm(string toTag)
        {
            if (toTag == null) throw new ArgumentNullException();
            int w = Find(toTag);
            if (w < 0) return SipMikeyStatus.UnknownDialog;
            if (_confirmed >= 0) return _confirmed == w ? SipMikeyStatus.Ok : SipMikeyStatus.InvalidState;
            for (int i = 0; i < _forks.Length; i++)
            {
                if (i != w) _forks[i].Clear();
            }

            if (_active != null) _active.EndAnswers();
            _confirmed = w;
            return SipMikeyStatus.Ok;
        }

        /// <summary>Wipes the keys of one early dialog (it ended: 4xx/6xx on it, CANCEL, BYE).</summary>
        /// <param name="toTag">Its To-tag.</param>
        /// <returns>Ok or UnknownDialog.</returns>
        public SipMikeyStatus Drop(string toTag)
        {
            if (toTag == null) throw new ArgumentNullException();
            int i = Find(toTag);
            if (i < 0) return SipMikeyStatus.UnknownDialog;
            _forks[i].Clear();
            if (_confirmed == i) _confirmed = -1;
            return SipMikeyStatus.Ok;
        }

        /// <summary>Ends the call's keying: wipes every fork (the winner's keys too) and the offer's secrets.</summary>
        public void End()
        {
            for (int i = 0; i < _forks.Length; i++) _forks[i].Clear();
            if (_active != null) _active.EndAnswers();
            _confirmed = -1;
            _offered = false;
        }

        private int Find(string toTag)
        {
            for (int i = 0; i < _forks.Length; i++)
            {
                if (_forks[i].ToTag == toTag) return i;
            }

            return -1;
        }

        // The answer's identity: its first ID payload (ECDH-SIGN: IDr before CERTr, PSK verification: the optional IDr), or an
        // IDR payload with role IDr (RFC 6043 §6.6).
        private void FindIdentity(int length)
        {
            _idOffset = 0;
            _idLength = 0;
            MikeyReader r = _reader;
            if (r.Reset(_message, 0, length) != NanoMikey.Mikey.Codec.MikeyStatus.Ok) return;
            while (r.Read() == NanoMikey.Mikey.Codec.MikeyStatus.Ok)
            {
                if (r.PayloadType == PayloadType.Id)
                {
                    _idOffset = r.Id.DataOffset;
                    _idLength = r.Id.DataLength;
                    return;
                }

                if (r.PayloadType == PayloadType.Idr && r.Idr.Role == IdRole.Responder)
                {
                    _idOffset = r.Idr.DataOffset;
                    _idLength = r.Idr.DataLength;
                    return;
                }
            }
        }

        private uint NewSsrc(uint avoid)
        {
            uint s;
            do
            {
                _random.Generate(_ssrc, 0, 4);
                s = ((uint)_ssrc[0] << 24) | ((uint)_ssrc[1] << 16) | ((uint)_ssrc[2] << 8) | _ssrc[3];
            }
            while (s == 0 || s == avoid);
            return s;
        }
    }
}
