// A static file server for dist/ on 127.0.0.1, for the browser tests, measurements and
// scripts/serve.sh.
// Usage: node serve.mjs [port] [base path]   (defaults: 4173, or $PORT; and /)
//   node serve.mjs 4273 /tools/roi/   serves dist/ at http://127.0.0.1:4273/tools/roi/
// Serves .wasm as application/wasm, which WebAssembly.instantiateStreaming requires, and
// sends `cache-control: no-store` so every test sees the files as they are on disk.
// The specs import `serve` to start their own servers (another folder, a sub-path, a
// server they can stop to be really offline).
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const DIST = fileURLToPath(new URL("../../dist/", import.meta.url));

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
};

/** "/tools/roi" or "tools/roi/" → "/tools/roi/"; "" or "/" → "/". */
export function normalizeBase(base = "/") {
  const trimmed = base.replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

/**
 * Starts serving `root` under `base` on 127.0.0.1:`port`; resolves to the http.Server
 * once it listens. Paths outside `base` are 404; `base` without its slash redirects.
 * `extra` (path → { type, body }) answers paths of its own before `root`, and `html`
 * rewrites every HTML file's text: the engine suite (engines/) adds its page-error
 * recorder with them; nothing else uses them.
 */
export function serve({ root = DIST, port = 4173, base = "/", extra = {}, html = (text) => text } = {}) {
  const dir = resolve(root) + sep;
  const prefix = normalizeBase(base);
  const server = createServer(async (req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://x").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (Object.hasOwn(extra, pathname)) {
      res.writeHead(200, { "content-type": extra[pathname].type, "cache-control": "no-store" });
      res.end(extra[pathname].body);
      return;
    }
    if (prefix !== "/" && pathname === prefix.slice(0, -1)) {
      res.writeHead(301, { location: prefix }).end();
      return;
    }
    if (!pathname.startsWith(prefix)) {
      res.writeHead(404).end("not found");
      return;
    }
    const path = normalize(pathname.slice(prefix.length)).replace(/^([/\\])+/, "");
    const file = join(dir, path === "" || path === "." ? "index.html" : path);
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let body = await readFile(file);
      if (extname(file) === ".html") body = html(body.toString("utf8"));
      res.writeHead(200, {
        "content-type": types[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-store",
      });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => done(server));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 4173);
  const base = normalizeBase(process.argv[3] ?? "/");
  await serve({ port, base });
  console.log(`serving ${DIST} on http://127.0.0.1:${port}${base}`);
}
