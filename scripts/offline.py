"""Post-build step: writes DIST/sw.js, the service worker, with the list of every file.

Usage: python3 scripts/offline.py dist

Run by scripts/build.sh after every build into DIST (every front door), so it lists
whatever is there: index.html, embed.html, report.html and embed.js when they exist, Trunk's hashed
.js/.wasm/.css, icons and the manifest. The template is public/sw.js; its line
`const BUILD = {...};` is replaced with this build's version and files. The version is
the first 16 hex digits of a SHA-256 over every listed file's name and content, so any
change to any file (hashed name or not) makes a new sw.js, which browsers pick up as a
new version; an identical build gives a byte-identical sw.js.
"""
import hashlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATE = os.path.join(HERE, "..", "public", "sw.js")
# Not precached: the worker itself, host configuration files, precompressed copies (the
# host serves those in place of the originals), source maps, and example data (the
# customer screen's 337 KB sample), which the worker keeps once it is first used
# rather than making every visitor download it.
SKIP_NAMES = {"sw.js", "_headers", "_redirects", "vercel.json"}
SKIP_SUFFIXES = (".br", ".gz", ".map", ".csv")


def files_of(dist):
    found = []
    for folder, dirs, names in os.walk(dist):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            if name.startswith(".") or name in SKIP_NAMES or name.endswith(SKIP_SUFFIXES):
                continue
            path = os.path.relpath(os.path.join(folder, name), dist)
            found.append(path.replace(os.sep, "/"))
    return sorted(found)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: python3 scripts/offline.py DIST")
    dist = sys.argv[1]
    files = files_of(dist)
    if "index.html" not in files:
        sys.exit("offline.py: no index.html in " + dist)
    with open(TEMPLATE, encoding="utf-8") as f:
        template = f.read()
    digest = hashlib.sha256(template.encode())
    for name in files:
        with open(os.path.join(dist, name), "rb") as f:
            digest.update(name.encode() + b"\0" + hashlib.sha256(f.read()).digest())
    build = {"version": digest.hexdigest()[:16], "files": files}
    line = re.compile(r"^const BUILD = .*;$", re.M)
    if len(line.findall(template)) != 1:
        sys.exit("offline.py: public/sw.js must have exactly one `const BUILD = ...;` line")
    worker = line.sub(lambda _: "const BUILD = " + json.dumps(build) + ";", template)
    with open(os.path.join(dist, "sw.js"), "w", encoding="utf-8") as f:
        f.write(worker)
    print("offline.py: sw.js version %s, %d files" % (build["version"], len(files)))


if __name__ == "__main__":
    main()
