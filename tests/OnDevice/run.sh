#!/usr/bin/env bash
# The device-test stage: our code on nanoFramework's own interpreter (nanoCLR for Linux, from the nanoFramework kit).
#   tests/OnDevice/run.sh
# 1. builds the nano flavour of lib/ and the NFUnitTest assembly (OnDevice.Tests.csproj) against the kit's ref/;
# 2. runs the tests with the kit's run-tests.sh, NF_EXPECT = the number of [TestMethod]s in Tests/ (a run that stops early fails);
# 3. the allocation check (issue 10 §2): Probe (ProbeScenario=gc) under NF_GC_TRACE=1 with a small heap; every region between
#    "PROBE BEGIN x" and "PROBE END x" (10 000 SRTP packets each way per transform, 1 000 MIKEY parses and builds) must show
#    no NFGC line; each region is one check result.
# Last line: "N passed, N failed" (tests + checks). Exit 0 all passed, 1 something failed, 3 the stage did not run (no kit).
# Env: NANOFRAMEWORK_KIT (default: <repo root>/../shared/tools/nanoframework), NF_GC_HEAP_BYTES (the check's heap, default
#      131072), ONDEVICE_SKIP_GC=1 (tests only), NF_CLR_DIR (a nanoCLR already built with the kit's build-nanoclr.sh).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
kit=${NANOFRAMEWORK_KIT:-$root/../shared/tools/nanoframework}

if [ ! -f "$kit/run-tests.sh" ] || [ ! -d "$kit/ref" ]; then
  echo "device tests: NOT RUN, no nanoFramework kit at $kit (set NANOFRAMEWORK_KIT; README.md, "Second stage", says where its pieces come from)"
  exit 3
fi
kit=$(cd "$kit" && pwd)

# The nanoCLR: the kit's prebuilt one when present, else one built from the kit's sources once (about 2 minutes; kept in obj/).
if [ -z "${NF_CLR_DIR:-}" ]; then
  if [ -x "$kit/bin/nanoFramework.nanoCLR.test" ]; then
    NF_CLR_DIR=$kit
  else
    NF_CLR_DIR=$here/obj/nanoclr
    if [ ! -x "$NF_CLR_DIR/bin/nanoFramework.nanoCLR.test" ]; then
      echo "device tests: building the nanoCLR from the kit's sources into $NF_CLR_DIR"
      if ! "$kit/build-nanoclr.sh" "$NF_CLR_DIR" > "$here/obj/nanoclr-build.log" 2>&1; then
        tail -20 "$here/obj/nanoclr-build.log"
        echo "device tests: the nanoCLR did not build (log: $here/obj/nanoclr-build.log)"
        echo "0 passed, 1 failed"
        exit 1
      fi
    fi
  fi
fi
export NF_CLR_DIR

# Dependency order for the interpreter: each assembly after those it references.
deps=(-r NanoMikey.Crypto.dll -r NanoMikey.Ecc.dll -r NanoMikey.X509.dll -r NanoMikey.Srtp.dll -r NanoMikey.Mikey.dll -r NanoMikey.Mikey.Ecc.dll)
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

# The number of results the launcher must print: one per [TestMethod] in the sources.
expect=$(cat "$here"/Tests/*.cs | grep -cE '^\s*\[TestMethod\]')
echo "device tests: running $expect tests on nanoCLR ($NF_CLR_DIR)"
tlog=$here/obj/tests.out
( cd "$out" && NF_EXPECT=$expect "$kit/run-tests.sh" "${deps[@]}" NFUnitTest.dll ) > "$tlog" 2>&1
rc=$?
grep -E '^Test failed|^run-tests.sh|needs assembly' "$tlog"
p=$(grep -c '^Test passed,' "$tlog"); f=$(grep -c '^Test failed,' "$tlog")
passed=$((passed + p)); failed=$((failed + f))
# Results missing (the interpreter stopped early, or crashed): each missing one counts as a failure.
if [ $((p + f)) -lt "$expect" ]; then
  echo "device tests: $((p + f)) results of $expect (the run stopped early; output: $tlog)"
  failed=$((failed + expect - p - f))
fi
[ $rc -eq 0 ] || [ $failed -gt 0 ] || failed=$((failed + 1))
echo "device tests: $p passed, $f failed"

if [ -z "${ONDEVICE_SKIP_GC:-}" ]; then
  heap=${NF_GC_HEAP_BYTES:-131072}
  echo "allocation check: Probe under NF_GC_TRACE=1, NF_HEAP_BYTES=$heap (no collection allowed between PROBE BEGIN and END)"
  probe=$here/obj/probe-gc
  if ! build "$here/Probe/Probe.csproj" "$here/obj/build-probe-gc.log" -p:ProbeScenario=gc; then
    echo "allocation check: the probe did not build (log: $here/obj/build-probe-gc.log)"
    failed=$((failed + 1))
  else
    rm -rf "$probe" && cp -r "$here/Probe/bin/Release/netstandard2.0" "$probe"
    glog=$here/obj/gc.out
    ( cd "$probe" && NF_TIMEOUT=${NF_TIMEOUT:-1800} NF_GC_TRACE=1 NF_HEAP_BYTES=$heap "$kit/run-pe.sh" "${deps[@]}" NanoMikey.Probe.dll ) > "$glog" 2>&1
    # One result per region: passed when no NFGC line lies between its BEGIN and END.
    regions=$(awk '/^PROBE BEGIN /{ name = $3; n = 0; on = 1; next }
                   /^PROBE END /  { printf "%s %d\n", name, n; on = 0; next }
                   /^NFGC/        { if (on) n++ }' "$glog")
    while read -r name n; do
      [ -n "$name" ] || continue
      if [ "$n" -eq 0 ]; then echo "Check passed,gc.$name"; passed=$((passed + 1))
      else echo "Check failed,gc.$name,$n garbage collections after warm-up"; failed=$((failed + 1)); fi
    done <<< "$regions"
    if ! grep -q '^PROBE OK' "$glog"; then
      grep -E '^PROBE FAILED|^run-pe.sh' "$glog"
      echo "Check failed,gc.probe,the probe did not finish (output: $glog)"
      failed=$((failed + 1))
    fi
  fi
fi

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
