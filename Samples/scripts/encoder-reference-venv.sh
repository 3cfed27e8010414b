#!/usr/bin/env bash
# Sets up the Python environment the sentence-encoder tests compare against, only when missing (idempotent, quiet
# when present): HF `tokenizers` (token ids from the model's own tokenizer.json), numpy (an independent forward pass,
# Samples/scripts/encoder-reference.py) and `safetensors` (reads the weights without Relay's reader). No torch.
# Folder: ${RELAY_REFERENCE_VENV:-$HOME/.cache/relay/encoder-reference-venv}.
set -euo pipefail
VENV="${RELAY_REFERENCE_VENV:-$HOME/.cache/relay/encoder-reference-venv}"
REQUIREMENTS=(tokenizers==0.21.1 numpy==2.2.6 safetensors==0.5.3)
STAMP="$VENV/.relay-requirements"
if [ -x "$VENV/bin/python" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "${REQUIREMENTS[*]}" ]; then
  echo "encoder-reference-venv: present in $VENV" >&2
  exit 0
fi
echo "encoder-reference-venv: installing ${REQUIREMENTS[*]} into $VENV ..." >&2
PYTHON="$(command -v python3)"
"$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --only-binary=:all: "${REQUIREMENTS[@]}" >&2
echo "${REQUIREMENTS[*]}" > "$STAMP"
