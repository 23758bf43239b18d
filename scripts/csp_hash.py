"""Trunk post-build hook: puts the SHA-256 of each inline <script> into the CSP.

index.html carries `'inline-script-hashes'` in its Content-Security-Policy; this
replaces it with the hashes of the inline scripts Trunk wrote into the staged page.
"""
import base64
import hashlib
import os
import re
import sys

page = os.path.join(os.environ.get("TRUNK_STAGING_DIR", "dist"), "index.html")
with open(page, encoding="utf-8") as f:
    html = f.read()
scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S)
hashes = " ".join(
    "'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()
    for s in scripts
)
if "'inline-script-hashes'" not in html:
    sys.exit("csp_hash.py: no 'inline-script-hashes' placeholder in " + page)
with open(page, "w", encoding="utf-8") as f:
    f.write(html.replace("'inline-script-hashes'", hashes))
