#!/usr/bin/env bash
# Generates a spoken-command corpus with espeak-ng and sox, in parallel.
#
#   make-voice-corpus.sh LIST OUTDIR [JOBS]
#
# LIST has one utterance per line, tab-separated:  id  voice  words-per-minute  clean|noisy  text
# (a text starting with "~" is not a command for relay-bench voice-corpus; the "~" is not spoken).
# For each line it writes OUTDIR/<id>.wav: 16 kHz mono 16-bit, 0.3 s of silence before and 0.6 s after.
# "noisy" lines get pink noise mixed in at 10 dB SNR (relative to the RMS of the speech itself, before padding).
# Needs espeak-ng and sox (Samples/scripts/install-deps.sh installs both). Exits non-zero if any line fails.
set -euo pipefail

list=${1:?usage: make-voice-corpus.sh LIST OUTDIR [JOBS]}
out=${2:?usage: make-voice-corpus.sh LIST OUTDIR [JOBS]}
jobs=${3:-$(nproc)}
mkdir -p "$out"

make_one() {
    local line=$1 out=$2
    local id voice speed noise text
    IFS=$'\t' read -r id voice speed noise text <<<"$line"
    text=${text#\~}
    [ -n "$id" ] || return 0
    local tmp="$out/.$id"
    espeak-ng -v "$voice" -s "$speed" -w "$tmp.espeak.wav" "$text"
    sox -V1 "$tmp.espeak.wav" -r 16000 -c 1 -b 16 "$tmp.speech.wav"
    if [ "$noise" = noisy ]; then
        local duration speech_rms noise_rms volume
        duration=$(soxi -D "$tmp.speech.wav")
        speech_rms=$(sox "$tmp.speech.wav" -n stat 2>&1 | awk '/^RMS +amplitude/ {print $3}')
        # A fixed seed per id keeps the corpus reproducible.
        sox -V1 -R -n -r 16000 -c 1 -b 16 "$tmp.noise.wav" synth "$duration" pinknoise vol 0.3
        noise_rms=$(sox "$tmp.noise.wav" -n stat 2>&1 | awk '/^RMS +amplitude/ {print $3}')
        volume=$(awk -v s="$speech_rms" -v n="$noise_rms" 'BEGIN { printf "%.6f", s / n / 3.16227766 }')
        sox -V1 -m -v 1 "$tmp.speech.wav" -v "$volume" "$tmp.noise.wav" "$tmp.mixed.wav"
        mv "$tmp.mixed.wav" "$tmp.speech.wav"
    fi
    sox -V1 "$tmp.speech.wav" "$out/$id.wav" pad 0.3 0.6
    rm -f "$tmp".*.wav
}
export -f make_one

grep -v '^\s*$' "$list" | tr '\n' '\0' | xargs -0 -P "$jobs" -I{} bash -c 'make_one "$1" "$2"' _ {} "$out"
