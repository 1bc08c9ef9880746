using System;

namespace NanoMikey.Ecc
{
    /// <summary>
    /// A P-256 point in Jacobian coordinates (X : Y : Z), affine (X/Z^2, Y/Z^3), coordinates in Montgomery form.
    /// Any point with Z = 0 is the point at infinity; <see cref="SetInfinity"/> writes (0 : 1 : 0).
    /// </summary>
    internal sealed class P256Point
    {
        /// <summary>X coordinate (Montgomery form).</summary>
        internal readonly uint[] X = new uint[8];

        /// <summary>Y coordinate (Montgomery form).</summary>
        internal readonly uint[] Y = new uint[8];

        /// <summary>Z coordinate (Montgomery form).</summary>
        internal readonly uint[] Z = new uint[8];

        /// <summary>Sets this point to infinity (0 : 1 : 0).</summary>
        internal void SetInfinity()
        {
            P256Field.SetZero(X);
            P256Field.Copy(Y, P256Field.One);
            P256Field.SetZero(Z);
        }

        /// <summary>Sets this point to the affine point (x, y) given in Montgomery form.</summary>
        internal void SetAffine(uint[] x, uint[] y)
        {
            P256Field.Copy(X, x);
            P256Field.Copy(Y, y);
            P256Field.Copy(Z, P256Field.One);
        }

        /// <summary>Copies another point.</summary>
        internal void CopyFrom(P256Point other)
        {
            Array.Copy(other.X, 0, X, 0, 8);
            Array.Copy(other.Y, 0, Y, 0, 8);
            Array.Copy(other.Z, 0, Z, 0, 8);
        }

        /// <summary>this = mask ? other : this, without a branch.</summary>
        internal void Select(P256Point other, uint mask)
        {
            P256Field.Select(X, other.X, mask);
            P256Field.Select(Y, other.Y, mask);
            P256Field.Select(Z, other.Z, mask);
        }

        /// <summary>All-ones when this is the point at infinity (Z = 0), else zero.</summary>
        internal uint IsInfinity()
        {
            return P256Field.IsZero(Z);
        }

        /// <summary>Overwrites all coordinates with zeros.</summary>
        internal void Wipe()
        {
            Array.Clear(X, 0, 8);
            Array.Clear(Y, 0, 8);
            Array.Clear(Z, 0, 8);
        }
    }
}
