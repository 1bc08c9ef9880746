using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Random;
using NanoMikey.Firmware.Call;
using NanoMikey.Firmware.Config;
using NanoMikey.Firmware.Hal;
using NanoMikey.Firmware.Keying;
using NanoMikey.Mikey.Ecc.Offers;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Time;
using NanoMikey.Net.Time;

namespace NanoMikey.OnDevice.Emulated
{
    /// <summary>
    /// One emulated device in nano code: its own clock, deterministic entropy, software AES, a tone microphone and a null
    /// speaker, an interface on the virtual network; MIKEY over UDP 2269 (responder listening, initiator on an ephemeral
    /// port) with PSK, and a <see cref="MediaChannel"/> on RTP 5004 / RTCP 5005, as firmware/ builds them in DeviceStack.
    /// </summary>
    internal sealed class EmulatedDevice
    {
        public const int MikeyPort = 2269;
        public const int RtpPort = 5004;
        private const int MaxMikeyMessage = 512;

        public readonly EmulatedClock Hardware = new EmulatedClock();
        public readonly PlatformSyncedClock Clock;
        public readonly VirtualInterface Interface;
        public readonly DevicePlatform Platform;
        public readonly NullSink Speaker = new NullSink();
        public readonly MikeyUdpResponder Responder;
        public readonly MikeyUdpInitiator Initiator;
        public readonly PskOfferer Offerer;
        public readonly MediaChannel Media;
        public readonly VirtualSocket Rtp;
        public readonly VirtualSocket Rtcp;

        public EmulatedDevice(VirtualNetwork network, uint address, byte seed, byte[] psk, byte[] name)
        {
            Interface = new VirtualInterface(network, address);
            var aes = new SoftwareAesFactory();
            Platform = new DevicePlatform(aes, new SeededEntropy(seed), Hardware, Interface, new ToneSource(4000 + 1000 * seed), Speaker);
            // The wall clock counts as synchronised (an SNTP sync the emulation skips), with a 1 s bound.
            var bound = new ClockOffsetBound(100, 3600);
            bound.MarkSynchronised(0, 1000000);
            Clock = new PlatformSyncedClock(Hardware, bound);
            var replay = new ReplayCache(8, Clock, new FreshnessPolicy());
            var drbg = new HmacDrbg(Platform.Entropy, name);

            Responder = new MikeyUdpResponder(Interface.Bound(MikeyPort, 4, MaxMikeyMessage), Clock, MaxMikeyMessage, 2);
            var r = new PskResponder(aes, Clock, replay);
            r.SetPreSharedKey(psk, 0, psk.Length);
            Responder.Accept(MikeyMode.Psk, r);
            Initiator = new MikeyUdpInitiator(Interface.Bound(0, 4, MaxMikeyMessage), MaxMikeyMessage);
            var i = new PskInitiator(aes, drbg, Clock);
            i.SetPreSharedKey(psk, 0, psk.Length);
            i.RequestVerification = true; // over UDP: an answer to wait for (MikeyUdpInitiator remarks)
            Offerer = new PskOfferer(i);

            Rtp = Interface.Bound(RtpPort, 4, 256);
            Rtcp = Interface.Bound(RtpPort + 1, 4, 256);
            Media = new MediaChannel(Platform, Clock, MediaCodec.Pcmu, 3, name);
        }

        public void SetTime(long micros)
        {
            Hardware.Micros = micros;
        }
    }
}
