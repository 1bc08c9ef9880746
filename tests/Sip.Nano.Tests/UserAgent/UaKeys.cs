using NanoMikey.Crypto.Random;
using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Mikey.Transport;
using NanoMikey.Sip.UserAgent;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Sip.Tests.UserAgent
{
    /// <summary>The host clock as MIKEY sees it (NTP-UTC, synchronised: both ends run on this machine).</summary>
    internal sealed class UaClock : IMikeyClock
    {
        public ulong NtpNow
        {
            get
            {
                TimeSpan t = DateTime.UtcNow - new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                ulong seconds = (ulong)t.Ticks / TimeSpan.TicksPerSecond;
                ulong fraction = ((ulong)t.Ticks % TimeSpan.TicksPerSecond << 32) / TimeSpan.TicksPerSecond;
                return seconds << 32 | fraction;
            }
        }

        public uint OffsetBoundSeconds => 1;
    }

    /// <summary>
    /// Real MIKEY-PSK (RFC 3830 §3.1, with the verification message) for the user agents under test: the caller's offer
    /// keys its own stream (CS 1) and leaves CS 2's SSRC to the callee (§4.2.1). A test double of the device's keying: the
    /// first fork's answer is verified by the initiator; a later fork's answer is taken as given (records which tags came).
    /// </summary>
    internal sealed class UaKeys
    {
        public static readonly byte[] Psk = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        public static readonly UaClock Clock = new UaClock();

        public ReplayCache Replay = new ReplayCache(64, Clock, new FreshnessPolicy());

        public CallerKeys NewCaller(uint ssrc) => new CallerKeys(ssrc);

        public CalleeKeys NewAnswerer() => new CalleeKeys(Replay, (uint)Random.Shared.Next(1, int.MaxValue));
    }

    internal sealed class CallerKeys : ISipCallerKeying
    {
        private readonly PskInitiator _initiator;
        private readonly uint _ssrc;
        private readonly Dictionary<string, string> _answers = new Dictionary<string, string>();
        private readonly Dictionary<string, CryptoSessionBundle> _forks = new Dictionary<string, CryptoSessionBundle>();
        private CryptoSessionBundle? _winner;
        public readonly List<string> Targets = new List<string>();
        public readonly List<string> Dropped = new List<string>();
        public readonly List<string> Offers = new List<string>();

        public CallerKeys(uint ssrc)
        {
            _ssrc = ssrc;
            _initiator = new PskInitiator(new HostAesEngineFactory(), new HmacDrbg(RandomNumberGeneratorBytes(), new byte[16], null, 1 << 16), UaKeys.Clock)
            {
                RequestVerification = true,
            };
            _initiator.SetPreSharedKey(UaKeys.Psk, 0, UaKeys.Psk.Length);
        }

        private static byte[] RandomNumberGeneratorBytes() => System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

        public string? WriteOffer(string targetUri)
        {
            Reset();
            Targets.Add(targetUri);
            _initiator.AddCryptoSession(_ssrc, 0, SrtpPolicy.AesCm128HmacSha1_80());
            _initiator.AddCryptoSession(0, 0, SrtpPolicy.AesCm128HmacSha1_80());
            byte[] b = new byte[1024];
            if (_initiator.WriteOffer(b, 0, b.Length) != MikeyExchangeStatus.Ok) return null;
            string offer = Base64.Encode(b, 0, _initiator.OfferLength);
            Offers.Add(offer);
            return offer;
        }

        public SipKeyOutcome AcceptAnswer(string toTag, string mikeyBase64)
        {
            if (_answers.TryGetValue(toTag, out string? seen)) return seen == mikeyBase64 ? SipKeyOutcome.Retransmission : SipKeyOutcome.Refused;
            byte[] b = new byte[1024];
            int n = Base64.Decode(mikeyBase64, 0, mikeyBase64.Length, b, 0);
            if (n <= 0) return SipKeyOutcome.Refused;
            if (_forks.Count == 0 && _initiator.ReadAnswer(b, 0, n) != MikeyExchangeStatus.Ok) return SipKeyOutcome.Refused;
            var fork = new CryptoSessionBundle();
            fork.CopyFrom(_initiator.Bundle);
            _forks[toTag] = fork;
            _answers[toTag] = mikeyBase64;
            return SipKeyOutcome.Accepted;
        }

        public CryptoSessionBundle? EarlyKeys(string toTag) => _forks.TryGetValue(toTag, out var b) ? b : null;

        public SipKeyOutcome Confirm(string toTag)
        {
            if (!_forks.TryGetValue(toTag, out var b)) return SipKeyOutcome.Refused;
            foreach (var kv in _forks)
            {
                if (kv.Key != toTag) kv.Value.Clear();
            }

            _winner = b;
            return SipKeyOutcome.Accepted;
        }

        public CryptoSessionBundle? Keys => _winner;

        public void Drop(string toTag)
        {
            Dropped.Add(toTag);
            if (_forks.TryGetValue(toTag, out var b) && b != _winner) b.Clear();
        }

        public void Reset()
        {
            foreach (var b in _forks.Values) b.Clear();
            _forks.Clear();
            _answers.Clear();
            _winner = null;
            _initiator.Reset();
        }
    }

    internal sealed class CalleeKeys : ISipCalleeKeying
    {
        private readonly PskResponder _responder;
        public readonly uint Ssrc;
        public int Answered;

        public CalleeKeys(ReplayCache replay, uint ssrc)
        {
            Ssrc = ssrc;
            _responder = new PskResponder(new HostAesEngineFactory(), UaKeys.Clock, replay);
            _responder.SetPreSharedKey(UaKeys.Psk, 0, UaKeys.Psk.Length);
            _responder.SetOwnStream(2, ssrc, 0);
        }

        public string? Answer(string offerBase64)
        {
            byte[] m = new byte[1024];
            int n = Base64.Decode(offerBase64, 0, offerBase64.Length, m, 0);
            if (n <= 0) return null;
            byte[] a = new byte[1024];
            if (_responder.Respond(m, 0, n, a, 0, a.Length) != MikeyExchangeStatus.Ok || _responder.AnswerLength == 0) return null;
            Answered++;
            return Base64.Encode(a, 0, _responder.AnswerLength);
        }

        public CryptoSessionBundle? Keys => _responder.Bundle.Count > 0 ? _responder.Bundle : null;

        public void Clear() => _responder.Bundle.Clear();
    }
}
