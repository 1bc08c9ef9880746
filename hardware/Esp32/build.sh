#!/usr/bin/env bash
# Builds the ESP32 bindings (hardware/Esp32) against the nanoFramework kit's reference assemblies.
# The kit folder comes from NANOFRAMEWORK_KIT (the device-test stage passes it); there is no default here.
# Usage: NANOFRAMEWORK_KIT=/path/to/kit hardware/Esp32/build.sh [-c Release|Debug] [extra dotnet build args]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
kit="${NANOFRAMEWORK_KIT:-}"
if [ -z "$kit" ]; then
  echo "hardware/Esp32/build.sh: NANOFRAMEWORK_KIT is not set (the nanoFramework kit folder, with ref/mscorlib.dll)" >&2
  exit 2
fi
if [ ! -f "$kit/ref/mscorlib.dll" ]; then
  echo "hardware/Esp32/build.sh: NANOFRAMEWORK_KIT=$kit has no ref/mscorlib.dll (kit absent or not a kit folder)" >&2
  exit 2
fi
kit="$(cd "$kit" && pwd)"
config=Release
if [ "${1:-}" = "-c" ] && [ -n "${2:-}" ]; then config="$2"; shift 2; fi
exec dotnet build "$here/Hardware.Esp32.csproj" -c "$config" -nologo -p:NanoFrameworkKit="$kit" "$@"
