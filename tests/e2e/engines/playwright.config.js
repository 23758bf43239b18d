// The cross-engine smoke suite (issue 32): the same release build (dist/) in Firefox ESR
// and WebKitGTK, in Spanish and English. Started by engines/run.sh, which gives it a
// virtual display and WebKit's WebDriver (WEBKIT_DRIVER, WEBKIT_BINARY); the servers
// are this config's global setup (servers.js). The full suite runs in Chromium only
// (../playwright.config.js).
import { defineConfig } from "@playwright/test";

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.js",
  outputDir: "../test-results/engines",
  globalSetup: "./servers.js",
  fullyParallel: false,
  // One worker per engine (a project each): the two run side by side.
  workers: Number(process.env.ENGINE_WORKERS ?? 2),
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: "list",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  projects: [
    { name: "firefox", use: { engineName: "firefox" } },
    { name: "webkit", use: { engineName: "webkit" } },
  ],
});
