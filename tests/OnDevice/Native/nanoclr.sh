#!/usr/bin/env bash
# Prints the folder of a nanoCLR with the native crypto pack compiled in, building it once when needed:
#   tests/OnDevice/Native/nanoclr.sh KIT
# Built by the kit's build-nanoclr.sh from hardware/Esp32.Native/native/NanoMikey.Esp32.NativeCrypto<generation> and
# .../NanoMikey.Esp32.Native.Probe (the glue + the C core over Debian's mbedTLS), cached in $NANOMIKEY_CACHE/nanoclr-native
# (default $HOME/.cache/nanomikey) and rebuilt only when a stamp over everything build-nanoclr.sh reads from the kit and over
# the pack's native sources changes (about 2 minutes on 2 cores; a glue change alone recompiles in seconds, the work dir is
# kept). Progress goes to stderr; exit 0 with the folder on stdout, 1 when the build failed or the sources are missing.
# Used by tests/OnDevice/Native/run.sh and tools/NanoMikey.DeviceBench/run.sh.
set -uo pipefail
kit=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
native=$(cd "$here/../../.." && pwd)/hardware/Esp32.Native/native
pack=$(ls -d "$native"/NanoMikey.Esp32.NativeCrypto* 2>/dev/null | head -1)
probe=$native/NanoMikey.Esp32.Native.Probe
if [ -z "$pack" ] || [ ! -d "$probe" ]; then
  echo "nanoCLR (native pack): $native has no NanoMikey.Esp32.NativeCrypto* or NanoMikey.Esp32.Native.Probe folder" >&2
  exit 1
fi
cache=${NANOMIKEY_CACHE:-${HOME:-/tmp}/.cache/nanomikey}
clr=$cache/nanoclr-native
stamp=$( (cd "$kit" && cat build-nanoclr.sh src/nf-interpreter-posix.tar.gz patches/*.patch lib/nfkit-interop.cmake) \
  | cat - $(find "$native" -type f | LC_ALL=C sort) | sha256sum | cut -c1-16)
if [ "$(cat "$clr/.nanomikey-stamp" 2>/dev/null)" = "$stamp" ] && [ -x "$clr/bin/nanoFramework.nanoCLR.test" ]; then
  echo "$clr"; exit 0
fi
echo "nanoCLR (native pack): building it with $(basename "$pack") into $clr (about 2 minutes)" >&2
t0=$(date +%s)
mkdir -p "$cache"; rm -rf "$clr"
log=$cache/nanoclr-native-build.log
if ! "$kit/build-nanoclr.sh" -w "$cache/nanoclr-native-work" -i "$pack" -i "$probe" "$clr" > "$log" 2>&1; then
  tail -30 "$log" >&2
  echo "nanoCLR (native pack): build-nanoclr.sh failed (log: $log; needs cmake, ninja, g++ and libmbedtls-dev)" >&2
  exit 1
fi
echo "$stamp" > "$clr/.nanomikey-stamp"
echo "nanoCLR (native pack): built in $(( $(date +%s) - t0 )) s" >&2
echo "$clr"
