using System;
using NanoMikey.Mikey.Ecc;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Transport;
using NanoMikey.Sip.Sdp;

namespace NanoMikey.Sip.Keying
{
    /// <summary>
    /// The callee's MIKEY in a SIP call (RFC 4567 §3.1): takes the offer's <c>a=key-mgmt:mikey</c>, answers it through the
    /// responder of the mode offered, and gives the answer's base64 for the SDP answer (18x for early media, or 200) and the
    /// keys. The responders are the device's, with the replay cache it shares with every other carrier (RFC 3830 §5.4): a
    /// replayed INVITE carrying an old offer is refused (<see cref="SipMikeyStatus.MikeyRefused"/> with
    /// <see cref="MikeyExchangeStatus.Replayed"/>), so the call is never keyed by it.
    /// </summary>
    /// <remarks>
    /// A PSK offer from a forking caller leaves this side's SSRC (CS 2) 0: <see cref="SetOwnStream"/> fills it in, and the
    /// caller refuses a fork whose SSRC another fork uses (<see cref="SipMikeyOffer"/>). An ECDH-SIGN offer names both SSRCs;
    /// each answerer's DH value gives it its own keys.
    /// </remarks>
    public sealed class SipMikeyAnswerer
    {
        private readonly byte[] _offer;
        private readonly byte[] _answer;
        private readonly CryptoSessionBundle _bundle = new CryptoSessionBundle();
        private PskResponder? _psk;
        private EcdhSignResponder? _ecdhSign;
        private EciesResponder? _ecies;
        private EcmqvResponder? _ecmqv;

        /// <summary>Creates an answerer for MIKEY messages up to <see cref="SipMikeyOffer.MaxMessageLength"/> bytes.</summary>
        public SipMikeyAnswerer()
        {
            _offer = new byte[SipMikeyOffer.MaxMessageLength];
            _answer = new byte[SipMikeyOffer.MaxMessageLength];
        }

        /// <summary>The modes accepted.</summary>
        public MikeyMode Modes { get; private set; }

        /// <summary>The mode of the last offer answered.</summary>
        public MikeyMode Mode { get; private set; }

        /// <summary>The base64 of the last answer (the MIKEY response, or the error message of a refused offer), or null.</summary>
        public string? AnswerData { get; private set; }

        /// <summary>The MIKEY outcome of the last offer.</summary>
        public MikeyExchangeStatus MikeyStatus { get; private set; }

        /// <summary>The keys of the last offer answered with Ok (a copy: CS 1 the caller's stream, CS 2 this side's).</summary>
        public CryptoSessionBundle Bundle
        {
            get { return _bundle; }
        }

        /// <summary>
        /// Accepts a mode with its responder (<see cref="MikeyMode.Psk"/> a <see cref="PskResponder"/>,
        /// <see cref="MikeyMode.EcdhSign"/> an <see cref="EcdhSignResponder"/>, <see cref="MikeyMode.Ecies"/> an
        /// <see cref="EciesResponder"/>, <see cref="MikeyMode.Ecmqv"/> an <see cref="EcmqvResponder"/>).
        /// </summary>
        /// <param name="mode">The mode.</param>
        /// <param name="responder">Its responder (its replay cache the device's).</param>
        public void Accept(MikeyMode mode, MikeyResponder responder)
        {
            if (responder == null) throw new ArgumentNullException();
            if (mode == MikeyMode.Psk && responder is PskResponder) _psk = (PskResponder)responder;
            else if (mode == MikeyMode.EcdhSign && responder is EcdhSignResponder) _ecdhSign = (EcdhSignResponder)responder;
            else if (mode == MikeyMode.Ecies && responder is EciesResponder) _ecies = (EciesResponder)responder;
            else if (mode == MikeyMode.Ecmqv && responder is EcmqvResponder) _ecmqv = (EcmqvResponder)responder;
            else throw new ArgumentException();
            Modes |= mode;
        }

        /// <summary>This side's SSRC for its stream (CS 2), filled in where a PSK offer left it 0 (RFC 3830 §4.2.1).</summary>
        /// <param name="ssrc">The SSRC (not 0).</param>
        public void SetOwnStream(uint ssrc)
        {
            if (ssrc == 0) throw new ArgumentOutOfRangeException();
            if (_psk == null) throw new InvalidOperationException();
            _psk.SetOwnStream(2, ssrc, 0);
        }

        /// <summary>Answers the offer of an SDP (INVITE body).</summary>
        /// <param name="offer">The SDP offer, read with Ok.</param>
        /// <returns>NoKeyManagement when it carries no MIKEY over RTP/SAVP (answer 488, RFC 3261 §21.4.26); otherwise as <see cref="Answer(string)"/>.</returns>
        public SipMikeyStatus Answer(SdpSessionReader offer)
        {
            if (offer == null) throw new ArgumentNullException();
            if (!offer.HasMikey || offer.Profile != SdpMediaProfile.RtpSavp || offer.MikeyData == null) return SipMikeyStatus.NoKeyManagement;
            return Answer(offer.MikeyData);
        }

        /// <summary>Answers a MIKEY offer (the base64 of <c>a=key-mgmt:mikey</c>).</summary>
        /// <param name="base64">The key-mgmt data.</param>
        /// <returns>Ok with <see cref="AnswerData"/> and <see cref="Bundle"/> set; Malformed, InvalidState (mode not accepted) or MikeyRefused.</returns>
        public SipMikeyStatus Answer(string base64)
        {
            if (base64 == null) throw new ArgumentNullException();
            AnswerData = null;
            Mode = MikeyMode.None;
            int n = base64.Length == 0 ? -1 : Base64.GetDecodedLength(base64, 0, base64.Length);
            if (n < 2 || n > _offer.Length) return SipMikeyStatus.Malformed;
            Base64.Decode(base64, 0, base64.Length, _offer, 0);

            // HDR data type (RFC 3830 §6.1) picks the responder; it checks everything else.
            DataType dt = (DataType)_offer[1];
            MikeyResponder? r = null;
            MikeyMode mode = MikeyMode.None;
            if (dt == DataType.PreShared)
            {
                r = _psk;
                mode = MikeyMode.Psk;
            }
            else if (dt == DataType.DhInit)
            {
                r = _ecdhSign;
                mode = MikeyMode.EcdhSign;
            }
            else if (dt == DataType.PublicKey)
            {
                r = _ecies;
                mode = MikeyMode.Ecies;
            }
            else if (dt == EccProfileValues.EcmqvInitDataType)
            {
                r = _ecmqv;
                mode = MikeyMode.Ecmqv;
            }

            if (r == null)
            {
                MikeyStatus = MikeyExchangeStatus.Unsupported;
                return SipMikeyStatus.InvalidState;
            }

            MikeyExchangeStatus s = r.Respond(_offer, 0, n, _answer, 0, _answer.Length);
            MikeyStatus = s;
            AnswerData = r.AnswerLength > 0 ? Base64.Encode(_answer, 0, r.AnswerLength) : null;
            if (s != MikeyExchangeStatus.Ok) return SipMikeyStatus.MikeyRefused;
            _bundle.CopyFrom(r.Bundle);
            Mode = mode;
            return SipMikeyStatus.Ok;
        }
    }
}
