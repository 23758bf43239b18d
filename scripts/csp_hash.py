"""Trunk post-build hook: puts the SHA-256 of each inline <script> into the CSP.

Each page (index.html, embed.html) carries `'inline-script-hashes'` in its
Content-Security-Policy; this replaces it with the hashes of the inline scripts Trunk
wrote into the staged page. Every staged page is handled, whichever one Trunk built.
"""
import base64
import glob
import hashlib
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR", "dist")
pages = [p for p in glob.glob(os.path.join(staging, "*.html"))]
done = 0
for page in pages:
    with open(page, encoding="utf-8") as f:
        html = f.read()
    if "'inline-script-hashes'" not in html:
        continue
    scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S)
    hashes = " ".join(
        "'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()
        for s in scripts
    )
    with open(page, "w", encoding="utf-8") as f:
        f.write(html.replace("'inline-script-hashes'", hashes))
    done += 1
if done == 0:
    sys.exit("csp_hash.py: no page with an 'inline-script-hashes' placeholder in " + staging)
