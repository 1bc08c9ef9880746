using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Hal;
using NanoMikey.Crypto.Random;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Rtsp.Server
{
    /// <summary>
    /// RTSP key management with MIKEY (RFC 4567). By default the way GStreamer and ONVIF do it (over a carrier that must
    /// protect it): the DESCRIBE answer carries a MIKEY-NULL I_MESSAGE (RFC 3830 §3.1 PSK data type, KEMAC with NULL
    /// encryption and NULL MAC, §4.2.3) with HDR (one SRTP-ID crypto session: the stream's SSRC, ROC 0), T, RAND, SP and one
    /// TEK = master key ‖ salt; the client's SETUP <c>KeyMgmt</c> is read by a <see cref="PskResponder"/> with NULL mode and
    /// the GStreamer quirks. With a pre-shared key set (<see cref="SetPreSharedKey"/>, our device to our device) the offer's
    /// TEK is encrypted and MACed with it (<see cref="PskInitiator"/>, RFC SP) and only authenticated client messages are
    /// accepted.
    /// </summary>
    /// <remarks>
    /// NULL-mode offers are written with <see cref="MikeyQuirks.GStreamerTagLengthInAuthKeyLength"/>: a 32-bit tag goes into
    /// SP type 3 (RFC 3830 §6.10.1 defines type 3 as the authentication key length; GStreamer reads it as the tag length and
    /// ignores type 11), every other policy in RFC form, which GStreamer 1.22 reads right (tests/Mikey.Nano.Tests Interop).
    /// </remarks>
    public sealed class MikeyKeyManagement : IRtspKeyManagement
    {
        private const int MaxTek = 32 + 14;

        private readonly IAesEngineFactory? _aes;
        private readonly HmacDrbg _drbg;
        private readonly IMikeyClock _clock;
        private readonly SrtpPolicy _policy;
        private readonly SrtpPolicy _nullPolicy;
        private readonly PskResponder _responder;
        private readonly PskInitiator _initiator;
        private bool _psk;
        private readonly byte[] _answer = new byte[256];

        /// <summary>Creates the key management of a server.</summary>
        /// <param name="aesFactory">AES engines for SRTP and MIKEY (hardware on the device).</param>
        /// <param name="drbg">Randomness for keys, RAND and CSB IDs.</param>
        /// <param name="clock">The wall clock for MIKEY timestamps.</param>
        /// <param name="replayCache">Freshness of the clients' messages (RFC 3830 §5.4).</param>
        /// <param name="policy">The policy of the server's streams (AES-CM-128/80 or /32, AES-256-CM/80, AES-GCM-128 ...).</param>
        public MikeyKeyManagement(IAesEngineFactory aesFactory, HmacDrbg drbg, IMikeyClock clock, ReplayCache replayCache, SrtpPolicy policy)
        {
            if (aesFactory == null || drbg == null || clock == null || replayCache == null || policy == null) throw new ArgumentNullException();
            if (policy.SessionEncryptionKeyLength + policy.SessionSaltKeyLength > MaxTek) throw new ArgumentOutOfRangeException();
            _aes = aesFactory;
            _drbg = drbg;
            _clock = clock;
            _policy = new SrtpPolicy();
            _policy.CopyFrom(policy);
            _responder = new PskResponder(aesFactory, clock, replayCache);
            _responder.AcceptNullMode = true;
            // rtspsrc's own MIKEY (its RTCP key) has GStreamer's SP shape; MissingRand for ONVIF-style clients (NULL mode only).
            _responder.Quirks = MikeyQuirks.GStreamerTagLengthInAuthKeyLength | MikeyQuirks.GStreamerAesGcmDefaults | MikeyQuirks.MissingRand;
            _initiator = new PskInitiator(aesFactory, drbg, clock);
            _initiator.KeyTransport = KeyDataType.Tek;
            _initiator.UseNullMode = true;
            _initiator.Quirks = MikeyQuirks.GStreamerTagLengthInAuthKeyLength;
            // GStreamer keys SRTCP with the SRTP tag length (one SP type 3 for both), so in NULL mode a 32-bit tag is 32 bits
            // on SRTCP too; RFC 4568's AES_CM_128_HMAC_SHA1_32 keeps 80 on SRTCP, which GStreamer could not be told.
            _nullPolicy = new SrtpPolicy();
            _nullPolicy.CopyFrom(policy);
            if (_nullPolicy.EffectiveSrtpTagLength == 4) _nullPolicy.SrtcpAuthenticationTagLength = 4;
        }

        /// <summary>The policy of the server's streams (a copy).</summary>
        public SrtpPolicy Policy { get { return _policy; } }

        /// <summary>
        /// The policy offers are keyed with: <see cref="Policy"/> in PSK mode; in NULL mode the same except that a 32-bit SRTP
        /// tag is 32 bits on SRTCP too (GStreamer has one tag length for both).
        /// </summary>
        public SrtpPolicy OfferPolicy { get { return _psk ? _policy : _nullPolicy; } }

        /// <summary>Why the last client message was refused (the MIKEY error code, RFC 3830 §6.12).</summary>
        public ErrorCode LastErrorCode { get { return _responder.ErrorCode; } }

        /// <summary>
        /// Switches to PSK mode (RFC 3830 §3.1): offers carry the TEK encrypted and MACed with this key, clients must
        /// authenticate their MIKEY with it, MIKEY-NULL is refused. For peers that are ours: GStreamer has no PSK mode.
        /// </summary>
        /// <param name="key">Buffer holding the key.</param>
        /// <param name="offset">Offset of the key.</param>
        /// <param name="length">Key length (16 to 64).</param>
        public void SetPreSharedKey(byte[] key, int offset, int length)
        {
            _responder.SetPreSharedKey(key, offset, length);
            _responder.AcceptNullMode = false;
            _initiator.SetPreSharedKey(key, offset, length);
            _initiator.UseNullMode = false;
            _initiator.Quirks = MikeyQuirks.None;
            _psk = true;
        }

        /// <inheritdoc/>
        public SrtpCryptoContext? WriteOffer(uint ssrc, byte[] buffer, int offset, int capacity, out int length)
        {
            length = 0;
            if (buffer == null) throw new ArgumentNullException();
            if (ssrc == 0 || !_drbg.CanGenerate(1)) return null;
            // A fresh TEK per offer (RFC 3830 §4.1.1); PskInitiator writes exactly HDR, T, RAND, SP, KEMAC in both modes.
            _initiator.Reset();
            _initiator.AddCryptoSession(ssrc, 0, OfferPolicy);
            if (_initiator.WriteOffer(buffer, offset, capacity) != MikeyExchangeStatus.Ok)
            {
                _initiator.Reset();
                SecureMemory.Wipe(buffer, offset, capacity);
                return null;
            }

            SrtpCryptoContext context = _initiator.Bundle.Get(0).CreateSrtpContext(SrtpDirection.Outbound, _aes, SrtpMinimumPolicy.Strict);
            length = _initiator.OfferLength;
            _initiator.Reset();
            return context;
        }

        /// <inheritdoc/>
        public SrtpCryptoContext? ReadClientKey(byte[] message, int offset, int length, out MikeyExchangeStatus status)
        {
            if (message == null) throw new ArgumentNullException();
            status = _responder.Respond(message, offset, length, _answer, 0, _answer.Length);
            CryptoSessionBundle b = _responder.Bundle;
            if (status != MikeyExchangeStatus.Ok) return null;
            if (b.Count < 1 || b.Get(0).Ssrc == 0 || b.Get(0).MasterKeyCount == 0)
            {
                b.Clear();
                status = MikeyExchangeStatus.Malformed;
                return null;
            }

            SrtpCryptoContext context = b.Get(0).CreateSrtpContext(SrtpDirection.Inbound, _aes, SrtpMinimumPolicy.Strict);
            b.Clear();
            return context;
        }
    }
}
