// The engine suite's page-error recorder (engines/fixtures.js serves it and adds it to
// every HTML page of dist/ as the first script; nothing of the build is changed on disk).
// WebKit's WebDriver has no log events, so each document keeps its own list of what
// Playwright's fixture catches in Chromium: uncaught errors, unhandled promise
// rejections, console.error calls and resources that failed to load.
(() => {
  const problems = [];
  window.__engineProblems = problems;
  addEventListener(
    "error",
    (e) => {
      if (e.target !== window && e.target instanceof Element) {
        problems.push(`failed to load: <${e.target.localName}> ${e.target.src || e.target.href || ""}`);
      } else {
        problems.push(`uncaught error: ${e.message} (${e.filename}:${e.lineno})`);
      }
    },
    true,
  );
  addEventListener("unhandledrejection", (e) => {
    const reason = e.reason;
    problems.push(`unhandled rejection: ${reason && reason.name ? `${reason.name}: ${reason.message}` : String(reason)}`);
  });
  const error = console.error;
  console.error = function (...args) {
    problems.push(`console.error: ${args.map(String).join(" ")}`);
    return error.apply(this, args);
  };
})();
