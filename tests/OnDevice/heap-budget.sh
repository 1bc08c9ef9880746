#!/usr/bin/env bash
# Heap budget on the interpreter (issue 10 §2): for each scenario of Probe, the smallest NF_HEAP_BYTES with which it still
# runs to "PROBE OK", found by bisection to 1 KB, and a table against the targets (sensor <= 32 KB, intercom call <= 64 KB on
# this 64-bit build; objects are bigger than on an ESP32). Each scenario loads only the assemblies a device of that kind
# deploys (the runtime keeps each loaded assembly's type tables in the managed heap):
#   baseline-psk  an empty program with Crypto, Srtp, Mikey loaded      sensor    one outbound SRTP stream, PSK keys
#   baseline-ecc  the same plus Ecc, X509, Mikey.Ecc                    intercom  ECDH-SIGN done, SRTP both ways, SRTCP
#   intercom-pack the intercom with the native crypto pack selected (issue 15; runs on the pack's nanoCLR, which
#                 tests/OnDevice/Native/run.sh builds into $NANOMIKEY_CACHE/nanoclr-native; not in the default list)
#   tests/OnDevice/heap-budget.sh [scenario...]        (default: all four)
# Env: NANOFRAMEWORK_KIT, NF_CLR_DIR as for run.sh (run.sh first: it builds the nanoCLR when the kit has none);
# HEAP_LO (a heap known to fail) and HEAP_HI (one known to pass) narrow the bisection (default 16384 and 524288).
# Exit 0 when every scenario with a target meets it, 1 otherwise, 3 without the kit.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
kit=${NANOFRAMEWORK_KIT:-$root/../shared/tools/nanoframework}
[ -f "$kit/run-pe.sh" ] || { echo "heap budget: NOT RUN, no nanoFramework kit at $kit (set NANOFRAMEWORK_KIT)"; exit 3; }
kit=$(cd "$kit" && pwd)
if [ -z "${NF_CLR_DIR:-}" ]; then
  if [ -x "$kit/bin/nanoFramework.nanoCLR.test" ]; then NF_CLR_DIR=$kit; else NF_CLR_DIR=$("$here/nanoclr.sh" "$kit") || exit 1; fi
fi
[ -x "$NF_CLR_DIR/bin/nanoFramework.nanoCLR.test" ] || { echo "heap budget: no nanoCLR in $NF_CLR_DIR (run tests/OnDevice/run.sh once)"; exit 1; }
export NF_CLR_DIR
mkdir -p "$here/obj"
psk=(-r NanoMikey.Crypto.dll -r NanoMikey.Srtp.dll -r NanoMikey.Mikey.dll)
ecc=(-r NanoMikey.Crypto.dll -r NanoMikey.Ecc.dll -r NanoMikey.X509.dll -r NanoMikey.Srtp.dll -r NanoMikey.Mikey.dll -r NanoMikey.Mikey.Ecc.dll)
scenarios=("$@"); [ ${#scenarios[@]} -gt 0 ] || scenarios=(baseline-psk sensor baseline-ecc intercom)
pack=(-r NanoMikey.Esp32.NativeCrypto1.dll -r NanoMikey.Esp32.Native.Probe.dll -r NanoMikey.Esp32.Native.dll)
declare -A target=([sensor]=32768 [intercom]=65536 [intercom-pack]=65536)

runs() { # runs DIR HEAP: 0 when the probe prints PROBE OK with this heap (deps: the scenario's assemblies; clr: its nanoCLR)
  ( cd "$1" && NF_CLR_DIR=$clr NF_TIMEOUT=300 NF_HEAP_BYTES=$2 "$kit/run-pe.sh" "${deps[@]}" NanoMikey.Probe.dll ) > "$1/run-$2.out" 2>&1
  grep -q '^PROBE OK' "$1/run-$2.out"
}

declare -A found
for s in "${scenarios[@]}"; do
  dir=$here/obj/probe-$s
  clr=$NF_CLR_DIR; extra=()
  case $s in
    sensor|baseline-psk) deps=("${psk[@]}");;
    intercom-pack) deps=("${ecc[@]}" "${pack[@]}"); extra=(-p:ProbePack=true)
      clr=${NANOMIKEY_CACHE:-${HOME:-/tmp}/.cache/nanomikey}/nanoclr-native
      [ -x "$clr/bin/nanoFramework.nanoCLR.test" ] || { echo "heap budget: no pack nanoCLR in $clr (run tests/OnDevice/Native/run.sh once)"; found[$s]=; continue; };;
    *) deps=("${ecc[@]}");;
  esac
  if ! dotnet build "$here/Probe/Probe.csproj" -c Release -p:NanoFrameworkKit="$kit" -p:ProbeScenario="${s%%-*}" "${extra[@]}" > "$here/obj/build-probe-$s.log" 2>&1; then
    echo "heap budget: probe $s did not build (log: $here/obj/build-probe-$s.log)"; found[$s]=; continue
  fi
  rm -rf "$dir" && cp -r "$here/Probe/bin/Release/netstandard2.0" "$dir"
  lo=${HEAP_LO:-16384}; hi=${HEAP_HI:-524288}   # nanoCLR ignores values below 16384; HEAP_LO/HEAP_HI narrow the search
  if ! runs "$dir" $hi; then echo "heap budget: $s fails even with $hi bytes (see $dir/run-$hi.out)"; found[$s]=">$hi"; continue; fi
  if runs "$dir" $lo; then found[$s]="<=$lo"; continue; fi
  while [ $((hi - lo)) -gt 1024 ]; do
    mid=$(( (lo + hi) / 2 / 1024 * 1024 )); [ $mid -gt $lo ] || mid=$((lo + 1024))
    if runs "$dir" $mid; then hi=$mid; else lo=$mid; fi
    echo "  $s: $mid bytes $( [ $hi -eq $mid ] && echo passes || echo fails )"
  done
  found[$s]=$hi
done

status=0
printf '\n%-14s %-26s %-12s %s\n' scenario "smallest NF_HEAP_BYTES" target verdict
for s in "${scenarios[@]}"; do
  v=${found[$s]:-}; t=${target[$s]:-}
  verdict=-
  if [ -n "$t" ]; then
    if [[ "$v" =~ ^[0-9]+$ ]] && [ "$v" -le "$t" ]; then verdict=met; elif [[ "$v" == "<="* ]]; then verdict=met; else verdict="OVER"; status=1; fi
  fi
  kb=$v; [[ "$v" =~ ^[0-9]+$ ]] && kb="$v ($((v / 1024)) KB)"
  printf '%-14s %-26s %-12s %s\n' "$s" "$kb" "${t:+$((t / 1024)) KB}" "$verdict"
done
exit $status
