"""Post-build step: splits the full app's wasm at its split points and puts it in DIST.

Usage: python3 scripts/split.py RETORNO_WASM DIST

Trunk cannot split a wasm binary. It builds the binary (build.sh links it with
--emit-relocs, which the split needs); this step removes Trunk's glue, wasm and loader
for it from DIST and runs the pipeline again with the split:

1. `wasm-split-cli` cuts the binary at each `wasm_split` function (src/ui/lazy.rs) into
   the main module, one module per split point and shared chunks, plus
   `__wasm_split.js`, which fetches them on first call;
2. `wasm-bindgen --keep-lld-exports` writes the main module's glue and keeps the function
   table exported (the split modules link against it);
3. `wasm-opt -Oz --converge` on every module, as Trunk does for the other doors, without
   the producers and target-features sections (a part pulls many small shared chunks,
   and these were half of a small chunk's bytes).

Everything lands in one folder named by a hash of its content, `app-<16 hex>/`, so a host
can cache it forever (docs/HOSTING.md), and index.html gets the tags that start it: a
preload of the glue and of the main wasm, and `start.js` (a file, so the page's CSP
needs no hash for it: Trunk's inline loader and its hash are removed). A part's stylesheets
(`data-part` in index.html) stay in the page without `rel`: the part switches them on when
first opened, so the first load does not fetch them. The service worker's list
(offline.py, run after this) includes every file of the folder, so every screen works
offline after one visit.
"""
import base64
import hashlib
import os
import re
import shutil
import subprocess
import sys

NAME = "retorno"
# Rust's wasm32 target features (rustc 1.88): wasm-opt must be allowed what the input uses.
FEATURES = [
    "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
    "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue",
]


def run(*args):
    subprocess.run(args, check=True)


def without_trunks_app(html, dist):
    """`html` without Trunk's loader of the unsplit binary, its preloads and its CSP hash;
    the files it named are removed from `dist`."""
    loader = re.search(
        rf"<script type=module>(import init, \* as bindings from '\./({NAME}-[0-9a-f]+)\.js';.*?)</script>",
        html, re.S)
    if not loader:
        sys.exit("split.py: no Trunk loader of the app in index.html")
    code, stem = loader.groups()
    digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
    html = html.replace(loader.group(0), "").replace(f" 'sha256-{digest}'", "")
    html = re.sub(rf"<link[^>]*href=\./{stem}(\.js|_bg\.wasm)[^>]*>", "", html)
    for name in (f"{stem}.js", f"{stem}_bg.wasm"):
        os.remove(os.path.join(dist, name))
    return html


def with_part_styles_off(html):
    """`html` with the stylesheets of lazily loaded parts (`data-part`, index.html) left
    without `rel`, so the first load does not fetch them: the part switches each on
    when it is first opened (src/ui/lazy.rs)."""
    links = re.findall(r"<link\b[^>]*\bdata-part=[^>]*>", html)
    if not links:
        sys.exit("split.py: no part stylesheets (data-part) in index.html")
    for link in links:
        if not re.search(r"\srel=\"?stylesheet\"?", link):
            sys.exit("split.py: a data-part link is not a stylesheet: " + link)
        html = html.replace(link, re.sub(r"\srel=\"?stylesheet\"?", "", link))
    return html


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    wasm, dist = sys.argv[1], sys.argv[2]
    work = os.path.join(os.path.dirname(wasm), "split")
    shutil.rmtree(work, ignore_errors=True)
    parts, glue, out = (os.path.join(work, d) for d in ("parts", "glue", "out"))
    for d in (parts, glue, out):
        os.makedirs(d)

    run("wasm-split-cli", wasm, parts, "--target", "web", "--out-name", NAME)
    run("wasm-bindgen", os.path.join(parts, f"{NAME}.wasm"), "--out-dir", glue,
        "--target", "web", "--no-typescript", "--keep-lld-exports")

    modules = [(os.path.join(glue, f"{NAME}_bg.wasm"), f"{NAME}_bg.wasm")]
    modules += [(os.path.join(parts, n), n) for n in sorted(os.listdir(parts))
                if n.endswith(".wasm") and n != f"{NAME}.wasm"]
    for source, name in modules:
        # The producers and target-features sections (about 200 bytes) are of no use to a
        # browser, and a part pulls up to 18 small chunks, each of which carried them.
        run("wasm-opt", "-Oz", "--converge", *FEATURES, "--strip-producers",
            "--strip-target-features", source, "-o", os.path.join(out, name))
    shutil.copy(os.path.join(glue, f"{NAME}.js"), out)
    shutil.copy(os.path.join(parts, "__wasm_split.js"), out)
    if os.path.isdir(os.path.join(glue, "snippets")):
        shutil.copytree(os.path.join(glue, "snippets"), os.path.join(out, "snippets"))
    with open(os.path.join(out, "start.js"), "w", encoding="utf-8") as f:
        f.write(f'import init from "./{NAME}.js";init();\n')

    digest = hashlib.sha256()
    for folder, dirs, names in sorted(os.walk(out)):
        dirs.sort()
        for n in sorted(names):
            path = os.path.join(folder, n)
            digest.update(os.path.relpath(path, out).encode())
            with open(path, "rb") as f:
                digest.update(f.read())
    folder = f"app-{digest.hexdigest()[:16]}"
    for old in os.listdir(dist):
        if old.startswith("app-"):
            shutil.rmtree(os.path.join(dist, old))
    shutil.copytree(out, os.path.join(dist, folder))

    page = os.path.join(dist, "index.html")
    with open(page, encoding="utf-8") as f:
        html = f.read()
    html = with_part_styles_off(without_trunks_app(html, dist))
    tags = (
        f'<link rel=modulepreload href=./{folder}/{NAME}.js>'
        f'<link rel=preload as=fetch type=application/wasm crossorigin href=./{folder}/{NAME}_bg.wasm>'
        f'<script type=module src=./{folder}/start.js></script>'
    )
    if "</head>" not in html:
        sys.exit("split.py: no </head> in " + page)
    with open(page, "w", encoding="utf-8") as f:
        f.write(html.replace("</head>", tags + "</head>", 1))
    print(f"split.py: {folder}/ with {len(modules)} wasm modules")


if __name__ == "__main__":
    main()
