using System.Collections.Generic;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;

namespace NanoMikey.Conformance.Tests
{
    /// <summary>Walks a method body's IL instruction by instruction (operand sizes from the ECMA-335 opcode table).</summary>
    internal static class IlOpcodeWalker
    {
        private static readonly Dictionary<ushort, OpCode> Codes = Load();

        /// <summary>The opcodes nanoCLR has no implementation for.</summary>
        public static readonly HashSet<ushort> Forbidden = new()
        {
            (ushort)OpCodes.Localloc.Value, (ushort)OpCodes.Cpblk.Value, (ushort)OpCodes.Initblk.Value,
            (ushort)OpCodes.Calli.Value, (ushort)OpCodes.Jmp.Value,
        };

        private static Dictionary<ushort, OpCode> Load()
        {
            var map = new Dictionary<ushort, OpCode>();
            foreach (var f in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var op = (OpCode)f.GetValue(null)!;
                map[(ushort)op.Value] = op;
            }
            return map;
        }

        /// <summary>Returns the metadata tokens that the instructions of <paramref name="body"/> carry.</summary>
        public static List<int> Tokens(MethodBodyBlock body)
        {
            var tokens = new List<int>();
            Walk(body, null, tokens);
            return tokens;
        }

        /// <summary>Returns the names of the forbidden opcodes in <paramref name="body"/>.</summary>
        public static List<string> FindForbidden(MethodBodyBlock body)
        {
            var found = new List<string>();
            Walk(body, found, null);
            return found;
        }

        private static void Walk(MethodBodyBlock body, List<string>? found, List<int>? tokens)
        {
            var il = body.GetILReader();
            while (il.RemainingBytes > 0)
            {
                ushort value = il.ReadByte();
                if (value == 0xFE) value = (ushort)(0xFE00 | il.ReadByte());
                if (!Codes.TryGetValue(value, out var op))
                {
                    found?.Add("unknown opcode 0x" + value.ToString("X"));
                    return;
                }
                if (Forbidden.Contains(value)) found?.Add(op.Name!);
                switch (op.OperandType)
                {
                    case OperandType.InlineNone: break;
                    case OperandType.ShortInlineBrTarget:
                    case OperandType.ShortInlineI:
                    case OperandType.ShortInlineVar: il.Offset += 1; break;
                    case OperandType.InlineVar: il.Offset += 2; break;
                    case OperandType.InlineI8:
                    case OperandType.InlineR: il.Offset += 8; break;
                    case OperandType.InlineSwitch:
                        int n = il.ReadInt32();
                        il.Offset += 4 * n;
                        break;
                    case OperandType.InlineField:
                    case OperandType.InlineMethod:
                    case OperandType.InlineSig:
                    case OperandType.InlineTok:
                    case OperandType.InlineType:
                        int token = il.ReadInt32();
                        tokens?.Add(token);
                        break;
                    default: il.Offset += 4; break;
                }
            }
        }
    }
}
