using System;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.OnDevice.ConstantTimeProbe
{
    /// <summary>The MIKEY PRF (RFC 3830 §4.1.2, RFC 6043 §6.1) over secret inkeys; label and lengths fixed.</summary>
    internal sealed class PrfOperation : KeyedOperation
    {
        private readonly MikeyPrf _prf = new MikeyPrf();
        private readonly PrfFunction _function;
        private readonly byte[] _label = Inputs.RandomBytes(25);
        private readonly byte[] _output = new byte[46];
        private readonly int _outputLength;

        private PrfOperation(PrfFunction function, int outputLength, string name, byte[][] keys, string[] labels) : base(name, keys, labels)
        {
            _function = function;
            _outputLength = outputLength;
        }

        public static PrfOperation Create(bool sha256)
        {
            string[] labels;
            // Two inkey blocks for PRF-HMAC-SHA-256 (48 B: a 32-byte and a 16-byte s_j), one for MIKEY-1 (a 16-byte PSK).
            byte[][] keys = Keys(sha256 ? 48 : 16, out labels);
            return sha256
                ? new PrfOperation(PrfFunction.PrfHmacSha256, 46, "MIKEY PRF-HMAC-SHA-256 (MikeyPrf), 48-byte secret inkey -> 46 bytes", keys, labels)
                : new PrfOperation(PrfFunction.Mikey1, 30, "MIKEY-1 PRF (MikeyPrf), 16-byte secret inkey -> 30 bytes", keys, labels);
        }

        public override void Run()
        {
            _prf.Derive(_function, Key, 0, Key.Length, _label, 0, _label.Length, _output, 0, _outputLength);
        }
    }

    /// <summary>RFC 3830 §4.1.3 TEK derivation (MikeyKeyDerivation) from a secret TGK; CSB ID and RAND fixed.</summary>
    internal sealed class TekDerivation : KeyedOperation
    {
        private readonly MikeyKeyDerivation _kd = new MikeyKeyDerivation();
        private readonly byte[] _rand = Inputs.RandomBytes(16);
        private readonly byte[] _tek = new byte[16];

        private TekDerivation(byte[][] keys, string[] labels)
            : base("MIKEY key derivation TEK <- 32-byte secret TGK (MikeyKeyDerivation, RFC 3830 §4.1.3)", keys, labels)
        {
        }

        public static TekDerivation Create()
        {
            string[] labels;
            byte[][] keys = Keys(32, out labels);
            return new TekDerivation(keys, labels);
        }

        public override void Run()
        {
            _kd.Derive(PrfFunction.Mikey1, Key, 0, 32, MikeyKeyDerivation.TekConstant, 1, 0x12345678, _rand, 0, 16, _tek, 0, 16);
        }
    }

    /// <summary>KemacProtection: key derivation from a secret PSK, KEMAC decryption, and the KEMAC/V MAC check.</summary>
    internal sealed class KemacOperation : KeyedOperation
    {
        public const int Derive = 0;
        public const int Decrypt = 1;
        public const int MacWithKey = 2;
        private const uint CsbId = 0x0A0B0C0D;
        private const ulong Timestamp = 0xE1F2A3B4C5D6E7F8;
        private readonly KemacProtection _kemac = new KemacProtection(new SoftwareAesFactory(), new MikeyKeyDerivation());
        private readonly int _mode;
        private readonly bool _strong;
        private readonly byte[] _rand = Inputs.RandomBytes(16);
        private readonly byte[] _encrData = Inputs.RandomBytes(44);
        private readonly byte[] _work = new byte[44];
        private readonly byte[] _message = Inputs.RandomBytes(120);
        private readonly byte[] _v = Inputs.RandomBytes(30);
        private readonly byte[] _mac = Inputs.RandomBytes(32);

        private KemacOperation(int mode, bool strong, string name, byte[][] keys, string[] labels) : base(name, keys, labels)
        {
            _mode = mode;
            _strong = strong;
        }

        public static KemacOperation Create(int mode, bool strong)
        {
            string[] labels;
            byte[][] keys = Keys(strong ? 32 : 16, out labels);
            string suite = strong ? "PRF-HMAC-SHA-256, AES-CM-256, HMAC-SHA-256-256" : "MIKEY-1, AES-CM-128, HMAC-SHA-1-160";
            string what = mode == Derive ? "KEMAC key derivation (KemacProtection.DeriveKeys)"
                : mode == Decrypt ? "KEMAC decryption of 44 B Encr data (KemacProtection.Transform)"
                : "KEMAC MAC check of a wrong MAC (KemacProtection.VerifyMac)";
            return new KemacOperation(mode, strong, what + ", " + suite + ", secret PSK varies", keys, labels);
        }

        private void Load()
        {
            _kemac.DeriveKeys(_strong ? PrfFunction.PrfHmacSha256 : PrfFunction.Mikey1, Key, 0, Key.Length, CsbId, _rand, 0, 16,
                _strong ? EncryptionAlgorithm.AesCm256 : EncryptionAlgorithm.AesCm128, _strong ? MacAlgorithm.HmacSha256256 : MacAlgorithm.HmacSha1160);
        }

        public override void Prepare(int i)
        {
            base.Prepare(i);
            if (_mode != Derive) Load();
            Array.Copy(_encrData, _work, _work.Length);
        }

        public override void Run()
        {
            if (_mode == Derive) Load();
            else if (_mode == Decrypt) _kemac.Transform(CsbId, Timestamp, _work, 0, _work.Length);
            else _kemac.VerifyMac(_message, 0, _message.Length, _v, 0, _v.Length, _mac, 0, _strong ? 32 : 20);
        }
    }

    /// <summary>KEMAC MAC check under one key with the received MAC wrong at each position (or right).</summary>
    internal sealed class KemacMacPosition : WrongTagOperation
    {
        private readonly KemacProtection _kemac;
        private readonly byte[] _message;
        private readonly byte[] _v;

        private KemacMacPosition(string name, KemacProtection kemac, byte[] message, byte[] v, byte[] mac) : base(name, mac, true)
        {
            _kemac = kemac;
            _message = message;
            _v = v;
        }

        public static KemacMacPosition Create(bool strong)
        {
            var kemac = new KemacProtection(new SoftwareAesFactory(), new MikeyKeyDerivation());
            byte[] psk = Inputs.RandomBytes(16);
            byte[] rand = Inputs.RandomBytes(16);
            kemac.DeriveKeys(strong ? PrfFunction.PrfHmacSha256 : PrfFunction.Mikey1, psk, 0, 16, 1, rand, 0, 16,
                EncryptionAlgorithm.AesCm128, strong ? MacAlgorithm.HmacSha256256 : MacAlgorithm.HmacSha1160);
            byte[] message = Inputs.RandomBytes(120);
            byte[] v = Inputs.RandomBytes(30);
            var mac = new byte[kemac.MacLength];
            kemac.ComputeMac(message, 0, message.Length, v, 0, v.Length, mac, 0);
            string name = "KEMAC MAC check (KemacProtection.VerifyMac), " + (strong ? "HMAC-SHA-256-256" : "HMAC-SHA-1-160")
                + " MAC wrong at each position or right (fixed key)";
            return new KemacMacPosition(name, kemac, message, v, mac);
        }

        public override void Run()
        {
            _kemac.VerifyMac(_message, 0, _message.Length, _v, 0, _v.Length, Received, 0, Received.Length);
        }
    }
}
