#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, runs every test target, then the memory-safety checks
# (the media, import and analysis tests under AddressSanitizer, and a short libFuzzer run of every fuzz target).
set -uo pipefail
cd "$(dirname "$0")/../.."
bash Samples/scripts/install-deps.sh || exit 1
# The official Python MCP SDK in a cached venv, for MCPCLITests (made once; later runs reuse it without the network).
bash Samples/scripts/mcp-venv.sh >/dev/null || exit 1
bash Samples/scripts/encoder-reference-venv.sh || exit 1   # the sentence encoder tests' independent reference
swift build --build-tests 2>&1 | grep -v '^\[' ; [ "${PIPESTATUS[0]}" -eq 0 ] || exit 1

swift test --skip-build --parallel --num-workers 2 2>&1 | tee /tmp/relay-test.log | grep -v '^\['
suite=${PIPESTATUS[0]}

echo "== AddressSanitizer: media, import and analysis tests (Samples/scripts/test-sanitized.sh)"
bash Samples/scripts/test-sanitized.sh
sanitized=$?

echo "== libFuzzer smoke run (Samples/scripts/fuzz.sh smoke)"
bash Samples/scripts/fuzz.sh smoke
fuzz=$?

echo "test.sh: suite exit $suite, sanitized exit $sanitized, fuzz smoke exit $fuzz"
[ "$suite" -eq 0 ] && [ "$sanitized" -eq 0 ] && [ "$fuzz" -eq 0 ]
