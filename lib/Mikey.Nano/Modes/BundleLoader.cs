using System;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Policy;
using NanoMikey.Mikey.Session;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Modes
{
    /// <summary>
    /// Fills a <see cref="CryptoSessionBundle"/> from a received message, the part every mode shares: the crypto sessions of
    /// the HDR's SRTP-ID map with the policies of their SP payloads (each checked against the local minimum before any key
    /// is derived), and the SRTP master keys from the Key data sub-payloads of a decrypted KEMAC (RFC 3830 §4.1.3, App. A).
    /// Owns its views and scratch; no allocation per call.
    /// </summary>
    internal sealed class BundleLoader
    {
        // Created on first use, dropped by Release (a responder that releases its exchange scratch, issue 10 §2 heap).
        private SecurityPolicyPayload? _sp;
        private SrtpPolicyMapping? _mapping;
        private MikeyReader _chain;

        /// <summary>Creates a loader that reads KEMAC key data chains with <paramref name="chain"/>.</summary>
        /// <param name="chain">
        /// A reader to reuse (the responder's own: the message has been walked into the layout when keys are loaded, and
        /// <see cref="MikeyReader.ResetChain"/> keeps the HDR it read), so a responder holds one reader, not two.
        /// </param>
        internal BundleLoader(MikeyReader chain)
        {
            _chain = chain;
        }

        /// <summary>The MIKEY error that fits the last failure.</summary>
        internal ErrorCode ErrorCode;

        /// <summary>
        /// Crypto sessions from the HDR map and policies from the SP payloads (RFC 3830 §6.1.1, §6.10). A policy number without
        /// an SP payload keeps the RFC 3830 §6.10.1 defaults.
        /// </summary>
        internal MikeyExchangeStatus LoadSessions(CommonHeader header, byte[] message, MessageLayout layout, MikeyQuirks quirks,
            SrtpMinimumPolicy minimum, CryptoSessionBundle target)
        {
            ErrorCode = ErrorCode.Unspecified;
            if (header.CsIdMapType != CsIdMapType.SrtpId || header.CsCount == 0 || header.CsCount > CryptoSessionBundle.MaxCryptoSessions)
            {
                ErrorCode = ErrorCode.InvalidSp;
                return MikeyExchangeStatus.Unsupported;
            }

            SecurityPolicyPayload sp = _sp ?? (_sp = new SecurityPolicyPayload());
            target.Clear();
            target.CsbId = header.CsbId;
            target.Prf = header.PrfFunction;
            target.Count = header.CsCount;
            for (int i = 0; i < header.CsCount; i++)
            {
                CryptoSession cs = target.Slot(i);
                cs.CsId = i + 1;
                cs.PolicyNo = header.GetPolicyNo(i);
                cs.Ssrc = header.GetSsrc(i);
                cs.Roc = header.GetRoc(i);
                cs.Policy.SetDefaults(); // RFC 3830 §6.10.1: what the SP payload does not say is SRTP's default
                int found = -1;
                for (int k = 0; k < layout.PolicyCount; k++)
                {
                    sp.Bind(message, layout.PolicyOffset[k], layout.PolicyLength[k]);
                    if (sp.PolicyNo == cs.PolicyNo) found = k;
                }

                if (found >= 0)
                {
                    sp.Bind(message, layout.PolicyOffset[found], layout.PolicyLength[found]);
                    SrtpPolicyMapping mapping = _mapping ?? (_mapping = new SrtpPolicyMapping());
                    if (mapping.Load(sp, quirks, minimum, cs.Policy) != MikeyStatus.Ok)
                    {
                        ErrorCode = mapping.ErrorCode;
                        return MikeyExchangeStatus.PolicyRefused;
                    }
                }
                else if (minimum.Check(cs.Policy) != SrtpPolicyWeakness.None)
                {
                    ErrorCode = ErrorCode.InvalidSp;
                    return MikeyExchangeStatus.PolicyRefused;
                }
            }

            return MikeyExchangeStatus.Ok;
        }

        /// <summary>
        /// Master keys from the decrypted Key data chain: TGK (+SALT) yields per-session TEKs and salts through the PRF; a TEK is
        /// the master key itself, with the transported salt, or — without a Salt field — master key ‖ master salt in one value
        /// (the de-facto layout of GStreamer, live555 and gortsplib, peers.md). An SPI becomes the MKI; an interval KV the
        /// SRTP index range. The first TGK is kept in the bundle for CSB updates (RFC 3830 §4.5).
        /// </summary>
        internal MikeyExchangeStatus LoadKeys(byte[] plain, int offset, int length, DataType context, MikeyKeyDerivation kd,
            byte[] rand, int randOffset, int randLength, CryptoSessionBundle target, int firstSlot)
        {
            ErrorCode = ErrorCode.Unspecified;
            if (firstSlot == 0) target.SetRand(rand, randOffset, randLength);
            _chain.ResetChain(plain, offset, length, KemacPayload.FirstSubPayload(context), context);
            int keys = firstSlot;
            // A CSB update keeps the MKI length of the keys already in use (one MKI length per SRTP context).
            int mkiLength = firstSlot > 0 ? target.Slot(0).Policy.MkiLength : -1;
            MikeyStatus s;
            while ((s = _chain.Read()) == MikeyStatus.Ok)
            {
                if (_chain.PayloadType != PayloadType.KeyData) continue; // an ID inside the KEMAC (PK mode) is not a key
                if (keys == CryptoSession.MaxMasterKeys)
                {
                    ErrorCode = ErrorCode.Unspecified;
                    return MikeyExchangeStatus.Unsupported;
                }

                KeyDataSubPayload kdp = _chain.KeyData;
                KeyDataType type = kdp.KeyType;
                int spiLength = kdp.Kv == KvType.Spi ? kdp.SpiLength : 0;
                if (spiLength > SrtpMasterKeyEntry.MaxMkiLength || (mkiLength >= 0 && spiLength != mkiLength))
                {
                    ErrorCode = ErrorCode.InvalidSpPar;
                    return MikeyExchangeStatus.Unsupported;
                }

                mkiLength = spiLength;
                if (type == KeyDataType.Tgk || type == KeyDataType.TgkSalt)
                {
                    if (kdp.KeyDataLength < 1 || kdp.KeyDataLength > CryptoSessionBundle.MaxTgkLength) return Refuse(ErrorCode.Unspecified);
                    if (keys == firstSlot) target.SetTgk(plain, kdp.KeyDataOffset, kdp.KeyDataLength);
                    for (int i = 0; i < target.Count; i++)
                    {
                        CryptoSession cs = target.Slot(i);
                        SrtpMasterKeyEntry k = cs.KeySlot(keys);
                        int keyLength = cs.Policy.SessionEncryptionKeyLength;
                        kd.Derive(target.Prf, plain, kdp.KeyDataOffset, kdp.KeyDataLength, MikeyKeyDerivation.TekConstant, (byte)cs.CsId, target.CsbId,
                            rand, randOffset, randLength, k.Key, 0, keyLength);
                        k.KeyLength = keyLength;
                        int saltLength = cs.Policy.SessionSaltKeyLength;
                        if (type == KeyDataType.TgkSalt)
                        {
                            if (kdp.SaltLength != saltLength) return Refuse(ErrorCode.InvalidSpPar);
                            Array.Copy(plain, kdp.SaltOffset, k.Salt, 0, saltLength);
                        }
                        else
                        {
                            kd.Derive(target.Prf, plain, kdp.KeyDataOffset, kdp.KeyDataLength, MikeyKeyDerivation.SaltingKeyConstant, (byte)cs.CsId, target.CsbId,
                                rand, randOffset, randLength, k.Salt, 0, saltLength);
                        }

                        k.SaltLength = saltLength;
                    }
                }
                else if (type == KeyDataType.Tek || type == KeyDataType.TekSalt)
                {
                    for (int i = 0; i < target.Count; i++)
                    {
                        CryptoSession cs = target.Slot(i);
                        SrtpMasterKeyEntry k = cs.KeySlot(keys);
                        int keyLength = cs.Policy.SessionEncryptionKeyLength;
                        int saltLength = cs.Policy.SessionSaltKeyLength;
                        int saltAt;
                        if (type == KeyDataType.TekSalt)
                        {
                            if (kdp.KeyDataLength != keyLength || kdp.SaltLength != saltLength) return Refuse(ErrorCode.InvalidSpPar);
                            saltAt = kdp.SaltOffset;
                        }
                        else
                        {
                            // RFC 3830 App. A leaves the salt of a bare TEK open; peers send key ‖ salt as one value.
                            if (kdp.KeyDataLength != keyLength + saltLength) return Refuse(ErrorCode.InvalidSpPar);
                            saltAt = kdp.KeyDataOffset + keyLength;
                        }

                        Array.Copy(plain, kdp.KeyDataOffset, k.Key, 0, keyLength);
                        Array.Copy(plain, saltAt, k.Salt, 0, saltLength);
                        k.KeyLength = keyLength;
                        k.SaltLength = saltLength;
                    }
                }
                else
                {
                    return Refuse(ErrorCode.Unspecified);
                }

                for (int i = 0; i < target.Count; i++)
                {
                    SrtpMasterKeyEntry k = target.Slot(i).KeySlot(keys);
                    k.MkiLength = spiLength;
                    if (spiLength > 0) Array.Copy(plain, kdp.SpiOffset, k.Mki, 0, spiLength);
                    if (kdp.Kv == KvType.Interval)
                    {
                        if (kdp.ValidFromLength > 6 || kdp.ValidToLength > 6) return Refuse(ErrorCode.InvalidSpPar);
                        k.HasInterval = true;
                        k.ValidFrom = ReadIndex(plain, kdp.ValidFromOffset, kdp.ValidFromLength);
                        k.ValidTo = ReadIndex(plain, kdp.ValidToOffset, kdp.ValidToLength);
                        if (k.ValidFrom > k.ValidTo) return Refuse(ErrorCode.InvalidSpPar);
                    }
                }

                keys++;
            }

            if (s != MikeyStatus.End)
            {
                ErrorCode = _chain.ErrorCode;
                return MikeyExchangeStatus.Malformed;
            }

            if (keys == firstSlot) return Refuse(ErrorCode.Unspecified);
            for (int i = 0; i < target.Count; i++)
            {
                CryptoSession cs = target.Slot(i);
                cs.MasterKeyCount = keys;
                cs.Policy.MkiLength = mkiLength;
            }

            return MikeyExchangeStatus.Ok;
        }

        /// <summary>
        /// CSB update (RFC 3830 §4.5): the crypto sessions that existed keep their master keys; they must still describe the
        /// same streams with the same key and salt lengths. Crypto sessions the update adds get only the update's keys: their
        /// earlier slots stay empty (key length 0), so every session keeps the same slot numbering.
        /// </summary>
        /// <returns>The number of master keys each existing session already has (the slot for the update's keys).</returns>
        internal int CarryKeysOver(CryptoSessionBundle current, CryptoSessionBundle target)
        {
            ErrorCode = ErrorCode.InvalidSpPar;
            if (target.Count < current.Count) return -1;
            int slot = current.Get(0).MasterKeyCount;
            if (slot >= CryptoSession.MaxMasterKeys) return -1;
            target.SetRand(current.Rand, 0, current.RandLength);
            for (int i = 0; i < current.Count; i++)
            {
                CryptoSession was = current.Get(i), now = target.Slot(i);
                if (was.Ssrc != now.Ssrc || was.Policy.SessionEncryptionKeyLength != now.Policy.SessionEncryptionKeyLength
                    || was.Policy.SessionSaltKeyLength != now.Policy.SessionSaltKeyLength || was.MasterKeyCount != slot)
                {
                    return -1;
                }

                now.Roc = was.Roc;
                now.Policy.MkiLength = was.Policy.MkiLength;
                for (int k = 0; k < slot; k++) now.KeySlot(k).CopyFrom(was.GetMasterKey(k));
            }

            return slot;
        }

        /// <summary>Drops the policy views (LoadSessions creates them again); LoadKeys does not need them.</summary>
        internal void ReleasePolicyViews()
        {
            _sp = null;
            _mapping = null;
        }

        /// <summary>Drops the policy views and the reader; the next exchange creates them again (see <see cref="Rebind"/>).</summary>
        internal void Release()
        {
            ReleasePolicyViews();
            _chain = null!;
        }

        /// <summary>Reads key data chains with <paramref name="chain"/> from now on (the responder's new reader).</summary>
        internal void Rebind(MikeyReader chain)
        {
            _chain = chain;
        }

        private MikeyExchangeStatus Refuse(ErrorCode code)
        {
            ErrorCode = code;
            return MikeyExchangeStatus.Unsupported;
        }

        private static ulong ReadIndex(byte[] b, int offset, int length)
        {
            ulong v = 0;
            for (int i = 0; i < length; i++) v = (v << 8) | b[offset + i];
            return v;
        }
    }
}
