using System;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Transport;

namespace NanoMikey.Mikey.Tests.Transport
{
    /// <summary>RFC 4567 carriage: SDP a=key-mgmt (session and media level) and the RTSP KeyMgmt header.</summary>
    public class KeyMgmtTests
    {
        // RFC 4567 §5.1 Example 1, Alice's offer, with the three printed base64 lines joined (mikey-samples.md §1).
        private static readonly string Rfc4567Offer =
            "v=0\r\no=alice 2891092738 2891092738 IN IP4 w-land.example.com\r\ns=Cool stuff\r\ne=alice@w-land.example.com\r\n"
            + "t=0 0\r\nc=IN IP4 w-land.example.com\r\n"
            + "a=key-mgmt:mikey " + Samples.Rfc4567IMessageBase64 + "\r\n"
            + "m=audio 49000 RTP/SAVP 98\r\na=rtpmap:98 AMR/8000\r\nm=video 52230 RTP/SAVP 31\r\n";

        [Fact]
        public void Sdp_SessionLevelAttribute_Rfc4567Example()
        {
            var sdp = new SdpKeyMgmt();
            sdp.Reset(Rfc4567Offer);
            Assert.True(sdp.FindNext());
            Assert.True(sdp.IsMikey);
            Assert.Equal(-1, sdp.MediaIndex);
            var msg = new byte[200];
            int n = sdp.DecodeData(msg, 0);
            Assert.Equal(132, n);
            var r = new MikeyReader();
            r.Reset(msg, 0, n);
            Assert.Equal(MikeyStatus.End, r.Validate());
            Assert.False(sdp.FindNext());
        }

        [Fact]
        public void Sdp_MediaLevelAttributes_AndOptionalSpaceAfterColon()
        {
            // Media-level MIKEY-NULL as in the Java RTSP fixture (mikey-samples.md §6); a second m-line with "a=key-mgmt: mikey".
            string text = "v=0\nm=video 0 RTP/SAVP 96\na=key-mgmt:mikey " + Samples.JavaMkiBase64 + "\n"
                + "m=audio 0 RTP/SAVP 0\na=key-mgmt: mikey " + Samples.GortsplibABase64 + "\na=key-mgmt:other AAAA\n";
            var sdp = new SdpKeyMgmt();
            sdp.Reset(text);
            Assert.True(sdp.FindNext());
            Assert.Equal(0, sdp.MediaIndex);
            Assert.Equal(126, sdp.DecodeData(new byte[126], 0));
            Assert.True(sdp.FindNext());
            Assert.Equal(1, sdp.MediaIndex);
            Assert.True(sdp.IsMikey);
            Assert.Equal(112, sdp.DecodeData(new byte[112], 0));
            Assert.True(sdp.FindNext());
            Assert.False(sdp.IsMikey);
            Assert.False(sdp.FindNext());
        }

        [Fact]
        public void Sdp_Format()
        {
            byte[] m = Samples.B64(Samples.Rfc4567IMessageBase64);
            Assert.Equal("a=key-mgmt:mikey " + Samples.Rfc4567IMessageBase64, SdpKeyMgmt.Format(m, 0, m.Length));
        }

        [Fact]
        public void Rtsp_GortsplibHeader_ParsesAndFormatsExactly()
        {
            // mikey-samples.md §5.1 (gortsplib key_mgmt_test.go "standard"): unmarshal and marshal reproduce the string.
            var h = new RtspKeyMgmtHeader();
            Assert.True(h.Parse(Samples.GortsplibKeyMgmtHeader));
            Assert.True(h.IsMikey);
            string uri = Samples.GortsplibKeyMgmtHeader.Substring(h.UriStart, h.UriLength);
            Assert.Equal("rtsps://127.0.0.1:8322/stream/trackID=0", uri);
            var msg = new byte[112];
            Assert.Equal(112, h.DecodeData(msg, 0));
            Assert.Equal(Samples.GortsplibKeyMgmtHex, Convert.ToHexString(msg).ToLowerInvariant());
            Assert.Equal(Samples.GortsplibKeyMgmtHeader, RtspKeyMgmtHeader.Format(uri, msg, 0, msg.Length, compact: true));
        }

        [Fact]
        public void Rtsp_Rfc4567Spelling_WithHeaderNameSpacesAndFolding()
        {
            // RFC 4567 §5.3 style (mikey-samples.md §3) with the truncated data replaced by the full §2 message.
            string line = "keymgmt: prot=mikey; uri=\"rtsp://movie.example.com/action\";\r\n         data=\"" + Samples.Rfc4567RMessageBase64 + "\"";
            var h = new RtspKeyMgmtHeader();
            Assert.True(h.Parse(line));
            Assert.Equal("rtsp://movie.example.com/action", line.Substring(h.UriStart, h.UriLength));
            Assert.Equal(71, h.DecodeData(new byte[71], 0));

            byte[] m = Samples.B64(Samples.Rfc4567RMessageBase64);
            Assert.Equal("prot=mikey; uri=\"rtsp://movie.example.com/action\"; data=\"" + Samples.Rfc4567RMessageBase64 + "\"",
                RtspKeyMgmtHeader.Format("rtsp://movie.example.com/action", m, 0, m.Length, compact: false));

            // Hanwha spelling: empty uri (spec §9.2).
            Assert.True(h.Parse("prot=mikey; uri=\"\"; data=\"" + Samples.Rfc4567RMessageBase64 + "\""));
            Assert.Equal(0, h.UriLength);

            // The RFC's truncated example data ("...", 37 characters) is not base64 by its length alone; with one dot
            // less the length is a multiple of 4 and only the '.' characters make it invalid.
            Assert.False(h.Parse("keymgmt: prot=mikey; uri=\"rtsp://movie.example.com/action\"; data=\"AQEFgM0XflABAAAAAAAAAAAAAAYAyONQ6g...\""));
            const string dots = "AQEFgM0XflABAAAAAAAAAAAAAAYAyONQ6g..";
            Assert.Equal(27, Base64.GetDecodedLength(dots, 0, dots.Length));
            Assert.False(h.Parse("keymgmt: prot=mikey; uri=\"rtsp://movie.example.com/action\"; data=\"" + dots + "\""));
            Assert.False(h.Parse("prot=mikey; uri=\"rtsp://x"));
            Assert.False(h.Parse("uri=\"rtsp://x\""));
        }
    

        [Theory]
        [InlineData('*')]
        [InlineData('.')]
        [InlineData('-')]
        [InlineData('_')]
        [InlineData('=')]
        [InlineData('\u00e9')]
        public void Rtsp_DataOfValidLengthWithOneInvalidCharacter_IsRejected(char bad)
        {
            // Mutation-style: every position of a valid data value, replaced by a character outside the RFC 4648 §4
            // alphabet, keeps the length a multiple of 4 (the length check passes) and must still fail Parse.
            string good = Samples.Rfc4567RMessageBase64;
            var h = new RtspKeyMgmtHeader();
            Assert.True(h.Parse("prot=mikey; data=\"" + good + "\""));
            for (int i = 0; i < good.Length; i++)
            {
                if (bad == '=' && i >= good.Length - 4)
                {
                    continue; // '=' is padding in the last quantum, tested separately.
                }

                string data = good.Substring(0, i) + bad + good.Substring(i + 1);
                Assert.True(Base64.GetDecodedLength(data, 0, data.Length) > 0);
                Assert.False(h.Parse("prot=mikey; data=\"" + data + "\""), "position " + i);
            }
        }

        [Fact]
        public void Rtsp_PaddingOnlyData_IsRejected_AndDecodeNeverFailsAfterParse()
        {
            // "====" has a decodable length (1) but no data character: Parse must refuse it (issue 8 §7 crash).
            var h = new RtspKeyMgmtHeader();
            Assert.False(h.Parse("KeyMgmt: prot=mikey; data=\"====\""));
            Assert.False(h.Parse("KeyMgmt: prot=mikey; data=\"QQ=A\""));
            Assert.True(h.Parse("KeyMgmt: prot=mikey; data=\"QQ==\""));
            Assert.Equal(1, h.DecodeData(new byte[1], 0));
        }

        [Fact]
        public void Rtsp_EmptyData_IsRejected()
        {
            // data="" holds no MIKEY message; quoted and unquoted spellings both end with a zero-length value.
            var h = new RtspKeyMgmtHeader();
            Assert.False(h.Parse("prot=mikey; uri=\"rtsp://x\"; data=\"\""));
            Assert.Equal(0, h.DataLength);
            Assert.False(h.Parse("prot=mikey; data="));
            Assert.True(h.Parse("prot=mikey; uri=\"rtsp://x\"; data=\"" + Samples.Rfc4567RMessageBase64 + "\""));
        }

        [Fact]
        public void Sdp_ProtocolIdIsCaseSensitive()
        {
            // RFC 4567 §3.1: prtcl-id is a KMPID rule, not a quoted literal, so ABNF's case-insensitive literals
            // (RFC 5234 §2.3) do not apply; "MIKEY" is a different (unregistered) id. The attribute is still found.
            string text = "v=0\na=key-mgmt:MIKEY " + Samples.Rfc4567IMessageBase64 + "\nm=audio 0 RTP/SAVP 0\n"
                + "a=key-mgmt:Mikey " + Samples.Rfc4567IMessageBase64 + "\na=key-mgmt:mikey " + Samples.Rfc4567IMessageBase64 + "\n";
            var sdp = new SdpKeyMgmt();
            sdp.Reset(text);
            Assert.True(sdp.FindNext());
            Assert.Equal(5, sdp.ProtocolLength);
            Assert.False(sdp.IsMikey);
            Assert.True(sdp.FindNext());
            Assert.False(sdp.IsMikey);
            Assert.True(sdp.FindNext());
            Assert.True(sdp.IsMikey);
            Assert.Equal(0, sdp.MediaIndex);
            Assert.False(sdp.FindNext());
        }

        [Fact]
        public void Rtsp_ProtocolIdIsCaseSensitive_ParameterNamesAreNot()
        {
            // RFC 4567 §3.2: "prot", "uri", "data" are quoted literals (case-insensitive, RFC 5234 §2.3); KMPID is not.
            var h = new RtspKeyMgmtHeader();
            Assert.True(h.Parse("PROT=MIKEY; DATA=\"" + Samples.Rfc4567RMessageBase64 + "\""));
            Assert.False(h.IsMikey);
            Assert.True(h.Parse("Prot=mikey; Data=\"" + Samples.Rfc4567RMessageBase64 + "\""));
            Assert.True(h.IsMikey);
        }
    }
}
