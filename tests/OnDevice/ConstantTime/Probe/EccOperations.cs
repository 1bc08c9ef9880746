using System;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Random;
using NanoMikey.Ecc;
using NanoMikey.Mikey.Ecc;

namespace NanoMikey.OnDevice.ConstantTimeProbe
{
    /// <summary>
    /// P-256 operations over secret private scalars. Every input has its own key object, imported once at construction;
    /// Prepare only picks it (the kit's pitfalls: objects chosen outside the measured region, each warmed up once).
    /// </summary>
    internal abstract class ScalarOperation : Operation
    {
        private readonly P256PrivateKey[] _keys;
        protected P256PrivateKey Own;

        protected ScalarOperation(string name, byte[][] scalars, string[] labels) : base(name, labels)
        {
            _keys = new P256PrivateKey[scalars.Length];
            for (int i = 0; i < scalars.Length; i++) _keys[i] = P256PrivateKey.FromScalar(scalars[i], 0);
        }

        public override void Prepare(int i)
        {
            Own = _keys[i];
        }

        protected static byte[][] Scalars(out string[] labels)
        {
            return Inputs.Scalars(Inputs.PerOperation, out labels);
        }

        protected static P256PrivateKey RandomKey()
        {
            return P256PrivateKey.FromScalar(Inputs.RandomScalar(), 0);
        }
    }

    /// <summary>The fixed-base comb: P256PrivateKey.TryImport derives d·G (comb + affine conversion) from a secret d.</summary>
    internal sealed class FixedBaseComb : Operation
    {
        private readonly byte[][] _scalars;
        private readonly byte[] _scalar = new byte[32];
        private readonly P256PrivateKey _key = new P256PrivateKey();

        private FixedBaseComb(byte[][] scalars, string[] labels)
            : base("P-256 fixed-base comb d*G (P256PrivateKey.TryImport: range check, comb, to affine), secret d varies", labels)
        {
            _scalars = scalars;
        }

        public static FixedBaseComb Create()
        {
            string[] labels;
            byte[][] s = Inputs.Scalars(Inputs.PerOperation, out labels);
            return new FixedBaseComb(s, labels);
        }

        public override void Prepare(int i)
        {
            Array.Copy(_scalars[i], _scalar, 32);
        }

        public override void Run()
        {
            _key.TryImport(_scalar, 0);
        }
    }

    /// <summary>Scalar inversion mod n (P256Scalar.Invert, Fermat; internal, compiled in from lib/Ecc.Nano) of a secret scalar.</summary>
    internal sealed class ScalarInversion : Operation
    {
        private readonly byte[][] _scalars;
        private readonly uint[] _a = new uint[8];
        private readonly uint[] _r = new uint[8];
        private readonly uint[] _aMont = new uint[8];
        private readonly uint[] _acc = new uint[8];
        private readonly uint[][] _table = new uint[10][];

        private ScalarInversion(byte[][] scalars, string[] labels)
            : base("P-256 scalar inversion mod n (P256Scalar.Invert, as ECDSA sign inverts its nonce), secret scalar varies", labels)
        {
            _scalars = scalars;
            for (int i = 0; i < _table.Length; i++) _table[i] = new uint[8];
        }

        public static ScalarInversion Create()
        {
            string[] labels;
            byte[][] s = Inputs.Scalars(Inputs.PerOperation, out labels);
            return new ScalarInversion(s, labels);
        }

        public override void Prepare(int i)
        {
            P256Field.FromBytes(_a, _scalars[i], 0);
        }

        public override void Run()
        {
            P256Scalar.Invert(_r, _a, _table, _aMont, _acc);
        }
    }

    /// <summary>ECDH x(d·Q) with a fixed validated peer key (EcdhP256.ComputeSharedSecret), secret d varies.</summary>
    internal sealed class EcdhOperation : ScalarOperation
    {
        private readonly P256PublicKey _peer = RandomKey().PublicKey;
        private readonly byte[] _peerPoint = new byte[P256PublicKey.CompressedLength];
        private readonly bool _fromBytes;
        private readonly byte[] _secret = new byte[32];

        private EcdhOperation(bool fromBytes, string name, byte[][] scalars, string[] labels) : base(name, scalars, labels)
        {
            _fromBytes = fromBytes;
            _peer.ExportCompressed(_peerPoint, 0);
        }

        public static EcdhOperation Create(bool ecdhSign)
        {
            string[] labels;
            byte[][] s = Scalars(out labels);
            string name = ecdhSign
                ? "ECDH-SIGN DH: TGK = x(di*Qr) with the peer's ECCPT point decoded from its bytes (compressed), secret ephemeral d varies"
                : "P-256 ECDH x(d*Q) (EcdhP256.ComputeSharedSecret, validated peer key), secret d varies";
            return new EcdhOperation(ecdhSign, name, s, labels);
        }

        public override void Run()
        {
            if (_fromBytes) EcdhP256.ComputeSharedSecret(Own, _peerPoint, 0, _peerPoint.Length, _secret, 0);
            else EcdhP256.ComputeSharedSecret(Own, _peer, _secret, 0);
        }
    }

    /// <summary>ECDSA sign (RFC 6979 nonce, comb, nonce inversion) of a fixed hash, secret key varies.</summary>
    internal sealed class EcdsaSignOperation : ScalarOperation
    {
        private readonly byte[] _hash = Inputs.RandomBytes(32);
        private readonly byte[] _signature = new byte[64];

        private EcdsaSignOperation(byte[][] scalars, string[] labels)
            : base("P-256 ECDSA sign of a fixed SHA-256 hash (EcdsaP256.Sign, RFC 6979 nonce), secret key varies", scalars, labels)
        {
        }

        public static EcdsaSignOperation Create()
        {
            string[] labels;
            byte[][] s = Scalars(out labels);
            return new EcdsaSignOperation(s, labels);
        }

        public override void Run()
        {
            EcdsaP256.Sign(Own, _hash, 0, 32, _signature, 0);
        }
    }

    /// <summary>
    /// ECMQV (EcmqvP256) with fixed peer keys: one-pass responder (own static key doubling as ephemeral), one-pass
    /// initiator and two-pass; the own ephemeral key is secret too (the edge scalars in reverse order beside the static ones).
    /// </summary>
    internal sealed class EcmqvOperation : ScalarOperation
    {
        public const int OnePassResponder = 0;
        public const int OnePassInitiator = 1;
        public const int TwoPass = 2;
        private readonly P256PrivateKey[] _ephemerals;
        private readonly int _flow;
        private readonly P256PublicKey _peerStatic = RandomKey().PublicKey;
        private readonly P256PublicKey _peerEphemeral = RandomKey().PublicKey;
        private readonly byte[] _secret = new byte[32];
        private P256PrivateKey _ephemeral;

        private EcmqvOperation(int flow, string name, byte[][] scalars, string[] labels) : base(name, scalars, labels)
        {
            _flow = flow;
            _ephemerals = new P256PrivateKey[scalars.Length];
            for (int i = 0; i < scalars.Length; i++) _ephemerals[i] = P256PrivateKey.FromScalar(scalars[scalars.Length - 1 - i], 0);
        }

        public static EcmqvOperation Create(int flow)
        {
            string[] labels;
            byte[][] s = Scalars(out labels);
            string name = flow == OnePassInitiator
                ? "ECMQV one-pass initiator (EcmqvP256.ComputeOnePassInitiator), secret static and ephemeral keys vary"
                : flow == TwoPass ? "ECMQV two-pass (EcmqvP256.ComputeSharedSecret), secret static and ephemeral keys vary"
                : "ECMQV one-pass responder (EcmqvP256.ComputeOnePassResponder), secret static key varies";
            return new EcmqvOperation(flow, name, s, labels);
        }

        public override void Prepare(int i)
        {
            base.Prepare(i);
            _ephemeral = _ephemerals[i];
        }

        public override void Run()
        {
            if (_flow == OnePassInitiator) EcmqvP256.ComputeOnePassInitiator(Own, _ephemeral, _peerStatic, _secret, 0);
            else if (_flow == TwoPass) EcmqvP256.ComputeSharedSecret(Own, _ephemeral, _peerStatic, _peerEphemeral, _secret, 0);
            else EcmqvP256.ComputeOnePassResponder(Own, _peerStatic, _peerEphemeral, _secret, 0);
        }
    }

    /// <summary>
    /// Ephemeral key generation as the ECDH-SIGN and ECMQV initiators do it (P256PrivateKey.Generate: HMAC_DRBG output,
    /// range check, comb): the DRBG's secret seed varies; a fresh DRBG per run, instantiated in Prepare.
    /// </summary>
    internal sealed class KeyGeneration : KeyedOperation
    {
        private readonly byte[] _nonce = Inputs.RandomBytes(16);
        private readonly P256PrivateKey _key = new P256PrivateKey();
        private HmacDrbg _drbg;

        private KeyGeneration(byte[][] keys, string[] labels)
            : base("P-256 key generation (P256PrivateKey.Generate from HmacDrbg), secret DRBG entropy varies", keys, labels)
        {
        }

        public static KeyGeneration Create()
        {
            string[] labels;
            byte[][] keys = Keys(HmacDrbg.EntropyLength, out labels);
            return new KeyGeneration(keys, labels);
        }

        public override void Prepare(int i)
        {
            base.Prepare(i);
            _drbg = new HmacDrbg(Key, _nonce, null, HmacDrbg.DefaultReseedInterval);
        }

        public override void Run()
        {
            _key.Generate(_drbg);
        }
    }

    /// <summary>The ECMQV TGK (EcmqvTgk.Derive, internal, compiled in from lib/Mikey.Ecc.Nano): X9.63 KDF of a secret Z.</summary>
    internal sealed class EcmqvTgkOperation : KeyedOperation
    {
        private readonly EcmqvTgk _tgk = new EcmqvTgk();
        private readonly byte[] _z = new byte[32];
        private readonly byte[] _rand = Inputs.RandomBytes(16);
        private readonly byte[] _point = Inputs.RandomBytes(65);
        private readonly byte[] _out = new byte[32];

        private EcmqvTgkOperation(byte[][] keys, string[] labels)
            : base("ECMQV TGK = X9.63-KDF(Z, \"MIKEY-ECMQV\" || CSB ID || RAND || ECCPTi) (EcmqvTgk.Derive), secret Z varies", keys, labels)
        {
        }

        public static EcmqvTgkOperation Create()
        {
            string[] labels;
            byte[][] keys = Keys(32, out labels);
            return new EcmqvTgkOperation(keys, labels);
        }

        public override void Prepare(int i)
        {
            base.Prepare(i);
            // Derive wipes Z after use: a fresh copy for every run.
            Array.Copy(Key, _z, 32);
        }

        public override void Run()
        {
            _tgk.Derive(_z, 0x01020304, _rand, 0, 16, _point, 0, 65, _out, 32);
        }
    }

    /// <summary>ECIES decryption (EciesP256.TryDecrypt as MIKEY-ECIES uses it: 32-byte tag) with a failing tag check.</summary>
    internal sealed class EciesDecrypt : ScalarOperation
    {
        private const int MessageLength = 32;
        private readonly EciesP256 _ecies = new EciesP256(new SoftwareAes(), 64, 32, false);
        private readonly byte[] _ciphertext;
        private readonly byte[] _output = new byte[64];
        private int _written;

        private EciesDecrypt(byte[][] scalars, string[] labels)
            : base("ECIES decrypt (EciesP256.TryDecrypt): ECDH, KDF, tag check failing; secret recipient key varies, same ciphertext", scalars, labels)
        {
            _ciphertext = new byte[_ecies.GetCiphertextLength(MessageLength)];
            P256PrivateKey otherRecipient = RandomKey();
            _ecies.Encrypt(RandomKey(), otherRecipient.PublicKey, Inputs.RandomBytes(MessageLength), 0, MessageLength, null, 0, 0, null, 0, 0, _ciphertext, 0);
        }

        public static EciesDecrypt Create()
        {
            string[] labels;
            byte[][] s = Scalars(out labels);
            return new EciesDecrypt(s, labels);
        }

        public override void Run()
        {
            _ecies.TryDecrypt(Own, _ciphertext, 0, _ciphertext.Length, null, 0, 0, null, 0, 0, _output, 0, out _written);
        }
    }

    /// <summary>ECIES decryption under one key, the 32-byte tag wrong at each position (the right tag takes the decrypting path).</summary>
    internal sealed class EciesTagCheck : WrongTagOperation
    {
        private readonly EciesP256 _ecies;
        private readonly P256PrivateKey _recipient;
        private readonly byte[] _ciphertext;
        private readonly int _tagOffset;
        private readonly byte[] _output = new byte[64];
        private int _written;

        private EciesTagCheck(EciesP256 ecies, P256PrivateKey recipient, byte[] ciphertext, int tagOffset, byte[] tag)
            : base("ECIES tag check (EciesP256.TryDecrypt), 32-byte tag wrong at each position (fixed key)", tag, false)
        {
            _ecies = ecies;
            _recipient = recipient;
            _ciphertext = ciphertext;
            _tagOffset = tagOffset;
        }

        public static EciesTagCheck Create()
        {
            var ecies = new EciesP256(new SoftwareAes(), 64, 32, false);
            P256PrivateKey recipient = P256PrivateKey.FromScalar(Inputs.RandomScalar(), 0);
            var ciphertext = new byte[ecies.GetCiphertextLength(32)];
            ecies.Encrypt(P256PrivateKey.FromScalar(Inputs.RandomScalar(), 0), recipient.PublicKey, Inputs.RandomBytes(32), 0, 32,
                null, 0, 0, null, 0, 0, ciphertext, 0);
            int tagOffset = ciphertext.Length - 32;
            var tag = new byte[32];
            Array.Copy(ciphertext, tagOffset, tag, 0, 32);
            return new EciesTagCheck(ecies, recipient, ciphertext, tagOffset, tag);
        }

        public override void Prepare(int i)
        {
            base.Prepare(i);
            Array.Copy(Received, 0, _ciphertext, _tagOffset, 32);
        }

        public override void Run()
        {
            _ecies.TryDecrypt(_recipient, _ciphertext, 0, _ciphertext.Length, null, 0, 0, null, 0, 0, _output, 0, out _written);
        }
    }
}
