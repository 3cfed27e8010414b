#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, runs every test target.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash Samples/scripts/install-deps.sh
swift build --build-tests
swift test --skip-build --parallel --num-workers 2 2>&1 | tee /tmp/relay-test.log | grep -v '^\[' ; exit "${PIPESTATUS[0]}"
