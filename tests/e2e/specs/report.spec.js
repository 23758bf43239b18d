// The leave-behind report, printed by Chromium (page.pdf: the engine behind "Save as
// PDF") on A4 and Letter, in English and Spanish, and read back with PDF.js.
//
// Expected values: the independent JS model (specs/model.js) for the totals, the golden
// defaults (tests/fixtures/model_golden.json) for every input's value, formatted here
// with Intl the way the report is specified to show them (docs/PRESENTING.md): money
// without cents unless it has some, percentages with up to four decimals, counts with
// up to four, hours "h", minutes "min", days, weeks and years in words.
import { test, expect, open, describe, setField, lang, readMoney, defaults, TAG, axe, card, watch, go } from "./app.js";
import { model } from "./model.js";
import { print, pageOf, squash, PAPER } from "./pdf.js";
import jsQR from "jsqr";

const OVER = { seats: 25, churn_after_pct: 12.5, conversion_after_pct: 12.375, lines: { deal_size: false } };
const SECRET = "PRIVATE-NOTE-7731";

const MONEY = new Set([
  "avg_deal_value", "revenue_per_customer", "licence_per_seat_month", "ai_addon_per_seat_month", "implementation",
  "integration", "data_migration", "initial_training", "maintenance_per_year", "continuous_training_per_year",
  "admin_hourly_rate", "rep_hourly_rate", "service_cost_per_hour", "marketing_spend", "clv_uplift",
]);
const WORDS = {
  en: { days: "days", weeks: "weeks", years: "years" },
  es: { days: "días", weeks: "semanas", years: "años" },
};
const UNIT = {
  admin_hours_per_month: "h", hours_saved_per_rep_week: "h", handle_minutes_saved: "min",
  working_weeks: "weeks", cycle_days_before: "days", cycle_days_after: "days", horizon_years: "years",
};

/** An input's value as the assumptions table shows it (see the header). */
function shown(key, value, code) {
  const tag = TAG[code];
  const plain = new Intl.NumberFormat(tag, { maximumFractionDigits: 4 }).format(value);
  if (MONEY.has(key)) {
    const digits = Number.isInteger(value) ? 0 : 2;
    return new Intl.NumberFormat(tag, { style: "currency", currency: "EUR", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  }
  if (key.endsWith("_pct")) return new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 4 }).format(value / 100);
  const unit = UNIT[key];
  if (unit === "h" || unit === "min") return `${plain} ${unit}`;
  if (unit) return `${plain} ${WORDS[code][unit]}`;
  return plain;
}

/** The calculator set up as a rep would before printing, in `code`. */
async function prepared(page, code) {
  await open(page);
  if (code === "es") await lang(page, "es");
  const decimal = code === "es" ? "," : ".";
  await describe(page, { name: "Plan 2027", company: "ACME Logística S.A.", notes: SECRET });
  await setField(page, "seats", "25");
  await setField(page, "churn_after_pct", `12${decimal}5`);
  await setField(page, "conversion_after_pct", `12${decimal}375`);
  await page.getByTestId("line-1").uncheck();
  await expect(page.getByTestId("card-tco").locator(".value")).not.toHaveText("");
  // What the calculator shows, to compare the report with.
  const foot = page.getByTestId("cashflow").locator("tfoot tr");
  const calculator = {
    totals: await foot.nth(0).locator("td").allInnerTexts(),
    present: await foot.nth(1).locator("td").allInnerTexts(),
    cards: Object.fromEntries(
      await Promise.all(["roi", "npv", "irr", "payback"].map(async (n) => [n, await card(page, n).innerText()])),
    ),
  };
  await page.getByTestId("report").click();
  await expect(page).toHaveURL(/\/report\.html\?from=app#s=\d+\./);
  await page.getByTestId("report-author").fill("Ana Pérez");
  await expect(page.getByTestId("report-prospect")).toHaveText("ACME Logística S.A.");
  return calculator;
}

for (const code of ["en", "es"]) {
  for (const format of ["A4", "Letter"]) {
    test(`the report prints on ${format} in ${code === "en" ? "English" : "Spanish"} with every input and the calculator's totals`, async ({ page }) => {
      const calculator = await prepared(page, code);
      const report = page.getByTestId("report");

      // On screen first: each input's row, from the golden defaults and the changes.
      const values = { ...defaults, seats: 25, churn_after_pct: 12.5, conversion_after_pct: 12.375 };
      for (const [key, value] of Object.entries(values)) {
        const row = page.getByTestId(`report-input-${key}`);
        await expect(row.locator("td").first(), key).toHaveText(shown(key, value, code));
        const changed = defaults[key] !== value;
        await expect(row, key).toHaveClass(changed ? /changed/ : /^(?!.*changed)/);
        if (changed) await expect(row.locator("td").nth(1)).toHaveText(shown(key, defaults[key], code));
      }
      expect(Object.keys(values)).toHaveLength(51);

      // The totals: the independent model, and the calculator's own table.
      const m = model(OVER);
      const sum = (xs) => xs.reduce((a, b) => a + b, 0);
      const cells = async (testid) => (await page.getByTestId(testid).locator("td").allInnerTexts()).slice(-2);
      const [costs, pvCosts] = await cells("report-costs");
      const [benefits] = await cells("report-benefits");
      const [net, npv] = await cells("report-net");
      // (Read back in English only: readMoney reads English figures.)
      const close = (text, value) => expect(Math.abs(readMoney(text) - value)).toBeLessThanOrEqual(1);
      if (code === "en") {
        close(costs, sum(m.costs));
        close(benefits, sum(m.benefits));
        close(npv, m.npv);
      }
      expect([costs, benefits, net]).toEqual(calculator.totals.slice(0, 3));
      expect([pvCosts, npv]).toEqual([calculator.present[0], calculator.present[2]]);
      for (const n of ["roi", "npv", "irr", "payback"]) {
        await expect(page.getByTestId(`report-${n}`).locator(".figure-value")).toHaveText(calculator.cards[n]);
      }
      // The line switched off is said to be off, and has no row of benefits.
      await expect(page.getByTestId("report-benefit-1")).toHaveCount(0);

      // Nothing wider than the page: the printable width of this paper in CSS pixels
      // (paper width − 2 × 14 mm margins, 96 px to the inch).
      const paperMm = format === "A4" ? 210 : 215.9;
      const printable = Math.floor(((paperMm - 28) / 25.4) * 96);
      await page.emulateMedia({ media: "print" });
      await page.setViewportSize({ width: printable, height: 1000 });
      const wide = await report.evaluate((root, limit) => {
        const out = [];
        for (const el of root.querySelectorAll("*")) {
          const r = el.getBoundingClientRect();
          if (r.width > 0 && r.right > limit + 0.5) out.push(`${el.tagName}.${el.className?.baseVal ?? el.className} ${Math.round(r.right)}`);
        }
        return out;
      }, printable);
      expect(wide).toEqual([]);
      await expect(page.getByTestId("report-toolbar")).toBeHidden();
      // The page itself is white in print: the screen's grey showed below the report, as
      // an empty grey box, on its last page.
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(255, 255, 255)");
      const tables = await report.locator("table").evaluateAll((ts) => ts.map((t) => t.innerText));
      const charts = await report.locator("figure").evaluateAll((fs) =>
        fs.map((f) => ({ title: f.querySelector("h3").textContent, texts: [...f.querySelectorAll("svg text")].map((t) => t.textContent) })),
      );
      await page.emulateMedia({ media: null });

      const { pages } = await print(page, format);
      const paper = PAPER[format];
      for (const p of pages) {
        expect(Math.abs(p.width - paper.width)).toBeLessThan(1);
        expect(Math.abs(p.height - paper.height)).toBeLessThan(1);
      }
      expect(pages.length).toBeGreaterThanOrEqual(3);
      // The cover: prospect, scenario, preparer, currency.
      for (const text of ["ACME Logística S.A.", "Plan 2027", "Ana Pérez", "EUR"]) {
        expect(pages[0].text, text).toContain(squash(text));
      }
      // Every page's footer: the scenario's name and "page / pages".
      pages.forEach((p, i) => {
        expect(p.text).toContain(squash("Retorno · Plan 2027"));
        expect(p.text).toContain(`${i + 1}/${pages.length}`);
      });
      const all = pages.map((p) => p.text).join("");
      // Every input, label and value together, as printed.
      for (const [key, value] of Object.entries(values)) {
        const label = await page.getByTestId(`report-input-${key}`).locator("th").innerText();
        expect(all, key).toContain(squash(label + shown(key, value, code)));
      }
      for (const text of [costs, benefits, npv, calculator.cards.roi]) expect(all).toContain(squash(text));
      // No controls, no navigation, no private notes.
      for (const text of ["Print or save as PDF", "Imprimir o guardar como PDF", "Back to the calculator", "Volver a la calculadora", SECRET]) {
        expect(all).not.toContain(squash(text));
      }
      // No table cut across pages: each one's whole text is on a single page.
      for (const text of tables) expect(pageOf(pages, text), text.slice(0, 60)).toBeGreaterThanOrEqual(0);
      // No chart cut: its title and all its labels on one page (a title can also begin
      // another heading, "Costs and benefits by year and line", so every page is tried).
      for (const chart of charts) {
        const whole = pages.some((p) => p.text.includes(squash(chart.title)) && chart.texts.every((t) => p.text.includes(squash(t))));
        expect(whole, `${chart.title}: ${chart.texts.join(" ")}`).toBe(true);
      }
    });
  }
}

test("the report's QR code reads back as its link, which opens the scenario without its notes", async ({ page, context, problems }) => {
  await prepared(page, "en");
  const link = await page.getByTestId("report-url").innerText();
  expect(link.startsWith(new URL("index.html#s=", page.url()).href), link).toBe(true);
  // Draw the code's SVG on a canvas, as a phone's camera would see it printed, and read
  // it with jsQR (an independent decoder).
  const image = await page.getByTestId("report-qr").evaluate(async (svg) => {
    const size = 400;
    const img = new Image();
    img.src = "data:image/svg+xml;base64," + btoa(new XMLSerializer().serializeToString(svg));
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = size;
    const g = canvas.getContext("2d");
    g.drawImage(img, 0, 0, size, size);
    return { data: [...g.getImageData(0, 0, size, size).data], size };
  });
  const decoded = jsQR(Uint8ClampedArray.from(image.data), image.size, image.size);
  expect(decoded?.data).toBe(link);

  const other = watch(await context.newPage(), problems);
  await other.goto(link);
  await expect(other.getByTestId("scenario-company")).toHaveValue("ACME Logística S.A.");
  await expect(other.getByTestId("scenario-name")).toHaveValue("Plan 2027");
  await expect(other.getByTestId("scenario-notes")).toHaveValue("");
  await expect(other.getByTestId("card-npv").locator(".value")).toHaveText(await page.getByTestId("report-npv").locator(".figure-value").innerText());
});

test("the report page is accessible, switches language and goes back to the calculator", async ({ page }) => {
  await prepared(page, "es");
  let { report } = await axe(page);
  expect(report).toBe("");
  await expect(page.getByTestId("report-summary").locator("h2")).toHaveText("Resumen ejecutivo");
  await page.locator(".lang").getByRole("button", { name: /English/ }).click();
  await expect(page.getByTestId("report-summary").locator("h2")).toHaveText("Executive summary");
  // On a phone the page never scrolls sideways: the year columns scroll in their box.
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.scrollingElement.scrollWidth)).toBeLessThanOrEqual(360);
  ({ report } = await axe(page));
  expect(report).toBe("");
  await page.getByTestId("report-back").click();
  await expect(page.getByTestId("card-roi")).toBeVisible();
  await expect(page.getByTestId("scenario-company")).toHaveValue("ACME Logística S.A.");
  // The name typed for "prepared by" is remembered on this device.
  await page.getByTestId("report").click();
  await expect(page.getByTestId("report-author")).toHaveValue("Ana Pérez");
});

test("a report opened on its own goes back into the full app with its scenario; a bad link says so", async ({ page }) => {
  await open(page);
  await describe(page, { name: "Solo" });
  await page.getByTestId("report").click();
  const url = page.url().replace("?from=app", "");
  await page.goto("about:blank");
  const fresh = await page.context().newPage();
  await fresh.goto(url);
  await fresh.getByTestId("report-back").click();
  await expect(fresh).toHaveURL(/\/index\.html#s=\d+\./);
  await expect(fresh.getByTestId("scenario-name")).toHaveValue("Solo");

  await fresh.goto(url.replace(/#s=.*/, "#s=1.garbage.xyz"));
  await expect(fresh.getByTestId("report-bad-link")).toBeVisible();
  await expect(fresh.getByTestId("report")).toHaveCount(0);
});

test("a report with nothing named and a link too long for a QR code: no dashes, no empty column, the link shortened but whole in its target", async ({ page, context, problems }) => {
  await open(page);
  await lang(page, "en");
  // The measurement example: a scenario whose link (about 5,000 characters) no QR code
  // holds; its inputs are the defaults, and neither it nor the report is named.
  await go(page, "measure");
  await page.getByTestId("load-example").click();
  await expect(page.getByTestId("load-example")).toHaveCount(0);
  await go(page, "calculator");
  const npvShown = await card(page, "npv").innerText();
  await page.getByTestId("report").click();
  await expect(page).toHaveURL(/\/report\.html/);

  // The cover: the report's title as its heading, no "—" for what is not set.
  const cover = page.getByTestId("report-cover");
  await expect(page.getByTestId("report-prospect")).toHaveText("CRM return on investment");
  await expect(cover.locator("dt")).toHaveText(["Date", "Currency"]);
  expect(await cover.locator("dl").innerText()).not.toContain("—");

  // Every input is at its default: no column of defaults, and the note says so.
  const assumptions = page.getByTestId("report-assumptions");
  await expect(assumptions.locator(".hint")).toHaveText("Every input of the model, each at its default.");
  const columns = await assumptions.locator("table").evaluateAll((ts) => ts.map((t) => t.querySelectorAll("thead th").length));
  expect(columns.length).toBeGreaterThan(3);
  expect(new Set(columns)).toEqual(new Set([2]));

  // The link: printed short, whole as the target, and said to be too long for a code.
  const url = page.getByTestId("report-url");
  const href = await url.getAttribute("href");
  const printed = await url.innerText();
  expect(href.length, "the whole link").toBeGreaterThan(2953);
  expect(href.startsWith(new URL("index.html#s=", page.url()).href)).toBe(true);
  expect(printed.length).toBeLessThan(100);
  expect(printed.startsWith(href.slice(0, 64)) && printed.endsWith(href.slice(-12)) && printed.includes("…")).toBe(true);
  await expect(page.getByTestId("report-qr")).toHaveCount(0);
  await expect(page.getByTestId("report-link")).toContainText("too long for a QR code");
  const other = watch(await context.newPage(), problems);
  await other.goto(href);
  await expect(other.getByTestId("card-npv").locator(".value")).toHaveText(npvShown);

  // Printed on A4, every headline figure fits its card ("17.4 months" once spilled).
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: Math.floor(((210 - 28) / 25.4) * 96), height: 1000 });
  const spilled = await page.locator(".report-figure").evaluateAll((cards) =>
    cards.filter((c) => {
      const value = c.querySelector(".figure-value");
      return value.scrollWidth > value.clientWidth;
    }).map((c) => c.dataset.testid),
  );
  expect(spilled).toEqual([]);
});
