/* 많이 본 뉴스: the view beacon of article pages and the 24시간 / 7일 tabs of the ranking box.
   Loaded by readership/beacon.html and readership/most_read_box.html, possibly twice on
   one page, so every element is handled once (data-*-ready). */
(function () {
  "use strict";

  var TOKEN_KEY = "cc-reader";

  /* A random id kept on this device, so the server can tell one reader reloading from
     many readers behind one address. It says nothing about who the reader is. */
  function readerToken() {
    try {
      var token = window.localStorage.getItem(TOKEN_KEY);
      if (!token || !/^[A-Za-z0-9-]{8,64}$/.test(token)) {
        token = window.crypto && window.crypto.randomUUID
          ? window.crypto.randomUUID()
          : Math.random().toString(36).slice(2) + Date.now().toString(36);
        window.localStorage.setItem(TOKEN_KEY, token);
      }
      return token;
    } catch (error) {
      return "";
    }
  }

  function sendView(script) {
    if (navigator.webdriver) { return; }  /* automated browsers are not readers */
    var url = script.getAttribute("data-readership-hit");
    var body = new URLSearchParams();
    body.set("article", script.getAttribute("data-readership-article"));
    body.set("reader", readerToken());
    if (navigator.sendBeacon && navigator.sendBeacon(url, body)) { return; }
    if (window.fetch) {
      window.fetch(url, { method: "POST", body: body, keepalive: true, credentials: "same-origin" })
        .catch(function () { /* a lost view is not worth bothering the reader */ });
    }
  }

  document.querySelectorAll("script[data-readership-article]:not([data-readership-ready])").forEach(function (script) {
    script.setAttribute("data-readership-ready", "");
    if (document.prerendering) {
      document.addEventListener("prerenderingchange", function () { sendView(script); }, { once: true });
    } else {
      sendView(script);
    }
  });

  function setUpTabs(box) {
    box.setAttribute("data-most-read-ready", "");
    var tablist = box.querySelector("[role='tablist']");
    if (!tablist) { return; }
    var tabs = Array.prototype.slice.call(tablist.querySelectorAll("[role='tab']"));
    var panels = tabs.map(function (tab) { return document.getElementById(tab.getAttribute("aria-controls")); });
    if (panels.indexOf(null) !== -1) { return; }

    function select(index, focus) {
      tabs.forEach(function (tab, i) {
        var selected = i === index;
        tab.setAttribute("aria-selected", String(selected));
        tab.tabIndex = selected ? 0 : -1;
        panels[i].hidden = !selected;
      });
      if (focus) { tabs[index].focus(); }
    }

    panels.forEach(function (panel, i) {
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tabs[i].id);
      panel.tabIndex = 0;
    });
    tabs.forEach(function (tab, i) {
      tab.addEventListener("click", function () { select(i, false); });
      tab.addEventListener("keydown", function (event) {
        var next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
        if (next === undefined) { return; }
        event.preventDefault();
        select((next + tabs.length) % tabs.length, true);
      });
    });
    box.classList.add("most-read--tabs");
    tablist.hidden = false;
    select(0, false);
  }

  document.querySelectorAll("[data-most-read]:not([data-most-read-ready])").forEach(setUpTabs);
})();
