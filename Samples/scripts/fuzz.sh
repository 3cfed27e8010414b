#!/usr/bin/env bash
# libFuzzer + AddressSanitizer runs of the fuzz targets in Fuzz/ (see docs/architecture.md, "Memory safety").
#
#   fuzz.sh smoke                      every target briefly (≤ 2 min of fuzzing in all): for the test script. It uses the
#                                      debug build in .build-asan that test-sanitized.sh makes (built here if missing)
#   fuzz.sh campaign SECONDS [TARGET…] each target (default: all) for SECONDS, release build in .build-fuzz/release/,
#                                      corpus kept in .build-fuzz/corpus/TARGET
#   fuzz.sh build                      only build the release targets into .build-fuzz/release/
#
# Findings (crash-*, leak-*, timeout-*, oom-*) land in .build-fuzz/findings/TARGET/ (not artifacts/: SwiftPM owns that) and fail the run; replay one with
# the normal build: `swift run FuzzMedia .build-fuzz/findings/FuzzMedia/crash-…` (or the instrumented binary).
#
# How it is built: Samples/scripts/sanitizer-flags.sh (AddressSanitizer, libFuzzer's coverage instrumentation,
# -DFUZZING, libclang_rt.fuzzer_no_main). FFmpeg itself is the system library: not instrumented, so its own bugs show as
# crashes (SEGV, abort) rather than as ASan reports, and its coverage is not seen.
set -euo pipefail
cd "$(dirname "$0")/../.."
TARGETS=(FuzzMedia FuzzFrames FuzzAudio FuzzText)
SCRATCH=.build-fuzz
mode=${1:-smoke}

corpus_kind() { case $1 in FuzzMedia|FuzzFrames) echo media ;; FuzzAudio) echo audio ;; FuzzText) echo text ;; esac; }
max_len() { case $1 in FuzzText) echo 4096 ;; *) echo 65536 ;; esac; }

source Samples/scripts/sanitizer-flags.sh

build() {  # build CONFIGURATION SCRATCH
    local configuration=$1 scratch=$2
    for target in "${TARGETS[@]}"; do
        swift build -c "$configuration" --scratch-path "$scratch" --product "$target" "${SANITIZED_BUILD_FLAGS[@]}" 2>&1 \
            | grep -v "Cannot export local symbol" | grep -v '^\[' | grep -v "^Building for\|^Build complete" || true
        [[ -x $scratch/$configuration/$target ]] || { echo "fuzz.sh: building $target failed" >&2; exit 1; }
    done
}

# FFmpeg handles a failed allocation as ENOMEM: a huge size read from a damaged header must return NULL, as glibc's
# malloc does, not abort. Leak detection stays on (libFuzzer runs LeakSanitizer after inputs that allocate more than
# they free).
export ASAN_OPTIONS=${ASAN_OPTIONS:-allocator_may_return_null=1:detect_leaks=1}
# The same suppressions as the sanitized tests: Foundation's per-thread data, Process cycles; never Relay's own frames.
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/Samples/scripts/lsan.supp:print_suppressions=0}

run() {  # run BINARY_FOLDER TARGET SECONDS
    local bin=$1 target=$2 seconds=$3 kind corpus artifacts
    kind=$(corpus_kind "$target")
    corpus=$SCRATCH/corpus/$target
    artifacts=$SCRATCH/findings/$target
    mkdir -p "$corpus" "$artifacts"
    [[ -n $(ls -A "$corpus") ]] || cp "$SCRATCH/seeds/$kind/"* "$corpus/"
    echo "== $target: ${seconds}s on $corpus"
    "$bin/$target" "$corpus" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
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
    build) build release "$SCRATCH" ;;
    smoke)
        build debug .build-asan; seeds
        # 32 s of fuzzing in all, weighted towards the media paths: the smoke run checks that every target still
        # starts, replays its corpus and fuzzes cleanly; the campaigns do the searching. (It was 110 s, and CI's
        # whole run reached 719 s of its 720.) Two lanes, one per core (a libFuzzer process uses one), so it takes
        # 18 s of the run, not 32; each lane's output is printed whole when both are done.
        lane() {  # lane TARGET:SECONDS…
            local status=0 pair
            for pair in "$@"; do run .build-asan/debug "${pair%%:*}" "${pair##*:}" || status=1; done
            return $status
        }
        lane FuzzMedia:10 FuzzText:4 >"$SCRATCH/lane-1.out" 2>&1 & first=$!
        lane FuzzFrames:10 FuzzAudio:8 >"$SCRATCH/lane-2.out" 2>&1 & second=$!
        status=0
        wait $first || status=1
        wait $second || status=1
        cat "$SCRATCH/lane-1.out" "$SCRATCH/lane-2.out" >&2
        exit $status ;;
    campaign)
        seconds=${2:?usage: fuzz.sh campaign SECONDS [TARGET…]}
        shift 2
        (( $# )) && TARGETS=("$@")
        build release "$SCRATCH"; seeds
        status=0
        for target in "${TARGETS[@]}"; do run "$SCRATCH/release" "$target" "$seconds" || status=1; done
        exit $status ;;
    *) echo "usage: fuzz.sh smoke | campaign SECONDS [TARGET…] | build" >&2; exit 2 ;;
esac
