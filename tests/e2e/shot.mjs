// Screenshots of the built app, for a person to look at: node shot.mjs [url] [outdir]
import { chromium } from "@playwright/test";
import { CHROMIUM } from "./chromium.js";

const url = process.argv[2] ?? "http://127.0.0.1:4173/";
const out = process.argv[3] ?? "artifacts";
const browser = await chromium.launch(CHROMIUM);
for (const [name, width, height] of [["phone", 360, 800], ["laptop", 1280, 800], ["projector", 1920, 1080]]) {
  const page = await browser.newPage({ viewport: { width, height } });
  page.on("console", (m) => m.type() === "error" && console.log(`[${name}] console:`, m.text()));
  page.on("pageerror", (e) => console.log(`[${name}] pageerror:`, e.message));
  await page.goto(url);
  await page.waitForSelector("[data-testid=card-roi]");
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  console.log(`${name}: horizontal overflow ${overflow}px`);
  await page.close();
}
await browser.close();
