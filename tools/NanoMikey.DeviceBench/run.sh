#!/usr/bin/env bash
# Interpreter benchmark: the same program (tools/NanoMikey.DeviceBench) on the nanoFramework interpreter and on .NET,
# printed side by side in µs per operation.
#   NANOFRAMEWORK_KIT=/path/to/nanoframework-kit tools/NanoMikey.DeviceBench/run.sh [-n RUNS] [-c CONFIG]
#   -n RUNS    interpreter runs; each row keeps its best (default 1; the machine may be shared)
#   -c CONFIG  build configuration (default Release)
# Needs NANOFRAMEWORK_KIT: the nanoFramework toolchain kit (nanoCLR for Linux + MetadataProcessor, its run-pe.sh).
# Interpreter timings use NF_CPU_CLOCK=1 (the interpreter thread's CPU time), so load from other processes matters less.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=1; config=Release
while [ $# -gt 0 ]; do
  case $1 in
    -n) runs=$2; shift 2;;
    -c) config=$2; shift 2;;
    -h|--help) sed -n 2,8p "$0" | sed 's/^# \{0,1\}//'; exit 0;;
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

dotnet build "$here/NanoMikey.DeviceBench.csproj" -c "$config" -v q -nologo 2>&1 | grep -E " error |rror\(s\)" | grep -v " 0 Error" && exit 1
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

cat "$out"/nano*.txt | awk -F'|' -v net="$out/net.txt" '
  BEGIN { while ((getline line < net) > 0) { split(line, f, "|"); if (f[1] == "BENCH") netns[f[2]] = f[3] } }
  $1 == "BENCH" { if (!($2 in best) || $3 + 0 < best[$2]) best[$2] = $3 + 0; if (!($2 in seen)) { seen[$2] = 1; order[++n] = $2 } }
  END {
    printf "%-34s %16s %12s %10s\n", "operation", "interpreter µs", ".NET µs", "ratio"
    for (i = 1; i <= n; i++) {
      k = order[i]; a = best[k] / 1000; b = netns[k] / 1000
      printf "%-34s %16.1f %12.3f %9.0fx\n", k, a, b, (b > 0 ? a / b : 0)
    }
  }'
echo "(interpreter: best of $runs run(s), nanoCLR on this host with NF_CPU_CLOCK=1, not ESP32 time; .NET: this host's net10.0)"
