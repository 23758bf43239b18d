// Helpers and golden cases shared by scenarios.spec.js, links.spec.js and storage.spec.js.
import { readFileSync } from "node:fs";
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


// Golden cases (model_golden.json).
export const DEFAULTS = expected("defaults"); // NPV 171301.30, ROI 49.17 %
export const CHURN_12_5 = expected("churn_after_12_5"); // churn after 12.5 %: NPV 193174.41, ROI 55.45 %
export const TEN_YEARS = expected("ten_years_at_12_pct"); // horizon 10, rate 12 %: NPV 741584.09


/** The storage keys of named scenarios. */
export const savedKeys = (snapshot) => Object.keys(snapshot).filter((k) => k.startsWith("retorno.saved."));

/** The headline figures as shown on the calculator. */
export async function headline(page) {
  return { npv: await npv(page).textContent(), roi: await card(page, "roi").textContent() };
}

/** Records dialogs (alert/confirm/prompt) and dismisses them. */
export function recordDialogs(page) {
  const dialogs = [];
  page.on("dialog", async (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    await d.dismiss();
  });
  return dialogs;
}

// ---------------------------------------------------------------------------------------
