// The first paint's language (#boot): the calculator's ?lang=, the full app's stored
// one, else the browser's. Not deferred: it runs before the body is painted.
(() => {
  let lang;
  try {
    lang = /embed(\.html)?$/.test(location.pathname)
      ? new URLSearchParams(location.search).get("lang")
      : localStorage.getItem("retorno.lang");
  } catch {}
  if (/^en/i.test(lang || navigator.language)) document.documentElement.lang = "en";
})();

// Registers the service worker (sw.js, next to the page: its scope is the page's own
// folder, whatever sub-path the site is served from) and, when a new deployment has been
// installed beside the running one, shows a quiet "new version — reload" notice in the
// page's language. Nothing reloads unless the user asks.
(() => {
  const sw = navigator.serviceWorker;
  if (!sw) return;

  const TEXT = {
    es: { message: "Hay una versión nueva de Retorno.", reload: "Recargar", close: "Cerrar este aviso" },
    en: { message: "A new version of Retorno is available.", reload: "Reload", close: "Dismiss this notice" },
  };
  const text = () => TEXT[document.documentElement.lang] ?? TEXT.es;

  let waiting = null;
  let region = null;

  // The live region exists from the start, empty, so screen readers announce the notice
  // when it is filled.
  function ensureRegion() {
    if (region) return region;
    region = document.createElement("div");
    region.className = "update-note";
    region.setAttribute("role", "status");
    region.dataset.testid = "update-note";
    document.body.append(region);
    return region;
  }

  function render() {
    const box = ensureRegion();
    if (!waiting) {
      box.replaceChildren();
      return;
    }
    const t = text();
    const message = document.createElement("p");
    message.textContent = t.message;
    const reload = document.createElement("button");
    reload.type = "button";
    reload.textContent = t.reload;
    reload.dataset.testid = "update-reload";
    reload.addEventListener("click", accept);
    const close = document.createElement("button");
    close.type = "button";
    close.className = "close";
    close.textContent = "×";
    close.setAttribute("aria-label", t.close);
    close.dataset.testid = "update-close";
    close.addEventListener("click", () => {
      waiting = null;
      render();
    });
    box.replaceChildren(message, reload, close);
  }

  function offer(worker) {
    waiting = worker;
    render();
  }

  let accepted = false;
  function accept() {
    accepted = true;
    if (waiting) waiting.postMessage("skip-waiting");
    // The new worker takes over (controllerchange, below) and the page reloads once; if
    // it was already gone, a plain reload gets the new version anyway.
    setTimeout(() => location.reload(), 3000);
  }
  sw.addEventListener("controllerchange", () => {
    if (accepted) location.reload();
  });

  // The app sets <html lang> when the user switches language: follow it.
  new MutationObserver(render).observe(document.documentElement, { attributes: true, attributeFilter: ["lang"] });

  function watchInstall(registration) {
    const worker = registration.installing;
    if (!worker) return;
    worker.addEventListener("statechange", () => {
      // Installed while another worker controls the page: a new version, waiting.
      if (worker.state === "installed" && sw.controller) offer(worker);
    });
  }

  window.addEventListener("load", () => {
    ensureRegion();
    sw.register("sw.js")
      .then((registration) => {
        if (registration.waiting && sw.controller) offer(registration.waiting);
        watchInstall(registration);
        registration.addEventListener("updatefound", () => watchInstall(registration));
        // A tab left open for days still hears of new deployments when it comes back.
        document.addEventListener("visibilitychange", () => {
          if (document.visibilityState === "visible") registration.update().catch(() => {});
        });
      })
      .catch(() => {
        // No worker (a plain `trunk build` without scripts/offline.py writes no sw.js,
        // and the browser logs the 404; storage blocked): the app works online only.
      });
  });
})();
