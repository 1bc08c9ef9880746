#!/usr/bin/env bash
# Prints the folder of a nanoCLR for the device stage, building it once when needed:
#   tests/OnDevice/nanoclr.sh KIT
# The nanoCLR is the kit's, built by its build-nanoclr.sh with the IL instruction counter's interop assembly
# (examples/ilcount/native/NfKit.Diagnostics): the counters are inert unless NF_IL_COUNT is set, so one build serves the
# tests, the allocation check and the constant-time check. It is cached in $NANOMIKEY_CACHE/nanoclr-ilcount (default
# $HOME/.cache/nanomikey) and rebuilt only when a stamp over everything build-nanoclr.sh reads from the kit changes
# (about 2 minutes on 2 cores). Progress goes to stderr; exit 0 with the folder on stdout, 1 when the build failed.
set -uo pipefail
kit=$(cd "$1" && pwd)
native=$kit/examples/ilcount/native/NfKit.Diagnostics
cache=${NANOMIKEY_CACHE:-${HOME:-/tmp}/.cache/nanomikey}
clr=$cache/nanoclr-ilcount
stamp=$(cd "$kit" && cat build-nanoclr.sh src/nf-interpreter-posix.tar.gz patches/*.patch lib/nfkit-interop.cmake "$native"/* \
  | sha256sum | cut -c1-16)
if [ "$(cat "$clr/.nanomikey-stamp" 2>/dev/null)" = "$stamp" ] && [ -x "$clr/bin/nanoFramework.nanoCLR.test" ]; then
  echo "$clr"; exit 0
fi
echo "nanoCLR: building it from the kit's sources into $clr (about 2 minutes)" >&2
t0=$(date +%s)
mkdir -p "$cache"; rm -rf "$clr"
log=$cache/nanoclr-ilcount-build.log
if ! "$kit/build-nanoclr.sh" -w "$cache/nanoclr-ilcount-work" -i "$native" "$clr" > "$log" 2>&1; then
  tail -30 "$log" >&2
  echo "nanoCLR: build-nanoclr.sh failed (log: $log)" >&2
  exit 1
fi
echo "$stamp" > "$clr/.nanomikey-stamp"
echo "nanoCLR: built in $(( $(date +%s) - t0 )) s" >&2
echo "$clr"
