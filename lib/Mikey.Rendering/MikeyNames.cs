namespace NanoMikey.Mikey.Rendering
{
    /// <summary>RFC and IANA names of the MIKEY registry values, for rendering (Enum.ToString prints numbers on nanoFramework).</summary>
    internal static class MikeyNames
    {
        internal static string DataType(int v)
        {
            switch (v)
            {
                case 0: return "Pre-shared";
                case 1: return "PSK ver msg";
                case 2: return "Public key";
                case 3: return "PK ver msg";
                case 4: return "D-H init";
                case 5: return "D-H resp";
                case 6: return "Error";
                case 7: return "DHHMAC init";
                case 8: return "DHHMAC resp";
                case 9: return "RSA-R I_MSG";
                case 10: return "RSA-R R_MSG";
                case 11: return "REQUEST_INIT_PSK";
                case 12: return "REQUEST_INIT_PK";
                case 13: return "REQUEST_RESP";
                case 14: return "TRANSFER_INIT";
                case 15: return "TRANSFER_RESP";
                case 16: return "RESOLVE_INIT_PSK";
                case 17: return "RESOLVE_INIT_PK";
                case 18: return "RESOLVE_RESP";
                case 19: return "REQUEST_KEY_PSK";
                case 20: return "REQUEST_KEY_PKE";
                case 21: return "REQUEST_KEY_RESP";
                case 22: return "I_MESSAGE_1";
                case 23: return "R_MESSAGE_1";
                case 24: return "I_MESSAGE_2";
                case 25: return "R_MESSAGE_2";
                case 26: return "SAKKE msg";
                default: return v >= 241 ? "private use" : "unassigned";
            }
        }

        internal static string Payload(int v)
        {
            switch (v)
            {
                case 0: return "Last payload";
                case 1: return "KEMAC";
                case 2: return "PKE";
                case 3: return "DH";
                case 4: return "SIGN";
                case 5: return "T";
                case 6: return "ID";
                case 7: return "CERT";
                case 8: return "CHASH";
                case 9: return "V";
                case 10: return "SP";
                case 11: return "RAND";
                case 12: return "ERR";
                case 13: return "TR";
                case 14: return "IDR";
                case 15: return "RANDR";
                case 16: return "TP";
                case 17: return "TICKET";
                case 20: return "Key data";
                case 21: return "General Ext.";
                case 22: return "IBAKE";
                case 23: return "ESK";
                case 24: return "SK";
                case 25: return "ECCPT";
                case 26: return "SAKKE";
                default: return v >= 241 ? "private use" : "unassigned";
            }
        }

        internal static string Prf(int v)
        {
            switch (v)
            {
                case 0: return "MIKEY-1";
                case 1: return "PRF-HMAC-SHA-256";
                default: return v >= 112 ? "private use" : "unassigned";
            }
        }

        internal static string MapType(int v)
        {
            switch (v)
            {
                case 0: return "SRTP-ID";
                case 1: return "Empty map";
                case 2: return "GENERIC-ID";
                default: return v >= 241 ? "private use" : "unassigned";
            }
        }

        internal static string Error(int v)
        {
            switch (v)
            {
                case 0: return "Auth failure";
                case 1: return "Invalid TS";
                case 2: return "Invalid PRF";
                case 3: return "Invalid MAC";
                case 4: return "Invalid EA";
                case 5: return "Invalid HA";
                case 6: return "Invalid DH";
                case 7: return "Invalid ID";
                case 8: return "Invalid Cert";
                case 9: return "Invalid SP";
                case 10: return "Invalid SPpar";
                case 11: return "Invalid DT";
                case 12: return "Unspecified error";
                case 13: return "Unsupported message type";
                case 14: return "Invalid TICKET";
                case 15: return "Invalid TPpar";
                default: return v >= 241 ? "private use" : "unassigned";
            }
        }

        internal static string EncrAlg(int v)
        {
            switch (v)
            {
                case 0: return "NULL";
                case 1: return "AES-CM-128";
                case 2: return "AES-KW-128";
                case 3: return "AES-CM-256";
                default: return v >= 241 ? "private use" : "unassigned";
            }
        }

        internal static string MacAlg(int v)
        {
            switch (v)
            {
                case 0: return "NULL";
                case 1: return "HMAC-SHA-1-160";
                case 2: return "HMAC-SHA-256-256";
                default: return v >= 241 ? "private use" : "unassigned";
            }
        }

        internal static string KeyType(int v)
        {
            switch (v)
            {
                case 0: return "TGK";
                case 1: return "TGK+SALT";
                case 2: return "TEK";
                case 3: return "TEK+SALT";
                case 4: return "GTGK";
                case 5: return "GTGK+SALT";
                case 6: return "MPK";
                case 7: return "K_PR";
                default: return "unassigned";
            }
        }

        internal static string Kv(int v)
        {
            switch (v)
            {
                case 0: return "Null";
                case 1: return "SPI";
                case 2: return "Interval";
                default: return "unassigned";
            }
        }

        internal static string TsType(int v)
        {
            switch (v)
            {
                case 0: return "NTP-UTC";
                case 1: return "NTP";
                case 2: return "COUNTER";
                case 3: return "NTP-UTC-32";
                default: return v >= 241 ? "private use" : "unassigned";
            }
        }

        internal static string IdType(int v)
        {
            switch (v)
            {
                case 0: return "NAI";
                case 1: return "URI";
                case 2: return "Byte string";
                default: return v >= 241 ? "private use" : "unassigned";
            }
        }

        internal static string CertType(int v)
        {
            switch (v)
            {
                case 0: return "X.509v3";
                case 1: return "X.509v3 URL";
                case 2: return "X.509v3 Sign";
                case 3: return "X.509v3 Encr";
                default: return v >= 241 ? "private use" : "unassigned";
            }
        }

        internal static string HashFunc(int v)
        {
            switch (v)
            {
                case 0: return "SHA-1";
                case 1: return "MD5";
                case 2: return "SHA-256";
                default: return v >= 241 ? "private use" : "unassigned";
            }
        }

        internal static string DhGroup(int v)
        {
            switch (v)
            {
                case 0: return "OAKLEY 5";
                case 1: return "OAKLEY 1";
                case 2: return "OAKLEY 2";
                default: return v >= 241 ? "private use" : "unassigned";
            }
        }

        internal static string SType(int v)
        {
            switch (v)
            {
                case 0: return "RSA/PKCS#1/1.5";
                case 1: return "RSA/PSS";
                case 2: return "ECCSI";
                default: return "unassigned";
            }
        }

        internal static string Cache(int v)
        {
            switch (v)
            {
                case 0: return "No cache";
                case 1: return "Cache";
                case 2: return "Cache for CSB";
                default: return "unassigned";
            }
        }

        internal static string ProtType(int v)
        {
            switch (v)
            {
                case 0: return "SRTP";
                case 1: return "TESLA";
                default: return v >= 241 ? "private use" : "unassigned";
            }
        }

        internal static string SrtpParam(int v)
        {
            switch (v)
            {
                case 0: return "Encryption algorithm";
                case 1: return "Session Encr. key length";
                case 2: return "Authentication algorithm";
                case 3: return "Session Auth. key length";
                case 4: return "Session Salt key length";
                case 5: return "SRTP Pseudo Random Function";
                case 6: return "Key derivation rate";
                case 7: return "SRTP encryption off/on";
                case 8: return "SRTCP encryption off/on";
                case 9: return "sender's FEC order";
                case 10: return "SRTP authentication off/on";
                case 11: return "Authentication tag length";
                case 12: return "SRTP prefix length";
                case 13: return "ROC transmission rate";
                case 14: return "SRTP Auth. algorithm";
                case 15: return "SRTCP Auth. algorithm";
                case 16: return "SRTP Session Auth. key length";
                case 17: return "SRTCP Session Auth. key length";
                case 18: return "SRTP Authentication tag length";
                case 19: return "SRTCP Authentication tag length";
                case 20: return "AEAD authentication tag length";
                default: return v >= 241 ? "private use" : "unassigned";
            }
        }

        internal static string TeslaParam(int v)
        {
            switch (v)
            {
                case 1: return "PRF identifier for f and f'";
                case 2: return "Length of f' output";
                case 3: return "TESLA MAC identifier";
                case 4: return "TESLA MAC output length";
                case 5: return "Start of session";
                case 6: return "Interval duration";
                case 7: return "Key disclosure delay";
                case 8: return "Key chain length";
                case 9: return "Local timestamp of media receiver";
                default: return v >= 241 ? "private use" : "unassigned";
            }
        }

        internal static string SrtpEncr(int v)
        {
            switch (v)
            {
                case 0: return "NULL";
                case 1: return "AES-CM";
                case 2: return "AES-F8";
                case 3: return "SEED-CTR";
                case 4: return "SEED-CCM";
                case 5: return "SEED-GCM";
                case 6: return "AES-GCM";
                case 7: return "ARIA-CTR";
                case 8: return "ARIA-GCM";
                default: return v >= 241 ? "private use" : "unassigned";
            }
        }

        internal static string SrtpAuth(int v)
        {
            switch (v)
            {
                case 0: return "NULL";
                case 1: return "HMAC-SHA-1";
                case 2: return "RCCm1";
                case 3: return "RCCm2";
                case 4: return "RCCm3";
                default: return v >= 241 ? "private use" : "unassigned";
            }
        }

        internal static string SrtpPrf(int v)
        {
            switch (v)
            {
                case 0: return "AES-CM";
                case 1: return "SEED-CTR";
                case 2: return "ARIA-CTR";
                default: return v >= 241 ? "private use" : "unassigned";
            }
        }

        internal static string OffOn(int v)
        {
            switch (v)
            {
                case 0: return "off";
                case 1: return "on";
                default: return "unassigned";
            }
        }

        internal static string Fec(int v)
        {
            switch (v)
            {
                case 0: return "FEC-SRTP";
                default: return v >= 241 ? "private use" : "unassigned";
            }
        }

        internal static string GenExt(int v)
        {
            switch (v)
            {
                case 0: return "Vendor ID";
                case 1: return "SDP IDs";
                case 2: return "TESLA I-Key";
                case 3: return "Key ID";
                case 4: return "CSB_ID";
                case 5: return "OMA BCAST";
                default: return v >= 241 ? "private use" : "unassigned";
            }
        }

        internal static string KeyIdType(int v)
        {
            switch (v)
            {
                case 0: return "MBMS Key Domain ID";
                case 1: return "MBMS Service Key ID";
                case 2: return "MBMS Traffic Key ID";
                default: return v >= 241 ? "private use" : "unassigned";
            }
        }

        internal static string OmaBcast(int v)
        {
            switch (v)
            {
                case 0: return "Reserved";
                case 1: return "LTKM";
                case 2: return "STKM";
                case 3: return "LTKM Reporting";
                case 4: return "Parental Control";
                default: return v >= 192 ? "private use" : "unassigned";
            }
        }

        internal static string Curve(int v)
        {
            switch (v)
            {
                case 1: return "ECPRGF192Random / P-192 / secp192r1";
                case 2: return "EC2NGF163Random / B-163 / sect163r2";
                case 3: return "EC2NGF163Koblitz / K-163 / sect163k1";
                case 4: return "EC2NGF163Random2 / sect163r1";
                case 5: return "ECPRGF224Random / P-224 / secp224r1";
                case 6: return "EC2NGF233Random / B-233 / sect233r1";
                case 7: return "EC2NGF233Koblitz / K-233 / sect233k1";
                case 8: return "ECPRGF256Random / P-256 / secp256r1";
                case 9: return "EC2NGF283Random / B-283 / sect283r1";
                case 10: return "EC2NGF283Koblitz / K-283 / sect283k1";
                case 11: return "ECPRGF384Random / P-384 / secp384r1";
                case 12: return "EC2NGF409Random / B-409 / sect409r1";
                case 13: return "EC2NGF409Koblitz / K-409 / sect409k1";
                case 14: return "ECPRGF521Random / P-521 / secp521r1";
                case 15: return "EC2NGF571Random / B-571 / sect571r1";
                case 16: return "EC2NGF571Koblitz / K-571 / sect571k1";
                default: return v >= 240 ? "private use" : "unassigned";
            }
        }

        internal static string TsRole(int v)
        {
            switch (v)
            {
                case 1: return "Time of issue (TRi)";
                case 2: return "Start of validity (TRs)";
                case 3: return "End of validity (TRe)";
                case 4: return "Rekeying interval (TRr)";
                default: return v >= 240 ? "private use" : "unassigned";
            }
        }

        internal static string IdRole(int v)
        {
            switch (v)
            {
                case 1: return "Initiator (IDRi)";
                case 2: return "Responder (IDRr)";
                case 3: return "KMS (IDRkms)";
                case 4: return "Pre-Shared Key (IDRpsk)";
                case 5: return "Application (IDRapp)";
                case 6: return "Initiator's KMS (IDRkmsi)";
                case 7: return "Responder's KMS (IDRkmsr)";
                default: return v >= 240 ? "private use" : "unassigned";
            }
        }

        internal static string RandRole(int v)
        {
            switch (v)
            {
                case 1: return "Initiator (RANDRi)";
                case 2: return "Responder (RANDRr)";
                case 3: return "KMS (RANDRkms)";
                default: return v >= 240 ? "private use" : "unassigned";
            }
        }

        internal static string TicketType(int v)
        {
            switch (v)
            {
                case 1: return "MIKEY Base Ticket";
                case 2: return "3GPP Base Ticket";
                default: return v >= 61440 ? "private use" : "unassigned";
            }
        }
    }
}
