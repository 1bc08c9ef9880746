using System;

namespace NanoMikey.Mikey.Tests
{
    /// <summary>Messages from tests/vectors/mikey/samples.md (§ numbers below are its sections); each names its source.</summary>
    internal static class Samples
    {
        /// <summary>§1: RFC 4567 §5.1 Example 1, PSK I_MESSAGE (SDP offer), 132 bytes.</summary>
        public const string Rfc4567IMessageBase64 =
            "AQAFgM0XflABAAAAAAAAAAAAAAsAyONQ6gAAAAAGEEoo2pee4hp2UaDX8ZE22YwKAAAPZG9uYWxkQGR1Y2suY29tAQAAAAAAAQAk0JKpgaVkDaawi9whVBtBt0KZ14ymNuu62+Nv3ozPLygwK/GbAV9iemnGUIZ19fWQUOSrzKTAv9zV";

        /// <summary>§2: RFC 4567 §5.1 Example 1, PSK verification R_MESSAGE (SDP answer), 71 bytes.</summary>
        public const string Rfc4567RMessageBase64 =
            "AQEFgM0XflABAAAAAAAAAAAAAAYAyONQ6gAAAAAJAAAQbWlja2V5QG1vdXNlLmNvbQABn8HdGE5BMDXFIuGEga+62AgY5cc=";

        /// <summary>§4.1: GStreamer tests/check/libs/mikey.c create_common, HDR only.</summary>
        public const string GstHeaderOnlyHex = "01000000123456780000";

        /// <summary>§4.2: GStreamer create_common after two SRTP-ID entries, 28 bytes.</summary>
        public const string GstHeaderTwoCsHex = "01000000123456780200" + "011234567800000000" + "022345678900000001";

        /// <summary>§4.3: GStreamer create_payloads (derived), HDR + T + KEMAC(NULL/NULL, one TEK), 45 bytes.</summary>
        public const string GstPayloadsHex = "01000500123456780000" + "01010102030405060708" + "0000001400200010102030405060708090a0b0c0d0e0f01000";

        /// <summary>§5: gortsplib pkg/mikey/message_test.go case "a" (base64 as published), 112 bytes.</summary>
        public const string GortsplibABase64 =
            "AQAFAOadUfgBAAAwaFdgAAAAAAsA6/5vLbHBP9AKEMLd5EOoSTCldXp+2cOkF/sBAAAAFQABAQEBEAIBAQMBCgcBAQgBAQoBAQAAACIAIAAekJF4Pfzo3c1EOlNQi2RQnzW9ioa8TYt2N6UCST2vAA==";

        /// <summary>§5: gortsplib case "b", 112 bytes.</summary>
        public const string GortsplibBHex =
            "01000500feaf9752010000cc836237000000000b00ebfef66ba28c9b840a10276e94180e8875c2eaad31d82f864620010000001500010101011002010103010a0701010801010a0101000000220020001e991b0f148f094b4e5b8b3053cd6276877fcced1866f141772adddde7064b00";

        /// <summary>§5: gortsplib case "c", 121 bytes, two crypto sessions.</summary>
        public const string GortsplibCHex =
            "010005007de127a6020000cc8362370000000000b5cc3bf2000000000b00ebfef66ba2b1f6870a1061bb199432530356a2d1880715237595010000001500010101011002010103010a0701010801010a0101000000220020001e991b0f148f094b4e5b8b3053cd6276877fcced1866f141772adddde7064b00";

        /// <summary>§5.1: gortsplib pkg/headers/key_mgmt_test.go "standard" KeyMgmt header value.</summary>
        public const string GortsplibKeyMgmtHeader =
            "prot=mikey;uri=\"rtsps://127.0.0.1:8322/stream/trackID=0\";data=\"AQAFAHojKV4BAACVjCMnAAAAAAsA6/mdTLBeokwKEGwcAuPrxj6/enyb+A2+rNcBAAAAFQABAQEBEAIBAQMBCgcBAQgBAQoBAQAAACIAIAAeX8XvOCzIMh0JTOWivWLxEflTUSp1fjj2i8xG7D9DAA==\"";

        /// <summary>§5.1: the decoded data of the gortsplib KeyMgmt header, 112 bytes.</summary>
        public const string GortsplibKeyMgmtHex =
            "010005007a23295e010000958c2327000000000b00ebf99d4cb05ea24c0a106c1c02e3ebc63ebf7a7c9bf80dbeacd7010000001500010101011002010103010a0701010801010a0101000000220020001e5fc5ef382cc8321d094ce5a2bd62f111f953512a757e38f68bcc46ec3f4300";

        /// <summary>§6: Java RTSP-server test SDP (live555-like, TEK + SPI/MKI), 126 bytes.</summary>
        public const string JavaMkiBase64 =
            "AQAFAElq4SIBAAA6zCzrAAAAAAsA7d5mHVUyqcsKEP9Ynnh3rIApS64s5GNDOb4BAAAAHgABAQEBEAIBAQMBFAQBDgUBAAcBAQgBAQoBAQsBCgAAACcAIQAepnM1qcQLCtXMUZ8imXhhE4K37b1PTMal3WhDgdssBAAAAAEA";

        /// <summary>§7: live555 MIKEYState template with the random fields zero and EE/AA = 1, 123 bytes.</summary>
        public static readonly string Live555TemplateHex =
            "01000500" + "00000000" + "0100" + "00" + "00000000" + "00000000"
            + "0b00" + "0000000000000000"
            + "0a10" + "00000000000000000000000000000000"
            + "010000001b" + "000101" + "010110" + "020101" + "030114" + "04010e" + "070101" + "080101" + "0a0101" + "0b010a"
            + "00000027" + "0021001e" + new string('0', 60) + "04" + "00000001" + "00";

        /// <summary>§8.2: complete PSK exchange, I_MESSAGE (179 bytes).</summary>
        public const string PskIMessageBase64 =
            "AQAFgBI0VngBAADerb7vAAAAAAsA5qnA2AAAAAAGEKChoqOkpaanqKmqq6ytrq8GAQAVc2lwOmFsaWNlQGV4YW1wbGUuY29tCgEAE3NpcDpib2JAZXhhbXBsZS5jb20BAAAAEgABAQEBEAIBAQMBFAQBDgsBCgABACT5e5qtpyrvdfIkv6Zr7LOMpCJ4pMoEaFO/7j7IwgPfCB7crVsBmesry94e/QsQfzwsm6dTwi8glSI=";

        /// <summary>§8.2: complete PSK exchange, R_MESSAGE (74 bytes).</summary>
        public const string PskRMessageBase64 =
            "AQEFABI0VngBAADerb7vAAAAAAYA5qnA2AAAAAAJAQATc2lwOmJvYkBleGFtcGxlLmNvbQAB1xIF8SzGgYLy6JT39tAZMqcPCGw=";


        public static byte[] B64(string b64) => Convert.FromBase64String(b64);
    }
}
