// Helpers for the visitor's calculator's browser tests (embed.spec.js): the independent
// JS model (model.js), the frame's URL, and host pages on other origins served with
// page.route.
import { VISITOR_FIELDS, model, round, visitorModel } from "./model.js";

export { VISITOR_FIELDS, model, round, visitorModel };

export const PORT = Number(process.env.PORT ?? 4173);
/** Where Playwright's web server serves dist/. */
export const APP_ORIGIN = `http://127.0.0.1:${PORT}`;
/** The page that embeds the frame and opted in (its origin is the frame's `host`). */
export const HOST = "http://host.test";
/** Another site that embeds the same frame. */
export const OTHER = "http://other.test";

// ------------------------------------------------------------------ the frame and its hosts

/** The frame's URL on the app's server, with `options` (an object or a query string). */
export function embedUrl(options = {}) {
  const query = typeof options === "string" ? options : new URLSearchParams(options).toString();
  return `${APP_ORIGIN}/embed.html${query ? `?${query}` : ""}`;
}

/**
 * A host page embedding the frame at `src` with the host script embed.js, and recording
 * what it receives: every `message` event (origin and data) in window.__messages, and
 * every `retorno:result` CustomEvent of the frame element in window.__results.
 */
export function hostPage(src, { title = "A host page" } = {}) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
  body { margin: 0; font-family: system-ui, sans-serif; background: #f3f1ea; color: #222; }
  header, footer { padding: 12px 16px; }
  iframe { display: block; width: 100%; border: 0; }
</style>
</head>
<body>
<header><h1>${title}</h1><p>Our CRM pays for itself. Try it:</p></header>
<iframe data-retorno title="CRM ROI calculator" src="${src.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"></iframe>
<footer><p>Footer of the host page.</p></footer>
<script>
  window.__messages = [];
  window.__results = [];
  addEventListener("message", (e) => window.__messages.push({ origin: e.origin, data: e.data }));
  document.querySelector("iframe").addEventListener("retorno:result", (e) => window.__results.push(e.detail));
</script>
<script src="${APP_ORIGIN}/embed.js"></script>
</body>
</html>`;
}

/**
 * Serves a host page at `origin` (http://host.test or http://other.test) embedding the
 * frame with `options`, opens it, and returns the frame (a Playwright Frame) once its
 * first result is shown.
 */
export async function openHost(page, options = {}, { origin = HOST, path = "/page.html" } = {}) {
  const src = embedUrl(options);
  await page.route(`${origin}/**`, (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: hostPage(src) }),
  );
  await page.goto(`${origin}${path}`);
  const element = await page.waitForSelector("iframe[data-retorno]");
  const frame = await element.contentFrame();
  await frame.waitForFunction(() => document.querySelector("[data-testid=card-npv] .value")?.textContent.trim());
  return frame;
}
