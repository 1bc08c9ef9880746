namespace NanoMikey.Srtp.Policy
{
    /// <summary>SRTP authentication algorithm, MIKEY SP type 2/14/15 values (RFC 3830 table 6.10.1.c, RFC 4771 §4).</summary>
    public enum SrtpAuthenticationAlgorithm
    {
        /// <summary>No message authentication.</summary>
        Null = 0,

        /// <summary>HMAC-SHA-1 truncated to the tag length (RFC 3711 §4.2.1).</summary>
        HmacSha1 = 1,

        /// <summary>RFC 4771 mode 1: ROC and MAC on packets with SEQ mod R = 0, no integrity on the others.</summary>
        RccM1 = 2,

        /// <summary>RFC 4771 mode 2: ROC and MAC on packets with SEQ mod R = 0, the default MAC on the others.</summary>
        RccM2 = 3,

        /// <summary>RFC 4771 mode 3: ROC carried on packets with SEQ mod R = 0, no MAC (AEAD or lower layers protect).</summary>
        RccM3 = 4,
    }
}
