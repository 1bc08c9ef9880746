using System.Numerics;
using System.Security.Cryptography;
using NanoMikey.Ecc;

namespace NanoMikey.Ecc.Tests.Offload
{
    /// <summary>
    /// A P-256 engine outside our managed code for host tests: System.Security.Cryptography (OpenSSL) for d*G, ECDH and
    /// verification, BigInteger for point validation (SEC 1 §3.2.2.1) and for RFC 6979 §3.2 + §3.6 signing (k*G from .NET).
    /// Counts each call, so tests can show which operations went to the engine.
    /// </summary>
    internal sealed class DotNetP256Offload : IP256Offload
    {
        private static readonly BigInteger P = Hex("FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF");
        private static readonly BigInteger N = Hex("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");
        private static readonly BigInteger B = Hex("5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B");

        public int Derivations, Validations, Agreements, Signatures, Verifications;

        public int Total => Derivations + Validations + Agreements + Signatures + Verifications;

        /// <summary>When set, d*G and signing fail as an engine out of memory would (counted, nothing written).</summary>
        public bool Failing;

        public bool DerivePublicKey(byte[] scalar, int scalarOffset, byte[] point, int pointOffset)
        {
            Interlocked.Increment(ref Derivations);
            if (Failing) return false;
            BigInteger d = Int(scalar, scalarOffset, 32);
            if (d.IsZero || d >= N) return false;
            byte[] q = MultiplyBase(scalar.AsSpan(scalarOffset, 32).ToArray());
            q.CopyTo(point, pointOffset);
            return true;
        }

        public bool ValidatePoint(byte[] point, int offset, int length)
        {
            Interlocked.Increment(ref Validations);
            return Valid(point, offset, length);
        }

        public bool ComputeSharedSecret(byte[] scalar, int scalarOffset, byte[] peer, int peerOffset, int peerLength, byte[] secret, int secretOffset)
        {
            Interlocked.Increment(ref Agreements);
            if (!Valid(peer, peerOffset, peerLength)) return false;
            using var own = ECDiffieHellman.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = scalar.AsSpan(scalarOffset, 32).ToArray() });
            using var other = ECDiffieHellman.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = peer.AsSpan(peerOffset + 1, 32).ToArray(), Y = peer.AsSpan(peerOffset + 33, 32).ToArray() },
            });
            byte[] z = own.DeriveRawSecretAgreement(other.PublicKey);
            z.CopyTo(secret, secretOffset);
            return true;
        }

        public bool SignHedged(byte[] scalar, int scalarOffset, byte[] hash, int hashOffset, int hashLength,
            byte[] extra, int extraOffset, int extraLength, byte[] signature, int signatureOffset)
        {
            Interlocked.Increment(ref Signatures);
            if (Failing) return false;
            byte[] x = scalar.AsSpan(scalarOffset, 32).ToArray();
            BigInteger d = Int(x, 0, 32);
            // e = bits2int(H) mod n; RFC 6979 §2.3.4 bits2octets is the same 32 bytes.
            byte[] h = new byte[32];
            if (hashLength >= 32) Array.Copy(hash, hashOffset, h, 0, 32);
            else Array.Copy(hash, hashOffset, h, 32 - hashLength, hashLength);
            BigInteger e = Int(h, 0, 32) % N;
            byte[] h1 = Bytes(e);
            byte[] k = new byte[32], v = Enumerable.Repeat((byte)1, 32).ToArray();
            byte[] kp = extra.AsSpan(extraOffset, extraLength).ToArray();
            // RFC 6979 §3.2 steps d-g with k' appended to the seed (§3.6).
            k = HMACSHA256.HashData(k, (byte[])[.. v, 0x00, .. x, .. h1, .. kp]);
            v = HMACSHA256.HashData(k, v);
            k = HMACSHA256.HashData(k, (byte[])[.. v, 0x01, .. x, .. h1, .. kp]);
            v = HMACSHA256.HashData(k, v);
            while (true)
            {
                v = HMACSHA256.HashData(k, v);
                BigInteger kk = Int(v, 0, 32);
                if (!kk.IsZero && kk < N)
                {
                    byte[] r1 = MultiplyBase(v);
                    BigInteger r = Int(r1, 1, 32) % N;
                    BigInteger s = Inv(kk) * (e + r * d) % N;
                    if (!r.IsZero && !s.IsZero)
                    {
                        Bytes(r).CopyTo(signature, signatureOffset);
                        Bytes(s).CopyTo(signature, signatureOffset + 32);
                        return true;
                    }
                }

                k = HMACSHA256.HashData(k, (byte[])[.. v, 0x00]);
                v = HMACSHA256.HashData(k, v);
            }
        }

        public bool Verify(byte[] point, int pointOffset, int pointLength, byte[] hash, int hashOffset, int hashLength, byte[] signature, int signatureOffset)
        {
            Interlocked.Increment(ref Verifications);
            if (!Valid(point, pointOffset, pointLength)) return false;
            using var key = ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = point.AsSpan(pointOffset + 1, 32).ToArray(), Y = point.AsSpan(pointOffset + 33, 32).ToArray() },
            });
            return key.VerifyHash(hash.AsSpan(hashOffset, hashLength), signature.AsSpan(signatureOffset, 64));
        }

        private static bool Valid(byte[] point, int offset, int length)
        {
            if (length != 65 || point[offset] != 0x04) return false;
            BigInteger x = Int(point, offset + 1, 32), y = Int(point, offset + 33, 32);
            return x < P && y < P && (y * y - (x * x * x - 3 * x + B)) % P == 0;
        }

        private static byte[] MultiplyBase(byte[] k)
        {
            using var key = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = k });
            ECParameters q = key.ExportParameters(false);
            return [0x04, .. q.Q.X!, .. q.Q.Y!];
        }

        private static BigInteger Inv(BigInteger a) => BigInteger.ModPow(a, N - 2, N);

        private static BigInteger Int(byte[] b, int offset, int length) => new(b.AsSpan(offset, length), isUnsigned: true, isBigEndian: true);

        private static BigInteger Hex(string hex) => BigInteger.Parse("0" + hex, System.Globalization.NumberStyles.HexNumber);

        private static byte[] Bytes(BigInteger v)
        {
            byte[] b = v.ToByteArray(isUnsigned: true, isBigEndian: true);
            byte[] r = new byte[32];
            b.CopyTo(r, 32 - b.Length);
            return r;
        }
    }
}
