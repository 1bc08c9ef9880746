#!/usr/bin/env bash
# Per-packet IL profile on the nanoFramework interpreter (issue 10 §4): IL instructions, native calls and array accesses of
# one call of each bench operation and of the parts of SRTP protect/unprotect, plus opcode histograms, counted by the kit's
# IL instruction counter (kit README "IL instruction count").
#   NANOFRAMEWORK_KIT=/path/to/kit tools/NanoMikey.DeviceBench/ilcount.sh [-c CONFIG]
# The counting nanoCLR is the device stage's (tests/OnDevice/nanoclr.sh builds it once and caches it, ~2 minutes).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
config=Release
while [ $# -gt 0 ]; do
  case $1 in
    -c) config=$2; shift 2;;
    -h|--help) sed -n 2,6p "$0" | sed 's/^# \{0,1\}//'; exit 0;;
    *) echo "ilcount.sh: unknown argument $1" >&2; exit 2;;
  esac
done
kit=${NANOFRAMEWORK_KIT:-}
if [ -z "$kit" ] || [ ! -x "$kit/run-pe.sh" ]; then
  echo "ilcount.sh: set NANOFRAMEWORK_KIT to the nanoFramework toolchain kit (the folder with run-pe.sh)" >&2; exit 2
fi
kit=$(cd "$kit" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/ilcount.XXXXXX")
trap 'rm -rf "$work"' EXIT
clr=$(bash "$root/tests/OnDevice/nanoclr.sh" "$kit")
cp -r "$kit/examples/ilcount/NfKit.Diagnostics" "$work/"
dotnet build "$work/NfKit.Diagnostics/NfKit.Diagnostics.csproj" -c Release -p:NfKit="$kit" -o "$work/diag" -nologo -v q > "$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; exit 3; }
for p in lib/Crypto.Nano/Crypto.Nano.csproj lib/Srtp.Nano/Srtp.Nano.csproj lib/Ecc.Nano/Ecc.Nano.csproj lib/Mikey.Nano/Mikey.Nano.csproj; do
  dotnet build "$root/$p" -c "$config" -f nano -nologo -v q >> "$work/build.log" 2>&1 || { grep error "$work/build.log" | sort -u >&2; exit 3; }
done
dotnet build "$here/IlCount/IlCountProbe.csproj" -c "$config" -nologo -v q -p:NanoFrameworkKit="$kit" -p:NfKitDiagnostics="$work/diag/NfKit.Diagnostics.dll" \
  -p:BaseIntermediateOutputPath="$work/obj/" -o "$work/probe" >> "$work/build.log" 2>&1 || { grep error "$work/build.log" | sort -u >&2; exit 3; }
NF_IL_COUNT=1 NF_CLR_DIR=$clr "$kit/run-pe.sh" -r "$work/diag/NfKit.Diagnostics.dll" \
  -r "$root/lib/Crypto.Nano/bin/$config/nano/NanoMikey.Crypto.dll" -r "$root/lib/Srtp.Nano/bin/$config/nano/NanoMikey.Srtp.dll" \
  -r "$root/lib/Ecc.Nano/bin/$config/nano/NanoMikey.Ecc.dll" -r "$root/lib/Mikey.Nano/bin/$config/nano/NanoMikey.Mikey.dll" \
  "$work/probe/IlCountProbe.dll" > "$work/out.txt" 2>&1 || true
if ! grep -q '^ILEND' "$work/out.txt"; then echo "ilcount.sh: the probe did not finish:" >&2; cat "$work/out.txt" >&2; exit 1; fi
awk -F'|' '
  $1 == "ILC" { if (!h) { printf "%-48s %9s %8s %8s\n", "operation (one call)", "IL", "natives", "arrays"; h = 1 }
                printf "%-48s %9d %8d %8d\n", $2, $3, $4, $5 }
  $1 == "HIST" { if ($2 != last) { printf "\nopcodes of %s:\n", $2; last = $2 } printf "  %-12s %7d\n", $3, $4 }' "$work/out.txt"
