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
        private const int Planned = 35;

        /// <summary>Entry point.</summary>
        public static void Main()
        {
            Console.WriteLine("PLAN " + Planned);
            if (!IlCounter.Enabled())
            {
                Console.WriteLine("FAIL NF_IL_COUNT is not set: the interpreter counts nothing");
                return;
            }
            try
            {
                RunAll();
            }
            catch (Exception e)
            {
                // An unhandled exception would end the run silently; run.sh then sees fewer results than planned.
                Console.WriteLine("FAIL the probe threw " + e.GetType().FullName + ": " + e.Message);
            }
            Console.WriteLine("probe: " + Runner.Passed + " passed, " + Runner.Failed + " failed");
        }

        private static void RunAll()
        {
            // Self-checks first: the comparison must see each kind of leak.
            Runner.ExpectLeak(EarlyExitCompare.Create(), "IlCount", null);
            Runner.ExpectLeak(SecretIndexedLookup.Create(), "IndexHash", "IlCount");
            Runner.ExpectLeak(SecretLengthCopy.Create(), "NativeHash", "IlCount");

            // Symmetric primitives (lib/Crypto.Nano).
            Runner.ExpectConstant(AesKeySchedule.Create(16));
            Runner.ExpectConstant(AesKeySchedule.Create(32));
            Runner.ExpectConstant(AesEncrypt.Create(16));
            Runner.ExpectConstant(AesEncrypt.Create(32));
            Runner.ExpectConstant(AesEncryptSecretData.Create());
            Runner.ExpectConstant(AesCtrOperation.Create());
            Runner.ExpectConstant(GcmOperation.Create(GcmOperation.Seal));
            Runner.ExpectConstant(GcmOperation.Create(GcmOperation.OpenAuthentic));
            Runner.ExpectConstant(GcmOperation.Create(GcmOperation.OpenForged));
            Runner.ExpectConstant(GcmTagCheck.Create());
            Runner.ExpectConstant(HmacOperation.Create(false));
            Runner.ExpectConstant(HmacOperation.Create(true));
            Runner.ExpectConstant(AreEqualOperation.Create());

            // MIKEY keys (lib/Mikey.Nano/Keys).
            Runner.ExpectConstant(PrfOperation.Create(false));
            Runner.ExpectConstant(PrfOperation.Create(true));
            Runner.ExpectConstant(TekDerivation.Create());
            Runner.ExpectConstant(KemacOperation.Create(KemacOperation.Derive, false));
            Runner.ExpectConstant(KemacOperation.Create(KemacOperation.Decrypt, false));
            Runner.ExpectConstant(KemacOperation.Create(KemacOperation.Decrypt, true));
            Runner.ExpectConstant(KemacOperation.Create(KemacOperation.MacWithKey, false));
            Runner.ExpectConstant(KemacMacPosition.Create(false));
            Runner.ExpectConstant(KemacMacPosition.Create(true));

            // P-256 (lib/Ecc.Nano) and the ECC modes' secrets (lib/Mikey.Ecc.Nano).
            Runner.ExpectConstant(FixedBaseComb.Create());
            Runner.ExpectConstant(ScalarInversion.Create());
            Runner.ExpectConstant(EcdhOperation.Create(false));
            Runner.ExpectConstant(EcdhOperation.Create(true));
            Runner.ExpectConstant(EcdsaSignOperation.Create());
            Runner.ExpectConstant(EcmqvOperation.Create(false));
            Runner.ExpectConstant(EcmqvOperation.Create(true));
            Runner.ExpectConstant(EcmqvTgkOperation.Create());
            Runner.ExpectConstant(EciesDecrypt.Create());
            Runner.ExpectConstant(EciesTagCheck.Create());
        }
    }
}
