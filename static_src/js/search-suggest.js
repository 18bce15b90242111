/* Header search suggestions: an ARIA 1.2 combobox over the plain search form, no dependencies.
 *
 * Typing asks /search/suggest/ (debounced) for up to eight article titles and
 * shows them as a listbox under the box. ArrowDown/ArrowUp move through them
 * (aria-activedescendant; focus stays in the box), Enter opens the chosen
 * article, Escape closes the list (and clears the box when it is closed).
 * Without a chosen suggestion, Enter submits the form to /search/ as it does
 * without JavaScript. Korean IME composition keys are left to the IME.
 */
(function () {
  "use strict";

  var form = document.querySelector(".site-search[data-suggest-url]");
  if (!form || !window.fetch) {
    return;
  }
  var input = form.querySelector("input[name='q']");
  var listbox = input && document.getElementById(input.getAttribute("aria-controls"));
  if (!listbox) {
    return;
  }
  var status = form.querySelector("[role='status']");
  var endpoint = form.getAttribute("data-suggest-url");
  var DELAY = 200;
  var MAX_LENGTH = 100;

  var timer = null;
  var controller = null;
  var requested = null; // the query of the last request sent (or answered from cache)
  var options = [];
  var active = -1;
  var cache = {};

  function isOpen() {
    return !listbox.hidden;
  }

  function open() {
    if (options.length) {
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
  }

  function close() {
    setActive(-1);
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
  }

  function setActive(index) {
    if (active >= 0 && options[active]) {
      options[active].setAttribute("aria-selected", "false");
      options[active].classList.remove("is-active");
    }
    active = index;
    if (index >= 0 && options[index]) {
      var option = options[index];
      option.setAttribute("aria-selected", "true");
      option.classList.add("is-active");
      input.setAttribute("aria-activedescendant", option.id);
      if (option.scrollIntoView) {
        option.scrollIntoView({ block: "nearest" });
      }
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function announce(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function render(suggestions) {
    setActive(-1);
    listbox.textContent = "";
    options = [];
    suggestions.forEach(function (suggestion, index) {
      if (!suggestion || typeof suggestion.url !== "string" || suggestion.url.charAt(0) !== "/") {
        return; // only our own pages
      }
      var option = document.createElement("li");
      option.id = listbox.id + "-option-" + index;
      option.className = "site-search__option";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.setAttribute("data-url", suggestion.url);
      option.textContent = suggestion.title; // text, never markup
      options.push(option);
      listbox.appendChild(option);
    });
    if (options.length) {
      open();
      announce("추천 기사 " + options.length + "건이 있습니다. 위아래 화살표로 고를 수 있습니다.");
    } else {
      close();
      announce("");
    }
  }

  function choose(index) {
    var url = options[index] && options[index].getAttribute("data-url");
    if (url) {
      close();
      window.location.assign(url);
    }
  }

  function currentQuery() {
    return input.value.replace(/\s+/g, " ").trim();
  }

  function load() {
    var query = currentQuery();
    if (query === requested) {
      open();
      return;
    }
    requested = query;
    if (controller) {
      controller.abort();
      controller = null;
    }
    if (!query || query.length > MAX_LENGTH) {
      render([]);
      return;
    }
    if (Object.prototype.hasOwnProperty.call(cache, query)) {
      render(cache[query]);
      return;
    }
    controller = window.AbortController ? new AbortController() : null;
    window.fetch(endpoint + "?q=" + encodeURIComponent(query), {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      signal: controller ? controller.signal : undefined
    })
      .then(function (response) {
        return response.ok ? response.json() : { suggestions: [] };
      })
      .then(function (data) {
        var suggestions = (data && Array.isArray(data.suggestions)) ? data.suggestions : [];
        cache[query] = suggestions;
        if (currentQuery() === query && document.activeElement === input) {
          render(suggestions);
        }
      })
      .catch(function () {
        /* aborted by a newer query, or offline: the form still works */
      });
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(load, DELAY);
  }

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");

  input.addEventListener("input", schedule);

  input.addEventListener("keydown", function (event) {
    if (event.isComposing || event.keyCode === 229) {
      return; // the IME is still composing a Hangul syllable
    }
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!isOpen()) {
          if (options.length && requested === currentQuery()) {
            open();
            setActive(0);
          } else {
            window.clearTimeout(timer);
            load();
          }
        } else {
          setActive(active + 1 >= options.length ? 0 : active + 1);
        }
        break;
      case "ArrowUp":
        if (isOpen()) {
          event.preventDefault();
          setActive(active <= 0 ? options.length - 1 : active - 1);
        }
        break;
      case "Enter":
        if (isOpen() && active >= 0) {
          event.preventDefault();
          choose(active);
        }
        // otherwise the form submits to /search/
        break;
      case "Escape":
        if (isOpen()) {
          event.preventDefault();
          event.stopPropagation(); // the section menu also listens for Escape
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = "";
          requested = null;
          render([]);
        }
        break;
      case "Tab":
        close();
        break;
      default:
        break;
    }
  });

  // Keep focus in the box while a suggestion is clicked, then follow it.
  listbox.addEventListener("mousedown", function (event) {
    event.preventDefault();
  });
  listbox.addEventListener("click", function (event) {
    var option = event.target.closest("[role='option']");
    if (option) {
      choose(options.indexOf(option));
    }
  });
  listbox.addEventListener("mousemove", function (event) {
    var option = event.target.closest("[role='option']");
    if (option && options.indexOf(option) !== active) {
      setActive(options.indexOf(option));
    }
  });

  form.addEventListener("focusout", function (event) {
    if (!form.contains(event.relatedTarget)) {
      close();
    }
  });
  form.addEventListener("submit", function () {
    close();
  });
})();
