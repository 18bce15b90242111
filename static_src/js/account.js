/* The header's login state. Pages are cached for every reader alike, so the page asks
   /accounts/status/ who is looking and swaps its plain 로그인 / 회원가입 links for the answer. */
(function () {
  "use strict";

  var NOTICE_SECONDS = 8;
  var slot = document.querySelector(".site-account[data-account-src]");
  if (!slot || !window.fetch) {
    return;
  }

  function load() {
    var here = window.location;
    var url = new URL(slot.getAttribute("data-account-src"), here.href);
    url.searchParams.set("next", here.pathname + here.search + here.hash);
    fetch(url.toString(), {
      credentials: "same-origin",
      cache: "no-store",
      headers: { "Accept": "text/html" }
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("account status " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        slot.innerHTML = html;
        slot.setAttribute("data-account-loaded", "");
        var notice = slot.querySelector(".site-account__notice");
        if (notice) {
          window.setTimeout(function () { notice.hidden = true; }, NOTICE_SECONDS * 1000);
        }
      })
      .catch(function () { /* keep the plain links: they work without the script */ });
  }

  load();
  // Back after logging in or out shows the page from the browser's memory: ask again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      load();
    }
  });
})();
