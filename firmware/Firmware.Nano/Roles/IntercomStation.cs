using System;
using NanoMikey.Crypto;
using NanoMikey.Firmware.Call;
using NanoMikey.Firmware.Config;
using NanoMikey.Firmware.Hal;
using NanoMikey.Firmware.Keying;
using NanoMikey.Firmware.Runtime;

namespace NanoMikey.Firmware.Roles
{
    /// <summary>
    /// An intercom station: the call button keys a call with the configured peer (this side the MIKEY initiator) and audio
    /// flows both ways until hang-up or the configured call length; an exchange the peer starts is answered on UDP 2269 and
    /// becomes a call the same way. Runs on ticks (<see cref="IDeviceTask"/>).
    /// </summary>
    [HotPath]
    public sealed class IntercomStation : IDeviceTask
    {
        private readonly DeviceStack _stack;
        private readonly MediaStatistics _total = new MediaStatistics();
        private int _answered;
        private bool _callPending;
        private long _callEnds;

        /// <summary>Creates the station.</summary>
        /// <param name="config">Its configuration (role intercom).</param>
        /// <param name="platform">The board.</param>
        public IntercomStation(DeviceConfig config, DevicePlatform platform)
        {
            _stack = new DeviceStack(config, platform);
            _callEnds = long.MaxValue;
        }

        /// <summary>The blocks underneath (clock, MIKEY transports, media).</summary>
        public DeviceStack Stack
        {
            get { return _stack; }
        }

        /// <summary>The station's state.</summary>
        public StationState State { get; private set; }

        /// <summary>Calls that reached media.</summary>
        public int Calls { get; private set; }

        /// <summary>Exchanges this side started that failed.</summary>
        public int KeyingFailures { get; private set; }

        /// <summary>Counters of finished calls (the running call's are in the media channel).</summary>
        public MediaStatistics Totals
        {
            get { return _total; }
        }

        /// <summary>
        /// The call button: keys a call with the configured peer as soon as the clock is synchronised (MIKEY timestamps
        /// would otherwise be refused).
        /// </summary>
        public void PressCall()
        {
            if (State == StationState.Idle || State == StationState.Failed) _callPending = true;
        }

        /// <summary>Hangs up: media stops and the call's keys are wiped.</summary>
        public void HangUp()
        {
            _callPending = false;
            if (State == StationState.Keying) _stack.Initiator.Cancel();
            _stack.Media.EndInto(_total);
            _callEnds = long.MaxValue;
            State = StationState.Idle;
        }

        /// <inheritdoc/>
        public long NextDueMicros
        {
            get
            {
                long next = _stack.ServicesDueMicros;
                long t = _stack.Media.NextDueMicros;
                if (t < next) next = t;
                if (_callEnds < next) next = _callEnds;
                return next;
            }
        }

        /// <inheritdoc/>
        public void Run(long nowMicros)
        {
            _stack.RunServices(nowMicros);
            if (_callPending)
            {
                if (!_stack.Clock.IsSynchronised)
                {
                    State = StationState.WaitingForTime;
                }
                else
                {
                    _callPending = false;
                    if (_stack.StartKeying(nowMicros)) State = StationState.Keying;
                    else Fail();
                }
            }

            if (State == StationState.Keying)
            {
                MikeyUdpExchangeState k = _stack.Initiator.State;
                if (k == MikeyUdpExchangeState.Completed)
                {
                    if (_stack.StartMedia(_stack.Initiator.Bundle!, true, _stack.Config.Peer, true, true, nowMicros)) BeginCall(nowMicros);
                    else Fail();
                }
                else if (k != MikeyUdpExchangeState.Waiting)
                {
                    Fail();
                }
            }

            MikeyUdpResponder r = _stack.Responder;
            if (r.CompletedCount != _answered)
            {
                // The peer keyed a call (or re-keyed the running one): media restarts with the new keys.
                _answered = r.CompletedCount;
                _stack.Media.EndInto(_total);

                if (_stack.StartMedia(r.LastBundle!, false, r.LastPeerAddress, true, true, nowMicros)) BeginCall(nowMicros);
            }

            _stack.Media.Run(nowMicros);
            // Our call length is up, or the peer hung up (its BYE, played out).
            if (State == StationState.InCall && (nowMicros >= _callEnds || _stack.Media.PeerEnded)) HangUp();
        }

        private void BeginCall(long nowMicros)
        {
            Calls++;
            State = StationState.InCall;
            int seconds = _stack.Config.StreamSeconds;
            _callEnds = seconds > 0 ? nowMicros + seconds * 1000000L : long.MaxValue;
        }

        private void Fail()
        {
            KeyingFailures++;
            State = StationState.Failed;
        }
    }
}
