using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Hal;
using NanoMikey.Crypto.Mac;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Srtp.Transforms;

namespace NanoMikey.Mikey.Keys
{
    /// <summary>
    /// The keys that protect a MIKEY message (RFC 3830 §4.1.4: encr_key, auth_key, salt_key from a PSK or envelope key) and
    /// what they do: KEMAC Encr data encryption (§4.2.3: NULL, AES-CM-128, AES-KW-128, AES-CM-256 of RFC 6043 §6.2) and the
    /// KEMAC MAC / V MAC (HMAC-SHA-1-160, HMAC-SHA-256-256). Owns its engines and buffers; allocation-free after warm-up.
    /// <see cref="Clear"/> wipes every key.
    /// </summary>
    /// <remarks>
    /// AES-KW-128 (Encr alg 2, RFC 3830 §4.2.3): RFC 3394 key wrap of the whole Key data sub-payload chain with KEK =
    /// encr_key (128 bits) and the initial value A[0] = the first 64 bits of salt_key (RFC 3394 §2.2.3.2 alternative IV)
    /// instead of A6A6A6A6A6A6A6A6; Encr data = the 8-byte integrity register ‖ the wrapped chain, 8 bytes longer than the
    /// chain. Padding: MIKEY defines none and RFC 5649 is not used (a peer that follows RFC 3830 and RFC 3394 would not
    /// unpad): the chain must be a multiple of 8 bytes, at least 16. Our initiators size the TGK so that it is; a received
    /// Encr data that is not a multiple of 8 or shorter than 24 bytes is refused (<see cref="WrapLengthInvalid"/>, ERR
    /// Invalid EA), and an unwrap whose integrity register does not match is <see cref="WrapIntegrityFailed"/> (ERR Auth
    /// failure), with no key data written.
    /// </remarks>
    public sealed class KemacProtection
    {
        /// <summary>Length of salt_key used for the AES-CM IV (112 bits, RFC 3830 §4.2.3).</summary>
        public const int SaltKeyLength = 14;

        private readonly IAesEngineFactory _aesFactory;
        private readonly MikeyKeyDerivation _kd;
        private AesCmCipher? _cm; // on first AES-CM use (and again after Release)
        // The MAC runs on the PRF's HMAC (MikeyPrf.Shared), keyed with auth_key for each MAC and wiped after: one HMAC per
        // responder, not two (issue 10 §2 heap). auth_key stays in _authKey until Clear, as its ipad/opad states did before.
        private int _authKeyLength;
        private readonly byte[] _encrKey = new byte[32];
        private readonly byte[] _saltKey = new byte[SaltKeyLength];
        private readonly byte[] _authKey = new byte[32];
        private readonly byte[] _iv = new byte[16];
        /// <summary>What <see cref="Decrypt"/> returns for AES-KW-128 Encr data of a length key wrap cannot produce.</summary>
        public const int WrapLengthInvalid = -1;

        /// <summary>What <see cref="Decrypt"/> returns when the AES-KW-128 integrity check fails (RFC 3394 §2.2.3).</summary>
        public const int WrapIntegrityFailed = -2;

        /// <summary>Bytes AES-KW-128 Encr data adds to the Key data chain (RFC 3394 integrity register).</summary>
        public const int WrapOverhead = AesKeyWrap.Overhead;

        private const int MaxWrappedData = 512;

        private AesKeyWrap? _kw;
        private IAesEngine? _aes128;
        private IAesEngine? _aes256;
        private EncryptionAlgorithm _encryption;
        private MacAlgorithm _mac;
        private bool _keyed;

        /// <summary>Creates the protection with its own derivation object.</summary>
        /// <param name="aesFactory">Where AES engines come from (hardware on the device, software or .NET on the host).</param>
        /// <param name="keyDerivation">The derivation (and PRF) to run.</param>
        public KemacProtection(IAesEngineFactory aesFactory, MikeyKeyDerivation keyDerivation)
        {
            if (aesFactory == null || keyDerivation == null) throw new ArgumentNullException();
            _aesFactory = aesFactory;
            _kd = keyDerivation;
        }

        /// <summary>The encryption algorithm the keys were derived for.</summary>
        public EncryptionAlgorithm Encryption
        {
            get { return _encryption; }
        }

        /// <summary>The MAC algorithm the keys were derived for.</summary>
        public MacAlgorithm Mac
        {
            get { return _mac; }
        }

        /// <summary>Key length in bytes of an encryption algorithm (0 for NULL), or -1 when this implementation has no such cipher.</summary>
        /// <param name="encryption">KEMAC Encr alg.</param>
        /// <returns>The encr_key length, or -1.</returns>
        public static int EncryptionKeyLength(EncryptionAlgorithm encryption)
        {
            if (encryption == EncryptionAlgorithm.Null) return 0;
            if (encryption == EncryptionAlgorithm.AesCm128 || encryption == EncryptionAlgorithm.AesKw128) return 16;
            if (encryption == EncryptionAlgorithm.AesCm256) return 32;
            return -1;
        }

        /// <summary>auth_key length in bytes of a MAC algorithm (0 for NULL), or -1 when unknown (RFC 3830 §4.1.4, RFC 6043 §6.2).</summary>
        /// <param name="mac">KEMAC MAC alg / V Auth alg.</param>
        /// <returns>The auth_key length, or -1.</returns>
        public static int AuthenticationKeyLength(MacAlgorithm mac)
        {
            if (mac == MacAlgorithm.Null) return 0;
            if (mac == MacAlgorithm.HmacSha1160) return 20;
            if (mac == MacAlgorithm.HmacSha256256) return 32;
            return -1;
        }

        /// <summary>
        /// Derives encr_key, salt_key and auth_key from <paramref name="secret"/> (PSK, or envelope key) with the initiator's
        /// CSB ID and RAND (RFC 3830 §4.1.4) and loads them.
        /// </summary>
        /// <param name="prf">PRF from the HDR.</param>
        /// <param name="secret">Buffer holding the pre-shared or envelope key.</param>
        /// <param name="secretOffset">Offset of the key.</param>
        /// <param name="secretLength">Key length in bytes.</param>
        /// <param name="csbId">CSB ID from the HDR.</param>
        /// <param name="rand">Buffer holding the initiator's RAND value.</param>
        /// <param name="randOffset">Offset of the RAND value.</param>
        /// <param name="randLength">RAND length.</param>
        /// <param name="encryption">KEMAC encryption algorithm.</param>
        /// <param name="mac">KEMAC MAC / V algorithm.</param>
        /// <returns>False (nothing loaded) when an algorithm is not implemented or no AES engine exists for it.</returns>
        public bool DeriveKeys(PrfFunction prf, byte[] secret, int secretOffset, int secretLength, uint csbId,
            byte[] rand, int randOffset, int randLength, EncryptionAlgorithm encryption, MacAlgorithm mac)
        {
            int ekl = EncryptionKeyLength(encryption);
            int akl = AuthenticationKeyLength(mac);
            if (ekl < 0 || akl < 0) return false;
            IAesEngine? engine = null;
            if (ekl > 0)
            {
                engine = EngineFor(ekl);
                if (engine == null) return false;
                if (encryption == EncryptionAlgorithm.AesKw128 && _kw == null) _kw = new AesKeyWrap(engine, MaxWrappedData);
            }

            Clear();
            if (ekl > 0)
            {
                _kd.Derive(prf, secret, secretOffset, secretLength, MikeyKeyDerivation.MessageEncryptionKeyConstant, MikeyKeyDerivation.MessageKeyCsId,
                    csbId, rand, randOffset, randLength, _encrKey, 0, ekl);
                _kd.Derive(prf, secret, secretOffset, secretLength, MikeyKeyDerivation.MessageSaltKeyConstant, MikeyKeyDerivation.MessageKeyCsId,
                    csbId, rand, randOffset, randLength, _saltKey, 0, SaltKeyLength);
                engine!.SetKey(_encrKey, 0, ekl);
                SecureMemory.Wipe(_encrKey);
            }

            if (akl > 0)
            {
                _kd.Derive(prf, secret, secretOffset, secretLength, MikeyKeyDerivation.MessageAuthenticationKeyConstant, MikeyKeyDerivation.MessageKeyCsId,
                    csbId, rand, randOffset, randLength, _authKey, 0, akl);
            }

            _authKeyLength = akl;

            _encryption = encryption;
            _mac = mac;
            _keyed = true;
            return true;
        }

        /// <summary>
        /// Encrypts or decrypts (the same operation for AES-CM and NULL) KEMAC Encr data in place. The IV is
        /// (salt_key XOR (0x0000 ‖ CSB ID ‖ T)) ‖ 0x0000 with T the initiator's 64-bit timestamp value (RFC 3830 §4.2.3).
        /// </summary>
        /// <param name="csbId">CSB ID from the HDR.</param>
        /// <param name="timestamp">The initiator's timestamp as 64 bits (COUNTER left-padded with zeros, NTP-UTC-32 as seconds ‖ 0: RFC 3830 §6.6, RFC 6043 §6.3).</param>
        /// <param name="data">Buffer holding Encr data.</param>
        /// <param name="offset">Offset of Encr data.</param>
        /// <param name="length">Encr data length.</param>
        /// <exception cref="InvalidOperationException">No keys are loaded, or the algorithm is AES-KW-128 (use <see cref="Encrypt"/> / <see cref="Decrypt"/>).</exception>
        public void Transform(uint csbId, ulong timestamp, byte[] data, int offset, int length)
        {
            if (!_keyed) throw new InvalidOperationException();
            if (_encryption == EncryptionAlgorithm.AesKw128) throw new InvalidOperationException();
            IAesEngine? engine = CounterBlock(csbId, timestamp);
            if (engine == null) return;
            _cm!.Apply(engine, _iv, 0, data, offset, length);
            SecureMemory.Wipe(_iv);
        }

        // The AES-CM initial counter block (RFC 3830 §4.2.3) into _iv, and the engine keyed for it; null for NULL encryption.
        // A step of its own that returns before the keystream runs: the interpreter allocates a heap frame per call, and the
        // decryption is the deepest point of a PSK exchange (issue 10 §2).
        private IAesEngine? CounterBlock(uint csbId, ulong timestamp)
        {
            if (_encryption == EncryptionAlgorithm.Null) return null;
            byte[] iv = _iv;
            Array.Copy(_saltKey, 0, iv, 0, SaltKeyLength);
            iv[2] ^= (byte)(csbId >> 24);
            iv[3] ^= (byte)(csbId >> 16);
            iv[4] ^= (byte)(csbId >> 8);
            iv[5] ^= (byte)csbId;
            for (int i = 0; i < 8; i++) iv[6 + i] ^= (byte)(timestamp >> (56 - 8 * i));
            iv[14] = 0;
            iv[15] = 0;
            IAesEngine? engine = _encryption == EncryptionAlgorithm.AesCm128 ? _aes128 : _aes256;
            if (engine == null) throw new InvalidOperationException(); // ReleaseCipher ran: derive the keys again
            // RFC 3830 §4.2.3 AES-CM is SRTP's (RFC 3711 §4.1.1): the IV's low 16 bits count the blocks.
            if (_cm == null) _cm = new AesCmCipher(64);
            return engine;
        }

        /// <summary>
        /// Encrypts KEMAC Encr data in place: AES-CM and NULL as <see cref="Transform"/>; AES-KW-128 wraps the chain in the
        /// first <paramref name="length"/> - 8 bytes into all <paramref name="length"/> bytes (the writer reserves the 8).
        /// </summary>
        /// <param name="csbId">CSB ID from the HDR.</param>
        /// <param name="timestamp">The initiator's timestamp as 64 bits (see <see cref="Transform"/>).</param>
        /// <param name="data">Buffer holding Encr data.</param>
        /// <param name="offset">Offset of Encr data.</param>
        /// <param name="length">Encr data length (for AES-KW-128: chain length + 8).</param>
        /// <returns>False (nothing changed) when AES-KW-128 cannot wrap a chain of this length.</returns>
        public bool Encrypt(uint csbId, ulong timestamp, byte[] data, int offset, int length)
        {
            if (!_keyed) throw new InvalidOperationException();
            if (_encryption != EncryptionAlgorithm.AesKw128)
            {
                Transform(csbId, timestamp, data, offset, length);
                return true;
            }

            int chain = length - WrapOverhead;
            if (chain < 16 || (chain & 7) != 0 || chain > MaxWrappedData) return false;
            if (_kw == null) throw new InvalidOperationException();
            _kw.SetInitialValue(_saltKey, 0);
            _kw.Wrap(data, offset, chain, data, offset);
            return true;
        }

        /// <summary>
        /// Decrypts KEMAC Encr data into <paramref name="plain"/>: AES-CM and NULL copy and transform; AES-KW-128 unwraps and
        /// checks the integrity register (salt_key, RFC 3830 §4.2.3) before writing anything.
        /// </summary>
        /// <param name="csbId">CSB ID from the HDR.</param>
        /// <param name="timestamp">The initiator's timestamp as 64 bits (see <see cref="Transform"/>).</param>
        /// <param name="encr">Buffer holding Encr data.</param>
        /// <param name="offset">Offset of Encr data.</param>
        /// <param name="length">Encr data length.</param>
        /// <param name="plain">Destination of the Key data chain.</param>
        /// <param name="plainOffset">Offset in <paramref name="plain"/>.</param>
        /// <returns>The chain length, or <see cref="WrapLengthInvalid"/> / <see cref="WrapIntegrityFailed"/>.</returns>
        public int Decrypt(uint csbId, ulong timestamp, byte[] encr, int offset, int length, byte[] plain, int plainOffset)
        {
            if (!_keyed) throw new InvalidOperationException();
            if (_encryption != EncryptionAlgorithm.AesKw128)
            {
                if (length > plain.Length - plainOffset) return WrapLengthInvalid;
                Array.Copy(encr, offset, plain, plainOffset, length);
                // Transform's steps in this frame, not a call to it: one heap frame less at the exchange's deepest point.
                IAesEngine? engine = CounterBlock(csbId, timestamp);
                if (engine == null) return length;
                _cm!.Apply(engine, _iv, 0, plain, plainOffset, length);
                SecureMemory.Wipe(_iv);
                return length;
            }

            int chain = length - WrapOverhead;
            if (chain < 16 || (chain & 7) != 0 || chain > MaxWrappedData || chain > plain.Length - plainOffset) return WrapLengthInvalid;
            if (_kw == null) throw new InvalidOperationException();
            _kw.SetInitialValue(_saltKey, 0);
            return _kw.Unwrap(encr, offset, length, plain, plainOffset) ? chain : WrapIntegrityFailed;
        }

        /// <summary>MAC length in bytes of the loaded MAC algorithm (0 for NULL).</summary>
        public int MacLength
        {
            get { return AuthenticationKeyLength(_mac); }
        }

        /// <summary>Computes the MAC over one or two ranges (the second may be empty) into <paramref name="output"/>.</summary>
        /// <param name="data">First covered range's buffer.</param>
        /// <param name="offset">Offset of the first range.</param>
        /// <param name="length">Length of the first range.</param>
        /// <param name="extra">Second covered range's buffer (V: IDi ‖ IDr ‖ T), or null.</param>
        /// <param name="extraOffset">Offset of the second range.</param>
        /// <param name="extraLength">Length of the second range.</param>
        /// <param name="output">Destination of the MAC.</param>
        /// <param name="outputOffset">Offset of the MAC.</param>
        public void ComputeMac(byte[] data, int offset, int length, byte[]? extra, int extraOffset, int extraLength, byte[] output, int outputOffset)
        {
            if (Offloaded(data, offset, length, extra, extraOffset, extraLength, output, outputOffset)) return;
            Hmac? hmac = Loaded();
            if (hmac == null) return;
            hmac.Reset();
            hmac.Update(data, offset, length);
            if (extra != null && extraLength > 0) hmac.Update(extra, extraOffset, extraLength);
            hmac.Final(output, outputOffset, hmac.MacLength);
            hmac.Clear();
        }

        /// <summary>Checks a received MAC in constant time; a NULL MAC algorithm verifies only when the mode allows NULL (the caller decides).</summary>
        /// <param name="data">First covered range's buffer.</param>
        /// <param name="offset">Offset of the first range.</param>
        /// <param name="length">Length of the first range.</param>
        /// <param name="extra">Second covered range's buffer, or null.</param>
        /// <param name="extraOffset">Offset of the second range.</param>
        /// <param name="extraLength">Length of the second range.</param>
        /// <param name="mac">Buffer holding the received MAC.</param>
        /// <param name="macOffset">Offset of the received MAC.</param>
        /// <param name="macLength">Length of the received MAC; must equal <see cref="MacLength"/>.</param>
        /// <returns>True when the MAC matches (always false for the NULL algorithm).</returns>
        public bool VerifyMac(byte[] data, int offset, int length, byte[]? extra, int extraOffset, int extraLength, byte[] mac, int macOffset, int macLength)
        {
            if (!_keyed) throw new InvalidOperationException();
            if (macLength != MacLength) return false;
            byte[] computed = _encrKey; // wiped since DeriveKeys keyed the engine with it: free scratch of 32 bytes
            if (!Offloaded(data, offset, length, extra, extraOffset, extraLength, computed, 0))
            {
                Hmac? hmac = Loaded();
                if (hmac == null) return false;
                hmac.Reset();
                hmac.Update(data, offset, length);
                if (extra != null && extraLength > 0) hmac.Update(extra, extraOffset, extraLength);
                hmac.Final(computed, 0, macLength);
                hmac.Clear();
            }

            bool ok = ConstantTime.AreEqual(computed, 0, mac, macOffset, macLength);
            SecureMemory.Wipe(computed);
            return ok;
        }

        /// <summary>Wipes every key and engine schedule.</summary>
        public void Clear()
        {
            SecureMemory.Wipe(_encrKey);
            SecureMemory.Wipe(_saltKey);
            SecureMemory.Wipe(_authKey);
            SecureMemory.Wipe(_iv);
            if (_aes128 != null) _aes128.ClearKey();
            if (_aes256 != null) _aes256.ClearKey();
            if (_kw != null) _kw.SetInitialValue(null, 0);
            _authKeyLength = 0;
            _keyed = false;
        }

        /// <summary>
        /// Wipes every key (<see cref="Clear"/>) and drops the engines, the key wrap and the CTR scratch, so that they are
        /// created again on the next use: for a responder that releases its exchange scratch (PskResponder).
        /// </summary>
        internal void Release()
        {
            Clear();
            ReleaseCipher();
        }

        /// <summary>
        /// Once the Encr data is decrypted: wipes encr_key's schedule and salt_key and drops the engines, the key wrap and the
        /// CTR scratch, keeping auth_key for the verification MAC (PskResponder releasing its scratch: the cipher's heap is
        /// free again before the key derivation). Encrypt/Decrypt need <see cref="DeriveKeys"/> again after it.
        /// </summary>
        internal void ReleaseCipher()
        {
            if (_aes128 != null) _aes128.ClearKey();
            if (_aes256 != null) _aes256.ClearKey();
            if (_kw != null) _kw.SetInitialValue(null, 0);
            SecureMemory.Wipe(_saltKey);
            SecureMemory.Wipe(_iv);
            _aes128 = null;
            _aes256 = null;
            _kw = null;
            _cm = null;
        }

        // The MAC through MikeyOffload's engine when one is selected and takes this algorithm (never for NULL).
        private bool Offloaded(byte[] data, int offset, int length, byte[]? extra, int extraOffset, int extraLength, byte[] output, int outputOffset)
        {
            IMikeyOffload? offload = MikeyOffload.Engine;
            if (offload == null) return false;
            if (!_keyed) throw new InvalidOperationException();
            return _mac != MacAlgorithm.Null && offload.ComputeMac(_mac, _authKey, 0, _authKeyLength, data, offset, length,
                extra, extraOffset, extraLength, output, outputOffset);
        }

        private Hmac? Loaded()
        {
            if (!_keyed) throw new InvalidOperationException();
            if (_mac == MacAlgorithm.Null) return null;
            // The PRF's HMAC, keyed with auth_key for this one MAC (RFC 3830 §4.1.4); the caller wipes it after.
            Hmac hmac = _kd.Prf.Shared(_mac == MacAlgorithm.HmacSha256256);
            hmac.SetKey(_authKey, 0, _authKeyLength);
            return hmac;
        }

        private IAesEngine? EngineFor(int keyLength)
        {
            if (keyLength == 16)
            {
                if (_aes128 == null) _aes128 = _aesFactory.Create(16);
                return _aes128;
            }

            if (_aes256 == null) _aes256 = _aesFactory.Create(32);
            return _aes256;
        }
    }
}
