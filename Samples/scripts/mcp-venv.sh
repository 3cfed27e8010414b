#!/usr/bin/env bash
# Makes (once) the Python virtual environment with the official MCP SDK (PyPI `mcp` 2.x) that the MCP tests use as
# a real peer and the sample MCP plugin runs in, and prints its python's path on stdout.
# Idempotent and cached: an existing venv whose `mcp` is 2.x is reused without touching the network.
# Location: $RELAY_MCP_VENV, else ~/.cache/relay/mcp-venv (outside the clone, so CI runs on one machine share it).
set -euo pipefail
VENV="${RELAY_MCP_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/relay/mcp-venv}"
PY="$VENV/bin/python"
ready() { [ -x "$PY" ] && "$PY" -c 'import sys, mcp, importlib.metadata as m; sys.exit(0 if m.version("mcp").startswith("2.") else 1)' 2>/dev/null; }
if ! ready; then
  echo "mcp-venv: creating $VENV with mcp 2.x from PyPI" >&2
  mkdir -p "$(dirname "$VENV")"
  # A lock, so two test processes that start at once do not build the same venv together.
  exec 9>"$VENV.lock"
  flock 9
  if ! ready; then
    rm -rf "$VENV"
    python3 -m venv "$VENV" >&2
    "$PY" -m pip install --quiet --disable-pip-version-check "mcp>=2,<3" >&2
  fi
fi
echo "$PY"
