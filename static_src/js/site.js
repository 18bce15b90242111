/* Site behaviour without third-party scripts: the section menu toggle and click-to-play embeds. */
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

  document.querySelectorAll(".article-embed__play").forEach(function (button) {
    button.addEventListener("click", function () {
      var embed = button.closest(".article-embed");
      embed.appendChild(embed.querySelector("template").content.cloneNode(true));
      button.remove();
    });
  });
})();
