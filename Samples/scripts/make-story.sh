#!/usr/bin/env bash
# Generates Samples/media/story.mp4: a 10-second clip with known ground truth for `relay analyze`:
#   0-3 s red (still) + 440 Hz tone · 3-4 s black + silence · 4-7 s moving test pattern + spoken words
#   7-10 s blue (still) + silence. Cuts at 3, 4 and 7 s.
set -euo pipefail
OUT="${1:-Samples/media}"
mkdir -p "$OUT"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
espeak-ng -v en-us -s 150 -w "$TMP/speech.wav" "set a timer for ten minutes" 2>/dev/null
ffmpeg -v error -y \
  -f lavfi -i "color=c=red:s=320x240:r=25:d=3" \
  -f lavfi -i "color=c=black:s=320x240:r=25:d=1" \
  -f lavfi -i "testsrc2=s=320x240:r=25:d=3" \
  -f lavfi -i "color=c=blue:s=320x240:r=25:d=3" \
  -f lavfi -i "sine=f=440:d=3:sample_rate=16000" \
  -f lavfi -i "anullsrc=r=16000:cl=mono:d=1" \
  -i "$TMP/speech.wav" \
  -f lavfi -i "anullsrc=r=16000:cl=mono:d=3" \
  -filter_complex "[0:v][1:v][2:v][3:v]concat=n=4:v=1:a=0[v];[6:a]aresample=16000,aformat=channel_layouts=mono,apad=whole_dur=3,atrim=0:3[sp];[4:a][5:a][sp][7:a]concat=n=4:v=0:a=1[a]" \
  -map "[v]" -map "[a]" -c:v libx264 -pix_fmt yuv420p -g 50 -c:a aac -b:a 64k -shortest "$OUT/story.mp4"
echo "make-story: wrote $OUT/story.mp4" >&2
