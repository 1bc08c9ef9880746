#!/usr/bin/env bash
# Builds the native pack's managed assemblies (Interop/ -> NanoMikey.Esp32.NativeCrypto<generation>.dll, Probe/ ->
# NanoMikey.Esp32.Native.Probe.dll) against the nanoFramework kit, converts them to .pe/.pdbx with the kit's mdp.sh, and
# runs check-checksum.sh (the glue's checksum constants and slot order against the fresh .pe/.pdbx).
# The kit folder comes from NANOFRAMEWORK_KIT (no default here; tests/OnDevice/run.sh resolves it).
# Usage: NANOFRAMEWORK_KIT=/path/to/kit hardware/Esp32.Native/build.sh [-c Release|Debug] [-o OUT_DIR] [-p:NativeCryptoGeneration=N]
#   OUT_DIR (default hardware/Esp32.Native/bin/<config>) receives the .dll, .pe and .pdbx files.
#   -p:NativeCryptoGeneration=N builds another ABI generation (e.g. the mismatch case of the on-device stage); the
#   checksum check is then skipped for the pack (its glue is for the committed generation) and only reported.
# Exit: 0 ok; 1 build or check failed; 2 usage / kit missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
kit="${NANOFRAMEWORK_KIT:-}"
if [ -z "$kit" ]; then
  echo "hardware/Esp32.Native/build.sh: NANOFRAMEWORK_KIT is not set (the nanoFramework kit folder, with ref/mscorlib.dll and mdp.sh)" >&2
  exit 2
fi
if [ ! -f "$kit/ref/mscorlib.dll" ] || [ ! -x "$kit/mdp.sh" ]; then
  echo "hardware/Esp32.Native/build.sh: NANOFRAMEWORK_KIT=$kit has no ref/mscorlib.dll or mdp.sh (kit absent or not a kit folder)" >&2
  exit 2
fi
kit="$(cd "$kit" && pwd)"
config=Release; out=; extra=(); generation=
while [ $# -gt 0 ]; do
  case $1 in
    -c) config=$2; shift 2;;
    -o) out=$2; shift 2;;
    -p:NativeCryptoGeneration=*) generation=${1#-p:NativeCryptoGeneration=}; extra+=("$1"); shift;;
    *) extra+=("$1"); shift;;
  esac
done
[ -n "$out" ] || out="$here/bin/$config"
mkdir -p "$out"; out="$(cd "$out" && pwd)"

for p in Interop/Interop.csproj Probe/Probe.csproj; do
  if ! dotnet build "$here/$p" -c "$config" -nologo -v q -p:NanoFrameworkKit="$kit" -o "$out" "${extra[@]}" > "$out/build-${p%%/*}.log" 2>&1; then
    grep -E 'error|warn' "$out/build-${p%%/*}.log" | sort -u >&2 || tail -20 "$out/build-${p%%/*}.log" >&2
    echo "hardware/Esp32.Native/build.sh: dotnet build of $p failed (log: $out/build-${p%%/*}.log)" >&2
    exit 1
  fi
done

pack="NanoMikey.Esp32.NativeCrypto${generation:-$(sed -n 's#.*<NativeCryptoGeneration[^>]*>\([0-9]*\)</NativeCryptoGeneration>.*#\1#p' "$here/Interop/Interop.csproj" | head -1)}"
for a in "$pack" NanoMikey.Esp32.Native.Probe; do
  "$kit/mdp.sh" "$out/$a.dll" "$out/$a.pe" > "$out/mdp-$a.log" 2>&1 || {
    cat "$out/mdp-$a.log" >&2; echo "hardware/Esp32.Native/build.sh: mdp.sh could not convert $a.dll" >&2; exit 1; }
done
echo "built: $out/$pack.pe, $out/NanoMikey.Esp32.Native.Probe.pe"

if [ -n "$generation" ] && [ "$pack.pe" != "$(sed -n 's/^#define NM_PACK_ASSEMBLY "\(.*\)"$/\1/p' "$here/native/core/nm_pack.h").pe" ]; then
  echo "generation $generation is not the committed one: skipping the pack's glue check (probe only)"
  exec "$here/check-checksum.sh" --probe-only "$out"
fi
exec "$here/check-checksum.sh" "$out"
