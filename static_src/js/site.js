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
