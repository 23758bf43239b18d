// Lazy screens (issue 28): the first visit downloads only the calculator's code; every
// other screen and the risk panel fetch their own wasm part the first time they are
// opened (scripts/split.py cuts the build at src/ui/lazy.rs's split points), keep what
// the person did, and have a place in the address bar (back, forward, deep links).
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { DIST } from "../serve.mjs";
import { card, expect, expected, go, money, npv, open, openAt, setField, shareLink, test } from "./app.js";

/** The split points of src/ui/lazy.rs, by the screen (or panel) that opens them. */
const PARTS = {
  measure: "split_measure.wasm",
  scenarios: "split_library.wasm",
  customers: "split_customers.wasm",
  abtests: "split_abtests.wasm",
};
const TITLES = { measure: "#measure-title", scenarios: "#library-title", customers: "#customers-title", abtests: "#ab-title" };
/**
 * The screens whose stylesheet is a part's too (index.html's `data-part`), each with a
 * rule of that stylesheet to see applied: the screen's root and one of its declarations.
 */
const STYLES = {
  measure: { file: /\/measure-[0-9a-f]+\.css$/, root: ".measure-screen", property: "max-width", value: "1280px" },
  customers: { file: /\/customers-[0-9a-f]+\.css$/, root: ".customers-screen", property: "display", value: "grid" },
  abtests: { file: /\/abtest-[0-9a-f]+\.css$/, root: ".ab-screen", property: "display", value: "grid" },
};
const CHURN_12_5 = expected("churn_after_12_5"); // churn after 12.5 %: NPV 193174.41

/** The build's folder of the full app's parts (app-<hash>/) and its files. */
async function appFolder() {
  const folder = (await readdir(DIST)).find((n) => /^app-[0-9a-f]{16}$/.test(n));
  return { folder, files: await readdir(join(DIST, folder)) };
}

/** The files of a kind the page itself requests (the service worker's own precaching aside). */
function requests(page, extension) {
  const seen = [];
  page.on("request", (r) => {
    if (r.url().endsWith(extension) && !r.serviceWorker()) seen.push(r.url().split("/").pop());
  });
  return seen;
}
const wasmRequests = (page) => requests(page, ".wasm");

test.describe("lazy screens", () => {
  test("the build has a part per split point, and the first visit requests none of them", async ({ page }) => {
    const { files } = await appFolder();
    for (const part of [...Object.values(PARTS), "split_present.wasm", "split_risk.wasm"]) {
      expect(files, `${part} is a part of its own`).toContain(part);
    }
    const seen = wasmRequests(page);
    const styles = requests(page, ".css");
    await open(page);
    // Let the page settle: anything it fetched after its first figure counts too.
    await page.waitForLoadState("networkidle");
    expect(seen).toEqual(["retorno_bg.wasm"]);
    // The calculator's stylesheets, and none of another screen's.
    expect(styles.length).toBeGreaterThan(0);
    for (const [screen, { file }] of Object.entries(STYLES)) {
      expect(styles.filter((f) => file.test(`/${f}`)), `${screen}'s stylesheet`).toEqual([]);
    }
  });

  test("a screen's stylesheet comes with its part, and applies", async ({ page }) => {
    const styles = requests(page, ".css");
    await open(page);
    for (const [screen, { file, root, property, value }] of Object.entries(STYLES)) {
      await go(page, screen);
      await expect(page.locator(TITLES[screen])).toBeVisible();
      expect(styles.filter((f) => file.test(`/${f}`)), screen).toHaveLength(1);
      const shown = await page.locator(root).evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);
      expect(shown, `${root} ${property}`).toBe(value);
    }
  });

  test("each screen loads its part once, then opens from memory; what was typed stays", async ({ page }) => {
    const seen = wasmRequests(page);
    await open(page);
    await setField(page, "churn_after_pct", "12.5", "w");
    for (const [screen, part] of Object.entries(PARTS)) {
      const before = seen.length;
      await go(page, screen);
      await expect(page.locator(TITLES[screen])).toBeVisible();
      expect(seen.slice(before), screen).toContain(part);
      await go(page, "calculator");
      await expect(npv(page)).toHaveText(money(CHURN_12_5.npv));
    }
    const before = seen.length;
    for (const screen of Object.keys(PARTS)) {
      await go(page, screen);
      await expect(page.locator(TITLES[screen])).toBeVisible();
    }
    expect(seen.slice(before), "second openings fetch nothing").toEqual([]);
    // Presentation and the risk panel's details are parts of their own too.
    await go(page, "calculator");
    await page.getByTestId("risk-on").check();
    await expect(page.getByTestId("risk-seed")).toBeVisible();
    expect(seen).toContain("split_risk.wasm");
    await page.getByTestId("risk-on").uncheck();
    await page.getByTestId("present").click();
    await expect(page.getByTestId("presentation")).toBeVisible();
    expect(seen).toContain("split_present.wasm");
  });

  test("screens have addresses: deep links, back and forward, a share link that opens on a screen", async ({ page }) => {
    await page.goto("/?screen=measure");
    await expect(page.locator(TITLES.measure)).toBeVisible();
    await expect(page.getByTestId("nav-measure")).toHaveAttribute("aria-current", "page");

    await go(page, "customers");
    expect(new URL(page.url()).search).toBe("?screen=customers");
    await go(page, "calculator");
    expect(new URL(page.url()).search).toBe("");
    await page.goBack();
    await expect(page.locator(TITLES.customers)).toBeVisible();
    await page.goBack();
    await expect(page.locator(TITLES.measure)).toBeVisible();
    await page.goForward();
    await expect(page.locator(TITLES.customers)).toBeVisible();

    // A share link with a screen: the shared scenario, on that screen.
    await go(page, "calculator");
    await setField(page, "churn_after_pct", "12.5", "w");
    const link = await shareLink(page);
    await setField(page, "churn_after_pct", "13", "w");
    await page.goto("about:blank");
    await page.goto(link.replace("#", "?screen=measure#"));
    await expect(page.locator(TITLES.measure)).toBeVisible();
    await go(page, "calculator");
    await expect(page.getByTestId("shared-banner")).toBeVisible();
    await expect(npv(page)).toHaveText(money(CHURN_12_5.npv));

    // An unknown screen name opens the calculator.
    await openAt(page, "/?screen=nowhere");
    await expect(card(page, "roi")).not.toHaveText("");
  });

});

test.describe("lazy screens without the service worker", () => {
  // The service worker would answer from its cache, where the blocked fetch never goes.
  test.use({ serviceWorkers: "block" });

  test("a part that cannot be fetched says so, loses nothing, and loads on retry", async ({ page, problems }) => {
    await open(page);
    await setField(page, "churn_after_pct", "12.5", "w");
    const block = (route) => route.abort("internetdisconnected");
    await page.route(/\/(split_measure|chunk_\d+)\.wasm$/, block);
    await go(page, "measure");
    const failed = page.getByTestId("load-failed");
    await expect(failed).toBeVisible();
    await expect(failed).toContainText(/could not be loaded|No se ha podido cargar/);
    await go(page, "calculator");
    await expect(npv(page)).toHaveText(money(CHURN_12_5.npv));
    await go(page, "measure");
    await page.unroute(/\/(split_measure|chunk_\d+)\.wasm$/, block);
    await failed.getByRole("button").click();
    await expect(page.locator(TITLES.measure)).toBeVisible();
    // The blocked fetches were reported by the browser and the loader: expected here.
    const expectedErrors = /ERR_INTERNET_DISCONNECTED|Failed to fetch|Failed to load resource|TypeError/;
    const others = problems.filter((p) => !expectedErrors.test(p));
    problems.length = 0;
    expect(others).toEqual([]);
  });
});
