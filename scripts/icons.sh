#!/usr/bin/env bash
# Makes the PNG icons of the web app manifest from public/favicon.svg (run by hand after
# changing the favicon; the PNGs are committed). Needs rsvg-convert (Debian librsvg2-bin).
#   icon-180.png (apple-touch-icon), icon-192.png, icon-512.png: the favicon as it is;
#   maskable-192.png, maskable-512.png: full-bleed background, the mark scaled to 70 %
#   so it stays inside the maskable safe zone (the central circle of 80 %).
set -euo pipefail
cd "$(dirname "$0")/.."
out=public/icons
mkdir -p "$out"
for size in 180 192 512; do
  rsvg-convert -w "$size" -h "$size" public/favicon.svg -o "$out/icon-$size.png"
done
maskable=$(mktemp --suffix=.svg)
trap 'rm -f "$maskable"' EXIT
python3 - public/favicon.svg "$maskable" <<'PY'
import re, sys
svg = open(sys.argv[1], encoding="utf-8").read()
rect = re.search(r"<rect[^>]*/>", svg)
fill = re.search(r'fill="([^"]+)"', rect.group(0)).group(1)
inner = svg[rect.end():svg.rindex("</svg>")]
open(sys.argv[2], "w", encoding="utf-8").write(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
    f'<rect width="64" height="64" fill="{fill}"/>'
    f'<g transform="translate(9.6 9.6) scale(0.7)">{inner}</g></svg>'
)
PY
for size in 192 512; do
  rsvg-convert -w "$size" -h "$size" "$maskable" -o "$out/maskable-$size.png"
done
ls -l "$out"
