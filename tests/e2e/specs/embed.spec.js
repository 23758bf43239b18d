// The visitor's calculator (embed.html), alone and inside host pages on other origins
// (served with page.route at http://host.test and http://other.test), with the host
// script embed.js. Expected figures come from the independent JS model in embed-host.js
// (checked here against tests/fixtures/model_golden.json), formatted with Intl the way
// the page formats them; never from the page under test.
import { mkdirSync } from "node:fs";
import { CHROMIUM } from "../chromium.js";
import { fileURLToPath } from "node:url";
import {
  axe,
  card,
  expect,
  expected,
  golden,
  money,
  oneDecimal,
  percent,
  readMoney,
  slider,
  stored,
  test,
  watch,
} from "./app.js";
import { APP_ORIGIN, HOST, OTHER, embedUrl, model, openHost, round, visitorModel } from "./embed-host.js";

const ARTIFACTS = fileURLToPath(new URL("../artifacts/", import.meta.url));
mkdirSync(ARTIFACTS, { recursive: true });

// The host pages (http://host.test, page.route) are "public" to Chromium and the frame's
// server is on loopback: Chromium's private/local network access checks would block a
// public page from embedding a loopback one. In real life both are public sites; here
// the checks are switched off so the test sees the cross-origin behaviour alone.
test.use({
  launchOptions: {
    ...CHROMIUM,
    args: [
      ...CHROMIUM.args,
      "--disable-features=BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights,PrivateNetworkAccessRespectPreflightResults,LocalNetworkAccessChecks",
    ],
  },
});

const DEFAULTS = visitorModel();
const MONTHS = { en: "months", es: "meses" };

/** Opens embed.html?`options` as the top document and waits for the first result. */
async function openEmbed(page, options = {}) {
  await page.goto(embedUrl(options));
  await expect(card(page, "npv")).not.toHaveText("");
}

/** The four cards of `where` (page or frame) show the figures of `m` in `lang`/`currency`. */
async function expectCards(where, m, lang = "en", currency = "EUR") {
  await expect(card(where, "roi")).toHaveText(percent(m.roi_pct, lang));
  await expect(card(where, "npv")).toHaveText(money(m.npv, lang, currency));
  await expect(card(where, "payback")).toHaveText(`${oneDecimal(m.payback_months, lang)} ${MONTHS[lang]}`);
  await expect(card(where, "tco")).toHaveText(money(m.tco_per_user_3y, lang, currency));
}

/** The card figures as the page shows them (English), for logs. */
async function cardTexts(where) {
  const out = {};
  for (const name of ["roi", "npv", "payback", "tco"]) out[name] = (await card(where, name).textContent()).trim();
  return out;
}

/** Height facts of the frame `frame` inside host `page`. */
async function heights(page, frame) {
  const iframe = await page.locator("iframe[data-retorno]").evaluate((f) => ({
    offset: f.offsetHeight,
    style: f.style.height,
    width: f.clientWidth,
  }));
  const inner = await frame.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    clientHeight: document.documentElement.clientHeight,
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  return { iframe, inner };
}

// ------------------------------------------------------------------ the model itself

test("the independent JS model agrees with model_golden.json", async () => {
  for (const c of golden.cases) {
    const e = expected(c.name);
    const over = Object.fromEntries(
      Object.entries(c.overrides).map(([k, v]) => [k, k === "lines" ? v : Number(v)]),
    );
    const m = model(over);
    expect(m.npv, c.name).toBeCloseTo(e.npv, 3);
    expect(m.roi_pct, c.name).toBeCloseTo(e.roi_pct, 6);
    if (e.payback_months === null) expect(m.payback_months, c.name).toBeNull();
    else expect(m.payback_months, c.name).toBeCloseTo(e.payback_months, 6);
    expect(m.tco_per_user_3y, c.name).toBeCloseTo(e.tco_per_user_3y, 4);
    m.costs.forEach((x, t) => expect(x, `${c.name} cost ${t}`).toBeCloseTo(e.costs[t], 3));
    m.benefits.forEach((x, t) => expect(x, `${c.name} benefit ${t}`).toBeCloseTo(e.benefits[t], 3));
  }
});

// ------------------------------------------------------------------ 1. default figures

test.describe("default figures", () => {
  for (const lang of ["es", "en"]) {
    test(`embed.html?lang=${lang} shows the visitor's estimate: ROI, NPV, payback and cost per user`, async ({
      page,
    }) => {
      await openEmbed(page, { lang });
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expectCards(page, DEFAULTS, lang);
      // The default inputs: the twelve visitor fields, in order.
      await expect(page.locator('[data-testid^="slider-"]')).toHaveCount(12);
      await expect(page.getByTestId("options-ignored")).toHaveCount(0);
      console.log(`embed ${lang}:`, await cardTexts(page));

      // The full app, same language: its own full model, every line at its typical value.
      await page.goto("/");
      await page.locator(".lang").getByRole("button", { name: lang === "es" ? /Español/ : /English/ }).click();
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expectCards(page, model(), lang);
    });
  }

  test("without lang, the browser's language (en-US here) is used", async ({ page }) => {
    await openEmbed(page);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expectCards(page, DEFAULTS, "en");
  });
});

// ------------------------------------------------------------------ 2. resizing

test.describe("the frame follows its content's height", () => {
  for (const width of [360, 1280]) {
    test(`host page ${width} px wide: frame as tall as its document, no inner scroll; "What is counted" grows it`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 800 });
      const frame = await openHost(page, { lang: "en" });
      // Wait until the host script has sized the frame to its document.
      await expect
        .poll(async () => {
          const h = await heights(page, frame);
          return Math.abs(h.iframe.offset - h.inner.scrollHeight);
        })
        .toBeLessThanOrEqual(2);
      const before = await heights(page, frame);
      console.log(`${width} px: iframe ${before.iframe.offset} px tall (${before.iframe.style}), frame document`, before.inner);
      expect(before.iframe.offset).toBeGreaterThan(300);
      expect(before.inner.scrollHeight, "no vertical overflow inside the frame").toBeLessThanOrEqual(before.inner.clientHeight + 1);
      expect(before.inner.scrollWidth, "no horizontal scroll inside the frame").toBeLessThanOrEqual(before.inner.clientWidth);
      const hostScroll = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(hostScroll[0], "no horizontal scroll on the host page").toBeLessThanOrEqual(hostScroll[1]);
      // A screenshot of the whole host page: a viewport as tall as the page (a fullPage
      // screenshot leaves the cross-origin frame out below the first viewport).
      const tall = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewportSize({ width, height: tall });
      await page.screenshot({ path: `${ARTIFACTS}embed-host-${width}.png` });
      await page.setViewportSize({ width, height: 800 });

      // Open "What is counted": the frame grows and still fits its document.
      await frame.getByTestId("counted").locator("summary").click();
      await expect(frame.getByTestId("counted")).toHaveAttribute("open", "");
      await expect
        .poll(async () => (await heights(page, frame)).iframe.offset)
        .toBeGreaterThan(before.iframe.offset + 20);
      await expect
        .poll(async () => {
          const h = await heights(page, frame);
          return Math.abs(h.iframe.offset - h.inner.scrollHeight);
        })
        .toBeLessThanOrEqual(2);
      const after = await heights(page, frame);
      console.log(`${width} px, "What is counted" open: iframe ${after.iframe.offset} px, frame document`, after.inner);
      expect(after.inner.scrollHeight).toBeLessThanOrEqual(after.inner.clientHeight + 1);
      expect(after.inner.scrollWidth).toBeLessThanOrEqual(after.inner.clientWidth);
      // Closing it again shrinks the frame back to its first height (the frame reports its
      // body's height, not the root's, which never falls below the frame's own height).
      await frame.getByTestId("counted").locator("summary").click();
      await expect
        .poll(async () => (await heights(page, frame)).iframe.offset)
        .toBeLessThanOrEqual(before.iframe.offset + 2);
    });
  }

  test("a frame made narrow and then wide again shrinks back to its wide height", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const frame = await openHost(page, { lang: "en" });
    await expect.poll(async () => (await heights(page, frame)).iframe.offset).toBeGreaterThan(300);
    await expect.poll(async () => {
      const h = await heights(page, frame);
      return Math.abs(h.iframe.offset - h.inner.scrollHeight);
    }).toBeLessThanOrEqual(2);
    const wide = (await heights(page, frame)).iframe.offset;
    await page.setViewportSize({ width: 360, height: 800 });
    await expect.poll(async () => (await heights(page, frame)).iframe.offset).toBeGreaterThan(wide + 500);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(async () => (await heights(page, frame)).iframe.offset).toBeLessThanOrEqual(wide + 2);
    console.log(`wide ${wide} px, back to ${(await heights(page, frame)).iframe.offset} px`);
  });
});

// ------------------------------------------------------------------ 3. result events

/** Messages of a type the host page received, and the results re-dispatched by embed.js. */
const received = (page, type) =>
  page.evaluate((type) => window.__messages.filter((m) => m.data?.type === type), type);
const results = (page) => page.evaluate(() => window.__results);

test.describe("result events", () => {
  test("an opted-in host gets a retorno:result after a slider moves, matching the cards and the model", async ({
    page,
  }) => {
    const frame = await openHost(page, { lang: "en", host: HOST, events: "1" });
    // The first result, posted once the first figures settle.
    await expect.poll(() => results(page).then((r) => r.length)).toBeGreaterThanOrEqual(1);
    const first = (await results(page)).at(-1);
    console.log("first result:", first);
    expect(first).toMatchObject({
      type: "retorno:result",
      roi_pct: round(DEFAULTS.roi_pct, 1),
      npv: round(DEFAULTS.npv, 0),
      payback_months: round(DEFAULTS.payback_months, 1),
      currency: "EUR",
    });
    const count = (await results(page)).length;

    // Three quick steps on the seats slider (40 → 43): one settled result, for 43.
    await slider(frame, "seats").focus();
    const started = Date.now();
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
    const pressing = Date.now() - started;
    await expect(slider(frame, "seats")).toHaveValue("43");
    const m = visitorModel({ seats: 43 });
    await expectCards(frame, m);
    await expect.poll(() => results(page).then((r) => r.length)).toBeGreaterThan(count);
    await page.waitForTimeout(600); // any further (unexpected) result would arrive by now
    const after = await results(page);
    const last = after.at(-1);
    console.log(`after 3 × ArrowRight in ${pressing} ms: ${after.length - count} result(s)`, last);
    if (pressing < 240) expect(after.length - count, "one result for a burst of changes").toBe(1);
    expect(last).toEqual({
      type: "retorno:result",
      roi_pct: round(m.roi_pct, 1),
      npv: round(m.npv, 0),
      payback_months: round(m.payback_months, 1),
      currency: "EUR",
      link: await frame.getByTestId("full-analysis").getAttribute("href"),
    });
    // The same figures as the cards show.
    expect(percent(last.roi_pct)).toBe((await card(frame, "roi").textContent()).trim());
    expect(last.npv).toBe(readMoney(await card(frame, "npv").textContent()));
    expect(`${oneDecimal(last.payback_months)} months`).toBe((await card(frame, "payback").textContent()).trim());
    // Every message came from the frame's origin (embed.js checked it too).
    const all = await page.evaluate(() => window.__messages);
    expect(new Set(all.map((x) => x.origin))).toEqual(new Set([APP_ORIGIN]));
    expect((await received(page, "retorno:resize")).length).toBeGreaterThanOrEqual(1);
  });

  test("a page of another origin embedding a frame meant for host.test gets no result and no resize", async ({
    page,
  }) => {
    const frame = await openHost(page, { lang: "en", host: HOST, events: "1" }, { origin: OTHER });
    await slider(frame, "seats").focus();
    await page.keyboard.press("ArrowRight");
    await expectCards(frame, visitorModel({ seats: 41 }));
    await page.waitForTimeout(1000); // well past the 250 ms of a result
    const messages = await page.evaluate(() => window.__messages);
    console.log(`other.test received ${messages.length} message(s)`);
    expect(messages).toEqual([]);
    expect(await results(page)).toEqual([]);
    // Never sized by embed.js: still the default 150 px of an iframe.
    expect(await page.locator("iframe[data-retorno]").evaluate((f) => [f.style.height, f.offsetHeight])).toEqual(["", 150]);
  });

  test("a host that did not opt in (no events=1) gets resizes but no results", async ({ page }) => {
    const frame = await openHost(page, { lang: "en", host: HOST });
    await expect.poll(() => received(page, "retorno:resize").then((r) => r.length)).toBeGreaterThanOrEqual(1);
    await slider(frame, "seats").focus();
    await page.keyboard.press("ArrowRight");
    await expectCards(frame, visitorModel({ seats: 41 }));
    await page.waitForTimeout(1000);
    expect(await received(page, "retorno:result")).toEqual([]);
    expect(await results(page)).toEqual([]);
    const resizes = await received(page, "retorno:resize");
    console.log("resize messages:", resizes.map((r) => r.data.height));
    expect(resizes.every((r) => r.origin === APP_ORIGIN && r.data.height > 0)).toBe(true);
  });

  test("without host, the frame talks to the referrer's origin: resizes, never results", async ({ page }) => {
    // events=1 without host is refused (an option ignored), and sizing still works.
    const frame = await openHost(page, { lang: "en", events: "1" });
    await expect(frame.getByTestId("options-ignored")).toHaveText(
      "Some options of this calculator are not valid and were ignored: events.",
    );
    await expect.poll(() => received(page, "retorno:resize").then((r) => r.length)).toBeGreaterThanOrEqual(1);
    await slider(frame, "seats").focus();
    await page.keyboard.press("ArrowRight");
    await expectCards(frame, visitorModel({ seats: 41 }));
    await page.waitForTimeout(1000);
    expect(await results(page)).toEqual([]);
  });
});

test("a scenario that never pays back: payback null in the result, left out of the call-to-action", async ({ page }) => {
  // Golden case "never_pays_back", preset through v.<field> (most of them not shown).
  const over = {
    leads_per_year: 100,
    sales_reps: 1,
    customers: 10,
    tickets_per_year: 100,
    marketing_spend: 1000,
    opportunities_per_year: 10,
  };
  const m = visitorModel(over, { preset: Object.keys(over) });
  expect(m.payback_months).toBeNull();
  const presets = Object.fromEntries(Object.entries(over).map(([k, v]) => [`v.${k}`, String(v)]));
  const frame = await openHost(page, {
    lang: "en",
    host: HOST,
    events: "1",
    cta: "Talk to us",
    cta_url: "https://vendor.test/contact",
    ...presets,
  });
  await expect(frame.getByTestId("options-ignored")).toHaveCount(0);
  await expect(card(frame, "roi")).toHaveText(percent(m.roi_pct));
  await expect(card(frame, "npv")).toHaveText(money(m.npv));
  await expect.poll(() => results(page).then((r) => r.length)).toBeGreaterThanOrEqual(1);
  const last = (await results(page)).at(-1);
  console.log("never pays back:", { ...last, link: "…" }, "payback card:", await card(frame, "payback").textContent());
  expect(last).toMatchObject({ roi_pct: round(m.roi_pct, 1), npv: round(m.npv, 0), payback_months: null, currency: "EUR" });
  const q = new URL(await frame.getByTestId("cta").getAttribute("href")).searchParams;
  expect([...q.keys()]).toEqual(["roi", "npv", "currency", "link"]);
  expect(Number(q.get("npv"))).toBe(round(m.npv, 0));
});

test("embed.js ignores look-alike messages from any window but the frame's", async ({ page }) => {
  const frame = await openHost(page, { lang: "en", host: HOST, events: "1" });
  await expect.poll(() => results(page).then((r) => r.length)).toBeGreaterThanOrEqual(1);
  const iframe = page.locator("iframe[data-retorno]");
  await expect.poll(async () => (await heights(page, frame)).iframe.offset).toBeGreaterThan(300);
  const height = await iframe.evaluate((f) => f.style.height);
  const count = (await results(page)).length;
  // Another site's frame on the page, and the page itself, post what the frame would.
  await page.route(`${OTHER}/**`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>ad</title><script>
        parent.postMessage({ type: "retorno:resize", height: 5 }, "*");
        parent.postMessage({ type: "retorno:result", roi_pct: 999, npv: 1, payback_months: 1, currency: "EUR", link: "x" }, "*");
      </script>`,
    }),
  );
  await page.evaluate(() => {
    const ad = document.createElement("iframe");
    ad.src = "http://other.test/ad.html";
    ad.title = "ad";
    document.body.append(ad);
    postMessage({ type: "retorno:resize", height: 7 }, "*");
    postMessage({ type: "retorno:result", roi_pct: 998 }, "*");
  });
  await expect.poll(() => page.evaluate(() => window.__messages.filter((m) => m.data?.roi_pct >= 998).length)).toBe(2);
  await page.waitForTimeout(300);
  expect(await iframe.evaluate((f) => f.style.height)).toBe(height);
  expect((await results(page)).length).toBe(count);
});

// ------------------------------------------------------------------ 4. call-to-action

test.describe("call-to-action", () => {
  test("its link carries roi, npv, payback_months, currency and link; a click opens it in the top window", async ({
    page,
  }) => {
    const ctaUrl = "https://vendor.test/contact?src=embed#form";
    await page.route("https://vendor.test/**", (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>Contact</title><h1>Contact us</h1>" }),
    );
    const frame = await openHost(page, { lang: "en", cta: "Talk to us", cta_url: ctaUrl });
    const cta = frame.getByTestId("cta");
    await expect(cta).toHaveText("Talk to us");
    await expect(cta).toHaveAttribute("target", "_top");
    await expect(cta).toHaveAttribute("rel", /noopener/);

    // Move a slider first, so the link carries a changed result: churn after 13 → 12.5.
    await slider(frame, "churn_after_pct").focus();
    await page.keyboard.press("ArrowLeft");
    const m = visitorModel({ churn_after_pct: 12.5 });
    await expectCards(frame, m);
    await expect(cta).toHaveAttribute("href", /roi=/);
    const href = await cta.getAttribute("href");
    console.log("cta href:", href);
    const url = new URL(href);
    expect(`${url.origin}${url.pathname}`).toBe("https://vendor.test/contact");
    expect(url.hash).toBe("#form");
    const q = Object.fromEntries(url.searchParams);
    expect(Object.keys(q)).toEqual(["src", "roi", "npv", "payback_months", "currency", "link"]);
    expect(q.src).toBe("embed");
    expect(Number(q.roi)).toBe(round(m.roi_pct, 1));
    expect(Number(q.npv)).toBe(round(m.npv, 0));
    expect(Number(q.payback_months)).toBe(round(m.payback_months, 1));
    expect(q.currency).toBe("EUR");
    expect(q.link).toBe(await frame.getByTestId("full-analysis").getAttribute("href"));
    // The same as the cards.
    expect(percent(Number(q.roi))).toBe((await card(frame, "roi").textContent()).trim());
    expect(Number(q.npv)).toBe(readMoney(await card(frame, "npv").textContent()));
    expect(`${oneDecimal(Number(q.payback_months))} months`).toBe((await card(frame, "payback").textContent()).trim());

    // A click navigates the host page itself.
    await cta.click();
    await page.waitForURL("https://vendor.test/**");
    expect(page.url()).toBe(href);
    await expect(page.locator("h1")).toHaveText("Contact us");
  });

  test("a call-to-action without an https URL is refused", async ({ page }) => {
    const warnings = [];
    page.on("console", (msg) => msg.type() === "warning" && msg.text().startsWith("Retorno") && warnings.push(msg.text()));
    await openEmbed(page, { lang: "en", cta: "Talk to us", cta_url: "javascript:alert(1)" });
    await expect(page.getByTestId("cta")).toHaveCount(0);
    await expect(page.getByTestId("options-ignored")).toHaveText(
      "Some options of this calculator are not valid and were ignored: cta_url, cta.",
    );
    expect(warnings).toEqual(['Retorno: option "cta_url" ignored', 'Retorno: option "cta" ignored']);
  });
});

// ------------------------------------------------------------------ 5. presets and options

test.describe("presets and options", () => {
  test("presets, show, lock, currency and lang: four sliders, seats locked, USD, hidden presets count", async ({
    page,
  }) => {
    // Customers and revenue per customer are preset but not shown: the owner set them, so
    // the retention line counts; every other benefit line needs an input nobody sees.
    const show = ["seats", "churn_before_pct", "churn_after_pct", "licence_per_seat_month"];
    const preset = ["seats", "churn_after_pct", "customers", "revenue_per_customer"];
    await openEmbed(
      page,
      `v.seats=25&v.churn_after_pct=11&v.customers=2000&v.revenue_per_customer=3000&currency=USD&lang=en&lock=seats&show=${show.join(",")}`,
    );
    const sliders = page.locator('[data-testid^="slider-"]');
    await expect(sliders).toHaveCount(4);
    expect(await sliders.evaluateAll((els) => els.map((e) => e.dataset.testid))).toEqual(show.map((f) => `slider-${f}`));
    await expect(page.locator('input[data-testid^="w-"]')).toHaveCount(4);
    // Seats: shown, not editable.
    await expect(slider(page, "seats")).toBeDisabled();
    await expect(slider(page, "seats")).toHaveValue("25");
    await expect(page.getByTestId("w-seats")).toHaveAttribute("readonly", "");
    await expect(page.getByTestId("w-seats")).toHaveValue("25");
    await expect(page.getByTestId("w-seats")).not.toBeEditable();
    // The others: preset and editable.
    await expect(slider(page, "churn_after_pct")).toBeEnabled();
    await expect(slider(page, "churn_after_pct")).toHaveValue("11");
    await expect(page.getByTestId("w-churn_after_pct")).toHaveValue("11");
    await expect(page.getByTestId("w-churn_after_pct")).toBeEditable();
    await expect(slider(page, "licence_per_seat_month")).toHaveValue("65");
    await expect(page.getByTestId("currency")).toHaveValue("USD");
    await expect(page.getByTestId("options-ignored")).toHaveCount(0);

    const values = { seats: 25, churn_after_pct: 11, customers: 2000, revenue_per_customer: 3000 };
    const m = visitorModel(values, { show, preset });
    expect(m.benefits[1]).toBeGreaterThan(0);
    await expectCards(page, m, "en", "USD");
    console.log("presets:", await cardTexts(page));
    // "What is counted": retention counts, conversion needs the leads and the rest.
    await page.getByTestId("counted").locator("summary").click();
    await expect(page.getByTestId("counted").locator("summary")).toHaveText(
      "What is counted: 1 of 11 benefit lines, 1 of 6 cost lines",
    );
    await expect(page.getByTestId("counted-benefits").locator("li")).toHaveText([
      `Customer retention: ${money(m.benefits.reduce((a, b) => a + b, 0), "en", "USD")}`,
    ]);
    // The presets the visitor does not see as fields are said with their values.
    await expect(page.getByTestId("set-by-site").locator("li")).toHaveText([
      "Active customers: 2,000",
      `Yearly revenue per customer: ${money(3000, "en", "USD")}`,
    ]);
    // A locked field stays put: typing into it changes nothing.
    await page.getByTestId("w-seats").press("ArrowUp").catch(() => {});
    await expect(page.getByTestId("w-seats")).toHaveValue("25");
    // An editable one moves the figures: licence 65 → 66.
    await slider(page, "licence_per_seat_month").focus();
    await page.keyboard.press("ArrowRight");
    await expectCards(page, visitorModel({ ...values, licence_per_seat_month: 66 }, { show, preset }), "en", "USD");
  });

  test("bad options are ignored, each named in the frame and in a console warning; defaults used", async ({
    page,
    problems,
  }) => {
    const warnings = [];
    page.on("console", (msg) => msg.type() === "warning" && msg.text().startsWith("Retorno") && warnings.push(msg.text()));
    await openEmbed(page, "lang=en&v.seats=2.5&v.nope=1&accent=zzz");
    await expect(page.getByTestId("options-ignored")).toHaveText(
      "Some options of this calculator are not valid and were ignored: v.seats, v.nope, accent.",
    );
    await expect(page.getByTestId("options-ignored")).toHaveAttribute("role", "status");
    expect(warnings).toEqual([
      'Retorno: option "v.seats" ignored',
      'Retorno: option "v.nope" ignored',
      'Retorno: option "accent" ignored',
    ]);
    await expect(slider(page, "seats")).toHaveValue("40");
    await expectCards(page, DEFAULTS);
    // The default accent: no inline --brand set on <html>.
    expect(await page.evaluate(() => document.documentElement.style.getPropertyValue("--brand"))).toBe("");
    expect(problems).toEqual([]);
    // In Spanish, the same message in Spanish.
    await openEmbed(page, "lang=es&v.seats=2.5&v.nope=1&accent=zzz");
    await expect(page.getByTestId("options-ignored")).toHaveText(
      "Algunas opciones de esta calculadora no son válidas y se ignoraron: v.seats, v.nope, accent.",
    );
  });

  test("a good accent colour is applied", async ({ page }) => {
    await openEmbed(page, "lang=en&accent=%23C0F");
    expect(await page.evaluate(() => document.documentElement.style.getPropertyValue("--brand"))).toBe("#cc00ff");
    await expect(page.getByTestId("options-ignored")).toHaveCount(0);
  });
});

// ------------------------------------------------------------------ 6. full analysis

test("the full-analysis link opens the full app with the same figures", async ({ page, context, problems }) => {
  await openEmbed(page, { lang: "en" });
  const link = page.getByTestId("full-analysis");
  await expect(link).toHaveAttribute("target", "_blank");
  // Seats 40 → 45, churn after 13 → 12.5, conversion after 11.5 → 12.
  await slider(page, "seats").focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  await slider(page, "churn_after_pct").focus();
  await page.keyboard.press("ArrowLeft");
  await slider(page, "conversion_after_pct").focus();
  await page.keyboard.press("ArrowRight");
  const m = visitorModel({ seats: 45, churn_after_pct: 12.5, conversion_after_pct: 12 });
  await expectCards(page, m);
  const href = await link.getAttribute("href");
  console.log("full analysis:", href);
  expect(href).toMatch(new RegExp(`^${APP_ORIGIN.replace(/\./g, "\\.")}/index\\.html#s=.+`));

  const [app] = await Promise.all([context.waitForEvent("page"), link.click()]);
  watch(app, problems);
  await expect(card(app, "npv")).not.toHaveText("");
  expect(app.url()).toBe(href);
  await expect(card(app, "roi")).toHaveText(percent(m.roi_pct));
  await expect(card(app, "npv")).toHaveText(money(m.npv));
  await expect(card(app, "payback")).toHaveText(`${oneDecimal(m.payback_months)} months`);
  await expect(card(app, "tco")).toHaveText(money(m.tco_per_user_3y));
  await expect(app.getByTestId("f-seats")).toHaveValue("45");
});

// ------------------------------------------------------------------ 7. storage

test.describe("storage", () => {
  test("blocked storage: the embed works in memory, no page error", async ({ page, problems }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, "localStorage", {
        get() {
          throw new DOMException("blocked", "SecurityError");
        },
      });
    });
    await openEmbed(page, { lang: "en" });
    await expectCards(page, DEFAULTS);
    await slider(page, "churn_after_pct").focus();
    await page.keyboard.press("ArrowLeft");
    await expectCards(page, visitorModel({ churn_after_pct: 12.5 }));
    await page.getByTestId("w-seats").fill("30");
    await expectCards(page, visitorModel({ churn_after_pct: 12.5, seats: 30 }));
    await page.getByTestId("currency").selectOption("USD");
    await expect(card(page, "npv")).toHaveText(money(visitorModel({ churn_after_pct: 12.5, seats: 30 }).npv, "en", "USD"));
    expect(problems).toEqual([]);
  });

  test("values survive a reload for the same options, not for others; the full app's keys are untouched", async ({
    page,
  }) => {
    const options = "lang=en&v.seats=30";
    await openEmbed(page, options);
    await expectCards(page, visitorModel({ seats: 30 }));
    await slider(page, "churn_after_pct").focus();
    await page.keyboard.press("ArrowLeft");
    await page.getByTestId("currency").selectOption("USD");
    const m = visitorModel({ seats: 30, churn_after_pct: 12.5 });
    await expectCards(page, m, "en", "USD");
    const kept = await stored(page);
    console.log("stored:", kept);
    expect(Object.keys(kept)).toEqual(["retorno.embed"]);
    const [first, values] = kept["retorno.embed"].split("\n");
    expect(first).toBe(`?${options}`);
    expect(values).toMatch(/^currency=USD&/);
    expect(values).toContain("v.churn_after_pct=12.5");

    // Same options: restored.
    await page.reload();
    await expect(card(page, "npv")).not.toHaveText("");
    await expect(slider(page, "churn_after_pct")).toHaveValue("12.5");
    await expect(page.getByTestId("currency")).toHaveValue("USD");
    await expectCards(page, m, "en", "USD");

    // Other options: the presets, not the visitor's values.
    await openEmbed(page, "lang=en&v.seats=31");
    await expect(slider(page, "churn_after_pct")).toHaveValue("13");
    await expect(page.getByTestId("currency")).toHaveValue("EUR");
    await expectCards(page, visitorModel({ seats: 31 }));
    // Only the embed's own key, ever.
    expect(Object.keys(await stored(page))).toEqual(["retorno.embed"]);
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(["retorno.embed"]);
  });
});

// ------------------------------------------------------------------ 8. accessibility

test.describe("accessibility", () => {
  for (const lang of ["es", "en"]) {
    for (const theme of ["light", "dark"]) {
      test(`axe-core finds no WCAG 2.2 AA violation: ${lang}, ${theme}`, async ({ page }) => {
        await openEmbed(page, { lang, theme, cta: lang === "es" ? "Habla con nosotros" : "Talk to us", cta_url: "https://vendor.test/c" });
        if (theme === "dark") await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
        // Everything open: the math of each card and what is counted.
        for (const d of await page.locator("details").all()) await d.locator("summary").click();
        if (theme === "dark") await page.screenshot({ path: `${ARTIFACTS}embed-dark-${lang}.png`, fullPage: true });
        const { violations } = await axe(page);
        expect(violations.map((v) => v.id)).toEqual([]);
      });
    }
  }
});
