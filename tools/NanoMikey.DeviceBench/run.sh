#!/usr/bin/env bash
# Interpreter benchmark: the same program (tools/NanoMikey.DeviceBench) on the nanoFramework interpreter and on .NET,
# printed side by side in µs per operation, plus a third column: the same rows through the native crypto pack (issue 15),
# on a nanoCLR with the pack compiled in (tests/OnDevice/Native/nanoclr.sh builds it once and caches it, ~2 minutes).
#   NANOFRAMEWORK_KIT=/path/to/nanoframework-kit tools/NanoMikey.DeviceBench/run.sh [-n RUNS] [-c CONFIG] [--no-native]
#   -n RUNS      interpreter runs; each row keeps its best (default 1; the machine may be shared)
#   -c CONFIG    build configuration (default Release)
#   --no-native  leave out the native pack column
# Needs NANOFRAMEWORK_KIT: the nanoFramework toolchain kit (nanoCLR for Linux + MetadataProcessor, its run-pe.sh).
# Interpreter timings use NF_CPU_CLOCK=1 (the interpreter thread's CPU time), so load from other processes matters less.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=1; config=Release; native=1
while [ $# -gt 0 ]; do
  case $1 in
    -n) runs=$2; shift 2;;
    -c) config=$2; shift 2;;
    --no-native) native=0; shift;;
    -h|--help) sed -n 2,11p "$0" | sed 's/^# \{0,1\}//'; exit 0;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2;;
  esac
done
kit=${NANOFRAMEWORK_KIT:-}
if [ -z "$kit" ]; then
  echo "run.sh: set NANOFRAMEWORK_KIT to the nanoFramework toolchain kit (the folder with run-pe.sh)" >&2; exit 2
fi
if [ ! -x "$kit/run-pe.sh" ]; then
  echo "run.sh: NANOFRAMEWORK_KIT=$kit has no run-pe.sh" >&2; exit 2
fi

# A failed build must stop here: timing the previous build's binaries would print a wrong table.
if ! dotnet build "$here/NanoMikey.DeviceBench.csproj" -c "$config" -v q -nologo > "${TMPDIR:-/tmp}/devicebench-build.log" 2>&1; then
  grep -E " error " "${TMPDIR:-/tmp}/devicebench-build.log" | sort -u >&2; echo "run.sh: the bench did not build" >&2; exit 1
fi
bin() { echo "$root/$1/bin/$config/$2"; }
deps=(-r "$(bin lib/Crypto.Nano nano)/NanoMikey.Crypto.dll" -r "$(bin lib/Ecc.Nano nano)/NanoMikey.Ecc.dll"
      -r "$(bin lib/Srtp.Nano nano)/NanoMikey.Srtp.dll" -r "$(bin lib/Mikey.Nano nano)/NanoMikey.Mikey.dll")
out=$(mktemp -d "${TMPDIR:-/tmp}/devicebench.XXXXXX")
trap 'rm -rf "$out"' EXIT

echo ".NET (net10.0) ..." >&2
dotnet "$(bin tools/NanoMikey.DeviceBench net10.0)/NanoMikey.DeviceBench.dll" > "$out/net.txt"
for i in $(seq 1 "$runs"); do
  echo "interpreter run $i of $runs (NF_CPU_CLOCK=1) ..." >&2
  NF_CPU_CLOCK=1 "$kit/run-pe.sh" "${deps[@]}" "$(bin tools/NanoMikey.DeviceBench nano)/NanoMikey.DeviceBench.dll" > "$out/nano$i.txt"
  if grep -q '^BENCHFAIL' "$out/nano$i.txt" || ! grep -q '^BENCHEND' "$out/nano$i.txt"; then
    echo "run.sh: the interpreter run did not finish:" >&2; cat "$out/nano$i.txt" >&2; exit 1
  fi
done
grep -q '^BENCHEND' "$out/net.txt" || { echo "run.sh: the .NET run did not finish:" >&2; cat "$out/net.txt" >&2; exit 1; }

# The native pack column: the NATIVE_PACK build of the same program on the pack's nanoCLR (best of the same runs).
: > "$out/native.txt"
native_note="native pack: not measured (--no-native)"
if [ "$native" = 1 ]; then
  native_note=""
  kitdir=$(cd "$kit" && pwd)
  nbin=$root/tools/NanoMikey.DeviceBench/Native/bin/$config/netstandard2.0
  if ! clr=$(bash "$root/tests/OnDevice/Native/nanoclr.sh" "$kitdir"); then
    native_note="native pack: not measured (the nanoCLR with the pack did not build)"
  elif ! dotnet build "$here/Native/NanoMikey.DeviceBench.Native.csproj" -c "$config" -v q -nologo -p:NanoFrameworkKit="$kitdir" > "$out/native-build.log" 2>&1; then
    grep -E " error " "$out/native-build.log" | sort -u >&2
    native_note="native pack: not measured (the NATIVE_PACK bench did not build)"
  else
    for i in $(seq 1 "$runs"); do
      echo "native pack run $i of $runs (NF_CPU_CLOCK=1, $clr) ..." >&2
      ( cd "$nbin" && NF_CLR_DIR=$clr NF_CPU_CLOCK=1 "$kit/run-pe.sh" -r NanoMikey.Crypto.dll -r NanoMikey.Ecc.dll -r NanoMikey.X509.dll -r NanoMikey.Srtp.dll \
          -r NanoMikey.Mikey.dll -r NanoMikey.Mikey.Ecc.dll -r NanoMikey.Esp32.NativeCrypto*.dll -r NanoMikey.Esp32.Native.Probe.dll -r NanoMikey.Esp32.Native.dll \
          NanoMikey.DeviceBench.Native.dll ) > "$out/native$i.txt"
      if grep -q '^BENCHFAIL' "$out/native$i.txt" || ! grep -q '^BENCHEND' "$out/native$i.txt"; then
        echo "run.sh: the native pack run did not finish:" >&2; cat "$out/native$i.txt" >&2; exit 1
      fi
      cat "$out/native$i.txt" >> "$out/native.txt"
    done
  fi
fi

cat "$out"/nano[0-9]*.txt | awk -F'|' -v net="$out/net.txt" -v nat="$out/native.txt" '
  BEGIN {
    while ((getline line < net) > 0) { split(line, f, "|"); if (f[1] == "BENCH") netns[f[2]] = f[3] }
    while ((getline line < nat) > 0) { split(line, f, "|"); if (f[1] == "BENCH" && (!(f[2] in natns) || f[3] + 0 < natns[f[2]])) natns[f[2]] = f[3] + 0 }
  }
  $1 == "BENCH" { if (!($2 in best) || $3 + 0 < best[$2]) best[$2] = $3 + 0; if (!($2 in seen)) { seen[$2] = 1; order[++n] = $2 } }
  END {
    printf "%-34s %16s %16s %12s %10s %12s\n", "operation", "interpreter µs", "native pack µs", ".NET µs", "ratio", "pack gain"
    for (i = 1; i <= n; i++) {
      k = order[i]; a = best[k] / 1000; b = netns[k] / 1000
      if (k in natns) { c = natns[k] / 1000; printf "%-34s %16.1f %16.1f %12.3f %9.0fx %11.0fx\n", k, a, c, b, (b > 0 ? a / b : 0), (c > 0 ? a / c : 0) }
      else printf "%-34s %16.1f %16s %12.3f %9.0fx %12s\n", k, a, "-", b, (b > 0 ? a / b : 0), "-"
    }
    # Rows only the pack build times (SRTP with the engine doing AES alone, HMAC managed): no managed or .NET counterpart.
    close(nat); while ((getline line < nat) > 0) { split(line, f, "|"); if (f[1] == "BENCH" && !(f[2] in best) && !(f[2] in shown)) { shown[f[2]] = 1; printf "%-34s %16s %16.1f %12s %10s %12s\n", f[2], "-", natns[f[2]] / 1000, "-", "-", "-" } }
  }'
echo "(interpreter: best of $runs run(s), nanoCLR on this host with NF_CPU_CLOCK=1, not ESP32 time; .NET: this host's net10.0;"
echo " native pack: the same rows through the pack on the pack's nanoCLR, '-' where the pack has no counterpart; ratio = interpreter/.NET, pack gain = interpreter/native pack)"
[ -z "$native_note" ] || echo "$native_note"
