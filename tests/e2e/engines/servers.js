// The engine suite's servers, started and stopped by Playwright's global setup
// (playwright.config.js): dist/ on PORT (127.0.0.1, the app's origin) with the page-error
// recorder added to each page, and two host pages on other sites: HOST_ORIGIN
// (localhost:PORT+1, the one named in the frame's `host` option) and OTHER_ORIGIN
// (127.0.0.2:PORT+2, a site the frame is not meant for). Three sites, not three ports
// of one: browsers partition a third-party frame's storage by the top-level site, and
// the visitor's calculator keeps its values in storage. Both serve
// /page.html?frame=<embed URL>: specs/embed-host.js's host page around that frame.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { serve } from "../serve.mjs";
import { hostPage, PORT, APP_ORIGIN } from "../specs/embed-host.js";

export { APP_ORIGIN, PORT };
export const HOST_ORIGIN = `http://localhost:${PORT + 1}`;
export const OTHER_ORIGIN = `http://127.0.0.2:${PORT + 2}`;

const RECORDER = "/__engines/record.js";
const recorder = { [RECORDER]: { type: "text/javascript", body: readFileSync(new URL("record.js", import.meta.url)) } };
/** A page's HTML with the recorder as its first script (right after <html …>). */
const withRecorder = (html) => html.replace(/<html[^>]*>/i, (tag) => `${tag}<script src="${RECORDER}"></script>`);

function hostServer(port, address) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    if (url.pathname === RECORDER) {
      res.writeHead(200, { "content-type": "text/javascript" }).end(recorder[RECORDER].body);
    } else if (url.pathname === "/page.html" && url.searchParams.get("frame")?.startsWith(`${APP_ORIGIN}/`)) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      res.end(withRecorder(hostPage(url.searchParams.get("frame"))));
    } else {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, address, () => done(server));
  });
}

export default async function globalSetup() {
  const servers = [
    await serve({ port: PORT, extra: recorder, html: withRecorder }),
    await hostServer(PORT + 1, "127.0.0.1"),
    await hostServer(PORT + 2, "127.0.0.2"),
  ];
  return async () => {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    }
  };
}
