// Retorno's service worker: keeps every file of the build in a cache, so both front
// doors (index.html, embed.html) load and work offline after one visit; example data
// is kept once it is first used.
//
// This is the template: scripts/offline.py writes dist/sw.js from it, replacing the
// BUILD line with the build's version (a hash of every file's name and content) and its
// files (everything in dist/, Trunk's hashed names included), relative to this script.
// Paths resolve against the script's own URL, so the build works from any folder.
//
// A new deployment changes this file (its version), so the browser installs the new
// worker beside the old one; it waits until the page (offline.js) says the user chose
// to reload, then takes over and the old caches go.
const BUILD = { version: "dev", files: [] };

const PREFIX = "retorno-";
const CACHE = PREFIX + BUILD.version;
const url = (name) => new URL(name, self.location).href;
// Trunk's names: `<name>-<16 hex digits>.<ext>`, the wasm `…_bg.wasm`.
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;
// The pages a navigation may ask for, by their path relative to this folder ("" is the
// folder itself, served as index.html).
const PAGES = new Set(BUILD.files.filter((f) => f.endsWith(".html")));

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // Trunk's hashed files may come from the HTTP cache (the page has just loaded
      // them); the others (index.html, the manifest) past it, so they can never come
      // from an older deployment.
      .then((cache) => cache.addAll(BUILD.files.map((f) => new Request(url(f), { cache: HASHED.test(f) ? "default" : "reload" })))),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

/** The cached page a navigation to `target` asks for, or null (not one of ours). */
function pageFor(target) {
  const scope = url("./");
  if (!target.href.startsWith(scope)) return null;
  const rest = decodeURIComponent(target.pathname).slice(new URL(scope).pathname.length);
  const name = rest === "" ? "index.html" : rest;
  return PAGES.has(name) ? url(name) : null;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const target = new URL(request.url);
  if (target.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // The query string reaches us (the fragment never does): the page is the same.
    const page = pageFor(target);
    if (page === null) return;
    event.respondWith(
      caches.open(CACHE).then((cache) => cache.match(page)).then((hit) => hit ?? fetch(request)),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request, { ignoreSearch: true }).then((hit) => hit ?? fetchAndKeep(cache, request, target)),
    ),
  );
});

/** Fetches `request`; example data (not precached, see offline.py) is kept once fetched. */
function fetchAndKeep(cache, request, target) {
  return fetch(request).then((response) => {
    if (response.ok && target.pathname.endsWith(".csv")) cache.put(request, response.clone());
    return response;
  });
}
