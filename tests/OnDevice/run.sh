#!/usr/bin/env bash
# The device-test stage: our code on nanoFramework's own interpreter (nanoCLR for Linux, from the nanoFramework kit).
#   tests/OnDevice/run.sh
# 1. builds the nano flavour of lib/ and the NFUnitTest assembly (OnDevice.Tests.csproj) against the kit's ref/;
# 2. runs the tests with the kit's run-tests.sh, NF_EXPECT = the number of [TestMethod]s in Tests/ (a run that stops early fails);
#    then the same for issue 14's RSA/MODP assemblies (Rsa/OnDevice.Rsa.Tests.csproj, tests in Rsa/Tests/);
# 3. the allocation check (issue 10 §2): Probe (ProbeScenario=gc) under NF_GC_TRACE=1 with a small heap; every region between
#    "PROBE BEGIN x" and "PROBE END x" (10 000 SRTP packets each way per transform, 1 000 MIKEY parses and builds, and a
#    call between two emulated devices, ProbeScenario=call: PSK over MIKEY/UDP, then 500 G.711/SRTP frames each way) must
#    show no NFGC line; each region is one check result;
# 4. compiles the ESP32 bindings (hardware/Esp32/build.sh) against the kit's reference assemblies: one check result;
#    then the heap budget (heap-budget.sh): the sensor completes with a 32 KB heap, the intercom call with 64 KB (two checks);
# 5. the native crypto pack (issue 15): Native/run.sh (its own nanoCLR with the pack; tests, start-up outcomes, no-GC regions)
#    and hardware/Esp32.Native/Smoke/run.sh (glue checksum/slot order, every extern once);
# 6. the constant-time check (ConstantTime/run.sh, IL-counting nanoCLR): one result per secret-dependent operation.
# Last line: "N passed, N failed" (tests + checks). Exit 0 all passed, 1 something failed, 3 the stage did not run (no kit).
# Env: NANOFRAMEWORK_KIT (default: <repo root>/../shared/tools/nanoframework), NF_GC_HEAP_BYTES (the check's heap, default
#      131072), NF_CALL_HEAP_BYTES (the call region's, default 221184), ONDEVICE_SKIP_GC=1 / ONDEVICE_SKIP_HEAP=1 / ONDEVICE_SKIP_NATIVE=1 / ONDEVICE_SKIP_CT=1 (leave
#      out step 3 / the heap budget / 5 / 6), NF_CLR_DIR (a nanoCLR already built with the kit's build-nanoclr.sh; default the kit's bin/, else the one nanoclr.sh builds and caches in NANOMIKEY_CACHE).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
kit=${NANOFRAMEWORK_KIT:-$root/../shared/tools/nanoframework}

if [ ! -f "$kit/run-tests.sh" ] || [ ! -d "$kit/ref" ]; then
  echo "device tests: NOT RUN, no nanoFramework kit at $kit (set NANOFRAMEWORK_KIT; README.md, "Second stage", says where its pieces come from)"
  exit 3
fi
kit=$(cd "$kit" && pwd)

# The nanoCLR: the kit's prebuilt one when present, else one built from the kit's sources once and cached (nanoclr.sh).
if [ -z "${NF_CLR_DIR:-}" ]; then
  if [ -x "$kit/bin/nanoFramework.nanoCLR.test" ]; then
    NF_CLR_DIR=$kit
  elif ! NF_CLR_DIR=$("$here/nanoclr.sh" "$kit"); then
    echo "device tests: the nanoCLR did not build"
    echo "0 passed, 1 failed"
    exit 1
  fi
fi
export NF_CLR_DIR

# Dependency order for the interpreter: each assembly after those it references (Net after Mikey, Media standalone,
# Rtsp and Sip after Media, Firmware last: it references all of them).
deps=(-r NanoMikey.Crypto.dll -r NanoMikey.Ecc.dll -r NanoMikey.X509.dll -r NanoMikey.Srtp.dll -r NanoMikey.Mikey.dll -r NanoMikey.Mikey.Ecc.dll
      -r NanoMikey.Net.dll -r NanoMikey.Media.dll -r NanoMikey.Rtsp.dll -r NanoMikey.Sip.dll -r NanoMikey.Firmware.dll)
passed=0; failed=0

build() { # build PROJECT LOG [extra msbuild args...]
  local project=$1 log=$2; shift 2
  if ! dotnet build "$project" -c Release -p:NanoFrameworkKit="$kit" "$@" > "$log" 2>&1; then
    grep -E "error|Error" "$log" | sort -u | head -20
    return 1
  fi
}

mkdir -p "$here/obj"
out=$here/bin/Release/netstandard2.0
echo "device tests: building lib/ (nano) and NFUnitTest"
if ! build "$here/OnDevice.Tests.csproj" "$here/obj/build-tests.log"; then
  echo "device tests: the test project did not build (log: $here/obj/build-tests.log)"
  echo "0 passed, 1 failed"
  exit 1
fi

# One NFUnitTest assembly on the interpreter: NF_EXPECT = the number of [TestMethod]s in its sources; each missing result
# (the interpreter stopped early, or crashed) counts as a failure.
run_tests() { # run_tests NAME SOURCES_DIR OUTPUT_DIR ASSEMBLIES...
  local name=$1 sources=$2 dir=$3 expect tlog rc p f; shift 3
  expect=$(cat "$sources"/*.cs | grep -cE '^\s*\[TestMethod\]')
  echo "device tests ($name): running $expect tests on nanoCLR ($NF_CLR_DIR)"
  tlog=$here/obj/$name.out
  ( cd "$dir" && NF_EXPECT=$expect "$kit/run-tests.sh" "$@" NFUnitTest.dll ) > "$tlog" 2>&1
  rc=$?
  grep -E '^Test failed|^run-tests.sh|needs assembly' "$tlog"
  p=$(grep -c '^Test passed,' "$tlog"); f=$(grep -c '^Test failed,' "$tlog")
  passed=$((passed + p)); failed=$((failed + f))
  if [ $((p + f)) -lt "$expect" ]; then
    echo "device tests ($name): $((p + f)) results of $expect (the run stopped early; output: $tlog)"
    failed=$((failed + expect - p - f)); f=$((f + expect - p - f))
  fi
  [ $rc -eq 0 ] || [ $f -gt 0 ] || { failed=$((failed + 1)); f=$((f + 1)); }
  echo "device tests ($name): $p passed, $f failed"
}

run_tests tests "$here/Tests" "$out" "${deps[@]}"

# Issue 14's assemblies (BigNum, Rsa, Mikey.Rsa): a second NFUnitTest assembly (Rsa/OnDevice.Rsa.Tests.csproj), since one
# assembly cannot hold both vector sets (64 KB of array data). Per-test times: NF_CPU_CLOCK=1 makes them interpreter CPU time.
echo "device tests: building the RSA/MODP NFUnitTest"
if build "$here/Rsa/OnDevice.Rsa.Tests.csproj" "$here/obj/build-rsa-tests.log"; then
  run_tests rsa "$here/Rsa/Tests" "$here/Rsa/bin/Release/netstandard2.0" -r NanoMikey.Crypto.dll -r NanoMikey.Ecc.dll -r NanoMikey.X509.dll \
    -r NanoMikey.Srtp.dll -r NanoMikey.Mikey.dll -r NanoMikey.Mikey.Ecc.dll -r NanoMikey.BigNum.dll -r NanoMikey.Rsa.dll -r NanoMikey.Mikey.Rsa.dll
else
  echo "device tests: the RSA/MODP test project did not build (log: $here/obj/build-rsa-tests.log)"
  failed=$((failed + 1))
fi

# One probe scenario under NF_GC_TRACE=1: one result per region (passed when no NFGC line lies between its BEGIN and END),
# and a failure when the probe did not reach PROBE OK.
probe_gc() { # probe_gc SCENARIO HEAP
  local scenario=$1 heap=$2 probe=$here/obj/probe-$1 glog=$here/obj/$1.out regions name n
  echo "allocation check ($scenario): Probe under NF_GC_TRACE=1, NF_HEAP_BYTES=$heap (no collection allowed between PROBE BEGIN and END)"
  if ! build "$here/Probe/Probe.csproj" "$here/obj/build-probe-$scenario.log" -p:ProbeScenario="$scenario"; then
    echo "allocation check: the probe did not build (log: $here/obj/build-probe-$scenario.log)"
    failed=$((failed + 1))
    return
  fi
  rm -rf "$probe" && cp -r "$here/Probe/bin/Release/netstandard2.0" "$probe"
  ( cd "$probe" && NF_TIMEOUT=${NF_TIMEOUT:-1800} NF_GC_TRACE=1 NF_HEAP_BYTES=$heap "$kit/run-pe.sh" "${deps[@]}" NanoMikey.Probe.dll ) > "$glog" 2>&1
  regions=$(awk '/^PROBE BEGIN /{ name = $3; n = 0; on = 1; next }
                 /^PROBE END /  { printf "%s %d\n", name, n; on = 0; next }
                 /^NFGC/        { if (on) n++ }' "$glog")
  while read -r name n; do
    [ -n "$name" ] || continue
    if [ "$n" -eq 0 ]; then echo "Check passed,gc.$name"; passed=$((passed + 1))
    else echo "Check failed,gc.$name,$n garbage collections after warm-up"; failed=$((failed + 1)); fi
  done <<< "$regions"
  grep -E '^PROBE TIME' "$glog"
  if ! grep -q '^PROBE OK' "$glog"; then
    grep -E '^PROBE FAILED|^run-pe.sh' "$glog"
    echo "Check failed,gc.$scenario,the probe did not finish (output: $glog)"
    failed=$((failed + 1))
  fi
}

if [ -z "${ONDEVICE_SKIP_GC:-}" ]; then
  probe_gc gc "${NF_GC_HEAP_BYTES:-131072}"
  # The call between two emulated devices needs ~192 KB live (both devices' state and the nine assemblies' type tables;
  # 200 KB runs out of memory during set-up). 216 KB leaves ~29 KB free at BEGIN: a `new byte[1]` per frame in MediaChannel
  # shows 4 collections in the region (2 at 224 KB), so a larger heap would soon hide a per-frame allocation.
  probe_gc call "${NF_CALL_HEAP_BYTES:-221184}"
fi

# The ESP32 bindings (hardware/Esp32): compiled against the kit's reference assemblies (no natives here to run them on).
if NANOFRAMEWORK_KIT=$kit "$root/hardware/Esp32/build.sh" > "$here/obj/build-esp32.log" 2>&1; then
  echo "Check passed,esp32.build"; passed=$((passed + 1))
else
  grep -E "error" "$here/obj/build-esp32.log" | sort -u | head -20
  echo "Check failed,esp32.build,hardware/Esp32 did not compile against the kit (log: $here/obj/build-esp32.log)"; failed=$((failed + 1))
fi

# The heap budget (issue 10 §2): the sensor must complete with NF_HEAP_BYTES = 32 KB and the intercom call with 64 KB; a heap
# 1 KB smaller is tried too, so the log gives each scenario's smallest heap to 1 KB. Heap use here is decided by fragmentation
# (frames are heap blocks): a one-local change on a hot path has moved the sensor by 1 KB, so CI watches it.
if [ -z "${ONDEVICE_SKIP_HEAP:-}" ]; then
  for hs in sensor:32768 intercom:65536; do
    s=${hs%%:*}; t=${hs#*:}
    hlog=$here/obj/heap-$s.log
    if NANOFRAMEWORK_KIT=$kit HEAP_LO=$((t - 1024)) HEAP_HI=$t bash "$here/heap-budget.sh" "$s" > "$hlog" 2>&1; then
      echo "Check passed,heap.$s,$(awk -v s="$s" '$1 == s { print $2 }' "$hlog") B <= $t B"; passed=$((passed + 1))
    else
      echo "Check failed,heap.$s,does not complete with NF_HEAP_BYTES=$t (log: $hlog)"; failed=$((failed + 1))
    fi
  done
fi

# Issue 15, the native crypto pack: its own stage (Native/run.sh: a nanoCLR with the pack compiled in, NFUnit tests through
# the pack against the managed path, the three start-up outcomes, no-GC regions), then the pack's smoke program on that
# nanoCLR (hardware/Esp32.Native/Smoke/run.sh: the glue checksum and slot-order check, a known answer through every extern).
if [ -z "${ONDEVICE_SKIP_NATIVE:-}" ]; then
  nlog=$here/obj/native.out
  NANOFRAMEWORK_KIT=$kit NF_STOCK_CLR_DIR=$NF_CLR_DIR bash "$here/Native/run.sh" > "$nlog" 2>&1
  nrc=$?
  grep -E '^Check failed|^Test failed|^native pack tests' "$nlog"
  np=0; nf=0
  read -r np nf < <(sed -nE 's/^([0-9]+) passed, ([0-9]+) failed.*/\1 \2/p' "$nlog" | tail -1) || true
  if [ "$nrc" -ne 0 ] && [ "${nf:-0}" -eq 0 ]; then nf=1; fi
  echo "native pack: ${np:-0} passed, ${nf:-0} failed (output: $nlog)"
  passed=$((passed + ${np:-0})); failed=$((failed + ${nf:-0}))
  native_clr=${NANOMIKEY_CACHE:-${HOME:-/tmp}/.cache/nanomikey}/nanoclr-native
  if [ -x "$native_clr/bin/nanoFramework.nanoCLR.test" ] && NANOFRAMEWORK_KIT=$kit NF_CLR_DIR=$native_clr bash "$root/hardware/Esp32.Native/Smoke/run.sh" > "$here/obj/native-smoke.out" 2>&1; then
    echo "Check passed,native.smoke"; passed=$((passed + 1))
  else
    grep -E '^FAIL|FAILED|extern surface|checksum' "$here/obj/native-smoke.out" 2>/dev/null | head -10
    echo "Check failed,native.smoke,the pack's checksum check or smoke program failed (output: $here/obj/native-smoke.out)"; failed=$((failed + 1))
  fi
fi

# The constant-time check (issue 10 §3): one result per secret-dependent operation, on the IL-counting nanoCLR.
if [ -z "${ONDEVICE_SKIP_CT:-}" ]; then
  clog=$here/obj/constant-time.out
  NANOFRAMEWORK_KIT=$kit bash "$here/ConstantTime/run.sh" > "$clog" 2>&1
  crc=$?
  grep -E '^FAIL|^constant-time:' "$clog"
  cp=0; cf=0
  read -r cp cf < <(sed -nE 's/^([0-9]+) passed, ([0-9]+) failed.*/\1 \2/p' "$clog" | tail -1) || true
  if [ "$crc" -ne 0 ] && [ "${cf:-0}" -eq 0 ]; then cf=1; fi
  echo "constant-time: ${cp:-0} passed, ${cf:-0} failed (output: $clog)"
  passed=$((passed + ${cp:-0})); failed=$((failed + ${cf:-0}))
fi

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
