using NanoMikey.Mikey.Transport;

namespace NanoMikey.Fuzz.Targets
{
    /// <summary>
    /// The strict base64 decoder (RFC 4648 §4) against .NET's Convert on the same text, and the encoder against
    /// Convert.ToBase64String on the same bytes. Contract: whatever we accept .NET accepts with the same bytes; whatever .NET
    /// rejects we reject; we reject more only for whitespace (.NET skips it) or non-zero unused bits (RFC 4648 §3.5);
    /// Decode writes exactly the decoded length into the caller's buffer and nothing around it.
    /// </summary>
    public sealed class Base64Target : FuzzTarget
    {
        /// <inheritdoc />
        public override string Name => "base64";

        /// <inheritdoc />
        protected override void Check(byte[] input)
        {
            string text = Latin1(input);
            int n = Base64.Validate(text, 0, text.Length);
            Require(n >= -1, "Validate returned " + n);
            byte[]? reference = null;
            try
            {
                reference = Convert.FromBase64String(text);
            }
            catch (FormatException)
            {
            }

            if (n >= 0)
            {
                Require(reference != null, "accepted what .NET rejects");
                Require(n == reference!.Length, "decoded length " + n + ", .NET " + reference.Length);
                byte[] o = GuardedOutput(n);
                int w = Base64.Decode(text, 0, text.Length, o, Guard);
                Require(w == n, "Decode wrote " + w + " after Validate said " + n);
                RequireGuards(o, n, "Base64.Decode");
                Require(o.AsSpan(Guard, n).SequenceEqual(reference), "decoded bytes differ from .NET's");
                Require(Base64.Encode(reference, 0, reference.Length) == text, "accepted a non-canonical encoding");
            }
            else
            {
                byte[] o = GuardedOutput(text.Length);
                Require(Base64.Decode(text, 0, text.Length, o, Guard) == -1, "Decode accepted what Validate rejected");
                RequireGuards(o, text.Length, "Base64.Decode (rejected)");
                if (reference != null)
                {
                    bool whitespace = text.IndexOfAny(new[] { ' ', '\t', '\r', '\n' }) >= 0;
                    bool nonCanonical = Convert.ToBase64String(reference) != text;
                    Require(whitespace || nonCanonical, "rejected canonical base64 that .NET accepts");
                }
            }

            // Encoder: the same text as .NET, into exactly its length.
            string expected = Convert.ToBase64String(input);
            Require(Base64.GetEncodedLength(input.Length) == expected.Length, "encoded length");
            char[] chars = new char[expected.Length + 2];
            chars[0] = '#';
            chars[chars.Length - 1] = '#';
            Require(Base64.Encode(input, 0, input.Length, chars, 1) == expected.Length, "Encode count");
            Require(chars[0] == '#' && chars[chars.Length - 1] == '#', "Encode wrote outside its range");
            Require(new string(chars, 1, expected.Length) == expected, "encoding differs from .NET's");
        }
    }
}
