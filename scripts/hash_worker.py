"""Post-build step: gives the background workers' files content-hashed names, as Trunk
gives every other script and wasm (it leaves a worker's unhashed, since a page names a
worker at run time).

Usage: python3 scripts/hash_worker.py dist

For each worker NAME (`worker`, the risk simulation; `rfm_worker`, the customer
scoring), `NAME.js` and `NAME_bg.wasm` become `NAME-<16 hex>.js` and
`NAME-<16 hex>_bg.wasm` (the first 16 hex digits of a SHA-256 over both), and
`NAME_loader.js`, the one fixed name the page starts (`new Worker("NAME_loader.js")`,
about 80 bytes, served `no-cache`), is rewritten to load them. So a host can cache every
hashed file forever (docs/HOSTING.md) and a new build still reaches every browser.
"""
import hashlib
import os
import sys

WORKERS = ("worker", "rfm_worker")


def hash_worker(dist, name):
    js, wasm = (os.path.join(dist, n) for n in (f"{name}.js", f"{name}_bg.wasm"))
    if not (os.path.exists(js) and os.path.exists(wasm)):
        sys.exit(f"hash_worker.py: no {name}.js and {name}_bg.wasm in {dist}")
    digest = hashlib.sha256()
    for path in (js, wasm):
        with open(path, "rb") as f:
            digest.update(f.read())
    stem = f"{name}-{digest.hexdigest()[:16]}"
    for old in os.listdir(dist):
        if old.startswith(f"{name}-") and old.endswith((".js", "_bg.wasm")):
            os.remove(os.path.join(dist, old))
    os.rename(js, os.path.join(dist, f"{stem}.js"))
    os.rename(wasm, os.path.join(dist, f"{stem}_bg.wasm"))
    with open(os.path.join(dist, f"{name}_loader.js"), "w", encoding="utf-8") as f:
        f.write(f'importScripts("./{stem}.js");wasm_bindgen("./{stem}_bg.wasm");')
    print(f"hash_worker.py: {stem}.js, {stem}_bg.wasm")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    for name in WORKERS:
        hash_worker(sys.argv[1], name)


if __name__ == "__main__":
    main()
