// Share links: a fresh browser opens one with the same figures, the user's own data
// stays untouched, a link pasted into an open tab opens, hostile links only warn.
// Expected values: tests/fixtures/model_golden.json through app.js, as in scenarios.spec.js.
import { readFile } from "node:fs/promises";
import {
  test,
  expect,
  expected,
  defaults,
  money,
  percent,
  readMoney,
  open,
  openAt,
  card,
  npv,
  field,
  setField,
  lang,
  langButton,
  currency,
  watch,
  go,
  notes,
  warnings,
  dismissNotes,
  rows,
  rowNames,
  row,
  rowCell,
  describe as describeScenario,
  shareLink,
  stored,
  npvPerSeat,
  axe,
} from "./app.js";
import {
  DEFAULTS,
  CHURN_12_5,
  TEN_YEARS,
  savedKeys,
  headline,
  recordDialogs,
} from "./scenario-page.js";

test.describe("share link", () => {
  test("a fresh browser opens the link with the same figures; keep saves it", async ({ page, browser, problems }) => {
    await open(page);
    const name = "Acme renewal";
    const company = "Acme Logística S.L.";
    const text = "Números en español: 1.234,5 €; ünïcödé ✓ and an emoji 🚀\nSecond line.";
    await describeScenario(page, { name, company, notes: text });
    await setField(page, "churn_after_pct", "12.5", "w");
    await currency(page, "USD");
    // Golden churn 12.5 % in dollars: "$193,174", ROI "55.4%".
    await expect(npv(page)).toHaveText(money(CHURN_12_5.npv, "en", "USD"));
    const sender = await headline(page);
    const senderStorage = await stored(page);

    const link = await shareLink(page);
    console.log(`share link length: ${link.length} characters`);
    expect(link.length, "a share link fits in 2,000 characters").toBeLessThan(2000);
    await expect(notes(page, `Link copied (${link.length} characters).`)).toBeVisible();
    await expect(page.getByTestId("link-as-file")).toHaveCount(0);
    expect(link.startsWith(new URL("/", page.url()).href)).toBe(true);

    // A new browser context: empty storage, nothing shared with the sender.
    const baseURL = test.info().project.use.baseURL;
    const other = await browser.newContext({ baseURL, locale: "en-US" });
    try {
      const receiver = watch(await other.newPage(), problems);
      const dialogs = recordDialogs(receiver);
      await receiver.goto(link);
      await expect(receiver.getByTestId("shared-banner")).toBeVisible();
      await expect(receiver.getByTestId("shared-banner")).toContainText("You are viewing a shared scenario.");
      await expect(npv(receiver)).toHaveText(sender.npv);
      await expect(card(receiver, "roi")).toHaveText(sender.roi);
      await expect(receiver.getByTestId("scenario-name")).toHaveValue(name);
      await expect(receiver.getByTestId("scenario-company")).toHaveValue(company);
      await expect(receiver.getByTestId("scenario-notes")).toHaveValue(text);
      await expect(receiver.getByTestId("currency")).toHaveValue("USD");
      await expect(field(receiver, "churn_after_pct", "w")).toHaveValue("12.5");
      await expect(warnings(receiver)).toHaveCount(0);
      // Viewing writes nothing: no working scenario, no named ones.
      const viewing = await stored(receiver);
      expect(viewing["retorno.current"], "the shared scenario is not autosaved").toBeUndefined();
      expect(savedKeys(viewing)).toEqual([]);

      // Keep it: saved as a new named scenario, back to the receiver's own (default) one.
      await receiver.getByTestId("keep-link").click();
      await expect(receiver.getByTestId("shared-banner")).toHaveCount(0);
      await expect(notes(receiver, `Saved “${name}”.`)).toBeVisible();
      await expect(npv(receiver)).toHaveText(money(DEFAULTS.npv)); // golden defaults, "€171,301"
      await expect(receiver.getByTestId("scenario-name")).toHaveValue("");
      expect(receiver.url()).not.toContain("#s=");
      await go(receiver, "scenarios");
      await expect(rowNames(receiver)).toHaveText([name]);
      await expect(row(receiver, name).locator(".company")).toHaveText(company);
      await expect(rowCell(row(receiver, name), "roi")).toHaveText(sender.roi);
      // The kept scenario's NPV, in its own currency, as the sender saw it.
      await expect.soft(rowCell(row(receiver, name), "npv")).toHaveText(sender.npv);
      expect(savedKeys(await stored(receiver))).toHaveLength(1);
      expect(dialogs).toEqual([]);
    } finally {
      await other.close();
    }

    // The sender's own data did not move.
    expect(await stored(page)).toEqual(senderStorage);
    await expect(npv(page)).toHaveText(sender.npv);
  });

  test("opening a link leaves the user's own data untouched; 'back' returns to it", async ({ page, context, problems }) => {
    // The user's own work: a named scenario, 10 years at 12 % (golden "ten_years_at_12_pct").
    await open(page);
    await describeScenario(page, { name: "Mine" });
    await page.getByTestId("save").click();
    await setField(page, "horizon_years", "10");
    await setField(page, "discount_rate_pct", "12");
    await expect(npv(page)).toHaveText(money(TEN_YEARS.npv));

    // Someone else's scenario (churn 12.5 %), as a link: made in another context.
    const sender = await context.browser().newContext({ baseURL: test.info().project.use.baseURL, locale: "en-US" });
    let link;
    try {
      const s = watch(await sender.newPage(), problems);
      await open(s);
      await describeScenario(s, { name: "Theirs" });
      await setField(s, "churn_after_pct", "12.5", "w");
      await expect(npv(s)).toHaveText(money(CHURN_12_5.npv));
      link = await shareLink(s);
      console.log(`share link length: ${link.length} characters`);
    } finally {
      await sender.close();
    }

    const mine = await stored(page);
    const tab = watch(await context.newPage(), problems);
    await tab.goto(link);
    await expect(tab.getByTestId("shared-banner")).toBeVisible();
    await expect(npv(tab)).toHaveText(money(CHURN_12_5.npv));
    await expect(tab.getByTestId("scenario-name")).toHaveValue("Theirs");
    // Editing the shared scenario while viewing it changes nothing stored (autosave paused).
    await setField(tab, "churn_after_pct", "12", "w");
    await expect(npv(tab)).not.toHaveText(money(CHURN_12_5.npv));
    expect(await stored(tab)).toEqual(mine);
    // Back to mine, without saving.
    await tab.getByTestId("leave-link").click();
    await expect(tab.getByTestId("shared-banner")).toHaveCount(0);
    await expect(npv(tab)).toHaveText(money(TEN_YEARS.npv));
    await expect(tab.getByTestId("scenario-name")).toHaveValue("Mine");
    expect(tab.url()).not.toContain("#s=");
    await go(tab, "scenarios");
    await expect(rowNames(tab)).toHaveText(["Mine"]);
    expect(await stored(tab)).toEqual(mine);
    // And the first tab still shows the user's own figures.
    await expect(npv(page)).toHaveText(money(TEN_YEARS.npv));
  });
});

test.describe("a long link", () => {
  // Over 2,000 characters (codec::LONG_LINK_CHARS: mail and chat tools' practical limit),
  // the copy is made but the person is told, and offered the scenario as a file.
  test("warns where it is copied and offers the JSON file, which holds the whole scenario", async ({ page }) => {
    await open(page);
    await go(page, "measure");
    await page.getByTestId("load-example").click();
    await go(page, "calculator");
    const link = await shareLink(page);
    expect(link.length).toBeGreaterThan(2000);
    await expect(warnings(page, `Link copied, but ${link.length} characters long`)).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("link-as-file").click()]);
    expect(download.suggestedFilename()).toBe("retorno-scenario.json");
    const file = JSON.parse(await readFile(await download.path(), "utf8"));
    expect(file.format).toBe("retorno-scenarios");
    expect(file.scenarios).toHaveLength(1);
    // The measurements travel whole: the example's periods, as the link carries them.
    expect(file.scenarios[0].measure.periods.length).toBeGreaterThan(1);
  });
});

test.describe("a link pasted into an open tab", () => {
  test("changing only the fragment opens the shared scenario", async ({ page }) => {
    await open(page);
    // 55 seats: NPV falls by 15 seats' licences from the golden defaults (npvPerSeat).
    await setField(page, "seats", "55");
    const link = await shareLink(page);
    await expect(npv(page)).toHaveText(money(DEFAULTS.npv - 15 * npvPerSeat()));
    await page.getByTestId("nav-calculator").click();
    // Back to 40 seats here, then paste the link into the same tab: no reload happens,
    // only a hashchange.
    await setField(page, "seats", "40");
    await expect(npv(page)).toHaveText(money(DEFAULTS.npv));
    await page.evaluate((hash) => (location.hash = hash), link.slice(link.indexOf("#")));
    await expect(page.getByTestId("shared-banner")).toBeVisible();
    await expect(npv(page)).toHaveText(money(DEFAULTS.npv - 15 * npvPerSeat()));
    // Back to the user's own scenario (40 seats).
    await page.getByTestId("leave-link").click();
    await expect(npv(page)).toHaveText(money(DEFAULTS.npv));
  });
});

test.describe("hostile links", () => {
  /** A changed character, from the same base64url alphabet. */
  function swap(c) {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const i = alphabet.indexOf(c);
    return i < 0 ? "A" : alphabet[(i + 17) % alphabet.length];
  }

  test("truncated, tampered, oversized and script links: a warning and the user's own figures", async ({ page }) => {
    const dialogs = recordDialogs(page);
    await open(page);
    // The user's own work: churn 12.5 % (golden), saved as "Mine".
    await describeScenario(page, { name: "Mine" });
    await page.getByTestId("save").click();
    await setField(page, "churn_after_pct", "12.5", "w");
    await expect(npv(page)).toHaveText(money(CHURN_12_5.npv));
    // A real link of a different scenario (defaults, renamed), to damage.
    const link = await shareLink(page);
    const payload = link.slice(link.indexOf("#s=") + 3);
    console.log(`share link length: ${link.length} characters (payload ${payload.length})`);
    const mid = Math.floor(payload.length / 2);
    const tampered =
      payload.slice(0, mid - 2) + [...payload.slice(mid - 2, mid + 2)].map(swap).join("") + payload.slice(mid + 2);
    expect(tampered).not.toBe(payload);
    expect(tampered).toHaveLength(payload.length);
    const mine = await stored(page);

    const cases = [
      ["truncated", payload.slice(0, mid), /carrying on with your own data\.$/],
      ["tampered", tampered, /carrying on with your own data\.$/],
      // Over the 2,000,000-character cap (MAX_LINK_CHARS) a link is read up to, and still
      // under Chromium's 2 MiB limit on a URL.
      ["oversized", "A".repeat(2_050_000), /^This link is too long to be a Retorno link; carrying on with your own data\.$/],
      ["script", "<script>alert(1)</script>", /carrying on with your own data\.$/],
    ];
    for (const [what, fragment, message] of cases) {
      await openAt(page, `/#s=${fragment}`);
      const warning = warnings(page).filter({ hasText: /carrying on with your own data/ });
      await expect(warning, `${what} link: a warning`).toHaveCount(1);
      console.log(`${what} link → ${await warning.textContent()}`);
      await expect(warning.locator("p"), `${what} link: the message`).toHaveText(message);
      await expect(page.getByTestId("shared-banner"), `${what} link: no banner`).toHaveCount(0);
      await expect(npv(page), `${what} link: the user's own figures`).toHaveText(money(CHURN_12_5.npv));
      await expect(page.getByTestId("scenario-name")).toHaveValue("Mine");
      expect(await stored(page), `${what} link: storage untouched`).toEqual(mine);
    }
    expect(dialogs).toEqual([]);
  });

  test("a name with HTML in it is shown as text, never as markup", async ({ page, context, problems }) => {
    const name = "Deal <img src=x onerror=alert(1)>";
    const company = "<script>alert(2)</script>";
    const dialogs = recordDialogs(page);
    await open(page);
    await describeScenario(page, { name, company, notes: '"><svg onload=alert(3)>' });
    const link = await shareLink(page);
    console.log(`share link length (HTML name): ${link.length} characters`);

    const tab = watch(await context.newPage(), problems);
    const tabDialogs = recordDialogs(tab);
    await tab.goto(link);
    await expect(tab.getByTestId("shared-banner")).toBeVisible();
    await expect(tab.getByTestId("scenario-name")).toHaveValue(name);
    await expect(tab.getByTestId("scenario-company")).toHaveValue(company);
    await expect(tab.locator(".scenario-bar img")).toHaveCount(0);
    await tab.getByTestId("keep-link").click();
    // The name is unique-ified against the library, which already holds nothing by that
    // name in this context: it is kept as it is, and shown literally.
    const saved = notes(tab, "Saved “Deal");
    await expect(saved).toBeVisible();
    expect(await saved.locator("p").textContent()).toContain("<img src=x onerror=alert(1)>");
    await go(tab, "scenarios");
    const nameCell = rows(tab).locator(".name");
    await expect(nameCell).toHaveCount(1);
    expect(await nameCell.textContent()).toBe(name);
    expect(await rows(tab).locator(".company").textContent()).toBe(company);
    // No element was made from the text anywhere on the page.
    expect(await tab.evaluate(() => document.querySelectorAll("img, [data-testid=library] script, svg[onload]").length)).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll("img").length)).toBe(0);
    expect([...dialogs, ...tabDialogs]).toEqual([]);
  });
});
