#!/usr/bin/env bash
# The media, Photos/Camera import and video-analysis tests under AddressSanitizer, built into .build-asan.
#
# Why this subset (named in Samples/scripts/sanitized-tests.sh): it is every test that runs Relay's own code against
# FFmpeg, ALSA and the image encoders in-process (RelayMediaTests: decode, sampling, resize, rotation, JPEG/PNG, WAV,
# resampling, capture and playback through ALSA's file plugin; the size matrices; Photos import, Camera photo/clip;
# video analysis). Left out: the CLI tests and the Photos crash-safety/CLI tests (they spawn the `relay` binary, whose
# memory is checked by the in-process tests of the same code), and the speech, model and kit tests (no C buffers
# beyond pocketsphinx's, which take a Swift array's count).
#
# UBSan: Swift 6.3 on Linux rejects -sanitize=undefined, and the C modules are header-only shims, so there is nothing
# to build with it. What ASan cannot see: writes done *inside* FFmpeg (not instrumented) into our memory, such as the
# libswscale overrun of issue #11, are not reported; Samples/scripts/fuzz.sh and the size matrices cover that path.
#
# Leaks: LeakSanitizer stays on for everything Relay allocates, FFmpeg's allocations made on our behalf included.
# Samples/scripts/lsan.supp suppresses only XCTest's own exit-time leak (swift test runs XCTest's runner first, even
# with no XCTest tests, and it leaks 144 bytes of suite objects); add runtime frames there, never turn detection off.
set -euo pipefail
cd "$(dirname "$0")/../.."
source Samples/scripts/sanitized-tests.sh   # SANITIZED_TESTS: the set, shared with test.sh (which skips it)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/Samples/scripts/lsan.supp:print_suppressions=0}
# The build also makes the Fuzz/ targets real fuzzers (fuzz.sh smoke runs them from here); see sanitizer-flags.sh.
source Samples/scripts/sanitizer-flags.sh
swift build --build-tests --scratch-path .build-asan "${SANITIZED_BUILD_FLAGS[@]}" 2>&1 \
    | grep -v '^\[' | grep -v "Cannot export local symbol" || true
# MemoryTests are left out here and run in test.sh's main run (see sanitized-tests.sh).
swift test --skip-build --scratch-path .build-asan --filter "$SANITIZED_TESTS" --skip MemoryTests 2>&1 \
    | tee /tmp/relay-test-sanitized.log | grep -E "✘|AddressSanitizer|LeakSanitizer|SUMMARY|Test run with|error:" ; exit "${PIPESTATUS[0]}"
