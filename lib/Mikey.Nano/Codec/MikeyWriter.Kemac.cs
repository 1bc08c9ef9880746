using System;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Codec
{
    /// <summary>KEMAC with its Key data sub-payload chain (RFC 3830 §6.2, §6.13).</summary>
    public sealed partial class MikeyWriter
    {
        /// <summary>
        /// Opens a KEMAC: the following <see cref="WriteKeyData"/> (and <see cref="WriteId"/>) calls build its Encr data in clear;
        /// the mode encrypts <see cref="KemacEncrDataOffset"/>/<see cref="KemacEncrDataLength"/> in place after <see cref="EndKemac"/>.
        /// </summary>
        public MikeyStatus BeginKemac(EncryptionAlgorithm encryption)
        {
            int p = Begin(PayloadType.Kemac, 4);
            _inKemac = true;
            _subNextPos = NoChain;
            _kemacStart = p;
            if (p >= 0)
            {
                _buffer[p + 1] = (byte)encryption;
                KemacOffset = p;
            }

            return _status;
        }

        /// <summary>
        /// Closes the KEMAC: fills Encr data len, writes MAC alg and reserves the MAC field (covered range reported). With
        /// AES-KW-128 the Encr data gets 8 more bytes for the key wrap's integrity register (RFC 3394), wrapped in place later.
        /// </summary>
        /// <exception cref="InvalidOperationException">No KEMAC is open.</exception>
        public MikeyStatus EndKemac(MacAlgorithm mac)
        {
            if (!_inKemac)
            {
                throw new InvalidOperationException();
            }

            int ml = KemacPayload.MacLengthOf(mac);
            if (ml < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(mac));
            }

            _inKemac = false;
            if (_status != MikeyStatus.Ok)
            {
                return _status;
            }

            // AES-KW-128 Encr data is the wrapped chain: 8 bytes (RFC 3394 integrity register) longer than the chain written.
            int wrap = _buffer[_kemacStart + 1] == (byte)EncryptionAlgorithm.AesKw128 ? 8 : 0;
            int encrLength = _position - _kemacStart - 4 + wrap;
            if (encrLength > 0xFFFF || _limit - _position < 1 + ml + wrap)
            {
                _status = MikeyStatus.BufferTooSmall;
                return _status;
            }

            if (_subNextPos != NoChain)
            {
                _buffer[_subNextPos] = 0;
            }

            Array.Clear(_buffer, _position, wrap);
            _position += wrap;
            NetworkOrder.WriteUInt16(_buffer, _kemacStart + 2, encrLength);
            _kemacEncrOffset = _kemacStart + 4;
            _kemacEncrLength = encrLength;
            _buffer[_position] = (byte)mac;
            Reserve(_position + 1, ml);
            _position += 1 + ml;
            return _status;
        }

        /// <summary>Writes a whole KEMAC whose Encr data is given (already encrypted or NULL), reserving the MAC field.</summary>
        public MikeyStatus WriteKemac(EncryptionAlgorithm encryption, byte[] encrData, int offset, int count, MacAlgorithm mac)
        {
            int ml = KemacPayload.MacLengthOf(mac);
            if (ml < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(mac));
            }

            CheckRange(encrData, offset, count, 0xFFFF);
            int p = Begin(PayloadType.Kemac, 5 + count + ml);
            if (p >= 0)
            {
                KemacOffset = p;
                _buffer[p + 1] = (byte)encryption;
                NetworkOrder.WriteUInt16(_buffer, p + 2, count);
                Put(p + 4, encrData, offset, count);
                _kemacEncrOffset = p + 4;
                _kemacEncrLength = count;
                _buffer[p + 4 + count] = (byte)mac;
                Reserve(p + 5 + count, ml);
            }

            return _status;
        }

        /// <summary>
        /// Writes a Key data sub-payload inside an open KEMAC. A salt is written exactly when the key type has a Salt field
        /// (TGK+SALT, TEK+SALT, GTGK+SALT); KV data is an SPI/MKI (kv1) or an interval (kv1 = Valid From, kv2 = Valid To).
        /// </summary>
        public MikeyStatus WriteKeyData(KeyDataType type, byte[] key, int keyOffset, int keyLength, byte[]? salt, int saltOffset, int saltLength,
            KvType kv, byte[]? kv1, int kv1Offset, int kv1Length, byte[]? kv2, int kv2Offset, int kv2Length)
        {
            if ((int)type > 15)
            {
                throw new ArgumentOutOfRangeException(nameof(type));
            }

            CheckRange(key, keyOffset, keyLength, 0xFFFF);
            bool hasSalt = KeyDataSubPayload.HasSaltField(type);
            if (!hasSalt && saltLength != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(saltLength));
            }

            CheckRange(salt, saltOffset, saltLength, 0xFFFF);
            int kvl = KvDataLength(kv, kv1, kv1Offset, kv1Length, kv2, kv2Offset, kv2Length);
            int size = 4 + keyLength + (hasSalt ? 2 + saltLength : 0) + kvl;
            int p = Begin(PayloadType.KeyData, size);
            if (p >= 0)
            {
                byte[] b = _buffer;
                b[p + 1] = (byte)(((int)type << 4) | (int)kv);
                NetworkOrder.WriteUInt16(b, p + 2, keyLength);
                Put(p + 4, key, keyOffset, keyLength);
                int q = p + 4 + keyLength;
                if (hasSalt)
                {
                    NetworkOrder.WriteUInt16(b, q, saltLength);
                    Put(q + 2, salt!, saltOffset, saltLength);
                    q += 2 + saltLength;
                }

                PutKvData(q, kv, kv1, kv1Offset, kv1Length, kv2, kv2Offset, kv2Length);
            }

            return _status;
        }
    }
}
