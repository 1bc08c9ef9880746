#!/usr/bin/env bash
# The native crypto pack's device-test stage (issue 15): our code with the pack on nanoFramework's interpreter.
#   tests/OnDevice/Native/run.sh
# 1. builds a nanoCLR with the pack compiled in (the kit's build-nanoclr.sh -i hardware/Esp32.Native/native/<pack>
#    -i .../NanoMikey.Esp32.Native.Probe, linking Debian's mbedTLS), cached in $NANOMIKEY_CACHE/nanoclr-native (default
#    $HOME/.cache/nanomikey) and rebuilt only when the kit or hardware/Esp32.Native/native changes (about 2 minutes);
# 2. runs the NFUnitTest assembly of Tests/ on it (SRTP/SRTCP through the pack against the managed path, RFC vectors,
#    tampering and replay, and the MIKEY side's Tests/Mikey*.cs), NF_EXPECT = the number of [TestMethod]s;
# 3. the start-up selection, three outcomes (Probe/, one check each): the pack's nanoCLR -> native; a stock nanoCLR ->
#    managed + the plain-words reason; the pack's nanoCLR with the application built for the next ABI generation
#    (-p:NativeCryptoGeneration=2) -> managed + the mismatch reason;
# 4. allocation: with the pack selected, 10 000 SRTP/SRTCP packets each way per transform under NF_GC_TRACE=1 with a small
#    heap; each region between "PROBE BEGIN x" and "PROBE END x" must show no NFGC line (one check each).
# Last line: "N passed, N failed". Exit 0 all passed, 1 something failed, 3 the stage did not run (no kit).
# Env: NANOFRAMEWORK_KIT (default: <repo root>/../shared/tools/nanoframework), NANOMIKEY_CACHE, NF_GC_HEAP_BYTES (default
#      131072), NF_STOCK_CLR_DIR (a nanoCLR without the pack; default the kit's bin/, else tests/OnDevice/nanoclr.sh's).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
kit=${NANOFRAMEWORK_KIT:-$root/../shared/tools/nanoframework}

if [ ! -f "$kit/run-tests.sh" ] || [ ! -d "$kit/ref" ] || [ ! -x "$kit/build-nanoclr.sh" ]; then
  echo "native pack tests: NOT RUN, no nanoFramework kit at $kit (set NANOFRAMEWORK_KIT; README.md, \"Second stage\", says where its pieces come from)"
  exit 3
fi
kit=$(cd "$kit" && pwd)
native=$root/hardware/Esp32.Native/native
mkdir -p "$here/obj"
passed=0; failed=0
check() { # check NAME OK MESSAGE
  if [ "$2" = 1 ]; then echo "Check passed,$1"; passed=$((passed + 1)); else echo "Check failed,$1,$3"; failed=$((failed + 1)); fi
}
finish() { echo "$passed passed, $failed failed"; [ $failed -eq 0 ]; exit; }

# 1. The pack's nanoCLR (nanoclr.sh: built once, cached).
pack=$(ls -d "$native"/NanoMikey.Esp32.NativeCrypto* 2>/dev/null | head -1)
if ! clr=$(bash "$here/nanoclr.sh" "$kit"); then
  check native.nanoclr 0 "the nanoCLR with the pack did not build (nanoclr.sh; needs cmake, ninja, g++ and libmbedtls-dev)"
  finish
fi

# A nanoCLR without the pack, for the stock outcome.
stock=${NF_STOCK_CLR_DIR:-}
if [ -z "$stock" ]; then
  if [ -x "$kit/bin/nanoFramework.nanoCLR.test" ]; then stock=$kit
  elif ! stock=$(bash "$root/tests/OnDevice/nanoclr.sh" "$kit"); then stock=""; fi
fi

build() { # build PROJECT LOG [extra msbuild args...]
  local project=$1 log=$2; shift 2
  if ! dotnet build "$project" -c Release -p:NanoFrameworkKit="$kit" "$@" > "$log" 2>&1; then
    grep -E "error|Error" "$log" | sort -u | head -20
    return 1
  fi
}
gen=$(basename "$pack"); gen=${gen#NanoMikey.Esp32.NativeCrypto}
# Dependency order for the interpreter (NanoMikey.Esp32.Native references the pack, the probe and, for the MIKEY adapters,
# Ecc, X509, Mikey and Mikey.Ecc); deps_for GENERATION.
deps_for() {
  deps=(-r NanoMikey.Crypto.dll -r NanoMikey.Ecc.dll -r NanoMikey.X509.dll -r NanoMikey.Srtp.dll -r NanoMikey.Mikey.dll -r NanoMikey.Mikey.Ecc.dll
        -r "NanoMikey.Esp32.NativeCrypto$1.dll" -r NanoMikey.Esp32.Native.Probe.dll -r NanoMikey.Esp32.Native.dll)
}
deps_for "$gen"

# 2. The NFUnitTest assembly on the pack's nanoCLR.
echo "native pack tests: building NFUnitTest (Tests/)"
if build "$here/OnDevice.Native.Tests.csproj" "$here/obj/build-tests.log"; then
  expect=$(cat "$here"/Tests/*.cs | grep -cE '^\s*\[TestMethod\]')
  echo "native pack tests: running $expect tests on $clr"
  tlog=$here/obj/tests.out
  ( cd "$here/bin/Release/netstandard2.0" && NF_CLR_DIR=$clr NF_EXPECT=$expect "$kit/run-tests.sh" "${deps[@]}" NFUnitTest.dll ) > "$tlog" 2>&1
  rc=$?
  grep -E '^Test failed|^run-tests.sh|needs assembly|^native pack:' "$tlog"
  p=$(grep -c '^Test passed,' "$tlog"); f=$(grep -c '^Test failed,' "$tlog")
  if [ $((p + f)) -lt "$expect" ]; then
    echo "native pack tests: $((p + f)) results of $expect (the run stopped early; output: $tlog)"
    f=$((expect - p))
  fi
  [ $rc -eq 0 ] || [ $f -gt 0 ] || f=1
  echo "native pack tests: $p passed, $f failed (output: $tlog)"
  passed=$((passed + p)); failed=$((failed + f))
else
  check native.tests.build 0 "the test project did not build (log: $here/obj/build-tests.log)"
fi

# 3 + 4. The probe: selection outcome, then (native only) the allocation regions.
probe_run() { # probe_run GENERATION OUTDIR CLR LOG [env...]
  local g=$1 dir=$2 clrdir=$3 log=$4; shift 4
  deps_for "$g"
  ( cd "$dir" && env NF_CLR_DIR="$clrdir" NF_TIMEOUT=${NF_TIMEOUT:-1800} "$@" "$kit/run-pe.sh" "${deps[@]}" NanoMikey.Native.Probe.dll ) > "$log" 2>&1
}
select_line() { sed -n 's/^SELECT|//p' "$1" | head -1; }
pbin=$here/Probe/bin/Release/netstandard2.0
heap=${NF_GC_HEAP_BYTES:-131072}
if build "$here/Probe/Native.Probe.csproj" "$here/obj/build-probe.log"; then
  rm -rf "$here/obj/probe1" && cp -r "$pbin" "$here/obj/probe1"
  find "$here/obj/probe1" -name 'NanoMikey.Esp32.NativeCrypto*' ! -name "NanoMikey.Esp32.NativeCrypto$gen.*" -delete
  glog=$here/obj/probe-native.out
  echo "native pack tests: selection + allocation (NF_GC_TRACE=1, NF_HEAP_BYTES=$heap) on the pack's nanoCLR"
  probe_run "$gen" "$here/obj/probe1" "$clr" "$glog" NF_GC_TRACE=1 NF_HEAP_BYTES="$heap"
  s=$(select_line "$glog"); echo "  SELECT|$s"
  ok=0; case "$s" in "native||NanoMikey.Esp32.NativeCrypto$gen (checksum 0x"*) ok=1;; esac
  grep -q '^MIKEY|native|ecdh-ok' "$glog" || { ok=0; s="$s; MIKEY engines: $(grep '^MIKEY|' "$glog" | head -1)"; }
  check select.native "$ok" "expected the pack selected, got: ${s:-no SELECT line (output: $glog)}"
  regions=$(awk '/^PROBE BEGIN /{ name = $3; n = 0; on = 1; next }
                 /^PROBE END /  { printf "%s %d\n", name, n; on = 0; next }
                 /^NFGC/        { if (on) n++ }' "$glog")
  count=0
  while read -r name n; do
    [ -n "$name" ] || continue
    count=$((count + 1))
    if [ "$n" -eq 0 ]; then check "gc.$name" 1; else check "gc.$name" 0 "$n garbage collections after warm-up"; fi
  done <<< "$regions"
  [ "$count" -eq 7 ] || check gc.regions 0 "$count of 7 allocation regions ran (output: $glog)"
  grep -q '^PROBE OK' "$glog" || { grep -E '^PROBE FAILED|^run-pe.sh' "$glog"; check gc.native 0 "the probe did not finish (output: $glog)"; }

  if [ -n "$stock" ]; then
    slog=$here/obj/probe-stock.out
    echo "native pack tests: selection on a stock nanoCLR ($stock)"
    probe_run "$gen" "$here/obj/probe1" "$stock" "$slog"
    s=$(select_line "$slog"); echo "  SELECT|$s"
    ok=0; case "$s" in "nopack|native crypto pack: this image carries none (stock nanoFramework firmware): using managed crypto;"*) ok=1;; esac
    grep -q '^PROBE OK' "$slog" || ok=0
    grep -q '^MIKEY|managed|ecdh-ok' "$slog" || { ok=0; s="$s; MIKEY engines: $(grep '^MIKEY|' "$slog" | head -1)"; }
    check select.stock "$ok" "expected managed crypto with the stock-image reason, got: ${s:-no SELECT line (output: $slog)}"
  else
    check select.stock 0 "no stock nanoCLR to run on (tests/OnDevice/nanoclr.sh failed)"
  fi
else
  check select.build 0 "the probe did not build (log: $here/obj/build-probe.log)"
fi

next=$((gen + 1))
echo "native pack tests: selection with the application built for generation $next on the generation-$gen nanoCLR"
if build "$here/Probe/Native.Probe.csproj" "$here/obj/build-probe-gen$next.log" -p:NativeCryptoGeneration=$next; then
  rm -rf "$here/obj/probe$next" && cp -r "$pbin" "$here/obj/probe$next"
  rm -f "$here/obj/probe$next/NanoMikey.Esp32.NativeCrypto$gen".*
  mlog=$here/obj/probe-mismatch.out
  probe_run "$next" "$here/obj/probe$next" "$clr" "$mlog"
  s=$(select_line "$mlog"); echo "  SELECT|$s"
  ok=0
  case "$s" in "mismatch|native crypto pack: this image carries NanoMikey.Esp32.NativeCrypto$gen (checksum 0x"*"), this application needs NanoMikey.Esp32.NativeCrypto$next (0x"*"): using managed crypto; rebuild the image from hardware/Esp32.Native/native of this release|"*) ok=1;; esac
  grep -q '^PROBE OK' "$mlog" || ok=0
  grep -q '^MIKEY|managed|ecdh-ok' "$mlog" || { ok=0; s="$s; MIKEY engines: $(grep '^MIKEY|' "$mlog" | head -1)"; }
  check select.mismatch "$ok" "expected managed crypto with the generation mismatch reason, got: ${s:-no SELECT line (output: $mlog)}"
else
  check select.mismatch 0 "the generation-$next probe did not build (log: $here/obj/build-probe-gen$next.log)"
fi
# Leave the probe's outputs built for this generation (the next plain build would redo it anyway).
build "$here/Probe/Native.Probe.csproj" "$here/obj/build-probe.log" > /dev/null 2>&1 || true

finish
