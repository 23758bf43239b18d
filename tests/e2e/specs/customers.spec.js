// Issue 12 in a browser: customer value (RFM) from a transactions file, scored in the
// customer-value worker.
//
// Expected values: tests/fixtures/rfm_expected.csv and rfm_expected_cleaning.csv, the
// output of tests/fixtures/rfm_pandas.py (an independent pandas/numpy implementation)
// on tests/fixtures/rfm_sample.csv. Segment counts, revenue shares and the win-back
// proposal below are computed here from that file; the messages are the app's own.
import { readFileSync, writeFileSync, mkdtempSync, truncateSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, expect, open, go, lang, axe, field, percent } from "./app.js";
import { expectNoSideScroll } from "./measure-page.js";

const FIXTURES = new URL("../../fixtures/", import.meta.url);
const SAMPLE = new URL("rfm_sample.csv", FIXTURES);
const EXPECTED = readFileSync(new URL("rfm_expected.csv", FIXTURES), "utf8");
const CLEANING = Object.fromEntries(
  readFileSync(new URL("rfm_expected_cleaning.csv", FIXTURES), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(","))
    .map(([reason, count, lines]) => [reason, { count: Number(count), lines: lines ? lines.split(" ") : [] }]),
);

/** pandas' customers: [{customer, monetary (cents), segment}]. */
const CUSTOMERS = EXPECTED.trim()
  .split("\n")
  .slice(1)
  .map((line) => line.split(","))
  .map((c) => ({ customer: c[0], cents: Math.round(Number(c[3]) * 100), segment: c[7] }));

const SEGMENTS = ["champions", "loyal", "potential_loyalists", "new", "promising", "need_attention", "about_to_sleep", "cant_lose", "at_risk", "hibernating"];

/** Opens the customer screen of a fresh app. */
async function openScreen(page) {
  await open(page);
  await go(page, "customers");
}

/** Gives the screen a file and waits for its scores. */
async function score(page, file) {
  await page.getByTestId("rfm-file").setInputFiles(file);
  await expect(page.getByTestId("rfm-results")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("rfm-progress")).toHaveCount(0);
}

test.describe("customer value (RFM)", () => {
  test("the sample file gives pandas' segments, cleaning report and exports", async ({ page }) => {
    await openScreen(page);
    await score(page, SAMPLE.pathname);
    await expect(page.getByTestId("rfm-file-label")).toHaveText("rfm_sample.csv · 330 KB");
    await expect(page.getByTestId("rfm-summary")).toContainText(`${CUSTOMERS.length} customers`);
    // The UCI Online Retail II header is mapped by itself.
    await expect(page.getByTestId("rfm-role-customer")).toHaveValue("6");
    await expect(page.getByTestId("rfm-role-invoice")).toHaveValue("0");
    await expect(page.getByTestId("rfm-role-quantity")).toHaveValue("3");
    await expect(page.getByTestId("rfm-role-price")).toHaveValue("5");
    for (const key of SEGMENTS) {
      const want = CUSTOMERS.filter((c) => c.segment === key).length;
      await expect(page.getByTestId(`rfm-seg-${key}`), key).toHaveAttribute("data-customers", String(want));
    }
    // The cleaning report: counts and the first line numbers of each reason.
    await expect(page.getByTestId("rfm-cleaning")).toContainText(
      `${CLEANING.Rows.count.toLocaleString("en-US")} rows read: ${CLEANING.Kept.count.toLocaleString("en-US")} kept, ${(CLEANING.Rows.count - CLEANING.Kept.count).toLocaleString("en-US")} left out.`,
    );
    for (const [reason, id] of [["NoCustomer", "no-customer"], ["BadDate", "bad-date"], ["BadAmount", "bad-amount"], ["Cancelled", "cancelled"]]) {
      const row = page.getByTestId(`rfm-clean-${id}`);
      await expect(row.locator("td").first()).toHaveText(String(CLEANING[reason].count));
      for (const line of CLEANING[reason].lines) await expect(row).toContainText(`line ${line} `);
    }
    await expect(page.getByTestId("rfm-clean-short")).toHaveCount(0);
    // The grid holds every customer; the SQL is shown.
    const cells = await page.locator('[data-testid^="rfm-cell-"]').evaluateAll((tds) => tds.map((td) => Number(td.firstChild.textContent.replace(/,/g, ""))));
    expect(cells).toHaveLength(25);
    expect(cells.reduce((a, b) => a + b, 0)).toBe(CUSTOMERS.length);
    await page.getByTestId("rfm-sql").locator("summary").click();
    // The query shown is the one DuckDB runs in the test command, as it is in the source.
    const sql = readFileSync(new URL("../../../src/engine/rfm/rfm.sql", import.meta.url), "utf8");
    expect(await page.getByTestId("rfm-sql").locator("code").textContent()).toBe(sql);

    // The per-customer export is pandas' file, byte for byte.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("rfm-export-customers").click()]);
    expect(download.suggestedFilename()).toBe("rfm-customers.csv");
    expect(readFileSync(await download.path(), "utf8")).toBe(EXPECTED);
    const [segments] = await Promise.all([page.waitForEvent("download"), page.getByTestId("rfm-export-segments").click()]);
    const summary = readFileSync(await segments.path(), "utf8").trim().split("\n");
    expect(summary[0]).toBe("segment,customers,customer_share,revenue,revenue_share,avg_recency,avg_frequency,avg_monetary");
    expect(summary.slice(1).map((l) => l.split(",").slice(0, 2).join(","))).toEqual(
      SEGMENTS.map((key) => `${key},${CUSTOMERS.filter((c) => c.segment === key).length}`),
    );

    // Top customers of a segment, largest monetary value first.
    // As a keyboard user: the menu keeps the focus when the worker writes the screen anew.
    await page.getByTestId("rfm-segment").focus();
    await page.getByTestId("rfm-segment").selectOption("champions");
    const top = CUSTOMERS.filter((c) => c.segment === "champions").sort((a, b) => b.cents - a.cents || a.customer.localeCompare(b.customer)).slice(0, 10);
    await expect(page.getByTestId("rfm-top").locator("tbody th")).toHaveText(top.map((c) => c.customer));
    await expect(page.getByTestId("rfm-segment")).toBeFocused();

    // Both languages.
    await lang(page, "es");
    await expect(page.getByTestId("rfm-seg-at_risk").locator("th")).toHaveText("En riesgo");
    await expect(page.getByTestId("rfm-summary")).toContainText(`${CUSTOMERS.length} clientes`);
    await expect(page.getByRole("heading", { name: "Valor de cliente (RFM)" })).toBeVisible();
    expect((await axe(page)).report).toBe("");
  });

  test("the revenue at risk becomes a proposal for the retention line, applied with undo", async ({ page }) => {
    await openScreen(page);
    await score(page, SAMPLE.pathname);
    const total = CUSTOMERS.reduce((a, c) => a + c.cents, 0);
    const atRisk = CUSTOMERS.filter((c) => ["at_risk", "cant_lose"].includes(c.segment)).reduce((a, c) => a + c.cents, 0);
    const share = atRisk / total;
    await expect(page.getByTestId("rfm-held")).toContainText(`hold ${percent(share * 100)} of the revenue`);
    // Churn before 15 % (the default), 20 % won back: 15 − 20 × share.
    const to = Math.round((15 - 20 * share) * 10_000) / 10_000;
    await expect(page.getByTestId("rfm-proposal")).toHaveText(`Yearly churn with the CRM: 13% → ${percent(to)}`);
    // Another share: 50 % won back.
    await page.getByTestId("rfm-won-back").fill("50");
    await page.getByTestId("rfm-won-back").press("Enter");
    const to50 = Math.round((15 - 50 * share) * 10_000) / 10_000;
    await expect(page.getByTestId("rfm-proposal")).toHaveText(`Yearly churn with the CRM: 13% → ${percent(to50)}`);
    await page.getByTestId("rfm-won-back").fill("150");
    await page.getByTestId("rfm-won-back").press("Enter");
    await expect(page.getByTestId("rfm-won-back-error")).toHaveText("A share from 0 to 100 %.");
    await expect(page.getByTestId("rfm-apply")).toHaveCount(0);
    await page.getByTestId("rfm-won-back").fill("20");
    await page.getByTestId("rfm-won-back").press("Enter");

    await page.getByTestId("rfm-apply").click();
    await expect(page.getByTestId("rfm-done")).toBeVisible();
    await expect(page.getByTestId("rfm-same")).toBeVisible();
    await page.getByTestId("rfm-see").click();
    await expect(field(page, "churn_after_pct")).toHaveValue(String(to));
    await go(page, "customers");
    await page.getByTestId("rfm-undo").click();
    await expect(page.getByTestId("rfm-done")).toHaveCount(0);
    await expect(page.getByTestId("rfm-proposal")).toHaveText(`Yearly churn with the CRM: 13% → ${percent(to)}`);
    await go(page, "calculator");
    await expect(field(page, "churn_after_pct")).toHaveValue("13");
  });

  test("a correction of the columns scores again; pasted rows are scored too", async ({ page }) => {
    await openScreen(page);
    await score(page, SAMPLE.pathname);
    await page.getByTestId("rfm-role-customer").selectOption("-");
    await expect(page.getByTestId("rfm-error")).toHaveText("Choose the column for “Customer id”.");
    await expect(page.getByTestId("rfm-results")).toHaveCount(0);
    await page.getByTestId("rfm-role-customer").selectOption("6");
    await expect(page.getByTestId("rfm-summary")).toContainText(`${CUSTOMERS.length} customers`);

    // Three customers pasted from a spreadsheet (tabs, decimal comma, day-first dates):
    // A bought twice (130,50 + 20 = 150,50), B once, C once; one cancellation left out.
    await page.getByTestId("rfm-paste").locator("xpath=..").locator("summary").click();
    await page.getByTestId("rfm-paste").fill(
      "Cliente\tFecha\tImporte\tFactura\nA\t03/02/2024\t130,50\tF1\nA\t15/03/2024\t20\tF2\nB\t10/01/2024\t75\tF3\nC\t01/03/2024\t12,25\tF4\nB\t11/01/2024\t75\tC5\n",
    );
    await page.getByTestId("rfm-paste-score").click();
    await expect(page.getByTestId("rfm-file-label")).toHaveText("Pasted rows");
    await expect(page.getByTestId("rfm-summary")).toContainText("3 customers, revenue €238, purchases from 2024-01-10 to 2024-03-15. Reference date 2024-03-16");
    await expect(page.getByTestId("rfm-clean-cancelled").locator("td").first()).toHaveText("1");
    // The reference date can be moved; not before the last purchase.
    await page.getByTestId("rfm-reference").fill("2024-03-01");
    await expect(page.getByTestId("rfm-error")).toHaveText("The reference date may not be before the last purchase (2024-03-15).");
    await page.getByTestId("rfm-reference").fill("2024-04-15");
    await expect(page.getByTestId("rfm-summary")).toContainText("Reference date 2024-04-15");
  });

  test("hostile files end with a clear message, and a long reading can be cancelled", async ({ page }) => {
    await openScreen(page);
    const cases = [
      [{ name: "sheet.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 8, 0, 0]) }, "This is not a text file"],
      [{ name: "empty.csv", mimeType: "text/csv", buffer: Buffer.alloc(0) }, "The file is empty."],
      [{ name: "one.csv", mimeType: "text/csv", buffer: Buffer.from("id\n1\n2\n3\n") }, "Only 1 column found"],
      [{ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from("customer,date,amount\nA,yesterday,10\nB,someday,x\n") }, "No row could be used: see why below."],
    ];
    for (const [file, message] of cases) {
      await page.getByTestId("rfm-file").setInputFiles(file);
      await expect(page.getByTestId("rfm-error"), file.name).toContainText(message);
    }
    // All rows invalid: the cleaning report says why, with line numbers.
    await expect(page.getByTestId("rfm-clean-bad-date")).toContainText("line 2");

    const dir = mkdtempSync(join(tmpdir(), "rfm-"));
    try {
      // 300 MB (sparse, zeros): refused before a byte is read.
      const huge = join(dir, "huge.csv");
      writeFileSync(huge, "");
      truncateSync(huge, 300 * 1024 * 1024);
      await page.getByTestId("rfm-file").setInputFiles(huge);
      await expect(page.getByTestId("rfm-error")).toHaveText("The file is 300 MB; the limit is 256 MB. Export a shorter period.");

      // About 80 MB of valid rows: cancelled while it is read.
      const big = join(dir, "big.csv");
      const line = "489434,21304C,LIGHT,12,2009-12-12 16:06:00,14.95,14304,United Kingdom\n";
      writeFileSync(big, "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n" + line.repeat(1_100_000));
      await page.getByTestId("rfm-file").setInputFiles(big);
      await expect(page.getByTestId("rfm-progress")).toBeVisible();
      await page.getByTestId("rfm-cancel").click();
      await expect(page.getByTestId("rfm-cancelled")).toHaveText("Stopped. Nothing was scored; choose the file again to score it.", { timeout: 10_000 });
      await expect(page.getByTestId("rfm-results")).toHaveCount(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the screen fits a phone and stays clean for axe", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await openScreen(page);
    await score(page, SAMPLE.pathname);
    await expectNoSideScroll(page);
    expect((await axe(page)).report).toBe("");
  });
});
