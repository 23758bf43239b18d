"""Post-build step: gives the background worker's files content-hashed names, as Trunk
gives every other script and wasm (it leaves a worker's unhashed, since a page names a
worker at run time).

Usage: python3 scripts/hash_worker.py dist

`worker.js` and `worker_bg.wasm` become `worker-<16 hex>.js` and `worker-<16 hex>_bg.wasm`
(the first 16 hex digits of a SHA-256 over both), and `worker_loader.js`, the one fixed
name the page starts (`new Worker("worker_loader.js")`, 70 bytes, served `no-cache`),
is rewritten to load them. So a host can cache every hashed file forever
(docs/HOSTING.md) and a new build still reaches every browser.
"""
import hashlib
import os
import sys


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    dist = sys.argv[1]
    js, wasm = (os.path.join(dist, n) for n in ("worker.js", "worker_bg.wasm"))
    if not (os.path.exists(js) and os.path.exists(wasm)):
        sys.exit(f"hash_worker.py: no worker.js and worker_bg.wasm in {dist}")
    digest = hashlib.sha256()
    for path in (js, wasm):
        with open(path, "rb") as f:
            digest.update(f.read())
    stem = f"worker-{digest.hexdigest()[:16]}"
    for name in os.listdir(dist):
        if name.startswith("worker-") and name.endswith((".js", "_bg.wasm")):
            os.remove(os.path.join(dist, name))
    os.rename(js, os.path.join(dist, f"{stem}.js"))
    os.rename(wasm, os.path.join(dist, f"{stem}_bg.wasm"))
    with open(os.path.join(dist, "worker_loader.js"), "w", encoding="utf-8") as f:
        f.write(f'importScripts("./{stem}.js");wasm_bindgen("./{stem}_bg.wasm");')
    print(f"hash_worker.py: {stem}.js, {stem}_bg.wasm")


if __name__ == "__main__":
    main()
