#!/usr/bin/env bash
# Every test: installs what is missing, then the layer check, formatting, lints and docs,
# the native tests, the release build of the three doors (scripts/build.sh), their size
# budgets, the browser tests in Chromium against that one build, and a smoke suite of
# the same build in Firefox and WebKit (tests/e2e/engines/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
source scripts/env.sh

echo "== layers: dependencies run one way"
python3 scripts/check_layers.py

echo "== format, lints (native and wasm32), docs"
cargo fmt --check
cargo clippy --all-targets --quiet -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --bins --quiet -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --bins --features app --quiet -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet --target wasm32-unknown-unknown

echo "== native tests (engine, scenario codec, i18n)"
cargo test --all-targets --quiet
cargo test --doc --quiet

echo "== RFM query in DuckDB (the venv setup.sh keeps)"
"$RETORNO_PYVENV/bin/python" tests/fixtures/rfm_duckdb.py

echo "== release build"
bash scripts/build.sh

echo "== size budgets of the front doors"
cd tests/e2e
node perf/sizes.mjs --check

echo "== browser tests (Playwright, Chromium)"
npx playwright test

echo "== cross-engine smoke suite (Firefox ESR, WebKitGTK: engines/run.sh)"
bash engines/run.sh
