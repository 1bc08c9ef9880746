using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Mac;

namespace NanoMikey.OnDevice.ConstantTimeProbe
{
    /// <summary>Secret keys (or secret data) of one length, copied into a fixed buffer by Prepare.</summary>
    internal abstract class KeyedOperation : Operation
    {
        private readonly byte[][] _keys;
        protected readonly byte[] Key;

        protected KeyedOperation(string name, byte[][] keys, string[] labels) : base(name, labels)
        {
            _keys = keys;
            Key = new byte[keys[0].Length];
        }

        public override void Prepare(int i)
        {
            Array.Copy(_keys[i], Key, Key.Length);
        }

        protected static byte[][] Keys(int length, out string[] labels)
        {
            return Inputs.Keys(length, Inputs.PerOperation, out labels);
        }
    }

    /// <summary>SoftwareAes.SetKey: the key schedule over secret keys.</summary>
    internal sealed class AesKeySchedule : KeyedOperation
    {
        private readonly SoftwareAes _aes = new SoftwareAes();

        private AesKeySchedule(int length, byte[][] keys, string[] labels)
            : base("AES-" + (length * 8) + " key schedule (SoftwareAes.SetKey), secret key varies", keys, labels)
        {
        }

        public static AesKeySchedule Create(int length)
        {
            string[] labels;
            byte[][] keys = Keys(length, out labels);
            return new AesKeySchedule(length, keys, labels);
        }

        public override void Run()
        {
            _aes.SetKey(Key, 0, Key.Length);
        }
    }

    /// <summary>SoftwareAes.EncryptBlocks of a fixed 64-byte input (four blocks: one bitsliced batch) under secret keys.</summary>
    internal sealed class AesEncrypt : KeyedOperation
    {
        private readonly SoftwareAes _aes = new SoftwareAes();
        private readonly byte[] _input = Inputs.RandomBytes(64);
        private readonly byte[] _output = new byte[64];

        private AesEncrypt(int length, byte[][] keys, string[] labels)
            : base("AES-" + (length * 8) + " encrypt 4 blocks (SoftwareAes.EncryptBlocks), secret key varies", keys, labels)
        {
        }

        public static AesEncrypt Create(int length)
        {
            string[] labels;
            byte[][] keys = Keys(length, out labels);
            return new AesEncrypt(length, keys, labels);
        }

        public override void Prepare(int i)
        {
            base.Prepare(i);
            _aes.SetKey(Key, 0, Key.Length);
        }

        public override void Run()
        {
            _aes.EncryptBlocks(_input, 0, _output, 0, 64);
        }
    }

    /// <summary>SoftwareAes.EncryptBlocks under a fixed key with secret plaintext blocks (the state is secret too).</summary>
    internal sealed class AesEncryptSecretData : KeyedOperation
    {
        private readonly SoftwareAes _aes = new SoftwareAes();
        private readonly byte[] _output = new byte[16];

        private AesEncryptSecretData(byte[][] data, string[] labels)
            : base("AES-128 encrypt 1 block, secret plaintext varies (fixed key)", data, labels)
        {
            _aes.SetKey(Inputs.RandomBytes(16), 0, 16);
        }

        public static AesEncryptSecretData Create()
        {
            string[] labels;
            byte[][] data = Keys(16, out labels);
            return new AesEncryptSecretData(data, labels);
        }

        public override void Run()
        {
            _aes.EncryptBlocks(Key, 0, _output, 0, 16);
        }
    }

    /// <summary>AesCtr.XorKeystream over 100 bytes (fixed counter block and data) under secret keys.</summary>
    internal sealed class AesCtrOperation : KeyedOperation
    {
        private readonly SoftwareAes _aes = new SoftwareAes();
        private readonly AesCtr _ctr = new AesCtr(128);
        private readonly byte[] _counter = Inputs.RandomBytes(16);
        private readonly byte[] _counterCopy = new byte[16];
        private readonly byte[] _data = new byte[100];

        private AesCtrOperation(byte[][] keys, string[] labels)
            : base("AES-128-CTR 100 bytes (AesCtr.XorKeystream), secret key varies", keys, labels)
        {
        }

        public static AesCtrOperation Create()
        {
            string[] labels;
            byte[][] keys = Keys(16, out labels);
            return new AesCtrOperation(keys, labels);
        }

        public override void Prepare(int i)
        {
            base.Prepare(i);
            _aes.SetKey(Key, 0, 16);
            Array.Copy(_counter, _counterCopy, 16);
            Array.Clear(_data, 0, _data.Length);
        }

        public override void Run()
        {
            _ctr.XorKeystream(_aes, _counterCopy, 0, _data, 0, _data.Length);
        }
    }

    /// <summary>AES-GCM: seal, open of an authentic message, and open with a wrong tag, under secret keys.</summary>
    internal sealed class GcmOperation : KeyedOperation
    {
        public const int Seal = 0;
        public const int OpenAuthentic = 1;
        public const int OpenForged = 2;
        private const int Length = 60;
        private readonly AesGcm _gcm = NewGcm();
        private readonly int _mode;
        private readonly byte[] _nonce = Inputs.RandomBytes(12);
        private readonly byte[] _aad = Inputs.RandomBytes(20);
        private readonly byte[] _plaintext = Inputs.RandomBytes(Length);
        private readonly byte[] _ciphertext = new byte[Length];
        private readonly byte[] _forged = Inputs.RandomBytes(Length);
        private readonly byte[] _forgedTag = Inputs.RandomBytes(16);
        private readonly byte[] _tag = new byte[16];
        private readonly byte[] _output = new byte[Length];

        private GcmOperation(int mode, string name, byte[][] keys, string[] labels) : base(name, keys, labels)
        {
            _mode = mode;
        }

        /// <summary>An AesGcm over a keyed SoftwareAes (the constructor derives H, so the engine needs a key first).</summary>
        public static AesGcm NewGcm()
        {
            var aes = new SoftwareAes();
            aes.SetKey(Inputs.RandomBytes(16), 0, 16);
            return new AesGcm(aes, 64);
        }

        public static GcmOperation Create(int mode)
        {
            string[] labels;
            byte[][] keys = Keys(16, out labels);
            string name = mode == Seal ? "AES-128-GCM seal 60 B + 20 B AAD (GHASH), secret key varies"
                : mode == OpenAuthentic ? "AES-128-GCM open, authentic (each key's own ciphertext), secret key varies"
                : "AES-128-GCM open, forged (same ciphertext and tag for every key), secret key varies";
            return new GcmOperation(mode, name, keys, labels);
        }

        public override void Prepare(int i)
        {
            base.Prepare(i);
            _gcm.SetKey(Key, 0, 16);
            if (_mode == OpenAuthentic)
            {
                _gcm.Seal(_nonce, 0, 12, _aad, 0, _aad.Length, _plaintext, 0, Length, _ciphertext, 0, _tag, 0, 16);
            }
        }

        public override void Run()
        {
            if (_mode == Seal) _gcm.Seal(_nonce, 0, 12, _aad, 0, _aad.Length, _plaintext, 0, Length, _ciphertext, 0, _tag, 0, 16);
            else if (_mode == OpenAuthentic) _gcm.Open(_nonce, 0, 12, _aad, 0, _aad.Length, _ciphertext, 0, Length, _tag, 0, 16, _output, 0);
            else _gcm.Open(_nonce, 0, 12, _aad, 0, _aad.Length, _forged, 0, Length, _forgedTag, 0, 16, _output, 0);
        }
    }

    /// <summary>
    /// A received tag or MAC that is wrong at a different byte (and bit) for each input: the check must take the same path
    /// wherever the first difference is. Input k &lt; 2·length flips bit 0 or bit 7 of byte k mod length, then one input
    /// flips every byte; with <c>includeRight</c> (checks that do not branch on the outcome) the right tag is one more input.
    /// </summary>
    internal abstract class WrongTagOperation : Operation
    {
        private readonly byte[] _correct;
        private readonly int _positions;
        protected readonly byte[] Received;

        protected WrongTagOperation(string name, byte[] correct, bool includeRight) : base(name, TagLabels(correct.Length, includeRight))
        {
            _correct = correct;
            _positions = Count - (includeRight ? 2 : 1);
            Received = new byte[correct.Length];
        }

        private static string[] TagLabels(int length, bool includeRight)
        {
            int extra = includeRight ? 2 : 1;
            int positions = length < Inputs.PerOperation - extra ? Inputs.PerOperation - extra : length;
            var labels = new string[positions + extra];
            for (int k = 0; k < positions; k++) labels[k] = "wrong at byte " + (k % length) + (k < length ? " (bit 0)" : " (bit 7)");
            labels[positions] = "every byte wrong";
            if (includeRight) labels[positions + 1] = "right";
            return labels;
        }

        public override void Prepare(int i)
        {
            int length = _correct.Length;
            Array.Copy(_correct, Received, length);
            if (i < _positions) Received[i % length] ^= (byte)(i < length ? 0x01 : 0x80);
            else if (i == _positions) for (int j = 0; j < length; j++) Received[j] ^= 0x5A;
        }
    }

    /// <summary>GCM open of one message under one key, the received tag wrong at different positions (or right).</summary>
    internal sealed class GcmTagCheck : WrongTagOperation
    {
        private readonly AesGcm _gcm;
        private readonly byte[] _nonce;
        private readonly byte[] _ciphertext;
        private readonly byte[] _output = new byte[40];

        private GcmTagCheck(AesGcm gcm, byte[] nonce, byte[] ciphertext, byte[] tag)
            : base("AES-128-GCM open, 16-byte tag wrong at each position (fixed key)", tag, false)
        {
            _gcm = gcm;
            _nonce = nonce;
            _ciphertext = ciphertext;
        }

        public static GcmTagCheck Create()
        {
            AesGcm gcm = GcmOperation.NewGcm();
            byte[] nonce = Inputs.RandomBytes(12);
            byte[] plaintext = Inputs.RandomBytes(40);
            var ciphertext = new byte[40];
            var tag = new byte[16];
            gcm.Seal(nonce, 0, 12, null, 0, 0, plaintext, 0, 40, ciphertext, 0, tag, 0, 16);
            return new GcmTagCheck(gcm, nonce, ciphertext, tag);
        }

        public override void Run()
        {
            _gcm.Open(_nonce, 0, 12, null, 0, 0, _ciphertext, 0, 40, Received, 0, 16, _output, 0);
        }
    }

    /// <summary>HMAC-SHA-1 or HMAC-SHA-256: SetKey + one MAC over 172 bytes (an SRTP packet) under secret keys.</summary>
    internal sealed class HmacOperation : KeyedOperation
    {
        private readonly Hmac _hmac;
        private readonly byte[] _data = Inputs.RandomBytes(172);
        private readonly byte[] _mac = new byte[32];

        private HmacOperation(Hmac hmac, string name, byte[][] keys, string[] labels) : base(name, keys, labels)
        {
            _hmac = hmac;
        }

        public static HmacOperation Create(bool sha256)
        {
            string[] labels;
            byte[][] keys = Keys(sha256 ? 32 : 20, out labels);
            Hmac hmac = sha256 ? (Hmac)new HmacSha256() : new HmacSha1();
            string name = (sha256 ? "HMAC-SHA-256, 32-byte" : "HMAC-SHA-1, 20-byte") + " secret key varies: SetKey + MAC of 172 bytes";
            return new HmacOperation(hmac, name, keys, labels);
        }

        public override void Run()
        {
            _hmac.SetKey(Key, 0, Key.Length);
            _hmac.Compute(_data, 0, _data.Length, _mac, 0, _hmac.MacLength);
        }
    }

    /// <summary>
    /// ConstantTime.AreEqual of a 20-byte MAC against a received one that differs at each position (or not); with
    /// <c>earlyExit</c> the same inputs go through a deliberately leaky compare that returns at the first differing byte
    /// (a self-check: it must be flagged).
    /// </summary>
    internal sealed class AreEqualOperation : WrongTagOperation
    {
        private readonly byte[] _computed;
        private readonly bool _earlyExit;

        private AreEqualOperation(string name, byte[] computed, bool earlyExit) : base(name, computed, true)
        {
            _computed = computed;
            _earlyExit = earlyExit;
        }

        public static AreEqualOperation Create(bool earlyExit)
        {
            string name = earlyExit ? "an early-exit MAC compare (returns at the first differing byte)"
                : "ConstantTime.AreEqual, 20 bytes, unequal at each position or equal";
            return new AreEqualOperation(name, Inputs.RandomBytes(20), earlyExit);
        }

        private static bool EarlyExit(byte[] a, byte[] b, int length)
        {
            for (int i = 0; i < length; i++)
            {
                if (a[i] != b[i]) return false;
            }
            return true;
        }

        public override void Run()
        {
            if (_earlyExit) EarlyExit(_computed, Received, 20);
            else ConstantTime.AreEqual(_computed, 0, Received, 0, 20);
        }
    }
}
