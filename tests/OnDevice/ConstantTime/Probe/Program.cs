using System;
using NfKit.Diagnostics;

namespace NanoMikey.OnDevice.ConstantTimeProbe
{
    /// <summary>
    /// Constant-time probe (issue 10 §3): every secret-dependent operation of the libraries, run on the interpreter with
    /// NF_IL_COUNT over 20+ secret inputs, must execute identical IL paths, array indexes and native calls. Prints
    /// "PLAN n", then one PASS/FAIL line per operation (with a detail line); ../run.sh counts them.
    /// </summary>
    public static class Program
    {
        private const int Planned = 46;

        /// <summary>Entry point.</summary>
        public static void Main()
        {
            Console.WriteLine("PLAN " + Planned);
            if (!IlCounter.Enabled())
            {
                Console.WriteLine("FAIL NF_IL_COUNT is not set: the interpreter counts nothing");
                return;
            }
            int k = 0;
            while (true)
            {
                bool more;
                try
                {
                    more = RunOne(k);
                }
                catch (Exception e)
                {
                    // An unhandled exception would end the run silently (run.sh would then see fewer results than planned).
                    Runner.ReportThrow(k, e);
                    more = true;
                }
                if (!more) break;
                k++;
            }
            if (k != Planned) Console.WriteLine("FAIL the probe has " + k + " operations but plans " + Planned);
            Console.WriteLine("probe: " + Runner.Passed + " passed, " + Runner.Failed + " failed");
        }

        /// <summary>Creates and measures operation k; false when there is none.</summary>
        private static bool RunOne(int k)
        {
            switch (k)
            {
                // Self-checks first: the comparison must see each kind of leak.
                case 0: Runner.ExpectLeak(AreEqualOperation.Create(true), "IlCount", null); break;
                case 1: Runner.ExpectLeak(SecretIndexedLookup.Create(), "IndexHash", "IlCount"); break;
                case 2: Runner.ExpectLeak(SecretLengthCopy.Create(), "NativeHash", "IlCount"); break;
                // Symmetric primitives (lib/Crypto.Nano).
                case 3: Runner.ExpectConstant(AesKeySchedule.Create(16)); break;
                case 4: Runner.ExpectConstant(AesKeySchedule.Create(32)); break;
                case 5: Runner.ExpectConstant(AesEncrypt.Create(16)); break;
                case 6: Runner.ExpectConstant(AesEncrypt.Create(32)); break;
                case 7: Runner.ExpectConstant(AesEncryptSecretData.Create()); break;
                case 8: Runner.ExpectConstant(AesCtrOperation.Create()); break;
                case 9: Runner.ExpectConstant(GcmOperation.Create(GcmOperation.Seal)); break;
                case 10: Runner.ExpectConstant(GcmOperation.Create(GcmOperation.OpenAuthentic)); break;
                case 11: Runner.ExpectConstant(GcmOperation.Create(GcmOperation.OpenForged)); break;
                case 12: Runner.ExpectConstant(GcmTagCheck.Create()); break;
                case 13: Runner.ExpectConstant(HmacOperation.Create(false)); break;
                case 14: Runner.ExpectConstant(HmacOperation.Create(true)); break;
                case 15: Runner.ExpectConstant(AreEqualOperation.Create(false)); break;
                // MIKEY keys (lib/Mikey.Nano/Keys).
                case 16: Runner.ExpectConstant(PrfOperation.Create(false)); break;
                case 17: Runner.ExpectConstant(PrfOperation.Create(true)); break;
                case 18: Runner.ExpectConstant(TekDerivation.Create()); break;
                case 19: Runner.ExpectConstant(KemacOperation.Create(KemacOperation.Derive, false)); break;
                case 20: Runner.ExpectConstant(KemacOperation.Create(KemacOperation.Derive, true)); break;
                case 21: Runner.ExpectConstant(KemacOperation.Create(KemacOperation.Decrypt, false)); break;
                case 22: Runner.ExpectConstant(KemacOperation.Create(KemacOperation.Decrypt, true)); break;
                case 23: Runner.ExpectConstant(KemacOperation.Create(KemacOperation.MacWithKey, false)); break;
                case 24: Runner.ExpectConstant(KemacMacPosition.Create(false)); break;
                case 25: Runner.ExpectConstant(KemacMacPosition.Create(true)); break;
                // SRTP (lib/Srtp.Nano).
                case 26: Runner.ExpectConstant(SrtpOperation.Create(SrtpOperation.AddMasterKey, false)); break;
                case 27: Runner.ExpectConstant(SrtpOperation.Create(SrtpOperation.AddMasterKey, true)); break;
                case 28: Runner.ExpectConstant(SrtpOperation.Create(SrtpOperation.Protect, false)); break;
                case 29: Runner.ExpectConstant(SrtpOperation.Create(SrtpOperation.Protect, true)); break;
                case 30: Runner.ExpectConstant(SrtpTagCheck.Create(false)); break;
                case 31: Runner.ExpectConstant(SrtpTagCheck.Create(true)); break;
                // P-256 (lib/Ecc.Nano) and the ECC modes' secrets (lib/Mikey.Ecc.Nano).
                case 32: Runner.ExpectConstant(FixedBaseComb.Create()); break;
                case 33: Runner.ExpectConstant(KeyGeneration.Create()); break;
                case 34: Runner.ExpectConstant(ScalarInversion.Create()); break;
                case 35: Runner.ExpectConstant(EcdhOperation.Create(false)); break;
                case 36: Runner.ExpectConstant(EcdhOperation.Create(true)); break;
                case 37: Runner.ExpectConstant(EcdsaSignOperation.Create()); break;
                case 38: Runner.ExpectConstant(EcmqvOperation.Create(EcmqvOperation.OnePassResponder)); break;
                case 39: Runner.ExpectConstant(EcmqvOperation.Create(EcmqvOperation.OnePassInitiator)); break;
                case 40: Runner.ExpectConstant(EcmqvOperation.Create(EcmqvOperation.TwoPass)); break;
                case 41: Runner.ExpectConstant(EcmqvTgkOperation.Create()); break;
                case 42: Runner.ExpectConstant(EciesDecrypt.Create()); break;
                case 43: Runner.ExpectConstant(EciesTagCheck.Create()); break;
                // MODP DH and RSA (lib/BigNum.Nano, lib/Rsa.Nano/Keys).
                case 44: Runner.ExpectConstant(ModpSharedSecret.Create()); break;
                case 45: Runner.ExpectConstant(RsaPrivateOperation.Create()); break;
                default: return false;
            }
            return true;
        }
    }
}
