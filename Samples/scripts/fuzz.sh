#!/usr/bin/env bash
# libFuzzer + AddressSanitizer runs of the fuzz targets in Fuzz/ (see docs/architecture.md, "Memory safety").
#
#   fuzz.sh smoke                      every target briefly (≤ 2 min of fuzzing in all, after the build): for the test script
#   fuzz.sh campaign SECONDS [TARGET…] each target (default: all) for SECONDS, corpus kept in .build-fuzz/corpus/TARGET
#   fuzz.sh build                      only build the instrumented targets into .build-fuzz/release/
#
# Findings (crash-*, leak-*, timeout-*, oom-*) land in .build-fuzz/findings/TARGET/ (not artifacts/: SwiftPM owns that) and fail the run; replay one with
# the normal build: `swift run FuzzMedia .build-fuzz/findings/FuzzMedia/crash-…` (or the instrumented binary).
#
# How it is built: every module gets AddressSanitizer and libFuzzer's coverage instrumentation
# (-sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table, what -fsanitize=fuzzer uses) and -DFUZZING, and the
# executables link compiler-rt's libclang_rt.fuzzer_no_main: SwiftPM links executables with
# `--defsym main=<module>_main`, which clashes with the `main` of -sanitize=fuzzer's runtime, so each target keeps its
# own main and enters libFuzzer through LLVMFuzzerRunDriver (Fuzz/FuzzHarness). FFmpeg itself is the system library:
# not instrumented, so its own bugs show as crashes (SEGV) rather than as ASan reports, and its coverage is not seen.
set -euo pipefail
cd "$(dirname "$0")/../.."
TARGETS=(FuzzMedia FuzzFrames FuzzAudio FuzzText)
SCRATCH=.build-fuzz
mode=${1:-smoke}

corpus_kind() { case $1 in FuzzMedia|FuzzFrames) echo media ;; FuzzAudio) echo audio ;; FuzzText) echo text ;; esac; }
max_len() { case $1 in FuzzText) echo 4096 ;; *) echo 65536 ;; esac; }

build() {
    local swiftc fuzzlib
    swiftc=$(readlink -f "$(command -v swiftc)")
    fuzzlib=$(dirname "$swiftc")/../lib/swift/clang/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a
    [[ -f $fuzzlib ]] || { echo "fuzz.sh: $fuzzlib not found: this toolchain has no libFuzzer runtime" >&2; exit 1; }
    for target in "${TARGETS[@]}"; do
        swift build -c release --scratch-path "$SCRATCH" --product "$target" \
            -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table \
            -Xswiftc -DFUZZING -Xlinker "$fuzzlib" -Xlinker -lstdc++ 2>&1 | grep -v "Cannot export local symbol" | grep -v '^\[' || true
        [[ -x $SCRATCH/release/$target ]] || { echo "fuzz.sh: building $target failed" >&2; exit 1; }
    done
}

# FFmpeg handles a failed allocation as ENOMEM: a huge size read from a damaged header must return NULL, as glibc's
# malloc does, not abort. Leak detection stays on (libFuzzer runs LeakSanitizer after inputs that allocate more than
# they free).
export ASAN_OPTIONS=${ASAN_OPTIONS:-allocator_may_return_null=1:detect_leaks=1}
# The same suppressions as the sanitized tests: Foundation's per-thread data, Process cycles; never Relay's own frames.
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/Samples/scripts/lsan.supp:print_suppressions=0}

run() {  # run TARGET SECONDS
    local target=$1 seconds=$2 kind corpus artifacts
    kind=$(corpus_kind "$target")
    corpus=$SCRATCH/corpus/$target
    artifacts=$SCRATCH/findings/$target
    mkdir -p "$corpus" "$artifacts"
    [[ -n $(ls -A "$corpus") ]] || cp "$SCRATCH/seeds/$kind/"* "$corpus/"
    echo "== $target: ${seconds}s on $corpus"
    "$SCRATCH/release/$target" "$corpus" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
        -max_len="$(max_len "$target")" -artifact_prefix="$artifacts/" -print_final_stats=1 \
        2> >(tee "$SCRATCH/$target.log" | grep -E "^#[0-9]+[[:space:]]+(INITED|DONE)|ERROR|stat::|SUMMARY|Test unit written" >&2)
}

seeds() {  # generated once (campaigns of several targets may run side by side and share them)
    [[ -d $SCRATCH/seeds/text ]] && return
    rm -rf "$SCRATCH/seeds.tmp.$$"
    bash Samples/scripts/make-fuzz-corpus.sh "$SCRATCH/seeds.tmp.$$" >/dev/null
    mv -T "$SCRATCH/seeds.tmp.$$" "$SCRATCH/seeds" 2>/dev/null || rm -rf "$SCRATCH/seeds.tmp.$$"
}

case $mode in
    build) build ;;
    smoke)
        build; seeds
        status=0
        # 110 s of fuzzing in all, weighted towards the media paths.
        for pair in FuzzMedia:35 FuzzFrames:35 FuzzAudio:25 FuzzText:15; do
            run "${pair%%:*}" "${pair##*:}" || status=1
        done
        exit $status ;;
    campaign)
        seconds=${2:?usage: fuzz.sh campaign SECONDS [TARGET…]}
        shift 2
        (( $# )) && TARGETS=("$@")
        build; seeds
        status=0
        for target in "${TARGETS[@]}"; do run "$target" "$seconds" || status=1; done
        exit $status ;;
    *) echo "usage: fuzz.sh smoke | campaign SECONDS [TARGET…] | build" >&2; exit 2 ;;
esac
