#!/usr/bin/env bash
# Checks that each nanoCLR glue under hardware/Esp32.Native/native matches its managed interop assembly, as nanoCLR
# will check at start-up (kit README "Native interop"):
#   1. the native checksum the glue carries equals the uint32 at offset 0x14 of the .pe the MetadataProcessor wrote;
#   2. method_lookup[] has one slot per method in the .pe's order (from the .pdbx): NULL for IL methods, and for each
#      extern the handler named after it (the externs' MethodDef tokens follow their declaration order in the C# class);
#   3. the pack's ABI generation agrees everywhere (Interop.csproj, nm_pack.h, the glue's folder and symbol).
# Usage: check-checksum.sh [--probe-only] DIR     (DIR holds the .pe/.pdbx files; build.sh runs this)
# Exit 0 when everything matches; 1 with a plain-words reason otherwise; 2 usage.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
probe_only=0
if [ "${1:-}" = "--probe-only" ]; then probe_only=1; shift; fi
[ $# -eq 1 ] && [ -d "$1" ] || { echo "usage: check-checksum.sh [--probe-only] DIR_WITH_PE_FILES" >&2; exit 2; }
dir=$1
fail=0
problem() { echo "check-checksum: $*" >&2; fail=1; }

pe_sum() { printf '0x%08X' "0x$(od -An -tx4 --endian=little -j20 -N4 "$1" | tr -d ' ')"; }

# "slot TOKEN extern|il" lines from a .pdbx, in nanoCLR slot order
pdbx_slots() {
  sed 's/<Method>/\n&/g' "$1" | sed -n 's#.*<CLR>\(0x06[0-9A-Fa-f]*\)</CLR><nanoCLR>0x06\([0-9A-Fa-f]*\)</nanoCLR></Token>\(<HasByteCode>false\)\{0,1\}.*#\2 \1 \3#p' |
    sort | awk '{ print $2, ($3 == "" ? "il" : "extern") }'
}

# method_lookup[] entries of a glue file, one per line: NULL or the handler name
glue_slots() {
  awk '/method_lookup\[\] *=/ { on = 1; next } on && /^};/ { exit } on' "$1" | sed 's#//.*##' | tr -d ' \t' | tr ',' '\n' | sed '/^[{}]*$/d'
}

# extern names in declaration order of a C# file
extern_names() { sed -n 's/.*static extern [^(]* \([A-Za-z0-9_]*\)(.*/\1/p' "$1"; }

check_slots() { # NAME PDBX GLUE CS
  local name=$1 pdbx=$2 glue=$3 cs=$4
  mapfile -t slots < <(pdbx_slots "$pdbx")
  mapfile -t entries < <(glue_slots "$glue")
  mapfile -t names < <(extern_names "$cs")
  mapfile -t tokens < <(printf '%s\n' "${slots[@]}" | awk '$2 == "extern" { print $1 }' | sort)
  if [ "${#tokens[@]}" -ne "${#names[@]}" ]; then
    problem "$name: the .pdbx lists ${#tokens[@]} externs but $(basename "$cs") declares ${#names[@]}"; return
  fi
  if [ "${#slots[@]}" -ne "${#entries[@]}" ]; then
    problem "$name: method_lookup[] in $(basename "$glue") has ${#entries[@]} slots but the .pe has ${#slots[@]} methods: the slot table does not match the assembly"
    return
  fi
  local i tok kind want got
  for i in "${!slots[@]}"; do
    read -r tok kind <<< "${slots[$i]}"
    got=${entries[$i]}
    if [ "$kind" = il ]; then
      [ "$got" = NULL ] || problem "$name: slot $i is an IL method in the .pe but method_lookup[$i] is $got (expected NULL): the slot order is wrong"
    else
      want=
      for j in "${!tokens[@]}"; do [ "${tokens[$j]}" = "$tok" ] && want=${names[$j]}; done
      case $got in
        "$want"___*) ;;
        *) problem "$name: slot $i of the .pe is the extern $want but method_lookup[$i] is ${got:-missing}: the slot order is wrong";;
      esac
    fi
  done
}

# --- the frozen probe
probe_pe=$dir/NanoMikey.Esp32.Native.Probe.pe
probe_glue=$here/native/NanoMikey.Esp32.Native.Probe/NanoMikey_Esp32_Native_Probe.cpp
if [ ! -f "$probe_pe" ] || [ ! -f "${probe_pe%.pe}.pdbx" ]; then
  problem "no $probe_pe (+ .pdbx): build with hardware/Esp32.Native/build.sh first"
else
  want=$(pe_sum "$probe_pe")
  have=$(awk '/"NanoMikey.Esp32.Native.Probe",/ { getline; if (match($0, /0x[0-9A-Fa-f]+/)) print toupper(substr($0, RSTART + 2, RLENGTH - 2)); exit }' "$probe_glue")
  if [ "0x$have" != "$want" ]; then
    problem "the frozen probe assembly changed: NanoMikey.Esp32.Native.Probe.pe has checksum $want, its glue carries 0x$have; hardware/Esp32.Native/Probe must never change (revert it)"
  fi
  check_slots NanoMikey.Esp32.Native.Probe "${probe_pe%.pe}.pdbx" "$probe_glue" "$here/Probe/NativeProbe.cs"
  [ $fail = 1 ] || echo "probe: NanoMikey.Esp32.Native.Probe checksum $want, slots match"
fi

if [ $probe_only = 0 ]; then
  # --- the pack
  pack_h=$here/native/core/nm_pack.h
  gen=$(sed -n 's/^#define NM_PACK_GENERATION \([0-9]*\).*/\1/p' "$pack_h")
  asm=$(sed -n 's/^#define NM_PACK_ASSEMBLY "\(.*\)".*/\1/p' "$pack_h")
  sum=$(sed -n 's/^#define NM_PACK_CHECKSUM 0x\([0-9A-Fa-f]*\).*/\1/p' "$pack_h" | tr a-f A-F)
  csgen=$(sed -n 's#.*<NativeCryptoGeneration[^>]*>\([0-9]*\)</NativeCryptoGeneration>.*#\1#p' "$here/Interop/Interop.csproj" | head -1)
  [ "$asm" = "NanoMikey.Esp32.NativeCrypto$gen" ] || problem "nm_pack.h: NM_PACK_ASSEMBLY \"$asm\" does not end in its NM_PACK_GENERATION $gen"
  [ "$csgen" = "$gen" ] || problem "the ABI generation differs: Interop.csproj NativeCryptoGeneration is $csgen, nm_pack.h NM_PACK_GENERATION is $gen"
  glue_dir=$here/native/$asm
  glue=$glue_dir/${asm//./_}.cpp
  if [ ! -f "$glue" ]; then
    problem "no glue $glue: the pack's native folder must be named after its assembly ($asm)"
  else
    grep -q "g_CLR_AssemblyNative_${asm//./_} *=" "$glue" || problem "$glue does not define g_CLR_AssemblyNative_${asm//./_}"
    grep -q "set(NFI_ASSEMBLY $asm)" "$glue_dir/nfinterop.cmake" || problem "$glue_dir/nfinterop.cmake does not set NFI_ASSEMBLY $asm"
  fi
  pe=$dir/$asm.pe
  if [ ! -f "$pe" ] || [ ! -f "$dir/$asm.pdbx" ]; then
    problem "no $pe (+ .pdbx): build with hardware/Esp32.Native/build.sh first"
  else
    want=$(pe_sum "$pe")
    if [ "0x$sum" != "$want" ]; then
      problem "extern surface changed: $asm.pe has native checksum $want but the glue carries 0x$sum (nm_pack.h): bump the ABI generation (Interop.csproj NativeCryptoGeneration, nm_pack.h NM_PACK_GENERATION/NM_PACK_ASSEMBLY, rename native/$asm and its symbol), put $want in NM_PACK_CHECKSUM, and rebuild the image"
    fi
    [ -f "$glue" ] && check_slots "$asm" "$dir/$asm.pdbx" "$glue" "$here/Interop/NativeCryptoPack.cs"
    [ $fail = 1 ] || echo "pack: $asm checksum $want, $(pdbx_slots "$dir/$asm.pdbx" | wc -l) slots match"
  fi
fi

if [ $fail = 1 ]; then
  echo "check-checksum: FAILED: the image built from hardware/Esp32.Native/native would not match these assemblies" >&2
  exit 1
fi
echo "check-checksum: ok"
