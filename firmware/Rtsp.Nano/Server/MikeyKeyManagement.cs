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
    /// The SP is written as GStreamer's <c>gst_mikey_message_new_from_caps</c> writes it, since rtspsrc reads it the same
    /// way: types 0, 1, 2, 3, 7, 8, 10 with type 3 holding the tag length (10 or 4; 0 with AES-GCM, authentication 0), no
    /// salt length (its TEK length gives it), no type 11. RFC 3830 §6.10.1 defines type 3 as the authentication key length:
    /// a strict reader must apply <see cref="MikeyQuirks.GStreamerTagLengthInAuthKeyLength"/>.
    /// </remarks>
    public sealed class MikeyKeyManagement : IRtspKeyManagement
    {
        private const int RandLength = 16;
        private const int MaxTek = 32 + 14;

        private readonly IAesEngineFactory? _aes;
        private readonly HmacDrbg _drbg;
        private readonly IMikeyClock _clock;
        private readonly SrtpPolicy _policy;
        private readonly PskResponder _responder;
        private readonly PskInitiator _initiator;
        private bool _psk;
        private readonly MikeyWriter _writer = new MikeyWriter();
        private readonly byte[] _fresh = new byte[RandLength + MaxTek + 4];
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
        }

        /// <summary>The policy of the server's streams (a copy).</summary>
        public SrtpPolicy Policy { get { return _policy; } }

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
            _psk = true;
        }

        /// <inheritdoc/>
        public SrtpCryptoContext? WriteOffer(uint ssrc, byte[] buffer, int offset, int capacity, out int length)
        {
            length = 0;
            if (buffer == null) throw new ArgumentNullException();
            if (ssrc == 0 || !_drbg.CanGenerate(1)) return null;
            if (_psk) return WritePskOffer(ssrc, buffer, offset, capacity, out length);
            int keyLength = _policy.SessionEncryptionKeyLength;
            int saltLength = _policy.SessionSaltKeyLength;
            int tek = keyLength + saltLength;
            // One DRBG request for RAND, TEK and CSB ID (RFC 3830 §4.1.1: fresh values per message).
            _drbg.Generate(_fresh, 0, RandLength + tek + 4);
            int c = RandLength + tek;
            uint csbId = ((uint)_fresh[c] << 24) | ((uint)_fresh[c + 1] << 16) | ((uint)_fresh[c + 2] << 8) | _fresh[c + 3];
            bool gcm = _policy.EncryptionAlgorithm == SrtpEncryptionAlgorithm.AesGcm;

            MikeyWriter w = _writer;
            w.Reset(buffer, offset, capacity);
            w.WriteHeader(DataType.PreShared, false, PrfFunction.Mikey1, csbId, CsIdMapType.SrtpId);
            w.AddSrtpIdEntry(0, ssrc, 0);
            w.WriteTimestamp(TimestampType.NtpUtc, _clock.NtpNow);
            w.WriteRand(_fresh, 0, RandLength);
            w.BeginSecurityPolicy(0, ProtocolType.Srtp);
            w.WritePolicyParameter((int)SrtpPolicyParameterType.EncryptionAlgorithm, (int)_policy.EncryptionAlgorithm);
            w.WritePolicyParameter((int)SrtpPolicyParameterType.SessionEncryptionKeyLength, keyLength);
            w.WritePolicyParameter((int)SrtpPolicyParameterType.AuthenticationAlgorithm, gcm ? 0 : (int)_policy.AuthenticationAlgorithm);
            // GStreamer compatibility: type 3 carries the tag length (see remarks).
            w.WritePolicyParameter((int)SrtpPolicyParameterType.SessionAuthenticationKeyLength, gcm ? 0 : _policy.EffectiveSrtpTagLength);
            w.WritePolicyParameter((int)SrtpPolicyParameterType.SrtpEncryption, _policy.SrtpEncryption ? 1 : 0);
            w.WritePolicyParameter((int)SrtpPolicyParameterType.SrtcpEncryption, _policy.SrtcpEncryption ? 1 : 0);
            w.WritePolicyParameter((int)SrtpPolicyParameterType.SrtpAuthentication, gcm ? 0 : _policy.SrtpAuthentication ? 1 : 0);
            w.EndSecurityPolicy();
            w.BeginKemac(EncryptionAlgorithm.Null);
            w.WriteKeyData(KeyDataType.Tek, _fresh, RandLength, tek, null, 0, 0, KvType.Null, null, 0, 0, null, 0, 0);
            w.EndKemac(MacAlgorithm.Null);
            if (w.Finish() != MikeyStatus.Ok)
            {
                SecureMemory.Wipe(_fresh);
                SecureMemory.Wipe(buffer, offset, capacity);
                return null;
            }

            var context = new SrtpCryptoContext(_policy, ssrc, SrtpDirection.Outbound, _aes, SrtpMinimumPolicy.Strict);
            context.AddMasterKey(_fresh, RandLength, _fresh, RandLength + keyLength, null, 0);
            SecureMemory.Wipe(_fresh);
            length = w.Length;
            return context;
        }

        // PSK mode: the TEK offer of PskInitiator (HDR, T, RAND, SP as RFC 3830 §6.10.1 has it, KEMAC encrypted and MACed).
        private SrtpCryptoContext? WritePskOffer(uint ssrc, byte[] buffer, int offset, int capacity, out int length)
        {
            length = 0;
            _initiator.Reset();
            _initiator.AddCryptoSession(ssrc, 0, _policy);
            if (_initiator.WriteOffer(buffer, offset, capacity) != MikeyExchangeStatus.Ok)
            {
                _initiator.Reset();
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
