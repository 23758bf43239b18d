import { CHROMIUM } from "./chromium.js";
// Browser tests for Retorno, in Debian's Chromium (never `npx playwright install`).
// Run from tests/e2e after a build into ../../dist:  npx playwright test
import { defineConfig, devices } from "@playwright/test";

// PORT from the environment (e.g. PORT=4273 npx playwright test) to run beside another
// server; hosting.spec.js also uses PORT + 1 and PORT + 2 for servers of its own.
const PORT = Number(process.env.PORT ?? 4173);

export default defineConfig({
  testDir: "specs",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    locale: "en-US",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: CHROMIUM,
      },
    },
  ],
  webServer: {
    command: `node serve.mjs ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
