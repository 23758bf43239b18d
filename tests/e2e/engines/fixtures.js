// The engine suite's fixtures: `engine` (Firefox, or WebKit's WebDriver, per project),
// `profiles()` for a tab in a fresh profile, `tab` (the first one). Each test fails on
// any problem a tab's documents recorded (engines/record.js; in Firefox also its own
// page errors and console errors), as the Chromium specs' `problems` fixture does.
import { test as base, expect } from "@playwright/test";
import { firefox, webkit } from "./drivers.js";

export const test = base.extend({
  engineName: ["firefox", { option: true, scope: "worker" }],
  engine: [
    async ({ engineName }, use) => {
      const engine =
        engineName === "firefox"
          ? await firefox()
          : webkit(process.env.WEBKIT_DRIVER ?? "http://127.0.0.1:4483", process.env.WEBKIT_BINARY);
      await use(engine);
      await engine.close();
    },
    { scope: "worker", timeout: 60_000 },
  ],
  profiles: async ({ engine }, use, info) => {
    const open = [];
    const problems = [];
    const finish = async (tab) => {
      problems.push(...(await tab.problems().catch((e) => [`could not read the record: ${e.message}`])));
      await tab.close().catch(() => {});
    };
    await use(async () => {
      // One profile at a time where the driver says so (WebKit): the earlier tab ends.
      if (engine.single) while (open.length) await finish(open.pop());
      const tab = await engine.profile();
      open.push(tab);
      return tab;
    });
    for (const tab of open) await finish(tab);
    if (engine.version) info.annotations.push({ type: "engine", description: engine.version });
    expect(problems, "page errors, unhandled rejections, console errors or failed loads").toEqual([]);
  },
  tab: async ({ profiles }, use) => {
    await use(await profiles());
  },
});

export { expect };
