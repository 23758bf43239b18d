#!/usr/bin/env bash
# Installs what building (and, with --test, testing) Retorno needs, skipping whatever is
# already there at the right version. Safe to run again and again.
#   scripts/setup.sh          build tools: wasm target, trunk, wasm-bindgen, wasm-opt
#   scripts/setup.sh --test   also Chromium, ChromeDriver, Firefox ESR, WebKitGTK's
#                             WebDriver and MiniBrowser, Xvfb, the e2e npm packages and a
#                             Python venv with DuckDB ($RETORNO_PYVENV, by default
#                             ~/.cache/retorno-py)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

# The test command lints and checks formatting.
for component in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$component"; then
    log "adding $component"
    rustup component add "$component"
  fi
done

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  log "installing trunk $TRUNK_VERSION (about 9 minutes on 2 cores)"
  cargo install trunk --locked --version "$TRUNK_VERSION"
fi

# wasm-bindgen's CLI must match the library version in Cargo.lock exactly. No --locked:
# its own lock file names a crate release the registry does not serve.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# The full app's split into lazily loaded parts (scripts/split.py): the CLI of the
# wasm_split_helpers crate Leptos uses, at a version that reads its split points.
WASM_SPLIT_VERSION=0.2.4
if ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  log "installing wasm-split-cli $WASM_SPLIT_VERSION (about 2 minutes)"
  cargo install wasm_split_cli_support --locked --version "$WASM_SPLIT_VERSION" --features build-binary
fi

# Debian's binaryen is too old for current rustc output; the npm build is pinned in
# scripts/package-lock.json.
if ! cmp -s scripts/package-lock.json scripts/node_modules/.package-lock.stamp 2>/dev/null; then
  log "installing wasm-opt (binaryen from npm)"
  npm ci --prefix scripts --no-audit --no-fund --loglevel=error
  cp scripts/package-lock.json scripts/node_modules/.package-lock.stamp
fi

if [ "${1:-}" = "--test" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing Chromium and ChromeDriver from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  # The other engines of the cross-engine smoke suite (tests/e2e/engines/): Firefox ESR
  # (driven over WebDriver BiDi), WebKitGTK's WebDriver and its MiniBrowser (the
  # libwebkit2gtk-4.1-0 it depends on ships it), and the virtual display MiniBrowser needs.
  engines=()
  command -v firefox-esr >/dev/null || engines+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || engines+=(webkit2gtk-driver)
  command -v Xvfb >/dev/null || engines+=(xvfb)
  if [ ${#engines[@]} -gt 0 ]; then
    log "installing ${engines[*]} from Debian (Firefox and WebKit for the engine suite)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${engines[@]}" >/dev/null
  fi
  if ! cmp -s tests/e2e/package-lock.json tests/e2e/node_modules/.package-lock.stamp 2>/dev/null; then
    log "installing the e2e test tools (Playwright, axe-core)"
    npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error
    cp tests/e2e/package-lock.json tests/e2e/node_modules/.package-lock.stamp
  fi
  # DuckDB for the RFM query's test: a venv kept between runs, duckdb (pinned in
  # tests/fixtures/requirements.txt) installed only when it cannot be imported.
  PYVENV="${RETORNO_PYVENV:-$HOME/.cache/retorno-py}"
  if [ ! -x "$PYVENV/bin/python" ] && ! python3 -m venv "$PYVENV"; then
    # Debian's Python ships venv apart.
    log "installing python3-venv from Debian"
    rm -rf "$PYVENV"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    python3 -m venv "$PYVENV"
  fi
  if ! "$PYVENV/bin/python" -c "import duckdb" 2>/dev/null; then
    log "installing DuckDB's Python package"
    "$PYVENV/bin/pip" install --quiet "$(grep '^duckdb==' tests/fixtures/requirements.txt)"
  fi
fi
log "ready"
