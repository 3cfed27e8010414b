#!/usr/bin/env bash
# Generates the fuzzers' seed corpora with the ffmpeg CLI (nothing binary is committed): one small file for every
# container/codec pair the tests use, at odd sizes and several pixel formats, plus texts for the parsers.
# usage: make-fuzz-corpus.sh OUT   → OUT/media (FuzzMedia, FuzzFrames), OUT/audio (FuzzAudio), OUT/text (FuzzText)
set -euo pipefail
OUT=${1:?usage: make-fuzz-corpus.sh OUT}
mkdir -p "$OUT/media" "$OUT/audio" "$OUT/text"
ff() { ffmpeg -nostdin -v error -y "$@"; }
# Short and small: a fuzzer mutates every byte, so seeds of a few kB explore far more than long files.
V=(-f lavfi -i "testsrc2=size=320x240:rate=10:duration=0.5")
A=(-f lavfi -i "sine=frequency=440:duration=0.5")
S() { echo "scale=$1"; }
M="$OUT/media"
ff "${V[@]}" "${A[@]}" -vf "$(S 66:38)" -c:v libx264 -preset ultrafast -pix_fmt yuv420p -g 3 -c:a aac -b:a 32k "$M/h264-aac.mp4"
ff "${V[@]}" "${A[@]}" -vf "$(S 33:17)" -c:v libx264 -preset ultrafast -pix_fmt yuv444p -c:a aac -b:a 32k "$M/h264-444.mkv"
ff "${V[@]}" "${A[@]}" -vf "$(S 66:38)" -c:v libvpx-vp9 -deadline realtime -cpu-used 8 -b:v 50k -c:a libopus -b:a 24k "$M/vp9-opus.mkv"
ff "${V[@]}" "${A[@]}" -vf "$(S 66:38)" -c:v libvpx -deadline realtime -cpu-used 8 -b:v 50k -c:a libvorbis -ac 2 "$M/vp8-vorbis.webm"
ff "${V[@]}" "${A[@]}" -vf "$(S 33:17)" -c:v mjpeg -q:v 8 -pix_fmt yuvj420p -c:a pcm_s16le "$M/mjpeg-pcm.mov"
ff "${V[@]}" "${A[@]}" -vf "$(S 66:38)" -c:v mpeg4 -q:v 8 -g 3 -c:a libmp3lame -b:a 32k "$M/mpeg4-mp3.avi"
ff "${V[@]}" "${A[@]}" -vf "$(S 66:38)" -c:v mpeg2video -q:v 8 -g 3 -c:a mp2 -b:a 32k "$M/mpeg2-mp2.ts"
ff "${V[@]}" -vf "$(S 33:17)" -c:v ffv1 -pix_fmt yuv420p10le "$M/ffv1-10bit.mkv"
ff "${V[@]}" -vf "$(S 17:15)" -c:v ffv1 -pix_fmt gray "$M/ffv1-gray.mkv"
ff "${V[@]}" -vf "$(S 17:15)" -c:v png -pix_fmt pal8 "$M/png-pal8.mkv"
ff "${V[@]}" -vf "$(S 15:3)" -c:v rawvideo -pix_fmt nv12 "$M/raw-nv12.nut"
ff "${V[@]}" -vf "$(S 33:17)" "$M/anim.gif"
ff "${V[@]}" -vf "$(S 33:17)" -frames:v 1 "$M/still.png"
ff "${V[@]}" -vf "$(S 33:17)" -frames:v 1 -q:v 5 "$M/still.jpg"
ff "${V[@]}" -vf "$(S 33:17)" -frames:v 1 "$M/still.bmp"
ff "${V[@]}" -vf "$(S 33:17)" -frames:v 1 "$M/still.webp"
ff "${V[@]}" -vf "$(S 66:38)" -c:v libx264 -preset ultrafast -pix_fmt yuv420p "$M/upright.mp4"
ff -i "$M/upright.mp4" -c copy -metadata:s:v:0 rotate=90 "$M/rotated.mp4" && rm "$M/upright.mp4"
AU="$OUT/audio"
ff "${A[@]}" -c:a pcm_s16le "$AU/s16.wav"
ff "${A[@]}" -ac 2 -c:a pcm_f32le "$AU/f32-stereo.wav"
ff "${A[@]}" -ar 8000 -c:a pcm_u8 "$AU/u8-8k.wav"
ff "${A[@]}" -c:a flac "$AU/sample.flac"
ff "${A[@]}" -c:a libopus -b:a 24k "$AU/sample.opus"
ff "${A[@]}" -c:a libmp3lame -b:a 32k "$AU/sample.mp3"
ff "${A[@]}" -c:a aac -b:a 32k "$AU/sample.m4a"
ff "${A[@]}" -ac 2 -c:a libvorbis "$AU/sample.ogg"
T="$OUT/text"
# First byte: odd = model output (OutputParser), even = sentence template (+ "name=template" rule lines).
printf '1<tool_call>\n{"name": "clock.set_timer", "arguments": {"duration": "PT10M"}}\n</tool_call>' > "$T/tool-call"
printf '1Here: {"bbox_2d": [12, 30, 200, 180], "label": "cat"} and <|box_start|>(10,20),(30,40)<|box_end|>' > "$T/grounding"
printf '1The screen goes black from 00:00:03.500 to 5.2 seconds, <2.0 seconds> [1.5, 3.0]' > "$T/timestamps"
printf '0(set|start) a timer for <duration> [please]' > "$T/template"
printf '0{greeting} [the] (wifi|bluetooth) <toggle:on_off>\ngreeting=(hi|hello) [there]' > "$T/template-rules"
echo "seed corpora in $OUT: $(ls "$M" | wc -l) media, $(ls "$AU" | wc -l) audio, $(ls "$T" | wc -l) text"
