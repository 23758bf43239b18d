#!/usr/bin/env bash
# The cross-engine smoke suite (issue 32): dist/ in Firefox ESR and WebKitGTK's
# MiniBrowser, in Spanish and English (smoke.spec.js). Run by scripts/test.sh after the
# Chromium suite; needs a build in dist/ and what `scripts/setup.sh --test` installs.
# Starts a virtual display (Xvfb, on the first free display number) and WebKit's
# WebDriver on it, runs the suite (Playwright's runner; its global setup serves dist/
# and the host pages), and stops both on any exit, failure or interrupt included.
#   ENGINES_PORT  first of the three ports the servers use (default 4473),
#                 the WebDriver uses ENGINES_PORT + 10
#   any arguments go to Playwright (e.g. --project=webkit, -g "share link")
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${ENGINES_PORT:-4473}"
DRIVER_PORT=$((PORT + 10))
BINARY=$(ls /usr/lib/*/webkit2gtk-4.1/MiniBrowser 2>/dev/null | head -n 1)
[ -x "$BINARY" ] || { echo "WebKitGTK's MiniBrowser is missing: run scripts/setup.sh --test" >&2; exit 1; }

work=$(mktemp -d)
pids=()
cleanup() {
  # Each was started in a session of its own: its whole group goes (MiniBrowser, the
  # test workers), the last started first.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill -- "-${pids[i]}" 2>/dev/null || true
    wait "${pids[i]}" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Xvfb picks a free display and writes its number to the file (-displayfd).
setsid Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || { cat "$work/xvfb.log" >&2; echo "Xvfb did not start" >&2; exit 1; }
DISPLAY=":$(tr -d '\n' <"$work/display")"

DISPLAY="$DISPLAY" setsid WebKitWebDriver --host=127.0.0.1 --port="$DRIVER_PORT" >"$work/webdriver.log" 2>&1 &
pids+=($!)
ready() { node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1"; }
for _ in $(seq 100); do ready "http://127.0.0.1:$DRIVER_PORT/status" && break; sleep 0.1; done
ready "http://127.0.0.1:$DRIVER_PORT/status" || { cat "$work/webdriver.log" >&2; echo "WebKitWebDriver did not start" >&2; exit 1; }

echo "engines: $(firefox-esr --version 2>/dev/null), WebKitGTK MiniBrowser via WebKitWebDriver on $DISPLAY"
# In the background and waited for, so that an interrupt reaches the trap at once.
PORT="$PORT" WEBKIT_DRIVER="http://127.0.0.1:$DRIVER_PORT" WEBKIT_BINARY="$BINARY" \
  setsid npx playwright test --config engines/playwright.config.js "$@" &
pids+=($!)
status=0
wait "${pids[-1]}" || status=$?
exit "$status"
