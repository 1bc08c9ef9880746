//
// nanoCLR glue of the frozen probe assembly NanoMikey.Esp32.Native.Probe (managed side:
// hardware/Esp32.Native/Probe/NativeProbe.cs). Its one extern never changes, so its checksum below never changes:
// any application can call it on any image without nanoCLR refusing start-up. The text comes from the pack's core
// (nm_describe, ../core/nm_describe.c), so this folder is built together with the pack's folder.
//

#include <nanoCLR_Interop.h>
#include <nanoCLR_Runtime.h>
#include <nanoCLR_Checks.h>

#include "../core/nm_core.h"

// static int Describe(byte[] buffer, int offset)
static HRESULT Describe___STATIC__I4__SZARRAY_U1__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    CLR_RT_HeapBlock_Array *buffer = stack.Arg0().DereferenceArray();
    CLR_INT32 offset = stack.Arg1().NumericByRef().s4;
    int n;
    FAULT_ON_NULL(buffer);
    if (offset < 0 || (CLR_UINT32)offset > buffer->m_numOfElements)
        NANOCLR_SET_AND_LEAVE(CLR_E_INDEX_OUT_OF_RANGE);
    n = nm_describe(buffer->GetElement((CLR_UINT32)offset), buffer->m_numOfElements - (CLR_UINT32)offset);
    if (n == NM_E_FAIL)
        NANOCLR_SET_AND_LEAVE(CLR_E_FAIL);
    stack.SetResult_I4(n);
    NANOCLR_NOCLEANUP();
}

// clang-format off

// Slots of NanoMikey.Esp32.Native.Probe.pe: 0 a compiler-generated attribute .ctor (IL), 1 NativeProbe.Describe.
static const CLR_RT_MethodHandler method_lookup[] =
{
    NULL,
    Describe___STATIC__I4__SZARRAY_U1__I4,
};

extern const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_NanoMikey_Esp32_Native_Probe; // '.' -> '_'
const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_NanoMikey_Esp32_Native_Probe =
{
    "NanoMikey.Esp32.Native.Probe",
    0xB6728C1A,                 // frozen: the uint32 at offset 0x14 of NanoMikey.Esp32.Native.Probe.pe
    method_lookup,
    { 1, 0, 0, 0 }              // AssemblyNativeVersion("1.0.0.0")
};

// clang-format on
