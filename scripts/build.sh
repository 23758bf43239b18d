#!/usr/bin/env bash
# The one release build, used by serve.sh and test.sh: the full app (index.html) into
# dist/, then the post-build step that writes dist/sw.js (the service worker and its list
# of every file in dist/). Expects the tools on PATH (source scripts/env.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

trunk build --release

# (the embed build goes here)

# Last: lists everything now in dist/, whichever builds put it there.
python3 scripts/offline.py dist
