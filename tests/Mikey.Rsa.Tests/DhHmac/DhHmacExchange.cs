using System.Security.Cryptography;
using System.Text;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Srtp.Policy;
using static NanoMikey.Mikey.Rsa.Tests.RsaFixtures;

namespace NanoMikey.Mikey.Rsa.Tests.DhHmac
{
    /// <summary>
    /// Alice (DHHMAC initiator) and Bob (responder) sharing a pre-shared key, one crypto session, buffers for both messages.
    /// DRBG seeds "dhhmac/{group}/i" and ".../r" unless given.
    /// </summary>
    internal sealed class DhHmacExchange
    {
        /// <summary>The pre-shared key: SHA-256("nanoMikey DHHMAC test PSK").</summary>
        internal static readonly byte[] Psk = SHA256.HashData(Encoding.ASCII.GetBytes("nanoMikey DHHMAC test PSK"));

        public TestClock Clock = new() { NtpNow = T };
        public DhHmacInitiator I = null!;
        public DhHmacResponder R = null!;
        public byte[] Offer = new byte[1024], Answer = new byte[1024];
        public int OfferLength, AnswerLength;

        internal static DhHmacExchange Make(DhHmacGroup group, MacAlgorithm mac = MacAlgorithm.HmacSha1160, string? seed = null, int cacheSize = 16)
        {
            seed ??= "dhhmac/" + group;
            var x = new DhHmacExchange();
            x.I = new DhHmacInitiator(Drbg(seed + "/i"), x.Clock) { Group = group, Mac = mac };
            x.I.SetPreSharedKey(Psk, 0, Psk.Length);
            x.I.SetIdentities(IdType.Uri, Alice, Alice.Length, Bob, Bob.Length);
            x.I.AddCryptoSession(0x11111111, 0, SrtpPolicy.AesCm128HmacSha1_80());
            x.R = new DhHmacResponder(Drbg(seed + "/r"), x.Clock, Cache(x.Clock, cacheSize)) { AcceptOakley1 = true };
            x.R.SetPreSharedKey(Psk, 0, Psk.Length);
            x.R.SetIdentity(IdType.Uri, Bob, 0, Bob.Length);
            return x;
        }

        /// <summary>Writes the offer and lets Bob answer it.</summary>
        internal MikeyExchangeStatus Run()
        {
            Assert.Equal(MikeyExchangeStatus.Ok, I.WriteOffer(Offer, 0, Offer.Length));
            OfferLength = I.OfferLength;
            MikeyExchangeStatus s = R.Respond(Offer, 0, OfferLength, Answer, 0, Answer.Length);
            AnswerLength = R.AnswerLength;
            return s;
        }

        /// <summary>
        /// Recomputes a DHHMAC message's MAC (the last <paramref name="macLength"/> bytes) independently: auth_key by the
        /// MIKEY-1 PRF of RFC 3830 §4.1.2 over .NET's HMAC-SHA-1, the MAC by .NET's HMAC; <paramref name="offer"/> gives CSB
        /// ID (HDR bytes 4-7) and RAND (the payload after T).
        /// </summary>
        internal static void ReMac(byte[] msg, int length, byte[] offer, int macLength = 20)
        {
            byte[] authKey = AuthKey(offer, macLength);
            byte[] covered = msg.AsSpan(0, length - macLength).ToArray();
            byte[] mac = macLength == 20 ? HMACSHA1.HashData(authKey, covered) : HMACSHA256.HashData(authKey, covered);
            mac.CopyTo(msg, length - macLength);
        }

        /// <summary>auth_key = MIKEY-1 PRF(PSK, 0x2D22AC75 ‖ 0xFF ‖ CSB ID ‖ RAND) (RFC 3830 §4.1.2, §4.1.4), by .NET's HMAC-SHA-1.</summary>
        internal static byte[] AuthKey(byte[] offer, int length)
        {
            int t = 10 + 9 * offer[8]; // HDR with #CS SRTP-ID entries
            int rand = t + 10 + 2;     // T (NTP-UTC) then the RAND payload's next/len bytes
            int randLength = offer[rand - 1];
            byte[] label = new byte[9 + randLength];
            label[0] = 0x2D; label[1] = 0x22; label[2] = 0xAC; label[3] = 0x75; label[4] = 0xFF;
            Array.Copy(offer, 4, label, 5, 4);
            Array.Copy(offer, rand, label, 9, randLength);
            // P(s, label, m) = HMAC(s, A1 ‖ label) ‖ ..., A0 = label, Ai = HMAC(s, A(i-1)); one 32-byte inkey block.
            byte[] output = new byte[length];
            byte[] a = label;
            for (int done = 0; done < length; done += 20)
            {
                a = HMACSHA1.HashData(Psk, a);
                byte[] block = HMACSHA1.HashData(Psk, a.Concat(label).ToArray());
                Array.Copy(block, 0, output, done, Math.Min(20, length - done));
            }

            return output;
        }
    }
}
