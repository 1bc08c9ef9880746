#!/usr/bin/env bash
# Coverage-guided fuzzing of every parser (issue 16): builds tests/Fuzz/NanoMikey.Fuzz, instruments the NanoMikey assemblies
# with SharpFuzz (the local dotnet tool of .config/dotnet-tools.json), runs each target under afl-fuzz for a time budget,
# and fails on any crash, hang or contract violation. Prints per target "executions, paths, crashes, hangs" and ends with
# one line "N passed, N failed" (one result per target).
#
#   tests/Fuzz/run.sh [--budget SECONDS] [--target NAME]... [--jobs N] [--long] [--work DIR]
#
#   --budget S   seconds of fuzzing per target (default 60; --long: 3600)
#   --target T   only this target (repeatable); `--target list` prints the names
#   --jobs N     targets fuzzed at once (default 2: the 18 targets at 60 s fit 15 minutes on 2 cores)
#   --long       a deep run: default budget 3600 s, one job, the work folder kept and resumed (AFL_AUTORESUME)
#   --work DIR   where the build, the instrumented assemblies and afl's output go (default tests/Fuzz/work, git-ignored)
#   --cmin       instead of fuzzing: minimise tests/Fuzz/corpus/TARGET in place with afl-cmin (the generated-* seeds stay)
#
# Needs afl-fuzz (Debian package afl++) and the .NET SDK; the SharpFuzz tool is restored from NuGet by `dotnet tool restore`.
set -u -o pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BUDGET=""
JOBS=""
LONG=0
CMIN=0
WORK="$HERE/work"
TARGETS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --budget) BUDGET="$2"; shift 2 ;;
    --target) TARGETS+=("$2"); shift 2 ;;
    --jobs) JOBS="$2"; shift 2 ;;
    --long) LONG=1; shift ;;
    --cmin) CMIN=1; shift ;;
    --work) WORK="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ "$LONG" = 1 ]; then BUDGET="${BUDGET:-3600}"; JOBS="${JOBS:-1}"; else BUDGET="${BUDGET:-60}"; JOBS="${JOBS:-2}"; fi

command -v afl-fuzz >/dev/null || { echo "run.sh: afl-fuzz not found (apt-get install afl++)"; echo "0 passed, 1 failed"; exit 1; }

OUT="$WORK/out"
PLAIN="$WORK/plain"
echo "== build and instrument ($OUT)"
rm -rf "$OUT" "$PLAIN"
mkdir -p "$WORK"
(cd "$ROOT" && dotnet tool restore >/dev/null) || { echo "dotnet tool restore failed"; echo "0 passed, 1 failed"; exit 1; }
if ! dotnet publish "$HERE/NanoMikey.Fuzz/NanoMikey.Fuzz.csproj" -c Release -o "$PLAIN" -p:UseAppHost=false >"$WORK/publish.log" 2>&1; then
  tail -30 "$WORK/publish.log"; echo "0 passed, 1 failed"; exit 1
fi
# Two copies: the instrumented one for afl-fuzz, the plain one to replay what it saved (instrumented code runs only under afl).
cp -r "$PLAIN" "$OUT"
# The parsers and protocol code are instrumented; the primitives (AES, SHA, HMAC, P-256, bignum) are not: their loops do not
# depend on the input's structure and instrumenting them only slows every execution down.
for a in Mikey Mikey.Ecc Mikey.Rsa Mikey.Rendering X509 Srtp Rtsp Sip Net Rsa; do
  if ! (cd "$ROOT" && dotnet tool run sharpfuzz "$OUT/NanoMikey.$a.dll") >"$WORK/sharpfuzz-$a.log" 2>&1; then
    cat "$WORK/sharpfuzz-$a.log"; echo "0 passed, 1 failed"; exit 1
  fi
done
FUZZ=(dotnet "$OUT/NanoMikey.Fuzz.dll")
REPLAY=(dotnet "$PLAIN/NanoMikey.Fuzz.dll")
if [ "${#TARGETS[@]}" -eq 1 ] && [ "${TARGETS[0]}" = list ]; then "${REPLAY[@]}" --list; exit 0; fi
if [ "${#TARGETS[@]}" -eq 0 ]; then mapfile -t TARGETS < <("${REPLAY[@]}" --list); fi

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1
export AFL_FORKSRV_INIT_TMOUT=120000 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_TieredCompilation=0
export FUZZ_REPO_ROOT="$ROOT"
[ "$LONG" = 1 ] && export AFL_AUTORESUME=1

fuzz_one() {
  local t="$1" dir="$WORK/findings/$1" timeout=2000 maxlen=65536 dict=()
  case "$t" in responder-*|x509) timeout=20000 ;; esac
  case "$t" in
    sip-message) dict=(-x "$HERE/dict/sip.dict" -x "$HERE/dict/sdp.dict") ;;
    rtsp-request|rtsp-keymgmt) dict=(-x "$HERE/dict/rtsp.dict") ;;
    sdp-keymgmt) dict=(-x "$HERE/dict/sdp.dict") ;;
  esac
  [ "$LONG" = 1 ] || rm -rf "$dir"
  mkdir -p "$dir"
  local input=(-i "$HERE/corpus/$t")
  [ "$LONG" = 1 ] && [ -d "$dir/default/queue" ] && input=(-i -)
  local rc attempt
  for attempt in 1 2 3; do
    afl-fuzz "${input[@]}" -o "$dir" -V "$BUDGET" -t "$timeout" -m none -G "$maxlen" "${dict[@]}" -- "${FUZZ[@]}" "$t" >"$dir/afl.log" 2>&1
    rc=$?
    # Now and then the first dry run of a SharpFuzz target sees an empty coverage map ("No instrumentation detected",
    # seen 2 times in about 60 starts on a loaded machine): start again, resuming what is there.
    if [ "$rc" = 0 ] || ! grep -q "No instrumentation detected" "$dir/afl.log"; then break; fi
    echo "$t: afl-fuzz saw no instrumentation on its first run (attempt $attempt), starting again" >&2
    [ -d "$dir/default/queue" ] && input=(-i -) && export AFL_AUTORESUME=1
  done
  echo "$rc" >"$dir/afl.rc"
}

summary() {
  local t="$1" dir="$WORK/findings/$1" s="$WORK/findings/$1/default/fuzzer_stats"
  local rc; rc="$(cat "$dir/afl.rc" 2>/dev/null || echo 1)"
  if [ ! -f "$s" ]; then
    echo "$t: afl-fuzz did not run (exit $rc):"; grep -E "PROGRAM ABORT|ERROR|Stop location|contract|Exception" "$dir/afl.log" | head -5 | sed 's/\x1b\[[0-9;]*m//g'
    return 1
  fi
  local ex paths cr hg
  ex=$(awk -F': ' '/^execs_done/{print $2}' "$s"); paths=$(awk -F': ' '/^corpus_count/{print $2}' "$s")
  cr=$(awk -F': ' '/^saved_crashes/{print $2}' "$s"); hg=$(awk -F': ' '/^saved_hangs/{print $2}' "$s")
  printf '%s: executions %s, paths %s, crashes %s, hangs %s\n' "$t" "$ex" "$paths" "$cr" "$hg"
  if [ "${cr:-1}" != 0 ] || [ "${hg:-1}" != 0 ] || [ "$rc" != 0 ]; then
    # Replay the saved inputs in-process: the contract violation or exception, named.
    for f in "$dir"/default/crashes/id:* "$dir"/default/hangs/id:*; do
      [ -f "$f" ] || continue
      echo "  $(basename "$(dirname "$f")")/$(basename "$f"):"
      FUZZ_TIME_SCALE=1 timeout 60 "${REPLAY[@]}" "$t" "$f" 2>&1 | grep -v "^   at \|inputs replayed" | head -3 | sed 's/^/    /'
    done
    return 1
  fi
  return 0
}

if [ "$CMIN" = 1 ]; then
  DOTNET="$(readlink -f "$(command -v dotnet)")"
  for t in "${TARGETS[@]}"; do
    rm -rf "$WORK/cmin/$t"; mkdir -p "$WORK/cmin"
    (cd "$WORK/cmin" && afl-cmin -i "$HERE/corpus/$t" -o "$t" -t 20000 -m none -- "$DOTNET" "$OUT/NanoMikey.Fuzz.dll" "$t" >"$t.log" 2>&1) \
      || { echo "$t: afl-cmin failed (see $WORK/cmin/$t.log)"; continue; }
    before=$(ls "$HERE/corpus/$t" | wc -l)
    find "$HERE/corpus/$t" -type f ! -name 'generated-*' -delete
    for f in "$WORK/cmin/$t"/*; do b="$(basename "$f")"; [ -f "$HERE/corpus/$t/$b" ] || cp "$f" "$HERE/corpus/$t/$b"; done
    echo "$t: $before -> $(ls "$HERE/corpus/$t" | wc -l) files"
  done
  exit 0
fi

echo "== fuzzing ${#TARGETS[@]} targets, $BUDGET s each, $JOBS at a time (work: $WORK)"
running=0
for t in "${TARGETS[@]}"; do
  if [ ! -d "$HERE/corpus/$t" ]; then echo "run.sh: no corpus for target $t" >&2; mkdir -p "$WORK/findings/$t"; echo 1 >"$WORK/findings/$t/afl.rc"; continue; fi
  fuzz_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$JOBS" ]; then wait -n; running=$((running - 1)); fi
done
wait

passed=0; failed=0
echo "== results"
for t in "${TARGETS[@]}"; do
  if summary "$t"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
