// Static hosting (issue 14): nothing leaves the page's origin, the app works offline
// after one visit (share links included), it works from a sub-path, the manifest is
// complete, and a new deployment shows a quiet "new version" notice.
//
// Besides Playwright's server on PORT, these tests start servers of their own from
// ../serve.mjs on PORT + 1 (one they can stop, to be truly offline, or one serving a copy
// of dist/ they can change) and PORT + 2 (dist/ under /tools/roi/).
import { chromium } from "@playwright/test";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM } from "../chromium.js";
import { DIST, serve } from "../serve.mjs";
import {
  axe,
  card,
  expect,
  expected,
  field,
  go,
  lang,
  money,
  npv,
  openAt,
  setField,
  shareLink,
  slider,
  test,
  watch,
} from "./app.js";

const PORT = Number(process.env.PORT ?? 4173);
const CHURN_12_5 = expected("churn_after_12_5"); // churn after 12.5 %: NPV 193174.41

/** Stops a server from ../serve.mjs now, open connections included. */
function stop(server) {
  return new Promise((done) => {
    server.close(done);
    server.closeAllConnections();
  });
}

/** Waits until a service worker controls the page; returns its scope. */
async function controlled(page) {
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  return page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
}

/**
 * Records the page's Content-Security-Policy violations (they are console errors too,
 * which the fixture catches; this names the directive); read them with `violations`.
 */
async function recordViolations(page) {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.cspViolations.push(`${e.effectiveDirective}: ${e.blockedURI}`),
    );
  });
}
const violations = (page) => page.evaluate(() => window.cspViolations);

/** The files the built service worker precaches (its BUILD line). */
async function precached(dir = DIST) {
  const worker = await readFile(join(dir, "sw.js"), "utf8");
  return JSON.parse(worker.match(/^const BUILD = (.*);$/m)[1]);
}

test.describe("hosting", () => {
  test("no request leaves the page's origin, across the three screens", async ({ page }) => {
    const origin = new URL(test.info().project.use.baseURL).origin;
    const seen = [];
    const byWorker = [];
    const outside = [];
    // The context sees the page's requests and its service worker's (precaching).
    page.context().on("request", (request) => {
      const url = new URL(request.url());
      if (url.protocol === "data:" || url.protocol === "blob:") return;
      seen.push(url.href);
      if (request.serviceWorker()) byWorker.push(url.href);
      if (url.origin !== origin) outside.push(url.href);
    });
    await recordViolations(page);
    await page.goto("/");
    await expect(npv(page)).not.toHaveText("");
    await controlled(page);
    for (const screen of ["measure", "scenarios", "calculator"]) await go(page, screen);
    await expect(npv(page)).not.toHaveText("");
    expect(await violations(page), "CSP violations").toEqual([]);
    // The page's own files and the worker's precache requests were all seen.
    const { files } = await precached();
    expect(seen.some((u) => u.endsWith(".wasm")), "the wasm was requested").toBe(true);
    expect(seen.some((u) => u.endsWith("/sw.js")), "the worker script was requested").toBe(true);
    expect(byWorker.length, "the worker's precache requests were seen").toBeGreaterThanOrEqual(files.length);
    expect(outside, "requests to other origins").toEqual([]);
  });

  test("after one visit it works offline: reload, calculator, slider, share links", async ({ page }) => {
    const server = await serve({ port: PORT + 1 });
    let running = true;
    try {
      const base = `http://127.0.0.1:${PORT + 1}/`;
      await recordViolations(page);
      await page.goto(base);
      await expect(npv(page)).not.toHaveText("");
      expect(await controlled(page)).toBe(base);
      // A link to a changed scenario, then back to the default one.
      await setField(page, "churn_after_pct", "12.5", "w");
      await expect(npv(page)).toHaveText(money(CHURN_12_5.npv));
      const link = await shareLink(page);
      await setField(page, "churn_after_pct", "13", "w");
      await expect(npv(page)).not.toHaveText(money(CHURN_12_5.npv));
      const before = await npv(page).textContent();

      // Offline for real: the server is gone too, so anything not cached fails (and a
      // failed load is a console error, which fails the test).
      await stop(server);
      running = false;
      await page.context().setOffline(true);

      await page.reload();
      await expect(npv(page)).toHaveText(before);
      await expect(card(page, "roi")).not.toHaveText("");
      const seats = slider(page, "seats");
      const seatsBefore = await seats.inputValue();
      await seats.focus();
      await page.keyboard.press("ArrowRight");
      await expect(seats).not.toHaveValue(seatsBefore);
      await expect(npv(page)).not.toHaveText(before);
      // Every screen's part (issue 28) comes from the worker's cache.
      for (const [screen, heading] of [
        ["measure", "#measure-title"],
        ["scenarios", "#library-title"],
        ["customers", "#customers-title"],
        ["abtests", "#ab-title"],
      ]) {
        await go(page, screen);
        await expect(page.locator(heading), screen).toBeVisible();
      }
      await go(page, "calculator");
      expect(await violations(page), "CSP violations offline").toEqual([]);

      // The share link, as a new document, then with a query string added on the way.
      for (const url of [link, link.replace("#", "?utm_source=mail#")]) {
        await openAt(page, url);
        await expect(page.getByTestId("shared-banner")).toBeVisible();
        await expect(field(page, "churn_after_pct", "w")).toHaveValue("12.5");
        await expect(npv(page)).toHaveText(money(CHURN_12_5.npv));
      }

      // Every door of the build (index.html, the visitor's embed.html, the report, which
      // opens from a link) comes from the worker offline, with or without a query
      // string, and shows its figures.
      const { files } = await precached();
      const pages = files.filter((f) => f.endsWith(".html"));
      expect(pages).toEqual(expect.arrayContaining(["index.html", "embed.html", "report.html"]));
      for (const name of ["", ...pages]) {
        const report = name === "report.html";
        const response = await page.goto(`${base}${name}?from=offline${report ? link.slice(link.indexOf("#")) : ""}`);
        expect(response.status(), name).toBe(200);
        expect(response.fromServiceWorker(), name).toBe(true);
        const figure = report ? page.getByTestId("report-npv").locator(".figure-value") : card(page, "npv");
        await expect(figure).toHaveText(report ? money(CHURN_12_5.npv) : /./);
      }
    } finally {
      await page.context().setOffline(false);
      if (running) await stop(server);
    }
  });

  test("from a sub-path: loads, the worker's scope is the folder, links point there", async ({ page, browser }) => {
    const server = await serve({ port: PORT + 2, base: "/tools/roi/" });
    try {
      const root = `http://127.0.0.1:${PORT + 2}`;
      const base = `${root}/tools/roi/`;
      const strays = [];
      page.context().on("request", (request) => {
        const url = new URL(request.url());
        if (url.protocol.startsWith("http") && !url.href.startsWith(base)) strays.push(url.href);
      });
      // Without the trailing slash the server redirects to the folder, as hosts do.
      const bare = await page.request.get(`${root}/tools/roi`, { maxRedirects: 0 });
      expect(bare.status()).toBe(301);
      expect(bare.headers().location).toBe("/tools/roi/");
      await page.goto(base);
      await expect(npv(page)).not.toHaveText("");
      expect(await controlled(page)).toBe(base);
      const manifest = await page.evaluate(() => document.querySelector('link[rel="manifest"]').href);
      expect(manifest).toBe(`${base}manifest.webmanifest`);

      await setField(page, "churn_after_pct", "12.5", "w");
      const link = await shareLink(page);
      expect(link.startsWith(`${base}#s=`) || link.startsWith(`${base}index.html#s=`), link).toBe(true);

      const other = await browser.newContext({ locale: "en-US" });
      try {
        const receiver = await other.newPage();
        await openAt(receiver, link);
        await expect(receiver.getByTestId("shared-banner")).toBeVisible();
        await expect(npv(receiver)).toHaveText(money(CHURN_12_5.npv));
      } finally {
        await other.close();
      }
      expect(strays, "requests outside /tools/roi/").toEqual([]);
    } finally {
      await stop(server);
    }
  });

  test("the manifest is complete: relative start and scope, icons that exist at their sizes", async ({ page }) => {
    await page.goto("/");
    const href = await page.evaluate(() => document.querySelector('link[rel="manifest"]').href);
    const response = await page.request.get(href);
    expect(response.headers()["content-type"]).toBe("application/manifest+json");
    const manifest = await response.json();
    expect(manifest.name).toMatch(/Retorno/);
    expect(manifest.short_name).toBe("Retorno");
    expect(manifest.lang).toBe("es");
    expect(manifest.start_url).toBe("./");
    expect(manifest.scope).toBe("./");
    expect(manifest.display).toBe("standalone");
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
    const themeMeta = await page.locator('meta[name="theme-color"]').getAttribute("content");
    expect(manifest.theme_color).toBe(themeMeta);
    const { files } = await precached();
    const sizes = [];
    for (const icon of manifest.icons) {
      expect(icon.src.startsWith("/") || /^[a-z]+:/.test(icon.src), `${icon.src} is relative`).toBe(false);
      expect(files, "icons are precached").toContain(icon.src);
      const body = await (await page.request.get(new URL(icon.src, href).href)).body();
      if (icon.type === "image/png") {
        // PNG: width and height are the big-endian words at bytes 16 and 20 (IHDR).
        expect(body.subarray(1, 4).toString()).toBe("PNG");
        const [w, h] = [body.readUInt32BE(16), body.readUInt32BE(20)];
        expect(`${w}x${h}`).toBe(icon.sizes);
        sizes.push(`${icon.sizes} ${icon.purpose}`);
      } else {
        expect(icon.type).toBe("image/svg+xml");
        expect(body.toString()).toContain("<svg");
      }
    }
    expect(sizes.sort()).toEqual(["192x192 any", "192x192 maskable", "512x512 any", "512x512 maskable"]);
  });

  test("Chromium finds it installable from a sub-path", async ({ problems }) => {
    // Installability is never granted to an incognito-like context: a real profile.
    const profile = await mkdtemp(join(tmpdir(), "retorno-profile-"));
    const server = await serve({ port: PORT + 2, base: "/tools/roi/" });
    const context = await chromium.launchPersistentContext(profile, { ...CHROMIUM, locale: "en-US" });
    try {
      const page = watch(context.pages()[0] ?? (await context.newPage()), problems);
      const base = `http://127.0.0.1:${PORT + 2}/tools/roi/`;
      await page.goto(base);
      await expect(npv(page)).not.toHaveText("");
      await controlled(page);
      const cdp = await context.newCDPSession(page);
      const manifest = await cdp.send("Page.getAppManifest");
      expect(manifest.url).toBe(`${base}manifest.webmanifest`);
      expect(manifest.errors).toEqual([]);
      expect(manifest.parsed.scope).toBe(base);
      const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
      expect(installabilityErrors).toEqual([]);
    } finally {
      await context.close();
      await stop(server);
      await rm(profile, { recursive: true, force: true });
    }
  });

  test("a new deployment shows a quiet, bilingual notice; reloading picks it up", async ({ page }) => {
    const dir = await mkdtemp(join(tmpdir(), "retorno-deploy-"));
    await cp(DIST, dir, { recursive: true });
    const server = await serve({ root: dir, port: PORT + 1 });
    try {
      const base = `http://127.0.0.1:${PORT + 1}/`;
      await page.goto(base);
      await expect(npv(page)).not.toHaveText("");
      await controlled(page);
      const { version } = await precached(dir);
      expect(await page.evaluate(() => caches.keys())).toEqual([`retorno-${version}`]);
      await expect(page.getByTestId("update-note")).toBeEmpty();

      // A new deployment: the same files, a changed worker.
      const worker = await readFile(join(dir, "sw.js"), "utf8");
      await writeFile(join(dir, "sw.js"), worker.replace(`"version": "${version}"`, `"version": "${version}-next"`));
      await page.evaluate(() => {
        window.notReloaded = true;
        return navigator.serviceWorker.getRegistration().then((r) => r.update());
      });
      const note = page.getByTestId("update-note");
      await expect(note).toHaveAttribute("role", "status");
      await expect(note).toContainText("A new version of Retorno is available.");
      await expect(page.getByTestId("update-reload")).toHaveText("Reload");
      await page.screenshot({ path: test.info().outputPath("update-note-1280.png") });
      await page.setViewportSize({ width: 360, height: 740 });
      await page.screenshot({ path: test.info().outputPath("update-note-360.png") });
      // It follows the language the user picks.
      await lang(page, "es");
      await expect(note).toContainText("Hay una versión nueva de Retorno.");
      await expect(page.getByTestId("update-reload")).toHaveText("Recargar");
      await expect(page.getByTestId("update-close")).toHaveAccessibleName("Cerrar este aviso");
      await page.screenshot({ path: test.info().outputPath("update-note-360-es.png") });
      const { violations: axeViolations, report } = await axe(page);
      expect(axeViolations, report).toEqual([]);
      // Nothing reloaded by itself, and the old version still runs the page.
      expect(await page.evaluate(() => window.notReloaded)).toBe(true);
      expect(await page.evaluate(() => caches.keys())).toContain(`retorno-${version}`);

      // One reload, once the new worker has taken over (not the 3-second fallback).
      const reloaded = page.waitForEvent("load");
      const clicked = Date.now();
      await page.getByTestId("update-reload").click();
      await reloaded;
      expect(Date.now() - clicked, "reloaded when the new worker took over").toBeLessThan(2500);
      expect(await page.evaluate(() => window.notReloaded)).toBeUndefined();
      await expect(npv(page)).not.toHaveText("");
      await expect(page.locator("html")).toHaveAttribute("lang", "es");
      await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`retorno-${version}-next`]);
      await expect(page.getByTestId("update-note")).toBeEmpty();
    } finally {
      await stop(server);
      await rm(dir, { recursive: true, force: true });
    }
  });
});
