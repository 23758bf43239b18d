#!/usr/bin/env bash
# The release build of the three front doors into dist/, used by serve.sh and test.sh:
# the full app (index.html), the visitor's calculator (embed.html) and the leave-behind
# report (report.html), each its own Trunk target and wasm binary, side by side in one
# folder (hashed file names never clash);
# then the post-build step that writes dist/sw.js (the service worker and its list of
# every file in dist/).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

# The full app with Leptos's type-erased views: 15 % less wasm for it (and more for the
# small visitor's calculator, which is built without): docs/PERFORMANCE.md. Each door
# has its own target folder, so the two flag sets never rebuild each other's artefacts.
# Its binary is linked with --emit-relocs, which the split into lazily loaded parts
# needs (split.py replaces Trunk's output for it); the workers take the same flags, so
# the dependencies compile once.
CARGO_TARGET_DIR=target/app RUSTFLAGS="--cfg erase_components -C link-arg=--emit-relocs" \
  trunk build --release
python3 scripts/split.py target/app/wasm32-unknown-unknown/release/retorno.wasm dist
# The other doors, each staged apart (Trunk empties its dist folder), then copied in.
# Both are built without type erasure (smaller for a small door) and share one target
# folder: their dependencies compile once.
for door in embed report; do
  CARGO_TARGET_DIR=target/embed trunk build "$door.html" --release=true \
    --dist "target/$door-dist" --html-output "$door.html"
  cp -R "target/$door-dist/." dist/
done

# The two workers again, built for speed rather than size (Cargo's `worker` profile,
# opt-level 3, and wasm-opt -O3), over the files Trunk made for them: they are in no
# first load, and their work (the risk simulation's trials, the reading of a customer
# file) is what the visitor waits for (docs/PERFORMANCE.md). Without --emit-relocs
# (only the app's split needs it; it left 500–700 KB of relocation sections in each
# worker); with the app's cfg, as Trunk builds them.
CARGO_TARGET_DIR=target/app RUSTFLAGS="--cfg erase_components" \
  cargo build --profile worker --target wasm32-unknown-unknown --bin worker --bin rfm_worker
for worker in worker rfm_worker; do
  rm -rf "target/$worker-dist"
  wasm-bindgen --target no-modules --no-typescript --out-name "$worker" \
    --out-dir "target/$worker-dist" "target/app/wasm32-unknown-unknown/worker/$worker.wasm"
  wasm-opt -O3 "target/$worker-dist/${worker}_bg.wasm" -o "dist/${worker}_bg.wasm"
  cp "target/$worker-dist/$worker.js" "dist/$worker.js"
done

# The background worker's files get hashed names like the rest (Trunk leaves them
# unhashed); last, the service worker's list of everything now in dist/.
python3 scripts/hash_worker.py dist
python3 scripts/offline.py dist
