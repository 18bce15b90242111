/* 속보 띠: hide each breaking item at its expiry, and the whole bar with the last one.
   The server stops rendering them after expiry; this covers pages served from a cache. */
(function () {
  "use strict";

  var ticker = document.querySelector("[data-breaking]:not([data-breaking-ready])");
  if (!ticker) { return; }
  ticker.setAttribute("data-breaking-ready", "");
  var items = Array.prototype.slice.call(ticker.querySelectorAll("[data-breaking-until]"));
  var timer = null;

  function update() {
    var now = Date.now();
    var next = Infinity;
    var showing = 0;
    items.forEach(function (item) {
      var until = Date.parse(item.getAttribute("data-breaking-until"));
      if (until <= now) {
        item.hidden = true;
      } else {
        showing += 1;
        if (until < next) { next = until; }
      }
    });
    if (!showing) {
      ticker.hidden = true;
      return;
    }
    window.clearTimeout(timer);
    if (next !== Infinity) {
      /* Timers are capped at about 24.8 days; a sleeping device is caught on wake below. */
      timer = window.setTimeout(update, Math.min(next - now + 250, 2147483647));
    }
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") { update(); }
  });
  window.addEventListener("pageshow", update);
  update();
})();
