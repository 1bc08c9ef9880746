using System;

namespace NanoMikey.Crypto
{
    /// <summary>
    /// Marks per-packet or per-message code (a method, or every method but the constructors of a type). Such code must not
    /// execute an <c>ldstr</c> except on a throw path: nanoFramework does not intern strings, so every executed
    /// <c>ldstr</c> allocates on the device. tests/Conformance.Tests enforces it, following calls into our assemblies.
    /// </summary>
    /// <remarks>
    /// Build argument-check messages only where the exception is thrown (<c>if (bad) throw new X(nameof(a));</c>), never
    /// pass a <c>nameof</c> to a checking helper that may not throw.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Class, Inherited = false)]
    public sealed class HotPathAttribute : Attribute
    {
    }
}
