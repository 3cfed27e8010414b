#!/usr/bin/env bash
# Generates the sample media set (every container/codec pair the media layer is tested on) with the ffmpeg CLI:
# ~2 s of lavfi testsrc2 (320x240, 25 fps) and a 440 Hz sine. Usage: make-media.sh [OUTDIR] (default Samples/media).
#   sample.mp4 h264+aac · sample.mkv vp9+opus · sample.webm vp8+vorbis · sample.mov mjpeg+pcm_s16le
#   sample.avi mpeg4+mp3 · sample.ts mpeg2video+mp2 · sample.gif · sample.wav · sample.flac · sample.opus (ogg)
#   sample.png · sample.jpg · rotated.mp4 (h264 tagged with a 90° display rotation: decodes to portrait)
set -euo pipefail
OUT="${1:-Samples/media}"
mkdir -p "$OUT"
V=(-f lavfi -i "testsrc2=size=320x240:rate=25:duration=2")
A=(-f lavfi -i "sine=frequency=440:sample_rate=48000:duration=2")
ff() { ffmpeg -nostdin -v error -y "$@"; }
ff "${V[@]}" "${A[@]}" -c:v libx264 -preset ultrafast -pix_fmt yuv420p -g 25 -c:a aac -b:a 64k "$OUT/sample.mp4"
ff "${V[@]}" "${A[@]}" -c:v libvpx-vp9 -deadline realtime -cpu-used 8 -b:v 200k -g 25 -c:a libopus -b:a 48k "$OUT/sample.mkv"
ff "${V[@]}" "${A[@]}" -c:v libvpx -deadline realtime -cpu-used 8 -b:v 200k -g 25 -c:a libvorbis -ac 2 "$OUT/sample.webm"
ff "${V[@]}" "${A[@]}" -c:v mjpeg -q:v 5 -pix_fmt yuvj420p -c:a pcm_s16le "$OUT/sample.mov"
ff "${V[@]}" "${A[@]}" -c:v mpeg4 -q:v 5 -g 25 -c:a libmp3lame -b:a 64k "$OUT/sample.avi"
ff "${V[@]}" "${A[@]}" -c:v mpeg2video -q:v 5 -g 25 -c:a mp2 -b:a 64k "$OUT/sample.ts"
ff -f lavfi -i "testsrc2=size=160x120:rate=10:duration=1" "$OUT/sample.gif"
ff "${A[@]}" -c:a pcm_s16le "$OUT/sample.wav"
ff "${A[@]}" -c:a flac "$OUT/sample.flac"
ff "${A[@]}" -c:a libopus -b:a 48k "$OUT/sample.opus"
ff -f lavfi -i "testsrc2=size=320x240:rate=1:duration=1" -frames:v 1 "$OUT/sample.png"
ff -f lavfi -i "testsrc2=size=320x240:rate=1:duration=1" -frames:v 1 -q:v 3 "$OUT/sample.jpg"
# FFmpeg 5.1 has no -display_rotation; the legacy `rotate` tag becomes a display matrix only on stream copy.
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
ff -f lavfi -i "testsrc2=size=320x240:rate=25:duration=1" -c:v libx264 -preset ultrafast -pix_fmt yuv420p "$TMP/upright.mp4"
ff -i "$TMP/upright.mp4" -c copy -metadata:s:v:0 rotate=90 "$OUT/rotated.mp4"
echo "make-media: wrote $(ls "$OUT" | wc -l) files to $OUT" >&2
