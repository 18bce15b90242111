/* Site behaviour without third-party scripts: the section menu toggle and URL copy. */
(function () {
  "use strict";

  var toggle = document.querySelector(".menu-toggle");
  var menu = document.getElementById("section-menu");
  if (toggle && menu) {
    document.documentElement.classList.add("js");
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", String(!open));
      menu.classList.toggle("is-open", !open);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.classList.contains("is-open")) {
        toggle.setAttribute("aria-expanded", "false");
        menu.classList.remove("is-open");
        toggle.focus();
      }
    });
  }

  if (navigator.share) {
    document.querySelectorAll(".share__native").forEach(function (item) {
      item.hidden = false;
      item.querySelector("button").addEventListener("click", function (event) {
        var button = event.currentTarget;
        navigator.share({
          title: button.getAttribute("data-share-title"),
          url: button.getAttribute("data-share-url")
        }).catch(function () { /* the reader closed the share sheet */ });
      });
    });
  }

  document.querySelectorAll(".article-embed__play").forEach(function (button) {
    button.addEventListener("click", function () {
      var embed = button.closest(".article-embed");
      embed.appendChild(embed.querySelector("template").content.cloneNode(true));
      button.remove();
    });
  });

  document.querySelectorAll(".share__copy").forEach(function (button) {
    button.addEventListener("click", function () {
      var url = button.getAttribute("data-copy-url");
      var status = button.closest(".share").querySelector(".share__status");
      var done = function () { status.textContent = "기사 주소를 복사했습니다."; };
      var failed = function () { status.textContent = "복사하지 못했습니다. 주소창의 주소를 복사해 주세요."; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(done, failed);
      } else {
        var field = document.createElement("textarea");
        field.value = url;
        field.setAttribute("readonly", "");
        field.style.position = "absolute";
        field.style.left = "-9999px";
        document.body.appendChild(field);
        field.select();
        try { document.execCommand("copy") ? done() : failed(); } catch (e) { failed(); }
        document.body.removeChild(field);
      }
    });
  });
})();
