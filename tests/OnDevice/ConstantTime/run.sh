#!/usr/bin/env bash
# Constant-time test on the nanoFramework interpreter (issue 10 §3): runs the probe (Probe/) on a nanoCLR built with
# the kit's IL instruction counter (kit README "IL instruction count") and checks, for every secret-dependent
# operation, that 20+ secret inputs execute the same IL instructions in the same order, touch the same array indexes
# and make the same native calls (IlCount, PathHash, NativeCalls, ArrayAccesses, IndexHash, NativeHash).
#   tests/OnDevice/ConstantTime/run.sh            (from anywhere; called by tests/OnDevice/run.sh)
# Environment:
#   NANOFRAMEWORK_KIT  the kit (default: <repo>/../shared/tools/nanoframework); read only, never written
#   NANOMIKEY_CACHE    cache root (default $HOME/.cache/nanomikey): the counting nanoCLR is built once into
#                      $NANOMIKEY_CACHE/nanoclr-ilcount by ../nanoclr.sh and reused while the kit's build inputs are unchanged
#   NF_TIMEOUT         seconds for the probe run (default 1800)
#   CT_WORK            work dir for the managed builds (default: a temporary dir, removed at the end)
# Output: one line per operation (PASS/FAIL, counters, and for a FAIL which counters differ + an opcode histogram
# diff), then "N passed, N failed". Exit 0 when every operation passed and the probe reported as many results as it
# planned; 1 a failure or a run that stopped early; 2 the kit or a tool is missing; 3 a build failed.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
kit=${NANOFRAMEWORK_KIT:-$repo/../shared/tools/nanoframework}
if [ ! -x "$kit/run-pe.sh" ] || [ ! -x "$kit/build-nanoclr.sh" ]; then
  echo "constant-time: no nanoFramework kit at $kit (set NANOFRAMEWORK_KIT)" >&2
  echo "0 passed, 1 failed"
  exit 2
fi
kit=$(cd "$kit" && pwd)
diag_src=$kit/examples/ilcount/NfKit.Diagnostics
t_start=$(date +%s)
fail() { echo "constant-time: $*" >&2; echo "0 passed, 1 failed"; exit "${2:-3}"; }

if [ -n "${CT_WORK:-}" ]; then work=$CT_WORK; mkdir -p "$work"; work=$(cd "$work" && pwd)
else work=$(mktemp -d "${TMPDIR:-/tmp}/nanomikey-ct.XXXXXX"); trap 'rm -rf "$work"' EXIT; fi

# 1. The counting nanoCLR, built once and cached by ../nanoclr.sh (shared with the rest of the device stage).
clr=$("$here/../nanoclr.sh" "$kit") || fail "the counting nanoCLR did not build"

# 2. NfKit.Diagnostics (the counters' managed API), built from a copy: the kit stays untouched (obj/ included).
t0=$(date +%s)
rm -rf "$work/diag"; mkdir -p "$work/diag"
cp -r "$diag_src" "$work/diag/"
dotnet build "$work/diag/NfKit.Diagnostics/NfKit.Diagnostics.csproj" -c Release -p:NfKit="$kit" -o "$work/diag/out" \
  -nologo -v q > "$work/diag-build.log" 2>&1 || { cat "$work/diag-build.log" >&2; fail "NfKit.Diagnostics did not build"; }
diag_dll=$work/diag/out/NfKit.Diagnostics.dll

# 3. Our nano-flavour libraries (Mikey.Ecc pulls in Crypto, Srtp, Mikey, Ecc, X509), then the probe against them.
dotnet build "$repo/lib/Mikey.Ecc.Nano/Mikey.Ecc.Nano.csproj" -c Release -f nano -nologo -v q > "$work/lib-build.log" 2>&1 \
  || { grep -E 'error' "$work/lib-build.log" | sort -u >&2; fail "the nano libraries did not build"; }
dotnet build "$repo/lib/Rsa.Nano/Rsa.Nano.csproj" -c Release -f nano -nologo -v q >> "$work/lib-build.log" 2>&1 \
  || { grep -E 'error' "$work/lib-build.log" | sort -u >&2; fail "the nano RSA libraries did not build"; }
dotnet build "$here/Probe/ConstantTimeProbe.csproj" -c Release -nologo -v q -p:NanoFrameworkKit="$kit" \
  -p:NfKitDiagnostics="$diag_dll" -p:BaseIntermediateOutputPath="$work/probe-obj/" -o "$work/probe" > "$work/probe-build.log" 2>&1 \
  || { grep -E 'error' "$work/probe-build.log" | sort -u >&2; fail "the probe did not build"; }
echo "constant-time: managed builds in $(( $(date +%s) - t0 )) s"

# 4. The probe on the counting nanoCLR (dependency order for the loader).
nano=$repo/lib
refs=(-r "$diag_dll"
  -r "$nano/Crypto.Nano/bin/Release/nano/NanoMikey.Crypto.dll"
  -r "$nano/Srtp.Nano/bin/Release/nano/NanoMikey.Srtp.dll"
  -r "$nano/Mikey.Nano/bin/Release/nano/NanoMikey.Mikey.dll"
  -r "$nano/Ecc.Nano/bin/Release/nano/NanoMikey.Ecc.dll"
  -r "$nano/X509.Nano/bin/Release/nano/NanoMikey.X509.dll"
  -r "$nano/Mikey.Ecc.Nano/bin/Release/nano/NanoMikey.Mikey.Ecc.dll"
  -r "$nano/BigNum.Nano/bin/Release/nano/NanoMikey.BigNum.dll"
  -r "$nano/Rsa.Nano/bin/Release/nano/NanoMikey.Rsa.dll")
t0=$(date +%s)
NF_IL_COUNT=1 NF_CLR_DIR=$clr NF_TIMEOUT=${NF_TIMEOUT:-1800} "$kit/run-pe.sh" "${refs[@]}" "$work/probe/ConstantTimeProbe.dll" \
  > "$work/probe.out" 2>&1
rc=$?
grep -vE '^(Ready\.|Done\.|Exiting\.)$' "$work/probe.out"
echo "constant-time: probe ran in $(( $(date +%s) - t0 )) s (run-pe.sh exit $rc); stage $(( $(date +%s) - t_start )) s"

# 5. Summary: one result per operation; the probe announces how many it will report ("PLAN n").
plan=$(sed -n 's/^PLAN \([0-9][0-9]*\)$/\1/p' "$work/probe.out" | head -1)
passed=$(grep -c '^PASS ' "$work/probe.out")
failed=$(grep -c '^FAIL ' "$work/probe.out")
status=0
[ "$rc" -eq 0 ] || status=1
[ "$failed" -eq 0 ] || status=1
if [ -z "$plan" ]; then
  echo "constant-time: the probe did not start (no PLAN line)" >&2; failed=$((failed + 1)); status=1
elif [ $((passed + failed)) -lt "$plan" ]; then
  echo "constant-time: $((passed + failed)) results of $plan planned: the run stopped early" >&2
  failed=$((plan - passed)); status=1
fi
echo "$passed passed, $failed failed"
exit "$status"
