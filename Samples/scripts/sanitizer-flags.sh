# Sourced by test-sanitized.sh and fuzz.sh: the flags of the instrumented build.
#
# AddressSanitizer in every module, plus libFuzzer's coverage instrumentation (-sanitize-coverage=edge,trace-cmp,
# inline-8bit-counters,pc-table, what -fsanitize=fuzzer uses) and -DFUZZING, and compiler-rt's
# libclang_rt.fuzzer_no_main on the link line. One build then serves both the sanitized tests and the Fuzz/ targets,
# which enter libFuzzer through LLVMFuzzerRunDriver (Fuzz/FuzzHarness): SwiftPM links executables with
# `--defsym main=<module>_main`, which clashes with the `main` that -sanitize=fuzzer's runtime brings. Executables that
# never call into libFuzzer only take its coverage callbacks from the archive.
swiftc_path=$(readlink -f "$(command -v swiftc)")
FUZZ_RUNTIME=$(dirname "$swiftc_path")/../lib/swift/clang/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a
[[ -f $FUZZ_RUNTIME ]] || { echo "sanitizer-flags.sh: $FUZZ_RUNTIME not found: this toolchain has no libFuzzer runtime" >&2; exit 1; }
# Package.swift then leaves out what neither the sanitized tests nor the fuzz targets use (the CLI, MCP, the encoder).
export RELAY_INSTRUMENTED_SUBSET=1
SANITIZED_BUILD_FLAGS=(
    -Xswiftc -sanitize=address
    -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table
    -Xswiftc -DFUZZING
    -Xlinker "$FUZZ_RUNTIME" -Xlinker -lstdc++
)
