/* Banner slots. The page holds only empty placeholders (the same HTML for every reader,
   so pages stay cacheable): this script asks each slot's data-ad-src for the banners that
   may show now, picks one by weight (rotation happens here, in the browser), shows it,
   and reports the impression once half of the banner has been on screen. Impressions of
   a page go in one beacon. Without JavaScript no banner shows. */
(function () {
  "use strict";

  var slots = Array.prototype.slice.call(document.querySelectorAll("[data-ad-slot][data-ad-src]"));
  if (!slots.length || !window.fetch) return;

  var impressionsUrl = slots[0].getAttribute("data-ad-impressions");
  var requests = {};
  var onPage = {};
  var pending = [];
  var timer = null;

  function load(url) {
    if (!requests[url]) {
      requests[url] = fetch(url, { credentials: "omit", headers: { Accept: "application/json" } }).then(
        function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        }
      );
    }
    return requests[url];
  }

  // A banner's chance is its weight over the slot's total; one already on this page
  // (the same slot twice) is skipped while there is another.
  function pick(banners) {
    var choices = banners.filter(function (banner) { return !onPage[banner.id]; });
    if (!choices.length) choices = banners;
    var total = 0;
    choices.forEach(function (banner) { total += Math.max(1, banner.weight | 0); });
    var ticket = Math.random() * total;
    for (var i = 0; i < choices.length; i++) {
      ticket -= Math.max(1, choices[i].weight | 0);
      if (ticket < 0) return choices[i];
    }
    return choices[choices.length - 1];
  }

  function send() {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending.length || !impressionsUrl) return;
    var body = new URLSearchParams();
    pending.forEach(function (id) { body.append("b", id); });
    pending = [];
    if (navigator.sendBeacon && navigator.sendBeacon(impressionsUrl, body)) return;
    fetch(impressionsUrl, { method: "POST", body: body, credentials: "omit", keepalive: true }).catch(function () {});
  }

  function report(id) {
    pending.push(id);
    if (!timer) timer = setTimeout(send, 1000);
  }

  function whenSeen(element, callback) {
    if (!("IntersectionObserver" in window)) {
      callback();
      return;
    }
    var observer = new IntersectionObserver(
      function (entries) {
        entries.forEach(function (entry) {
          if (entry.isIntersecting) {
            observer.disconnect();
            callback();
          }
        });
      },
      { threshold: 0.5 }
    );
    observer.observe(element);
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") send();
  });

  slots.forEach(function (slot) {
    load(slot.getAttribute("data-ad-src"))
      .then(function (data) {
        var banners = (data && data.banners) || [];
        var content = slot.querySelector("[data-ad-content]");
        if (!banners.length || !content) return;
        var banner = pick(banners);
        onPage[banner.id] = true;
        content.innerHTML = banner.html;
        slot.hidden = false;
        // Editors' previews show the banner but do not count it.
        if (slot.hasAttribute("data-ad-preview")) return;
        whenSeen(slot, function () { report(banner.id); });
      })
      .catch(function () {
        /* No banner this time: the slot stays hidden. */
      });
  });
})();
