// Retorno embed helper (no dependencies). Sizes each <iframe data-retorno> to its
// content and re-dispatches its result events on the frame element as "retorno:result"
// CustomEvents. A message counts only if it comes from that frame's window and origin.
// A frame with no width attribute or style width fills its container, borderless: a
// zero-specificity rule, so the host's own stylesheets win.
(function () {
  var css = ":where(iframe[data-retorno]:not([width]):not([style*=width])){width:100%;border:0}";
  try {
    var s = new CSSStyleSheet();
    s.replaceSync(css);
    document.adoptedStyleSheets = document.adoptedStyleSheets.concat(s);
  } catch (_) {
    s = document.createElement("style");
    s.textContent = css;
    document.head.appendChild(s);
  }
  addEventListener("message", function (e) {
    var frames = document.querySelectorAll("iframe[data-retorno]");
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (e.source !== f.contentWindow) continue;
      var origin;
      try { origin = new URL(f.src, location.href).origin; } catch (_) { return; }
      if (e.origin !== origin) return;
      var d = e.data || {};
      if (d.type === "retorno:resize" && d.height > 0 && d.height < 100000) {
        f.style.height = Math.ceil(d.height) + "px";
      } else if (d.type === "retorno:result") {
        f.dispatchEvent(new CustomEvent("retorno:result", { detail: d }));
      }
      return;
    }
  });
})();
