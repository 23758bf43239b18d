// The cross-engine smoke suite (issue 32): the release build in dist/ in Firefox ESR
// (WebDriver BiDi) and WebKitGTK's MiniBrowser (W3C WebDriver), in Spanish and English.
// A few minutes in all; the full suite runs in Chromium (../specs/).
//
// Expected values come from where the Chromium specs take them, never from the page:
// tests/fixtures/model_golden.json (make_golden.py's independent Python model, read by
// specs/app.js) for the full app and the report, and the independent JS model of
// specs/model.js (checked against that golden file by specs/embed.spec.js) for the
// visitor's calculator and for values the golden file has no case for; all formatted
// with Node's Intl the way the page formats them with the browser's.
import { expected, money, percent, oneDecimal } from "../specs/app.js";
import { model, round, visitorModel } from "../specs/model.js";
import { embedUrl } from "../specs/embed-host.js";
import { APP_ORIGIN, HOST_ORIGIN, OTHER_ORIGIN } from "./servers.js";
import { expect, test } from "./fixtures.js";

const DEFAULTS = expected("defaults");
const CHURN_12_5 = expected("churn_after_12_5");
const MONTHS = { en: "months", es: "meses" };
/** The screens with an address of their own, their title and their wasm part (src/ui/lazy.rs). */
const SCREENS = {
  measure: { title: "#measure-title", part: "split_measure.wasm" },
  scenarios: { title: "#library-title", part: "split_library.wasm" },
  customers: { title: "#customers-title", part: "split_customers.wasm" },
  "ab-tests": { title: "#ab-title", part: "split_abtests.wasm" },
};
/**
 * How presentation mode goes full screen in each engine (src/ui/present.rs: full screen
 * when the browser grants it, else the same presentation filling the window).
 */
const FULLSCREEN = { firefox: "element", webkit: "element" };

const card = (name) => `[data-testid="card-${name}"] .value`;

/** Says in the output (and the test's annotations) which path of the app a check took. */
function say(info, type, description) {
  info.annotations.push({ type, description });
  console.log(`[${info.project.name}] ${info.title}: ${type}: ${description}`);
}

/** The four headline cards' texts (roi, npv, payback, tco) of the current document. */
function cards(tab) {
  return tab.eval(() =>
    Object.fromEntries(
      ["roi", "npv", "payback", "tco"].map((n) => [n, document.querySelector(`[data-testid="card-${n}"] .value`)?.textContent.trim()]),
    ),
  );
}

/** The cards' texts `m` (model figures) gives in `lang`. */
function expectedCards(m, lang) {
  return {
    roi: percent(m.roi_pct, lang),
    npv: money(m.npv, lang),
    payback: `${oneDecimal(m.payback_months, lang)} ${MONTHS[lang]}`,
    tco: money(m.tco_per_user_3y, lang),
  };
}

/** Waits for the current document's first figures, and checks its error recorder is in. */
async function figures(tab) {
  await expect.poll(() => tab.text(card("npv")), { message: "the first figures" }).toBeTruthy();
  expect(await tab.eval(() => Array.isArray(window.__engineProblems)), "the page-error recorder runs").toBe(true);
}

/** Opens the full app at `path` and puts it in `lang` with the ES / EN buttons. */
async function openApp(tab, lang, path = "/") {
  await tab.goto(`${APP_ORIGIN}${path}`);
  await figures(tab);
  if ((await tab.eval(() => document.documentElement.lang)) !== lang) {
    await tab.click(`.lang button:nth-child(${lang === "es" ? 1 : 2})`);
  }
  await expect.poll(() => tab.eval(() => document.documentElement.lang)).toBe(lang);
}

for (const lang of ["es", "en"]) {
  test.describe(lang, () => {
    test("each door shows the golden default figures", async ({ tab }) => {
      // The full app: golden "defaults".
      await openApp(tab, lang);
      await expect.poll(() => cards(tab)).toEqual(expectedCards(DEFAULTS, lang));

      // The report of that scenario, opened by its button: the same golden figures.
      await tab.collect();
      await tab.click('[data-testid="report"]');
      await expect.poll(() => tab.url()).toMatch(/\/report\.html\?from=app#s=/);
      const figure = (n) => tab.text(`[data-testid="report-${n}"] .figure-value`);
      await expect.poll(() => figure("npv")).toBe(money(DEFAULTS.npv, lang));
      expect(await figure("roi")).toBe(percent(DEFAULTS.roi_pct, lang));
      expect(await tab.eval(() => document.documentElement.lang)).toBe(lang);

      // The visitor's calculator alone: the independent model's visitor estimate.
      await tab.goto(embedUrl({ lang }));
      await figures(tab);
      await expect.poll(() => cards(tab)).toEqual(expectedCards(visitorModel(), lang));
      expect(await tab.eval(() => document.querySelectorAll('[data-testid^="slider-"]').length)).toBe(12);
    });

    test("a slider step and a typed value give the independent model's figures", async ({ tab }) => {
      await openApp(tab, lang);
      // One ArrowRight on the seats slider: 40 → 41.
      await tab.pressOn('[data-testid="slider-seats"]', "ArrowRight");
      const step = model({ seats: 41 });
      await expect.poll(() => tab.text(card("npv"))).toBe(money(step.npv, lang));
      expect(await tab.text(card("roi"))).toBe(percent(step.roi_pct, lang));
      expect(await tab.value('[data-testid="f-seats"]')).toBe("41");
      // Churn with the CRM typed key by key, with the language's decimal mark.
      await tab.type('[data-testid="f-churn_after_pct"]', lang === "es" ? "12,5" : "12.5");
      const typed = model({ seats: 41, churn_after_pct: 12.5 });
      await expect.poll(() => tab.text(card("npv"))).toBe(money(typed.npv, lang));
      expect(await tab.text(card("roi"))).toBe(percent(typed.roi_pct, lang));
      expect(await tab.value('[data-testid="slider-churn_after_pct"]')).toBe("12.5");
    });

    test("every screen loads its wasm part and opens, and so does presentation mode", async ({ tab, engineName }, info) => {
      await openApp(tab, lang);
      for (const [screen, { title, part }] of Object.entries(SCREENS)) {
        await tab.goto(`${APP_ORIGIN}/?screen=${screen}`);
        await expect.poll(() => tab.eval((t) => document.querySelector(t)?.offsetHeight > 0, title), { message: screen }).toBe(true);
        const loaded = await tab.eval(() => performance.getEntriesByType("resource").map((r) => r.name.split("/").pop()));
        expect(loaded, `${screen} fetched its part`).toContain(part);
        expect(await tab.eval(() => document.documentElement.lang)).toBe(lang);
      }

      // Presentation mode, from the calculator's button (a real click: full screen needs one).
      await tab.goto(`${APP_ORIGIN}/`);
      await figures(tab);
      await tab.click('[data-testid="present"]');
      const presented = '[data-testid="present-figure-1"] .figure-value';
      await expect.poll(() => tab.text(presented)).toBe(money(DEFAULTS.npv, lang));
      await expect.poll(() => tab.eval(() => document.fullscreenElement?.localName ?? "none")).toBe(
        FULLSCREEN[engineName] === "element" ? "html" : "none",
      );
      const path = FULLSCREEN[engineName] === "element" ? "element full screen (Fullscreen API)" : "full-window fallback";
      say(info, "presentation", path);
      // Either way the presentation fills the window.
      const box = await tab.eval(() => {
        const r = document.querySelector('[data-testid="presentation"]').getBoundingClientRect();
        return { width: Math.round(r.width), height: Math.round(r.height), w: innerWidth, h: innerHeight };
      });
      expect(box.width, JSON.stringify(box)).toBeGreaterThanOrEqual(box.w - 20);
      // Escape leaves presentation (and full screen) for the calculator.
      await tab.press("Escape");
      await expect.poll(() => tab.eval(() => document.querySelector('[data-testid="presentation"]') === null)).toBe(true);
      await expect.poll(() => tab.eval(() => document.fullscreenElement === null)).toBe(true);
      expect(await tab.text(card("npv"))).toBe(money(DEFAULTS.npv, lang));

      // Without element full screen (iPhone Safari has no requestFullscreen on elements):
      // the same presentation fills the window instead, with no page error.
      await tab.eval(() => delete Element.prototype.requestFullscreen);
      await tab.click('[data-testid="present"]');
      await expect.poll(() => tab.text(presented)).toBe(money(DEFAULTS.npv, lang));
      expect(await tab.eval(() => document.fullscreenElement)).toBeNull();
      const fill = await tab.eval(() => {
        const r = document.querySelector('[data-testid="presentation"]').getBoundingClientRect();
        return { width: Math.round(r.width), height: Math.round(r.height), w: innerWidth, h: innerHeight };
      });
      expect(fill.width, JSON.stringify(fill)).toBeGreaterThanOrEqual(fill.w - 20);
      expect(fill.height, JSON.stringify(fill)).toBeGreaterThanOrEqual(fill.h - 20);
      say(info, "presentation", "full-window fallback (requestFullscreen removed, as on iPhone Safari)");
      await tab.press("Escape");
      await expect.poll(() => tab.eval(() => document.querySelector('[data-testid="presentation"]') === null)).toBe(true);
    });

    test("a share link opened in a fresh profile shows the same figures", async ({ tab, profiles }) => {
      await openApp(tab, lang);
      await tab.type('[data-testid="f-churn_after_pct"]', lang === "es" ? "12,5" : "12.5");
      await expect.poll(() => tab.text(card("npv"))).toBe(money(CHURN_12_5.npv, lang));
      const sender = await cards(tab);
      await tab.click('[data-testid="copy-link"]');
      await expect.poll(() => tab.value('[data-testid="share-link"]')).toMatch(/#s=./);
      const link = await tab.value('[data-testid="share-link"]');
      expect(link.startsWith(`${APP_ORIGIN}/`)).toBe(true);

      const receiver = await profiles();
      await receiver.goto(link);
      await figures(receiver);
      await expect.poll(() => receiver.eval(() => document.querySelector('[data-testid="shared-banner"]') !== null)).toBe(true);
      // A fresh profile: nothing of the sender's storage (viewing a link writes nothing).
      expect(await receiver.eval(() => localStorage.getItem("retorno.current"))).toBeNull();
      if ((await receiver.eval(() => document.documentElement.lang)) !== lang) {
        await receiver.click(`.lang button:nth-child(${lang === "es" ? 1 : 2})`);
      }
      await expect.poll(() => cards(receiver)).toEqual(sender);
      expect(sender.npv).toBe(money(CHURN_12_5.npv, lang));
      expect(sender.roi).toBe(percent(CHURN_12_5.roi_pct, lang));
    });

    test("the visitor's calculator in a host page on another origin: sized, results only to the named host", async ({ tab }, info) => {
      const frameUrl = embedUrl({ lang, host: HOST_ORIGIN, events: "1" });
      const page = (origin) => `${origin}/page.html?${new URLSearchParams({ frame: frameUrl })}`;
      const iframe = () => tab.eval(() => ({ height: document.querySelector("iframe").offsetHeight, style: document.querySelector("iframe").style.height }));

      // The named host: the frame sizes to its document and posts its results there.
      await tab.goto(page(HOST_ORIGIN));
      await tab.frame("iframe[data-retorno]");
      await figures(tab);
      await expect.poll(() => cards(tab)).toEqual(expectedCards(visitorModel(), lang));
      const inner = await tab.eval(() => document.documentElement.scrollHeight);
      await tab.top();
      await expect.poll(async () => Math.abs((await iframe()).height - inner), { message: "frame as tall as its document" }).toBeLessThanOrEqual(2);
      expect((await iframe()).height).toBeGreaterThan(300);
      const results = () => tab.eval(() => window.__results);
      await expect.poll(async () => (await results()).length).toBeGreaterThanOrEqual(1);
      expect((await results()).at(-1)).toMatchObject({
        type: "retorno:result",
        roi_pct: round(visitorModel().roi_pct, 1),
        npv: round(visitorModel().npv, 0),
        payback_months: round(visitorModel().payback_months, 1),
        currency: "EUR",
      });
      // A slider step inside the frame: new figures, and a result with them. The visitor
      // clicks into the frame first (a card), as a person's keys reach a frame they
      // clicked into: WebKit sends keys to the top document otherwise.
      await tab.frame("iframe[data-retorno]");
      await tab.click(card("npv"));
      await tab.pressOn('[data-testid="slider-seats"]', "ArrowRight");
      const m = visitorModel({ seats: 41 });
      await expect.poll(() => cards(tab)).toEqual(expectedCards(m, lang));
      await tab.collect();
      await tab.top();
      await expect.poll(async () => (await results()).at(-1).npv).toBe(round(m.npv, 0));
      expect((await results()).at(-1).roi_pct).toBe(round(m.roi_pct, 1));
      const origins = await tab.eval(() => [...new Set(window.__messages.map((x) => x.origin))]);
      expect(origins).toEqual([APP_ORIGIN]);

      // Another site embedding the same frame (meant for the named host) gets nothing:
      // no result, no resize.
      await tab.goto(page(OTHER_ORIGIN));
      await tab.frame("iframe[data-retorno]");
      await figures(tab);
      expect(await tab.value('[data-testid="slider-seats"]'), "a new site: none of the first frame's values").toBe("40");
      await tab.click(card("npv"));
      await tab.pressOn('[data-testid="slider-seats"]', "ArrowRight");
      await expect.poll(() => cards(tab)).toEqual(expectedCards(m, lang));
      await tab.collect();
      await tab.top();
      await new Promise((done) => setTimeout(done, 1000)); // well past the 250 ms of a result
      expect(await tab.eval(() => window.__messages)).toEqual([]);
      expect(await results()).toEqual([]);
      expect(await iframe()).toEqual({ height: 150, style: "" });
      // Firefox reports each message it dropped for its target origin in the console as
      // an error; Chromium and WebKit drop them silently. Dropping them is the design.
      const dropped = tab.drop(/target origin provided \(‘http:\/\/localhost:\d+’\) does not match the recipient window’s origin/);
      say(info, "other site", `${dropped} message(s) for the named host dropped with a console error by the browser`);
    });

    test("a saved scenario survives a reload", async ({ tab }) => {
      await openApp(tab, lang);
      await tab.type('[data-testid="scenario-name"]', "Plan 2027");
      await tab.type('[data-testid="f-seats"]', "50");
      const m = model({ seats: 50 });
      await expect.poll(() => tab.text(card("npv"))).toBe(money(m.npv, lang));
      await tab.click('[data-testid="save"]');
      await expect
        .poll(() => tab.eval(() => Object.keys(localStorage).filter((k) => k.startsWith("retorno.saved.")).length))
        .toBe(1);

      await tab.reload();
      await figures(tab);
      expect(await tab.eval(() => document.documentElement.lang)).toBe(lang);
      await expect.poll(() => tab.text(card("npv"))).toBe(money(m.npv, lang));
      expect(await tab.value('[data-testid="scenario-name"]')).toBe("Plan 2027");
      await tab.click('[data-testid="nav-scenarios"]');
      await expect.poll(() => tab.eval(() => [...document.querySelectorAll('[data-testid="library-row"] .name')].map((e) => e.textContent.trim()))).toEqual(["Plan 2027"]);
    });
  });
}
