#!/usr/bin/env bash
# Installs what is missing, builds the release bundle and serves it on 127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
bash scripts/build.sh
exec node tests/e2e/serve.mjs 8080
