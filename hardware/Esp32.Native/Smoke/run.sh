#!/usr/bin/env bash
# Smoke test of the native crypto pack on the interpreter: builds the managed assemblies (../build.sh, incl. the
# checksum check), this program, a nanoCLR with both glue folders (kit build-nanoclr.sh; skipped when NF_CLR_DIR names
# one already built), then runs the program with NF_GC_TRACE=1 NF_CPU_CLOCK=1 and fails unless every known answer
# passed and no garbage collection happened during the 10 000-packet loop.
# Usage: NANOFRAMEWORK_KIT=/path/to/kit hardware/Esp32.Native/Smoke/run.sh [WORK_DIR]   (default WORK_DIR: a temp dir)
#   NANOMIKEY_CACHE=DIR keeps the nanoCLR build tree in DIR/ncore-nanoclr-work (rebuilds take seconds).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"; pack="$(cd "$here/.." && pwd)"
kit="${NANOFRAMEWORK_KIT:-}"
[ -n "$kit" ] && [ -x "$kit/run-pe.sh" ] || { echo "Smoke/run.sh: NANOFRAMEWORK_KIT must name the nanoFramework kit folder" >&2; exit 2; }
kit="$(cd "$kit" && pwd)"
if [ $# -ge 1 ]; then work=$1; mkdir -p "$work"; work=$(cd "$work" && pwd)
else work=$(mktemp -d "${TMPDIR:-/tmp}/ncore-smoke.XXXXXX"); trap 'rm -rf "$work"' EXIT; fi

NANOFRAMEWORK_KIT="$kit" "$pack/build.sh" -o "$work/out"
dotnet build "$here/Smoke.csproj" -c Release -nologo -v q -p:NanoFrameworkKit="$kit" -o "$work/out" > "$work/smoke-build.log" 2>&1 || {
  grep -E 'error|warn' "$work/smoke-build.log" | sort -u >&2; echo "Smoke/run.sh: build failed" >&2; exit 1; }

if [ -z "${NF_CLR_DIR:-}" ]; then
  cwork="$work/clr-work"; [ -n "${NANOMIKEY_CACHE:-}" ] && cwork="$NANOMIKEY_CACHE/ncore-nanoclr-work"
  "$kit/build-nanoclr.sh" -w "$cwork" -i "$pack/native/NanoMikey.Esp32.NativeCrypto1" -i "$pack/native/NanoMikey.Esp32.Native.Probe" "$work/clr"
  export NF_CLR_DIR=$work/clr
fi

NF_GC_TRACE=1 NF_HEAP_BYTES=262144 NF_CPU_CLOCK=1 "$kit/run-pe.sh" -r "$work/out/NanoMikey.Esp32.NativeCrypto1.dll" \
  -r "$work/out/NanoMikey.Esp32.Native.Probe.dll" "$work/out/NanoMikey.Esp32.Native.Smoke.dll" | tee "$work/smoke.out"
gcs=$(sed -n '/^loop start/,/^loop end/p' "$work/smoke.out" | grep -c '^NFGC' || true)
passed=$(grep -c '^PASS' "$work/smoke.out" || true)
echo "smoke: $passed known answers passed; $gcs garbage collections during 10 000 SRTP packets"
grep -q '^SMOKE 0 failed' "$work/smoke.out" && [ "$passed" -ge 30 ] && [ "$gcs" -eq 0 ] || { echo "Smoke/run.sh: FAILED" >&2; exit 1; }
echo "Smoke/run.sh: all passed"
