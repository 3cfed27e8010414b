#ifndef RELAY_CFUZZSUPPORT_H
#define RELAY_CFUZZSUPPORT_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point for programs that keep their own `main` (compiler-rt's libclang_rt.fuzzer_no_main).
/// Declared here because Swift cannot declare a C function; it is only referenced (and only linked) in builds made
/// by Samples/scripts/fuzz.sh, which define FUZZING. A normal `swift build` never calls it, so links without it.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
