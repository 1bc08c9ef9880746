using System;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Srtp;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.OnDevice.ConstantTimeProbe
{
    /// <summary>
    /// SRTP (RFC 3711, RFC 7714) with the software AES: session key derivation from a secret master key and salt, protect
    /// under secret keys, and unprotect with a wrong authentication tag at each position. A protect never reuses an
    /// index on one context, so every run gets a fresh context from Prepare.
    /// </summary>
    internal sealed class SrtpOperation : KeyedOperation
    {
        public const int AddMasterKey = 0;
        public const int Protect = 1;
        private const uint Ssrc = 0x11223344; // written into RtpPacket as 11 22 33 44
        private const int PayloadLength = 160;
        private readonly int _mode;
        private readonly bool _gcm;
        private readonly byte[] _packet = new byte[RtpHeaderLength + PayloadLength + 32];
        private readonly byte[] _rtp = RtpPacket(1000);
        private SrtpCryptoContext _context;
        private int _length;

        private const int RtpHeaderLength = 12;

        private SrtpOperation(int mode, bool gcm, string name, byte[][] keys, string[] labels) : base(name, keys, labels)
        {
            _mode = mode;
            _gcm = gcm;
        }

        public static SrtpOperation Create(int mode, bool gcm)
        {
            string[] labels;
            // master key ‖ master salt: 16 + 14 bytes (AES-CM), 16 + 12 bytes (AEAD_AES_128_GCM, RFC 7714 §12).
            byte[][] keys = Keys(gcm ? 28 : 30, out labels);
            string suite = gcm ? "AEAD_AES_128_GCM" : "AES_CM_128_HMAC_SHA1_80";
            string name = mode == AddMasterKey
                ? "SRTP session key derivation (SrtpCryptoContext.AddMasterKey), " + suite + ", secret master key and salt vary"
                : "SRTP protect of a 160-byte payload (first packet), " + suite + ", secret master key and salt vary";
            return new SrtpOperation(mode, gcm, name, keys, labels);
        }

        internal static SrtpPolicy Policy(bool gcm)
        {
            return gcm ? SrtpPolicy.AeadAes128Gcm() : SrtpPolicy.AesCm128HmacSha1_80();
        }

        internal static byte[] RtpPacket(int seq)
        {
            var p = new byte[RtpHeaderLength + PayloadLength];
            p[0] = 0x80;
            p[1] = 0x60;
            p[2] = (byte)(seq >> 8);
            p[3] = (byte)seq;
            p[7] = 0xA0;
            p[8] = 0x11;
            p[9] = 0x22;
            p[10] = 0x33;
            p[11] = 0x44;
            for (int i = RtpHeaderLength; i < p.Length; i++) p[i] = (byte)Inputs.NextUInt();
            return p;
        }

        internal static SrtpCryptoContext NewContext(bool gcm, SrtpDirection direction)
        {
            return new SrtpCryptoContext(Policy(gcm), Ssrc, direction, new SoftwareAesFactory());
        }

        public override void Prepare(int i)
        {
            base.Prepare(i);
            _context = NewContext(_gcm, SrtpDirection.Outbound);
            if (_mode == Protect) _context.AddMasterKey(Key, 0, Key, 16, null, 0);
            Array.Copy(_rtp, _packet, _rtp.Length);
            _length = _rtp.Length;
        }

        public override void Run()
        {
            if (_mode == AddMasterKey) _context.AddMasterKey(Key, 0, Key, 16, null, 0);
            else _context.Protect(_packet, 0, ref _length, _packet.Length);
        }
    }

    /// <summary>SRTP unprotect under fixed keys with the authentication tag (HMAC-SHA-1-80 or the GCM tag) wrong at each position.</summary>
    internal sealed class SrtpTagCheck : WrongTagOperation
    {
        private readonly SrtpCryptoContext _inbound;
        private readonly byte[] _protected;
        private readonly byte[] _packet;
        private readonly int _tagOffset;
        private int _length;

        private SrtpTagCheck(string name, SrtpCryptoContext inbound, byte[] protectedPacket, int tagOffset, byte[] tag) : base(name, tag, false)
        {
            _inbound = inbound;
            _protected = protectedPacket;
            _packet = new byte[protectedPacket.Length];
            _tagOffset = tagOffset;
        }

        public static SrtpTagCheck Create(bool gcm)
        {
            byte[] master = Inputs.RandomBytes(30);
            SrtpCryptoContext outbound = SrtpOperation.NewContext(gcm, SrtpDirection.Outbound);
            SrtpCryptoContext inbound = SrtpOperation.NewContext(gcm, SrtpDirection.Inbound);
            outbound.AddMasterKey(master, 0, master, 16, null, 0);
            inbound.AddMasterKey(master, 0, master, 16, null, 0);
            byte[] rtp = SrtpOperation.RtpPacket(2000);
            var buffer = new byte[rtp.Length + 32];
            Array.Copy(rtp, buffer, rtp.Length);
            int length = rtp.Length;
            if (outbound.Protect(buffer, 0, ref length, buffer.Length) != SrtpStatus.Ok) throw new InvalidOperationException("protect failed");
            var protectedPacket = new byte[length];
            Array.Copy(buffer, protectedPacket, length);
            int tagLength = gcm ? 16 : 10;
            var tag = new byte[tagLength];
            Array.Copy(protectedPacket, length - tagLength, tag, 0, tagLength);
            string name = "SRTP unprotect (SrtpCryptoContext.Unprotect), " + (gcm ? "AEAD_AES_128_GCM 16-byte" : "AES_CM_128_HMAC_SHA1_80 10-byte")
                + " tag wrong at each position (fixed keys)";
            return new SrtpTagCheck(name, inbound, protectedPacket, length - tagLength, tag);
        }

        public override void Prepare(int i)
        {
            base.Prepare(i);
            Array.Copy(_protected, _packet, _protected.Length);
            Array.Copy(Received, 0, _packet, _tagOffset, Received.Length);
            _length = _packet.Length;
        }

        public override void Run()
        {
            _inbound.Unprotect(_packet, 0, ref _length);
        }
    }
}
