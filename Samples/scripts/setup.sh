#!/usr/bin/env bash
# First-time set-up on Debian 12: installs what is missing, builds Relay, generates the sample
# media under Samples/media and runs the main jobs on it (probe, analysis with a report, a text command).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash Samples/scripts/install-deps.sh
echo "setup: building (debug) ..." >&2
swift build --product relay
RELAY=.build/debug/relay
bash Samples/scripts/make-media.sh Samples/media
bash Samples/scripts/make-story.sh Samples/media
export RELAY_HOME="${RELAY_HOME:-$PWD/Samples/home}"
echo; echo "== relay probe Samples/media/sample.mp4"
$RELAY probe Samples/media/sample.mp4
echo; echo "== relay tokens Samples/media/sample.mp4"
$RELAY tokens Samples/media/sample.mp4
echo; echo "== relay analyze Samples/media/story.mp4 --report Samples/media/story-report.html"
$RELAY analyze Samples/media/story.mp4 --report Samples/media/story-report.html
echo; echo "== relay ask Samples/media/story.mp4 \"when does the screen go black?\""
$RELAY ask Samples/media/story.mp4 "when does the screen go black?"
echo; echo "== relay say \"turn on do not disturb\""
$RELAY say "turn on do not disturb"
echo; echo "setup: done. Open Samples/media/story-report.html in a browser; try \`$RELAY --help\`." >&2
